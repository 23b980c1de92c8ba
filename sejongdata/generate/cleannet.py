"""자동크린넷 (pneumatic waste collection) — 7장의 모의 자료.

세종 신도시의 쓰레기는 집 앞 **투입구**(input port)에 넣으면 땅속 관로를 거쳐 **집하장**(collection plant)으로
빨려 갑니다. 투입구 아래 저장 배관에 쌓인 쓰레기를 집하장이 송풍기로 한꺼번에 빨아들이는 일을 **배출**
(discharge, 수거 운전)이라고 부릅니다. 이 모듈은 2024년 한 해의 모의 운영 기록을 만듭니다.

- cleannet_plants.csv            집하장 8곳 (1~3, 5~8, 12집하장; 담당 동, 관로 연장, 투입구 수, 저장 용량)
- cleannet_sections.csv          투입구 구역: 단지 하나 또는 상가 건물 하나를 맡는 투입구 묶음
- cleannet_inputs_hourly.csv     집하장 × 구역구분(주거·상가) × 쓰레기 종류의 시간별 투입 횟수와 하루 추정 투입량
- cleannet_sections_monthly.csv  구역별 월 투입 횟수·추정 투입량·50ℓ 봉투 비율
- cleannet_fill_10min.csv        집하장 × 쓰레기 종류의 저장률(%) 10분 간격 (한 줄이 하루, 144칸)
- cleannet_discharges.csv        배출 기록 (시작·끝 시각, 배출량, 전력 사용량; 정기·추가)
- cleannet_events.csv            막힘·고장·만차 기록

실제 사실(사실 파일 §7): 가동 중인 집하장 8곳(번호 1~3, 5~8, 12), 투입구 약 4,700개, 관로 246 km, 일반 쓰레기
하루 2회·음식물 하루 1회 수거, 7집하장(소담동)이 소담·반곡을 맡음, 2024년 6~7월 도담동 50ℓ 봉투 금지 시범.
나머지(어느 집하장이 어느 동을 맡는지, 투입량 비율, 봉투 부피, 저장 용량, 송풍기 출력, 고장·막힘 빈도)는
교재용 가정이며 데이터 카드(datasets/cleannet_*.md)에 적었습니다. 기반 도시(:func:`base.build_city`)의
아파트 단지와 상가 기반층(:func:`stores.build_stores`)의 건물을 다시 씁니다.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import calendar
from ..forecast import festival_block
from .base import City, build_city, complex_population, month_label, rng, sample_points
from .stores import build_stores

YEAR = 2024
DAYS = pd.date_range(f"{YEAR}-01-01", f"{YEAR}-12-31", freq="D")
N_DAYS = len(DAYS)                      # 366 (윤년)
N_HOURS = N_DAYS * 24
STEP_MIN = 10                           # 저장률 기록 간격 (분)
STEPS_PER_DAY = 24 * 60 // STEP_MIN     # 144
ENCODING = "utf-8"

PLANTS_FILE = "cleannet_plants.csv"
SECTIONS_FILE = "cleannet_sections.csv"
INPUTS_FILE = "cleannet_inputs_hourly.csv"
MONTHLY_FILE = "cleannet_sections_monthly.csv"
FILL_FILE = "cleannet_fill_10min.csv"
RUNS_FILE = "cleannet_discharges.csv"
EVENTS_FILE = "cleannet_events.csv"

WASTES = ("일반", "음식물")             # 쓰레기 종류
KINDS = ("주거", "상가")                # 구역 구분
DOADAM = "3611052000"                   # 도담동: 50ℓ 봉투 금지 시범 (2024년 6~7월, 사실 파일 §7)
TRIAL_MONTHS = (6, 7)


# ---------------------------------------------------------------------------
# 사실과 가정 (facts and assumptions)
# ---------------------------------------------------------------------------
TOTAL_PORTS_TARGET = 4_700              # 사실: 투입구 약 4,700개 (2025-04 진단 범위)
TOTAL_PIPE_KM = 246.0                   # 사실: 관로 246 km
FIXED_SCHEDULE = {"일반": (9 * 60, 21 * 60), "음식물": (10 * 60 + 30,)}  # 사실: 하루 2회·1회 (시각은 가정)


@dataclass(frozen=True)
class PlantSpec:
    """집하장 하나. 번호와 7집하장의 담당 동만 사실이고 나머지는 가정입니다."""

    no: int
    site: str                   # 집하장이 있는 행정동 코드
    served: tuple[str, ...]     # 맡는 행정동 (가정; 7집하장은 사실)
    opened: str                 # 가동 연월 (가정: 첫 단지 입주 무렵)
    ratio_general: float        # 일반 저장 용량 ÷ 4분기 하루 평균 일반 투입량 (가정)
    ratio_food: float           # 음식물 저장 용량 ÷ 4분기 하루 평균 음식물 투입량 (가정)


PLANTS: tuple[PlantSpec, ...] = (
    PlantSpec(1, "3611051000", ("3611051000",), "2011-12", 1.35, 1.55),
    PlantSpec(2, "3611052000", ("3611052000", "3611052300"), "2012-12", 0.92, 1.32),
    PlantSpec(3, "3611053000", ("3611053000", "3611054000"), "2013-12", 1.38, 1.45),
    PlantSpec(5, "3611055000", ("3611055000",), "2014-06", 1.36, 1.40),
    PlantSpec(6, "3611056000", ("3611056000", "3611057000"), "2014-01", 1.32, 1.60),
    PlantSpec(7, "3611055500", ("3611055500", "3611055600"), "2017-01", 0.72, 1.10),
    PlantSpec(8, "3611058000", ("3611058000", "3611051500", "3611051800"), "2016-02", 0.94, 1.36),
    PlantSpec(12, "3611052500", ("3611052500",), "2020-01", 1.45, 1.70),
)

# 투입량 (가정). 주거: 거주자 1명이 하루에 넣는 봉투 수. 상가: 점포 한 곳이 하루에 넣는 봉투 수.
RES_RATE = {"일반": 0.23, "음식물": 0.30}
COM_RATE_FOOD_STORE = {"일반": 1.40, "음식물": 2.60}   # 음식점
COM_RATE_OTHER_STORE = {"일반": 0.50, "음식물": 0.00}  # 음식점이 아닌 점포
MIN_FOOD_STORES = 5            # 상가 구역: 음식점이 5곳 이상인 상가 건물 (가정)
# 봉투 부피 (가정). 일반: 50ℓ 봉투와 그보다 작은 봉투(5·10·20ℓ 섞임)의 평균, 채움 비율.
BAG_50, SMALL_BAG = 50.0, {"주거": 12.0, "상가": 16.0}
FILL_50, FILL_SMALL = 0.90, 0.85
FOOD_BAG = {"주거": 1.1, "상가": 5.5}
TRIAL_KEEP_50 = 0.15           # 시범 기간에도 50ℓ 봉투를 쓰는 비율 (가정)

# 시간대별 투입 비중 (가정; 0~23시). 주거 음식물은 저녁, 상가 음식물은 점심 뒤와 밤 늦게 몰림.
PROFILES = {
    ("주거", "일반", "weekday"): [1.2, .6, .3, .2, .3, 1.2, 3.5, 6.5, 7.0, 5.0, 4.0, 3.8,
                                  3.8, 3.6, 3.5, 3.6, 4.0, 4.8, 6.0, 8.0, 8.6, 7.6, 5.6, 3.2],
    ("주거", "일반", "weekend"): [1.6, .9, .5, .3, .3, .6, 1.5, 3.0, 4.6, 5.8, 6.0, 5.5,
                                  5.0, 4.6, 4.5, 4.5, 4.6, 5.0, 5.8, 7.0, 7.6, 7.0, 5.4, 3.4],
    ("주거", "음식물", "weekday"): [1.0, .4, .2, .1, .2, .8, 2.5, 4.5, 4.2, 2.8, 2.4, 2.6,
                                    3.0, 2.8, 2.6, 2.8, 3.4, 4.8, 7.5, 10.5, 11.0, 9.0, 5.8, 2.8],
    ("주거", "음식물", "weekend"): [1.2, .5, .2, .1, .1, .4, 1.2, 2.8, 4.0, 4.5, 4.0, 4.2,
                                    5.2, 4.6, 3.6, 3.2, 3.8, 5.2, 7.8, 10.0, 10.2, 8.4, 5.6, 2.9],
    ("상가", "일반", "weekday"): [3.0, 1.5, .6, .3, .2, .2, .3, .6, 1.5, 3.5, 5.0, 5.5,
                                  5.0, 5.5, 7.0, 6.5, 5.0, 4.5, 5.0, 5.5, 6.0, 7.0, 8.0, 6.8],
    ("상가", "음식물", "weekday"): [4.0, 2.0, .6, .2, .1, .1, .2, .3, .8, 1.5, 2.5, 3.5,
                                    4.0, 6.5, 8.5, 7.0, 4.0, 3.0, 3.5, 4.5, 6.0, 8.5, 10.5, 8.0],
}
PROFILES[("상가", "일반", "weekend")] = PROFILES[("상가", "일반", "weekday")]
PROFILES[("상가", "음식물", "weekend")] = PROFILES[("상가", "음식물", "weekday")]
# 요일별 배율 (가정; 월~일). 월요일 일반 쓰레기는 주말에 모인 것까지 나옵니다.
DOW = {
    ("주거", "일반"): [1.15, 1.02, .97, .95, .94, .95, 1.02],
    ("주거", "음식물"): [1.00, .98, .97, .97, 1.00, 1.05, 1.08],
    ("상가", "일반"): [1.00, 1.00, 1.00, 1.00, 1.02, .85, .70],
    ("상가", "음식물"): [1.00, 1.00, 1.00, 1.02, 1.10, .90, .70],
}
# 설·추석 (가정): 연휴 동안 주거는 줄고(귀성), 연휴 다음 날 선물 포장·남은 음식이 몰림. 상가는 대부분 쉼.
FESTIVAL = {("주거", "일반"): (0.75, 1.60, 1.25), ("주거", "음식물"): (0.90, 1.30, 1.10),
            ("상가", "일반"): (0.40, 1.00, 1.00), ("상가", "음식물"): (0.30, 1.05, 1.00)}
NOISE_PLANT_SD, NOISE_RHO, NOISE_CITY_SD, NOISE_COM_SD = 0.045, 0.45, 0.025, 0.06
SECTION_SD = 0.10              # 구역마다 고유한 차이 (로그 표준편차)

# 포트·관로·배출 (가정)
RES_HH_PER_PAIR_START = 44.0   # 투입구 한 쌍(일반+음식물)이 맡는 세대수의 출발값 (총 4,700개에 맞춰 조정)
STORAGE_RESIDUAL = 0.03        # 배출을 마친 뒤 남는 저장률 (평균)
EVAC_RATE = {"일반": 2.4, "음식물": 0.8}   # 배출 중 빨아들이는 양 (㎥/분)
OPERATOR_DELAY_STEPS = (2, 5)  # 만차를 본 운영자가 추가 배출을 시작하기까지 (10분 단위, 이상~이하)
SENSOR_SD = 0.6                # 저장률 센서 잡음 (%p)
MISSING_READING = 0.0004       # 통신 끊김으로 빈 저장률 칸의 비율
FAULT_BASE, FAULT_PER_YEAR_AGE = 9.0, 1.0   # 고장 건수/년 = 9 + 1 × 가동 연수
FAULT_KINDS = ("송풍기 이상", "배출밸브 이상", "컨테이너 교체 지연", "제어반 통신 장애")
# 막힘 (가정): 투입구 수와 설비 나이에 비례하는 바탕 + 50ℓ 봉투 투입에 비례하는 몫, 여름에 조금 많음
CLOG_BASE_GENERAL = 0.0004     # 일반 투입구 하나, 하루
CLOG_AGE = 0.15                # 설비 나이 1년마다 +15 %
CLOG_PER_50L = 0.0005          # 50ℓ 봉투 한 번 투입마다
CLOG_FOOD = {"주거": 0.00015, "상가": 0.0015}   # 음식물 투입구 하나, 하루
CLOG_SUMMER = 0.20


# ---------------------------------------------------------------------------
# 달력 (calendar)
# ---------------------------------------------------------------------------
def day_table() -> pd.DataFrame:
    """2024년 하루마다: 요일, 공휴일, 설·추석 연휴, 연휴 다음 날(1·2일째), 주말형 여부."""
    hol = calendar.holidays(YEAR).set_index("date")["name"]
    festival = set(festival_block([YEAR]))
    days = pd.DataFrame({"date": DAYS, "dow": DAYS.day_of_week})
    days["holiday"] = days["date"].isin(hol.index)
    days["festival"] = days["date"].isin(festival)
    after = np.zeros(N_DAYS, dtype=int)
    fest = days["festival"].to_numpy()
    for i in range(1, N_DAYS):
        if fest[i - 1] and not fest[i]:
            after[i] = 1
            if i + 1 < N_DAYS and not fest[i + 1]:
                after[i + 1] = 2
    days["after_festival"] = after
    days["weekend_like"] = (days["dow"] >= 5) | days["holiday"]
    days["doy"] = np.arange(1, N_DAYS + 1)
    return days


def _season(days: pd.DataFrame, kind: str, waste: str) -> np.ndarray:
    """계절 배율 (가정): 음식물은 한여름(과일)과 11월 말 김장철, 일반은 연말에 조금 많음, 여름휴가에 주거가 줄어듦."""
    doy = days["doy"].to_numpy(float)
    if waste == "음식물":
        out = 1 + 0.15 * np.exp(-((doy - 210) / 30) ** 2) + 0.10 * np.exp(-((doy - 330) / 10) ** 2)
    else:
        out = 1 + 0.03 * np.cos(2 * np.pi * (doy - 10) / N_DAYS) + 0.06 * np.exp(-((doy - 360) / 6) ** 2)
    if kind == "주거":
        out = out * np.where((doy >= 209) & (doy <= 228), 0.93, 1.0)   # 7/27~8/15 휴가철
    return out


def day_factor(days: pd.DataFrame, kind: str, waste: str) -> np.ndarray:
    """요일·공휴일·설·추석·계절을 곱한 하루 배율 (잡음 제외)."""
    dow = np.array(DOW[(kind, waste)])[days["dow"].to_numpy()]
    sunday = DOW[(kind, waste)][6]
    factor = np.where(days["holiday"] & ~days["festival"], sunday, dow)
    during, first, second = FESTIVAL[(kind, waste)]
    factor = np.where(days["festival"], during, factor)
    factor = factor * np.select([days["after_festival"] == 1, days["after_festival"] == 2], [first, second], 1.0)
    return factor * _season(days, kind, waste)


def hourly_shares(days: pd.DataFrame, kind: str, waste: str) -> np.ndarray:
    """(하루, 24) 시간대 비중. 주말·공휴일은 주말형."""
    out = np.zeros((N_DAYS, 24))
    for daytype, mask in (("weekday", ~days["weekend_like"]), ("weekend", days["weekend_like"])):
        prof = np.array(PROFILES[(kind, waste, daytype)], float)
        out[mask.to_numpy()] = prof / prof.sum()
    return out


# ---------------------------------------------------------------------------
# 집하장과 투입구 구역 (plants and port sections)
# ---------------------------------------------------------------------------
def plant_of_emd() -> dict[str, int]:
    return {code: p.no for p in PLANTS for code in p.served}


def _residential_sections(city: City) -> pd.DataFrame:
    plant = plant_of_emd()
    cx = city.complexes[city.complexes["emd_code"].isin(plant)].copy()
    return pd.DataFrame({
        "plant_no": cx["emd_code"].map(plant).to_numpy(), "kind": "주거", "emd_code": cx["emd_code"].to_numpy(),
        "complex_id": cx["complex_id"].to_numpy(), "building_id": "", "name": cx["complex_name"].to_numpy(),
        "households": cx["households"].to_numpy(), "n_stores": 0, "n_food": 0,
        "installed": cx["completion_ym"].to_numpy(), "lat": cx["lat"].to_numpy(), "lon": cx["lon"].to_numpy(),
        "share_large": cx["share_large"].to_numpy()})


def _commercial_sections(city: City, stores: pd.DataFrame) -> pd.DataFrame:
    plant = plant_of_emd()
    s = stores[stores["emd_code"].isin(plant) & stores["site_kind"].isin(["centre", "brt", "gov"])]
    s = s.assign(food=(s["lcls_code"] == "I2").astype(int))
    b = s.groupby("building_id", sort=True).agg(
        emd_code=("emd_code", "first"), name=("building_name", "first"), n_stores=("store_id", "size"),
        n_food=("food", "sum"), lat=("lat", "first"), lon=("lon", "first")).reset_index()
    b = b[b["n_food"] >= MIN_FOOD_STORES].reset_index(drop=True)
    first = city.complexes.groupby("emd_code")["completion_ym"].min()
    # 가정: 상가 투입구는 그 동의 첫 단지 입주 1년 뒤 설치
    installed = [month_label(int(m[:4]) * 12 + int(m[5:]) - 1 + 12) for m in b["emd_code"].map(first)]
    return pd.DataFrame({
        "plant_no": b["emd_code"].map(plant).to_numpy(), "kind": "상가", "emd_code": b["emd_code"].to_numpy(),
        "complex_id": "", "building_id": b["building_id"].to_numpy(),
        "name": b["name"].fillna("상가 건물").replace("", "상가 건물").to_numpy(), "households": 0,
        "n_stores": b["n_stores"].to_numpy(), "n_food": b["n_food"].to_numpy(), "installed": installed,
        "lat": b["lat"].to_numpy(), "lon": b["lon"].to_numpy(), "share_large": 0.0})


def _port_pairs(households: np.ndarray, per_pair: float) -> np.ndarray:
    return np.maximum(1, np.round(households / per_pair)).astype(int)


def _calibrate_ports(res: pd.DataFrame, com: pd.DataFrame) -> float:
    """주거 투입구 한 쌍이 맡는 세대수를 이분법으로 정해 투입구 합이 4,700개에 가장 가깝게 합니다."""
    com_ports = int((com["ports_general"] + com["ports_food"]).sum())
    lo, hi = 20.0, 80.0
    for _ in range(60):
        mid = (lo + hi) / 2
        total = 2 * int(_port_pairs(res["households"].to_numpy(), mid).sum()) + com_ports
        lo, hi = (mid, hi) if total > TOTAL_PORTS_TARGET else (lo, mid)
    return round((lo + hi) / 2, 2)


def build_sections(city: City, stores: pd.DataFrame, gen: np.random.Generator) -> pd.DataFrame:
    """투입구 구역 표 (단지 하나, 또는 음식점이 5곳 이상인 상가 건물 하나가 한 구역)."""
    res, com = _residential_sections(city), _commercial_sections(city, stores)
    com["ports_food"] = 1 + (com["n_food"] >= 10).astype(int)
    com["ports_general"] = 1
    per_pair = _calibrate_ports(res, com)
    res["ports_general"] = res["ports_food"] = _port_pairs(res["households"].to_numpy(), per_pair)
    sec = pd.concat([res, com], ignore_index=True)
    sec = sec.sort_values(["plant_no", "kind", "complex_id", "building_id"],
                          key=lambda s: s.map({"주거": 0, "상가": 1}) if s.name == "kind" else s,
                          kind="mergesort").reset_index(drop=True)
    number = sec.groupby(["plant_no", "kind"]).cumcount() + 1
    letter = sec["kind"].map({"주거": "R", "상가": "C"})
    sec.insert(0, "section_id", [f"S{p:02d}{k}{n:03d}" for p, k, n in zip(sec["plant_no"], letter, number)])
    age = YEAR - sec["installed"].str[:4].astype(int) + 0.5
    sec["port_age"] = age.clip(lower=0.0)
    # 가정: 오래된 단지·큰 평형일수록 50ℓ 봉투를 많이 씀 (막힘과 봉투 크기 사이의 교란 변수: 설비 나이)
    base = np.where(sec["kind"] == "주거", 0.08 + 0.012 * sec["port_age"] + 0.10 * sec["share_large"], 0.30)
    sec["p50"] = np.clip(base + gen.normal(0, 0.03, len(sec)), 0.03, 0.45).round(3)
    sec["effect"] = np.exp(gen.normal(0, SECTION_SD, len(sec)))
    sec.attrs["hh_per_pair"] = per_pair
    return sec


def _pipe_km(sec: pd.DataFrame, gen: np.random.Generator) -> dict[int, float]:
    """관로 연장: 투입구 수^0.9 에 비례(잡음 포함)하게 246 km 를 나눔, 소수 1자리, 합이 정확히 246.0."""
    ports = (sec["ports_general"] + sec["ports_food"]).groupby(sec["plant_no"]).sum()
    weight = ports.to_numpy(float) ** 0.9 * np.exp(gen.normal(0, 0.08, len(ports)))
    tenths = np.floor(weight / weight.sum() * TOTAL_PIPE_KM * 10).astype(int)
    extra = np.argsort(-(weight / weight.sum() * TOTAL_PIPE_KM * 10 - tenths), kind="stable")
    tenths[extra[: int(round(TOTAL_PIPE_KM * 10)) - tenths.sum()]] += 1
    return dict(zip(ports.index.astype(int), tenths / 10))


# ---------------------------------------------------------------------------
# 투입 (inputs): 구역 × 시간 건수, 부피
# ---------------------------------------------------------------------------
def _daily_residents(city: City, sec: pd.DataFrame) -> np.ndarray:
    """(구역, 하루) 거주 인구. 월말 인구를 날짜로 선형 보간. 상가 구역은 0."""
    months = [f"{YEAR - 1}-12"] + [f"{YEAR}-{m:02d}" for m in range(1, 13)]
    cx = city.complexes.set_index("complex_id")
    out = np.zeros((len(sec), N_DAYS))
    res = (sec["kind"] == "주거").to_numpy()
    pop = complex_population(cx.loc[sec.loc[res, "complex_id"]].reset_index(), months)   # (n, 13)
    month = DAYS.month.to_numpy() - 1
    frac = (DAYS.day.to_numpy() / DAYS.days_in_month.to_numpy())
    out[res] = pop[:, month] + (pop[:, month + 1] - pop[:, month]) * frac
    return out


def _active_stores(stores: pd.DataFrame, sec: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(구역, 하루) 문을 연 음식점 수와 다른 점포 수 (2024년에 연 점포는 연 달부터)."""
    com = sec[sec["kind"] == "상가"]
    row = dict(zip(com["building_id"], com.index))
    s = stores[stores["building_id"].isin(row)]
    food, other = np.zeros((len(sec), N_DAYS)), np.zeros((len(sec), N_DAYS))
    opened = pd.to_datetime(s["opened_ym"] + "-01")
    start = np.clip((opened - DAYS[0]).dt.days.to_numpy(), 0, None)
    for idx, first, is_food in zip(s["building_id"].map(row), start, s["lcls_code"] == "I2"):
        (food if is_food else other)[idx, first:] += 1
    return food, other


