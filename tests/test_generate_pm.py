"""공유 PM 자료 생성기(sejongdata/generate/pm.py) 시험.

임시 폴더에 PM 자료만 두 번 만들어(캐시를 비우고) 바이트로 비교하고, 저장소의 datasets/ 파일을
pandas·geopandas 만으로 읽어 형식·기하·보정을 확인합니다 (리더 모듈과 독립).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from sejongdata import grid as grid_tools
from sejongdata.generate import base, bike, build_city, generate, pm
from sejongdata.geo import haversine_m
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("02")

DATA = REPO_ROOT / "datasets"
PM_FILES = [pm.SITES_FILE, pm.GRID_FILE, pm.EBIKE_FILE]
OTHER_FILES = ["emd_master.csv", "population_emd_monthly.csv", "population_emd_age.csv",
               "emd_boundaries_schematic.geojson", "apartment_complexes.csv", "places.csv",
               bike.ASOS_FILE, bike.STATIONS_FILE, bike.SAMPLE_FILE]
EBIKE_HEADER = "trip_id,start_time,start_lat,start_lon,end_time,end_lat,end_lon,distance_m"
GRID_HEADER = ("cell_id,x,y,lat,lon,emd_code,residents,households,n_brt,n_commercial,n_school,"
               "n_park,n_office,land_use")
SITES_HEADER = "site_id,name,category,lat,lon,emd_code"


def _manifest(path: Path) -> dict[str, str]:
    pairs = [line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines()]
    return {name: digest for digest, name in pairs}


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    gdf = gpd.read_file(DATA / "emd_boundaries_schematic.geojson")
    return gdf.rename(columns={"adm_cd2": "emd_code"})


@pytest.fixture(scope="module")
def sites() -> pd.DataFrame:
    return pd.read_csv(DATA / pm.SITES_FILE, dtype={"emd_code": str})


@pytest.fixture(scope="module")
def grid() -> pd.DataFrame:
    return pd.read_csv(DATA / pm.GRID_FILE, dtype={"emd_code": str})


@pytest.fixture(scope="module")
def trips() -> pd.DataFrame:
    df = pd.read_csv(DATA / pm.EBIKE_FILE, dtype={"trip_id": str})
    for col in ("start_time", "end_time"):
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d %H:%M:%S")
    return df


@pytest.fixture(scope="module")
def docks() -> pd.DataFrame:
    """2020-12-31 에 사용 중인 어울링 대여소 (실제 파일처럼 '위도' 열에 경도가 들어 있음)."""
    st = pd.read_csv(DATA / bike.STATIONS_FILE, encoding="cp949", dtype=str)
    st = st[st["사용유무"] == "Y"]
    return pd.DataFrame({"lat": st["경도"].astype(float), "lon": st["위도"].astype(float)})


# ---------------------------------------------------------------------------
# 결정성과 다른 자료의 보존
# ---------------------------------------------------------------------------
def test_deterministic_and_equal_to_committed(regenerated):
    out = regenerated("pm")                # 캐시 없이 새로 만든 폴더 (conftest, make test 한 번에 한 번)
    committed = _manifest(DATA / "MANIFEST.sha256")
    for name in PM_FILES:
        raw = (out / name).read_bytes()
        assert raw == (DATA / name).read_bytes(), name
        assert hashlib.sha256(raw).hexdigest() == committed[name], \
            f"{name}: datasets/ 가 생성기와 다릅니다 (python -m sejongdata.generate)"
        assert b"\r" not in raw and raw.endswith(b"\n") and not raw.startswith(b"\xef\xbb\xbf")
    assert sum((DATA / n).stat().st_size for n in PM_FILES) < 4_000_000


def test_other_files_unchanged(tmp_path):
    """PM 생성기가 공유 도시·어울링 대여소를 바꾸지 않음, 그리고 기존 파일이 MANIFEST 와 같음."""
    committed = _manifest(DATA / "MANIFEST.sha256")
    assert set(PM_FILES + OTHER_FILES) <= set(committed)
    for name in OTHER_FILES:
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == committed[name], name
    pm.simulate_ebike(base.SEED)
    pm.build_grid(base.SEED)
    generate(tmp_path, only=["foundation", "eoulling_stations"])
    for name in OTHER_FILES[:6] + [bike.STATIONS_FILE]:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


# ---------------------------------------------------------------------------
# 칸 규칙
# ---------------------------------------------------------------------------
def test_cell_rule_matches_grid_helper():
    gen = np.random.default_rng(0)
    lat, lon = gen.uniform(36.44, 36.73, 500), gen.uniform(127.14, 127.41, 500)
    ix, iy = pm.cell_of(lat, lon)
    jx, jy = grid_tools.cell_index(lat, lon)
    assert (ix == jx).all() and (iy == jy).all()
    one = pm.cell_of(float(lat[0]), float(lon[0]))
    assert isinstance(one[0], int) and one == (int(ix[0]), int(iy[0]))
    assert pm.cell_id(ix[0], iy[0]) == f"G{ix[0]}_{iy[0]}"


# ---------------------------------------------------------------------------
# 후보지
# ---------------------------------------------------------------------------
def test_sites_shape(sites):
    assert (DATA / pm.SITES_FILE).read_text(encoding="utf-8").split("\n", 1)[0] == SITES_HEADER
    assert 250 <= len(sites) <= 400
    assert list(sites["site_id"]) == [f"PM{i:03d}" for i in range(1, len(sites) + 1)]
    assert sites["name"].is_unique
    assert set(sites["category"]) == set(pm.CATEGORIES)
    assert (sites["category"] == "brt_stop").sum() == 24
    for name in ("도담동 BRT 정류장 2 앞", "조치원역 앞", "고려대학교 세종캠퍼스 정문", "세종특별자치시청 앞"):
        assert name in set(sites["name"]), name
    by_cat = sites.groupby("category")["name"]
    assert by_cat.get_group("apartment_gate").str.endswith(" 정문").all()
    assert by_cat.get_group("brt_stop").str.fullmatch(r"\S+ BRT 정류장 \d 앞").all()
    newtown_or_jochiwon = sites["emd_code"].str[5] != "3"
    assert newtown_or_jochiwon.mean() > 0.9


def test_sites_inside_own_polygon_and_spaced(sites, boundaries):
    codes = base.locate(boundaries, sites["lon"], sites["lat"])
    assert (codes == sites["emd_code"].to_numpy()).all()
    d = haversine_m(sites["lat"].to_numpy()[:, None], sites["lon"].to_numpy()[:, None],
                    sites["lat"].to_numpy()[None, :], sites["lon"].to_numpy()[None, :])
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 60.0
    gates = sites[sites["category"] == "apartment_gate"]
    cx = pd.read_csv(DATA / "apartment_complexes.csv", dtype={"emd_code": str})
    names = gates["name"].str.removesuffix(" 정문")
    assert names.isin(set(cx["complex_name"])).all()


# ---------------------------------------------------------------------------
# 격자
# ---------------------------------------------------------------------------
def test_grid_ids_and_geometry(grid, boundaries):
    assert (DATA / pm.GRID_FILE).read_text(encoding="utf-8").split("\n", 1)[0] == GRID_HEADER
    assert grid["cell_id"].is_unique
    assert ((grid["x"] % 250 == 0) & (grid["y"] % 250 == 0)).all()
    assert (grid["cell_id"] == "G" + (grid["x"] // 250).astype(str) + "_"
            + (grid["y"] // 250).astype(str)).all()
    ix, iy = pm.cell_of(grid["lat"].to_numpy(), grid["lon"].to_numpy())     # 중심이 자기 칸에 듦
    assert (ix == grid["x"] // 250).all() and (iy == grid["y"] // 250).all()
    centre_code = base.locate(boundaries, grid["lon"], grid["lat"])
    inside = centre_code != ""
    assert inside.mean() > 0.9 and (centre_code[inside] == grid["emd_code"][inside]).all()
    area = base.to_xy(boundaries.union_all()).area / 1e6
    assert 7_000 < len(grid) < area / 0.0625 * 1.15
    assert set(grid["land_use"]) == {"residential", "commercial", "mixed", "public", "green", "rural"}


def test_grid_population_and_counts(grid, sites):
    city = build_city(base.SEED)
    expected = base.complex_population(city.complexes, ["2020-12"])[:, 0].sum()
    assert abs(grid["residents"].sum() - expected) <= 1
    assert ((grid["residents"] > 0) == (grid["households"] > 0)).all()
    ratio = grid["residents"].sum() / grid["households"].sum()
    assert 2.2 < ratio < 2.9
    cx_cells = set(pm.cell_id(*pm.cell_of(city.complexes["lat"].to_numpy(),
                                          city.complexes["lon"].to_numpy())))
    assert cx_cells <= set(grid["cell_id"])
    for col, category in pm.GRID_COUNTS.items():
        assert grid[col].sum() == (sites["category"] == category).sum(), col
    res, shop = grid["residents"] > 0, grid["n_commercial"] > 0
    lu = grid["land_use"]
    assert (lu[res & shop] == "mixed").all() and (lu[res & ~shop] == "residential").all()
    assert (lu[~res & shop] == "commercial").all()
    assert lu[~res & ~shop].isin(["public", "green", "rural"]).all()
    assert (lu[grid["emd_code"].str[5] == "5"] != "rural").all()          # 신도시 동에는 rural 이 없음


# ---------------------------------------------------------------------------
# 전기자전거 이용 기록
# ---------------------------------------------------------------------------
def test_ebike_shape(trips):
    raw = (DATA / pm.EBIKE_FILE).read_text(encoding="utf-8")
    assert raw.split("\n", 1)[0] == EBIKE_HEADER
    first = raw.split("\n", 2)[1].split(",")
    assert all(re.fullmatch(r"\d+\.\d{6}", v) for v in first[2:4] + first[5:7])
    assert 20_000 < len(trips) < 30_000
    assert trips["trip_id"].is_unique and trips["trip_id"].str.fullmatch(r"EB\d{7}").all()
    assert trips["trip_id"].is_monotonic_increasing and trips["start_time"].is_monotonic_increasing
    assert trips["start_time"].min() >= pd.Timestamp("2020-08-01")
    assert trips["start_time"].max() < pd.Timestamp("2021-01-01")
    months = trips["start_time"].dt.month.value_counts()
    assert set(months.index) == {8, 9, 10, 11, 12} and months.idxmax() == 10
    assert (trips["end_time"] >= trips["start_time"]).all()
    minutes = (trips["end_time"] - trips["start_time"]).dt.total_seconds() / 60
    assert minutes.min() >= 1 and 5 < minutes.mean() < 15


def test_ebike_geometry(trips, boundaries):
    for end in ("start", "end"):
        codes = base.locate(boundaries, trips[f"{end}_lon"], trips[f"{end}_lat"])
        assert (codes != "").all(), end
    straight = haversine_m(trips["start_lat"], trips["start_lon"], trips["end_lat"], trips["end_lon"])
    assert (trips["distance_m"] >= straight).all()
    ratio = trips["distance_m"] / straight
    assert ratio.median() == pytest.approx(1.325, abs=0.03)
    assert 1_500 <= trips["distance_m"].mean() <= 2_200
    assert trips["distance_m"].between(500, 3_000).mean() > 0.65


def test_ebike_more_evening_than_eoulling(trips):
    bt = pd.read_csv(DATA / bike.SAMPLE_FILE, encoding="cp949", usecols=["시작대여일자"])
    hour_b = pd.to_datetime(bt["시작대여일자"], format="%Y-%m-%d %H:%M:%S").dt.hour
    hour_e = trips["start_time"].dt.hour
    late = lambda h: ((h >= 21) | (h <= 2)).mean()    # noqa: E731
    assert late(hour_e) > 1.5 * late(hour_b)
    assert hour_e.between(7, 8).mean() < hour_b.between(7, 8).mean()


def test_ebike_reaches_beyond_eoulling(trips, grid, docks, boundaries):
    """이용 끝점의 10 % 넘게가 '칸 중심 300 m 안에 어울링 대여소가 없는 칸' 에 떨어짐."""
    lat = np.concatenate([trips["start_lat"], trips["end_lat"]])
    lon = np.concatenate([trips["start_lon"], trips["end_lon"]])
    ids = pm.cell_id(*pm.cell_of(lat, lon))
    assert set(ids) <= set(grid["cell_id"])                     # 모든 끝점이 격자 칸 안
    used = grid[grid["cell_id"].isin(set(ids))]
    d = haversine_m(used["lat"].to_numpy()[:, None], used["lon"].to_numpy()[:, None],
                    docks["lat"].to_numpy()[None, :], docks["lon"].to_numpy()[None, :])
    uncovered = set(used.loc[d.min(1) > 300, "cell_id"])
    share = np.isin(ids, list(uncovered)).mean()
    assert 0.10 < share < 0.30
    jochiwon = base.locate(boundaries, lon, lat) == pm.JOCHIWON
    assert 0.08 < jochiwon.mean() < 0.25


# ---------------------------------------------------------------------------
# 카드
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", PM_FILES)
def test_cards(name):
    card = (DATA / (Path(name).stem + ".md")).read_text(encoding="utf-8")
    reader = {pm.SITES_FILE: "read_pm_sites", pm.GRID_FILE: "read_grid",
              pm.EBIKE_FILE: "read_ebike_trips"}[name]
    assert f"sejongdata.readers.{reader}" in card
    assert name in (DATA / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"^#{3,} ", card, flags=re.M)
    if name == pm.SITES_FILE:
        assert "25" in card and "찾지 못" in card          # 실제 25개소 목록은 없음을 밝힘
    if name == pm.GRID_FILE:
        assert "floor(x / 250)" in card and "EPSG:5186" in card
