"""인구이동 분석 도구와 17개 시도 기준표 (3장 「인구이동 변화」).

- :func:`sido_table` — 17개 시도의 이름, 줄임 이름, 코드, 대표 좌표
- :func:`are_neighbors` — 두 시도가 땅으로 맞닿아 있는지 (인접, contiguity)
- :func:`gravity_pairs` — 시도 쌍마다 이동자 수, 두 시도의 인구, 대표 좌표 사이 거리, 인접 여부를 붙인 표
  (중력 모형(gravity model)의 자료)
- :func:`flow_lines` — 읍면동 사이 이동(OD) 표에 출발지·도착지 중심점을 붙여 지도에 그릴 선의 표로

대표 좌표는 **시도청 소재지의 대략 위치**(소수 2자리, 약 1 km)입니다. 실제 시도의 기하학적 중심이나
인구 중심이 아니며, 사실 파일에 출처가 없는 교재용 근사값입니다. 세종은 시청(보람동) 위치입니다.
인접 목록도 행정구역 지도를 보고 정한 교재용 목록입니다 (바다 건너 제주는 인접한 시도가 없음).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .geo import haversine_m

__all__ = ["Sido", "SIDOS", "NEIGHBORS", "sido_table", "short_name", "are_neighbors",
           "gravity_pairs", "flow_lines"]


@dataclass(frozen=True)
class Sido:
    """시도 하나."""

    code: str        # 행정구역 코드 앞 두 자리 (강원 51, 전북 52 는 특별자치도 출범 뒤의 코드)
    name: str        # KOSIS 가 요즘 쓰는 이름 (예: 강원특별자치도)
    short: str       # 줄임 이름 (서울, 경기 …)
    lat: float       # 대표 좌표: 시도청 소재지 (대략, 교재용)
    lon: float


SIDOS: tuple[Sido, ...] = (
    Sido("11", "서울특별시", "서울", 37.57, 126.98),
    Sido("26", "부산광역시", "부산", 35.18, 129.08),
    Sido("27", "대구광역시", "대구", 35.87, 128.60),
    Sido("28", "인천광역시", "인천", 37.46, 126.71),
    Sido("29", "광주광역시", "광주", 35.16, 126.85),
    Sido("30", "대전광역시", "대전", 36.35, 127.38),
    Sido("31", "울산광역시", "울산", 35.54, 129.31),
    Sido("36", "세종특별자치시", "세종", 36.48, 127.29),
    Sido("41", "경기도", "경기", 37.28, 127.01),
    Sido("51", "강원특별자치도", "강원", 37.88, 127.73),
    Sido("43", "충청북도", "충북", 36.64, 127.49),
    Sido("44", "충청남도", "충남", 36.66, 126.67),
    Sido("52", "전북특별자치도", "전북", 35.82, 127.15),
    Sido("46", "전라남도", "전남", 34.82, 126.46),
    Sido("47", "경상북도", "경북", 36.58, 128.51),
    Sido("48", "경상남도", "경남", 35.24, 128.69),
    Sido("50", "제주특별자치도", "제주", 33.49, 126.50),
)

# 땅으로 맞닿은 시도 (줄임 이름). 교재용으로 지도를 보고 정한 목록입니다.
NEIGHBORS: dict[str, tuple[str, ...]] = {
    "서울": ("경기", "인천"),
    "부산": ("울산", "경남"),
    "대구": ("경북", "경남"),
    "인천": ("서울", "경기"),
    "광주": ("전남",),
    "대전": ("세종", "충북", "충남"),
    "울산": ("부산", "경북", "경남"),
    "세종": ("대전", "충북", "충남"),
    "경기": ("서울", "인천", "강원", "충북", "충남"),
    "강원": ("경기", "충북", "경북"),
    "충북": ("경기", "강원", "경북", "전북", "충남", "대전", "세종"),
    "충남": ("경기", "충북", "대전", "세종", "전북"),
    "전북": ("충남", "충북", "경북", "경남", "전남"),
    "전남": ("광주", "전북", "경남"),
    "경북": ("강원", "충북", "전북", "대구", "울산", "경남"),
    "경남": ("부산", "울산", "대구", "경북", "전북", "전남"),
    "제주": (),
}

_BY_NAME = {s.name: s for s in SIDOS} | {s.short: s for s in SIDOS}
# KOSIS 의 옛 이름도 받습니다 (2023-06 강원특별자치도, 2024-01 전북특별자치도 출범 전).
_BY_NAME |= {"강원도": _BY_NAME["강원"], "전라북도": _BY_NAME["전북"]}


def sido_table() -> pd.DataFrame:
    """17개 시도 표 (열: sido_code, sido_name, short_name, lat, lon). KOSIS 의 시도 순서입니다."""
    return pd.DataFrame([{"sido_code": s.code, "sido_name": s.name, "short_name": s.short,
                          "lat": s.lat, "lon": s.lon} for s in SIDOS])


def _sido(name: str) -> Sido:
    key = " ".join(str(name).split())
    if key not in _BY_NAME:
        raise ValueError(f"시도 이름이 아닙니다: {name!r}. 가능한 이름: {[s.name for s in SIDOS]} "
                         f"또는 줄임 이름 {[s.short for s in SIDOS]}")
    return _BY_NAME[key]


def short_name(name: str) -> str:
    """시도 이름(정식·옛 이름·줄임 이름) → 줄임 이름. 예: '대전광역시' → '대전'."""
    return _sido(name).short


def are_neighbors(a: str, b: str) -> bool:
    """두 시도가 땅으로 맞닿아 있으면 True (정식 이름이나 줄임 이름)."""
    return _sido(b).short in NEIGHBORS[_sido(a).short]


def gravity_pairs(flows: pd.DataFrame, population: pd.Series, value: str = "movers",
                  origin: str = "origin", destination: str = "destination") -> pd.DataFrame:
    """중력 모형용 시도 쌍 표를 만듭니다.

    ``flows`` 는 출발 시도(``origin``), 도착 시도(``destination``), 이동자 수(``value``) 열이 있는 표이고,
    ``population`` 은 시도 이름을 색인으로 하는 인구(명)입니다('전국' 행은 무시). '전국' 행과 같은 시도 안의 이동(대각선)은 뺍니다.
    돌려주는 열: origin, destination, ``value``, pop_origin, pop_dest, distance_km(대표 좌표 사이 직선거리,
    소수 1자리), contiguous(인접 1/0), to_sejong(도착지가 세종이면 1), from_sejong(출발지가 세종이면 1).

    예::

        pairs = migration.gravity_pairs(od_2020, pop_2020)
        smf.glm("movers ~ np.log(pop_origin) + np.log(pop_dest) + np.log(distance_km)",
                data=pairs, family=sm.families.Poisson()).fit()
    """
    missing = [c for c in (origin, destination, value) if c not in flows.columns]
    if missing:
        raise ValueError(f"flows 에 열이 없습니다: {missing}. 있는 열: {list(flows.columns)}")
    keep = ~flows[origin].isin(["전국"]) & ~flows[destination].isin(["전국"])
    table = flows.loc[keep, [origin, destination, value]].copy()
    table.columns = ["origin", "destination", value]
    o = [_sido(n) for n in table["origin"]]
    d = [_sido(n) for n in table["destination"]]
    table = table[[a.code != b.code for a, b in zip(o, d)]].reset_index(drop=True)
    o = [_sido(n) for n in table["origin"]]
    d = [_sido(n) for n in table["destination"]]
    population = population[[" ".join(str(n).split()) != "전국" for n in population.index]]
    pop = pd.Series(population.to_numpy(), index=[_sido(n).short for n in population.index])
    lacking = sorted({s.short for s in o + d} - set(pop.index))
    if lacking:
        raise ValueError(f"population 에 없는 시도: {lacking}")
    table["pop_origin"] = [pop[s.short] for s in o]
    table["pop_dest"] = [pop[s.short] for s in d]
    dist = haversine_m([s.lat for s in o], [s.lon for s in o], [s.lat for s in d], [s.lon for s in d])
    table["distance_km"] = np.round(dist / 1000, 1)
    table["contiguous"] = [int(b.short in NEIGHBORS[a.short]) for a, b in zip(o, d)]
    table["to_sejong"] = [int(b.short == "세종") for b in d]
    table["from_sejong"] = [int(a.short == "세종") for a in o]
    return table


def flow_lines(od: pd.DataFrame, places: pd.DataFrame, value: str = "movers",
               origin: str = "origin", destination: str = "destination",
               name: str = "emd_name") -> pd.DataFrame:
    """이동(OD) 표에 출발지·도착지 좌표를 붙입니다 (지도의 흐름선용).

    ``places`` 는 ``name`` 열과 lat, lon 열이 있는 표(예: 읍면동 기준표)입니다. 돌려주는 열:
    origin, destination, ``value``, origin_lat, origin_lon, dest_lat, dest_lon. 좌표가 없는 이름은 오류입니다.
    """
    where = places.set_index(name)[["lat", "lon"]]
    lacking = sorted((set(od[origin]) | set(od[destination])) - set(where.index))
    if lacking:
        raise ValueError(f"places 에 좌표가 없는 이름: {lacking[:8]}")
    out = od[[origin, destination, value]].rename(columns={origin: "origin",
                                                           destination: "destination"})
    out = out.reset_index(drop=True)
    out["origin_lat"] = where.loc[out["origin"], "lat"].to_numpy()
    out["origin_lon"] = where.loc[out["origin"], "lon"].to_numpy()
    out["dest_lat"] = where.loc[out["destination"], "lat"].to_numpy()
    out["dest_lon"] = where.loc[out["destination"], "lon"].to_numpy()
    return out
