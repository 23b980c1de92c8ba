"""어울링(세종시 공영자전거) 자료 3종 — 1장 「어울링 수요 분석과 신규 대여소 입지」.

- eoulling_stations.csv           모의 대여소 현황 (2020-12-31 기준, 공공데이터포털 파일 모양;
                                   '위도' 열에 경도, '경도' 열에 위도가 든 실제 파일의 버릇까지 따름)
- eoulling_trips_2020_sample.csv  모의 이용 현황 2020년: 한 해 전체(약 122만 건)의 10 % 무작위 표본
- asos_hourly_sejong_2020.csv     모의 기상청 ASOS 시간 자료 (239 세종, 2020년, 8,784시간)
- eoulling_trips_2020_full.csv    (선택) 한 해 전체. ``--only eoulling_trips_full`` 로만 만들고
                                   MANIFEST 에 넣지 않습니다 (.gitignore).

세 자료는 하나의 모의 세계에서 나옵니다: 날씨(:func:`build_weather`) → 대여소(:func:`build_stations`,
아파트 단지·장소 모형 위에) → 대여소·시간별 수요와 대여 기록(:func:`simulate_trips`).
모든 가정값(대문자 상수)은 교재용으로 정한 값이며, 실제 사실에서 온 것은 옆에 출처(사실 파일 §2)를 적었습니다.
데이터 카드(datasets/eoulling_*.md, asos_hourly_sejong_2020.md)에 같은 내용을 표로 적었습니다.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from .. import calendar
from .. import city as facts
from .base import PROJECTED_CRS, City, ar1, build_city, complex_population, locate, rng

_TO_XY = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)
_TO_LL = Transformer.from_crs(PROJECTED_CRS, "EPSG:4326", always_xy=True)

# ---------------------------------------------------------------------------
# 시간 축 (time axis of 2020, a leap year: 8,784 hours)
# ---------------------------------------------------------------------------
YEAR = 2020
T0 = np.datetime64("2020-01-01T00", "h")
N_HOURS = 366 * 24
HOURS = T0 + np.arange(N_HOURS)
HOUR_OF_DAY = np.arange(N_HOURS) % 24
DAY_OF_YEAR = np.arange(N_HOURS) // 24
MONTH_OF_HOUR = (HOURS.astype("datetime64[M]") - np.datetime64("2020-01", "M")).astype(int)
DAYS = np.datetime64("2020-01-01") + np.arange(366)
WEEKDAY_OF_DAY = (DAYS.astype(int) + 3) % 7          # 월요일 0 … 일요일 6

# 2020년 공휴일은 sejongdata.calendar 한 곳에 있습니다 (장 노트북도 같은 목록을 씁니다).
HOLIDAYS_2020: dict[str, str] = calendar.HOLIDAYS[2020]


def day_types() -> np.ndarray:
    """날마다 0 평일, 1 토요일, 2 일요일·공휴일 (공휴일은 일요일처럼 다룸)."""
    kind = np.where(WEEKDAY_OF_DAY == 6, 2, np.where(WEEKDAY_OF_DAY == 5, 1, 0))
    holiday = np.isin(DAYS, np.array(sorted(HOLIDAYS_2020), dtype="datetime64[D]"))
    return np.where(holiday, 2, kind)


def _xy(lon, lat) -> np.ndarray:
    """경도·위도 → EPSG:5186 (m), (n, 2)."""
    x, y = _TO_XY.transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.column_stack([x, y])


def _distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """점 집합 a (n,2) 와 b (m,2) 사이 직선거리 (m), (n, m)."""
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))


# ---------------------------------------------------------------------------
# 1. 날씨 (simulated ASOS hourly weather, station 239 세종)
# ---------------------------------------------------------------------------
# 가정: 월평균 기온(°C), 일교차의 절반, 상대습도(%), 풍속(m/s). 중부 내륙 평년값 수준으로 정한 값
# (2020년 실제 관측값이 아님). 7월이 8월보다 서늘한 것은 2020년의 긴 장마를 흉내 낸 것.
MONTH_TEMP = (-0.8, 1.6, 7.2, 11.8, 17.6, 22.6, 23.6, 26.2, 20.8, 13.3, 6.9, -1.0)
HALF_RANGE = (4.6, 5.0, 5.8, 6.3, 5.9, 4.9, 3.4, 3.8, 4.9, 6.2, 5.3, 4.6)
MONTH_RH = (66, 62, 57, 56, 63, 70, 83, 80, 75, 72, 69, 67)
MONTH_WIND = (1.8, 2.0, 2.3, 2.3, 1.9, 1.6, 1.6, 1.5, 1.4, 1.4, 1.7, 1.9)
# 가정: 비 오는 날의 확률(장마 기간 밖), 비 한 번의 평균 길이(시간)와 세기(mm/h)
WET_DAY_PROB = (0.16, 0.22, 0.20, 0.20, 0.24, 0.28, 0.40, 0.40, 0.26, 0.10, 0.22, 0.18)
RAIN_HOURS_MEAN = (5.0, 5.0, 5.5, 5.5, 5.0, 5.0, 6.0, 6.0, 5.0, 4.5, 5.0, 5.0)
RAIN_INTENSITY = (0.6, 0.8, 1.0, 1.2, 1.6, 2.2, 3.0, 3.0, 2.6, 1.2, 1.0, 0.6)
# 2020년 중부지방 장마: 6월 24일 ~ 8월 16일, 54일 (역대 가장 긴 장마; 기상청 발표, 널리 보도됨)
MONSOON = (np.datetime64("2020-06-24"), np.datetime64("2020-08-16"))
MONSOON_WET_PROB, MONSOON_RAIN_HOURS, MONSOON_INTENSITY = 0.68, 9.0, 2.8
WET_PERSISTENCE = 0.35          # 어제 비가 왔으면 오늘 비 올 확률을 (1-p) 의 35 %만큼 올림
TRACE_AFTER, TRACE_BEFORE = 0.55, 0.25   # 비 앞뒤로 강수량 "0"(0.1 mm 미만) 시각이 붙을 확률
STATION_ID, STATION_NAME = 239, "세종"


@dataclass(frozen=True)
class Weather:
    """2020년 시간별 '참' 날씨 (수요 모형이 쓰는 값; 파일에는 결측이 섞여 나감)."""

    temp: np.ndarray        # 기온 °C (소수 1자리)
    precip: np.ndarray      # 강수량 mm (소수 1자리), 비가 없던 시각은 NaN, 0.1 mm 미만은 0.0
    wind: np.ndarray        # 풍속 m/s (소수 1자리)
    humidity: np.ndarray    # 상대습도 % (정수)
    missing: dict[str, np.ndarray]   # 파일에서 비울 칸 (열 이름 → 시각 색인)


def _daily_climate(table: tuple[float, ...]) -> np.ndarray:
    """월 값(달 가운데 날의 값)을 날마다로 직선 보간 (연말·연초는 이어 붙임)."""
    mid = np.array([15, 45, 75, 106, 136, 167, 197, 228, 259, 289, 320, 350], float)
    x = np.concatenate([mid - 366, mid, mid + 366])
    y = np.tile(np.asarray(table, float), 3)
    return np.interp(np.arange(366), x, y)


def _diurnal_shape() -> np.ndarray:
    """24시간 기온 모양: 06시 −1 (최저), 15시 +1 (최고), 사이를 코사인으로 잇기."""
    h = np.arange(24, dtype=float)
    rising = -np.cos(np.pi * (h - 6) / 9)
    falling = np.cos(np.pi * (np.where(h < 6, h + 24, h) - 15) / 15)
    return np.where((h >= 6) & (h <= 15), rising, falling)


def _wet_days(gen: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """비 오는 날 (마르코프 연쇄) 과 장마 기간 표시."""
    month = (DAYS.astype("datetime64[M]") - np.datetime64("2020-01", "M")).astype(int)
    monsoon = (DAYS >= MONSOON[0]) & (DAYS <= MONSOON[1])
    p = np.where(monsoon, MONSOON_WET_PROB, np.asarray(WET_DAY_PROB)[month])
    wet = np.zeros(366, bool)
    for d in range(366):
        boost = WET_PERSISTENCE * (1 - p[d]) if d and wet[d - 1] else 0.0
        base = p[d] * (1 - WET_PERSISTENCE * p[d]) if d and not wet[d - 1] else p[d]
        wet[d] = gen.random() < min(base + boost, 0.97)
    return wet, monsoon


def _rain(gen: np.random.Generator, wet: np.ndarray, monsoon: np.ndarray) -> np.ndarray:
    """시간별 강수량. 비 오는 날마다 비 한두 번(시작 시각, 길이, 시간당 세기는 감마 분포)."""
    month = (DAYS.astype("datetime64[M]") - np.datetime64("2020-01", "M")).astype(int)
    rain = np.full(N_HOURS, np.nan)
    for d in np.flatnonzero(wet):
        spells = 1 + int(gen.random() < (0.35 if monsoon[d] else 0.15))
        mean_len = MONSOON_RAIN_HOURS if monsoon[d] else RAIN_HOURS_MEAN[month[d]]
        intensity = MONSOON_INTENSITY if monsoon[d] else RAIN_INTENSITY[month[d]]
        for _ in range(spells):
            start = d * 24 + int(gen.integers(0, 24))
            length = 1 + int(gen.poisson(mean_len - 1))
            hours = np.arange(start, min(start + length, N_HOURS))
            amount = np.round(gen.gamma(0.75, intensity / 0.75, len(hours)), 1)
            rain[hours] = np.fmax(rain[hours], amount)
            _add_trace(gen, rain, start - 1, TRACE_BEFORE)
            _add_trace(gen, rain, hours[-1] + 1, TRACE_AFTER)
    return rain


def _add_trace(gen: np.random.Generator, rain: np.ndarray, hour: int, prob: float) -> None:
    """비 앞뒤 한 시간에 0.1 mm 미만의 비("0")를 적을지 정함."""
    if 0 <= hour < N_HOURS and np.isnan(rain[hour]) and gen.random() < prob:
        rain[hour] = 0.0


def _temperature(gen: np.random.Generator, wet: np.ndarray) -> np.ndarray:
    """기온 = 날마다의 평년값 + 날씨 잡음(AR(1)) + 일교차(비 오는 날 절반) + 시간 잡음."""
    clim = _daily_climate(MONTH_TEMP)
    anomaly = ar1(gen, 366, 0.72, 2.6) * np.interp(clim, [0, 25], [1.3, 0.6])
    daily = clim + anomaly - np.where(wet, 1.2, 0.0)
    half = _daily_climate(HALF_RANGE) * np.where(wet, 0.45, 1.0) * gen.uniform(0.8, 1.2, 366)
    temp = daily[DAY_OF_YEAR] + half[DAY_OF_YEAR] * _diurnal_shape()[HOUR_OF_DAY]
    temp = temp + ar1(gen, N_HOURS, 0.8, 0.35)
    return np.round(temp - _monthly_drift(temp, clim), 1)


def _monthly_drift(temp: np.ndarray, clim: np.ndarray) -> np.ndarray:
    """달 평균이 평년값에서 벗어난 만큼의 매끈한 보정 (달 가운데 사이를 직선으로 이음)."""
    month = MONTH_OF_HOUR
    excess = np.array([temp[month == m].mean() - clim[DAY_OF_YEAR[month == m]].mean()
                       for m in range(12)])
    mid = np.array([15, 45, 75, 106, 136, 167, 197, 228, 259, 289, 320, 350], float)
    return np.interp(DAY_OF_YEAR + HOUR_OF_DAY / 24, mid, excess)


def _humidity(gen: np.random.Generator, wet: np.ndarray, rain: np.ndarray) -> np.ndarray:
    """상대습도: 월 평균 + 비 오는 날 + 일변화(기온과 반대) + 잡음, 비 오는 시각은 88~99 %."""
    rh = (_daily_climate(MONTH_RH)[DAY_OF_YEAR] + np.where(wet, 12, 0)[DAY_OF_YEAR]
          - 14 * _diurnal_shape()[HOUR_OF_DAY] + ar1(gen, N_HOURS, 0.9, 6.0))
    raining = np.nan_to_num(rain, nan=-1) > 0
    rh = np.where(raining, np.maximum(rh, gen.uniform(88, 99.5, N_HOURS)), rh)
    return np.clip(np.round(rh), 14, 100)


def _wind(gen: np.random.Generator, rain: np.ndarray) -> np.ndarray:
    """풍속: 월 평균 × 날마다의 로그정규 배율 × 낮에 강해지는 일변화 × 감마 잡음."""
    daily = np.exp(gen.normal(0, 0.33, 366) - 0.33 ** 2 / 2)
    h = HOUR_OF_DAY
    shape = 1 + 0.5 * np.exp(-0.5 * ((h - 14.5) / 3.5) ** 2)
    raining = np.nan_to_num(rain, nan=-1) > 0
    ws = (_daily_climate(MONTH_WIND)[DAY_OF_YEAR] * daily[DAY_OF_YEAR] * shape / 1.2
          * gen.gamma(6.0, 1 / 6.0, N_HOURS) * np.where(raining, 1.2, 1.0))
    return np.round(np.where(ws > 8.0, 8.0 + 3.0 * np.tanh((ws - 8.0) / 3.0), ws), 1)


def _missing_cells(gen: np.random.Generator) -> dict[str, np.ndarray]:
    """파일에서 비울 칸: 흩어진 다섯 시각의 한 요소, 그리고 기온·강수량·습도가 함께 빈 한 시각."""
    hours = gen.choice(np.arange(48, N_HOURS - 48), size=6, replace=False)
    one = ["습도(%)", "기온(°C)", "습도(%)", "풍속(m/s)", "습도(%)"]
    out: dict[str, list[int]] = {"기온(°C)": [], "강수량(mm)": [], "풍속(m/s)": [], "습도(%)": []}
    for col, hour in zip(one, hours[:5]):
        out[col].append(int(hour))
    for col in ("기온(°C)", "강수량(mm)", "습도(%)"):
        out[col].append(int(hours[5]))
    return {k: np.array(sorted(v), int) for k, v in out.items()}


@lru_cache(maxsize=2)
def build_weather(seed: int) -> Weather:
    """2020년 세종(239) 시간별 날씨 (같은 시드 → 같은 값)."""
    gen = rng("bike-weather", seed)
    wet, monsoon = _wet_days(gen)
    rain = _rain(gen, wet, monsoon)
    temp = _temperature(gen, wet)
    humidity = _humidity(gen, wet, rain)
    wind = _wind(gen, rain)
    return Weather(temp, rain, wind, humidity, _missing_cells(gen))


# ---------------------------------------------------------------------------
# 2. 대여소 (stations on top of the complex / place model)
# ---------------------------------------------------------------------------
LAUNCH_DATE = np.datetime64("2014-10-28")     # 사실 파일 §2: 2014-10-28 무인대여소 21곳으로 시작
LAUNCH_STATIONS = 21
IN_USE_START, IN_USE_END = 505, 604           # 사실 파일 §2: 2020년 505곳 → 604곳
RETIRED = 7                                   # 가정: 2014~2016년의 구형(키오스크) 대여소 7곳이 2019년에 폐쇄
# 가정: 해마다 연말까지 등록된 대여소 누계 (폐쇄된 7곳 포함; 2019년은 뉴어울링 도입으로 크게 늘림)
CUMULATIVE_BY_YEAR = {2014: 21, 2015: 81, 2016: 155, 2017: 225, 2018: 313, 2019: 512}
# 가정: 2020년 달마다 새로 등록한 대여소 수 (봄·가을에 많음), 합 99 = 604 − 505
NEW_2020_BY_MONTH = (3, 4, 12, 14, 12, 8, 5, 5, 10, 12, 9, 5)
MONTH_WEIGHT = (0.6, 0.7, 1.4, 1.5, 1.3, 1.0, 0.8, 0.7, 1.1, 1.3, 1.1, 0.5)   # 2019년 이전 등록의 계절 모양
# 가정: 2020년 말 사용 중인 대여소 수 (사실 파일 §2 의 2022년 실제 현황 618곳을 604곳에 맞게 줄이고,
# 2020년에 아직 개발 중이던 해밀·반곡·나성은 낮춤). 반곡동에는 2022년 목록의 집현동 몫이 들어 있음.
STATION_QUOTA: dict[str, int] = {
    "3611052300": 74, "3611051800": 46, "3611055000": 58, "3611058000": 50, "3611052000": 52,
    "3611051500": 47, "3611055500": 42, "3611056000": 42, "3611053000": 40, "3611054000": 38,
    "3611055600": 36, "3611057000": 26, "3611051000": 20, "3611052500": 8, "3611031000": 10,
    "3611025000": 15,
}
# 가정: 동마다 첫 대여소를 놓을 수 있게 된 날 (개발 순서; 한솔·도담·어진·아름·종촌은 2014년 출범 때부터)
DONG_OPEN: dict[str, str] = {
    "3611051000": "2014-10-28", "3611052000": "2014-10-28", "3611052300": "2014-10-28",
    "3611053000": "2014-10-28", "3611054000": "2014-10-28", "3611055000": "2015-03-01",
    "3611056000": "2015-03-01", "3611051500": "2016-06-01", "3611055500": "2017-06-01",
    "3611058000": "2017-06-01", "3611057000": "2017-09-01", "3611051800": "2018-03-01",
    "3611055600": "2019-04-01", "3611025000": "2019-03-01", "3611031000": "2016-06-01",
    "3611052500": "2020-03-01",
}
GATE_OFFSET_M = 130.0        # 단지 중심에서 정문까지 (가정)
BIG_COMPLEX_HH = 700         # 이보다 큰 단지(2019년 이전 준공)는 후문에도 대여소
GAP_RADIUS_M = 330.0         # 빈틈으로 남길 단지 둘레에는 다른 대여소를 두지 않음 (도보 300 m + 여유)
GAP_FIRST, GAP_LAST = "2019-07", "2021-12"   # 빈틈 후보: 이 기간에 준공한 신도시 단지
GATE_UNTIL = "2020-06"       # 이 달까지 준공한 단지만 2020년 안에 정문 대여소를 받음
JOCHIWON_GATES = 8           # 조치원읍에서 정문 대여소를 받는 단지 수 (세대수 큰 순)
MIN_SPACING_M = 80.0         # 정문 밖의 새 대여소는 기존 대여소와 이만큼 떨어뜨림
GEOFENCE_CHOICES = (20, 30, 50)
LAST_AVAIL = np.datetime64("2020-11-30")   # 어느 후보도 이보다 늦게 등록할 수 있게 되지 않음
JOCHIWON, YEONGI = "3611025000", "3611031000"
LAKE_NAME, GOV_NAME, HALL_NAME = "세종호수공원", "정부세종청사", "세종특별자치시청"
# 동 이름 말고 동에 흔히 있는 시설 (이름은 모의; 학교 이름은 '<동 이름 앞 두 글자>초등학교' 꼴)
GENERIC_KINDS: tuple[tuple[str, str, float], ...] = (
    ("community", "복합커뮤니티센터", 1.0), ("school", "{stem}초등학교", 1.0),
    ("school", "{stem}중학교", 0.8), ("park", "근린공원 {n}", 2.0), ("park", "어린이공원 {n}", 1.5),
    ("shop", "중심상가 {n}", 2.0), ("bus", "버스정류장 {n}", 2.5), ("corner", "사거리 {n}", 1.5),
)
# 연기면(세종리)과 조치원읍에만 있는 곳 (모의 위치)
YEONGI_SITES = (("arboretum", "국립세종수목원 {n}", 3, "2020-09-01"),
                ("park", "세종중앙공원 {n}", 3, "2020-04-01"),
                ("shop", "세종리 상가 {n}", 2, "2020-05-01"))
JOCHIWON_SITES = (("center", "조치원읍 행정복지센터"), ("shop", "세종전통시장"),
                  ("bus", "조치원 버스터미널"), ("park", "조치원 체육공원"))


@dataclass
class Site:
    """대여소 후보 하나 (정해지면 대여소가 됨)."""

    emd_code: str
    landmark: str
    kind: str
    x: float
    y: float
    avail: np.datetime64          # 이 날부터 등록할 수 있음
    complex_id: str = ""
    retired: bool = False


def _months_after(ym: str, months: float) -> np.datetime64:
    """"YYYY-MM" 의 첫날에서 months 개월(실수) 뒤의 날."""
    return np.datetime64(f"{ym}-01") + np.timedelta64(int(round(months * 30.44)), "D")


def _inner_polygons(city: City, margin: float = 35.0) -> dict[str, object]:
    """읍면동 코드 → 경계에서 margin m 안쪽 다각형 (EPSG:5186, 준비됨)."""
    out = {}
    for code, geom in zip(city.boundaries["emd_code"], city.boundaries.geometry):
        poly = shapely.transform(geom, lambda c: _xy(c[:, 0], c[:, 1])).buffer(-margin)
        shapely.prepare(poly)
        out[code] = poly
    return out


def _gap_candidates(city: City) -> pd.DataFrame:
    """빈틈 후보: 2019-07 ~ 2021-12 준공 신도시 단지와 정문 대여소가 없는 조치원 단지."""
    cx = city.complexes
    newtown = cx["emd_code"].isin(list(STATION_QUOTA)) & (cx["emd_code"] != JOCHIWON)
    late = newtown & cx["completion_ym"].between(GAP_FIRST, GAP_LAST)
    gated = _jochiwon_gated(city)
    old_town = (cx["emd_code"] == JOCHIWON) & ~cx["complex_id"].isin(gated)
    return cx[late | old_town]


def _jochiwon_gated(city: City) -> list[str]:
    """정문 대여소를 받는 조치원 단지 (세대수 큰 순)."""
    jo = city.complexes[city.complexes["emd_code"] == JOCHIWON]
    return list(jo.sort_values("households", ascending=False, kind="mergesort")
                ["complex_id"][:JOCHIWON_GATES])


def _gets_gate(row, gated_jochiwon: list[str]) -> bool:
    """이 단지가 2020년 말까지 정문 대여소를 받는가."""
    if row.emd_code == JOCHIWON:
        return row.complex_id in gated_jochiwon
    return row.emd_code in STATION_QUOTA and row.completion_ym <= GATE_UNTIL


def _gate_point(gen, centre: np.ndarray, avoid: np.ndarray, poly, flip: bool = False) -> np.ndarray:
    """단지 중심에서 GATE_OFFSET_M 떨어진 점 가운데 빈틈 후보에서 가장 먼 점 (다각형 안)."""
    angles = gen.uniform(0, 2 * np.pi) + np.linspace(0, 2 * np.pi, 16, endpoint=False)
    pts = centre + GATE_OFFSET_M * np.column_stack([np.cos(angles), np.sin(angles)])
    inside = shapely.contains_xy(poly, pts[:, 0], pts[:, 1])
    if not inside.any():
        return centre.copy()
    pts = pts[inside]
    score = _distances(pts, avoid).min(1) if len(avoid) else np.zeros(len(pts))
    order = np.argsort(-score, kind="stable")
    return pts[order[1 if flip and len(order) > 1 else 0]]


def _gate_sites(city: City, gen, polys, gaps: pd.DataFrame) -> list[Site]:
    """단지 정문(큰 단지는 후문도) 대여소 후보."""
    cx = city.complexes
    xy = _xy(cx["lon"], cx["lat"])
    gated = _jochiwon_gated(city)
    sites = []
    for i, row in enumerate(cx.itertuples()):
        if not _gets_gate(row, gated):
            continue
        avoid_ids = gaps["complex_id"] != row.complex_id
        avoid = _xy(gaps.loc[avoid_ids, "lon"], gaps.loc[avoid_ids, "lat"])
        lag = gen.uniform(1.0, 4.0)
        avail = max(_months_after(row.completion_ym, lag), np.datetime64(DONG_OPEN[row.emd_code]))
        label = row.complex_name
        p = _gate_point(gen, xy[i], avoid, polys[row.emd_code])
        sites.append(Site(row.emd_code, f"{label} 정문", "gate", *p, avail, row.complex_id))
        if row.households >= BIG_COMPLEX_HH and row.completion_ym < "2019-01":
            q = _gate_point(gen, xy[i], avoid, polys[row.emd_code], flip=True)
            later = min(avail + np.timedelta64(int(gen.integers(30, 900)), "D"), LAST_AVAIL)
            sites.append(Site(row.emd_code, f"{label} 후문", "gate2", *q, later, row.complex_id))
    return sites


def _place_sites(city: City, gen, polys) -> list[Site]:
    """장소 모형의 BRT 정류장·상가 중심·대학·역·시청과, 청사·호수공원 둘레의 대여소 후보."""
    sites = []
    names = city.emd.set_index("emd_code")["emd_name"]
    for p in city.places.itertuples():
        code = p.emd_code
        if code not in STATION_QUOTA:
            continue
        xy = _xy([p.lon], [p.lat])[0]
        near = _nudge(gen, xy, polys[code])
        open_ = np.datetime64(DONG_OPEN[code])
        if p.category == "brt_stop":
            label = p.name.replace(f"{names[code]} ", "")
            sites.append(Site(code, label, "brt", *near, open_))
        elif p.category == "commercial_center":
            sites.append(Site(code, "중심상가", "commercial", *near, open_))
        elif p.category in ("university", "rail_station", "city_hall"):
            label = "세종시청" if p.category == "city_hall" else p.name
            sites.append(Site(code, label, p.category, *near, open_))
        elif p.name == GOV_NAME:
            sites += _ring_sites(gen, xy, polys[code], code, "정부세종청사 {n}동", "gov", 8, 380.0)
        elif p.name == LAKE_NAME:
            sites += _ring_sites(gen, xy, polys[code], code, "세종호수공원 {n}", "lake", 5, 420.0)
    return sites


def _nudge(gen, xy: np.ndarray, poly) -> np.ndarray:
    """장소 점에서 15~50 m 옮긴 대여소 자리 (정류장·건물 앞 보도). 다각형 밖이면 그대로."""
    angle, r = gen.uniform(0, 2 * np.pi), gen.uniform(15.0, 50.0)
    p = xy + r * np.array([np.cos(angle), np.sin(angle)])
    return p if shapely.contains_xy(poly, p[0], p[1]) else xy


def _ring_sites(gen, centre, poly, code, pattern, kind, n, radius) -> list[Site]:
    """큰 시설(청사, 호수공원) 둘레에 고르게 놓은 n 개 후보 (다각형 안만)."""
    out, k = [], 0
    for angle in gen.uniform(0, 2 * np.pi) + np.linspace(0, 2 * np.pi, 4 * n, endpoint=False):
        r = radius * gen.uniform(0.55, 1.0)
        p = centre + r * np.array([np.cos(angle), np.sin(angle)])
        if len(out) < n and shapely.contains_xy(poly, p[0], p[1]) and not _near(out, p, 150.0):
            k += 1
            out.append(Site(code, pattern.format(n=k), kind, *p, LAUNCH_DATE))
    return out


def _near(sites: list[Site], p: np.ndarray, dist: float) -> bool:
    """p 가 이미 있는 후보들 가운데 하나와 dist m 안에 있는가."""
    return any((s.x - p[0]) ** 2 + (s.y - p[1]) ** 2 < dist ** 2 for s in sites)


def _free_points(gen, poly, centre, n, sd, taken: list[Site], gaps_xy) -> list[np.ndarray]:
    """다각형 안, 빈틈 후보에서 GAP_RADIUS_M 넘게, 기존 후보에서 MIN_SPACING_M 넘게 떨어진 점 n 개."""
    found: list[np.ndarray] = []
    existing = np.array([[s.x, s.y] for s in taken]) if taken else np.zeros((0, 2))
    for attempt in range(400):
        scale = sd * (1 + attempt / 60)
        cand = gen.normal(centre, scale, size=(64, 2))
        cand = cand[shapely.contains_xy(poly, cand[:, 0], cand[:, 1])]
        for p in cand:
            pts = np.vstack([existing, np.array(found).reshape(-1, 2)])
            if len(gaps_xy) and _distances(p[None], gaps_xy).min() <= GAP_RADIUS_M:
                continue
            if len(pts) and _distances(p[None], pts).min() < MIN_SPACING_M:
                continue
            found.append(p)
            if len(found) == n:
                return found
    raise RuntimeError(f"대여소 자리를 {n}개 찾지 못했습니다 (찾은 수 {len(found)}).")


def _activity_centre(city: City, code: str) -> np.ndarray:
    """동의 활동 중심: 단지 세대수 가중 중심과 상가 중심의 평균 (단지가 없으면 동 중심점)."""
    cx = city.complexes[city.complexes["emd_code"] == code]
    info = city.emd.set_index("emd_code")
    centroid = _xy([info.loc[code, "lon"]], [info.loc[code, "lat"]])[0]
    if cx.empty:
        return centroid
    w = cx["households"].to_numpy(float)
    homes = (_xy(cx["lon"], cx["lat"]) * w[:, None]).sum(0) / w.sum()
    shop = city.places[(city.places["emd_code"] == code)
                       & (city.places["category"] == "commercial_center")]
    if shop.empty:
        return (homes + centroid) / 2
    return (homes + _xy(shop["lon"], shop["lat"])[0]) / 2


def _generic_labels(gen, code: str, name: str, n: int) -> list[tuple[str, str]]:
    """동마다 흔한 시설 이름 n 개 (종류, 이름): 행정복지센터 하나 + 가중 추첨한 시설."""
    stem = name[:-1]
    labels = [("center", "행정복지센터")]
    weights = np.array([w for _, _, w in GENERIC_KINDS])
    counts: dict[str, int] = {}
    used = {"행정복지센터"}
    while len(labels) < n:
        kind, pattern, _ = GENERIC_KINDS[gen.choice(len(GENERIC_KINDS), p=weights / weights.sum())]
        counts[pattern] = counts.get(pattern, 0) + 1
        label = pattern.format(stem=stem, n=counts[pattern])
        if label not in used:
            used.add(label)
            labels.append((kind, label))
    return labels[:n]


def _generic_avail(gen, code: str) -> np.datetime64:
    """동의 첫 대여소 날 + 지수분포(평균 1년) 뒤. 2020-09-30 을 넘으면 그 사이로 되감음."""
    open_ = np.datetime64(DONG_OPEN[code])
    span = max(int((np.datetime64("2020-09-30") - open_).astype(int)), 1)
    return open_ + np.timedelta64(int(gen.exponential(365)) % span, "D")


def _fill_dong(city, gen, polys, code, taken: list[Site], gaps_xy, n: int) -> list[Site]:
    """동 할당량을 채우는 일반 시설 후보 n 개 (빈틈 후보 둘레를 피함)."""
    name = city.emd.set_index("emd_code").loc[code, "emd_name"]
    centre = _activity_centre(city, code)
    sd = 900.0 if code == JOCHIWON else 520.0
    in_dong = [s for s in taken if s.emd_code == code]
    labels = _special_labels(code) if code in (JOCHIWON, YEONGI) else []
    labels = (labels + _generic_labels(gen, code, name, max(n - len(labels), 0)))[:n]
    points = _free_points(gen, polys[code], centre, len(labels), sd, in_dong, gaps_xy)
    out = []
    for (kind, label, *when), p in zip(labels, points):
        avail = np.datetime64(when[0]) if when else _generic_avail(gen, code)
        avail = np.datetime64(DONG_OPEN[code]) if kind == "center" else avail
        out.append(Site(code, label, kind, *p, avail))
    return out


def _special_labels(code: str) -> list[tuple]:
    """연기면(세종리)·조치원읍의 고유 시설 (종류, 이름[, 등록 가능한 날])."""
    if code == JOCHIWON:
        return [(kind, label) for kind, label in JOCHIWON_SITES]
    return [(kind, pattern.format(n=k), when)
            for kind, pattern, n, when in YEONGI_SITES for k in range(1, n + 1)]


def _retired_sites(city, gen, polys, taken, gaps_xy) -> list[Site]:
    """2019년에 폐쇄된 구형 대여소 후보 (출범 초기의 동에만)."""
    out = []
    for code in ("3611051000", "3611051000", "3611052000", "3611052000", "3611052300",
                 "3611053000", "3611054000")[:RETIRED]:
        name = city.emd.set_index("emd_code").loc[code, "emd_name"]
        in_dong = [s for s in taken + out if s.emd_code == code]
        p = _free_points(gen, polys[code], _activity_centre(city, code), 1, 400.0, in_dong, gaps_xy)[0]
        k = sum(1 for s in out if s.emd_code == code) + 1
        avail = LAUNCH_DATE + np.timedelta64(int(gen.integers(30, 400)), "D")
        out.append(Site(code, f"{name[:-1]} 광장 {k}", "plaza", *p, avail, retired=True))
    return out


def _drop_served_gaps(gaps: pd.DataFrame, fixed: list[Site]) -> pd.DataFrame:
    """이미 고정 대여소(정문, 장소) 300 m 안에 있는 빈틈 후보는 빈틈이 아님."""
    if gaps.empty:
        return gaps
    gxy = _xy(gaps["lon"], gaps["lat"])
    own = gaps["complex_id"].to_numpy()
    keep = np.ones(len(gaps), bool)
    for s in fixed:
        d = np.hypot(gxy[:, 0] - s.x, gxy[:, 1] - s.y)
        keep &= ~((d <= GAP_RADIUS_M) & (own != s.complex_id))
    return gaps[keep]


def _candidate_sites(city: City, gen) -> list[Site]:
    """모든 대여소 후보 (동별 할당량 + 폐쇄된 7곳)."""
    polys = _inner_polygons(city)
    gaps = _gap_candidates(city)
    fixed = _gate_sites(city, gen, polys, gaps) + _place_sites(city, gen, polys)
    gaps_xy = _xy(*_drop_served_gaps(gaps, fixed)[["lon", "lat"]].to_numpy().T)
    sites = list(fixed)
    for code, quota in STATION_QUOTA.items():
        have = sum(1 for s in sites if s.emd_code == code)
        if have > quota:
            raise RuntimeError(f"{code}: 고정 후보 {have}곳이 할당량 {quota}곳보다 많습니다.")
        sites += _fill_dong(city, gen, polys, code, sites, gaps_xy, quota - have)
    return sites + _retired_sites(city, gen, polys, sites, gaps_xy)


# --- 등록일 (registration dates) -------------------------------------------
def _weekday(day: np.datetime64) -> np.datetime64:
    """토·일요일이나 2020년 공휴일이면 다음 평일로."""
    day = day.astype("datetime64[D]")
    while (day.astype(int) + 3) % 7 >= 5 or str(day) in HOLIDAYS_2020:
        day = day + np.timedelta64(1, "D")
    return day


def _spread_dates(gen, n: int, year: int, month_weights) -> np.ndarray:
    """그 해 안에서 달 비중을 따르는 n 개의 날 (오름차순)."""
    w = np.asarray(month_weights, float)
    months = np.sort(gen.choice(12, size=n, p=w / w.sum()))
    return _days_in_months(gen, year, months)


def _days_in_months(gen, year: int, months: np.ndarray) -> np.ndarray:
    """달(0~11)마다 그 달 안의 무작위 평일 하나, 오름차순."""
    first = np.array([np.datetime64(f"{year}-{m + 1:02d}-01") for m in months])
    length = np.array([(np.datetime64(f"{year}-{m + 1:02d}", "M") + 1).astype("datetime64[D]")
                       - np.datetime64(f"{year}-{m + 1:02d}-01") for m in months]).astype(int)
    days = first + (gen.random(len(months)) * (length - 3)).astype(int)
    return np.sort(np.array([_weekday(d) for d in days]))


def _launch_order(sites: list[Site]) -> list[int]:
    """출범(2014-10-28) 21곳: 호수공원 2, 청사 4, 출범 동의 BRT·중심상가, 그다음 큰 단지 정문."""
    rank = {"lake": 0, "gov": 1, "brt": 2, "commercial": 3, "gate": 4}
    quota = {"lake": 2, "gov": 4}
    ready = [i for i, s in enumerate(sites) if s.avail <= LAUNCH_DATE and s.kind in rank
             and not s.retired]
    ready.sort(key=lambda i: (rank[sites[i].kind], sites[i].emd_code, sites[i].landmark))
    chosen, used = [], {}
    for i in ready:
        kind = sites[i].kind
        if used.get(kind, 0) < quota.get(kind, 99):
            chosen.append(i)
            used[kind] = used.get(kind, 0) + 1
        if len(chosen) == LAUNCH_STATIONS:
            break
    return chosen


def registration_dates(sites: list[Site], gen) -> np.ndarray:
    """후보마다 등록일: 출범 21곳, 2015~2019 (해마다 누계를 맞춤), 2020년 99곳 (달마다 수를 맞춤)."""
    n = len(sites)
    avail = np.array([s.avail for s in sites], dtype="datetime64[D]")
    ready = avail + _lags(sites, gen).astype("timedelta64[D]")
    dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    launch = _launch_order(sites)
    dates[launch] = LAUNCH_DATE
    rest = np.setdiff1d(np.arange(n), launch)
    in_2020 = _pick_2020(sites, rest, avail, ready)
    early = np.setdiff1d(rest, in_2020)
    early = early[np.argsort(ready[early], kind="stable")]
    start = LAUNCH_STATIONS
    for year in range(2015, 2020):
        count = CUMULATIVE_BY_YEAR[year] - CUMULATIVE_BY_YEAR[year - 1]
        chunk = early[start - LAUNCH_STATIONS: start - LAUNCH_STATIONS + count]
        dates[chunk] = _spread_dates(gen, len(chunk), year, MONTH_WEIGHT)
        start += count
    months = np.repeat(np.arange(12), NEW_2020_BY_MONTH)
    order = in_2020[np.argsort(np.maximum(ready[in_2020], avail[in_2020]), kind="stable")]
    dates[order] = _days_in_months(gen, YEAR, months)
    return np.array([_weekday(a) if a > d else d for d, a in zip(dates, avail)],
                    dtype="datetime64[D]")


def _lags(sites: list[Site], gen) -> np.ndarray:
    """등록할 수 있게 된 뒤 실제 등록까지 걸린 날 (감마 분포; 정문은 짧게, 폐쇄된 곳은 0)."""
    slow = gen.gamma(1.2, 330.0, len(sites))
    fast = gen.gamma(1.5, 40.0, len(sites))
    kind = np.array([s.kind for s in sites])
    retired = np.array([s.retired for s in sites])
    return np.where(retired, 0, np.where(kind == "gate", fast, slow)).astype(int)


def _pick_2020(sites, rest, avail, ready) -> np.ndarray:
    """2020년에 등록할 99곳: 2020년에야 등록할 수 있는 곳 전부 + 준비가 가장 늦은 곳."""
    live = np.array([i for i in rest if not sites[i].retired])
    forced = live[avail[live] >= np.datetime64("2020-01-01")]
    need = IN_USE_END - IN_USE_START - len(forced)
    if need < 0:
        raise RuntimeError(f"2020년에만 등록할 수 있는 후보가 {len(forced)}곳으로 99곳보다 많습니다.")
    others = np.setdiff1d(live, forced)
    late = others[np.argsort(ready[others], kind="stable")][len(others) - need:]
    return np.sort(np.concatenate([forced, late]))


# --- 대여소 표 (the station table) -------------------------------------------
# 도로명 주소에 쓰는 가상의 도로 이름 바탕 (동 이름 앞 글자 + 번호 "로"; 실제 도로명과 우연히 같을 수 있으나
# 위치는 맞지 않음). 조치원읍은 리 이름으로 "…길", 연기면은 "세종리길".
MAIN_ROADS = ("한누리대로", "절재로", "갈매로", "보듬로", "다솜로")
MODIFIED_SHARE = 0.22       # 가정: 등록 뒤 정보가 한 번 고쳐진 대여소 비율 (수정일 ≠ 등록일)


def _lonlat(sites: list[Site]) -> np.ndarray:
    """후보 좌표 → 경도·위도 (소수 6자리)."""
    x = np.array([s.x for s in sites])
    y = np.array([s.y for s in sites])
    lon, lat = _TO_LL.transform(x, y)
    return np.round(np.column_stack([lon, lat]), 6)


def _nearest_ri(city: City, lonlat: np.ndarray) -> list[str]:
    """조치원 대여소마다 가장 가까운 조치원 단지의 리 이름 (리 경계가 모형에 없어 이렇게 정함)."""
    jo = city.complexes[city.complexes["emd_code"] == JOCHIWON]
    d = _distances(_xy(lonlat[:, 0], lonlat[:, 1]), _xy(jo["lon"], jo["lat"]))
    return list(jo["village"].to_numpy()[d.argmin(1)])


def _address(gen, code: str, name: str, ri: str) -> str:
    """모의 도로명 상세주소."""
    number = int(gen.integers(1, 160)) * 2 - int(gen.integers(0, 2))
    if code == JOCHIWON:
        return f"{ri[:-1]}길 {number}"
    if code == YEONGI:
        return f"세종리길 {number}"
    if gen.random() < 0.25:
        return f"{MAIN_ROADS[int(gen.integers(0, len(MAIN_ROADS)))]} {number * 5}"
    return f"{name[:-1]}{int(gen.integers(1, 9))}로 {number}"


def _geofence(gen, kind: str) -> int:
    """지오펜스 반경 (m): 대부분 30, 큰 시설은 50 이 많고, 좁은 정류장·상가는 가끔 20."""
    if kind in ("lake", "gov", "university", "park", "arboretum"):
        p = (0.03, 0.55, 0.42)
    elif kind in ("brt", "bus", "commercial", "shop"):
        p = (0.18, 0.80, 0.02)
    else:
        p = (0.05, 0.93, 0.02)
    return int(gen.choice(GEOFENCE_CHOICES, p=p))


def _modified(gen, registered: np.datetime64, retired: bool) -> np.datetime64:
    """수정일: 폐쇄된 곳은 2019년의 폐쇄일, 일부는 등록 뒤 한 번 고친 날, 나머지는 등록일."""
    if retired:
        return _weekday(np.datetime64("2019-03-01") + np.timedelta64(int(gen.integers(0, 220)), "D"))
    span = int((np.datetime64("2020-12-28") - registered).astype(int))
    if span > 30 and gen.random() < MODIFIED_SHARE:
        return _weekday(registered + np.timedelta64(int(gen.integers(30, span)), "D"))
    return registered


@lru_cache(maxsize=2)
def build_stations(seed: int) -> pd.DataFrame:
    """2020-12-31 기준 대여소 표 (파일의 열 + 모형용 열 emd_code, kind, complex_id, retired, x, y)."""
    city = build_city(seed)
    gen = rng("bike-stations", seed)
    sites = _candidate_sites(city, gen)
    registered = registration_dates(sites, gen)
    lonlat = _lonlat(sites)
    wanted = np.array([s.emd_code for s in sites])
    if not (locate(city.boundaries, lonlat[:, 0], lonlat[:, 1]) == wanted).all():
        raise RuntimeError("대여소가 자기 읍면동 도식 다각형 밖에 있습니다.")
    if registered.max() > np.datetime64("2020-12-31"):
        raise RuntimeError("2020-12-31 뒤에 등록된 대여소가 있습니다.")
    df = pd.DataFrame({
        "emd_code": wanted, "kind": [s.kind for s in sites],
        "complex_id": [s.complex_id for s in sites], "retired": [s.retired for s in sites],
        "landmark": [s.landmark for s in sites], "lon": lonlat[:, 0], "lat": lonlat[:, 1],
        "registered": registered, "ri": _nearest_ri(city, lonlat)})
    df = df.sort_values(["registered", "emd_code", "landmark"], kind="mergesort").reset_index(drop=True)
    df = _file_columns(df, city, gen)
    if not df["name"].is_unique:
        raise RuntimeError("대여소 이름이 겹칩니다.")
    return df


def _file_columns(df: pd.DataFrame, city: City, gen) -> pd.DataFrame:
    """번호·아이디·이름·주소·권역·지오펜스·수정일과 투영 좌표 (x, y) 를 붙임."""
    info = city.emd.set_index("emd_code")
    df["emd_name"] = df["emd_code"].map(info["emd_name"])
    df["station_no"] = np.arange(1, len(df) + 1)
    df["station_id"] = [f"SJ_{i:05d}" for i in df["station_no"]]
    df["name"] = df["emd_name"] + "_" + df["landmark"]
    df["in_use"] = np.where(df["retired"], "N", "Y")
    where = list(zip(df["emd_code"], df["emd_name"], df["ri"]))
    df["dong"] = [_dong_label(c, n, r) for c, n, r in where]
    df["address"] = [_address(gen, c, n, r) for c, n, r in where]
    df["zone"] = df["emd_code"].map(info["lifezone"])
    df["geofence"] = [_geofence(gen, k) for k in df["kind"]]
    days = df["registered"].to_numpy().astype("datetime64[D]")
    df["modified"] = np.array([_modified(gen, r, x) for r, x in zip(days, df["retired"])],
                              dtype="datetime64[D]")
    xy = _xy(df["lon"], df["lat"])
    df["x"], df["y"] = xy[:, 0], xy[:, 1]
    return df


def _dong_label(code: str, name: str, ri: str) -> str:
    """주소(동): 동은 행정동 이름, 조치원읍은 '조치원읍 <리>', 연기면은 '연기면 세종리'."""
    if code == JOCHIWON:
        return f"{name} {ri}"
    if code == YEONGI:
        return f"{name} 세종리"
    return name


def stations_in_use(stations: pd.DataFrame, day: str) -> pd.DataFrame:
    """그날 사용 중인 대여소 (등록일 ≤ day 이고 폐쇄되지 않음; 이 파일의 폐쇄는 모두 2019년)."""
    return stations[(stations["registered"] <= np.datetime64(day)) & ~stations["retired"]]


# ---------------------------------------------------------------------------
# 3. 수요와 대여 기록 (demand model and trip records)
# ---------------------------------------------------------------------------
# 달마다 대여 건수 목표. 사실 파일 §2 의 합계를 정확히 나눈 것: 1~6월 526,187, 1~10월 1,029,243,
# 한 해 약 1,220,000 (그래서 7~10월 503,056, 11~12월 190,757). 달 사이 나눔(계절·코로나19·장마)은 가정.
MONTH_TARGETS = (45_000, 50_000, 82_000, 102_000, 120_000, 127_187,
                 118_000, 112_000, 131_000, 142_056, 118_000, 72_757)
# 대여소 기본 수요의 두 성분 (하루 대여 건수의 상대 크기; 달마다 MONTH_TARGETS 로 다시 맞춤).
# 출퇴근·일상(commute) 성분과 여가(leisure) 성분. 가정값.
COMMUTE_TERMS = {"base": 0.6, "per_1000_residents": 0.25, "brt_200m": 4.0, "gov_500m": 8.0,
                 "commercial_300m": 1.5, "university_400m": 3.0, "rail_300m": 2.0,
                 "city_hall_300m": 1.5}
LEISURE_TERMS = {"base": 0.4, "per_1000_residents": 0.15, "brt_200m": 0.8, "commercial_300m": 2.0,
                 "lake_500m": 25.0, "park_site": 1.5, "university_400m": 1.0}
RESIDENT_RADIUS_M = 500.0
STATION_EFFECT_SHAPE = 2.5      # 대여소 고유 효과 ~ 감마(모양 2.5, 평균 1): 과산포의 원천
STATION_DAY_SHAPE = 6.0         # 대여소·날 효과 ~ 감마(모양 6, 평균 1)
CITY_DAY_SHAPE = 40.0           # 시 전체 날 효과 ~ 감마(모양 40, 평균 1) (행사·미세먼지 등 모형 밖 요인)
# 시간대 모양 (0~23시, 평균이 1 이 되게 나눔). 평일 출퇴근 성분은 07~09시와 18~21시에 봉우리.
COMMUTE_WEEKDAY = (0.5, 0.25, 0.12, 0.08, 0.1, 0.4, 1.4, 5.0, 5.8, 2.0, 0.9, 0.8,
                   1.1, 1.0, 0.8, 0.9, 1.3, 2.4, 5.0, 4.4, 2.8, 1.6, 1.0, 0.7)
COMMUTE_WEEKEND = (0.7, 0.4, 0.2, 0.1, 0.1, 0.2, 0.5, 0.9, 1.2, 1.4, 1.5, 1.6,
                   1.7, 1.6, 1.5, 1.5, 1.6, 1.7, 1.9, 1.8, 1.5, 1.2, 0.9, 0.7)
LEISURE_WEEKDAY = (0.6, 0.35, 0.2, 0.1, 0.1, 0.2, 0.5, 0.8, 0.9, 1.0, 1.2, 1.3,
                   1.5, 1.5, 1.5, 1.6, 1.7, 1.8, 2.0, 2.4, 2.4, 2.0, 1.4, 0.9)
LEISURE_WEEKEND = (0.7, 0.4, 0.25, 0.12, 0.1, 0.15, 0.3, 0.5, 0.8, 1.2, 1.6, 1.9,
                   2.1, 2.2, 2.3, 2.4, 2.4, 2.3, 2.2, 2.1, 1.8, 1.4, 1.0, 0.8)
# 요일 배율 (평일, 토요일, 일요일·공휴일)
COMMUTE_DAY = (1.0, 0.55, 0.45)
LEISURE_DAY = (0.85, 1.6, 1.7)
# 날씨 효과 (곱하는 배율). 비: 1 mm 이상 0.33, 0.1~1 mm 0.62, "0"(0.1 mm 미만) 0.85,
# 1 mm 넘게 온 다음 시각(젖은 길) 0.8. 기온: 20 °C 에서 가장 큰 종 모양 exp(−½((T−20)/14)²).
# 바람: 3 m/s 넘는 1 m/s 마다 exp(−0.12).
RAIN_HEAVY, RAIN_LIGHT, RAIN_TRACE, WET_ROAD = 0.33, 0.62, 0.85, 0.8
TEMP_BEST, TEMP_SCALE = 20.0, 14.0
WIND_FREE, WIND_SLOPE = 3.0, 0.12
# 도착 대여소: 중력 모형 P(j|i) ∝ 끌림_j × exp(−d/β) × (1 − exp(−d/250)), 자기 자신 제외.
GRAVITY_BETA_M = 760.0
SHORT_HOP_M = 250.0
# 시간대별 끌림 섞기 (일터 쪽, 집 쪽, 여가 쪽): 평일 아침 06~09시, 평일 저녁 17~20시, 그 밖
REGIMES = {"am": (0.7, 0.2, 0.1), "pm": (0.2, 0.65, 0.15), "other": (0.35, 0.35, 0.3)}
# 제자리 반납(왕복) 확률: 호수공원 0.35, 공원·수목원 0.18, 그 밖 0.04 (주말·공휴일에는 1.5배)
ROUND_TRIP = {"lake": 0.35, "park": 0.18, "arboretum": 0.18}
ROUND_TRIP_OTHER = 0.04
ROUND_TRIP_MEAN_M = {"lake": 4_000.0, "other": 2_500.0}
DETOUR = 1.3                    # 도로 거리 ≈ 1.3 × 직선거리 × 로그정규(0, 0.15)
SPEED_KMH = (10.5, 1.8)         # 평균, 표준편차 (왕복은 9.0, 1.5)
DWELL_MIN = (3.0, 0.25, 18.0)   # 멈춤: 지수(평균 3분) + 25 % 는 지수(평균 18분)를 더함
FLEET = ((0, 2_000), (305, 3_000))   # 2020년 1월 1일 2,000대 → 11월 1일 3,000대 (사실 파일 §2: 11월 3,000대)
SAMPLE_SHARE = 0.10


def _normalised(profile: tuple[float, ...]) -> np.ndarray:
    p = np.asarray(profile, float)
    return p / p.mean()


def _within(points: np.ndarray, targets: np.ndarray, radius: float) -> np.ndarray:
    """점마다 targets 가운데 하나라도 radius m 안에 있으면 1.0."""
    if len(targets) == 0:
        return np.zeros(len(points))
    return (_distances(points, targets).min(1) <= radius).astype(float)


def station_features(city: City, stations: pd.DataFrame) -> pd.DataFrame:
    """대여소마다 수요 설명 변수 (0/1 표시와 2020년 달별 500 m 안 아파트 거주 인구)."""
    pl = city.places
    xy = stations[["x", "y"]].to_numpy()

    def place(mask, radius):
        sel = pl[mask]
        return _within(xy, _xy(sel["lon"], sel["lat"]), radius)

    feats = pd.DataFrame({
        "brt_200m": place(pl["category"] == "brt_stop", 200.0),
        "gov_500m": place(pl["name"] == GOV_NAME, 500.0),
        "commercial_300m": place(pl["category"] == "commercial_center", 300.0),
        "university_400m": place(pl["category"] == "university", 400.0),
        "rail_300m": place(pl["category"] == "rail_station", 300.0),
        "city_hall_300m": place(pl["category"] == "city_hall", 300.0),
        "lake_500m": place(pl["name"] == LAKE_NAME, 500.0),
        "park_site": stations["kind"].isin(["park", "arboretum"]).astype(float).to_numpy(),
    }, index=stations.index)
    months = [f"{YEAR}-{m:02d}" for m in range(1, 13)]
    pop = complex_population(city.complexes, months)
    near = _distances(xy, _xy(city.complexes["lon"], city.complexes["lat"])) <= RESIDENT_RADIUS_M
    residents = near.astype(float) @ pop
    for m in range(12):
        feats[f"residents_{m + 1:02d}"] = residents[:, m]
    return feats


def _component(feats: pd.DataFrame, terms: dict[str, float], month: int) -> np.ndarray:
    """기본 수요 성분 하나 (그 달의 거주 인구 반영)."""
    out = np.full(len(feats), terms["base"])
    for name, coef in terms.items():
        if name == "per_1000_residents":
            out = out + coef * feats[f"residents_{month + 1:02d}"].to_numpy() / 1000
        elif name != "base":
            out = out + coef * feats[name].to_numpy()
    return out


def weather_factor(w: Weather) -> np.ndarray:
    """시각마다 날씨 배율 (비, 젖은 길, 기온, 바람)."""
    p = np.nan_to_num(w.precip, nan=-1.0)
    rain = np.select([p >= 1.0, p > 0.0, p == 0.0], [RAIN_HEAVY, RAIN_LIGHT, RAIN_TRACE], 1.0)
    wet = np.concatenate([[False], p[:-1] >= 1.0]) & (p < 0)
    temp = np.exp(-0.5 * ((w.temp - TEMP_BEST) / TEMP_SCALE) ** 2)
    wind = np.exp(-WIND_SLOPE * np.maximum(w.wind - WIND_FREE, 0.0))
    return rain * np.where(wet, WET_ROAD, 1.0) * temp * wind


def _time_profiles() -> tuple[np.ndarray, np.ndarray]:
    """시각마다 (출퇴근, 여가) 성분의 시간대 × 요일 배율."""
    kind = day_types()[DAY_OF_YEAR]
    h = HOUR_OF_DAY
    weekend = kind > 0
    commute = np.where(weekend, _normalised(COMMUTE_WEEKEND)[h], _normalised(COMMUTE_WEEKDAY)[h])
    leisure = np.where(weekend, _normalised(LEISURE_WEEKEND)[h], _normalised(LEISURE_WEEKDAY)[h])
    return commute * np.asarray(COMMUTE_DAY)[kind] / 24, leisure * np.asarray(LEISURE_DAY)[kind] / 24


@dataclass(frozen=True)
class Demand:
    """대여소 × 시각 기대 대여 건수를 만드는 재료 (보정 배율 포함)."""

    counts: np.ndarray          # (대여소, 시각) 모의 대여 건수, int32
    expected: np.ndarray        # (달,) 달마다 기대 합계 (= MONTH_TARGETS)
    month_scale: np.ndarray     # (달,) 보정 배율
    station_effect: np.ndarray  # (대여소,) 감마 효과


def simulate_counts(city: City, stations: pd.DataFrame, weather: Weather, gen) -> Demand:
    """대여소·시각마다 대여 건수 ~ 포아송(λ), λ 는 기본 수요 × 시간 × 날씨 × 감마 효과 × 달 보정."""
    feats = station_features(city, stations)
    n = len(stations)
    kappa = gen.gamma(STATION_EFFECT_SHAPE, 1 / STATION_EFFECT_SHAPE, n)
    station_day = gen.gamma(STATION_DAY_SHAPE, 1 / STATION_DAY_SHAPE, (n, 366))
    city_day = gen.gamma(CITY_DAY_SHAPE, 1 / CITY_DAY_SHAPE, 366)
    active_from = ((stations["registered"].to_numpy().astype("datetime64[D]") - DAYS[0]).astype(int))
    active_from = np.where(stations["retired"].to_numpy(), 10_000, active_from)
    commute_t, leisure_t = _time_profiles()
    time_factor = weather_factor(weather) * city_day[DAY_OF_YEAR]
    counts = np.zeros((n, N_HOURS), np.int32)
    scales = np.zeros(12)
    for m in range(12):
        cols = np.flatnonzero(MONTH_OF_HOUR == m)
        c, l_ = _component(feats, COMMUTE_TERMS, m), _component(feats, LEISURE_TERMS, m)
        lam = (c[:, None] * commute_t[cols] + l_[:, None] * leisure_t[cols]) * time_factor[cols]
        lam *= kappa[:, None] * station_day[:, DAY_OF_YEAR[cols]]
        lam *= DAY_OF_YEAR[cols][None, :] >= active_from[:, None]
        scales[m] = MONTH_TARGETS[m] / lam.sum()
        counts[:, cols] = gen.poisson(lam * scales[m])
    return Demand(counts, np.asarray(MONTH_TARGETS, float), scales, kappa)


def _attraction(city: City, stations: pd.DataFrame, kappa: np.ndarray) -> dict[str, np.ndarray]:
    """시간대별 도착 끌림 (합 1): 일터·집·여가 끌림을 REGIMES 비율로 섞고 √(대여소 효과)를 곱함."""
    feats = station_features(city, stations)
    residents = feats[[f"residents_{m:02d}" for m in range(1, 13)]].to_numpy().mean(1)
    work = sum(COMMUTE_TERMS[k] * feats[k].to_numpy() for k in COMMUTE_TERMS
               if k not in ("base", "per_1000_residents")) + COMMUTE_TERMS["base"]
    home = COMMUTE_TERMS["base"] + COMMUTE_TERMS["per_1000_residents"] * residents / 1000
    leisure = _component(feats.assign(residents_01=residents), LEISURE_TERMS, 0)
    parts = [v / v.sum() for v in (work, home, leisure)]
    out = {}
    for name, weights in REGIMES.items():
        mix = sum(w * p for w, p in zip(weights, parts)) * np.sqrt(kappa)
        out[name] = mix / mix.sum()
    return out


def _regime_of(hour: np.ndarray, day_kind: np.ndarray) -> np.ndarray:
    """대여 시각의 시간대 구분: 0 평일 아침, 1 평일 저녁, 2 그 밖."""
    weekday = day_kind == 0
    am = weekday & (hour >= 6) & (hour <= 9)
    pm = weekday & (hour >= 17) & (hour <= 20)
    return np.where(am, 0, np.where(pm, 1, 2))


def _choose_rows(cum: np.ndarray, rows: np.ndarray, u: np.ndarray) -> np.ndarray:
    """행마다 누적확률(마지막 값 1)에서 u 로 열 하나 고르기 (행 번호를 더한 한 줄 검색)."""
    n = cum.shape[1]
    flat = (cum + np.arange(cum.shape[0])[:, None]).ravel()
    idx = np.searchsorted(flat, rows + u * (1 - 1e-12), side="right")
    return np.minimum(idx - rows * n, n - 1)


def choose_destinations(stations, attraction, start, day, regime, gen) -> np.ndarray:
    """대여마다 도착 대여소 (중력 모형; 그날 사용 중인 대여소 가운데서, 자기 자신 제외)."""
    xy = stations[["x", "y"]].to_numpy()
    d = _distances(xy, xy)
    decay = np.exp(-d / GRAVITY_BETA_M) * (1 - np.exp(-d / SHORT_HOP_M))
    active_from = (stations["registered"].to_numpy().astype("datetime64[D]") - DAYS[0]).astype(int)
    active_from = np.where(stations["retired"].to_numpy(), 10_000, active_from)
    changes = np.unique(np.clip(active_from, 0, 366))
    epoch = np.searchsorted(changes, day, side="right") - 1
    u = gen.random(len(start))
    end = np.empty(len(start), np.int64)
    names = list(REGIMES)
    for e in np.unique(epoch):
        live = active_from <= changes[e]
        for r in range(3):
            sel = np.flatnonzero((epoch == e) & (regime == r))
            if len(sel):
                w = decay * (attraction[names[r]] * live)[None, :]
                cum = np.cumsum(w, axis=1)
                cum /= np.where(cum[:, -1:] > 0, cum[:, -1:], 1.0)
                end[sel] = _choose_rows(cum, start[sel], u[sel])
    return end


def _round_trip_prob(stations: pd.DataFrame, day_kind: np.ndarray, start: np.ndarray) -> np.ndarray:
    """대여마다 제자리 반납 확률."""
    base = stations["kind"].map(ROUND_TRIP).fillna(ROUND_TRIP_OTHER).to_numpy()
    return np.minimum(base[start] * np.where(day_kind > 0, 1.5, 1.0), 0.6)


def _trip_distance(stations, start, end, round_trip, gen) -> np.ndarray:
    """주행거리 (m): 편도는 1.3 × 직선거리 × 잡음, 왕복은 감마 분포의 여가 거리."""
    xy = stations[["x", "y"]].to_numpy()
    straight = np.hypot(*(xy[start] - xy[end]).T)
    one_way = DETOUR * straight * np.exp(gen.normal(0, 0.15, len(start)))
    lake = stations["kind"].to_numpy()[start] == "lake"
    mean = np.where(lake, ROUND_TRIP_MEAN_M["lake"], ROUND_TRIP_MEAN_M["other"])
    loop = np.maximum(gen.gamma(2.0, mean / 2.0), 300.0)
    return np.round(np.where(round_trip, loop, np.maximum(one_way, 120.0))).astype(np.int64)


def _trip_seconds(distance: np.ndarray, round_trip: np.ndarray, gen) -> np.ndarray:
    """대여 시간 (초): 거리 / 속도 + 멈춘 시간. 60초 이상."""
    n = len(distance)
    speed = np.where(round_trip, gen.normal(9.0, 1.5, n), gen.normal(*SPEED_KMH, n))
    speed = np.clip(speed, 5.0, 20.0)
    mean_dwell, long_share, long_mean = DWELL_MIN
    dwell = gen.exponential(mean_dwell, n) + (gen.random(n) < long_share) * gen.exponential(long_mean, n)
    return np.maximum(np.round(distance / (speed / 3.6) + 60 * dwell), 60).astype(np.int64)


def _bike_ids(day: np.ndarray, gen) -> np.ndarray:
    """자전거 번호: 그날 운행 중인 대수(2,000 → 3,000대) 안에서 고름."""
    (d0, n0), (d1, n1) = FLEET
    fleet = np.round(np.interp(day, [d0, d1], [n0, n1])).astype(np.int64)
    return 1 + (gen.random(len(day)) * fleet).astype(np.int64)


@dataclass(frozen=True)
class Trips:
    """한 해 전체 모의 대여 기록 (시작 시각, 시작 대여소 순으로 정렬)과 표본 표시."""

    table: pd.DataFrame         # bike, start_s, start, end_s, end, distance, minutes, round_trip
    in_sample: np.ndarray       # 10 % 표본에 들어간 행
    demand: Demand


@lru_cache(maxsize=1)
def simulate_trips(seed: int, replica: int = 0) -> Trips:
    """2020년 한 해의 모의 대여 기록 전체 (메모리 안에서; 표본은 독립 균등난수 < 0.10 인 행).

    ``replica`` 가 0 이면 책의 대여 기록 그대로입니다. 1, 2, … 는 같은 도시·대여소·날씨·모형에서 대여
    기록의 난수만 새로 뽑은 판(같은 2020년 달력의 또 다른 실현)입니다 (9장 부록의 N배 자료).
    """
    city = build_city(seed)
    stations = build_stations(seed)
    gen = rng("bike-trips" if replica == 0 else f"bike-trips-replica-{replica}", seed)
    demand = simulate_counts(city, stations, build_weather(seed), gen)
    station, hour = np.nonzero(demand.counts)
    reps = demand.counts[station, hour]
    start, hour = np.repeat(station, reps), np.repeat(hour, reps)
    start_s = hour * 3600 + gen.integers(0, 3600, len(hour))
    day = hour // 24
    kind = day_types()[day]
    regime = _regime_of(hour % 24, kind)
    end = choose_destinations(stations, _attraction(city, stations, demand.station_effect),
                              start, day, regime, gen)
    round_trip = gen.random(len(start)) < _round_trip_prob(stations, kind, start)
    end = np.where(round_trip, start, end)
    distance = _trip_distance(stations, start, end, round_trip, gen)
    seconds = _trip_seconds(distance, round_trip, gen)
    table = pd.DataFrame({
        "bike": _bike_ids(day, gen), "start_s": start_s, "start": start, "end_s": start_s + seconds,
        "end": end, "distance": distance,
        "minutes": np.maximum(np.round(seconds / 60), 1).astype(np.int64), "round_trip": round_trip})
    table = table.sort_values(["start_s", "start"], kind="mergesort").reset_index(drop=True)
    in_sample = rng("bike-sample", seed).random(len(table)) < SAMPLE_SHARE
    return Trips(table, in_sample, demand)


# ---------------------------------------------------------------------------
# 4. 파일 쓰기 (writers)
# ---------------------------------------------------------------------------
STATION_HEADER = ["대여소 번호", "대여소 아이디", "대여소 이름", "사용유무", "주소(구)", "주소(동)", "상세주소",
                  "위도", "경도", "권역", "지오펜스 거리", "등록일", "수정일"]
TRIP_HEADER = ["자전거번호", "시작대여일자", "시작대여소", "종료대여일자", "종료대여소", "주행거리", "주행시간"]
ASOS_HEADER = ["지점", "지점명", "일시", "기온(°C)", "강수량(mm)", "풍속(m/s)", "습도(%)"]
STATIONS_FILE = "eoulling_stations.csv"
SAMPLE_FILE = "eoulling_trips_2020_sample.csv"
FULL_FILE = "eoulling_trips_2020_full.csv"
ASOS_FILE = "asos_hourly_sejong_2020.csv"


def _write_plain_csv(path: Path, header: list[str], rows, encoding: str = "cp949") -> None:
    """필요한 칸만 따옴표로 감싸는 CSV (줄바꿈 LF)."""
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def station_rows(stations: pd.DataFrame) -> list[list[str]]:
    """대여소 파일의 행. 실제 파일처럼 '위도' 칸에 경도, '경도' 칸에 위도를 씁니다."""
    rows = []
    for r in stations.itertuples():
        rows.append([str(r.station_no), r.station_id, r.name, r.in_use, facts.CITY_NAME, r.dong,
                     r.address, f"{r.lon:.6f}", f"{r.lat:.6f}", r.zone, str(r.geofence),
                     str(r.registered)[:10], str(r.modified)[:10]])
    return rows


def write_stations(city: City, out: Path) -> None:
    """모의 어울링 대여소 현황 (CP949)."""
    _write_plain_csv(out / STATIONS_FILE, STATION_HEADER, station_rows(build_stations(city.seed)))


def _timestamps(seconds: np.ndarray) -> pd.Series:
    """2020-01-01 00:00:00 부터의 초 → "YYYY-MM-DD HH:MM:SS"."""
    text = np.datetime_as_string(np.datetime64("2020-01-01T00:00:00") + seconds.astype("timedelta64[s]"))
    return pd.Series(text).str.replace("T", " ", regex=False)


def trip_frame(table: pd.DataFrame, station_ids: np.ndarray) -> pd.DataFrame:
    """대여 기록 표 → 파일의 열 (한국어 머리글 TRIP_HEADER 순서)."""
    values = [
        pd.Series(table["bike"].to_numpy()).map("SJB-{:05d}".format),
        _timestamps(table["start_s"].to_numpy()),
        station_ids[table["start"].to_numpy()],
        _timestamps(table["end_s"].to_numpy()),
        station_ids[table["end"].to_numpy()],
        table["distance"].to_numpy(),
        table["minutes"].to_numpy(),
    ]
    return pd.DataFrame(dict(zip(TRIP_HEADER, values)))


def _write_trips(city: City, path: Path, sample: bool) -> None:
    trips = simulate_trips(city.seed)
    table = trips.table[trips.in_sample] if sample else trips.table
    ids = build_stations(city.seed)["station_id"].to_numpy()
    trip_frame(table.reset_index(drop=True), ids).to_csv(
        path, index=False, encoding="cp949", lineterminator="\n")


def write_trip_sample(city: City, out: Path) -> None:
    """모의 어울링 이용 현황 2020, 10 % 표본 (CP949)."""
    _write_trips(city, out / SAMPLE_FILE, sample=True)


def write_trip_full(city: City, out: Path) -> None:
    """모의 어울링 이용 현황 2020, 한 해 전체 (CP949, 약 100 MB; 선택 자료)."""
    _write_trips(city, out / FULL_FILE, sample=False)


def kma_number(value: float) -> str:
    """기상청 내려받기의 수 모양: 7.0 → "7", 0.8 → ".8", −0.6 → "-.6", 0 → "0"."""
    text = f"{value:.1f}"
    if text in ("0.0", "-0.0"):
        return "0"
    if text.endswith(".0"):
        text = text[:-2]
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


def asos_rows(w: Weather) -> list[list[str]]:
    """ASOS 파일의 행: 비가 없던 시각의 강수량과 결측 칸은 빈 칸."""
    cols = {
        "기온(°C)": [kma_number(v) for v in w.temp],
        "강수량(mm)": ["" if np.isnan(v) else kma_number(v) for v in w.precip],
        "풍속(m/s)": [kma_number(v) for v in w.wind],
        "습도(%)": [str(int(v)) for v in w.humidity],
    }
    for col, hours in w.missing.items():
        for h in hours:
            cols[col][h] = ""
    stamps = np.datetime_as_string(HOURS, unit="m")
    return [[str(STATION_ID), STATION_NAME, str(t).replace("T", " "), *vals]
            for t, *vals in zip(stamps, *cols.values())]


def write_asos(city: City, out: Path) -> None:
    """모의 ASOS 시간 자료, 239 세종, 2020년 (CP949)."""
    _write_plain_csv(out / ASOS_FILE, ASOS_HEADER, asos_rows(build_weather(city.seed)))


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("asos_hourly_sejong_2020", ASOS_FILE, write_asos),
    ("eoulling_stations", STATIONS_FILE, write_stations),
    ("eoulling_trips_2020_sample", SAMPLE_FILE, write_trip_sample),
)
# 기본 실행에는 빠지고 이름을 대야만 만드는 자료 (MANIFEST 에도 넣지 않음).
OPTIONAL_DATASETS = (
    ("eoulling_trips_full", FULL_FILE, write_trip_full),
)
