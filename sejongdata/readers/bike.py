"""세종시 공영자전거 어울링(Eoulling) 파일 리더 (public bike stations and trips).

- :func:`read_eoulling_stations` — 공공데이터포털 「세종특별자치시_공영자전거(어울링) 대여소 현황」
- :func:`read_eoulling_trips` — 어울링 이용 현황 (대여 한 건이 한 줄)

여러 리더가 함께 쓰는 도구는 :mod:`.common` 에 있습니다.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..textio import read_table, to_number
from .common import (KOREA_LAT, KOREA_LON, SEJONG_BBOX, between as _between, english_columns,
                     numbers as _numbers, parse_times, rows_where as _rows, show_value as _show,
                     text_column as _text, warn_file)

__all__ = ["read_eoulling_stations", "read_eoulling_trips"]

_STATION_ID = re.compile(r"SJ_\d+")
_TEST_NAME = re.compile(r"테스트|test", re.IGNORECASE)
_STATION_REQUIRED = ["대여소 아이디", "대여소 이름", "사용유무", "위도", "경도"]
_DATE_FORMATS = {"%Y-%m-%d": "YYYY-MM-DD", "%Y.%m.%d": "YYYY.MM.DD", "%Y%m%d": "YYYYMMDD",
                 "%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS"}
_TRIP_REQUIRED = ["시작대여일자", "시작대여소"]
_TRIP_COLUMNS = ["bike_id", "start_time", "start_station", "end_time", "end_station", "distance_m", "duration_min"]
_TIME_FORMATS = {"%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS", "%Y-%m-%d %H:%M": "YYYY-MM-DD HH:MM",
                 "%Y%m%d%H%M%S": "YYYYMMDDHHMMSS"}
_MAX_TRIP_MIN = 24 * 60


# ---------------------------------------------------------------------------
# 대여소 현황
# ---------------------------------------------------------------------------

def _in_use(values: pd.Series, path) -> pd.Series:
    """사용유무 Y/N 을 bool 로 (대소문자, 앞뒤 공백 무시). 다른 값은 오류."""
    flags = pd.Series(values, dtype="object").str.strip().str.upper()
    bad = ~flags.isin(["Y", "N"])
    if bad.any():
        shown = list(dict.fromkeys(_show(v) for v in values[bad]))
        raise SejongDataError(path, f"열(column) '사용유무' 에 Y/N 이 아닌 값이 {int(bad.sum())}개 있습니다: {', '.join(shown[:5])}",
                              expected="Y(사용) 또는 N(미사용)", found=_rows(bad, values))
    return flags.eq("Y").astype(bool)


def _coordinates(lat_col: pd.Series, lon_col: pd.Series, ids: pd.Series, path):
    """값을 보고 '위도'·'경도' 열이 뒤바뀐 행을 찾아 바로잡습니다. (lat, lon, swapped) 를 돌려줍니다.

    한국의 위도는 33~39, 경도는 124~132 입니다. '위도' 칸이 경도 범위이고 '경도' 칸이 위도 범위인 행만
    맞바꿉니다. 어느 쪽도 아닌 행은 그대로 둡니다 (in_sejong 이 False 가 됩니다).
    """
    looks_swapped = _between(lat_col, KOREA_LON) & _between(lon_col, KOREA_LAT)
    lat = lat_col.where(~looks_swapped, lon_col)
    lon = lon_col.where(~looks_swapped, lat_col)
    n, k = len(lat_col), int(looks_swapped.sum())
    if k:
        what = (f"'위도' 열에 경도(longitude, {KOREA_LON[0]:g}~{KOREA_LON[1]:g}), '경도' 열에 위도(latitude, "
                f"{KOREA_LAT[0]:g}~{KOREA_LAT[1]:g}) 값이 들어 있어")
        if k == n:
            warn_file(path, f"{what} 모든 행 {n}개의 두 값을 맞바꿨습니다 (coords_swapped=True).")
        else:
            warn_file(path, f"{what} {k}개 행(전체 {n}행 중)의 두 값을 맞바꿨고(coords_swapped=True), 나머지 {n - k}개 행은 "
                        f"그대로 두었습니다. 맞바꾼 대여소 예: {ids[looks_swapped].head(5).tolist()}")
    return lat, lon, looks_swapped


def _station_flags(out: pd.DataFrame, path) -> None:
    """세종 밖, 이름이 테스트, 아이디 모양, 중복 아이디를 경고합니다 (행은 지우지 않음)."""
    lat_min, lat_max, lon_min, lon_max = SEJONG_BBOX
    outside = ~out["in_sejong"]
    if outside.any():
        korea = _between(out["lat"], KOREA_LAT) & _between(out["lon"], KOREA_LON)
        strange = int((outside & ~korea).sum())
        note = f" 그중 {strange}개는 한국 좌표 범위도 아니거나 비어 있습니다." if strange else ""
        warn_file(path, f"세종시 범위(위도 {lat_min}~{lat_max}, 경도 {lon_min}~{lon_max}) 밖의 대여소 {int(outside.sum())}개를 "
                    f"지우지 않고 in_sejong=False 로 표시했습니다: {out.loc[outside, 'station_id'].head(5).tolist()}.{note}")
    if out["is_test"].any():
        warn_file(path, f"이름에 '테스트' 또는 'TEST' 가 들어간 대여소 {int(out['is_test'].sum())}개를 지우지 않고 is_test=True 로 "
                    f"표시했습니다: {out.loc[out['is_test'], 'station_id'].head(5).tolist()}")
    ids = out["station_id"]
    odd = ~ids.fillna("").str.fullmatch(_STATION_ID.pattern)
    if odd.any():
        warn_file(path, f"대여소 아이디가 'SJ_숫자' 모양이 아닌 행이 {int(odd.sum())}개 있습니다 (지우지 않음): "
                    f"{[_show(v) for v in ids[odd].head(5)]}")
    dups = ids[ids.duplicated(keep=False) & ids.notna()]
    if len(dups):
        warn_file(path, f"같은 대여소 아이디가 두 번 이상 나옵니다 ({len(dups)}개 행, 지우지 않음): "
                    f"{list(dict.fromkeys(dups))[:8]}")


def read_eoulling_stations(path) -> pd.DataFrame:
    """세종시 공영자전거 어울링 대여소 현황 파일을 대여소 한 줄씩의 표로 읽습니다.

    어디서: 공공데이터포털(data.go.kr) 「세종특별자치시_공영자전거(어울링) 대여소 현황」 파일데이터 (CSV).
    이 책의 모의 파일 ``datasets/eoulling_stations.csv`` 도 같은 형식입니다.

    형식: CP949 (UTF-8, UTF-8 BOM 도 받음). 머리글 ``대여소 번호,대여소 아이디,대여소 이름,사용유무,주소(구),
    주소(동),상세주소,위도,경도,권역,지오펜스 거리,등록일,수정일``. 열은 순서가 아니라 이름으로 찾습니다.
    꼭 있어야 하는 열은 대여소 아이디, 대여소 이름, 사용유무, 위도, 경도입니다.

    돌려주는 표: station_no(Int64), station_id, station_name, in_use(bool, 사용유무 Y/N), addr_gu, addr_dong,
    address, lat, lon, zone, geofence_m(float), registered, modified(datetime64; YYYY-MM-DD, YYYY.MM.DD,
    YYYYMMDD), in_sejong, coords_swapped, is_test (모두 bool). 파일에 없는 선택 열은 빈 값(NA)으로 채워
    열 구성이 늘 같습니다. 사전에 없는 열은 한국어 이름 그대로 뒤에 붙습니다.

    알려진 문제: 실제 파일은 '위도' 열에 경도, '경도' 열에 위도가 들어 있습니다. 열 이름이 아니라 값
    (한국 위도 33~39, 경도 124~132)을 보고 행마다 판단해 맞바꾸고 coords_swapped=True 로 표시하며,
    몇 행을 바꿨는지 경고(:class:`SejongDataWarning`) 하나로 알립니다. 세종시 네모(위도 36.40~36.75,
    경도 127.10~127.45) 밖의 행(다른 도시의 시험용 대여소 등), 이름에 '테스트'·'TEST' 가 든 행,
    'SJ_숫자' 모양이 아닌 아이디, 중복 아이디는 지우지 않고 표시·경고만 합니다.

    예::

        stations = read_eoulling_stations(data_path("eoulling_stations.csv"))
        stations[stations.in_sejong & stations.in_use].plot.scatter(x="lon", y="lat")
    """
    path = Path(path)
    frame, _info = read_table(path, required=_STATION_REQUIRED, preamble=0)
    lat_raw = to_number(frame["위도"], "위도", path).astype("float64")
    lon_raw = to_number(frame["경도"], "경도", path).astype("float64")
    in_use = _in_use(frame["사용유무"], path)
    frame, extra = english_columns(frame, "eoulling_stations", path)

    out = pd.DataFrame(index=frame.index)
    station_no = frame["station_no"] if "station_no" in frame.columns else pd.Series(pd.NA, index=frame.index)
    out["station_no"] = to_number(station_no, "대여소 번호", path).astype("Int64")
    for column in ("station_id", "station_name"):
        out[column] = _text(frame, column).str.strip()
    out["in_use"] = in_use
    for column in ("addr_gu", "addr_dong", "address"):
        out[column] = _text(frame, column)
    lat, lon, swapped = _coordinates(lat_raw, lon_raw, out["station_id"], path)
    out["lat"], out["lon"] = lat, lon
    out["zone"] = _text(frame, "zone")
    out["geofence_m"] = _numbers(frame, "geofence_m", "지오펜스 거리", path)
    for column, korean in (("registered", "등록일"), ("modified", "수정일")):
        values = frame[column] if column in frame.columns else pd.Series(pd.NA, index=frame.index)
        out[column] = parse_times(values, korean, path, _DATE_FORMATS)

    lat_min, lat_max, lon_min, lon_max = SEJONG_BBOX
    out["in_sejong"] = _between(out["lat"], (lat_min, lat_max)) & _between(out["lon"], (lon_min, lon_max))
    out["coords_swapped"] = swapped
    out["is_test"] = out["station_name"].fillna("").str.contains(_TEST_NAME).astype(bool)
    _station_flags(out, path)
    for column in extra:
        out[column] = frame[column]
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------
# 이용 현황 (대여 기록)
# ---------------------------------------------------------------------------

def _suspect_reasons(out: pd.DataFrame) -> dict[str, pd.Series]:
    """의심스러운 대여 기록의 까닭별 표시 (NaN 과의 비교는 False 입니다)."""
    span = out["end_time"] - out["start_time"]
    return {
        "종료 시각이 시작 시각보다 앞섬(end_time < start_time)": (out["end_time"] < out["start_time"]).fillna(False),
        "주행거리가 음수(distance_m < 0)": (out["distance_m"] < 0).fillna(False),
        "주행시간이 음수(duration_min < 0)": (out["duration_min"] < 0).fillna(False),
        "24시간 넘게 빌림(duration_min > 1440 또는 종료−시작 > 24시간)":
            ((out["duration_min"] > _MAX_TRIP_MIN) | (span > pd.Timedelta(hours=24))).fillna(False),
    }


def _flag_suspect(out: pd.DataFrame, path) -> pd.Series:
    reasons = _suspect_reasons(out)
    suspect = pd.Series(False, index=out.index)
    for mask in reasons.values():
        suspect |= mask.astype(bool)
    if suspect.any():
        counts = ", ".join(f"{name} {int(mask.sum())}건" for name, mask in reasons.items() if mask.any())
        warn_file(path, f"의심스러운 대여 기록 {int(suspect.sum())}건(전체 {len(out)}건 중)을 지우지 않고 suspect=True 로 "
                    f"표시했습니다. 까닭별 건수(한 건에 여러 까닭이 겹칠 수 있음): {counts}")
    return suspect


def read_eoulling_trips(path) -> pd.DataFrame:
    """세종시 공영자전거 어울링 이용 현황(대여 기록) 파일을 대여 한 건이 한 줄인 표로 읽습니다.

    어디서: 세종특별자치시 어울링 이용 현황 (공공데이터포털 파일데이터). 이 책의 모의 파일
    ``datasets/eoulling_trips_2020_sample.csv`` 도 같은 형식입니다.

    형식: CP949 (UTF-8, UTF-8 BOM 도 받음). 머리글 ``자전거번호,시작대여일자,시작대여소,종료대여일자,
    종료대여소,주행거리,주행시간``. 꼭 있어야 하는 열은 시작대여일자, 시작대여소이고 나머지는 있으면 씁니다
    (없으면 빈 값으로 채워 열 구성이 늘 같습니다). 주행거리는 미터(m), 주행시간은 분(minute)입니다.
    일자는 ``YYYY-MM-DD HH:MM:SS``, ``YYYY-MM-DD HH:MM``, ``YYYYMMDDHHMMSS`` 를 받고, 못 읽는 값이 있으면
    열 이름·행 번호·값을 담은 :class:`SejongDataError` 입니다.

    돌려주는 표: bike_id, start_time, start_station, end_time, end_station, distance_m(float),
    duration_min(float), suspect(bool). 종료가 시작보다 이르거나, 거리·시간이 음수이거나, 24시간이 넘는
    기록은 지우지 않고 suspect=True 로 표시하며 까닭별 건수를 경고 하나로 알립니다. 행 순서는 파일 그대로이고,
    사전에 없는 열은 한국어 이름 그대로 뒤에 붙습니다.
    12만 행 정도를 1초 안팎에 읽도록 행마다 Python 을 돌지 않는 벡터 연산만 씁니다.

    예::

        trips = read_eoulling_trips(data_path("eoulling_trips_2020_sample.csv"))
        trips[~trips.suspect].groupby(trips.start_time.dt.hour).size().plot.bar()
    """
    path = Path(path)
    frame, _info = read_table(path, required=_TRIP_REQUIRED, preamble=0)
    frame, extra = english_columns(frame, "eoulling_trips", path)
    korean = {"start_time": "시작대여일자", "end_time": "종료대여일자", "distance_m": "주행거리", "duration_min": "주행시간"}
    out = pd.DataFrame(index=frame.index)
    for column in _TRIP_COLUMNS:
        if column in ("start_time", "end_time"):
            values = frame[column] if column in frame.columns else pd.Series(pd.NA, index=frame.index)
            out[column] = parse_times(values, korean[column], path, _TIME_FORMATS)
        elif column in ("distance_m", "duration_min"):
            out[column] = _numbers(frame, column, korean[column], path)
        else:
            out[column] = _text(frame, column)
    _require_start(out, path)
    out["suspect"] = _flag_suspect(out, path)
    for column in extra:
        out[column] = frame[column]
    return out.reset_index(drop=True)


def _require_start(out: pd.DataFrame, path) -> None:
    """시작대여일자가 빈 행은 오류입니다 (대여 기록의 핵심 값)."""
    blank = out["start_time"].isna()
    if blank.any():
        raise SejongDataError(path, f"열(column) '시작대여일자' 가 빈 행이 {int(blank.sum())}개 있습니다.",
                              expected="모든 행에 대여 시작 일시 (YYYY-MM-DD HH:MM:SS)",
                              found=_rows(blank))
