"""공유 PM(전동킥보드) 분석에 쓰는 파일 리더 (2장).

- :func:`read_ebike_trips`: 공유 전기자전거 운영사가 시에 넘기는 이용 기록 (공개된 공식 형식은 없음)
- :func:`read_pm_sites`: 이 책의 PM 주차존 후보지 표 ``datasets/pm_candidate_sites.csv``
- :func:`read_grid`: 이 책의 250 m 격자 표 ``datasets/grid_250m.csv``
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..textio import read_table, to_number
from .common import SEJONG_BBOX, parse_times, warn_file
from .project import PROJECT_SCHEMAS, read_project_table

__all__ = ["read_ebike_trips", "read_pm_sites", "read_grid"]

_EBIKE_COLUMNS = ["trip_id", "start_time", "start_lat", "start_lon", "end_time", "end_lat", "end_lon",
                  "distance_m"]
_EBIKE_TIMES = {"%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS", "%Y-%m-%d %H:%M": "YYYY-MM-DD HH:MM"}

PROJECT_SCHEMAS["pm_candidate_sites.csv"] = {
    "text": ["site_id", "name", "category", "emd_code"],
    "float": ["lat", "lon"],
    "codes": ["emd_code"],
}
PROJECT_SCHEMAS["grid_250m.csv"] = {
    "text": ["cell_id", "emd_code", "land_use"],
    "float": ["lat", "lon"],
    "int": ["x", "y", "residents", "households", "n_brt", "n_commercial", "n_school", "n_park",
            "n_office"],
    "codes": ["emd_code"],
}


def read_ebike_trips(path) -> pd.DataFrame:
    """공유 전기자전거 이용 기록(운영사 자료)을 한 건이 한 줄인 표로 읽습니다.

    형식: UTF-8(또는 CP949), 머리글 ``trip_id,start_time,start_lat,start_lon,end_time,end_lat,end_lon,distance_m``.
    시각은 ``YYYY-MM-DD HH:MM:SS``, 좌표는 WGS84 도(degree), 거리는 미터. 운영사마다 열 이름이 다를 수 있으니
    실제 자료는 먼저 이 이름으로 바꾸세요. 못 읽는 값은 :class:`SejongDataError` 입니다.

    돌려주는 표: 위 열 + ``suspect`` (반납이 대여보다 이르거나, 거리가 음수이거나, 시작·끝 좌표가 세종시
    밖인 행). 그런 행은 지우지 않고 표시하며 까닭별 건수를 경고 하나로 알립니다.

    예::

        ebike = read_ebike_trips(data_path("ebike_trips_2020_sample.csv"))
        ebike[~ebike.suspect].distance_m.describe()
    """
    path = Path(path)
    frame, _info = read_table(path, required=_EBIKE_COLUMNS, preamble=0)
    out = pd.DataFrame({"trip_id": frame["trip_id"]})
    for column in _EBIKE_COLUMNS[1:]:
        if column.endswith("_time"):
            out[column] = parse_times(frame[column], column, path, _EBIKE_TIMES)
        else:
            out[column] = to_number(frame[column], column, path).astype("float64")
    out["suspect"] = _flag(out, path)
    return out


def _flag(out: pd.DataFrame, path) -> pd.Series:
    lat_lo, lat_hi, lon_lo, lon_hi = SEJONG_BBOX
    outside = pd.Series(False, index=out.index)
    for end in ("start", "end"):
        lat, lon = out[f"{end}_lat"], out[f"{end}_lon"]
        outside |= ~(lat.between(lat_lo, lat_hi) & lon.between(lon_lo, lon_hi))
    reasons = {"반납이 대여보다 이름": out["end_time"] < out["start_time"],
               "거리가 음수": out["distance_m"] < 0,
               "좌표가 세종시 밖": outside}
    counts = {name: int(mask.sum()) for name, mask in reasons.items() if mask.any()}
    if counts:
        warn_file(path, "의심스러운 행을 지우지 않고 suspect=True 로 표시했습니다: "
                  + ", ".join(f"{k} {v}건" for k, v in counts.items()))
    return pd.concat(reasons.values(), axis=1).any(axis=1)


def read_pm_sites(path=None) -> pd.DataFrame:
    """이 책의 공유 PM 주차존 후보지 표 ``datasets/pm_candidate_sites.csv`` 를 읽습니다 (모의 자료).

    열: site_id, name, category(brt_stop, commercial, apartment_gate, school, park, public_office, station),
    lat, lon, emd_code(글자).

    예::

        sites = read_pm_sites()
        sites.category.value_counts()
    """
    return read_project_table(path, "pm_candidate_sites.csv")


def read_grid(path=None) -> pd.DataFrame:
    """이 책의 250 m 격자 표 ``datasets/grid_250m.csv`` 를 읽습니다 (기반 도시에서 만든 토지이용·인구).

    열: cell_id(``G{ix}_{iy}``), x, y(EPSG:5186 왼쪽 아래 모서리, m), lat, lon(칸 중심), emd_code,
    residents, households, n_brt, n_commercial, n_school, n_park, n_office, land_use.
    칸 규칙은 :mod:`sejongdata.grid` 와 같습니다.

    예::

        grid = read_grid()
        grid.groupby("land_use")["residents"].sum()
    """
    return read_project_table(path, "grid_250m.csv")
