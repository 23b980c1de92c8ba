"""모의 세종시의 공통 기반 (the shared base of the simulated city).

모든 장(chapter)의 모의 데이터는 여기서 만든 하나의 도시 위에 쌓입니다. :func:`build_city` 가
돌려주는 :class:`City` 에는 다음이 들어 있습니다 (모두 같은 시드에서 결정적으로 만들어짐).

- ``emd``: 24개 읍면동 실제 사실표 (:func:`sejongdata.city.emd_table`)
- ``boundaries``: 도식적(schematic) 읍면동 경계 — 실제 중심점의 보로노이(Voronoi) 셀
- ``complexes``: 아파트 단지 (마을/단지, 세대수, 준공 연월, 면적 구성, 위치)
- ``population``: 현재 24개 구역 기준 월별 인구·세대·성별 (분동 전 시기까지 거슬러 계산)
- ``published``: 같은 값을 그 달의 행정구역으로 묶은 것 (주민등록 인구통계와 같은 모양)
- ``age``: 12월 기준 10세 단위 연령별 인구 (published 와 같은 행정구역)
- ``places``: 정부청사·시청·호수공원·역·대학·상가 중심·BRT 정류장

새 장의 생성기는 ``city = build_city()`` 로 이 도시를 받아, :func:`rng` 로 자기 난수열을 만들고,
:func:`sample_points` / :func:`locate` 로 위치를 정합니다.

모형의 가정값(이 파일의 대문자 상수 가운데 ``city`` 모듈에서 오지 않은 것)은 실제 사실이 아니라
교재용으로 정한 값입니다. 데이터 카드(datasets/*.md)에 그 선택을 적어 두었습니다.
"""
from __future__ import annotations

import csv
import hashlib
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPoint, Point

from .. import city as facts

# ---------------------------------------------------------------------------
# 시드와 기간 (seeds and time axis)
# ---------------------------------------------------------------------------
SEED = 20240731                     # 모든 모의 데이터의 기준 시드 (master seed)
FIRST_MONTH, LAST_MONTH = "2019-01", "2024-12"
REF_MONTH = "2024-07"               # 읍면동 인구를 실제 값에 맞추는 기준 달
PROJECTED_CRS = "EPSG:5186"         # 면적·거리 계산용 (Korea 2000 / Central Belt 2010)


def rng(key: int | str, seed: int = SEED) -> np.random.Generator:
    """자료마다 독립된 난수 생성기. ``key`` 는 정수나 이름("bike" 등)."""
    sub = key if isinstance(key, int) else zlib.crc32(key.encode("utf-8"))
    return np.random.default_rng([seed, sub])


def month_index(ym: str) -> int:
    """"2019-01" → 정수 달 번호 (연×12 + 월−1)."""
    year, month = ym.split("-")
    return int(year) * 12 + int(month) - 1


def month_label(index: int) -> str:
    """정수 달 번호 → "YYYY-MM"."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


MONTHS: tuple[str, ...] = tuple(
    month_label(i) for i in range(month_index(FIRST_MONTH), month_index(LAST_MONTH) + 1))
DECEMBERS: tuple[str, ...] = tuple(m for m in MONTHS if m.endswith("-12"))


# ---------------------------------------------------------------------------
# 파일 쓰기 도우미 (writers shared by every generator)
# ---------------------------------------------------------------------------
def fmt_int(value) -> str:
    """정수를 천 단위 쉼표로: 342328 → "342,328"."""
    return f"{int(value):,}"


def write_quoted_csv(path: Path, header: list[str], rows: list[list[str]],
                     encoding: str = "cp949") -> None:
    """모든 칸을 큰따옴표로 감싼 CSV (행정안전부·국토교통부 내려받기 형식)."""
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_utf8_csv(path: Path, df: pd.DataFrame, decimals: dict[str, int] | None = None) -> None:
    """UTF-8(BOM 없음) CSV. 실수 열은 ``decimals`` 자릿수로 고정해 씁니다."""
    out = df.copy()
    for col, nd in (decimals or {}).items():
        out[col] = [f"{v:.{nd}f}" for v in out[col]]
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def sha256_of(path: Path) -> str:
    """파일의 SHA-256 (16진수)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_manifest(out_dir: Path, names: list[str]) -> Path:
    """``sha256sum`` 형식 목록 ``<hex>  <파일명>`` (이름순)."""
    lines = [f"{sha256_of(out_dir / n)}  {n}\n" for n in sorted(names)]
    path = out_dir / "MANIFEST.sha256"
    path.write_text("".join(lines), encoding="utf-8", newline="\n")
    return path


# ---------------------------------------------------------------------------
# 좌표와 도식 경계 (projection and schematic boundaries)
# ---------------------------------------------------------------------------
_TO_XY = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)
_TO_LL = Transformer.from_crs(PROJECTED_CRS, "EPSG:4326", always_xy=True)


def to_xy(geom):
    """WGS84 도형 → EPSG:5186 (m)."""
    return shapely.transform(geom, lambda c: np.column_stack(_TO_XY.transform(c[:, 0], c[:, 1])))


def to_ll(geom):
    """EPSG:5186 도형 → WGS84 (경도, 위도)."""
    return shapely.transform(geom, lambda c: np.column_stack(_TO_LL.transform(c[:, 0], c[:, 1])))


def round5(geom):
    """좌표를 소수 5자리(약 1 m)로 고정: 파일에 쓰는 값과 메모리의 값이 같아집니다."""
    snapped = shapely.set_precision(geom, 1e-5)
    return shapely.orient_polygons(shapely.transform(snapped, lambda c: np.round(c, 5)))


