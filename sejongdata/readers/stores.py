"""소상공인시장진흥공단 상가(상권)정보 리더 (stores; 5·6·7장이 함께 씀).

- :func:`read_stores` — 공공데이터포털 「소상공인시장진흥공단_상가(상권)정보」 시도별 CSV (이 책의
  ``datasets/stores_sejong.csv`` 도 같은 형식)

여러 리더가 함께 쓰는 도구는 :mod:`.common` 에 있습니다.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..paths import data_path
from ..textio import read_table, to_number
from .columns import COLUMN_MAPS
from .common import (KOREA_LAT, KOREA_LON, SEJONG_BBOX, between, english_columns, rows_where,
                     show_value, warn_file)

__all__ = ["read_stores", "STORE_COLUMNS"]

DEFAULT_FILE = "stores_sejong.csv"
#: 돌려주는 표의 열 (파일의 39열을 영어로, 이 순서) + 표시 열 has_coords, in_sejong
STORE_COLUMNS: list[str] = list(COLUMN_MAPS["stores"].values())
_KOREAN = {v: k for k, v in COLUMN_MAPS["stores"].items()}
_REQUIRED = ["상가업소번호", "상호명", "상권업종대분류코드", "상권업종중분류코드", "상권업종소분류코드",
             "행정동코드", "경도", "위도"]
#: 숫자(Int64)로 바꾸는 열. 나머지는 모두 글자(str) 그대로입니다 (코드의 앞자리 0 을 지킴).
_INTEGER = ["lot_main_no", "lot_sub_no", "building_main_no", "building_sub_no"]
_OLD_LCLS = re.compile(r"[A-Z]")            # 개편 전 분류의 대분류 (Q 음식, D 소매, …); 개편 뒤는 I2, G2 …


def _read(path: Path) -> pd.DataFrame:
    """머리글을 찾아 읽습니다. 머리글이 없거나 상가업소번호 열이 없으면 '상가(상권)정보 파일이 아님' 오류."""
    try:
        frame, _info = read_table(path, required=_REQUIRED, preamble=0)
    except SejongDataError as err:
        no_header = err.problem.startswith("머리글 줄(header)을 찾지 못했습니다")
        found = err.found if isinstance(err.found, list) else []
        no_id = err.problem.startswith("필수 열(column)이 없습니다") and "상가업소번호" not in found
        if no_header or no_id:                      # 상가업소번호가 없는 머리글: 다른 종류의 파일
            raise SejongDataError(
                path, "소상공인시장진흥공단 상가(상권)정보 파일이 아닙니다: 이 형식의 머리글(header)이 없습니다.",
                expected=_REQUIRED, found=err.found,
                hint="공공데이터포털 「소상공인시장진흥공단_상가(상권)정보」 의 시도별 CSV 인지 확인하세요 "
                     "(내려받은 zip 을 풀면 시도마다 CSV 가 하나씩 있습니다).") from None
        raise
    return frame


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    """글자 열 (없는 열은 모두 결측값). 빈 칸은 결측값입니다."""
    if column not in frame.columns:
        return pd.Series(None, index=frame.index, dtype="str")
    return frame[column].astype("str")


def _check_ids(ids: pd.Series, path) -> None:
    """상가업소번호는 빈 칸이 없고 서로 달라야 합니다 (5~7장이 잇는 열쇠)."""
    blank = ids.isna() | ids.astype("str").str.strip().eq("")
    if blank.any():
        raise SejongDataError(path, f"열(column) '상가업소번호' 가 빈 행이 {int(blank.sum())}개 있습니다.",
                              expected="모든 행에 상가업소번호 (예: MA010120220800012345)", found=rows_where(blank))
    dup = ids.duplicated(keep=False)
    if dup.any():
        shown = list(dict.fromkeys(ids[dup]))
        raise SejongDataError(path, f"같은 상가업소번호(duplicate store id)가 두 번 이상 나옵니다: {len(shown)}개 번호, "
                                    f"{int(dup.sum())}개 행.",
                              expected="행마다 다른 상가업소번호", found=shown[:8],
                              hint="여러 시도 파일을 이어 붙였거나 같은 파일을 두 번 읽었는지 확인하세요.")


def _emd_codes(values: pd.Series, path) -> pd.Series:
    """행정동코드: 10자리 글자. 8자리(오픈 API 형식)면 뒤에 00 을 붙이고 경고, 그 밖의 모양은 오류."""
    text = values.fillna("").astype("str").str.strip()
    eight = text.str.fullmatch(r"\d{8}")
    ten = text.str.fullmatch(r"\d{10}")
    bad = ~(eight | ten)
    if bad.any():
        raise SejongDataError(path, f"열(column) '행정동코드' 에 10자리 코드가 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="10자리 행정동코드 (예: 3611052000)", found=rows_where(bad, text),
                              hint="엑셀로 열었다 저장하면 코드가 숫자(3.61105E+09)로 바뀔 수 있습니다. 내려받은 원본을 쓰세요.")
    if eight.any():
        warn_file(path, f"행정동코드가 8자리인 행 {int(eight.sum())}개에 '00' 을 붙여 10자리로 읽었습니다 "
                        f"(오픈 API 의 adongCd 형식): {list(dict.fromkeys(text[eight]))[:5]}")
    return text.where(ten, text + "00")


def _integers(frame: pd.DataFrame, column: str, path) -> pd.Series:
    """지번·건물 번지 열을 Int64 로. 정수가 아닌 값이 있으면 오류 (없는 열은 모두 NA)."""
    if column not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="Int64")
    numbers = to_number(frame[column], _KOREAN[column], path)
    if numbers.dtype != "Int64":
        odd = numbers.notna() & (numbers % 1 != 0)
        raise SejongDataError(path, f"열(column) '{_KOREAN[column]}' 에 정수가 아닌 값이 {int(odd.sum())}개 있습니다.",
                              expected="정수 번지 (예: 573)", found=rows_where(odd, frame[column]))
    return numbers


def _coordinates(frame: pd.DataFrame, path) -> tuple[pd.Series, pd.Series]:
    lon = to_number(frame["경도"], "경도", path).astype("float64")
    lat = to_number(frame["위도"], "위도", path).astype("float64")
    return lon, lat


def _flag_places(out: pd.DataFrame, path) -> None:
    """좌표가 비었거나 세종시 네모 밖인 행을 지우지 않고 표시하고 경고 하나로 알립니다."""
    lat_lo, lat_hi, lon_lo, lon_hi = SEJONG_BBOX
    out["has_coords"] = (out["lon"].notna() & out["lat"].notna()).astype(bool)
    out["in_sejong"] = (between(out["lat"], (lat_lo, lat_hi)) & between(out["lon"], (lon_lo, lon_hi))).astype(bool)
    missing = ~out["has_coords"]
    outside = out["has_coords"] & ~out["in_sejong"]
    if missing.any() or outside.any():
        swapped = outside & between(out["lat"], KOREA_LON) & between(out["lon"], KOREA_LAT)
        parts = []
        if missing.any():
            parts.append(f"경도·위도가 빈 행 {int(missing.sum())}개 (has_coords=False)")
        if outside.any():
            parts.append(f"세종시 범위(위도 {lat_lo}~{lat_hi}, 경도 {lon_lo}~{lon_hi}) 밖의 행 {int(outside.sum())}개")
        if swapped.any():
            parts.append(f"그중 경도·위도가 뒤바뀐 것으로 보이는 행 {int(swapped.sum())}개")
        flagged = out.loc[missing | outside, "store_id"].head(5).tolist()
        warn_file(path, "; ".join(parts) + f" 를 지우지 않고 in_sejong=False 로 표시했습니다: {flagged}")
    other = out["sido_code"].notna() & out["sido_code"].ne("36")
    if other.any():
        warn_file(path, f"시도코드가 36(세종)이 아닌 행이 {int(other.sum())}개 있습니다 (지우지 않음): "
                        f"{sorted(set(out.loc[other, 'sido_code']))[:5]}. 다른 시도의 파일이 섞이지 않았는지 확인하세요.")


def _check_classification(out: pd.DataFrame, path) -> None:
    """업종 코드의 판(2023년 개편 전·후)과 대·중·소분류 앞자리가 서로 맞는지 봅니다 (경고만)."""
    lcls = out["lcls_code"].fillna("").astype("str")
    old = lcls.str.fullmatch(_OLD_LCLS.pattern)
    if old.any():
        warn_file(path, f"대분류 코드가 개편 전 모양(한 글자, 예: Q 음식·D 소매)인 행이 {int(old.sum())}개 있습니다. "
                        "이 책의 장은 2023년 개편 분류(I2 음식·G2 소매 …)를 씁니다. 코드 비교 전에 판을 확인하세요.")
    mcls = out["mcls_code"].fillna("").astype("str")
    scls = out["scls_code"].fillna("").astype("str")
    nested = [m.startswith(big) and small.startswith(m) for big, m, small in zip(lcls, mcls, scls)]
    bad = ~pd.Series(nested, index=out.index, dtype=bool)
    if bad.any():
        shown = [f"{show_value(out.at[i, 'store_id'])}: {lcls[i]}/{mcls[i]}/{scls[i]}" for i in bad[bad].index[:5]]
        warn_file(path, f"대·중·소분류 코드의 앞자리가 서로 맞지 않는 행이 {int(bad.sum())}개 있습니다 (지우지 않음): {shown}")


def read_stores(path=None) -> pd.DataFrame:
    """소상공인시장진흥공단 상가(상권)정보 파일을 점포 한 곳이 한 줄인 표로 읽습니다.

    어디서: 공공데이터포털(data.go.kr) 「소상공인시장진흥공단_상가(상권)정보」 파일데이터. 내려받은 zip 을
    풀면 시도마다 CSV 가 하나씩 있습니다 (세종은 '…_세종_YYYYMM.csv'). ``path`` 를 주지 않으면 이 책의 모의
    파일 ``datasets/stores_sejong.csv`` (2024년 6월 기준, 모의 데이터)를 읽습니다.

    형식: UTF-8 (BOM 있거나 없거나) 또는 CP949, 쉼표 구분, 첫 줄 머리글. 열은 순서가 아니라 이름으로 찾습니다.
    꼭 있어야 하는 열은 상가업소번호, 상호명, 상권업종대·중·소분류코드, 행정동코드, 경도, 위도이고, 나머지
    39열 가운데 없는 열은 빈 값(NA)으로 채워 열 구성이 늘 같습니다.

    돌려주는 표: :data:`STORE_COLUMNS` (영어 이름, 파일 순서: store_id, name, branch, lcls_code … lon, lat) 다음에
    has_coords(경도·위도가 다 있음), in_sejong(세종시 네모 안) 표시 열, 그 뒤에 사전에 없는 열(한국어 이름 그대로).
    코드 열(상가업소번호, 업종·표준산업분류·시도·시군구·행정동·법정동·지번·도로명 코드, 건물관리번호, 우편번호)은
    앞자리 0 을 지키도록 글자(str), 지번·건물 본번지·부번지는 Int64, 경도·위도는 float64 입니다.

    오류(:class:`SejongDataError`): 이 형식의 머리글이 없는 파일(다른 공공데이터 파일), 필수 열이 없음,
    상가업소번호가 비었거나 겹침, 행정동코드가 10자리가 아님(엑셀이 바꾼 3.61105E+09 등), 경도·위도가 숫자가 아님.
    지우지 않고 표시·경고만 하는 것: 좌표가 비었거나 세종시 밖인 행, 세종(36)이 아닌 시도코드, 8자리
    행정동코드(뒤에 00 을 붙여 읽음), 개편 전 업종 코드(Q, D …), 앞자리가 맞지 않는 업종 코드.

    예::

        stores = read_stores()
        stores[stores.in_sejong].groupby("lcls_name").size()
    """
    path = Path(path) if path is not None else data_path(DEFAULT_FILE)
    frame = _read(path)
    lon, lat = _coordinates(frame, path)
    emd = _emd_codes(frame["행정동코드"], path)
    _check_ids(frame["상가업소번호"], path)
    frame, extra = english_columns(frame, "stores", path)
    out = pd.DataFrame(index=frame.index)
    for column in STORE_COLUMNS:
        if column in _INTEGER:
            out[column] = _integers(frame, column, path)
        else:
            out[column] = _text(frame, column)
    out["store_id"] = out["store_id"].str.strip()
    out["emd_code"], out["lon"], out["lat"] = emd, lon, lat
    _flag_places(out, path)
    _check_classification(out, path)
    for column in extra:
        out[column] = frame[column]
    return out.reset_index(drop=True)