def _noise(gen: np.random.Generator, sec: pd.DataFrame) -> dict[int, np.ndarray]:
    """집하장 × 하루 로그 잡음: 도시 공통 + 집하장별 AR(1). 상가는 잡음이 더 큼 (키 -no)."""
    city_noise = gen.normal(0, NOISE_CITY_SD, N_DAYS)
    out = {}
    for p in PLANTS:
        z = gen.normal(0, NOISE_PLANT_SD, N_DAYS)
        e = np.zeros(N_DAYS)
        e[0] = z[0]
        for t in range(1, N_DAYS):
            e[t] = NOISE_RHO * e[t - 1] + z[t]
        out[p.no] = city_noise + e
        out[-p.no] = out[p.no] + gen.normal(0, NOISE_COM_SD, N_DAYS)
    return out


def _rates(city: City, stores: pd.DataFrame, sec: pd.DataFrame, days: pd.DataFrame,
           gen: np.random.Generator) -> dict[str, np.ndarray]:
    """(구역, 하루) 기대 투입 횟수 (쓰레기 종류별). 시범 기간 도담동은 작은 봉투로 나눠 넣어 횟수가 늘어남."""
    residents = _daily_residents(city, sec)
    food_st, other_st = _active_stores(stores, sec)
    noise = _noise(gen, sec)
    is_res = (sec["kind"] == "주거").to_numpy()
    key = np.where(is_res, sec["plant_no"], -sec["plant_no"])
    log_noise = np.vstack([noise[k] for k in key])
    rates = {}
    for waste in WASTES:
        base = np.where(is_res[:, None], residents * RES_RATE[waste],
                        food_st * COM_RATE_FOOD_STORE[waste] + other_st * COM_RATE_OTHER_STORE[waste])
        factor = np.where(is_res[:, None], day_factor(days, "주거", waste)[None, :],
                          day_factor(days, "상가", waste)[None, :])
        rates[waste] = base * factor * np.exp(log_noise) * sec["effect"].to_numpy()[:, None]
    trial = trial_mask(sec)
    mean_before = sec["p50"] * BAG_50 * FILL_50 + (1 - sec["p50"]) * sec["kind"].map(SMALL_BAG) * FILL_SMALL
    p_after = sec["p50"] * TRIAL_KEEP_50
    mean_after = p_after * BAG_50 * FILL_50 + (1 - p_after) * sec["kind"].map(SMALL_BAG) * FILL_SMALL
    boost = np.where(trial, (mean_before / mean_after).to_numpy()[:, None], 1.0)
    rates["일반"] = rates["일반"] * boost
    return rates


