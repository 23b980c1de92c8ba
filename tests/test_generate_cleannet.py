"""자동크린넷 자료 생성기(sejongdata/generate/cleannet.py) 시험.

임시 폴더에 자동크린넷 자료만 두 번 만들어(캐시를 비우고) 바이트로 비교하고, 저장소의 datasets/ 파일을 pandas 만으로
읽어 사실(집하장 번호, 투입구 수, 관로 길이, 배출 일정, 7집하장의 담당 동, 50ℓ 시범)과 파일 사이의 일관성을 확인합니다.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from sejongdata.generate import cleannet
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("07")

DATA = REPO_ROOT / "datasets"
FILES = [filename for _name, filename, _write in cleannet.DATASETS]


def _read(name: str, **kwargs) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8", dtype=str, keep_default_na=False, **kwargs)


def _manifest() -> dict[str, str]:
    pairs = [line.split("  ", 1) for line in (DATA / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()]
    return {name: digest for digest, name in pairs}


@pytest.fixture(scope="module")
def plants() -> pd.DataFrame:
    return _read(cleannet.PLANTS_FILE)


@pytest.fixture(scope="module")
def sections() -> pd.DataFrame:
    return _read(cleannet.SECTIONS_FILE)


@pytest.fixture(scope="module")
def inputs() -> pd.DataFrame:
    return _read(cleannet.INPUTS_FILE)


@pytest.fixture(scope="module")
def runs() -> pd.DataFrame:
    df = _read(cleannet.RUNS_FILE)
    for col in ("시작시각", "종료시각"):
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d %H:%M")
    return df


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    df = _read(cleannet.EVENTS_FILE)
    for col in ("발생시각", "종료시각"):
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d %H:%M")
    return df


# ---------------------------------------------------------------------------
# 결정성, 크기
# ---------------------------------------------------------------------------
def test_deterministic_and_equal_to_committed(regenerated):
    out = regenerated("cleannet")          # 캐시 없이 새로 만든 폴더 (conftest, make test 한 번에 한 번)
    committed = _manifest()
    for name in FILES:
        raw = (out / name).read_bytes()
        assert raw == (DATA / name).read_bytes(), name
        assert hashlib.sha256(raw).hexdigest() == committed[name], \
            f"datasets/{name} 가 생성기와 다릅니다 (python -m sejongdata.generate --only cleannet)"


def test_chapter_data_fits_the_10_mb_budget():
    total = sum((DATA / name).stat().st_size for name in FILES)
    assert total < 10_000_000, f"7장 자료가 {total / 1e6:.1f} MB 입니다 (예산 10 MB)."


# ---------------------------------------------------------------------------
# 사실 (facts §7)
# ---------------------------------------------------------------------------
def test_plants_match_the_facts(plants):
    assert plants["집하장번호"].astype(int).tolist() == [1, 2, 3, 5, 6, 7, 8, 12]
    served = dict(zip(plants["집하장번호"].astype(int), plants["담당행정동"]))
    assert served[7] == "소담동;반곡동"
    assert plants["관로연장(km)"].astype(float).sum() == pytest.approx(246.0, abs=1e-9)
    every = ";".join(plants["담당행정동"]).split(";")
    assert len(every) == len(set(every)) == 14, "신도시 14개 동을 한 집하장씩 맡아야 합니다."


def test_port_total_is_about_4700(plants, sections):
    ports = sections["일반투입구수"].astype(int).sum() + sections["음식물투입구수"].astype(int).sum()
    assert abs(ports - 4_700) / 4_700 < 0.01, ports
    by_plant = sections.groupby("집하장번호")[["일반투입구수", "음식물투입구수"]].apply(lambda g: g.astype(int).sum())
    table = plants.set_index("집하장번호")[["일반투입구수", "음식물투입구수"]].astype(int)
    assert (by_plant.loc[table.index] == table).all().all()


def test_sections_link_to_the_base_layers(sections):
    complexes = set(pd.read_csv(DATA / "apartment_complexes.csv", dtype=str)["complex_id"])
    buildings = set(pd.read_csv(DATA / "stores_sejong.csv", encoding="utf-8-sig", dtype=str)["건물관리번호"])
    res, com = sections[sections["구역구분"] == "주거"], sections[sections["구역구분"] == "상가"]
    assert set(res["단지번호"]) <= complexes and (res["건물관리번호"] == "").all()
    assert set(com["건물관리번호"]) <= buildings and (com["단지번호"] == "").all()
    assert sections["구역번호"].str.fullmatch(r"S\d{2}[RC]\d{3}").all() and sections["구역번호"].is_unique
    assert 150 <= (com["음식물투입구수"].astype(int)).sum() <= 260     # 사실: 동 상가 중심 투입구 약 200개


def test_fixed_schedule_two_general_one_food(runs):
    sched = runs[runs["배출구분"] == "정기"]
    per_day = sched.groupby(["집하장번호", "쓰레기종류", sched["시작시각"].dt.date]).size()
    general = per_day.xs("일반", level=1)
    food = per_day.xs("음식물", level=1)
    assert (general == 2).mean() > 0.95 and general.max() == 2
    assert (food == 1).mean() > 0.95 and food.max() == 1


def test_runs_are_sequential_within_a_plant(runs):
    assert (runs["종료시각"] > runs["시작시각"]).all()
    assert (runs["전력사용량(kWh)"].astype(float) > 0).all()
    for _plant, g in runs.sort_values("시작시각").groupby("집하장번호"):
        assert (g["시작시각"].iloc[1:].to_numpy() >= g["종료시각"].iloc[:-1].to_numpy()).all(), \
            "한 집하장에서 두 배출이 겹칩니다 (관로를 함께 쓰므로 차례로 해야 함)."


def test_energy_grows_with_volume_and_has_a_fixed_part(runs):
    r = runs[runs["집하장번호"] == "7"]
    slope, intercept = np.polyfit(r["배출량(㎥)"].astype(float), r["전력사용량(kWh)"].astype(float), 1)
    assert slope > 0 and intercept > 50


# ---------------------------------------------------------------------------
# 파일 사이의 일관성
# ---------------------------------------------------------------------------
def test_monthly_counts_add_up_to_hourly_file(inputs):
    monthly = _read(cleannet.MONTHLY_FILE)
    sections = _read(cleannet.SECTIONS_FILE)[["구역번호", "집하장번호", "구역구분"]]
    m = monthly.merge(sections, on="구역번호")
    m["투입횟수"] = m["투입횟수"].astype(int)
    left = m.groupby(["연월", "집하장번호", "구역구분", "쓰레기종류"])["투입횟수"].sum()
    h = inputs.assign(연월=inputs["일자"].str[:7], 합계=inputs["합계"].astype(int))
    right = h.groupby(["연월", "집하장번호", "구역구분", "쓰레기종류"])["합계"].sum()
    assert left.sort_index().to_dict() == right.sort_index().to_dict()


def test_hourly_totals_and_ports(inputs):
    hours = [f"{h:02d}시" for h in range(24)]
    assert (inputs[hours].astype(int).sum(axis=1) == inputs["합계"].astype(int)).all()
    assert len(inputs) == 8 * 2 * 2 * 366
    p12 = inputs[(inputs["집하장번호"] == "12") & (inputs["구역구분"] == "주거") & (inputs["쓰레기종류"] == "일반")]
    assert p12["투입구수"].astype(int).iloc[-1] > p12["투입구수"].astype(int).iloc[0], "해밀동에 2024년 입주 단지가 있음"


def test_fill_readings_of_100_are_full_events(events):
    fill = _read(cleannet.FILL_FILE)
    times = list(fill.columns[4:])
    assert len(times) == 144 and times[0] == "00:00" and times[-1] == "23:50"
    values = fill[times].replace("", np.nan).astype(float)
    present = values.to_numpy()[~np.isnan(values.to_numpy())]
    assert ((present >= 0) & (present <= 100)).all() and np.isnan(values.to_numpy()).mean() < 0.001
    full = events[events["사건종류"] == "만차"]
    for _, ev in full.sample(20, random_state=1).iterrows():
        if (ev["종료시각"] - ev["발생시각"]) < pd.Timedelta(minutes=20):
            continue
        probe = ev["발생시각"].ceil("10min") + pd.Timedelta(minutes=10)
        row = fill[(fill["일자"] == probe.strftime("%Y-%m-%d")) & (fill["집하장번호"] == ev["집하장번호"])
                   & (fill["쓰레기종류"] == ev["쓰레기종류"])]
        assert row[probe.strftime("%H:%M")].iloc[0] == "100", ev.to_dict()
    n_full = (values == 100).to_numpy().sum()
    assert n_full > 0 and len(full) > 50


def test_festival_peak_and_monday_peak(inputs):
    general = inputs[inputs["쓰레기종류"] == "일반"].assign(v=lambda d: d["추정투입량(ℓ)"].astype(int))
    day = general.groupby("일자")["v"].sum()
    september = day[day.index.str.startswith("2024-09")]
    assert day["2024-09-19"] > 1.3 * september.median()          # 추석 연휴 다음 날
    dates = pd.to_datetime(day.index)
    monday = day[dates.day_of_week == 0].mean()
    assert monday > 1.05 * day.mean()


def test_bag_ban_trial_in_dodam(sections):
    monthly = _read(cleannet.MONTHLY_FILE)
    dodam = set(sections.loc[sections["행정동코드"] == "3611052000", "구역번호"])
    g = monthly[(monthly["쓰레기종류"] == "일반") & monthly["구역번호"].isin(dodam)].copy()
    g["share"] = g["50ℓ봉투비율(%)"].astype(float)
    by_month = g.groupby(g["연월"].str[5:])["share"].mean()
    assert by_month[["06", "07"]].mean() < 0.4 * by_month[["04", "05"]].mean()
    assert (monthly.loc[monthly["쓰레기종류"] == "음식물", "50ℓ봉투비율(%)"] == "").all()


def test_event_types_and_fields(events):
    assert set(events["사건종류"]) == {"막힘", "고장", "만차"}
    assert (events["종료시각"] >= events["발생시각"]).all()
    clogs = events[events["사건종류"] == "막힘"]
    assert (clogs["구역번호"] != "").all()
    assert (events.loc[events["사건종류"] != "막힘", "구역번호"] == "").all()
    assert (events.loc[events["사건종류"] == "고장", "쓰레기종류"] == "").all()
