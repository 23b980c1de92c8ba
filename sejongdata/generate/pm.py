"""공유 PM(전동킥보드) 자료 3종 — 2장 「공유 PM 수요 예측과 주차존 25개소 선정」.

- pm_candidate_sites.csv       모의 PM 주차존 후보지 (보행자가 닿는 곳: BRT 정류장, 상가, 단지 정문, 학교,
                               공원, 관공서, 역)
- grid_250m.csv                250 m 격자 칸마다 2020-12 아파트 거주 인구·세대와 후보지 분류별 수, 토지이용
- ebike_trips_2020_sample.csv  모의 공유 전기자전거 이용 기록 2020-08~12: 전체(약 25만 건)의 10 % 표본

세 자료는 :func:`base.build_city` 의 한 도시 위에 쌓입니다: 단지·장소 → 후보지(:func:`build_sites`) →
격자(:func:`build_grid`) → 전기자전거 수요와 기록(:func:`simulate_ebike`). 날씨와 요일 구분은 1장의
모의 날씨(:func:`bike.build_weather`)를 그대로 씁니다. 전기자전거는 대여소 없이 아무 데서나 빌리고
반납하며, 1장의 어울링 대여소(:func:`bike.build_stations`)는 '어울링이 없는 곳일수록 전기자전거를 더 탄다'는
배율(``SUBSTITUTE``)에만 쓰입니다. 이 모듈은 기초 도시와 어울링 자료를 바꾸지 않습니다.

격자 칸 규칙 (:func:`cell_of`): 위도·경도를 EPSG:5186 (m) 으로 바꾼 뒤 ``ix = floor(x / 250)``,
``iy = floor(y / 250)``; 칸 이름 ``G{ix}_{iy}``, 칸의 왼쪽 아래 모서리 (ix·250, iy·250).

모든 가정값(대문자 상수)은 교재용으로 정한 값이며, 데이터 카드(datasets/pm_candidate_sites.md,
grid_250m.md, ebike_trips_2020_sample.md)에 같은 내용을 표로 적었습니다.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from . import bike
from .base import (OCCUPANCY, PROJECTED_CRS, City, build_city, complex_population, locate, rng,
                   write_utf8_csv)

_TO_XY = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)
_TO_LL = Transformer.from_crs(PROJECTED_CRS, "EPSG:4326", always_xy=True)

SITES_FILE = "pm_candidate_sites.csv"
GRID_FILE = "grid_250m.csv"
EBIKE_FILE = "ebike_trips_2020_sample.csv"
JOCHIWON, YEONGI = "3611025000", "3611031000"


def _xy(lon, lat) -> np.ndarray:
    """경도·위도 → EPSG:5186 (m), (n, 2)."""
    x, y = _TO_XY.transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)])


def _lonlat6(xy: np.ndarray) -> np.ndarray:
    """EPSG:5186 → 경도·위도, 소수 6자리 (파일에 쓰는 값)."""
    lon, lat = _TO_LL.transform(xy[:, 0], xy[:, 1])
    return np.round(np.column_stack([lon, lat]), 6)


# ---------------------------------------------------------------------------
# 0. 격자 칸 규칙 (the grid-cell rule shared with the chapter)
# ---------------------------------------------------------------------------
CELL_M = 250


def cell_of(lat, lon):
    """위도·경도(WGS84) → 250 m 칸 번호 (ix, iy) = (floor(x/250), floor(y/250)), x·y 는 EPSG:5186.

    스칼라를 주면 정수 두 개, 배열을 주면 정수 배열 두 개를 돌려줍니다.
    """
    x, y = _TO_XY.transform(np.asarray(lon, float), np.asarray(lat, float))
    ix = np.floor(np.asarray(x) / CELL_M).astype(np.int64)
    iy = np.floor(np.asarray(y) / CELL_M).astype(np.int64)
    if ix.ndim == 0:
        return int(ix), int(iy)
    return ix, iy


def cell_id(ix, iy):
    """칸 번호 → 칸 이름 ``G{ix}_{iy}`` (스칼라나 배열)."""
    if np.ndim(ix) == 0:
        return f"G{int(ix)}_{int(iy)}"
    return np.array([f"G{a}_{b}" for a, b in zip(ix, iy)], dtype=object)


# ---------------------------------------------------------------------------
# 1. 주차존 후보지 (candidate PM parking sites)
# ---------------------------------------------------------------------------
MIN_GAP_M = 61.0            # 후보지 사이 최소 거리 (파일의 6자리 좌표로 60 m 이상이 되게 1 m 여유)
SITE_MARGIN_M = 20.0        # 동 경계에서 이만큼 안쪽에만 둠
GATE_OFFSET_M = 130.0       # 단지 중심에서 정문까지 (bike.py 와 같은 가정)
GATE_MIN_HH = 300           # 정문 후보: 2020-12 까지 준공한 이 세대수 이상의 단지 (가정)
SITE_MONTH = "2020-12"      # 후보지 목록의 기준 달 (이때까지 준공한 단지만)
SCHOOL_PER_COMPLEX, PARK_PER_COMPLEX, SHOP_PER_COMPLEX = 8, 12, 6   # 동마다 학교·공원·상가 수 = 1 + 단지 수 // 이 값
MAX_SCHOOLS, MAX_PARKS, MAX_SHOPS = 4, 3, 5
# 시청 둘레의 실제 기관 (사실 파일 §9: 3생활권에 시청·교육청·시의회가 한곳에). 위치는 모의.
HALL_NEIGHBOURS = ("세종특별자치시교육청 앞", "세종특별자치시의회 앞")
GOV_GATES = ("정부세종청사 북측 정문 앞", "정부세종청사 중앙동 앞", "정부세종청사 남측 정문 앞")
LAKE_GATES = ("세종호수공원 북측 입구", "세종호수공원 동측 입구", "세종호수공원 남측 입구",
              "세종호수공원 서측 입구")
# 연기면(세종리) 쪽 큰 공원 (bike.py 의 YEONGI_SITES 와 같은 이름; 위치는 모의)
YEONGI_PARKS = ("세종중앙공원 입구 1", "세종중앙공원 입구 2", "국립세종수목원 입구")
# 조치원읍의 고유 후보 (이름, 분류, 기준 장소, 기준에서의 거리 범위 m). 학교 이름은 리 이름으로 지은 모의 이름.
JOCHIWON_SPECIAL = (
    ("조치원역 앞", "station", "rail", 15, 40),
    ("조치원 버스터미널 앞", "station", "rail", 300, 500),
    ("세종전통시장 앞", "commercial", "rail", 200, 400),
    ("조치원역 앞 상점가", "commercial", "rail", 120, 250),
    ("고려대학교 세종캠퍼스 정문", "school", "univ0", 150, 260),
    ("고려대학교 세종캠퍼스 후문", "school", "univ0", 150, 260),
    ("고려대 세종캠퍼스 앞 상가", "commercial", "univ0", 260, 420),
    ("홍익대학교 세종캠퍼스 정문", "school", "univ1", 150, 260),
    ("홍익대학교 세종캠퍼스 후문", "school", "univ1", 150, 260),
    ("홍익대 세종캠퍼스 앞 상가", "commercial", "univ1", 260, 420),
    ("조치원읍 행정복지센터 앞", "public_office", "rail", 350, 700),
    ("조치원 체육공원 입구", "park", "homes", 500, 900),
)
JOCHIWON_SCHOOL_RI = ("신흥리", "번암리", "침산리")   # 조치원 학교 이름에 쓰는 리 (초·중학교)
CATEGORIES = ("brt_stop", "commercial", "apartment_gate", "school", "park", "public_office", "station")


@dataclass
class _Placer:
    """후보지를 하나씩 놓는 도구: 동 다각형 안쪽, 다른 후보지와 MIN_GAP_M 이상 떨어진 곳만."""

    gen: np.random.Generator
    polys: dict
    rows: list = field(default_factory=list)

    def _ok(self, code: str, p: np.ndarray) -> bool:
        if not shapely.contains_xy(self.polys[code], p[0], p[1]):
            return False
        if not self.rows:
            return True
        taken = np.array([(r["x"], r["y"]) for r in self.rows])
        return bool(np.hypot(*(taken - p).T).min() >= MIN_GAP_M)

    def add(self, code: str, anchor: np.ndarray, name: str, category: str,
            r_min: float, r_max: float, required: bool = False) -> bool:
        """기준점에서 r_min~r_max m 떨어진 자리를 찾아 더함. 못 찾으면 차츰 넓히고, 끝내 없으면 건너뜀."""
        for attempt in range(120):
            grow = 1 + attempt / 30
            angle = self.gen.uniform(0, 2 * np.pi)
            r = self.gen.uniform(r_min, r_max * grow)
            p = anchor + r * np.array([np.cos(angle), np.sin(angle)])
            if self._ok(code, p):
                self.rows.append({"name": name, "category": category, "code": code,
                                  "x": p[0], "y": p[1]})
                return True
        if required:
            raise RuntimeError(f"후보지 '{name}' 의 자리를 찾지 못했습니다.")
        return False




def _place_xy(city: City, **where) -> np.ndarray:
    """장소 표에서 조건에 맞는 첫 장소의 좌표 (EPSG:5186)."""
    pl = city.places
    mask = np.ones(len(pl), bool)
    for col, value in where.items():
        mask &= (pl[col] == value).to_numpy()
    row = pl[mask].iloc[0]
    return _xy([row["lon"]], [row["lat"]])[0]


def _built_complexes(city: City, code: str | None = None) -> pd.DataFrame:
    """SITE_MONTH 까지 준공한 단지 (code 를 주면 그 읍면동만)."""
    cx = city.complexes[city.complexes["completion_ym"] <= SITE_MONTH]
    return cx if code is None else cx[cx["emd_code"] == code]


def _landmark_sites(city: City, placer: _Placer) -> None:
    """장소 모형에서 오는 후보: 청사·시청·호수공원, BRT 정류장 24곳, 동 중심상가."""
    code_of = dict(zip(city.places["name"], city.places["emd_code"]))
    gov = _place_xy(city, name=bike.GOV_NAME)
    for name in GOV_GATES:
        placer.add(code_of[bike.GOV_NAME], gov, name, "public_office", 150, 320, required=True)
    hall_code = city.places.loc[city.places["category"] == "city_hall", "emd_code"].iloc[0]
    hall = _place_xy(city, category="city_hall")
    placer.add(hall_code, hall, "세종특별자치시청 앞", "public_office", 15, 40, required=True)
    for name in HALL_NEIGHBOURS:
        placer.add(hall_code, hall, name, "public_office", 120, 300, required=True)
    lake = _place_xy(city, name=bike.LAKE_NAME)
    for name in LAKE_GATES:
        placer.add(code_of[bike.LAKE_NAME], lake, name, "park", 200, 380, required=True)
    for p in city.places.itertuples():
        xy = _xy([p.lon], [p.lat])[0]
        if p.category == "brt_stop":
            placer.add(p.emd_code, xy, f"{p.name} 앞", "brt_stop", 15, 35, required=True)
        elif p.category == "commercial_center":
            dong = p.name.replace(" 상가 중심", "")
            placer.add(p.emd_code, xy, f"{dong} 중심상가 앞", "commercial", 10, 40, required=True)


def _jochiwon_sites(city: City, placer: _Placer) -> None:
    """조치원읍의 역·터미널·대학·시장·학교 후보."""
    univ = city.places[city.places["category"] == "university"]
    cx = _built_complexes(city, JOCHIWON)
    w = cx["households"].to_numpy(float)
    anchors = {"rail": _place_xy(city, category="rail_station"),
               "univ0": _xy(univ["lon"].iloc[[0]], univ["lat"].iloc[[0]])[0],
               "univ1": _xy(univ["lon"].iloc[[1]], univ["lat"].iloc[[1]])[0],
               "homes": (_xy(cx["lon"], cx["lat"]) * w[:, None]).sum(0) / w.sum()}
    for name, category, key, r0, r1 in JOCHIWON_SPECIAL:
        placer.add(JOCHIWON, anchors[key], name, category, r0, r1, required=True)
    for i, ri in enumerate(JOCHIWON_SCHOOL_RI):
        homes = cx[cx["village"] == ri]
        centre = _xy(homes["lon"], homes["lat"]).mean(0)
        kind = "초등학교" if i < 2 else "중학교"
        placer.add(JOCHIWON, centre, f"{ri[:-1]}{kind} 앞", "school", 80, 300)


def _school_names(dong: str, village: str) -> list[str]:
    """동의 모의 학교 이름, 놓는 순서대로: 동 초등학교, 마을 초등학교, 동 중학교, 동 고등학교, 마을 중학교
    (겹치면 하나만; 마을 이름에서 '마을' 을 떼되 한 글자만 남으면 그대로)."""
    stem = dong[:-1]
    vil = village.removesuffix("마을")
    vil = village if len(vil) < 2 else vil
    names = [f"{stem}초등학교", f"{vil}초등학교", f"{stem}중학교", f"{stem}고등학교", f"{vil}중학교"]
    return list(dict.fromkeys(names))


def _dong_sites(city: City, placer: _Placer, code: str) -> None:
    """신도시 동 하나의 일반 후보: 행정복지센터, 학교, 근린공원, 근린상가 (단지 둘레)."""
    info = city.emd.set_index("emd_code")
    dong = info.loc[code, "emd_name"]
    cx = _built_complexes(city, code)
    if cx.empty:                         # 2020-12 에 준공 단지가 없는 동은 아직 없음 (안전장치)
        cx = city.complexes[city.complexes["emd_code"] == code]
    homes = _xy(cx["lon"], cx["lat"])
    gen = placer.gen
    centre = _place_xy(city, category="commercial_center", emd_code=code)
    placer.add(code, centre, f"{dong} 행정복지센터 앞", "public_office", 120, 350)
    counts = {"school": min(1 + len(cx) // SCHOOL_PER_COMPLEX, MAX_SCHOOLS),
              "park": min(1 + len(cx) // PARK_PER_COMPLEX, MAX_PARKS),
              "commercial": min(1 + len(cx) // SHOP_PER_COMPLEX, MAX_SHOPS)}
    schools = _school_names(dong, cx["village"].iloc[0])
    for k in range(min(counts["school"], len(schools))):
        placer.add(code, homes[gen.integers(len(homes))], f"{schools[k]} 앞", "school", 120, 260)
    for k in range(counts["park"]):
        placer.add(code, homes[gen.integers(len(homes))], f"{dong} 근린공원 {k + 1} 입구", "park", 150, 300)
    for k in range(counts["commercial"]):
        placer.add(code, homes[gen.integers(len(homes))], f"{dong} 근린상가 {k + 1} 앞", "commercial", 90, 200)


def _rural_offices(city: City, placer: _Placer) -> None:
    """면 9곳의 행정복지센터 (면 중심점 둘레; 면의 단지가 있으면 그 단지 쪽)."""
    for e in city.emd[city.emd["emd_type"] == "면"].itertuples():
        cx = _built_complexes(city, e.emd_code)
        base_xy = _xy([e.lon], [e.lat])[0] if cx.empty else _xy(cx["lon"], cx["lat"])[0]
        placer.add(e.emd_code, base_xy, f"{e.emd_name} 행정복지센터 앞", "public_office", 100, 400,
                   required=True)


def _yeongi_parks(city: City, placer: _Placer) -> None:
    """연기면(세종리)의 세종중앙공원·국립세종수목원 입구 (BRT 정류장 둘레)."""
    stops = city.places[(city.places["emd_code"] == YEONGI) & (city.places["category"] == "brt_stop")]
    anchor = _xy(stops["lon"], stops["lat"]).mean(0)
    for name in YEONGI_PARKS:
        placer.add(YEONGI, anchor, name, "park", 250, 700)


def _gate_sites(city: City, placer: _Placer) -> None:
    """큰 단지(GATE_MIN_HH 세대 이상, 2020-12 까지 준공)의 정문: 신도시 동과 조치원읍."""
    cx = _built_complexes(city)
    types = city.emd.set_index("emd_code")["emd_type"]
    cx = cx[(cx["households"] >= GATE_MIN_HH) & (cx["emd_code"].map(types) != "면")]
    for row in cx.itertuples():
        centre = _xy([row.lon], [row.lat])[0]
        placer.add(row.emd_code, centre, f"{row.complex_name} 정문", "apartment_gate",
                   GATE_OFFSET_M * 0.8, GATE_OFFSET_M * 1.2)


@lru_cache(maxsize=2)
def build_sites(seed: int) -> pd.DataFrame:
    """후보지 표: site_id, name, category, lat, lon, emd_code (+ 모형용 x, y)."""
    city = build_city(seed)
    placer = _Placer(rng("pm-sites", seed), bike._inner_polygons(city, margin=SITE_MARGIN_M))
    _landmark_sites(city, placer)
    _jochiwon_sites(city, placer)
    newtown = city.emd.loc[city.emd["emd_type"] == "동", "emd_code"]
    for code in newtown:
        _dong_sites(city, placer, code)
    _yeongi_parks(city, placer)
    _rural_offices(city, placer)
    _gate_sites(city, placer)
    return _site_table(city, placer.rows)


def _site_table(city: City, rows: list[dict]) -> pd.DataFrame:
    """놓은 후보를 파일 순서(읍면동 코드, 분류, 이름 — 숫자는 크기 순)로 정렬하고 검사."""
    df = pd.DataFrame(rows)
    lonlat = _lonlat6(df[["x", "y"]].to_numpy())
    df["lon"], df["lat"] = lonlat[:, 0], lonlat[:, 1]
    df["emd_code"] = locate(city.boundaries, df["lon"], df["lat"])
    if not (df["emd_code"] == df["code"]).all():
        raise RuntimeError("후보지가 자기 읍면동 도식 다각형 밖에 있습니다.")
    if not df["name"].is_unique:
        raise RuntimeError(f"후보지 이름이 겹칩니다: {df.loc[df['name'].duplicated(), 'name'].tolist()}")
    xy = _xy(df["lon"], df["lat"])
    df["x"], df["y"] = xy[:, 0], xy[:, 1]
    gap = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
    np.fill_diagonal(gap, np.inf)
    if gap.min() < MIN_GAP_M - 1.0:
        raise RuntimeError(f"후보지 두 곳이 {gap.min():.1f} m 로 너무 가깝습니다.")
    order = pd.Categorical(df["category"], categories=CATEGORIES, ordered=True)
    natural = df["name"].str.replace(r"\d+", lambda m: m.group().zfill(4), regex=True)
    df = df.assign(_cat=order, _name=natural).sort_values(["emd_code", "_cat", "_name"], kind="mergesort")
    df = df.drop(columns=["_cat", "_name", "code"]).reset_index(drop=True)
    df.insert(0, "site_id", [f"PM{i:03d}" for i in range(1, len(df) + 1)])
    return df[["site_id", "name", "category", "lat", "lon", "emd_code", "x", "y"]]


def write_sites(city: City, out: Path) -> None:
    """모의 PM 주차존 후보지 (UTF-8)."""
    df = build_sites(city.seed).drop(columns=["x", "y"])
    write_utf8_csv(out / SITES_FILE, df, {"lat": 6, "lon": 6})


# ---------------------------------------------------------------------------
# 2. 250 m 격자 (grid of land use and population)
# ---------------------------------------------------------------------------
GRID_MONTH = "2020-12"      # 거주 인구·세대의 기준 달
RESIDENTIAL_MIN = 1         # 이 명 이상 살면 주거가 있는 칸
GRID_COUNTS = {"n_brt": "brt_stop", "n_commercial": "commercial", "n_school": "school",
               "n_park": "park", "n_office": "public_office"}


def _city_cells(city: City) -> pd.DataFrame:
    """도시 경계 상자를 덮는 칸 가운데 도식 시 경계와 조금이라도 겹치는 칸 (ix, iy, 중심, 코드).

    칸의 읍면동 코드: 중심을 담은 도식 다각형의 코드, 중심이 시 밖이면(가장자리 칸) 가장 많이 겹치는 다각형.
    이렇게 하면 시 안의 어떤 점(단지, 후보지, 이용 끝점)도 표에 있는 칸에 들어갑니다.
    """
    polys = [shapely.transform(g, lambda c: _xy(c[:, 0], c[:, 1])) for g in city.boundaries.geometry]
    x0, y0, x1, y1 = shapely.union_all(polys).bounds
    ix = np.arange(int(np.floor(x0 / CELL_M)), int(np.floor(x1 / CELL_M)) + 1)
    iy = np.arange(int(np.floor(y0 / CELL_M)), int(np.floor(y1 / CELL_M)) + 1)
    gx, gy = np.meshgrid(ix, iy, indexing="ij")
    gx, gy = gx.ravel(), gy.ravel()
    boxes = shapely.box(gx * CELL_M, gy * CELL_M, (gx + 1) * CELL_M, (gy + 1) * CELL_M)
    overlap = np.column_stack([shapely.area(shapely.intersection(boxes, p)) for p in polys])
    keep = overlap.sum(1) > 0
    gx, gy, overlap = gx[keep], gy[keep], overlap[keep]
    centre = _lonlat6(np.column_stack([(gx + 0.5) * CELL_M, (gy + 0.5) * CELL_M]))
    codes = locate(city.boundaries, centre[:, 0], centre[:, 1])
    largest = city.boundaries["emd_code"].to_numpy()[overlap.argmax(1)]
    codes = np.where(codes == "", largest, codes)
    return pd.DataFrame({"ix": gx, "iy": gy, "lat": centre[:, 1], "lon": centre[:, 0],
                         "emd_code": codes})


def _round_total(values: np.ndarray) -> np.ndarray:
    """실수 값을 정수로 (최대 나머지 방식): 합이 round(합계) 와 정확히 같음."""
    base_ = np.floor(values).astype(np.int64)
    short = int(round(values.sum())) - int(base_.sum())
    extra = np.argsort(-(values - base_), kind="stable")[:short]
    base_[extra] += 1
    return base_


def complex_residents(city: City, month: str = GRID_MONTH) -> pd.DataFrame:
    """단지마다 그 달 거주 인구와 입주 세대 (실수). 입주 세대 = 세대수 × 입주율 (base 의 같은 공식)."""
    cx = city.complexes
    residents = complex_population(cx, [month])[:, 0]
    # 세대수 1 로 한 세대당 값을 구하고, 입주 기간을 1개월로 바꾼 값(준공 다음 달에 다 들어온 상태)으로
    # 나누면 그 달의 입주 진행 비율만 남음 (base.complex_population 의 식을 그대로 씀; 준공 전이면 0)
    per_unit = complex_population(cx.assign(households=1), [month])[:, 0]
    full = complex_population(cx.assign(households=1, ramp_months=1), [month])[:, 0]
    share = np.divide(per_unit, full, out=np.zeros_like(per_unit), where=full > 0)
    households = cx["households"].to_numpy() * OCCUPANCY * share
    return pd.DataFrame({"complex_id": cx["complex_id"], "lat": cx["lat"], "lon": cx["lon"],
                         "residents": residents, "households": households})


def _land_use(cells: pd.DataFrame, newtown: set[str]) -> np.ndarray:
    """토지이용 규칙 (위에서부터 처음 맞는 것):
    주거+상가 → mixed, 주거 → residential, 상가 → commercial, 관공서·학교 → public, 공원 → green,
    신도시 동의 빈 칸 → green (녹지·도로·개발 예정지), 읍면의 빈 칸 → rural."""
    res = cells["residents"].to_numpy() >= RESIDENTIAL_MIN
    shop = cells["n_commercial"].to_numpy() > 0
    public = (cells["n_office"] + cells["n_school"]).to_numpy() > 0
    park = cells["n_park"].to_numpy() > 0
    in_dong = cells["emd_code"].isin(newtown).to_numpy()
    return np.select([res & shop, res, shop, public, park, in_dong],
                     ["mixed", "residential", "commercial", "public", "green", "green"], "rural")


@lru_cache(maxsize=2)
def build_grid(seed: int) -> pd.DataFrame:
    """격자 표: cell_id, x, y, lat, lon, emd_code, residents, households, n_*, land_use."""
    city = build_city(seed)
    cells = _city_cells(city)
    key = pd.MultiIndex.from_arrays([cells["ix"], cells["iy"]])
    homes = complex_residents(city)
    hx, hy = cell_of(homes["lat"].to_numpy(), homes["lon"].to_numpy())
    pos = key.get_indexer(pd.MultiIndex.from_arrays([hx, hy]))
    if (pos < 0).any():
        raise RuntimeError("격자 밖에 있는 단지가 있습니다.")
    for col in ("residents", "households"):
        values = np.zeros(len(cells))
        np.add.at(values, pos, homes[col].to_numpy())
        cells[col] = _round_total(values)
    sites = build_sites(seed)
    sx, sy = cell_of(sites["lat"].to_numpy(), sites["lon"].to_numpy())
    spos = key.get_indexer(pd.MultiIndex.from_arrays([sx, sy]))
    for col, category in GRID_COUNTS.items():
        counts = np.zeros(len(cells), np.int64)
        sel = (sites["category"] == category).to_numpy() & (spos >= 0)
        np.add.at(counts, spos[sel], 1)
        cells[col] = counts
    newtown = set(city.emd.loc[city.emd["emd_type"] == "동", "emd_code"])
    cells["land_use"] = _land_use(cells, newtown)
    cells["cell_id"] = cell_id(cells["ix"].to_numpy(), cells["iy"].to_numpy())
    cells["x"], cells["y"] = cells["ix"] * CELL_M, cells["iy"] * CELL_M
    cells = cells.sort_values(["iy", "ix"], kind="mergesort").reset_index(drop=True)
    return cells[["cell_id", "x", "y", "lat", "lon", "emd_code", "residents", "households",
                  *GRID_COUNTS, "land_use"]]


def write_grid(city: City, out: Path) -> None:
    """250 m 격자 (UTF-8)."""
    write_utf8_csv(out / GRID_FILE, build_grid(city.seed), {"lat": 6, "lon": 6})


# ---------------------------------------------------------------------------
# 3. 공유 전기자전거 이용 기록 (shared e-bike trips, Aug–Dec 2020)
# ---------------------------------------------------------------------------
# 가정: 달마다 이용 건수 (전체). 공개된 값이 없어 교재용으로 정함: 8월 서비스 시작(사실 파일 §3 의 공유 PM
# 시작 시기) 뒤 9~10월에 늘고, 추워지는 11~12월에 줄어 5개월 합 250,000건.
MONTH_TARGETS_EB = {8: 30_000, 9: 52_000, 10: 66_000, 11: 60_000, 12: 42_000}
SERVICE_START = np.datetime64("2020-08-01")
RAMP_DAYS = 21              # 서비스 시작 뒤 3주 동안 운행 대수가 30 % → 100 % 로 늘어남 (가정)
SAMPLE_SHARE = 0.10
# 시간대 모양 (0~23시): 어울링보다 저녁·밤 비중이 큼 (20~30대 이용자 가정)
EBIKE_WEEKDAY = (1.5, 0.9, 0.5, 0.25, 0.15, 0.2, 0.5, 1.6, 2.2, 1.0, 0.7, 0.8,
                 1.0, 0.9, 0.8, 0.9, 1.2, 1.8, 2.6, 2.7, 2.6, 2.5, 2.3, 2.0)
EBIKE_WEEKEND = (2.0, 1.3, 0.8, 0.4, 0.2, 0.15, 0.25, 0.4, 0.6, 0.9, 1.2, 1.5,
                 1.7, 1.8, 1.9, 2.0, 2.0, 2.0, 2.1, 2.3, 2.3, 2.2, 2.1, 2.0)
EBIKE_DAY = (1.0, 1.15, 1.05)       # 요일 배율: 평일, 토요일, 일요일·공휴일
CITY_DAY_SHAPE = 30.0               # 시 전체 날 효과 ~ 감마(모양 30, 평균 1)
# 끝점(출발·도착)의 기준점과 세 가지 끌림 (집 H, 일·학교 W, 여가 L). 단지는 거주 인구 천 명당.
# 퍼짐(sd, m)은 기준점 둘레에서 실제 끝점이 흩어지는 정도 (건물·가게가 여럿인 곳일수록 큼).
ANCHOR_KINDS: dict[str, tuple[float, float, float, float]] = {
    #  kind:              (H,   W,   L,   퍼짐 sd m)
    "complex":           (1.0, 0.05, 0.10, 90.0),
    "brt_stop":          (0.0, 1.0, 0.3, 35.0),
    "commercial_center": (0.0, 1.5, 3.0, 180.0),
    "government":        (0.0, 8.0, 0.3, 220.0),
    "city_hall":         (0.0, 2.0, 0.2, 120.0),
    "park":              (0.0, 0.0, 6.0, 300.0),      # 세종호수공원
    "university":        (8.0, 10.0, 5.0, 300.0),      # 기숙사·원룸 (H) 포함
    "rail_station":      (0.0, 3.0, 0.5, 60.0),
    "site_commercial":   (0.0, 0.6, 1.2, 110.0),
    "site_school":       (0.0, 0.5, 0.1, 80.0),
    "site_park":         (0.0, 0.0, 1.0, 120.0),
    "site_public_office": (0.0, 0.6, 0.0, 60.0),
    "site_station":      (0.0, 1.0, 0.3, 50.0),
}
# 시간대별 (출발 쪽 H/W/L 비율, 도착 쪽 H/W/L 비율)
REGIME_MIX = {
    "am": ((0.8, 0.1, 0.1), (0.1, 0.8, 0.1)),          # 평일 06~09시
    "pm": ((0.1, 0.6, 0.3), (0.7, 0.1, 0.2)),          # 평일 17~20시
    "night": ((0.2, 0.2, 0.6), (0.7, 0.05, 0.25)),     # 날마다 21~04시
    "other": ((0.35, 0.3, 0.35), (0.35, 0.3, 0.35)),
}
GPS_SD_M = 15.0             # GPS 오차 (표준편차)
# 가정: 어울링 대여소(2020-12-31 사용 중)가 반경 NO_DOCK_M 안에 없는 기준점은 끌림 세 가지를 모두
# SUBSTITUTE 배로 키움 — 어울링이 없는 곳에서는 전기자전거가 그 몫을 대신함.
NO_DOCK_M, SUBSTITUTE = 300.0, 3.0
# 가정: 운영 구역 = 신도시 14개 동, 연기면(세종리), 조치원읍. 다른 면의 기준점은 쓰지 않음 (끌림 0).
SERVICE_AREA_TYPES = ("동", "읍")
STRAY_SHARE, STRAY_SD_M = 0.15, 350.0   # 끝점의 15 % 는 기준점에서 멀리(sd 350 m) 흩어짐: 길가·골목 반납
GRAVITY_BETA_M = 800.0      # 도착지 선택: exp(−d/β) × (1 − exp(−d/s)), 직선거리 d ≤ MAX_TRIP_M
SHORT_HOP_M = 500.0
MAX_TRIP_M = 8_000.0
MIN_STRAIGHT_M = 150.0      # 출발·도착 끝점이 이보다 가까우면 도착 끝점을 다시 뽑음
DETOUR = (1.25, 1.40)       # 주행거리 = 직선거리 × 균등(1.25, 1.40), 올림
SPEED_KMH = (15.0, 2.5)     # 평균 속도 정규(15, 2.5), 8~25 km/h 로 자름 (전기자전거 보조 상한 25 km/h)
STOP_MIN = 1.5              # 멈춘 시간 지수(평균 1.5분)


@dataclass(frozen=True)
class EbikeTrips:
    """5개월 전체 모의 기록 (시작 시각 순)과 10 % 표본 표시."""

    table: pd.DataFrame     # start_s, end_s, sx, sy, ex, ey (EPSG:5186), distance, o·d (기준점 번호), regime
    in_sample: np.ndarray
    anchors: pd.DataFrame


def _anchors(city: City, sites: pd.DataFrame) -> pd.DataFrame:
    """끝점 기준점 표: 단지, 장소, 후보지(정류장·단지 정문 제외), 종류별 끌림과 퍼짐, 어울링 공백 배율."""
    cx = city.complexes
    pl = city.places
    st = sites[~sites["category"].isin(["brt_stop", "apartment_gate"])]
    parts = [
        pd.DataFrame({"kind": "complex", "ref": cx["complex_id"], "lon": cx["lon"], "lat": cx["lat"]}),
        pd.DataFrame({"kind": pl["category"], "ref": pl["place_id"], "lon": pl["lon"], "lat": pl["lat"]}),
        pd.DataFrame({"kind": "site_" + st["category"], "ref": st["site_id"],
                      "lon": st["lon"], "lat": st["lat"]}),
    ]
    df = pd.concat(parts, ignore_index=True)
    params = np.array([ANCHOR_KINDS[k] for k in df["kind"]])
    df["H"], df["W"], df["L"], df["sd"] = params.T
    xy = _xy(df["lon"], df["lat"])
    df["x"], df["y"] = xy[:, 0], xy[:, 1]
    df["emd_code"] = locate(city.boundaries, df["lon"], df["lat"])
    return _service_factor(city, df)


def _service_factor(city: City, df: pd.DataFrame) -> pd.DataFrame:
    """운영 구역 밖 기준점은 끌림 0, 어울링 대여소가 NO_DOCK_M 안에 없는 기준점은 SUBSTITUTE 배."""
    docks = bike.stations_in_use(bike.build_stations(city.seed), "2020-12-31")[["x", "y"]].to_numpy()
    xy = df[["x", "y"]].to_numpy()
    nearest = np.sqrt(((xy[:, None, :] - docks[None, :, :]) ** 2).sum(-1)).min(1)
    df["no_dock"] = nearest > NO_DOCK_M
    types = city.emd.set_index("emd_code")["emd_type"]
    df["served"] = df["emd_code"].map(types).isin(SERVICE_AREA_TYPES) | (df["emd_code"] == YEONGI)
    factor = np.where(df["no_dock"], SUBSTITUTE, 1.0) * df["served"].to_numpy()
    df[["H", "W", "L"]] = df[["H", "W", "L"]].to_numpy() * factor[:, None]
    return df


def _side_weights(anchors: pd.DataFrame, residents: np.ndarray, mix) -> np.ndarray:
    """한 쪽(출발 또는 도착)의 기준점 가중치: H/W/L 을 각각 합 1 로 만든 뒤 mix 비율로 섞음.
    단지의 끌림은 그 달 거주 인구(천 명)에 비례 (아직 입주 전인 단지는 0)."""
    scale = np.where(anchors["kind"] == "complex", residents / 1000, 1.0)
    parts = [anchors[k].to_numpy() * scale for k in ("H", "W", "L")]
    return sum(m * p / p.sum() for m, p in zip(mix, parts))


def _hour_rates(seed: int, gen) -> tuple[np.ndarray, np.ndarray]:
    """8~12월 시각(2020년 시각 번호)과 시각마다 기대 이용 건수 (달 목표에 맞춤)."""
    hours = np.flatnonzero(bike.MONTH_OF_HOUR >= 7)
    day = bike.DAY_OF_YEAR[hours]
    kind = bike.day_types()[day]
    h = bike.HOUR_OF_DAY[hours]
    shape = np.where(kind > 0, _mean1(EBIKE_WEEKEND)[h], _mean1(EBIKE_WEEKDAY)[h])
    city_day = gen.gamma(CITY_DAY_SHAPE, 1 / CITY_DAY_SHAPE, 366)[day]
    since = (bike.DAYS[day] - SERVICE_START).astype(int)
    ramp = np.clip(0.3 + 0.7 * since / RAMP_DAYS, 0.3, 1.0)
    weather = bike.weather_factor(bike.build_weather(seed))[hours]
    lam = shape * np.asarray(EBIKE_DAY)[kind] * city_day * ramp * weather
    month = bike.MONTH_OF_HOUR[hours] + 1
    for m, target in MONTH_TARGETS_EB.items():
        sel = month == m
        lam[sel] *= target / lam[sel].sum()
    return hours, lam


def _mean1(profile) -> np.ndarray:
    p = np.asarray(profile, float)
    return p / p.mean()


def _regime(hour: np.ndarray, day_kind: np.ndarray) -> np.ndarray:
    """시간대 구분 번호 (REGIME_MIX 순서): 0 평일 아침, 1 평일 저녁, 2 밤, 3 그 밖."""
    weekday = day_kind == 0
    am = weekday & (hour >= 6) & (hour <= 9)
    pm = weekday & (hour >= 17) & (hour <= 20)
    night = (hour >= 21) | (hour <= 4)
    return np.select([am, pm, night], [0, 1, 2], 3)


def _pick(cum: np.ndarray, u: np.ndarray) -> np.ndarray:
    """누적 가중치 cum (마지막 값 1) 에서 균등난수 u 로 번호 고르기."""
    return np.minimum(np.searchsorted(cum, u * (1 - 1e-12), side="right"), len(cum) - 1)


def _choose_ends(anchors: pd.DataFrame, month: np.ndarray, regime: np.ndarray,
                 residents: np.ndarray, gen) -> tuple[np.ndarray, np.ndarray]:
    """이용마다 출발·도착 기준점: 출발은 시간대의 출발 쪽 가중치, 도착은 중력 모형 (자기 자신 제외)."""
    xy = anchors[["x", "y"]].to_numpy()
    d = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
    decay = np.exp(-d / GRAVITY_BETA_M) * (1 - np.exp(-d / SHORT_HOP_M)) * (d <= MAX_TRIP_M)
    n = len(month)
    origin, dest = np.zeros(n, np.int64), np.zeros(n, np.int64)
    u_o, u_d = gen.random(n), gen.random(n)
    months = sorted(MONTH_TARGETS_EB)
    for mi, m in enumerate(months):
        res = residents[:, mi]
        for r, (o_mix, d_mix) in enumerate(REGIME_MIX.values()):
            sel = np.flatnonzero((month == m) & (regime == r))
            if not len(sel):
                continue
            w_o = _side_weights(anchors, res, o_mix)
            origin[sel] = _pick(np.cumsum(w_o) / w_o.sum(), u_o[sel])
            w = decay * _side_weights(anchors, res, d_mix)[None, :]
            cum = np.cumsum(w, axis=1)
            cum /= np.where(cum[:, -1:] > 0, cum[:, -1:], 1.0)     # 운영 구역 밖 행은 0 (출발로 뽑히지 않음)
            dest[sel] = bike._choose_rows(cum, origin[sel], u_d[sel])
    return origin, dest


def _scatter(anchors: pd.DataFrame, idx: np.ndarray, gen, inside) -> np.ndarray:
    """기준점 둘레로 흩은 끝점 (퍼짐 sd + GPS 오차), 도시 다각형 안만 (밖이면 그 점만 다시 뽑음)."""
    centre = anchors[["x", "y"]].to_numpy()[idx]
    spread = np.where(gen.random(len(idx)) < STRAY_SHARE, STRAY_SD_M, anchors["sd"].to_numpy()[idx])
    sd = np.hypot(spread, GPS_SD_M)[:, None]
    pts = centre + gen.normal(0, 1, (len(idx), 2)) * sd
    bad = np.flatnonzero(~inside(pts))
    for _ in range(50):
        if not len(bad):
            return pts
        pts[bad] = centre[bad] + gen.normal(0, 1, (len(bad), 2)) * sd[bad]
        bad = bad[~inside(pts[bad])]
    pts[bad] = centre[bad]                    # 기준점 자체는 언제나 다각형 안
    return pts


def _inside_city(city: City):
    """점(EPSG:5186, 파일의 6자리 좌표로 반올림한 뒤)이 24개 도식 다각형 중 하나 안에 드는가."""
    def inside(pts: np.ndarray) -> np.ndarray:
        ll = _lonlat6(pts)
        return locate(city.boundaries, ll[:, 0], ll[:, 1]) != ""
    return inside


def _far_enough_ends(anchors, dest, start, gen, inside) -> np.ndarray:
    """도착 끝점: 출발 끝점에서 MIN_STRAIGHT_M 넘게 떨어질 때까지 다시 뽑음 (20번 뒤에도 가까우면 그대로)."""
    end = _scatter(anchors, dest, gen, inside)
    near = np.flatnonzero(np.hypot(*(end - start).T) < MIN_STRAIGHT_M)
    for _ in range(20):
        if not len(near):
            break
        end[near] = _scatter(anchors, dest[near], gen, inside)
        near = near[np.hypot(*(end[near] - start[near]).T) < MIN_STRAIGHT_M]
    return end


def _snap(pts: np.ndarray) -> np.ndarray:
    """파일에 쓰는 6자리 경위도로 반올림한 뒤의 EPSG:5186 좌표."""
    ll = _lonlat6(pts)
    return _xy(ll[:, 0], ll[:, 1])


def _start_seconds(seed: int, gen) -> np.ndarray:
    """시각마다 포아송 건수를 뽑아 이용마다 시작 시각 (2020-01-01 00:00 부터의 초, 오름차순)."""
    hours, lam = _hour_rates(seed, gen)
    hour = np.repeat(hours, gen.poisson(lam))
    return np.sort(hour * 3600 + gen.integers(0, 3600, len(hour)), kind="stable")


def _monthly_residents(city: City, anchors: pd.DataFrame) -> np.ndarray:
    """기준점 × 달(8~12월) 거주 인구: 단지는 그 달의 거주 인구, 나머지는 0."""
    months = [f"2020-{m:02d}" for m in sorted(MONTH_TARGETS_EB)]
    residents = np.zeros((len(anchors), len(months)))
    residents[(anchors["kind"] == "complex").to_numpy()] = complex_population(city.complexes, months)
    return residents


def _distance_and_seconds(start: np.ndarray, end: np.ndarray, gen) -> tuple[np.ndarray, np.ndarray]:
    """주행거리 = ⌈직선거리(파일 좌표) × 균등(DETOUR)⌉, 이용 시간(초) = 거리 / 속도 + 멈춘 시간 (60초 이상)."""
    straight = np.hypot(*(_snap(end) - _snap(start)).T)
    distance = np.ceil(straight * gen.uniform(*DETOUR, len(straight))).astype(np.int64)
    speed = np.clip(gen.normal(*SPEED_KMH, len(distance)), 8.0, 25.0)
    stop = 60 * gen.exponential(STOP_MIN, len(distance))
    seconds = np.maximum(np.round(distance / (speed / 3.6) + stop), 60).astype(np.int64)
    return distance, seconds


@lru_cache(maxsize=1)
def simulate_ebike(seed: int) -> EbikeTrips:
    """2020-08~12 모의 전기자전거 이용 기록 전체 (메모리 안) 와 10 % 표본 표시."""
    city = build_city(seed)
    gen = rng("pm-ebike", seed)
    start_s = _start_seconds(seed, gen)
    hour = start_s // 3600
    regime = _regime(hour % 24, bike.day_types()[hour // 24])
    month = bike.MONTH_OF_HOUR[hour] + 1
    anchors = _anchors(city, build_sites(seed))
    origin, dest = _choose_ends(anchors, month, regime, _monthly_residents(city, anchors), gen)
    inside = _inside_city(city)
    start = _scatter(anchors, origin, gen, inside)
    end = _far_enough_ends(anchors, dest, start, gen, inside)
    distance, seconds = _distance_and_seconds(start, end, gen)
    table = pd.DataFrame({"start_s": start_s, "end_s": start_s + seconds,
                          "sx": start[:, 0], "sy": start[:, 1], "ex": end[:, 0], "ey": end[:, 1],
                          "distance": distance, "o": origin, "d": dest, "regime": regime})
    in_sample = rng("pm-ebike-sample", seed).random(len(table)) < SAMPLE_SHARE
    return EbikeTrips(table, in_sample, anchors)


def ebike_frame(table: pd.DataFrame, full_index: np.ndarray) -> pd.DataFrame:
    """기록 표 → 파일의 열. trip_id 는 전체 기록에서의 차례 (표본이라 번호가 띄엄띄엄)."""
    start = _lonlat6(table[["sx", "sy"]].to_numpy())
    end = _lonlat6(table[["ex", "ey"]].to_numpy())
    return pd.DataFrame({
        "trip_id": [f"EB{i + 1:07d}" for i in full_index],
        "start_time": bike._timestamps(table["start_s"].to_numpy()).to_numpy(),
        "start_lat": start[:, 1], "start_lon": start[:, 0],
        "end_time": bike._timestamps(table["end_s"].to_numpy()).to_numpy(),
        "end_lat": end[:, 1], "end_lon": end[:, 0],
        "distance_m": table["distance"].to_numpy(),
    })


def write_ebike(city: City, out: Path) -> None:
    """모의 공유 전기자전거 이용 기록 2020-08~12, 10 % 표본 (UTF-8)."""
    trips = simulate_ebike(city.seed)
    index = np.flatnonzero(trips.in_sample)
    frame = ebike_frame(trips.table.iloc[index].reset_index(drop=True), index)
    write_utf8_csv(out / EBIKE_FILE, frame,
                   {"start_lat": 6, "start_lon": 6, "end_lat": 6, "end_lon": 6})


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("pm_candidate_sites", SITES_FILE, write_sites),
    ("grid_250m", GRID_FILE, write_grid),
    ("ebike_trips_2020_sample", EBIKE_FILE, write_ebike),
)