def _outline(points_xy: np.ndarray, area_m2: float):
    """중심점 볼록 껍질을 버퍼로 키워 면적이 ``area_m2`` 가 되게 한 도식 시 경계."""
    hull = MultiPoint(points_xy).convex_hull
    lo, hi = 0.0, 30_000.0
    for _ in range(60):                       # 이분법 (bisection) on the buffer distance
        mid = (lo + hi) / 2
        if hull.buffer(mid, quad_segs=8).area < area_m2:
            lo = mid
        else:
            hi = mid
    return hull.buffer((lo + hi) / 2, quad_segs=8)


def build_boundaries(emd: pd.DataFrame) -> gpd.GeoDataFrame:
    """실제 중심점의 보로노이 셀을 도식 시 경계로 자른 24개 다각형 (WGS84, 코드 순)."""
    lonlat = emd[["lon", "lat"]].to_numpy(float)
    xy = np.column_stack(_TO_XY.transform(lonlat[:, 0], lonlat[:, 1]))
    outline = _outline(xy, facts.CITY_AREA_KM2 * 1e6)
    cells = list(shapely.voronoi_polygons(MultiPoint(xy), extend_to=outline.buffer(1000)).geoms)
    polys = []
    for x, y in xy:
        cell = next(c for c in cells if c.contains(Point(x, y)))
        polys.append(round5(to_ll(cell.intersection(outline))))
    return gpd.GeoDataFrame({"emd_code": emd["emd_code"].to_numpy(),
                             "emd_name": emd["emd_name"].to_numpy()},
                            geometry=polys, crs="EPSG:4326")


def sample_points(gen: np.random.Generator, polygon_ll, center_ll: tuple[float, float],
                  n: int, sd_m: float, margin_m: float = 30.0) -> np.ndarray:
    """다각형 안, 중심 근처의 점 ``n`` 개 (거부 표집). 돌려주는 값: (n, 2) 경도·위도, 소수 5자리."""
    inner = to_xy(polygon_ll).buffer(-margin_m)
    shapely.prepare(inner)
    cx, cy = _TO_XY.transform(*center_ll)
    found: list[np.ndarray] = []
    for _ in range(500):
        cand = gen.normal([cx, cy], sd_m, size=(64, 2))
        found.extend(cand[shapely.contains_xy(inner, cand[:, 0], cand[:, 1])])
        if len(found) >= n:
            break
    if len(found) < n:
        raise RuntimeError(f"점을 {n}개 뽑지 못했습니다 (찾은 수 {len(found)}).")
    pts = np.array(found[:n])
    lon, lat = _TO_LL.transform(pts[:, 0], pts[:, 1])
    return np.round(np.column_stack([lon, lat]), 5)


def locate(boundaries: gpd.GeoDataFrame, lon, lat) -> np.ndarray:
    """점(들)이 들어 있는 도식 다각형의 읍면동 코드. 어느 다각형에도 없으면 ""."""
    lon, lat = np.atleast_1d(lon).astype(float), np.atleast_1d(lat).astype(float)
    codes = np.full(lon.shape, "", dtype=object)
    for code, geom in zip(boundaries["emd_code"], boundaries.geometry):
        codes[shapely.contains_xy(geom, lon, lat)] = code
    return codes


# ---------------------------------------------------------------------------
# 아파트 단지 (apartment complexes)
# ---------------------------------------------------------------------------
# 가정: 동별 준공 연도와 그 해의 상대 비중 (생활권 개발 순서와 분동 시기, 2017년 말 동별 인구
# (사실 파일 §1: 도담 32,732, 보람 28,063 — 각각 뒤에 나뉜 동 포함)에서 정한 교재용 선택)
NEWTOWN_YEARS: dict[str, dict[int, float]] = {
    "3611051000": {2011: 1, 2012: 1, 2013: 1},                     # 한솔동 2-3 첫마을
    "3611051500": {2016: 1, 2017: 1, 2018: 1},                     # 새롬동 2-2
    "3611051800": {2019: 1, 2020: 1, 2021: 1, 2022: 1},            # 나성동 2-4 (주상복합)
    "3611052000": {2013: 1, 2014: 1, 2015: 1, 2016: 1},            # 도담동 1-4
    "3611052300": {2014: 4, 2015: 4, 2016: 2, 2021: 1, 2022: 1, 2023: 1},  # 어진동 1-5
    "3611052500": {2020: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 0.5},  # 해밀동 6-4 (+산울·한별)
    "3611053000": {2013: 1, 2014: 1, 2015: 1},                     # 아름동 1-2
    "3611054000": {2014: 1, 2015: 1, 2016: 1},                     # 종촌동 1-3
    "3611055000": {2014: 1, 2015: 1, 2016: 1, 2017: 1},            # 고운동 1-1
    "3611055500": {2017: 1, 2018: 2, 2019: 1},                     # 소담동 3-3
    "3611055600": {2019: 1, 2020: 1, 2021: 1, 2022: 1, 2023: 1},   # 반곡동 4-1 (+집현·합강·다솜)
    "3611056000": {2014: 1, 2015: 1, 2016: 1},                     # 보람동 3-2
    "3611057000": {2017: 1, 2018: 2, 2019: 1},                     # 대평동 3-1
    "3611058000": {2017: 1, 2018: 1, 2019: 1},                     # 다정동 2-1
}
# 가정: 신도시 연도별 입주 세대수의 모양 (IPF 의 열 목표; 전체 크기는 동별 총량이 정함).
# "2014~2019 해마다 약 1만, 2020 약 5,600" (사실 파일 §1) 을 따르되, 2019년 인구 증가
# (기준값에서 약 2.6만)와 맞도록 2018~2019 를 조금 낮춤. 2011~2013 과 2021 이후는 교재용 가정.
# 결과로 나온 연도별 세대수는 apartment_complexes.md 에 적었습니다.
COMPLETION_CALENDAR: dict[int, int] = {
    2011: 2_000, 2012: 3_500, 2013: 4_000, 2014: 10_000, 2015: 10_500, 2016: 11_000,
    2017: 11_000, 2018: 9_000, 2019: 8_000, 2020: 5_100,
    2021: 4_500, 2022: 3_000, 2023: 2_500, 2024: 1_000,
}
# 실제 마을 이름 (사실 파일 §9 의 호려울·도램·첫마을 + 널리 쓰이는 생활권 마을 이름).
# 단지 번호와 단지별 값은 모두 모의 값입니다.
VILLAGES: dict[str, str] = {
    "3611051000": "첫마을", "3611051500": "새뜸마을", "3611051800": "나릿재마을",
    "3611052000": "도램마을", "3611052300": "한뜰마을", "3611052500": "해밀마을",
    "3611053000": "범지기마을", "3611054000": "가재마을", "3611055000": "가락마을",
    "3611055500": "새샘마을", "3611055600": "수루배마을", "3611056000": "호려울마을",
    "3611057000": "해들마을", "3611058000": "가온마을",
}
# 가정: 비아파트(단독·상가주택·오피스텔 등) 거주 비율. 기본 24 %.
NONAPT_SHARE: dict[str, float] = {"3611051000": 0.28, "3611051800": 0.34, "3611052300": 0.30}
NONAPT_DEFAULT = 0.24
# 조치원읍 (리 이름은 실제, 단지는 모의) 과 면 지역의 작은 단지 (코드, 리, 단지 수, 준공 연도 범위)
OLD_TOWN_COMPLEXES: tuple[tuple[str, str, int, int, int], ...] = (
    ("3611025000", "신흥리", 5, 1992, 2012), ("3611025000", "번암리", 4, 1995, 2016),
    ("3611025000", "죽림리", 3, 1998, 2014), ("3611025000", "침산리", 3, 1993, 2008),
    ("3611025000", "서창리", 3, 2000, 2015), ("3611025000", "신안리", 2, 1997, 2010),
    ("3611033000", "부강리", 1, 2003, 2008), ("3611034000", "용포리", 2, 2005, 2015),
    ("3611035000", "금암리", 1, 2012, 2016), ("3611036000", "봉암리", 1, 2008, 2013),
    ("3611037000", "읍내리", 1, 2000, 2006),
)
MEAN_COMPLEX_HH = 360        # 신도시 단지 평균 세대수 (가정)
OCCUPANCY = 0.96             # 입주 완료 뒤 점유율 (가정)
PPH_DECAY = 0.012            # 준공 뒤 해마다 단지 거주 인구가 줄어드는 비율 (가정: 가구원 수 감소)
PPH_FLOOR = 0.80             # 감소 하한 (준공 때의 80 %)
APT_SHARE_OLD = {"읍": 0.50, "면": 0.12}  # 읍면의 아파트 거주 비율 (가정)


