"""어울링 자료 생성기(sejongdata/generate/bike.py) 시험.

임시 폴더 하나에 기본 자료 전체를 한 번 만들고(모듈 범위 fixture), 그 파일을 pandas 만으로 읽어
형식·보정·일관성을 확인합니다 (리더 모듈과 독립). 결정성은 캐시를 비우고 다시 만들어 바이트로 비교합니다.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sejongdata import city as facts
from sejongdata.generate import base, bike, build_city, generate, registry, select
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("01")

DATA = REPO_ROOT / "datasets"
BIKE_FILES = [bike.ASOS_FILE, bike.STATIONS_FILE, bike.SAMPLE_FILE]
BASE_FILES = ["emd_master.csv", "population_emd_monthly.csv", "population_emd_age.csv",
              "emd_boundaries_schematic.geojson", "apartment_complexes.csv", "places.csv"]
ANNUAL_2020, H1_2020, JAN_OCT_2020 = 1_220_000, 526_187, 1_029_243   # 사실 파일 §2


def _manifest(path: Path) -> dict[str, str]:
    pairs = [line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines()]
    return {name: digest for digest, name in pairs}


@pytest.fixture(scope="module")
def out(regenerated) -> Path:
    """어울링 자료를 캐시 없이 새로 만든 폴더 (conftest.regenerated: make test 한 번에 한 번)."""
    return regenerated("bike")


@pytest.fixture(scope="module")
def stations(out) -> pd.DataFrame:
    return pd.read_csv(out / bike.STATIONS_FILE, encoding="cp949", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def trips(out) -> pd.DataFrame:
    df = pd.read_csv(out / bike.SAMPLE_FILE, encoding="cp949", dtype=str)
    for col in ("시작대여일자", "종료대여일자"):
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d %H:%M:%S")
    return df


@pytest.fixture(scope="module")
def weather(out) -> pd.DataFrame:
    return pd.read_csv(out / bike.ASOS_FILE, encoding="cp949", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def full() -> bike.Trips:
    return bike.simulate_trips(base.SEED)


# ---------------------------------------------------------------------------
# 결정성, 기초 자료 보존, 선택 자료
# ---------------------------------------------------------------------------
def test_deterministic_and_equal_to_committed(out):
    for name in BIKE_FILES:
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), name
    committed = _manifest(DATA / "MANIFEST.sha256")
    assert set(BIKE_FILES + BASE_FILES) <= set(committed)
    assert _manifest(out / "MANIFEST.sha256") == {n: committed[n] for n in BIKE_FILES}, \
        "datasets/ 가 생성기와 다릅니다: python -m sejongdata.generate"
    for name, digest in committed.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name


def test_base_files_unchanged_by_bike(full, tmp_path):
    """어울링 생성기가 공유 도시를 바꾸지 않음: 한 해 대여를 모의한 뒤 (캐시된 도시로) 만든 기초 자료 = 커밋된 것."""
    bike.build_stations(base.SEED)
    generate(tmp_path, only=["foundation"])
    for name in BASE_FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_full_year_is_opt_in(monkeypatch, tmp_path):
    names = [d.name for d in select(None)]
    assert "eoulling_trips_full" not in names and "eoulling_trips_2020_sample" in names
    assert [d.name for d in registry()] == names
    assert "eoulling_trips_full" not in [d.name for d in select(["bike"])]
    (chosen,) = select(["eoulling_trips_full"])
    assert chosen.optional and chosen.filename == bike.FULL_FILE
    assert select([bike.FULL_FILE]) == [chosen]
    written = []
    monkeypatch.setattr(bike, "OPTIONAL_DATASETS", (
        ("eoulling_trips_full", bike.FULL_FILE,
         lambda city, folder: written.append((folder / bike.FULL_FILE).write_text("x\n"))),))
    paths = generate(tmp_path, only=["eoulling_trips_full"])
    assert paths == [tmp_path / bike.FULL_FILE] and written
    assert bike.FULL_FILE not in (tmp_path / "MANIFEST.sha256").read_text(encoding="utf-8")
    gitignore = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"datasets/{bike.FULL_FILE}" in gitignore


def test_full_writer_uses_the_same_table(full):
    ids = bike.build_stations(base.SEED)["station_id"].to_numpy()
    head = bike.trip_frame(full.table.head(50), ids)
    assert list(head.columns) == bike.TRIP_HEADER
    assert head["자전거번호"].str.fullmatch(r"SJB-\d{5}").all()
    assert head["시작대여일자"].str.fullmatch(r"2020-\d\d-\d\d \d\d:\d\d:\d\d").all()


# ---------------------------------------------------------------------------
# 대여소 현황
# ---------------------------------------------------------------------------
def test_station_file_shape(out, stations):
    raw = (out / bike.STATIONS_FILE).read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    header = raw.decode("cp949").split("\n", 1)[0]
    assert header == ("대여소 번호,대여소 아이디,대여소 이름,사용유무,주소(구),주소(동),상세주소,"
                      "위도,경도,권역,지오펜스 거리,등록일,수정일")
    assert '"' not in raw.decode("cp949")
    assert list(stations["대여소 번호"]) == [str(i) for i in range(1, len(stations) + 1)]
    assert list(stations["대여소 아이디"]) == [f"SJ_{i:05d}" for i in range(1, len(stations) + 1)]
    assert stations["대여소 이름"].is_unique
    assert set(stations["사용유무"]) == {"Y", "N"} and (stations["주소(구)"] == facts.CITY_NAME).all()
    assert set(stations["지오펜스 거리"]) <= {"20", "30", "50"}
    assert (stations["지오펜스 거리"] == "30").mean() > 0.6
    for col in ("등록일", "수정일"):
        assert stations[col].str.fullmatch(r"\d{4}-\d\d-\d\d").all()
    assert (stations["수정일"] >= stations["등록일"]).all()
    assert stations["등록일"].max() <= "2020-12-31" and stations["수정일"].max() <= "2020-12-31"


def test_station_counts(stations):
    use = stations["사용유무"] == "Y"
    reg = stations["등록일"]
    assert (use & (reg <= "2020-01-01")).sum() == 505
    assert (use & (reg <= "2020-12-31")).sum() == 604
    assert (use & reg.between("2020-01-01", "2020-12-31")).sum() == 99
    assert stations["등록일"].min() == "2014-10-28" and (reg == "2014-10-28").sum() == 21
    retired = stations[~use]
    assert 3 <= len(retired) <= 10
    assert retired["등록일"].between("2014-10-28", "2016-12-31").all()
    assert retired["수정일"].str.startswith("2019").all()
    months = pd.to_datetime(reg[use & (reg >= "2020-01-01")]).dt.month.value_counts()
    spring_autumn = months.reindex([3, 4, 5, 9, 10, 11], fill_value=0).sum()
    assert spring_autumn > 0.55 * 99


def test_latitude_and_longitude_are_swapped(stations):
    """실제 파일의 버릇: '위도' 칸에 경도(127…), '경도' 칸에 위도(36…), 소수 6자리."""
    lat_col, lon_col = stations["위도"].astype(float), stations["경도"].astype(float)
    assert lat_col.between(127.0, 127.5).all() and lon_col.between(36.3, 36.8).all()
    assert stations["위도"].str.fullmatch(r"127\.\d{6}").all()
    assert stations["경도"].str.fullmatch(r"36\.\d{6}").all()


def test_stations_inside_their_dong(stations):
    city = build_city()
    lon, lat = stations["위도"].astype(float), stations["경도"].astype(float)
    codes = base.locate(city.boundaries, lon, lat)
    assert (codes != "").all()
    names = city.emd.set_index("emd_code")
    dong = pd.Series(codes).map(names["emd_name"])
    assert (stations["대여소 이름"].str.split("_").str[0] == dong.to_numpy()).all()
    assert (stations["주소(동)"].str.split(" ").str[0] == dong.to_numpy()).all()
    assert (stations["권역"] == pd.Series(codes).map(names["lifezone"]).to_numpy()).all()
    per_dong = dong[(stations["사용유무"] == "Y").to_numpy()].value_counts()
    assert per_dong["어진동"] == per_dong.max() and 10 <= per_dong["조치원읍"] <= 20
    assert per_dong.drop(["조치원읍", "연기면"]).index.str.endswith("동").all()
    jochiwon = stations.loc[(dong == "조치원읍").to_numpy(), "주소(동)"]
    assert jochiwon.str.fullmatch(r"조치원읍 \S+리").all()


def test_unserved_gaps_exist_and_2020_closes_some(stations):
    """2020년 초 대여소로는 300 m 밖인 단지가 있고, 2020년 등록분이 그 일부를 메움."""
    city = build_city()
    cx = city.complexes
    newtown = cx[cx["emd_code"].isin([e.code for e in facts.EMDS if e.emd_type == "동"])]
    residents = base.complex_population(newtown, ["2020-12"])[:, 0]
    homes = bike._xy(newtown["lon"], newtown["lat"])

    def unserved(day):
        use = stations[(stations["사용유무"] == "Y") & (stations["등록일"] <= day)]
        pts = bike._xy(use["위도"].astype(float), use["경도"].astype(float))
        return (bike._distances(homes, pts).min(1) > 300) & (residents > 0)

    start, end = unserved("2020-01-01"), unserved("2020-12-31")
    assert start.sum() >= 5 and 1 <= end.sum() < start.sum()
    assert not (end & ~start).any()
    assert residents[end].sum() > 1000


# ---------------------------------------------------------------------------
# 이용 현황 (표본과 한 해 전체)
# ---------------------------------------------------------------------------
def test_trip_file_shape(out, trips):
    raw = (out / bike.SAMPLE_FILE).read_bytes()
    assert raw.decode("cp949").split("\n", 1)[0] == ",".join(bike.TRIP_HEADER)
    assert b"\r" not in raw and len(raw) < 12_000_000
    assert trips["자전거번호"].str.fullmatch(r"SJB-\d{5}").all()
    assert trips["자전거번호"].nunique() > 2_500
    order = pd.DataFrame({"t": trips["시작대여일자"], "s": trips["시작대여소"]})
    assert order.equals(order.sort_values(["t", "s"], kind="mergesort"))
    assert (trips["시작대여일자"].dt.year == 2020).all()
    dist, minutes = trips["주행거리"].astype(int), trips["주행시간"].astype(int)
    assert (dist > 0).all() and (minutes >= 1).all()
    assert 1_300 < dist.mean() < 2_000 and 15 <= minutes.mean() <= 30
    span = (trips["종료대여일자"] - trips["시작대여일자"]).dt.total_seconds()
    assert (span >= 0).all() and (abs(span / 60 - minutes) <= 0.51).all()


def test_trips_use_stations_in_service(trips, stations):
    info = stations.set_index("대여소 아이디")
    day = trips["시작대여일자"].dt.strftime("%Y-%m-%d")
    for col in ("시작대여소", "종료대여소"):
        assert trips[col].isin(info.index).all(), col
        assert (info.loc[trips[col], "사용유무"].to_numpy() == "Y").all(), col
        assert (info.loc[trips[col], "등록일"].to_numpy() <= day.to_numpy()).all(), col
    new = info.index[(info["등록일"] > "2020-01-01") & (info["사용유무"] == "Y")]
    assert trips["시작대여소"].isin(new).mean() > 0.02      # 2020년 새 대여소도 쓰임


def test_sample_is_ten_percent_of_the_full_year(full, trips):
    n_full, n_sample = len(full.table), int(full.in_sample.sum())
    assert n_sample == len(trips)
    assert abs(n_sample / n_full - 0.10) < 0.003


def test_full_year_matches_published_totals(full):
    month = bike.MONTH_OF_HOUR[full.table["start_s"].to_numpy() // 3600]
    per_month = np.bincount(month, minlength=12)
    assert abs(per_month.sum() / ANNUAL_2020 - 1) < 0.02
    assert abs(per_month[:6].sum() / H1_2020 - 1) < 0.03
    assert abs(per_month[:10].sum() / JAN_OCT_2020 - 1) < 0.03
    assert per_month[11] < per_month[9] and per_month[0] < per_month[5]   # 겨울 < 봄·가을


def test_commute_peaks(trips):
    weekday = trips["시작대여일자"].dt.day_of_week < 5
    holiday = trips["시작대여일자"].dt.strftime("%Y-%m-%d").isin(bike.HOLIDAYS_2020)
    hour = trips.loc[weekday & ~holiday, "시작대여일자"].dt.hour
    peak = hour.isin([7, 8, 18, 19, 20]).mean() / 5
    night = hour.isin([1, 2, 3, 4, 5]).mean() / 5
    assert peak > 5 * night
    everyday = trips["시작대여일자"].dt.hour
    assert 0.08 < everyday.isin([7, 8]).mean() < 0.16          # 2015년 07~09시 12 %
    assert 0.20 < everyday.isin([18, 19, 20]).mean() < 0.34    # 2015년 18~21시 27 %


def test_rain_cuts_rentals(trips, weather):
    when = pd.to_datetime(weather["일시"], format="%Y-%m-%d %H:%M")
    precip = pd.to_numeric(weather["강수량(mm)"].replace("", np.nan))
    counts = trips["시작대여일자"].dt.floor("h").value_counts()
    hourly = pd.DataFrame({"hour": when.dt.hour, "rain": precip >= 1.0,
                           "dry": weather["강수량(mm)"] == "",
                           "n": counts.reindex(when).fillna(0).to_numpy()})
    day = hourly[hourly["hour"].between(8, 20)]
    by_hour = day.groupby(["hour", "rain", "dry"])["n"].mean().unstack(["rain", "dry"])
    ratio = by_hour[(True, False)] / by_hour[(False, True)]
    assert (ratio < 0.75).all() and ratio.mean() < 0.55


# ---------------------------------------------------------------------------
# ASOS 시간 자료
# ---------------------------------------------------------------------------
def test_weather_file_shape_and_quirks(out, weather):
    raw = (out / bike.ASOS_FILE).read_bytes().decode("cp949")
    assert raw.split("\n", 1)[0] == "지점,지점명,일시,기온(°C),강수량(mm),풍속(m/s),습도(%)"
    assert len(weather) == 8_784
    assert weather["일시"].iloc[0] == "2020-01-01 00:00" and weather["일시"].iloc[-1] == "2020-12-31 23:00"
    assert (weather["지점"] == "239").all() and (weather["지점명"] == "세종").all()
    values = weather[["기온(°C)", "강수량(mm)", "풍속(m/s)"]].stack()
    assert values.str.match(r"^-\.\d$").any() and values.str.match(r"^\.\d$").any()
    assert not values.str.match(r"^-?0\.\d").any()              # 앞의 0 을 쓰지 않음
    precip = weather["강수량(mm)"]
    assert (precip == "").mean() > 0.8 and (precip == "0").any() and (precip == "0.0").sum() == 0
    empty = weather[["기온(°C)", "풍속(m/s)", "습도(%)"]].eq("")
    assert 3 <= empty.any(axis=1).sum() <= 8
    assert empty.sum(axis=1).max() >= 2


def test_weather_climate(weather):
    month = weather["일시"].str[5:7].astype(int)
    temp = pd.to_numeric(weather["기온(°C)"].replace("", np.nan))
    precip = pd.to_numeric(weather["강수량(mm)"].replace("", np.nan)).fillna(0)
    mean_t = temp.groupby(month).mean()
    assert mean_t[1] < 3 and mean_t[8] > 23 and mean_t.idxmax() in (7, 8)
    per_month = precip.groupby(month).sum()
    assert per_month[[7, 8]].sum() > 0.4 * per_month.sum()      # 긴 장마
    assert 1_000 < per_month.sum() < 2_200
    hum = pd.to_numeric(weather["습도(%)"].replace("", np.nan))
    assert hum.dropna().between(10, 100).all()
    wind = pd.to_numeric(weather["풍속(m/s)"].replace("", np.nan)).dropna()
    assert 1.0 < wind.mean() < 3.0 and wind.max() < 15


# ---------------------------------------------------------------------------
# 카드와 목록
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", BIKE_FILES)
def test_cards_mention_readers_and_readme(name):
    card = (DATA / (Path(name).stem + ".md")).read_text(encoding="utf-8")
    reader = {bike.ASOS_FILE: "read_asos_hourly", bike.STATIONS_FILE: "read_eoulling_stations",
              bike.SAMPLE_FILE: "read_eoulling_trips"}[name]
    assert f"sejongdata.readers.{reader}" in card
    assert name in (DATA / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"^#{3,} ", card, flags=re.M)          # 책에 넣을 때 H2 까지만