def trial_mask(sec: pd.DataFrame) -> np.ndarray:
    """(구역, 하루) 50ℓ 봉투 금지 시범 (도담동 구역, 2024년 6~7월)."""
    in_trial = np.isin(DAYS.month, TRIAL_MONTHS)
    return (sec["emd_code"] == DOADAM).to_numpy()[:, None] & in_trial[None, :]


@dataclass
class Inputs:
    """구역 × 시간 투입 횟수와 부피 (ℓ), 50ℓ 봉투 횟수 (일반만)."""

    counts: dict[str, np.ndarray]      # waste → (구역, 시간) int32
    volume: dict[str, np.ndarray]      # waste → (구역, 시간) float ℓ
    n50: np.ndarray                    # (구역, 시간) int32


def simulate_inputs(city: City, stores: pd.DataFrame, sec: pd.DataFrame, days: pd.DataFrame,
                    gen: np.random.Generator) -> Inputs:
    rates = _rates(city, stores, sec, days, gen)
    is_res = (sec["kind"] == "주거").to_numpy()
    counts, volume = {}, {}
    for waste in WASTES:
        shares = np.where(is_res[:, None, None], hourly_shares(days, "주거", waste)[None],
                          hourly_shares(days, "상가", waste)[None])          # (구역, 하루, 24)
        lam = (rates[waste][:, :, None] * shares).reshape(len(sec), N_HOURS)
        counts[waste] = gen.poisson(lam).astype(np.int32)
    p50 = np.repeat(np.where(trial_mask(sec), sec["p50"].to_numpy()[:, None] * TRIAL_KEEP_50,
                             sec["p50"].to_numpy()[:, None]), 24, axis=1)
    n50 = gen.binomial(counts["일반"], p50).astype(np.int32)
    day_noise = np.repeat(np.exp(gen.normal(0, 0.04, (len(sec), N_DAYS))), 24, axis=1)
    small = sec["kind"].map(SMALL_BAG).to_numpy()[:, None]
    volume["일반"] = (n50 * BAG_50 * FILL_50 + (counts["일반"] - n50) * small * FILL_SMALL) * day_noise
    food_bag = sec["kind"].map(FOOD_BAG).to_numpy()[:, None]
    volume["음식물"] = counts["음식물"] * food_bag * np.repeat(np.exp(gen.normal(0, 0.05, (len(sec), N_DAYS))), 24, axis=1)
    return Inputs(counts, volume, n50)