def _ipf(prior: np.ndarray, rows: np.ndarray, cols: np.ndarray, iters: int = 200) -> np.ndarray:
    """반복 비례 맞춤 (IPF/RAS): 행 합 = rows, 열 합 ≈ cols. 마지막은 행 합을 정확히 맞춤."""
    m = prior.astype(float).copy()
    cols = cols * rows.sum() / cols.sum()
    for _ in range(iters):
        m *= (rows / m.sum(1))[:, None]
        col_sum = m.sum(0)
        m *= np.divide(cols, col_sum, out=np.zeros_like(cols), where=col_sum > 0)[None, :]
    return m * (rows / m.sum(1))[:, None]


def _pph_at_ref(code: str) -> float:
    """2024-07 에 단지 한 세대가 품는 평균 인구의 대략값 (연도 비중 가중, 세대수 배분용)."""
    years = NEWTOWN_YEARS[code]
    mean_year = sum(y * w for y, w in years.items()) / sum(years.values())
    age = max(2024.5 - (mean_year + 0.5), 0.0)
    return 2.78 * OCCUPANCY * max(PPH_FLOOR, 1 - PPH_DECAY * age)


def _newtown_schedule(emd: pd.DataFrame) -> pd.DataFrame:
    """동 × 준공 연도 입주 세대수 (IPF 로 동별 총량과 연도별 달력을 동시에 맞춤)."""
    years = np.array(sorted(COMPLETION_CALENDAR))
    codes = list(NEWTOWN_YEARS)
    target = korean_target(emd)
    prior = np.array([[NEWTOWN_YEARS[c].get(int(y), 0.0) for y in years] for c in codes])
    rows = np.array([(1 - NONAPT_SHARE.get(c, NONAPT_DEFAULT)) * target[c] / _pph_at_ref(c)
                     for c in codes])
    cols = np.array([COMPLETION_CALENDAR[y] for y in years], dtype=float)
    mat = _ipf(prior, rows, cols)
    out = [{"emd_code": c, "year": int(y), "households": mat[i, j]}
           for i, c in enumerate(codes) for j, y in enumerate(years) if mat[i, j] > 0]
    return pd.DataFrame(out)


def _split_households(gen: np.random.Generator, total: float, mean_size: float,
                      min_size: int) -> np.ndarray:
    """세대수 ``total`` 을 단지 여러 개로 나눔 (디리클레 비율, 정수)."""
    n = max(1, int(round(total / mean_size)))
    sizes = np.maximum(np.round(gen.dirichlet(np.full(n, 3.0)) * total), min_size)
    return sizes.astype(int)


def _newtown_complexes(gen: np.random.Generator, emd: pd.DataFrame) -> pd.DataFrame:
    """신도시 단지 목록 (세대수는 아직 보정 전)."""
    rows = []
    for cell in _newtown_schedule(emd).itertuples():
        for hh in _split_households(gen, cell.households, MEAN_COMPLEX_HH, 120):
            rows.append({"emd_code": cell.emd_code, "village": VILLAGES[cell.emd_code],
                         "households": int(hh),
                         "completion_ym": f"{cell.year}-{int(gen.integers(1, 13)):02d}"})
    return pd.DataFrame(rows)


