"""모의 데이터 생성기 시험: 결정성, 실제 사실에 맞춘 보정, 형식, 도형.

저장소에 들어 있는 datasets/ 의 파일을 직접 읽어 확인합니다 (리더 모듈과는 독립적으로,
pandas 만으로 읽습니다). 결정성 시험은 임시 폴더에 두 번 만들어 바이트 단위로 비교합니다.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from sejongdata import city as facts
from sejongdata.generate import MODULES, base, build_city, registry
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("00")

DATA = REPO_ROOT / "datasets"
KOREAN = facts.POP_2024_07_KOREAN / facts.POP_2024_07_TOTAL
NEWTOWN = [e.code for e in facts.EMDS if e.emd_type == "동"]
RURAL = [e.code for e in facts.EMDS if e.emd_type == "면"]
JOCHIWON = "3611025000"


# ---------------------------------------------------------------------------
# 읽기 도우미 (tests read the official-format files with plain pandas)
# ---------------------------------------------------------------------------
def _code_of(label: str) -> str:
    return re.search(r"\((\d{10})\)$", label).group(1)


def _read_quoted(name: str) -> pd.DataFrame:
    df = pd.read_csv(DATA / name, encoding="cp949", dtype=str)
    df.index = [_code_of(v) for v in df["행정구역"]]
    return df.drop(columns="행정구역")


@pytest.fixture(scope="module")
def monthly() -> pd.DataFrame:
    """열: (월, 항목) 다중 색인, 값은 실수. 행: 시 전체 코드와 24개 코드."""
    df = _read_quoted("population_emd_monthly.csv")
    values = df.apply(lambda s: s.str.replace(",", "").astype(float))
    values.columns = pd.MultiIndex.from_tuples(
        [(c[:4] + "-" + c[5:7], c.split("_", 1)[1]) for c in df.columns])
    return values


@pytest.fixture(scope="module")
def age() -> pd.DataFrame:
    df = _read_quoted("population_emd_age.csv")
    values = df.apply(lambda s: s.str.replace(",", "").astype(int))
    values.columns = pd.MultiIndex.from_tuples(
        [(c[:4] + "-" + c[5:7],) + tuple(c.split("_")[1:]) for c in df.columns])
    return values


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    return gpd.read_file(DATA / "emd_boundaries_schematic.geojson")


@pytest.fixture(scope="module")
def complexes() -> pd.DataFrame:
    return pd.read_csv(DATA / "apartment_complexes.csv", dtype={"emd_code": str})


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return pd.read_csv(DATA / "places.csv", dtype={"emd_code": str})


def _pop(monthly, code, month):
    return monthly.loc[code, (month, "총인구수")]


def _containing(boundaries, lon, lat) -> np.ndarray:
    """각 점을 담은 다각형의 코드 (없으면 "", 둘 이상이면 "MANY")."""
    out = np.full(len(lon), "", dtype=object)
    for code, geom in zip(boundaries["adm_cd2"], boundaries.geometry):
        inside = shapely.contains_xy(geom, np.asarray(lon), np.asarray(lat))
        out[inside & (out != "")] = "MANY"
        out[inside & (out == "")] = code
    return out


# ---------------------------------------------------------------------------
# 결정성 (determinism)
# ---------------------------------------------------------------------------
def _manifest(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines, key=lambda s: s.split("  ", 1)[1])
    pairs = [re.fullmatch(r"([0-9a-f]{64})  (\S+)", line).groups() for line in lines]
    return {name: digest for digest, name in pairs}


def test_generation_is_deterministic_and_matches_committed(regenerated):
    """모듈마다 캐시 없이 새로 만든 파일 = 커밋된 파일 (다른 프로세스·다른 날 만든 것과 바이트까지 같음).

    재생성은 conftest.regenerated 가 모듈마다 한 번만 하고, 모듈별 생성기 시험도 같은 폴더를 씁니다.
    """
    committed = _manifest(DATA / "MANIFEST.sha256")
    names = sorted(d.filename for d in registry())
    assert sorted(committed) == names and not any(n.endswith(".md") for n in committed)
    for name, digest in committed.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name
    for module in MODULES:
        folder = regenerated(module)
        for d in registry():
            if d.module == module:
                assert (folder / d.filename).read_bytes() == (DATA / d.filename).read_bytes(), (
                    f"{d.filename}: 다시 만든 파일이 커밋된 것과 다릅니다 (python -m sejongdata.generate)")


def test_subseeds_are_independent():
    a, b = base.rng("complexes").random(3), base.rng("population").random(3)
    assert not np.allclose(a, b)
    assert np.allclose(base.rng("complexes").random(3), a)
    assert not np.allclose(base.rng("complexes", seed=1).random(3), a)


# 실제 내려받기 파일처럼 UTF-8 BOM 으로 시작하는 자료 (카드에 적혀 있음)
BOM_FILES = {"stores_sejong.csv", "sns_posts_2019_2024.csv"}


def test_files_are_small_and_newline_terminated():
    total = 0
    for d in registry():
        raw = (DATA / d.filename).read_bytes()
        total += len(raw)
        assert b"\r" not in raw and raw.endswith(b"\n"), d.filename
        assert raw.startswith(b"\xef\xbb\xbf") == (d.filename in BOM_FILES), f"{d.filename}: BOM"
    assert total < 60_000_000, f"등록된 자료가 모두 {total / 1e6:.1f} MB 입니다 (예산 60 MB)."


# ---------------------------------------------------------------------------
# emd_master.csv
# ---------------------------------------------------------------------------
def test_emd_master_holds_the_real_facts():
    df = pd.read_csv(DATA / "emd_master.csv", dtype=str, keep_default_na=False)
    assert list(df.columns) == ["emd_code", "emd_name", "emd_type", "lifezone", "lat", "lon",
                                "established", "parent_code", "pop_2024_07"]
    assert list(df["emd_code"]) == [e.code for e in facts.EMDS]
    assert df["emd_code"].str.fullmatch(r"\d{10}").all()
    assert df["pop_2024_07"].astype(int).sum() == facts.POP_2024_07_TOTAL
    assert df.set_index("emd_name").loc["해밀동", "lifezone"] == "6생활권"
    children = df[df["established"] != ""]
    assert sorted(children["emd_name"]) == ["나성동", "다정동", "반곡동", "어진동", "해밀동"]
    assert set(df.loc[df["emd_type"] != "동", "lifezone"]) == {"읍면지역"}


# ---------------------------------------------------------------------------
# population_emd_monthly.csv: 형식
# ---------------------------------------------------------------------------
def test_monthly_file_format():
    raw = (DATA / "population_emd_monthly.csv").read_bytes().decode("cp949")
    lines = raw.split("\n")[:-1]
    assert len(lines) == 26
    assert lines[0].startswith('"행정구역","2019년01월_총인구수","2019년01월_세대수",'
                               '"2019년01월_세대당 인구","2019년01월_남자 인구수",'
                               '"2019년01월_여자 인구수","2019년01월_남여 비율","2019년02월_')
    assert lines[0].endswith('"2024년12월_남여 비율"')
    assert lines[1].startswith('"세종특별자치시  (3611000000)","316,204","')
    assert lines[2].startswith('"세종특별자치시 조치원읍(3611025000)","')
    for line in lines:
        assert line.startswith('"') and line.endswith('"') and line.count('","') == 432
    assert '"0","0","0","0","0","0"' in lines[14]           # 나성동, 2019년


def test_monthly_internal_consistency(monthly):
    units = monthly.drop(index=facts.CITY_CODE)
    for item in ("총인구수", "세대수", "남자 인구수", "여자 인구수"):
        assert (units.xs(item, axis=1, level=1).sum()
                == monthly.loc[facts.CITY_CODE].xs(item, level=1)).all(), item
    pop, hh = monthly.xs("총인구수", axis=1, level=1), monthly.xs("세대수", axis=1, level=1)
    male, female = (monthly.xs(k, axis=1, level=1) for k in ("남자 인구수", "여자 인구수"))
    assert (male + female == pop).all().all()
    ratio = monthly.xs("세대당 인구", axis=1, level=1)
    expected = (pop / hh.where(hh > 0)).round(2).fillna(0)
    assert np.allclose(ratio, expected, atol=0.0101)    # 반올림 경계(2.765)는 어느 쪽이든 허용


# ---------------------------------------------------------------------------
# 보정 (calibration against the real facts)
# ---------------------------------------------------------------------------
def test_units_match_2024_07_within_1_percent(monthly):
    for e in facts.EMDS:
        want = e.pop_2024_07 * KOREAN
        assert abs(_pop(monthly, e.code, "2024-07") / want - 1) < 0.01, e.name


@pytest.mark.parametrize("month", sorted(facts.CITY_ANCHORS_PUBLISHED))
def test_city_total_at_published_anchors(monthly, month):
    want = facts.CITY_ANCHORS_PUBLISHED[month]
    assert abs(_pop(monthly, facts.CITY_CODE, month) / want - 1) < 0.005


def test_city_increments_match_published_increases(monthly):
    city = monthly.loc[facts.CITY_CODE].xs("총인구수", level=1)
    assert abs((city["2020-12"] - city["2019-12"]) / facts.INCREASE_2020 - 1) < 0.02
    assert abs((city["2021-10"] - city["2020-12"]) / facts.INCREASE_2021_JAN_OCT - 1) < 0.02
    anchors = base.city_anchors().set_index("month")["target"]
    for month, want in anchors.items():                      # 계산한 기준값 포함
        assert abs(city[month] / want - 1) < 0.005, month
    growth = city.diff().dropna()
    assert growth["2019-02":"2019-12"].mean() > 1.5 * growth["2020-02":"2020-12"].mean()


def test_households_and_sex_ratio(monthly):
    city = monthly.loc[facts.CITY_CODE]
    assert abs(city[("2024-07", "세대수")] / facts.HOUSEHOLDS_2024_07 - 1) < 0.01
    male_share = city[("2024-07", "남자 인구수")] / city[("2024-07", "총인구수")]
    assert 0.495 < male_share < 0.501
    size = monthly.xs(("2024-07", "세대당 인구"), axis=1)
    assert size[NEWTOWN].between(2.35, 2.85).all()
    assert size[[JOCHIWON] + RURAL].between(1.7, 2.05).all()
    males = monthly.xs(("2024-07", "남자 인구수"), axis=1)
    pops = monthly.xs(("2024-07", "총인구수"), axis=1)
    assert (males / pops)[RURAL].mean() > (males / pops)[NEWTOWN].mean()


def test_rural_units_decline_gently(monthly):
    for code in [JOCHIWON] + RURAL:
        change = _pop(monthly, code, "2024-07") / _pop(monthly, code, "2019-01") - 1
        assert -0.15 < change < 0.01, code


# ---------------------------------------------------------------------------
# 분동 (splits)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("split", facts.SPLITS, ids=lambda s: s.child)
def test_split_child_appears_in_its_first_month(monthly, split):
    pop = monthly.xs("총인구수", axis=1, level=1)
    months = list(pop.columns)
    first = months.index(split.first_month)
    child = pop.loc[split.child]
    assert (monthly.loc[split.child, months[:first]] == 0).all()
    assert (child.iloc[first:] > 0).all()
    assert child.iloc[first] > 500


@pytest.mark.parametrize("parent", sorted({s.parent for s in facts.SPLITS}))
def test_parent_plus_children_is_continuous(monthly, parent):
    """분동 달에 부모+자식 합계가 뛰지 않음 (부모 혼자서는 10 % 넘게 줄어듦).

    '뜀(jump)'은 분동 달의 증가분이 앞뒤 달 증가분의 평균에서 벗어난 정도입니다 (합계의 3 %
    미만). 새 단지 입주로 한 달에 3~4 %씩 느는 것은 분동과 상관없는 실제 성장이라 빼고 봅니다.
    부모의 분동 전 값에 자식 구역이 빠져 있으면 이 차이가 자식 인구만큼 커져 실패합니다.
    """
    family = [parent] + [s.child for s in facts.SPLITS if s.parent == parent]
    total = monthly.xs("총인구수", axis=1, level=1).loc[family].sum()
    months = list(total.index)
    step = total.diff()
    for s in (s for s in facts.SPLITS if s.parent == parent):
        i = months.index(s.first_month)
        trend = (step.iloc[i - 1] + step.iloc[i + 1]) / 2
        assert abs(step.iloc[i] - trend) / total.iloc[i - 1] < 0.03, s.first_month
        assert abs(step.iloc[i]) / total.iloc[i - 1] < 0.06, s.first_month
        before, after = (_pop(monthly, parent, months[j]) for j in (i - 1, i))
        assert after < before * 0.9, s.first_month


def test_population_follows_apartment_completions(complexes, monthly):
    """2019년 뒤 입주 단지가 없는 신도시 동은 줄고, 있는 동(분동 전 포함)은 늘어남."""
    area = build_city().population.pivot(index="emd_code", columns="month", values="population")
    late = set(complexes.loc[complexes["completion_ym"] >= "2019-01", "emd_code"])
    for code in NEWTOWN:
        change = area.loc[code, "2024-07"] - area.loc[code, "2019-01"]
        assert (change > 0) == (code in late), code


# ---------------------------------------------------------------------------
# population_emd_age.csv
# ---------------------------------------------------------------------------
def test_age_file_format():
    raw = (DATA / "population_emd_age.csv").read_bytes().decode("cp949")
    header = raw.split("\n", 1)[0]
    assert header.startswith('"행정구역","2019년12월_계_총인구수","2019년12월_계_연령구간인구수",'
                             '"2019년12월_계_0~9세","2019년12월_계_10~19세"')
    assert '"2019년12월_계_90~99세","2019년12월_계_100세 이상","2019년12월_남_총인구수"' in header
    assert header.endswith('"2024년12월_여_100세 이상"')
    assert header.count('","') == 6 * 3 * 13


def test_age_totals_match_monthly(age, monthly):
    for month in base.DECEMBERS:
        for sex, item in (("계", "총인구수"), ("남", "남자 인구수"), ("여", "여자 인구수")):
            total = age[(month, sex, "총인구수")]
            assert (total == monthly[(month, item)].astype(int)).all(), (month, sex)
            assert (age[(month, sex, "연령구간인구수")] == total).all()
            bands = age.loc[:, [(month, sex, b) for b in base.AGE_BANDS]]
            assert (bands.sum(axis=1) == total).all()
        for b in base.AGE_BANDS:
            assert (age[(month, "계", b)] == age[(month, "남", b)] + age[(month, "여", b)]).all()


def test_age_structure_by_area_type(age):
    m = "2024-12"
    total = age[(m, "계", "총인구수")]

    def share(bands):
        return sum(age[(m, "계", b)] for b in bands) / total

    old = share(["60~69세", "70~79세", "80~89세", "90~99세", "100세 이상"])
    kids = share(["0~9세"])
    young_adults = share(["20~29세"])
    assert old[RURAL].min() > old[NEWTOWN].max()
    assert kids[NEWTOWN].min() > kids[RURAL].max()
    assert young_adults.drop(facts.CITY_CODE).idxmax() == JOCHIWON
    assert (age[("2019-12", "계", "총인구수")][["3611051800", "3611052300"]] == 0).all()


# ---------------------------------------------------------------------------
# 도식 경계 (schematic boundaries)
# ---------------------------------------------------------------------------
def test_boundaries_properties(boundaries):
    raw = json.loads((DATA / "emd_boundaries_schematic.geojson").read_text(encoding="utf-8"))
    props = [f["properties"] for f in raw["features"]]
    assert list(props[0]) == ["adm_nm", "adm_cd2", "sgg", "sido", "sidonm", "sggnm", "schematic"]
    assert [p["adm_cd2"] for p in props] == [e.code for e in facts.EMDS]
    assert props[10]["adm_nm"] == "세종특별자치시 세종시 한솔동"
    assert all(p["schematic"] is True and p["sgg"] == "36110" for p in props)
    assert len(boundaries) == 24


def test_boundaries_tile_the_outline(boundaries):
    assert boundaries.is_valid.all()
    assert set(boundaries.geom_type) == {"Polygon"}
    projected = boundaries.to_crs(base.PROJECTED_CRS)
    outline = projected.union_all()
    assert outline.geom_type == "Polygon" and len(outline.interiors) == 0
    assert abs(outline.area / 1e6 / facts.CITY_AREA_KM2 - 1) < 0.02
    assert abs(projected.area.sum() / outline.area - 1) < 1e-4     # 겹침 없음
    codes = _containing(boundaries, [e.lon for e in facts.EMDS], [e.lat for e in facts.EMDS])
    assert list(codes) == [e.code for e in facts.EMDS]              # 중심점은 자기 셀 안


# ---------------------------------------------------------------------------
# 아파트 단지, 장소
# ---------------------------------------------------------------------------
def test_complexes_inside_their_own_polygon(complexes, boundaries):
    assert 250 <= len(complexes) <= 400
    assert complexes["complex_id"].is_unique and complexes["complex_name"].is_unique
    where = _containing(boundaries, complexes["lon"], complexes["lat"])
    assert (where == complexes["emd_code"].to_numpy()).all()
    shares = complexes[["share_small", "share_mid", "share_large"]]
    assert ((shares >= 0).all().all() and np.allclose(shares.sum(axis=1), 1, atol=0.011))
    assert complexes.groupby("emd_code").size().reindex(RURAL, fill_value=0).max() <= 3
    assert complexes["completion_ym"].str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])").all()


def test_completion_calendar(complexes):
    nt = complexes[complexes["emd_code"].isin(NEWTOWN)]
    per_year = nt.groupby(nt["completion_ym"].str[:4])["households"].sum()
    assert per_year["2014":"2019"].between(8_000, 13_000).all()
    assert abs(per_year["2020"] / facts.COMPLETIONS_2020 - 1) < 0.15
    assert (per_year["2021":"2024"] < per_year["2020"]).all()
    jochiwon = complexes[complexes["emd_code"] == JOCHIWON]
    assert jochiwon["completion_ym"].max() < "2019" and len(jochiwon) >= 5


def test_places(places, boundaries):
    allowed = {"brt_stop", "government", "city_hall", "park", "rail_station", "university",
               "commercial_center"}
    assert set(places["category"]) == allowed and places["name"].is_unique
    where = _containing(boundaries, places["lon"], places["lat"])
    assert (where == places["emd_code"].to_numpy()).all()
    fixed = places.set_index("name")["emd_code"]
    assert fixed["정부세종청사"] == "3611052300" and fixed["세종특별자치시청"] == "3611056000"
    assert fixed["조치원역"] == JOCHIWON and fixed["세종호수공원"] == "3611052300"
    centres = places[places["category"] == "commercial_center"]
    assert sorted(centres["emd_code"]) == sorted(NEWTOWN)
    assert 20 <= (places["category"] == "brt_stop").sum() <= 30
    lifezone = dict(zip((e.code for e in facts.EMDS), (e.lifezone for e in facts.EMDS)))
    assert (places["lifezone"] == places["emd_code"].map(lifezone)).all()


# ---------------------------------------------------------------------------
# 데이터 카드
# ---------------------------------------------------------------------------
CARD_SECTIONS = ["무엇인가", "흉내 낸 실제 자료", "스키마", "생성 방법과 보정", "실제 파일 읽기",
                 "한계", "라이선스"]


@pytest.mark.parametrize("filename", [d.filename for d in registry()])
def test_every_dataset_has_a_card(filename):
    card = DATA / (Path(filename).stem + ".md")
    text = card.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith("# ")) == 1 and lines[0].startswith("# ")
    heads = [line[3:].strip() for line in lines if line.startswith("## ")]
    for section in CARD_SECTIONS:
        assert any(h.startswith(section) for h in heads), section
    assert not re.search(r"<(?!https?://)[a-zA-Z/][^>]*>", text), "raw HTML"
    body = "\n".join(lines[1:]).lstrip()
    if filename != "emd_master.csv":
        assert body.startswith("이 자료는 모의 데이터(simulated data)입니다")
    assert "sejongdata.readers" in text
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert filename in readme