def _open_sections(sec: pd.DataFrame) -> np.ndarray:
    """(구역, 하루) 그날 설치되어 쓰이는 구역 (설치 달의 1일부터)."""
    start = pd.to_datetime(sec["installed"] + "-01")
    return (start.to_numpy()[:, None] <= DAYS.to_numpy()[None, :])


# ---------------------------------------------------------------------------
# 저장률·배출·고장 (fill level, discharges, faults): 집하장마다 10분 단위 모의 운영
# ---------------------------------------------------------------------------
@dataclass
class PlantRun:
    """한 집하장의 한 해 운영 결과."""

    fill_pct: dict[str, np.ndarray]    # waste → (걸음,) 저장률 %, 센서 잡음 포함 (NaN = 빈 칸)
    runs: list[dict]
    full_events: list[dict]
    faults: list[dict]


def _faults(gen: np.random.Generator, plant: PlantSpec) -> list[tuple[int, int]]:
    """고장 (시작 분, 끝 분) 목록. 해마다 9 + 가동 연수 건 (가정)."""
    age = YEAR - int(plant.opened[:4])
    n = gen.poisson(FAULT_BASE + FAULT_PER_YEAR_AGE * age)
    starts = np.sort(gen.integers(0, N_DAYS * 1440, n))
    durations = np.clip(np.round(np.exp(gen.normal(np.log(90), 0.6, n))), 20, 600).astype(int)
    return [(int(s), int(s + d)) for s, d in zip(starts, durations)]