def _old_town_complexes(gen: np.random.Generator, emd: pd.DataFrame) -> pd.DataFrame:
    """조치원읍·면 지역의 오래된 단지 (세대수는 아직 보정 전)."""
    types = emd.set_index("emd_code")["emd_type"]
    target = korean_target(emd)
    n_by_code = pd.Series([r[2] for r in OLD_TOWN_COMPLEXES],
                          index=[r[0] for r in OLD_TOWN_COMPLEXES]).groupby(level=0).sum()
    rows = []
    for code, ri, n, y0, y1 in OLD_TOWN_COMPLEXES:
        share = APT_SHARE_OLD[types[code]] * target[code] / 2.1 / n_by_code[code]
        for _ in range(n):
            rows.append({"emd_code": code, "village": ri,
                         "households": int(share * gen.uniform(0.6, 1.4)),
                         "completion_ym": f"{int(gen.integers(y0, y1 + 1))}-"
                                          f"{int(gen.integers(1, 13)):02d}"})
    return pd.DataFrame(rows)


def _size_mix(gen: np.random.Generator, emd_type: str, code: str) -> tuple[float, float, float]:
    """전용면적 구성 (≤60, 60~85, >85 ㎡), 소수 2자리, 합 1."""
    if emd_type != "동":
        alpha = [4.0, 5.0, 1.0]
    elif code in ("3611051800", "3611052300"):       # 주상복합이 많은 나성·어진
        alpha = [2.0, 5.0, 3.0]
    elif gen.random() < 0.12:                         # 소형 위주 (임대 등)
        alpha = [7.0, 2.0, 0.3]
    else:
        alpha = [2.0, 6.0, 2.0]
    mix = gen.dirichlet(alpha)
    small, mid = round(float(mix[0]), 2), round(float(mix[1]), 2)
    large = round(1.0 - small - mid, 2)
    if large < 0:
        mid, large = round(mid + large, 2), 0.0
    return small, mid, large


def _complex_attributes(gen: np.random.Generator, cx: pd.DataFrame,
                        emd: pd.DataFrame) -> pd.DataFrame:
    """면적 구성, 준공 때 세대원 수(pph0), 입주 기간, 최고 층수."""
    types = emd.set_index("emd_code")["emd_type"]
    mixes = [_size_mix(gen, types[c], c) for c in cx["emd_code"]]
    cx = cx.assign(share_small=[m[0] for m in mixes], share_mid=[m[1] for m in mixes],
                   share_large=[m[2] for m in mixes])
    is_dong = cx["emd_code"].map(types).eq("동").to_numpy()
    pph = (2.15 * cx["share_small"] + 2.85 * cx["share_mid"] + 3.25 * cx["share_large"]
           + gen.normal(0, 0.05, len(cx))).to_numpy()
    cx["pph0"] = np.where(is_dong, np.clip(pph, 2.45, 2.95), np.clip(pph - 0.25, 2.2, 2.6))
    cx["ramp_months"] = gen.integers(6, 10, len(cx))
    tall = cx["emd_code"].isin(["3611051800", "3611052300"]).to_numpy()
    floors = np.where(is_dong, gen.integers(15, 31, len(cx)), gen.integers(5, 21, len(cx)))
    cx["floors_max"] = np.where(tall, gen.integers(25, 50, len(cx)), floors)
    return cx


def complex_population(cx: pd.DataFrame, months: list[str] | tuple[str, ...]) -> np.ndarray:
    """단지 × 달 거주 인구 (실수): 세대수 × 입주율(완공 뒤 6~9개월 동안 증가) × 세대원 수."""
    t = np.array([month_index(m) for m in months])[None, :]
    c = np.array([month_index(m) for m in cx["completion_ym"]])[:, None]
    age = np.maximum(t - c + 1, 0)                          # 월말 기준 입주 경과 개월
    ramp = np.clip(age / cx["ramp_months"].to_numpy()[:, None], 0, 1)
    occupancy = OCCUPANCY * (1 - (1 - ramp) ** 2)
    pph = cx["pph0"].to_numpy()[:, None] * np.maximum(PPH_FLOOR, 1 - PPH_DECAY * age / 12)
    return cx["households"].to_numpy()[:, None] * occupancy * pph


def _calibrate_households(cx: pd.DataFrame, emd: pd.DataFrame) -> pd.DataFrame:
    """신도시 동마다 세대수를 한 배율로 조정: 2024-07 아파트 인구 = (1−비아파트 비율) × 목표."""
    target = korean_target(emd)
    per_hh = complex_population(cx.assign(households=1), [REF_MONTH])[:, 0]
    cx = cx.copy()
    for code in NEWTOWN_YEARS:
        sel = (cx["emd_code"] == code).to_numpy()
        want = (1 - NONAPT_SHARE.get(code, NONAPT_DEFAULT)) * target[code]
        k = want / float((cx.loc[sel, "households"] * per_hh[sel]).sum())
        cx.loc[sel, "households"] = np.round(cx.loc[sel, "households"] * k).astype(int)
    return cx


def _name_complexes(cx: pd.DataFrame) -> pd.DataFrame:
    """정렬(코드, 준공, 세대수) 뒤 ID 와 이름: 신도시 "도램마을 3단지", 읍면 "신흥리 2차 아파트"."""
    cx = cx.sort_values(["emd_code", "completion_ym", "households", "village"],
                        ascending=[True, True, False, True], kind="mergesort")
    cx = cx.reset_index(drop=True)
    number = cx.groupby("village").cumcount() + 1
    newtown = cx["emd_code"].isin(list(NEWTOWN_YEARS))
    cx["complex_name"] = np.where(newtown, cx["village"] + " " + number.astype(str) + "단지",
                                  cx["village"] + " " + number.astype(str) + "차 아파트")
    cx.insert(0, "complex_id", [f"APT{i:04d}" for i in range(1, len(cx) + 1)])
    return cx


