"""주택 자료 리더: 개별공시지가와 건축물대장 표제부 (6장). 실거래가 매매·전월세는 :mod:`.molit`.

- :func:`read_land_prices` — 국가공간정보포털(NSDI) 「개별공시지가정보」 CSV
  (고유번호, 법정동코드, 법정동명, 특수지구분코드, 특수지구분명, 지번, 기준연도, 기준월, 공시지가, 공시일자,
  표준지여부, 데이터기준일자). 공시지가는 원/㎡ 입니다.
- :func:`read_building_titles` — 건축물대장 표제부 CSV (공공데이터포털 「국토교통부_건축물대장 표제부」 내려받기,
  건축HUB 열 이름: 관리_건축물대장_PK, 대지_위치, 건물_명, 동_명, 대지_면적(㎡), 연면적(㎡), 주_용도_코드_명,
  세대_수(세대), 지상_층_수, 사용승인_일 …). 동(棟)마다 한 줄이고, 대지_면적은 동마다 단지 전체 값이 되풀이됩니다.

열은 이름으로 찾고(자리로 찾지 않음) 모르는 열은 지우지 않습니다. 형식이 틀리면 :class:`SejongDataError` 하나입니다.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..textio import read_table, to_number
from .common import rows_where, warn_file

__all__ = ["read_land_prices", "read_building_titles", "LAND_COLUMNS", "TITLE_COLUMNS"]

#: 개별공시지가 한국어 열 → 영어 열
LAND_COLUMNS = {
    "고유번호": "pnu", "법정동코드": "legal_code", "법정동명": "legal_name", "특수지구분코드": "special_code",
    "특수지구분명": "special_name", "지번": "jibun", "기준연도": "year", "기준월": "month",
    "공시지가": "price_won_m2", "공시일자": "announced", "표준지여부": "standard_parcel", "데이터기준일자": "data_date",
}
#: 표제부 한국어 열 → 영어 열 (필수 열은 _TITLE_REQUIRED)
TITLE_COLUMNS = {
    "관리_건축물대장_PK": "register_pk", "대장_구분_코드_명": "register_kind", "대장_종류_코드_명": "register_type",
    "대지_위치": "site_address", "도로명_대지_위치": "road_address", "건물_명": "building_name",
    "시군구_코드": "sigungu_code", "법정동_코드": "legal_code", "번": "bon", "지": "bu", "동_명": "dong_name",
    "주_부속_구분_코드_명": "main_or_annex", "대지_면적(㎡)": "site_area_m2", "건축_면적(㎡)": "footprint_m2",
    "건폐_율(%)": "coverage_pct", "연면적(㎡)": "floor_area_m2", "용적_률(%)": "far_pct", "주_용도_코드": "use_code",
    "주_용도_코드_명": "main_use", "기타_용도": "other_use", "세대_수(세대)": "households", "지상_층_수": "floors_above",
    "지하_층_수": "floors_below", "사용승인_일": "approval_date", "생성_일자": "created",
}
_LAND_REQUIRED = ["고유번호", "법정동명", "지번", "기준연도", "공시지가"]
_TITLE_REQUIRED = ["관리_건축물대장_PK", "대지_위치", "건물_명", "대지_면적(㎡)", "주_용도_코드_명", "세대_수(세대)",
                   "사용승인_일"]
_LAND_HINT = "국가공간정보포털(nsdi.go.kr) → 개별공시지가정보 에서 받은 CSV 를 고치지 않고 쓰세요."
_TITLE_HINT = "공공데이터포털 「국토교통부_건축물대장 표제부」(또는 건축HUB)에서 받은 CSV 를 고치지 않고 쓰세요."


def _english(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    norm = {k.replace(" ", ""): v for k, v in mapping.items()}
    return frame.rename(columns={c: norm[c.replace(" ", "")] for c in frame.columns if c.replace(" ", "") in norm})


def _open(path, required: list[str], what: str, hint: str) -> pd.DataFrame:
    path = Path(path)
    try:
        frame, _ = read_table(path, required=required, preamble=None)
    except SejongDataError as error:
        raise SejongDataError(path, f"{what} 파일이 아닙니다: {error.problem}", expected=error.expected,
                              found=error.found, hint=hint) from None
    return frame


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].astype("string").str.strip()


def read_land_prices(path) -> pd.DataFrame:
    """개별공시지가 CSV 를 필지 × 해 한 줄인 표로 읽습니다.

    돌려주는 열: pnu(19자리 글자), legal_code, legal_name, legal_dong('세종특별자치시' 를 뺀 법정동·리), jibun(글자),
    year(정수), month, price_won_m2(원/㎡, 정수), announced(공시일자), standard_parcel(bool) 과 그 밖의 열.

    예::

        land = read_land_prices("AL_36_D151_20230601.csv")
        land.groupby("year")["price_won_m2"].median()
    """
    path = Path(path)
    frame = _english(_open(path, _LAND_REQUIRED, "개별공시지가", _LAND_HINT), LAND_COLUMNS)
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = _text(out, column)
    pnu = out["pnu"]
    bad = ~pnu.str.fullmatch(r"\d{19}").fillna(False)
    if bad.any():
        raise SejongDataError(path, f"고유번호(PNU)가 19자리 숫자가 아닌 행이 {int(bad.sum())}개 있습니다.",
                              expected="19자리 숫자 글자 (법정동코드 10 + 대지구분 1 + 본번 4 + 부번 4; 앞자리 0 유지)",
                              found=rows_where(bad, pnu),
                              hint="엑셀로 열었다 저장하면 고유번호가 지수 표기로 바뀝니다. 원본 CSV 를 쓰세요.")
    year = to_number(out["year"], "기준연도", path)
    bad = year.isna() | ~year.between(1990, 2100).fillna(False)
    if bad.any():
        raise SejongDataError(path, "기준연도가 빈 칸이거나 연도가 아닙니다.", expected="네 자리 연도 (예: 2021)",
                              found=rows_where(bad, out["year"]))
    out["year"] = year.astype("Int64")
    price = to_number(out["price_won_m2"], "공시지가", path)
    bad = price.isna() | (price <= 0)
    if bad.any():
        raise SejongDataError(path, f"공시지가가 빈 칸이거나 0 이하인 행이 {int(bad.sum())}개 있습니다.",
                              expected="양수 (원/㎡)", found=rows_where(bad.fillna(True), out["price_won_m2"]))
    if (price.dropna() % 1 != 0).any():
        raise SejongDataError(path, "공시지가에 소수가 있습니다.", expected="원/㎡ 정수",
                              found=[v for v in price.dropna().tolist() if v % 1][:5])
    out["price_won_m2"] = price.astype("int64")
    if "announced" in out.columns:
        out["announced"] = pd.to_datetime(out["announced"], format="%Y%m%d", errors="coerce")
    if "standard_parcel" in out.columns:
        out["standard_parcel"] = out["standard_parcel"].eq("Y").fillna(False).astype(bool)
    out["legal_dong"] = out["legal_name"].str.replace(r"^\S+(특별자치시|특별시|광역시|특별자치도|도)\s+", "",
                                                         regex=True)
    dup = out.duplicated(["pnu", "year"], keep=False)
    if dup.any():
        raise SejongDataError(path, f"같은 필지·기준연도가 두 번 이상 나옵니다 ({int(dup.sum())}행).",
                              expected="고유번호 × 기준연도마다 한 줄", found=rows_where(dup, out["pnu"]))
    return out.reset_index(drop=True)


def read_building_titles(path) -> pd.DataFrame:
    """건축물대장 표제부 CSV 를 동(棟)마다 한 줄인 표로 읽습니다.

    돌려주는 열(있는 것만): register_pk, site_address(대지_위치), legal_dong, jibun, building_name, dong_name,
    main_or_annex, site_area_m2(대지 면적 ㎡; 단지의 동마다 되풀이), floor_area_m2, main_use(주용도), households,
    floors_above, approval_date(사용승인일), approval_year. 사용승인일이 빈 칸인 건물(미승인)은 지우지 않고
    approval_date 를 NaT 로 두고 경고로 셉니다.

    예::

        titles = read_building_titles("건축물대장_표제부_세종.csv")
        apt = titles[titles["main_use"] == "공동주택"]
    """
    path = Path(path)
    frame = _english(_open(path, _TITLE_REQUIRED, "건축물대장 표제부", _TITLE_HINT), TITLE_COLUMNS)
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = _text(out, column)
    dup = out["register_pk"].duplicated(keep=False)
    if dup.any():
        raise SejongDataError(path, f"관리_건축물대장_PK 가 겹치는 행이 {int(dup.sum())}개 있습니다.",
                              expected="건물마다 다른 PK", found=rows_where(dup, out["register_pk"]))
    for column, korean in [("site_area_m2", "대지_면적(㎡)"), ("floor_area_m2", "연면적(㎡)"),
                           ("footprint_m2", "건축_면적(㎡)")]:
        if column in out.columns:
            values = to_number(out[column], korean, path).astype("float64")
            if (values < 0).any():
                raise SejongDataError(path, f"열(column) '{korean}' 에 음수가 있습니다.", expected="0 이상 ㎡",
                                      found=rows_where((values < 0).fillna(False), out[column]))
            out[column] = values
    for column, korean in [("households", "세대_수(세대)"), ("floors_above", "지상_층_수"),
                           ("floors_below", "지하_층_수")]:
        if column in out.columns:
            values = to_number(out[column], korean, path)
            if (values.dropna() % 1 != 0).any():
                raise SejongDataError(path, f"열(column) '{korean}' 에 정수가 아닌 값이 있습니다.", expected="정수",
                                      found=[v for v in values.dropna().tolist() if v % 1][:5])
            out[column] = values.astype("float64").astype("Int64")
    text = out["approval_date"]
    present = text.notna() & text.ne("")
    dates = pd.to_datetime(text.where(present), format="%Y%m%d", errors="coerce")
    bad = present & dates.isna()
    if bad.any():
        raise SejongDataError(path, f"사용승인_일을 날짜로 읽을 수 없는 행이 {int(bad.sum())}개 있습니다.",
                              expected="YYYYMMDD (예: 20141226) 또는 빈 칸", found=rows_where(bad, text))
    out["approval_date"] = dates
    out["approval_year"] = dates.dt.year.astype("Int64")
    if (~present).any():
        warn_file(path, f"사용승인_일이 빈 건물 {int((~present).sum()):,}곳을 지우지 않고 approval_date=NaT 로 두었습니다.")
    parts = out["site_address"].str.replace(r"^\S+(특별자치시|특별시|광역시|특별자치도|도)\s+", "", regex=True)
    out["jibun"] = parts.str.extract(r"(\S+?)(?:번지)?$", expand=False)
    out["legal_dong"] = parts.str.replace(r"\s+\S+$", "", regex=True)
    return out.reset_index(drop=True)
