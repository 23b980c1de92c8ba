"""이 책이 만든 정돈된(tidy) 데이터 파일 리더 (project's own files in datasets/)."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..paths import data_path
from ..textio import parse_month_column, read_table, to_number

__all__ = ["read_emd_master", "read_places", "read_apartments", "PROJECT_SCHEMAS"]

#: 파일마다 필수 열과 열의 자료형 (text = 글자 그대로, int = Int64, float, date = 날짜, month = 그 달 1일).
#: optional 은 있으면 자료형을 맞추는 열입니다. 여기 없는 열도 지우지 않고 글자로 둡니다.
PROJECT_SCHEMAS: dict[str, dict] = {
    "emd_master.csv": {
        "text": ["emd_code", "emd_name", "emd_type", "lifezone", "parent_code"],
        "float": ["lat", "lon"],
        "date": ["established"],
        "int": ["pop_2024_07"],
        "optional": {"subzone": "text", "first_month": "month", "pop_2024_07_korean": "int"},
        "codes": ["emd_code", "parent_code"],
    },
    "places.csv": {
        "text": ["place_id", "name", "category", "emd_code", "lifezone"],
        "float": ["lat", "lon"],
        "codes": ["emd_code"],
    },
    "apartment_complexes.csv": {
        "text": ["complex_id", "village", "complex_name", "emd_code"],
        "float": ["lat", "lon", "share_small", "share_mid", "share_large"],
        "int": ["households", "floors_max"],
        "month": ["completion_ym"],
        "codes": ["emd_code"],
    },
}
_ORDER = ("text", "float", "int", "date", "month")


def read_project_table(path, name: str) -> pd.DataFrame:
    schema = PROJECT_SCHEMAS[name]
    path = Path(path) if path is not None else data_path(name)
    required = [c for kind in _ORDER for c in schema.get(kind, [])]
    present_optional = {}
    frame, _info = read_table(path, required=required, preamble=0)
    for column, kind in schema.get("optional", {}).items():
        if column in frame.columns:
            present_optional[column] = kind
    types = {c: kind for kind in _ORDER for c in schema.get(kind, [])} | present_optional
    for column, kind in types.items():
        frame[column] = _convert(frame[column], kind, column, path)
    for column in schema.get("codes", []):
        _check_codes(frame[column], column, path, allow_missing=column != "emd_code")
    return frame[required + [c for c in frame.columns if c not in required]]


def _convert(values: pd.Series, kind: str, column: str, path) -> pd.Series:
    if kind == "text":
        return values
    if kind == "float":
        return to_number(values, column, path).astype("float64")
    if kind == "int":
        numbers = to_number(values, column, path)
        if numbers.dtype != "Int64":
            raise SejongDataError(path, f"열(column) '{column}' 에 정수가 아닌 값이 있습니다.",
                                  expected="정수", found=list(numbers[numbers.notna() & (numbers % 1 != 0)].head(5)))
        return numbers
    if kind == "month":
        return parse_month_column(values, column, path)
    try:
        return pd.to_datetime(values, format="ISO8601")
    except (ValueError, TypeError):
        bad = [v for v in values.dropna() if pd.isna(pd.to_datetime(v, errors="coerce", format="ISO8601"))]
        raise SejongDataError(path, f"열(column) '{column}' 에 날짜(date)로 읽을 수 없는 값이 있습니다.",
                              expected="YYYY-MM-DD", found=bad[:5]) from None


def _check_codes(values: pd.Series, column: str, path, allow_missing: bool) -> None:
    text = values.dropna() if allow_missing else values.fillna("")
    bad = [v for v in text if not re.fullmatch(r"\d{10}", str(v))]
    if bad:
        raise SejongDataError(path, f"열(column) '{column}' 에 10자리 코드가 아닌 값이 {len(bad)}개 있습니다.",
                              expected="10자리 행정기관코드 (예: 3611025000)", found=bad[:5],
                              hint="엑셀로 열었다 저장하면 코드가 숫자로 바뀌어 앞자리 0 이나 자릿수가 달라질 수 있습니다.")


def read_emd_master(path=None) -> pd.DataFrame:
    """이 책의 읍면동 기준표 ``datasets/emd_master.csv`` 를 읽습니다 (실제 사실로 만든 24개 읍면동 표).

    어디서: ``python -m sejongdata.generate`` 가 만든 파일 (코드·이름·중심점은 통계청 SGIS 경계에서,
    2024년 7월 인구는 세종시 인구 현황에서 옴). 열: emd_code, emd_name, emd_type, lifezone, lat, lon,
    established(분동일, 처음부터 있던 곳은 NaT), parent_code, pop_2024_07 (+ 있으면 subzone 등).
    emd_code·parent_code 는 글자(str)로 둡니다.

    예::

        emd = read_emd_master()
        emd.sort_values("pop_2024_07", ascending=False).head()
    """
    return read_project_table(path, "emd_master.csv")


def read_places(path=None) -> pd.DataFrame:
    """이 책의 주요 장소 표 ``datasets/places.csv`` 를 읽습니다 (정부청사, 시청, 호수공원, BRT 정류장 …).

    어디서: ``python -m sejongdata.generate`` 가 만든 파일. 열: place_id, name, category, lat, lon,
    emd_code(글자), lifezone.

    예::

        places = read_places()
        places[places.category == "brt_stop"].head()
    """
    return read_project_table(path, "places.csv")


def read_apartments(path=None) -> pd.DataFrame:
    """이 책의 아파트 단지 표 ``datasets/apartment_complexes.csv`` 를 읽습니다 (모의 자료).

    어디서: ``python -m sejongdata.generate`` 가 만든 파일. 열: complex_id, village, complex_name, emd_code(글자),
    lat, lon, households, completion_ym(준공 연월 → 그 달 1일의 Timestamp), share_small, share_mid, share_large,
    floors_max.

    예::

        apt = read_apartments()
        apt.groupby(apt.completion_ym.dt.year)["households"].sum()
    """
    return read_project_table(path, "apartment_complexes.csv")