def build_complexes(emd: pd.DataFrame, boundaries: gpd.GeoDataFrame,
                    gen: np.random.Generator) -> pd.DataFrame:
    """아파트 단지 표 (보정·이름·위치까지). 열 설명은 apartment_complexes.md 참고."""
    cx = pd.concat([_old_town_complexes(gen, emd), _newtown_complexes(gen, emd)],
                   ignore_index=True)
    cx = _calibrate_households(_complex_attributes(gen, cx, emd), emd)
    cx = _name_complexes(cx)
    lonlat = np.zeros((len(cx), 2))
    geo = boundaries.set_index("emd_code")
    info = emd.set_index("emd_code")
    for code, idx in cx.groupby("emd_code", sort=True).groups.items():
        sd = {"동": 350.0, "읍": 800.0, "면": 1200.0}[info.loc[code, "emd_type"]]
        center = (info.loc[code, "lon"], info.loc[code, "lat"])
        lonlat[idx] = sample_points(gen, geo.loc[code, "geometry"], center, len(idx), sd)
    cx["lon"], cx["lat"] = lonlat[:, 0], lonlat[:, 1]
    return cx


# ---------------------------------------------------------------------------
# 월별 인구 (monthly population by area, calibrated to the city anchors)
# ---------------------------------------------------------------------------
NATURAL_INCREASE_PER_YEAR = 2_400   # 가정: 자연증가 (출생−사망) 연 약 2,400명 (사실 파일에 없음)
BASE_TREND = {"읍": -0.020, "면": -0.005}  # 가정: 읍면 비아파트 인구의 연 변화율
HH_SIZE_TREND = 0.012               # 가정: 세대당 인구가 해마다 1.2 % 줄어듦 (1인 세대 증가)
NOISE_SD, NOISE_RHO = 0.0015, 0.7   # 월별 잡음: AR(1), 표준편차 0.15 %
MALE_SHARE = {"읍": 0.505, "면": 0.517, "동": 0.495}  # 남자 비율 출발값 (시 전체 49.8 % 로 맞춤)
CITY_MALE_SHARE = 0.498


def city_anchors() -> pd.DataFrame:
    """시 전체 주민등록인구(외국인 제외) 기준값: 공표값(published)과 그로부터 계산한 값(derived)."""
    pub = facts.CITY_ANCHORS_PUBLISHED
    dec2020 = pub["2021-01"] - facts.NET_INFLOW_2021_01 - round(NATURAL_INCREASE_PER_YEAR / 12)
    rows = [
        ("2019-01", pub["2020-01"] - facts.NET_INFLOW_2019 - NATURAL_INCREASE_PER_YEAR, "derived",
         "2020-01 − 2019년 순유입 23,724 − 가정한 자연증가 2,400"),
        ("2019-12", dec2020 - facts.INCREASE_2020, "derived", "2020-12 − 2020년 증가 15,256"),
        ("2020-01", pub["2020-01"], "published", "주민등록인구 (더팩트)"),
        ("2020-12", dec2020, "derived", "2021-01 − 2021년 1월 순유입 1,822 − 자연증가 200"),
        ("2021-01", pub["2021-01"], "published", "주민등록인구 (더팩트)"),
        ("2021-10", dec2020 + facts.INCREASE_2021_JAN_OCT, "derived",
         "2020-12 + 2021년 1~10월 증가 12,445"),
        ("2022-01", pub["2022-01"], "published", "주민등록인구 (더팩트)"),
        ("2024-07", pub["2024-07"], "published", "세종시 2024년 7월 인구현황 내국인 계"),
    ]
    return pd.DataFrame(rows, columns=["month", "target", "kind", "note"])


def _by_area(values: np.ndarray, area_codes: pd.Series, emd: pd.DataFrame) -> np.ndarray:
    """단지 × 달 행렬을 읍면동 × 달로 합침 (행 순서 = emd 순서)."""
    pos = area_codes.map({c: i for i, c in enumerate(emd["emd_code"])}).to_numpy()
    out = np.zeros((len(emd), values.shape[1]))
    np.add.at(out, pos, values)
    return out


def ar1(gen: np.random.Generator, n: int, rho: float, sd: float) -> np.ndarray:
    """평균 0, 표준편차 sd 인 AR(1) 잡음 한 줄 (날씨·소비 생성기가 함께 씁니다)."""
    z = gen.normal(0, sd * np.sqrt(1 - rho ** 2), n)
    out = np.empty(n)
    out[0] = gen.normal(0, sd)
    for i in range(1, n):
        out[i] = rho * out[i - 1] + z[i]
    return out