def simulate_plant(plant: PlantSpec, inflow: dict[str, np.ndarray], capacity: dict[str, float],
                   pipe_km: float, gen: np.random.Generator) -> PlantRun:
    """10분 걸음으로 저장량을 따라갑니다. 정해진 시각과 만차 뒤 운영자 요청으로 배출하고, 고장 중에는 배출을 시작하지 못합니다.

    ``inflow[waste]`` 는 걸음마다 들어오는 부피(㎥). 한 번에 한 가지 쓰레기만 배출합니다 (관로를 함께 씀).
    배출은 준비 시간(송풍기가 진공을 만드는 동안) 뒤 분당 EVAC_RATE ㎥ 씩 빨아들여 남은 저장률이 약 3 % 가 되면 끝납니다.
    """
    n_steps = N_DAYS * STEPS_PER_DAY
    setup = 6.0 + 0.45 * pipe_km
    blower_kw = blower_power(pipe_km)
    faults = _faults(gen, plant)
    fault_steps = np.zeros(n_steps, dtype=bool)
    for s, e in faults:
        fault_steps[s // STEP_MIN: (e - 1) // STEP_MIN + 1] = True
    sched = {w: set() for w in WASTES}
    for w, minutes in FIXED_SCHEDULE.items():
        for d in range(N_DAYS):
            for m in minutes:
                sched[w].add(d * STEPS_PER_DAY + m // STEP_MIN)
    level = {w: capacity[w] * STORAGE_RESIDUAL for w in WASTES}
    true = {w: np.zeros(n_steps) for w in WASTES}
    queue: list[tuple[str, str]] = []          # (waste, "정기"/"추가")
    extra_due: dict[str, int | None] = {w: None for w in WASTES}
    full_since: dict[str, float | None] = {w: None for w in WASTES}
    active: dict | None = None
    runs, full_events = [], []
    for k in range(n_steps):
        t0 = k * STEP_MIN
        for w in WASTES:
            true[w][k] = level[w]
            if k in sched[w] and not (active and active["waste"] == w):
                queue.append((w, "정기"))
            if extra_due[w] is not None and k >= extra_due[w]:
                queue.append((w, "추가"))
                extra_due[w] = None
        if active is None and queue and not fault_steps[k]:
            w, kind = queue.pop(0)
            queue = [q for q in queue if q[0] != w]
            extra_due[w] = None
            residual = capacity[w] * STORAGE_RESIDUAL * gen.uniform(0.5, 1.5)
            active = {"waste": w, "kind": kind, "start": t0, "level0": level[w], "residual": residual,
                      "removed": 0.0}
        for w in WASTES:
            step_in = inflow[w][k]
            if active is not None and active["waste"] == w:
                done = _run_step(active, level, w, step_in, t0, setup, capacity[w], full_since, full_events)
                if done:
                    runs.append(_finish(active, blower_kw, gen))
                    active = None
                continue
            before = level[w]
            level[w] = before + step_in
            if level[w] >= capacity[w]:
                if full_since[w] is None:
                    frac = (capacity[w] - before) / step_in if step_in > 0 else 0.0
                    full_since[w] = t0 + STEP_MIN * min(max(frac, 0.0), 1.0)
                    if extra_due[w] is None and not any(q[0] == w for q in queue):
                        extra_due[w] = k + int(gen.integers(OPERATOR_DELAY_STEPS[0], OPERATOR_DELAY_STEPS[1] + 1))
                level[w] = capacity[w]
    fill = {}
    for w in WASTES:
        pct = 100 * true[w] / capacity[w] + gen.normal(0, SENSOR_SD, n_steps)
        pct = np.clip(np.round(pct), 0, 99)           # 100 은 만차(저장 용량에 닿음)일 때만
        pct[true[w] >= capacity[w] - 1e-9] = 100
        pct[gen.random(n_steps) < MISSING_READING] = np.nan
        fill[w] = pct
    fault_rows = [{"start": s, "end": e, "detail": FAULT_KINDS[int(gen.integers(len(FAULT_KINDS)))]}
                  for s, e in faults]
    return PlantRun(fill, runs, full_events, fault_rows)


def blower_power(pipe_km: float) -> float:
    """송풍기 출력 (kW, 가정): 관로가 길수록 큼."""
    return round(110 + 5 * pipe_km, 0)


def _run_step(active: dict, level: dict, w: str, step_in: float, t0: int, setup: float, capacity: float,
              full_since: dict, full_events: list) -> bool:
    """배출 중인 걸음 하나 (1분씩). 준비 시간 동안 가득 차면 만차가 시작되고, 빨아들여 용량 아래로 내려가면 끝납니다.
    배출이 끝나면 끝난 분을 적고 True."""
    for minute in range(STEP_MIN):
        now = t0 + minute
        level[w] = min(level[w] + step_in / STEP_MIN, capacity)
        if level[w] >= capacity - 1e-9 and full_since[w] is None:
            full_since[w] = float(now)
        if now - active["start"] >= setup:
            take = min(EVAC_RATE[w], max(level[w] - active["residual"], 0.0))
            level[w] -= take
            active["removed"] += take
        if full_since[w] is not None and level[w] < capacity - 1e-9:
            full_events.append({"waste": w, "start": full_since[w], "end": float(now + 1)})
            full_since[w] = None
        if now - active["start"] >= setup and level[w] <= active["residual"] + 1e-9:
            active["end"] = now + 1
            return True
    return False


def _finish(active: dict, blower_kw: float, gen: np.random.Generator) -> dict:
    duration = active["end"] - active["start"]
    energy = blower_kw * duration / 60 * gen.uniform(0.97, 1.03) + 3.0
    return {"waste": active["waste"], "kind": active["kind"], "start": active["start"], "end": active["end"],
            "volume": active["removed"], "energy": energy}


# ---------------------------------------------------------------------------
# 막힘 (clogs)
# ---------------------------------------------------------------------------
def simulate_clogs(sec: pd.DataFrame, inputs: Inputs, days: pd.DataFrame,
                   gen: np.random.Generator) -> list[dict]:
    """구역 × 하루 막힘 건수 (포아송). 시각은 그날 그 구역의 투입 시각 분포를 따릅니다."""
    open_ = _open_sections(sec)
    summer = 1 + CLOG_SUMMER * np.isin(DAYS.month, [6, 7, 8])
    age = 1 + CLOG_AGE * sec["port_age"].to_numpy()[:, None]
    n50_day = inputs.n50.reshape(len(sec), N_DAYS, 24).sum(2)
    lam = {"일반": (sec["ports_general"].to_numpy()[:, None] * CLOG_BASE_GENERAL * age
                  + CLOG_PER_50L * n50_day) * summer,
           "음식물": sec["ports_food"].to_numpy()[:, None] * sec["kind"].map(CLOG_FOOD).to_numpy()[:, None]
                   * age * summer}
    events = []
    for waste in WASTES:
        n = gen.poisson(lam[waste] * open_)
        counts = inputs.counts[waste].reshape(len(sec), N_DAYS, 24)
        for i, d in zip(*np.nonzero(n)):
            weights = counts[i, d] + 0.2
            for _ in range(int(n[i, d])):
                hour = int(gen.choice(24, p=weights / weights.sum()))
                start = d * 1440 + hour * 60 + int(gen.integers(60))
                duration = int(np.clip(np.round(np.exp(gen.normal(np.log(80), 0.5))), 15, 480))
                events.append({"plant_no": int(sec.at[i, "plant_no"]), "section_id": sec.at[i, "section_id"],
                               "waste": waste, "type": "막힘", "start": start, "end": start + duration,
                               "detail": "투입구 막힘" if waste == "일반" else "음식물 투입구 막힘"})
    return events


# ---------------------------------------------------------------------------
# 전체 (the whole model, cached)
# ---------------------------------------------------------------------------
@dataclass
class Cleannet:
    plants: pd.DataFrame
    sections: pd.DataFrame
    inputs_rows: pd.DataFrame          # 시간 파일의 행 (하루 × 집하장 × 구역구분 × 종류)
    monthly: pd.DataFrame
    fill: dict[tuple[int, str], np.ndarray]
    runs: pd.DataFrame
    events: pd.DataFrame


@lru_cache(maxsize=2)
def build_cleannet(seed: int) -> Cleannet:
    """2024년 자동크린넷 모의 운영 전체 (같은 시드 → 같은 결과)."""
    city = build_city(seed)
    stores = build_stores(seed)
    gen = rng("cleannet", seed)
    days = day_table()
    sec = build_sections(city, stores, gen)
    pipe = _pipe_km(sec, gen)
    inputs = simulate_inputs(city, stores, sec, days, gen)
    rows = _input_rows(sec, inputs)
    q4 = DAYS.month.to_numpy() >= 10
    plant_rows, fill, runs, events = [], {}, [], []
    for p in PLANTS:
        mask = (sec["plant_no"] == p.no).to_numpy()
        hourly = {w: inputs.volume[w][mask].sum(0) / 1000 for w in WASTES}            # ㎥/시간
        daily = {w: hourly[w].reshape(N_DAYS, 24).sum(1) for w in WASTES}
        ratio = {"일반": p.ratio_general, "음식물": p.ratio_food}
        capacity = {w: float(round(ratio[w] * daily[w][q4].mean())) for w in WASTES}
        inflow = {w: np.repeat(hourly[w] / (60 // STEP_MIN), 60 // STEP_MIN) for w in WASTES}
        result = simulate_plant(p, inflow, capacity, pipe[p.no], gen)
        for w in WASTES:
            fill[(p.no, w)] = result.fill_pct[w]
        runs += [dict(r, plant_no=p.no) for r in result.runs]
        events += [dict(e, plant_no=p.no, section_id="", type="만차",
                        detail="저장률 100 % (투입구 잠김)") for e in result.full_events]
        events += [dict(e, plant_no=p.no, section_id="", waste="", type="고장") for e in result.faults]
        plant_rows.append(_plant_row(p, sec[mask], pipe[p.no], capacity, city))
    events += simulate_clogs(sec, inputs, days, gen)
    return Cleannet(pd.DataFrame(plant_rows), sec, rows, _monthly_rows(sec, inputs), fill,
                    _runs_table(runs), _events_table(events))


def _plant_row(p: PlantSpec, sec: pd.DataFrame, pipe_km: float, capacity: dict, city: City) -> dict:
    names = city.emd.set_index("emd_code")["emd_name"]
    centre = city.emd.set_index("emd_code").loc[p.site]
    gen = rng(f"cleannet-plant-{p.no}", city.seed)
    lon, lat = sample_points(gen, city.polygon(p.site), (centre["lon"], centre["lat"]), 1, sd_m=500.0)[0]
    return {"plant_no": p.no, "name": f"{p.no}집하장", "emd_code": p.site, "emd_name": names[p.site],
            "served": ";".join(names[c] for c in p.served), "opened": p.opened, "pipe_km": pipe_km,
            "ports_general": int(sec["ports_general"].sum()), "ports_food": int(sec["ports_food"].sum()),
            "capacity_general": capacity["일반"], "capacity_food": capacity["음식물"],
            "blower_kw": blower_power(pipe_km), "lat": float(lat), "lon": float(lon)}


def _input_rows(sec: pd.DataFrame, inputs: Inputs) -> pd.DataFrame:
    """시간 파일의 행: (하루, 집하장, 구역구분, 종류) 마다 24시간 횟수, 투입구 수, 하루 추정 투입량(ℓ)."""
    open_ = _open_sections(sec)
    frames = []
    for (plant, kind), idx in sec.groupby(["plant_no", "kind"], sort=False).groups.items():
        idx = np.asarray(idx)
        for waste in WASTES:
            counts = inputs.counts[waste][idx].sum(0).reshape(N_DAYS, 24)
            vol = inputs.volume[waste][idx].sum(0).reshape(N_DAYS, 24).sum(1)
            ports_col = "ports_general" if waste == "일반" else "ports_food"
            ports = (sec.loc[idx, ports_col].to_numpy()[:, None] * open_[idx]).sum(0)
            frame = pd.DataFrame(counts, columns=[f"{h:02d}시" for h in range(24)])
            frame.insert(0, "date", DAYS.strftime("%Y-%m-%d"))
            frame.insert(1, "plant_no", plant)
            frame.insert(2, "kind", kind)
            frame.insert(3, "waste", waste)
            frame.insert(4, "ports", ports)
            frame["total"] = counts.sum(1)
            frame["volume_l"] = np.round(vol).astype(int)
            frames.append(frame)
    rows = pd.concat(frames, ignore_index=True)
    order = {"주거": 0, "상가": 1, "일반": 0, "음식물": 1}
    return rows.sort_values(["date", "plant_no", "kind", "waste"],
                            key=lambda s: s.map(order) if s.name in ("kind", "waste") else s,
                            kind="mergesort").reset_index(drop=True)


def _monthly_rows(sec: pd.DataFrame, inputs: Inputs) -> pd.DataFrame:
    month_of_hour = np.repeat(DAYS.month.to_numpy(), 24)
    open_ = np.repeat(_open_sections(sec), 24, axis=1)
    frames = []
    for waste in WASTES:
        for m in range(1, 13):
            cols = month_of_hour == m
            active = open_[:, cols].any(1)
            counts = inputs.counts[waste][:, cols].sum(1)
            vol = inputs.volume[waste][:, cols].sum(1)
            share = np.where(counts > 0, inputs.n50[:, cols].sum(1) / np.maximum(counts, 1) * 100, np.nan)
            frames.append(pd.DataFrame({
                "month": f"{YEAR}-{m:02d}", "section_id": sec["section_id"], "waste": waste,
                "count": counts, "volume_l": np.round(vol).astype(int),
                "share_50l": share if waste == "일반" else np.nan})[active])
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["month", "section_id", "waste"], key=lambda s: s.map({"일반": 0, "음식물": 1})
                           if s.name == "waste" else s, kind="mergesort").reset_index(drop=True)


def _runs_table(runs: list[dict]) -> pd.DataFrame:
    t = pd.DataFrame(runs).sort_values(["start", "plant_no"], kind="mergesort").reset_index(drop=True)
    t.insert(0, "run_id", [f"R{i:05d}" for i in range(1, len(t) + 1)])
    return t


def _events_table(events: list[dict]) -> pd.DataFrame:
    t = pd.DataFrame(events)
    t["start"] = np.round(t["start"]).astype(int)
    t["end"] = np.round(t["end"]).astype(int)
    t = t.sort_values(["start", "plant_no", "type", "section_id"], kind="mergesort").reset_index(drop=True)
    t.insert(0, "event_id", [f"E{i:05d}" for i in range(1, len(t) + 1)])
    return t


# ---------------------------------------------------------------------------
# 파일 쓰기 (writers)
# ---------------------------------------------------------------------------
def minute_text(minute) -> str:
    """한 해 첫 분부터 센 분 → 'YYYY-MM-DD HH:MM'."""
    return (DAYS[0] + pd.Timedelta(minutes=int(minute))).strftime("%Y-%m-%d %H:%M")


def _write(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding=ENCODING, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


PLANT_HEADER = ["집하장번호", "집하장명", "행정동코드", "행정동명", "담당행정동", "가동연월", "관로연장(km)",
                "일반투입구수", "음식물투입구수", "일반저장용량(㎥)", "음식물저장용량(㎥)", "송풍기출력(kW)", "위도", "경도"]
SECTION_HEADER = ["구역번호", "집하장번호", "구역구분", "행정동코드", "단지번호", "건물관리번호", "구역명", "세대수",
                  "점포수", "음식점수", "일반투입구수", "음식물투입구수", "설치연월", "위도", "경도"]
INPUT_HEADER = (["일자", "집하장번호", "구역구분", "쓰레기종류", "투입구수"] + [f"{h:02d}시" for h in range(24)]
                + ["합계", "추정투입량(ℓ)"])
MONTHLY_HEADER = ["연월", "구역번호", "쓰레기종류", "투입횟수", "추정투입량(ℓ)", "50ℓ봉투비율(%)"]
FILL_TIMES = [f"{m // 60:02d}:{m % 60:02d}" for m in range(0, 1440, STEP_MIN)]
FILL_HEADER = ["일자", "집하장번호", "쓰레기종류", "저장용량(㎥)"] + FILL_TIMES
RUN_HEADER = ["배출번호", "집하장번호", "쓰레기종류", "배출구분", "시작시각", "종료시각", "배출량(㎥)", "전력사용량(kWh)"]
EVENT_HEADER = ["사건번호", "집하장번호", "구역번호", "쓰레기종류", "사건종류", "발생시각", "종료시각", "내용"]


def write_plants(city: City, out: Path) -> None:
    t = build_cleannet(city.seed).plants
    rows = [[r.plant_no, r.name, r.emd_code, r.emd_name, r.served, r.opened, f"{r.pipe_km:.1f}", r.ports_general,
             r.ports_food, f"{r.capacity_general:.0f}", f"{r.capacity_food:.0f}", f"{r.blower_kw:.0f}",
             f"{r.lat:.5f}", f"{r.lon:.5f}"] for r in t.itertuples()]
    _write(out / PLANTS_FILE, PLANT_HEADER, rows)


def write_sections(city: City, out: Path) -> None:
    s = build_cleannet(city.seed).sections
    rows = [[r.section_id, r.plant_no, r.kind, r.emd_code, r.complex_id, r.building_id, r.name,
             r.households or "", r.n_stores or "", r.n_food or "", r.ports_general, r.ports_food, r.installed,
             f"{r.lat:.5f}", f"{r.lon:.5f}"] for r in s.itertuples()]
    _write(out / SECTIONS_FILE, SECTION_HEADER, rows)


def write_inputs(city: City, out: Path) -> None:
    t = build_cleannet(city.seed).inputs_rows
    _write(out / INPUTS_FILE, INPUT_HEADER, t.itertuples(index=False, name=None))


def write_monthly(city: City, out: Path) -> None:
    t = build_cleannet(city.seed).monthly
    rows = [[r.month, r.section_id, r.waste, r.count, r.volume_l, "" if np.isnan(r.share_50l) else f"{r.share_50l:.1f}"]
            for r in t.itertuples()]
    _write(out / MONTHLY_FILE, MONTHLY_HEADER, rows)


def write_fill(city: City, out: Path) -> None:
    model = build_cleannet(city.seed)
    capacity = model.plants.set_index("plant_no")[["capacity_general", "capacity_food"]]
    rows = []
    for d, day in enumerate(DAYS.strftime("%Y-%m-%d")):
        cols = slice(d * STEPS_PER_DAY, (d + 1) * STEPS_PER_DAY)
        for p in PLANTS:
            for w, ccol in zip(WASTES, ("capacity_general", "capacity_food")):
                values = model.fill[(p.no, w)][cols]
                rows.append([day, p.no, w, f"{capacity.at[p.no, ccol]:.0f}",
                             *["" if np.isnan(v) else str(int(v)) for v in values]])
    _write(out / FILL_FILE, FILL_HEADER, rows)


def write_runs(city: City, out: Path) -> None:
    t = build_cleannet(city.seed).runs
    rows = [[r.run_id, r.plant_no, r.waste, r.kind, minute_text(r.start), minute_text(r.end), f"{r.volume:.1f}",
             f"{r.energy:.1f}"] for r in t.itertuples()]
    _write(out / RUNS_FILE, RUN_HEADER, rows)


def write_events(city: City, out: Path) -> None:
    t = build_cleannet(city.seed).events
    rows = [[r.event_id, r.plant_no, r.section_id, r.waste, r.type, minute_text(r.start), minute_text(r.end),
             r.detail] for r in t.itertuples()]
    _write(out / EVENTS_FILE, EVENT_HEADER, rows)


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("cleannet_plants", PLANTS_FILE, write_plants),
    ("cleannet_sections", SECTIONS_FILE, write_sections),
    ("cleannet_inputs_hourly", INPUTS_FILE, write_inputs),
    ("cleannet_sections_monthly", MONTHLY_FILE, write_monthly),
    ("cleannet_fill_10min", FILL_FILE, write_fill),
    ("cleannet_discharges", RUNS_FILE, write_runs),
    ("cleannet_events", EVENTS_FILE, write_events),
)

__all__ = ["YEAR", "PLANTS", "PlantSpec", "WASTES", "KINDS", "FIXED_SCHEDULE", "build_cleannet", "build_sections",
           "day_table", "day_factor", "hourly_shares", "simulate_plant", "DATASETS"]
