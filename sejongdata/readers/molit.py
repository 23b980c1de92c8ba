"""국토교통부 실거래가 공개시스템 아파트 파일 리더 (MOLIT apartment transaction downloads).

- :func:`read_molit_apt_trades` — 아파트(매매) 실거래가
- :func:`read_molit_apt_rents` — 아파트(전월세) 실거래가

어디서: 국토교통부 실거래가 공개시스템(rt.molit.go.kr) → 조건별 자료제공 → 실거래구분 '아파트(매매)' 또는
'아파트(전월세)', 시도·시군구·기간을 고르고 CSV 내려받기. 어느 시군구의 파일이든 같은 리더로 읽습니다.

실제 내려받기 파일의 특징과 이 리더가 하는 일:

- CP949, 모든 칸이 큰따옴표, 앞에 안내문과 검색 조건 줄(preamble)이 있습니다. 줄 수는 판마다 달라 세지 않고,
  필수 열이 모두 있는 첫 줄을 머리글로 찾습니다.
- 열은 판마다 다릅니다. 예전 파일은 13열(시군구 … 해제사유발생일), 뒤에 거래유형·중개사소재지가 붙었고, 요즘
  파일에는 NO·동·매수자·매도자·등기일자가 더 있습니다. 열은 **이름으로** 찾습니다 (자리로 찾지 않음).
  없는 선택 열은 빈 값으로 채우고, 모르는 열은 지우지 않고 한국어 이름 그대로 둡니다.
- 거래금액(만원)은 천 단위 쉼표가 있는 글자("56,500")입니다. 만원 단위 정수로 읽습니다.
- 해제사유발생일(계약이 해제된 날)이 있는 거래는 지우지 않고 ``cancelled=True`` 로 표시하고 경고로 셉니다.
  가격을 볼 때는 빼야 합니다.
- 번지는 '가-246', '산12-3' 처럼 숫자가 아닐 수 있으므로 글자로 둡니다. 본번·부번은 앞자리 0을 지키는 글자입니다.
- '-' 만 있는 칸은 값이 없다는 뜻입니다.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..textio import normalize_header, read_table, to_number
from .columns import COLUMN_MAPS
from .common import english_columns, rows_where, warn_file

__all__ = ["read_molit_apt_trades", "read_molit_apt_rents", "split_address"]

_TRADE_REQUIRED = ["시군구", "단지명", "전용면적(㎡)", "계약년월", "계약일", "거래금액(만원)"]
_RENT_REQUIRED = ["시군구", "단지명", "전월세구분", "전용면적(㎡)", "계약년월", "계약일", "보증금(만원)", "월세금(만원)"]
_TEXT = ["address", "jibun", "bonbeon", "bubeon", "complex_name", "road_name", "deal_type",
         "broker_location", "building_dong", "buyer", "seller", "rent_type", "contract_term",
         "contract_kind", "renewal_right", "house_type"]
_DOWNLOAD_HINT = ("국토교통부 실거래가 공개시스템(rt.molit.go.kr) → 조건별 자료제공에서 받은 CSV 를 "
                  "고치지 않고 그대로 쓰세요.")


def _missing_dash(frame: pd.DataFrame) -> pd.DataFrame:
    """'-' 만 있는 칸을 결측값으로 (요즘 파일은 빈 등기일자·중개사소재지 등을 '-' 로 씁니다)."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            out[column] = values.mask(values.astype("string").str.strip().eq("-").fillna(False))
    return out


def _read(path, required: list[str], kind: str, other: tuple[str, str, str]):
    path = Path(path)
    try:
        frame, info = read_table(path, required=required, preamble=None)
    except SejongDataError as error:
        other_column, other_kind, other_reader = other
        text = str(error)
        if other_column in text or _has_column(path, other_column):
            raise SejongDataError(path, f"{other_kind} 파일로 보입니다 ('{other_column}' 열이 있음).",
                                  expected=f"{kind} 파일의 열 {required}", found=f"'{other_column}' 이 있는 머리글",
                                  hint=f"이 파일은 {other_reader} 로 읽으세요.") from None
        raise SejongDataError(path, f"국토교통부 실거래가 {kind} 파일이 아닙니다: {error.problem}",
                              expected=error.expected, found=error.found, hint=_DOWNLOAD_HINT) from None
    frame = _missing_dash(frame)
    frame, unknown = english_columns(frame, kind_key(kind), path)
    return path, frame, unknown


def kind_key(kind: str) -> str:
    return {"아파트(매매)": "molit_apt_trades", "아파트(전월세)": "molit_apt_rents"}[kind]


def _has_column(path: Path, column: str) -> bool:
    from ..textio import read_text

    try:
        text, _ = read_text(path)
    except SejongDataError:
        return False
    head = "\n".join(text.splitlines()[:60])
    return normalize_header(column) in normalize_header(head)