def _ar1_noise(gen: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """AR(1) 잡음, 기준 달(2024-07)에서 0 이 되게 옮김."""
    z = gen.normal(0, NOISE_SD, shape)
    e = np.zeros(shape)
    e[:, 0] = z[:, 0]
    for t in range(1, shape[1]):
        e[:, t] = NOISE_RHO * e[:, t - 1] + np.sqrt(1 - NOISE_RHO ** 2) * z[:, t]
    return e - e[:, [MONTHS.index(REF_MONTH)]]


def _raw_population(emd: pd.DataFrame, cx: pd.DataFrame, gen: np.random.Generator) -> np.ndarray:
    """보정 전 구역별 인구 (실수). 2024-07 값은 읍면동 목표(내국인 환산)와 정확히 같음."""
    ref = MONTHS.index(REF_MONTH)
    apt = _by_area(complex_population(cx, MONTHS), cx["emd_code"], emd)
    target = korean_target(emd).to_numpy()
    years = (np.arange(len(MONTHS)) - ref) / 12
    raw = np.zeros_like(apt)
    for i, kind in enumerate(emd["emd_type"]):
        if kind == "동":            # 비아파트 인구는 아파트 인구에 비례 (같은 속도로 개발)
            raw[i] = apt[i] * target[i] / apt[i, ref]
        else:                       # 읍면: 아파트 + 완만히 줄어드는 나머지 인구
            growth = BASE_TREND[kind] + (gen.normal(0, 0.003) if kind == "면" else 0.0)
            raw[i] = apt[i] + (target[i] - apt[i, ref]) * np.exp(growth * years)
    return raw * np.exp(_ar1_noise(gen, raw.shape))


def monthly_factor(raw_total: np.ndarray) -> np.ndarray:
    """기준값 달에서 (목표 / 모형 합계), 그 사이는 직선 보간, 2024-07 이후는 그대로."""
    anchors = city_anchors()
    idx = np.array([MONTHS.index(m) for m in anchors["month"]])
    ratio = anchors["target"].to_numpy() / raw_total[idx]
    return np.interp(np.arange(len(MONTHS)), idx, ratio)


def housing_age(cx: pd.DataFrame, emd: pd.DataFrame) -> np.ndarray:
    """구역 × 달: 아파트 거주자 가중 평균 주택 나이(년). 아파트가 없으면 0."""
    pop = complex_population(cx, MONTHS)
    t = np.array([month_index(m) for m in MONTHS])[None, :]
    c = np.array([month_index(m) for m in cx["completion_ym"]])[:, None]
    weighted = _by_area(pop * np.maximum(t - c, 0) / 12, cx["emd_code"], emd)
    total = _by_area(pop, cx["emd_code"], emd)
    return np.divide(weighted, total, out=np.zeros_like(total), where=total > 0)


def _household_size(emd: pd.DataFrame, age_years: np.ndarray) -> np.ndarray:
    """구역 × 달 세대당 인구. 2024-07 시 전체 세대수가 실제 값(162,554)이 되게 배율을 맞춤."""
    ref = MONTHS.index(REF_MONTH)
    kind = emd["emd_type"].to_numpy()
    young = 1 - np.clip(age_years[:, ref] / 12, 0, 1)
    r_ref = np.where(kind == "동", 2.45 + 0.30 * young, np.where(kind == "읍", 1.80, 1.85))
    r_ref = r_ref - 0.12 * emd["emd_code"].isin(["3611051800", "3611052300"]).to_numpy()
    target = korean_target(emd).to_numpy()
    r_ref = r_ref * (target / r_ref).sum() / facts.HOUSEHOLDS_2024_07
    years_before = (ref - np.arange(len(MONTHS))) / 12
    return r_ref[:, None] * (1 + HH_SIZE_TREND * years_before)[None, :]


def _male_share(emd: pd.DataFrame, gen: np.random.Generator) -> np.ndarray:
    """구역 × 달 남자 비율: 유형별 출발값 + 구역 차이, 시 전체 2024-07 값을 49.8 % 로 맞춤."""
    base = emd["emd_type"].map(MALE_SHARE).to_numpy() + gen.normal(0, 0.003, len(emd))
    target = korean_target(emd).to_numpy()
    base = base + CITY_MALE_SHARE - (base * target).sum() / target.sum()
    return base[:, None] + gen.normal(0, 0.0005, (len(emd), len(MONTHS)))


def korean_target(emd: pd.DataFrame) -> pd.Series:
    """읍면동별 2024-07 내국인 목표 = 실제 전체 인구 × (388,788 / 394,630), 실수."""
    return pd.Series(emd["pop_2024_07"].to_numpy() * facts.KOREAN_SHARE_2024_07,
                     index=emd["emd_code"].to_numpy())


def build_population(emd: pd.DataFrame, cx: pd.DataFrame,
                     gen: np.random.Generator) -> pd.DataFrame:
    """현재 24개 구역 기준 월별 인구 (긴 표): month, emd_code, population, households, male, female."""
    raw = _raw_population(emd, cx, gen)
    pop = np.round(raw * monthly_factor(raw.sum(0))[None, :]).astype(int)
    size = _household_size(emd, housing_age(cx, emd))
    hh = np.where(pop > 0, np.maximum(np.round(pop / size), 1), 0).astype(int)
    male = np.round(pop * _male_share(emd, gen)).astype(int)
    return pd.DataFrame({
        "month": np.tile(MONTHS, len(emd)),
        "emd_code": np.repeat(emd["emd_code"].to_numpy(), len(MONTHS)),
        "population": pop.ravel(), "households": hh.ravel(),
        "male": male.ravel(), "female": (pop - male).ravel(),
    })


def owner_code(code: str, month: str) -> str:
    """그 달 월말 통계에서 이 구역의 인구를 맡는 행정동 (분동 전이면 부모 동)."""
    split = facts.split_of(code)
    if split is not None and month < split.first_month:
        return owner_code(split.parent, month)
    return code


def publish(area: pd.DataFrame, emd: pd.DataFrame) -> pd.DataFrame:
    """구역 값을 그 달의 행정구역으로 묶음. 아직 없는 동은 모든 값이 0."""
    owner = [owner_code(c, m) for c, m in zip(area["emd_code"], area["month"])]
    summed = area.drop(columns="emd_code").assign(emd_code=owner)
    summed = summed.groupby(["emd_code", "month"], sort=False).sum(numeric_only=True)
    full = pd.MultiIndex.from_product([emd["emd_code"], MONTHS], names=["emd_code", "month"])
    out = summed.reindex(full, fill_value=0).reset_index()
    return out[["month", "emd_code", *[c for c in area.columns if c not in ("month", "emd_code")]]]


# ---------------------------------------------------------------------------
# 연령별 인구 (age bands, December of each year)
# ---------------------------------------------------------------------------
AGE_BANDS: tuple[str, ...] = tuple(f"{a}~{a + 9}세" for a in range(0, 100, 10)) + ("100세 이상",)
# 가정: 10세 구간 연령 구성 (남녀 합). 신도시 입주 초기 / 10년 뒤, 조치원읍, 면 지역.
AGE_PROFILES: dict[str, tuple[float, ...]] = {
    "new": (0.175, 0.090, 0.090, 0.215, 0.215, 0.110, 0.060, 0.025, 0.0080, 0.0012, 0.00003),
    "mature": (0.115, 0.175, 0.095, 0.130, 0.225, 0.140, 0.065, 0.027, 0.0090, 0.0015, 0.00003),
    "town": (0.070, 0.085, 0.210, 0.125, 0.125, 0.140, 0.125, 0.065, 0.0300, 0.0040, 0.00010),
    "rural": (0.055, 0.065, 0.065, 0.085, 0.110, 0.170, 0.200, 0.130, 0.0700, 0.0120, 0.00020),
}
AGING_PER_YEAR = 0.025   # 가정: 50세 이상 비중이 2019년보다 해마다 2.5 %씩 커짐 (고령화)
FEMALE_TILT = np.array([1, 1, 0.95, 1, 1, 1, 1.05, 1.2, 1.6, 2.5, 3.5])  # 고령층 여성 비중


def _round_to_total(weights: np.ndarray, total: int) -> np.ndarray:
    """비율대로 나누되 합이 정확히 ``total`` 이 되게 (최대 나머지 방식)."""
    if total <= 0:
        return np.zeros(len(weights), dtype=int)
    share = weights / weights.sum() * total
    base = np.floor(share).astype(int)
    extra = np.argsort(-(share - base), kind="stable")[: total - base.sum()]
    base[extra] += 1
    return base


def _age_profile(kind: str, age_years: float, year: int, tilt: np.ndarray) -> np.ndarray:
    """구역 하나, 한 해의 연령 구성 (남녀 합, 합 1 아님)."""
    if kind == "동":
        w = np.clip((age_years - 1) / 10, 0, 1)
        prof = (1 - w) * np.array(AGE_PROFILES["new"]) + w * np.array(AGE_PROFILES["mature"])
    else:
        prof = np.array(AGE_PROFILES["town" if kind == "읍" else "rural"])
    prof = prof.copy()
    prof[5:] *= 1 + AGING_PER_YEAR * (year - 2019)     # 50세 이상: 완만한 고령화
    return prof * tilt


def build_age(emd: pd.DataFrame, cx: pd.DataFrame, area: pd.DataFrame,
              gen: np.random.Generator) -> pd.DataFrame:
    """12월 연령별 인구 (긴 표, 발표 행정구역 기준): month, emd_code, sex, band, count."""
    tilts = np.exp(gen.normal(0, 0.05, (len(emd), len(AGE_BANDS))))   # 구역별 고유한 차이
    ages = housing_age(cx, emd)
    lookup = area.set_index(["emd_code", "month"])
    rows = []
    for m in DECEMBERS:
        t = MONTHS.index(m)
        for i, (code, kind) in enumerate(zip(emd["emd_code"], emd["emd_type"])):
            prof = _age_profile(kind, ages[i, t], int(m[:4]), tilts[i])
            male, female = lookup.loc[(code, m), ["male", "female"]]
            for sex, total, w in (("남", male, prof), ("여", female, prof * FEMALE_TILT)):
                counts = _round_to_total(w, int(total))
                rows.extend((m, owner_code(code, m), sex, b, int(n))
                            for b, n in zip(AGE_BANDS, counts))
    long = pd.DataFrame(rows, columns=["month", "emd_code", "sex", "band", "count"])
    long = long.groupby(["emd_code", "month", "sex", "band"], sort=False)["count"].sum()
    full = pd.MultiIndex.from_product([emd["emd_code"], DECEMBERS, ["남", "여"], AGE_BANDS],
                                      names=["emd_code", "month", "sex", "band"])
    return long.reindex(full, fill_value=0).reset_index()[
        ["month", "emd_code", "sex", "band", "count"]]


# ---------------------------------------------------------------------------
# 주요 장소 (fixed places)
# ---------------------------------------------------------------------------
# 이름, 분류, 속한 읍면동, 대략의 경도·위도. 도식 경계 안에 들도록 필요하면 중심점 쪽으로 옮깁니다.
FIXED_PLACES: tuple[tuple[str, str, str, float, float], ...] = (
    ("정부세종청사", "government", "3611052300", 127.2630, 36.5035),
    ("세종특별자치시청", "city_hall", "3611056000", 127.2890, 36.4800),
    ("세종호수공원", "park", "3611052300", 127.2705, 36.4985),
    ("조치원역", "rail_station", "3611025000", 127.2960, 36.6013),
    ("고려대학교 세종캠퍼스", "university", "3611025000", 127.2875, 36.6105),
    ("홍익대학교 세종캠퍼스", "university", "3611025000", 127.2885, 36.6235),
)
BRT_STOP_COUNT = 24


def _pull_inside(polygon_ll, center_ll: tuple[float, float], point_ll: tuple[float, float],
                 margin_m: float = 30.0) -> tuple[float, float]:
    """점이 다각형 밖이면 중심점 쪽으로 조금씩 당겨 안쪽(경계에서 30 m 이상)에 둠."""
    inner = to_xy(polygon_ll).buffer(-margin_m)
    c = np.array(_TO_XY.transform(*center_ll))
    p = np.array(_TO_XY.transform(*point_ll))
    for lam in np.linspace(1.0, 0.0, 41):
        q = c + lam * (p - c)
        if inner.contains(Point(q)):
            lon, lat = _TO_LL.transform(q[0], q[1])
            return round(float(lon), 5), round(float(lat), 5)
    raise RuntimeError("중심점도 다각형 안에 없습니다.")


def _brt_ring(emd: pd.DataFrame) -> LineString:
    """신도시 동 중심점을 북쪽(해밀동)부터 시계 방향으로 이은 도식 BRT 순환선 (EPSG:5186)."""
    nt = emd[emd["emd_type"] == "동"]
    xy = np.column_stack(_TO_XY.transform(nt["lon"].to_numpy(), nt["lat"].to_numpy()))
    angle = np.arctan2(xy[:, 1] - xy[:, 1].mean(), xy[:, 0] - xy[:, 0].mean())
    clockwise_from_north = np.mod(np.pi / 2 - angle, 2 * np.pi)
    ordered = xy[np.argsort(clockwise_from_north, kind="stable")]
    return LineString(np.vstack([ordered, ordered[:1]]))


def _brt_stops(emd: pd.DataFrame, boundaries: gpd.GeoDataFrame) -> list[dict]:
    """순환선 위에 같은 간격으로 놓은 BRT 정류장. 이름은 들어 있는 읍면동 + 번호."""
    ring = _brt_ring(emd)
    step = ring.length / BRT_STOP_COUNT
    pts = np.array([ring.interpolate((k + 0.5) * step).coords[0] for k in range(BRT_STOP_COUNT)])
    lon, lat = _TO_LL.transform(pts[:, 0], pts[:, 1])
    lon, lat = np.round(lon, 5), np.round(lat, 5)
    codes = locate(boundaries, lon, lat)
    names = emd.set_index("emd_code")["emd_name"]
    seen: dict[str, int] = {}
    stops = []
    for x, y, code in zip(lon, lat, codes):
        seen[code] = seen.get(code, 0) + 1
        stops.append({"name": f"{names[code]} BRT 정류장 {seen[code]}", "category": "brt_stop",
                      "lon": float(x), "lat": float(y)})
    return stops


def build_places(emd: pd.DataFrame, boundaries: gpd.GeoDataFrame,
                 gen: np.random.Generator) -> pd.DataFrame:
    """주요 장소 표: place_id, name, category, lat, lon, emd_code, lifezone."""
    geo = boundaries.set_index("emd_code").geometry
    info = emd.set_index("emd_code")
    rows = []
    for name, category, code, lon, lat in FIXED_PLACES:
        center = (info.loc[code, "lon"], info.loc[code, "lat"])
        x, y = _pull_inside(geo[code], center, (lon, lat))
        rows.append({"name": name, "category": category, "lon": x, "lat": y})
    for code in info.index[info["emd_type"] == "동"]:
        center = (info.loc[code, "lon"], info.loc[code, "lat"])
        x, y = sample_points(gen, geo[code], center, 1, sd_m=120.0)[0]
        rows.append({"name": f"{info.loc[code, 'emd_name']} 상가 중심",
                     "category": "commercial_center", "lon": float(x), "lat": float(y)})
    rows.extend(_brt_stops(emd, boundaries))
    places = pd.DataFrame(rows)
    places["emd_code"] = locate(boundaries, places["lon"], places["lat"])
    places["lifezone"] = places["emd_code"].map(info["lifezone"])
    places.insert(0, "place_id", [f"PL{i:03d}" for i in range(1, len(places) + 1)])
    return places[["place_id", "name", "category", "lat", "lon", "emd_code", "lifezone"]]


# ---------------------------------------------------------------------------
# 도시 전체 (the whole base city)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class City:
    """모의 세종시 (읽기 전용으로 쓰세요: 고칠 때는 ``.copy()`` 를 먼저)."""

    seed: int
    emd: pd.DataFrame                  # 실제 사실표 (city.emd_table)
    boundaries: gpd.GeoDataFrame       # 도식 경계, WGS84, 코드 순
    complexes: pd.DataFrame            # 아파트 단지
    population: pd.DataFrame           # 현재 24개 구역 기준 월별 인구 (분동 전으로도 거슬러 계산)
    published: pd.DataFrame            # 그 달의 행정구역 기준 (없는 동은 0)
    age: pd.DataFrame                  # 12월 연령별 인구 (published 와 같은 기준)
    places: pd.DataFrame               # 주요 장소
    calibration: pd.DataFrame          # 시 전체 기준값 대 모의 값

    def polygon(self, code: str):
        """읍면동 코드의 도식 다각형 (WGS84)."""
        return self.boundaries.set_index("emd_code").geometry[code]


def calibration_table(population: pd.DataFrame) -> pd.DataFrame:
    """기준값 달마다 목표와 모의 시 전체 인구, 차이(%)."""
    total = population.groupby("month")["population"].sum()
    table = city_anchors()
    table["simulated"] = table["month"].map(total).astype(int)
    table["diff_pct"] = (table["simulated"] / table["target"] - 1) * 100
    return table[["month", "kind", "target", "simulated", "diff_pct", "note"]]


@lru_cache(maxsize=4)
def build_city(seed: int = SEED) -> City:
    """모의 세종시 전체를 만듭니다 (같은 시드 → 언제나 같은 결과; 프로세스 안에서 캐시)."""
    emd = facts.emd_table()
    boundaries = build_boundaries(emd)
    complexes = build_complexes(emd, boundaries, rng("complexes", seed))
    area = build_population(emd, complexes, rng("population", seed))
    published = publish(area, emd)
    age = build_age(emd, complexes, area, rng("age", seed))
    places = build_places(emd, boundaries, rng("places", seed))
    _check_locations(boundaries, complexes, places)
    return City(seed, emd, boundaries, complexes, area, published, age, places,
                calibration_table(area))


def _check_locations(boundaries: gpd.GeoDataFrame, complexes: pd.DataFrame,
                     places: pd.DataFrame) -> None:
    """단지는 자기 동의 다각형 안에, 고정 장소는 정해 둔 읍면동 안에 있어야 합니다."""
    where = locate(boundaries, complexes["lon"], complexes["lat"])
    if not (where == complexes["emd_code"].to_numpy()).all():
        raise RuntimeError("자기 읍면동 다각형 밖에 있는 단지가 있습니다.")
    fixed = dict(zip(places["name"], places["emd_code"]))
    wrong = [name for name, _, code, _, _ in FIXED_PLACES if fixed[name] != code]
    if wrong or (places["emd_code"] == "").any():
        raise RuntimeError(f"읍면동이 맞지 않는 장소: {wrong}")
