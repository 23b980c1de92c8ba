"""상가 자료 생성기(sejongdata/generate/stores.py) 시험.

임시 폴더에 상가 자료만 두 번 만들어(캐시를 비우고) 바이트로 비교하고, 저장소의 datasets/ 파일을
pandas·geopandas 만으로 읽어 형식·위치·보정을 확인합니다 (리더 모듈과 독립).
"""
from __future__ import annotations

import hashlib

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from sejongdata import city as facts
from sejongdata.generate import base, build_city, stores
from sejongdata.geo import haversine_m
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("05", "06", "07")

DATA = REPO_ROOT / "datasets"
FILE = DATA / stores.STORES_FILE
NEWTOWN = [e.code for e in facts.EMDS if e.emd_type == "동"]


def _manifest() -> dict[str, str]:
    pairs = [line.split("  ", 1) for line in (DATA / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()]
    return {name: digest for digest, name in pairs}


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return pd.read_csv(FILE, encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    gdf = gpd.read_file(DATA / "emd_boundaries_schematic.geojson")
    return gdf.rename(columns={"adm_cd2": "emd_code"}).set_index("emd_code")


def _nine_group(df: pd.DataFrame) -> pd.Series:
    group_of = {code: g for g, codes in stores.NINE_TYPES.items() for code in codes}
    return df["상권업종소분류코드"].map(group_of)


# ---------------------------------------------------------------------------
# 결정성, 형식
# ---------------------------------------------------------------------------
def test_deterministic_and_equal_to_committed(regenerated):
    raw = (regenerated("stores") / stores.STORES_FILE).read_bytes()   # 캐시 없이 새로 만든 파일 (conftest)
    assert hashlib.sha256(raw).hexdigest() == _manifest()[stores.STORES_FILE], \
        "datasets/stores_sejong.csv 가 생성기와 다릅니다 (python -m sejongdata.generate)"
    assert raw == FILE.read_bytes()


def test_file_format():
    raw = FILE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    assert len(raw) < 7_000_000
    header = raw[3:].split(b"\n", 1)[0].decode("utf-8")
    assert header == ",".join(stores.COLUMNS) and len(stores.COLUMNS) == 39


def test_ids_unique_and_shaped(df):
    ids = df["상가업소번호"]
    assert ids.is_unique and ids.is_monotonic_increasing
    assert ids.str.fullmatch(r"MA0101\d{14}").all()
    months = ids.str[6:12]
    assert months.min() == "202208" and months.max() <= "202406"
    assert 0.5 < (months == "202208").mean() < 0.85          # 번호 체계 이전부터 있던 점포가 대부분


def test_ids_stable_against_model_table(df):
    model = stores.build_stores(base.SEED)
    assert list(model["store_id"]) == list(df["상가업소번호"])
    early = model["opened_ym"] <= stores.ID_START
    assert (model.loc[early, "store_id"].str[6:12] == "202208").all()
    assert (model.loc[~early, "store_id"].str[6:12] == model.loc[~early, "opened_ym"].str.replace("-", "")).all()


def test_codes_are_nested_and_named(df):
    cls = stores.classification().set_index("scls_code")
    small, mid, big = df["상권업종소분류코드"], df["상권업종중분류코드"], df["상권업종대분류코드"]
    assert all(s.startswith(m) and m.startswith(b) for s, m, b in zip(small, mid, big))
    assert (df["상권업종소분류명"] == small.map(cls["scls_name"])).all()
    assert (df["상권업종대분류명"] == big.map(stores.LCLS)).all()
    assert (df["상권업종중분류명"] == mid.map(stores.MCLS)).all()
    assert df["표준산업분류코드"].str.fullmatch(r"[A-Z]\d{5}").all()
    assert (df["표준산업분류코드"].str[0] == big.str[0]).all()   # 같은 산업 대분류 글자 (I 음식·숙박, G 소매 …)
    assert set(big) == set(stores.LCLS)


def test_joins_to_emd_master(df):
    emd = pd.read_csv(DATA / "emd_master.csv", dtype=str)
    names = dict(zip(emd["emd_code"], emd["emd_name"]))
    assert set(df["행정동코드"]) == set(names)                  # 24개 읍면동 모두에 점포가 있음
    assert (df["행정동명"] == df["행정동코드"].map(names)).all()
    assert (df["시도코드"] == "36").all() and (df["시군구코드"] == "36110").all()
    assert (df["시도명"] == "세종특별자치시").all() and (df["시군구명"] == "세종특별자치시").all()


def test_address_codes_fit_together(df):
    assert df["법정동코드"].str.fullmatch(r"36110\d{5}").all()
    assert (df["지번코드"].str[:10] == df["법정동코드"]).all() and df["지번코드"].str.fullmatch(r"\d{19}").all()
    assert (df["지번코드"].str[10] == df["대지구분코드"]).all()
    assert (df["건물관리번호"].str[:19] == df["지번코드"]).all() and df["건물관리번호"].str.fullmatch(r"\d{25}").all()
    assert df["도로명코드"].str.fullmatch(r"36110\d{7}").all()
    assert all(a.startswith(r + " ") for a, r in zip(df["도로명주소"], df["도로명"]))
    assert df["신우편번호"].str.fullmatch(r"30\d{3}").all()
    # 한 건물의 점포는 좌표·주소가 같음 (실제 파일처럼 좌표는 건물 단위)
    per_building = df.groupby("건물관리번호")[["경도", "위도", "도로명주소", "지번주소", "행정동코드"]].nunique()
    assert (per_building == 1).all().all()
    assert 2.0 < len(df) / len(per_building) < 10.0


# ---------------------------------------------------------------------------
# 위치
# ---------------------------------------------------------------------------
def test_every_store_inside_its_emd(df, boundaries):
    lon, lat = df["경도"].astype(float).to_numpy(), df["위도"].astype(float).to_numpy()
    outline = shapely.union_all(boundaries.geometry.to_numpy())
    assert shapely.contains_xy(outline, lon, lat).all()
    for code, idx in df.groupby("행정동코드").groups.items():
        inside = shapely.contains_xy(boundaries.geometry[code], lon[idx], lat[idx])
        assert inside.all(), f"{code}: {int((~inside).sum())}개 점포가 자기 읍면동 밖"


def test_stores_cluster_at_centres_and_brt(df):
    places = pd.read_csv(DATA / "places.csv", dtype={"emd_code": str})
    hubs = places[places["category"].isin(["commercial_center", "brt_stop", "government", "city_hall"])]
    nt = df[df["행정동코드"].isin(NEWTOWN)]
    d = haversine_m(nt["위도"].astype(float).to_numpy()[:, None], nt["경도"].astype(float).to_numpy()[:, None],
                    hubs["lat"].to_numpy()[None, :], hubs["lon"].to_numpy()[None, :]).min(axis=1)
    assert 0.55 < (d < 400).mean() < 0.9                      # 나머지는 단지 상가
    jo = df[df["행정동코드"] == "3611025000"]
    station = places[places["category"] == "rail_station"].iloc[0]
    d_jo = haversine_m(jo["위도"].astype(float), jo["경도"].astype(float), station["lat"], station["lon"])
    assert (d_jo < 1000).mean() > 0.4                          # 조치원역 앞 원도심


# ---------------------------------------------------------------------------
# 수와 업종 구성
# ---------------------------------------------------------------------------
def test_counts_by_area(df):
    emd = facts.emd_by_code()
    counts = df["행정동코드"].value_counts()
    newtown = int(counts[NEWTOWN].sum())
    assert newtown == round(stores.NEWTOWN_TOTAL_9 / stores.NINE_SHARE)
    assert counts["3611025000"] == round(emd["3611025000"].pop_2024_07 * stores.JOCHIWON_PER_1000 / 1000)
    for code, e in emd.items():
        if e.emd_type == "면":
            assert counts[code] == round(e.pop_2024_07 * stores.MYEON_PER_1000 / 1000), e.name
    assert 12_000 < len(df) < 25_000                            # 여민전 가맹점 약 1.2만 곳(2020)보다 많음
    per_1000 = len(df) / facts.POP_2024_07_TOTAL * 1000
    assert 30 < per_1000 < 50
    # 인구당 점포는 나성·어진(상업·업무 중심)이 가장 많고, 새 동(해밀)이 적음
    dense = {c: counts[c] / emd[c].pop_2024_07 for c in NEWTOWN}
    top = sorted(dense, key=dense.get, reverse=True)[:2]
    assert set(top) == {"3611051800", "3611052300"} and min(dense, key=dense.get) in ("3611052500", "3611055000")


def test_newtown_nine_facilities_match_published(df):
    nt = df[df["행정동코드"].isin(NEWTOWN)]
    groups = _nine_group(nt).value_counts()
    for group, target in stores.NEWTOWN_TARGETS.items():
        assert groups[group] == target, group
    assert groups.sum() == stores.NEWTOWN_TOTAL_9
    naseong = _nine_group(nt[nt["행정동코드"] == "3611051800"]).notna().sum()
    assert abs(naseong / stores.NASEONG_9 - 1) < 0.05
    rest = df[~df["행정동코드"].isin(NEWTOWN)]
    assert _nine_group(rest).notna().mean() < 0.6


def test_published_rankings_by_dong(df):
    """2019년 말 발표의 동별 순위 모양: 음식점은 나성·도담·어진, 커피숍은 어진, 학원은 새롬·아름."""
    nt = df[df["행정동코드"].isin(NEWTOWN)].assign(g=_nine_group)
    by = nt.groupby(["g", "행정동명"]).size()
    assert set(by["음식점"].nlargest(3).index) == {"나성동", "도담동", "어진동"}
    assert by["커피숍"].idxmax() == "어진동"
    assert set(by["학원"].nlargest(2).index) == {"새롬동", "아름동"}


def test_sector_mix(df):
    share = df["상권업종대분류명"].value_counts(normalize=True)
    assert 0.25 < share["음식"] < 0.35 and 0.25 < share["소매"] < 0.35
    assert 0.08 < share["수리·개인"] < 0.13 and 0.05 < share["부동산"] < 0.09 and 0.05 < share["교육"] < 0.09
    assert share.idxmin() in ("숙박", "시설관리·임대")
    rural = df[df["행정동코드"].str[5] == "3"]                 # 9개 면 (36110 3xxxx)
    town = df[df["행정동코드"].isin(NEWTOWN)]
    for code in ("G21401", "S20301", "I10105"):               # 주유소·정비·펜션은 면 지역에 많음
        assert (rural["상권업종소분류코드"] == code).mean() > 2 * (town["상권업종소분류코드"] == code).mean()
    assert (town["상권업종중분류코드"].isin(["P105", "P106"])).mean() > 3 * (rural["상권업종중분류코드"].isin(["P105", "P106"])).mean()


def test_lifezones_all_present(df):
    zone = df["행정동코드"].map({e.code: e.lifezone for e in facts.EMDS})
    counts = zone.value_counts()
    assert set(counts.index) == {"1생활권", "2생활권", "3생활권", "4생활권", "6생활권", "읍면지역"}
    assert counts["1생활권"] > counts["3생활권"] > counts["4생활권"] > counts["6생활권"]


def test_names_floors_and_chains(df):
    assert (df["상호명"] != "").all() and df["상호명"].nunique() > len(df) / 4
    chain = df["지점명"] != ""
    assert 0.05 < chain.mean() < 0.2 and df["지점명"][chain].str.endswith("점").all()
    assert (df.loc[df["상권업종소분류코드"] == "G20405", "지점명"] != "").mean() > 0.9
    floor = df["층정보"]
    assert 0.1 < (floor == "").mean() < 0.3 and floor[floor != ""].str.fullmatch(r"[1-8]").all()
    upper = df["상권업종소분류코드"].str[:4].isin(["P105", "Q102"])
    ground = df["상권업종소분류코드"].str[:4].isin(["I201", "G204"])
    known = floor != ""
    assert (floor[upper & known] != "1").mean() > 0.6 and (floor[ground & known] == "1").mean() > 0.8
    assert df["동정보"].isin(["", "상가동"]).all()


def test_model_columns_for_other_chapters():
    model = stores.build_stores(base.SEED)
    for column in ("store_id", "emd_code", "lifezone", "site_kind", "building_no", "opened_ym", "lon", "lat",
                   "scls_code", "lcls_code"):
        assert column in model.columns, column
    assert model["opened_ym"].str.fullmatch(r"\d{4}-\d{2}").all() and model["opened_ym"].max() <= stores.STDR_YM
    first = build_city(base.SEED).complexes.groupby("emd_code")["completion_ym"].min()
    nt = model[model["emd_code"].isin(NEWTOWN)]
    assert (nt["opened_ym"] >= nt["emd_code"].map(first)).all()   # 동에 사람이 들기 전 점포는 없음
    assert np.isclose(model["lon"].mean(), pd.read_csv(FILE, encoding="utf-8-sig")["경도"].mean())