def split_address(values: pd.Series) -> pd.DataFrame:
    """'서울특별시 구로구 가리봉동', '세종특별자치시 조치원읍 신흥리' 를 시도·시군구·법정동으로 나눕니다.

    세종특별자치시처럼 시군구가 없는 곳은 ``sigungu`` 가 빈 값이고 법정동에 읍면과 리가 함께 들어갑니다.
    """
    parts = values.astype("string").str.strip().str.split(r"\s+", regex=True)
    sido = parts.str[0]
    has_sgg = parts.map(lambda p: isinstance(p, list) and len(p) >= 3 and bool(re.search(r"(시|군|구)$", p[1])))
    sigungu = parts.str[1].where(has_sgg)
    rest = pd.Series([" ".join(p[2:] if s else p[1:]) if isinstance(p, list) else pd.NA
                      for p, s in zip(parts, has_sgg)], index=values.index, dtype="string")
    return pd.DataFrame({"sido": sido.astype("string"), "sigungu": sigungu.astype("string"),
                         "legal_dong": rest})


def _contract_dates(frame: pd.DataFrame, path: Path) -> pd.Series:
    ym = frame["contract_ym"].astype("string").str.strip()
    day = frame["contract_day"].astype("string").str.strip()
    bad_ym = ~ym.str.fullmatch(r"\d{6}").fillna(False)
    bad_day = ~day.str.fullmatch(r"\d{1,2}").fillna(False)
    bad = (bad_ym | bad_day).to_numpy()
    if bad.any():
        mask = pd.Series(bad, index=frame.index)
        shown = (ym + "/" + day).fillna("(빈 칸)")
        raise SejongDataError(path, f"계약년월·계약일을 날짜로 읽을 수 없는 행이 {int(bad.sum())}개 있습니다.",
                              expected="계약년월 YYYYMM (예: 202103), 계약일 1~31",
                              found=rows_where(mask, shown.reset_index(drop=True).set_axis(frame.index)))
    dates = pd.to_datetime(ym + day.str.zfill(2), format="%Y%m%d", errors="coerce")
    if dates.isna().any():
        mask = dates.isna()
        raise SejongDataError(path, "없는 날짜가 있습니다 (예: 2월 30일).", expected="실제 달력의 날짜",
                              found=rows_where(mask, (ym + "-" + day)))
    return dates


def _optional_dates(values: pd.Series, column: str, path: Path) -> pd.Series:
    """해제사유발생일·등기일자: 'YYYYMMDD' 또는 'YY.MM.DD' (요즘 파일). 빈 칸은 NaT."""
    text = values.astype("string").str.strip()
    present = text.notna() & text.ne("")
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    long_form = present & text.str.fullmatch(r"\d{8}").fillna(False)
    short_form = present & text.str.fullmatch(r"\d{2}\.\d{2}\.\d{2}").fillna(False)
    out[long_form] = pd.to_datetime(text[long_form], format="%Y%m%d", errors="coerce")
    out[short_form] = pd.to_datetime(text[short_form], format="%y.%m.%d", errors="coerce")
    bad = present & out.isna()
    if bad.any():
        raise SejongDataError(path, f"열(column) '{column}' 에 날짜로 읽을 수 없는 값이 {int(bad.sum())}개 있습니다.",
                              expected="YYYYMMDD (예: 20210305) 또는 YY.MM.DD (예: 21.03.05), 또는 빈 칸",
                              found=rows_where(bad, text))
    return out


def _integers(frame: pd.DataFrame, column: str, korean: str, path: Path, required: bool = True) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="Int64")
    numbers = to_number(frame[column], korean, path)
    whole = numbers.dropna()
    if len(whole) and not (whole.astype("float64") % 1 == 0).all():
        raise SejongDataError(path, f"열(column) '{korean}' 에 정수가 아닌 값이 있습니다.", expected="정수",
                              found=[v for v in whole.tolist() if float(v) % 1][:5])
    if required and numbers.isna().any():
        raise SejongDataError(path, f"열(column) '{korean}' 에 빈 칸이 {int(numbers.isna().sum())}개 있습니다.",
                              expected="모든 행에 값", found=rows_where(numbers.isna()))
    return numbers.astype("float64").astype("Int64")


def _areas(frame: pd.DataFrame, path: Path) -> pd.Series:
    area = to_number(frame["area_m2"], "전용면적(㎡)", path).astype("float64")
    bad = area.isna() | (area <= 0) | (area > 1000)
    if bad.any():
        raise SejongDataError(path, f"열(column) '전용면적(㎡)' 에 빈 칸이나 범위 밖 값이 {int(bad.sum())}개 있습니다.",
                              expected="0 보다 크고 1,000 이하인 ㎡ 값", found=rows_where(bad, frame["area_m2"]))
    return area


def _common(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    for column in _TEXT:
        if column not in frame.columns:
            frame[column] = pd.NA
        frame[column] = frame[column].astype("string").str.strip()
    out = pd.concat([frame[["address"]], split_address(frame["address"])], axis=1)
    out["jibun"] = frame["jibun"]
    out["bonbeon"], out["bubeon"] = frame["bonbeon"], frame["bubeon"]
    out["complex_name"] = frame["complex_name"]
    out["area_m2"] = _areas(frame, path)
    out["contract_date"] = _contract_dates(frame, path)
    out["floor"] = _integers(frame, "floor", "층", path, required=False)
    out["build_year"] = _integers(frame, "build_year", "건축년도", path, required=False)
    out["road_name"] = frame["road_name"]
    if "row_no" in frame.columns:
        out["row_no"] = _integers(frame, "row_no", "NO", path, required=False)
    return out


def read_molit_apt_trades(path) -> pd.DataFrame:
    """국토교통부 실거래가 공개시스템의 아파트(매매) CSV 를 한 거래가 한 줄인 표로 읽습니다.

    돌려주는 열: address(시군구 칸 그대로), sido, sigungu, legal_dong, jibun(글자), bonbeon, bubeon,
    complex_name, area_m2, contract_date, floor, build_year, road_name, price_10k_won(만원, 정수),
    cancel_date, cancelled, deal_type(거래유형), broker_location(중개사소재지), building_dong(동),
    buyer, seller(매수자·매도자), registration_date(등기일자). 없는 선택 열은 빈 값입니다.

    예::

        trades = read_molit_apt_trades("아파트(매매)_실거래가_20210101~20210331.csv")
        prices = trades[~trades["cancelled"]]
    """
    path, frame, unknown = _read(path, _TRADE_REQUIRED, "아파트(매매)",
                                 ("전월세구분", "아파트(전월세)", "read_molit_apt_rents"))
    out = _common(frame, path)
    out["price_10k_won"] = _integers(frame, "price_10k_won", "거래금액(만원)", path)
    bad = out["price_10k_won"] <= 0
    if bad.any():
        raise SejongDataError(path, "거래금액(만원)이 0 이하인 행이 있습니다.", expected="양수 (만원)",
                              found=rows_where(bad.fillna(False), frame["price_10k_won"]))
    for column in ["deal_type", "broker_location", "building_dong", "buyer", "seller"]:
        out[column] = frame[column]
    cancel = frame["cancel_date"] if "cancel_date" in frame.columns else pd.Series(pd.NA, index=frame.index)
    out["cancel_date"] = _optional_dates(cancel, "해제사유발생일", path)
    out["cancelled"] = out["cancel_date"].notna()
    reg = frame["registration_date"] if "registration_date" in frame.columns else pd.Series(pd.NA, index=frame.index)
    out["registration_date"] = _optional_dates(reg, "등기일자", path)
    if out["cancelled"].any():
        warn_file(path, f"해제된 거래 {int(out['cancelled'].sum()):,}건을 지우지 않고 cancelled=True 로 표시했습니다 "
                        "(가격 분석에서는 빼세요).")
    return _with_unknown(out, frame, unknown)


def read_molit_apt_rents(path) -> pd.DataFrame:
    """국토교통부 실거래가 공개시스템의 아파트(전월세) CSV 를 한 계약이 한 줄인 표로 읽습니다.

    매매 리더와 같은 주소·단지·면적·계약일 열에 더해 rent_type('전세'/'월세'), deposit_10k_won(보증금, 만원),
    monthly_rent_10k_won(월세, 만원; 전세는 0), contract_term(계약기간), contract_kind(계약구분: 신규/갱신),
    renewal_right(갱신요구권 사용), prev_deposit_10k_won, prev_monthly_rent_10k_won(종전계약) 을 돌려줍니다.
    """
    path, frame, unknown = _read(path, _RENT_REQUIRED, "아파트(전월세)",
                                 ("거래금액(만원)", "아파트(매매)", "read_molit_apt_trades"))
    out = _common(frame, path)
    kinds = frame["rent_type"]
    bad = ~kinds.isin(["전세", "월세"])
    if bad.any():
        raise SejongDataError(path, "열(column) '전월세구분' 에 '전세'·'월세' 가 아닌 값이 있습니다.",
                              expected="전세 또는 월세", found=rows_where(bad.fillna(True), kinds))
    out["rent_type"] = kinds
    out["deposit_10k_won"] = _integers(frame, "deposit_10k_won", "보증금(만원)", path)
    out["monthly_rent_10k_won"] = _integers(frame, "monthly_rent_10k_won", "월세금(만원)", path)
    for column in ["contract_term", "contract_kind", "renewal_right", "house_type"]:
        out[column] = frame[column]
    out["prev_deposit_10k_won"] = _integers(frame, "prev_deposit_10k_won", "종전계약 보증금(만원)", path,
                                            required=False)
    out["prev_monthly_rent_10k_won"] = _integers(frame, "prev_monthly_rent_10k_won", "종전계약 월세(만원)", path,
                                                 required=False)
    return _with_unknown(out, frame, unknown)


def _with_unknown(out: pd.DataFrame, frame: pd.DataFrame, unknown: list[str]) -> pd.DataFrame:
    """리더가 모르는 열은 지우지 않고 한국어 이름 그대로 뒤에 붙입니다 (NO 같은 차례 번호는 row_no 로 남습니다)."""
    for column in unknown:
        out[column] = frame[column]
    return out.reset_index(drop=True)


