"""주택시장 자료 — 6장 「세종시 주택시장 특성 분석」.

실제 내려받기 모양의 모의 자료:

- molit_apt_trades_YYYY.csv (2017~2023, 해마다 한 파일)  국토교통부 실거래가 공개시스템 아파트(매매)
- molit_apt_rents_YYYY.csv  (2017~2023)                  같은 시스템의 아파트(전월세)
- land_price_individual_2017_2023.csv                     국가공간정보포털 개별공시지가 정보 (단지 필지)
- building_register_title.csv                             건축물대장 표제부 (단지의 동마다 한 줄)

가격은 기반층 단지(:func:`base.build_city`)와 상가 기반층(:func:`stores.build_stores`)에서 만든 설명 변수로
정한 **헤도닉(hedonic) 구조** 를 따릅니다 (계수는 ``HEDONIC`` 과 ``LIFEZONE_EFFECT``; 데이터 카드에 같은 표)::

    log(거래금액) = 상수 + 시간지수(달) + Σ 계수 × 설명변수 + 생활권 효과 + 동 효과 + 단지 효과 + 잡음

시간지수는 사실 파일 §4 의 경로(2020년 +44.93 %, 7월 +6.53 %, 8월 +9.20 %, 2021년 −0.78 %, 2017-01 → 2021-01
KB 3.3㎡ 평균 979만 → 2,002만)를 따르고, 2022~2023년 하락 폭은 가정입니다. 상권 밀도(반경 500 m 점포 수)는
정부세종청사에 가까울수록 커서, 청사 거리를 빼고 회귀하면 상권 효과가 부풀려집니다 (교재의 교란 변수).
대문자 상수 가운데 ``city`` 모듈(실제 사실)에서 오지 않은 값은 교재용 가정입니다.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from pyproj import Transformer

from .. import city as facts
from .base import City, build_city, month_index, month_label, rng, write_quoted_csv
from .stores import build_stores

YEARS = tuple(range(2017, 2024))
FIRST, LAST = "2017-01", "2023-12"
TRADE_MONTHS = tuple(month_label(i) for i in range(month_index(FIRST), month_index(LAST) + 1))
CRS = "EPSG:5179"                  # 교재가 거리를 재는 좌표계 (UTM-K, m)
STORE_RADIUS_M = 500.0
LAKE_VIEW_M = 1_500.0              # 가정: 세종호수공원 1 km 안이면 '호수 조망' 단지 (1.5 km)

# 헤도닉 계수 (log 거래금액에 더하는 값; 가정). 데이터 카드의 표와 같습니다.
HEDONIC: dict[str, float] = {
    "log_area": 0.92,              # 전용면적 1 % ↑ → 가격 0.92 % ↑
    "floor": 0.006,                # 한 층 ↑ → +0.6 %
    "age": -0.012,                 # 한 해 더 오래됨 → −1.2 %
    "dist_brt_km": -0.060,         # 가장 가까운 BRT 정류장에서 1 km 멀어질 때 −6 %
    "dist_gov_km": -0.030,         # 정부세종청사에서 1 km 멀어질 때 −3 %
    "lake_view": 0.070,            # 호수공원 1.5 km 안 +7 %
    "log_stores_500m": 0.020,      # log(1 + 반경 500 m 점포 수) 1 ↑ → +2 %
}
LIFEZONE_EFFECT: dict[str, float] = {   # 1생활권 기준 (가정)
    "1생활권": 0.0, "2생활권": 0.04, "3생활권": -0.02, "4생활권": -0.06, "6생활권": -0.04, "읍면지역": -0.30,
}
EMD_SD = 0.05                      # 동 효과 (모형에 없는 공간 요인: 잔차의 공간 자기상관을 만듦)
COMPLEX_SD = 0.025                 # 단지 효과 (브랜드·관리 상태)
NOISE_SD = 0.06                    # 거래마다의 잡음
MIGRATION_TILT = 0.8               # 2020년 동 인구 증가율 1 %p ↑ → 그해 가격 상승 0.8 %p 더 (가정)

# 시간지수: 2017-01 = 0 (log). 앞 3년은 연말 기준점 사이를 고르게, 2020~2023 은 달마다 (log 변화).
YEAR_END_LEVEL = {2017: 1.22, 2018: 1.36, 2019: 2002 / 979 / 1.01 / 1.4493}   # 2019-12 는 2021-01 목표에서 거꾸로
M2020 = [0.020, 0.025, 0.015, 0.005, 0.010, 0.040, math.log(1.0653), math.log(1.0920), 0.030, 0.025, 0.030]
M2021_FIRST = [math.log(1.01), 0.010, 0.009, 0.007, 0.005, 0.003, -0.002, -0.004, -0.006, -0.008]
DEC_2021 = math.log(1 - 0.0210)
YEAR_2020, YEAR_2021 = math.log(1.4493), math.log(1 - 0.0078)
YEAR_2022, YEAR_2023 = math.log(0.83), math.log(0.98)    # 가정 (사실 파일에 없음)

# 전세 시간지수 (log; 2017-01 = 0): 2017~2019 입주 물량으로 약세(가정), 2020 +60.60 % (사실), 뒤는 가정.
JEONSE_YEAR = {2017: math.log(0.97), 2018: math.log(0.96), 2019: math.log(0.99), 2020: math.log(1.6060),
               2021: math.log(1.03), 2022: math.log(0.80), 2023: math.log(0.98)}
JEONSE_RATIO_2017 = 0.60           # 가정: 2017-01 전세가율 (전세 보증금 / 매매가)
JEONSE_NOISE_SD = 0.07
MONTHLY_CONVERSION = 0.045         # 가정: 전월세 전환율 연 4.5 %

TRADES_PER_MONTH = 190             # 가정: 기본 거래량 (실제 세종 거래량의 약 절반 규모 표본)
VOLUME = {2017: 1.0, 2018: 0.8, 2019: 0.9, 2020: 1.5, 2021: 0.8, 2022: 0.35, 2023: 0.6}
RENTS_PER_MONTH = 130
JEONSE_SHARE = {2017: 0.72, 2018: 0.72, 2019: 0.70, 2020: 0.66, 2021: 0.62, 2022: 0.55, 2023: 0.55}
CANCEL_RATE = {2017: 0.02, 2018: 0.02, 2019: 0.025, 2020: 0.05, 2021: 0.07, 2022: 0.04, 2023: 0.04}
CANCEL_PREMIUM = 0.06              # 가정: 해제된 거래의 신고가는 평균 +6 % ('신고가 띄우기')
DIRECT_SHARE = {2021: 0.10, 2022: 0.18, 2023: 0.12}      # 가정: 직거래 비율 (거래유형 열이 있는 해)

# 공시지가: 연도별 현실화율 (가정; 국토교통부가 밝힌 표준지 현실화율 수준을 흉내), 토지 비중, 동별 평가 편차
REALIZATION = {2017: 0.620, 2018: 0.626, 2019: 0.648, 2020: 0.655, 2021: 0.686, 2022: 0.714, 2023: 0.655}
LAND_SHARE = 0.60                  # 가정: 아파트 값 가운데 땅값 비중
ASSESS_SD = 0.06                   # 가정: 동마다 평가 수준의 편차 (log)
LAND_PER_HOUSEHOLD = {"동": 42.0, "읍": 55.0, "면": 70.0}   # 가정: 세대당 대지지분 (㎡)
UNITS_PER_BUILDING = 90            # 가정: 동(棟) 하나의 평균 세대수

CALIBRATION = {"median_2021_07_10k": 67_841, "kb_2017_01_per_pyeong_supply": 979,
               "kb_2021_01_per_pyeong_supply": 2_002}
PYEONG_M2 = 400 / 121             # 1평 = 3.3058 ㎡
SUPPLY_RATIO = 1.33                # 가정: 공급면적 / 전용면적 (KB 3.3㎡ 시세는 공급면적 기준)

TRADE_OLD = ["시군구", "번지", "본번", "부번", "단지명", "전용면적(㎡)", "계약년월", "계약일", "거래금액(만원)", "층",
             "건축년도", "도로명", "해제사유발생일"]
TRADE_MID = TRADE_OLD + ["거래유형", "중개사소재지"]
TRADE_NEW = ["NO", "시군구", "번지", "본번", "부번", "단지명", "전용면적(㎡)", "계약년월", "계약일", "거래금액(만원)",
             "동", "층", "매수자", "매도자", "건축년도", "도로명", "해제사유발생일", "거래유형", "중개사소재지", "등기일자"]
RENT_OLD = ["시군구", "번지", "본번", "부번", "단지명", "전월세구분", "전용면적(㎡)", "계약년월", "계약일", "보증금(만원)",
            "월세금(만원)", "층", "건축년도", "도로명"]
RENT_MID = RENT_OLD + ["계약기간", "계약구분", "갱신요구권 사용", "종전계약 보증금(만원)", "종전계약 월세(만원)"]
RENT_NEW = ["NO"] + RENT_MID + ["주택유형"]
LAND_COLUMNS = ["고유번호", "법정동코드", "법정동명", "특수지구분코드", "특수지구분명", "지번", "기준연도", "기준월",
                "공시지가", "공시일자", "표준지여부", "데이터기준일자"]
TITLE_COLUMNS = ["관리_건축물대장_PK", "대장_구분_코드_명", "대장_종류_코드_명", "대지_위치", "도로명_대지_위치", "건물_명",
                 "시군구_코드", "법정동_코드", "번", "지", "동_명", "주_부속_구분_코드_명", "대지_면적(㎡)", "건축_면적(㎡)",
                 "건폐_율(%)", "연면적(㎡)", "용적_률(%)", "주_용도_코드", "주_용도_코드_명", "기타_용도", "세대_수(세대)",
                 "지상_층_수", "지하_층_수", "사용승인_일", "생성_일자"]


def trade_layout(year: int) -> list[str]:
    """그 해 파일의 열 (실제 시스템의 판 변경을 흉내: 2021년부터 거래유형·중개사소재지, 2023년부터 NO·동·매수자…)."""
    return TRADE_OLD if year <= 2020 else TRADE_MID if year <= 2022 else TRADE_NEW


def rent_layout(year: int) -> list[str]:
    return RENT_OLD if year <= 2020 else RENT_MID if year <= 2022 else RENT_NEW


# ---------------------------------------------------------------------------
# 시간지수
# ---------------------------------------------------------------------------
def price_index() -> pd.Series:
    """달마다 log 가격지수 (2017-01 = 0). 2020~2023 달별 변화는 위 상수, 2017~2019 는 연말 기준점 사이 직선."""
    steps = []
    prev = 0.0
    for year in (2017, 2018, 2019):
        target = math.log(YEAR_END_LEVEL[year])
        n = 11 if year == 2017 else 12
        steps += [(target - prev) / n] * n
        prev = target
    steps += M2020 + [YEAR_2020 - sum(M2020)]
    steps += M2021_FIRST + [YEAR_2021 - sum(M2021_FIRST) - DEC_2021, DEC_2021]
    w22 = np.array([0.4, 0.5, 0.7, 0.8, 1.0, 1.2, 1.4, 1.4, 1.3, 1.2, 1.1, 0.9])
    steps += list(YEAR_2022 * w22 / w22.sum())
    steps += [YEAR_2023 / 12] * 12
    level = np.concatenate([[0.0], np.cumsum(steps)])
    return pd.Series(level, index=list(TRADE_MONTHS), name="log_index")


def jeonse_index() -> pd.Series:
    """전세 log 지수 (2017-01 = 0). 2020년은 임대차 3법(2020-07-31) 뒤로 무게를 실음 (가정)."""
    steps = []
    for year in YEARS:
        weights = np.ones(12) if year != 2020 else np.array([.4, .4, .4, .4, .5, .6, 1.0, 2.0, 2.0, 1.8, 1.5, 1.2])
        steps += list(JEONSE_YEAR[year] * weights / weights.sum())
    level = np.concatenate([[0.0], np.cumsum(steps[1:])])
    return pd.Series(level, index=list(TRADE_MONTHS), name="log_jeonse_index")


# ---------------------------------------------------------------------------
# 단지의 설명 변수
# ---------------------------------------------------------------------------
_TO_5179 = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)


def _xy(lon, lat) -> np.ndarray:
    x, y = _TO_5179.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.column_stack([x, y])


def _nearest_km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    d = np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2))
    return d.min(axis=1) / 1000


def _legal_name(emd_type: str, emd_name: str, village: str) -> str:
    return emd_name if emd_type == "동" else f"{emd_name} {village}"


@lru_cache(maxsize=2)
def complex_features(seed: int) -> pd.DataFrame:
    """단지마다 설명 변수·주소·효과 (complex_id 순). 교재의 공간 결합이 다시 계산하는 값과 같은 정의입니다."""
    city = build_city(seed)
    gen = rng("housing-complexes", seed)
    cx = city.complexes.copy().reset_index(drop=True)
    emd = city.emd.set_index("emd_code")
    places = city.places
    xy = _xy(cx["lon"], cx["lat"])
    brt = places[places["category"] == "brt_stop"]
    gov = places[places["category"] == "government"]
    lake = places[places["category"] == "park"]
    cx["dist_brt_km"] = _nearest_km(xy, _xy(brt["lon"], brt["lat"]))
    cx["dist_gov_km"] = _nearest_km(xy, _xy(gov["lon"], gov["lat"]))
    cx["lake_view"] = (_nearest_km(xy, _xy(lake["lon"], lake["lat"])) * 1000 <= LAKE_VIEW_M).astype(int)
    stores = build_stores(seed)
    sxy = _xy(stores["lon"], stores["lat"])
    counts = np.zeros(len(cx), dtype=int)
    for i in range(len(cx)):
        counts[i] = int((((sxy - xy[i]) ** 2).sum(axis=1) <= STORE_RADIUS_M ** 2).sum())
    cx["stores_500m"] = counts
    cx["emd_name"] = cx["emd_code"].map(emd["emd_name"])
    cx["emd_type"] = cx["emd_code"].map(emd["emd_type"])
    cx["lifezone"] = cx["emd_code"].map(emd["lifezone"])
    cx["legal_dong"] = [_legal_name(t, n, v) for t, n, v in zip(cx["emd_type"], cx["emd_name"], cx["village"])]
    cx["build_year"] = cx["completion_ym"].str[:4].astype(int)
    # 주소: 번지 (신도시 3자리, 읍면 2~3자리), 도로명
    bon = gen.choice(900, len(cx), replace=False) + 100      # 번지는 시 전체에서 겹치지 않음
    cx["bonbeon"] = [f"{b:04d}" for b in bon]
    cx["jibun"] = [str(b) for b in bon]
    cx["road_name"] = [f"{n[:2]}{int(k) % 20 + 1}로 {int(m)}" for n, k, m in
                       zip(cx["emd_name"], gen.integers(1, 40, len(cx)), gen.integers(10, 300, len(cx)))]
    # 면적 구성 (단지마다 정해진 전용면적 세 가지)
    cx["area_small"] = np.round(gen.uniform(49.0, 60.0, len(cx)), 2)
    cx["area_mid"] = np.round(gen.uniform(74.0, 84.99, len(cx)), 2)
    cx["area_large"] = np.round(gen.uniform(99.0, 140.0, len(cx)), 2)
    # 효과
    codes = sorted(emd.index)
    emd_eff = dict(zip(codes, gen.normal(0, EMD_SD, len(codes))))
    cx["emd_effect"] = cx["emd_code"].map(emd_eff)
    cx["complex_effect"] = gen.normal(0, COMPLEX_SD, len(cx))
    assess = dict(zip(codes, gen.normal(0, ASSESS_SD, len(codes))))
    cx["assess_effect"] = cx["emd_code"].map(assess)
    pop = city.population.pivot(index="month", columns="emd_code", values="population")
    growth = (pop.loc["2020-12"] / pop.loc["2019-12"].where(pop.loc["2019-12"] > 0) - 1).fillna(0.0)
    tilt = MIGRATION_TILT * (growth - growth.median()).clip(-0.15, 0.15)
    cx["tilt_2020"] = cx["emd_code"].map(tilt)
    land = cx["emd_type"].map(LAND_PER_HOUSEHOLD) * gen.uniform(0.85, 1.15, len(cx))
    cx["land_area_m2"] = np.round(land * cx["households"], 1)
    return cx


def structural(cx: pd.DataFrame) -> np.ndarray:
    """단지 수준 헤도닉 부분 (면적·층·나이 빼고): 위치 계수 + 생활권 + 동 + 단지 효과."""
    h = HEDONIC
    return (h["dist_brt_km"] * cx["dist_brt_km"] + h["dist_gov_km"] * cx["dist_gov_km"]
            + h["lake_view"] * cx["lake_view"] + h["log_stores_500m"] * np.log1p(cx["stores_500m"])
            + cx["lifezone"].map(LIFEZONE_EFFECT) + cx["emd_effect"] + cx["complex_effect"]).to_numpy()


def _tilt(month: str) -> float:
    """2020년 동별 상승 가중 (그해 달이 지날수록 쌓이고, 뒤로는 그대로)."""
    y, m = int(month[:4]), int(month[5:])
    return 0.0 if y < 2020 else (m / 12 if y == 2020 else 1.0)


# ---------------------------------------------------------------------------
# 거래 만들기
# ---------------------------------------------------------------------------
def _draw_units(gen, cx: pd.DataFrame, month: str, n: int) -> pd.DataFrame:
    t = month_index(month)
    open_ = np.array([month_index(m) < t for m in cx["completion_ym"]])
    w = cx["households"].to_numpy() * open_
    pick = gen.choice(len(cx), size=n, p=w / w.sum())
    sub = cx.iloc[pick].reset_index(drop=True)
    u = gen.random(n)
    small, mid = sub["share_small"].to_numpy(), sub["share_mid"].to_numpy()
    size = np.where(u < small, "area_small", np.where(u < small + mid, "area_mid", "area_large"))
    area = np.array([sub.at[i, s] for i, s in enumerate(size)])
    floors = sub["floors_max"].to_numpy()
    floor = np.floor(gen.random(n) * floors).astype(int) + 1
    days = pd.Period(month).days_in_month
    return pd.DataFrame({"cx": pick, "area_m2": area, "floor": floor,
                         "day": gen.integers(1, days + 1, n), "month": month})


@lru_cache(maxsize=2)
def build_trades(seed: int) -> pd.DataFrame:
    """매매 거래 전체 (모형 열 포함). 상수항은 2021-07 중위 거래가가 6억 7,841만 원이 되게 맞춥니다."""
    cx = complex_features(seed)
    gen = rng("housing-trades", seed)
    index = price_index()
    parts = []
    for month in TRADE_MONTHS:
        y = int(month[:4])
        parts.append(_draw_units(gen, cx, month, int(gen.poisson(TRADES_PER_MONTH * VOLUME[y]))))
    tr = pd.concat(parts, ignore_index=True)
    c = cx.iloc[tr["cx"]].reset_index(drop=True)
    year = tr["month"].str[:4].astype(int)
    h = HEDONIC
    age = (year - c["build_year"]).clip(lower=0)
    tr["age"] = age
    tr["log_core"] = (h["log_area"] * np.log(tr["area_m2"] / 84) + h["floor"] * tr["floor"] + h["age"] * age
                      + structural(c) + tr["month"].map(index).to_numpy()
                      + c["tilt_2020"].to_numpy() * tr["month"].map(_tilt).to_numpy())
    tr["noise"] = gen.normal(0, NOISE_SD, len(tr))
    tr["cancelled"] = gen.random(len(tr)) < year.map(CANCEL_RATE).to_numpy()
    tr["direct"] = gen.random(len(tr)) < year.map(DIRECT_SHARE).fillna(0).to_numpy()
    base = tr["log_core"] + tr["noise"]
    july = (tr["month"] == "2021-07") & ~tr["cancelled"]
    const = math.log(CALIBRATION["median_2021_07_10k"]) - float(np.median(base[july]))
    tr["log_price"] = base + const + CANCEL_PREMIUM * tr["cancelled"]
    tr["price_10k_won"] = (np.exp(tr["log_price"]) / 50).round().astype(int) * 50
    tr["const"] = const
    for col in ["complex_name", "legal_dong", "jibun", "bonbeon", "road_name", "build_year", "emd_code"]:
        tr[col] = c[col].to_numpy()
    tr["cancel_after_days"] = gen.integers(20, 120, len(tr))
    tr["building_dong"] = [f"{101 + int(k)}" for k in gen.integers(0, 12, len(tr))]
    tr["buyer"] = np.where(gen.random(len(tr)) < 0.93, "개인", "법인")
    tr["seller"] = np.where(gen.random(len(tr)) < 0.95, "개인", "법인")
    tr["registered"] = gen.random(len(tr)) < 0.8
    tr["reg_after_days"] = gen.integers(30, 90, len(tr))
    tr = tr.sort_values(["month", "day", "complex_name", "area_m2", "floor"], kind="mergesort").reset_index(drop=True)
    return tr


@lru_cache(maxsize=2)
def build_rents(seed: int) -> pd.DataFrame:
    """전월세 계약 전체. 전세 보증금 = 전세가율(2017-01) × 같은 집의 모형 매매가 × exp(전세지수 − 매매지수)."""
    cx = complex_features(seed)
    trades = build_trades(seed)
    const = float(trades["const"].iloc[0])
    gen = rng("housing-rents", seed)
    index, jindex = price_index(), jeonse_index()
    parts = []
    for month in TRADE_MONTHS:
        parts.append(_draw_units(gen, cx, month, int(gen.poisson(RENTS_PER_MONTH))))
    rt = pd.concat(parts, ignore_index=True)
    c = cx.iloc[rt["cx"]].reset_index(drop=True)
    year = rt["month"].str[:4].astype(int)
    h = HEDONIC
    age = (year - c["build_year"]).clip(lower=0)
    log_value = (const + h["log_area"] * np.log(rt["area_m2"] / 84) + h["floor"] * rt["floor"] + h["age"] * age
                 + structural(c) + rt["month"].map(jindex).to_numpy())
    jeonse = np.exp(log_value + math.log(JEONSE_RATIO_2017) + gen.normal(0, JEONSE_NOISE_SD, len(rt)))
    is_jeonse = gen.random(len(rt)) < year.map(JEONSE_SHARE).to_numpy()
    share = gen.uniform(0.05, 0.35, len(rt))
    deposit = np.where(is_jeonse, jeonse, jeonse * share)
    rt["rent_type"] = np.where(is_jeonse, "전세", "월세")
    rt["deposit_10k_won"] = (deposit / 100).round().astype(int) * 100
    rt.loc[~is_jeonse, "deposit_10k_won"] = np.maximum((deposit[~is_jeonse] / 10).round().astype(int) * 10, 300)
    monthly = np.where(is_jeonse, 0, (jeonse - rt["deposit_10k_won"]) * MONTHLY_CONVERSION / 12)
    rt["monthly_rent_10k_won"] = np.maximum(np.round(monthly).astype(int), np.where(is_jeonse, 0, 20))
    rt["renewal"] = gen.random(len(rt)) < 0.3
    for col in ["complex_name", "legal_dong", "jibun", "bonbeon", "road_name", "build_year"]:
        rt[col] = c[col].to_numpy()
    rt = rt.sort_values(["month", "day", "complex_name", "area_m2", "floor"], kind="mergesort").reset_index(drop=True)
    return rt


# ---------------------------------------------------------------------------
# 파일 쓰기
# ---------------------------------------------------------------------------
NOTICES = [
    "□ 본 서비스에서 제공하는 정보는 법적인 효력이 없으므로 참고용으로만 활용하시기 바랍니다.",
    "□ 신고정보가 실시간 변경, 해제되어 제공시점에 따라 공개건수 및 내용이 상이할 수 있는 점 참고하시기 바랍니다.",
    "□ 본 자료는 계약일 기준입니다. (※ 7월 계약, 8월 신고건 → 7월 거래건으로  제공)",
    "□ 통계자료 활용시에는 수치가 왜곡될 수 있으니 참고자료로만 활용하시기  바라며,  외부 공개시에는 반드시 신고일 기준으로 "
    "집계되는 공식통계를 이용하여 주시기 바랍니다.",
    "",
    "* 국토교통부 실거래가 공개시스템의 궁금하신 점이나 문의사항은 콜센터 1588-0149로 연락 주시기 바랍니다.",
]
NEW_NOTICES = [
    "□ 해제여부 및 해제사유발생일은 거래 신고 후 해제된 건에 한하여 제공됩니다.",
    "□ 등기일자는 거래 신고 후 소유권이전 등기가 완료된 건에 한하여 제공됩니다.",
]


def _preamble(year: int, kind: str) -> list[str]:
    lines = NOTICES + (NEW_NOTICES if year >= 2023 else [])
    return lines + ["□ 검색조건", f"계약일자 : {year}0101 ~ {year}1231", f"실거래구분 : {kind}", "주소구분 : 지번주소",
                    f"시도 : {facts.CITY_NAME}", "시군구 : 전체", "읍면동 : 전체", "면적 : 전체", "금액선택 : 전체"]


def _write_molit(path: Path, preamble: list[str], header: list[str], rows: list[list[str]]) -> None:
    lines = [f'"{p}"' for p in preamble]
    body = [",".join(f'"{v}"' for v in header)] + [",".join(f'"{v}"' for v in r) for r in rows]
    path.write_bytes(("\n".join(lines + body) + "\n").encode("cp949"))


def _date(month: str, day: int, plus_days: int = 0) -> pd.Timestamp:
    return pd.Timestamp(f"{month}-{day:02d}") + pd.Timedelta(days=plus_days)


def trade_rows(tr: pd.DataFrame, year: int) -> tuple[list[str], list[list[str]]]:
    cols = trade_layout(year)
    sub = tr[tr["month"].str.startswith(str(year))]
    rows = []
    for no, r in enumerate(sub.itertuples(index=False), start=1):
        cancel = ""
        if r.cancelled:
            d = _date(r.month, r.day, r.cancel_after_days)
            cancel = d.strftime("%y.%m.%d") if year >= 2023 else d.strftime("%Y%m%d")
        reg = "-"
        if r.registered and not r.cancelled:
            reg = _date(r.month, r.day, r.reg_after_days).strftime("%y.%m.%d")
        values = {
            "NO": str(no), "시군구": f"{facts.CITY_NAME} {r.legal_dong}", "번지": r.jibun, "본번": r.bonbeon,
            "부번": "0000", "단지명": r.complex_name, "전용면적(㎡)": f"{r.area_m2:.2f}".rstrip("0").rstrip("."),
            "계약년월": r.month.replace("-", ""), "계약일": str(r.day), "거래금액(만원)": f"{r.price_10k_won:,}",
            "동": r.building_dong, "층": str(r.floor), "매수자": r.buyer, "매도자": r.seller,
            "건축년도": str(r.build_year), "도로명": r.road_name, "해제사유발생일": cancel,
            "거래유형": "직거래" if r.direct else "중개거래",
            "중개사소재지": "-" if r.direct else "세종 세종시", "등기일자": reg,
        }
        rows.append([values[c] for c in cols])
    return cols, rows


def rent_rows(rt: pd.DataFrame, year: int) -> tuple[list[str], list[list[str]]]:
    cols = rent_layout(year)
    sub = rt[rt["month"].str.startswith(str(year))]
    rows = []
    for no, r in enumerate(sub.itertuples(index=False), start=1):
        start = _date(r.month, r.day, 30)
        end = start + pd.DateOffset(years=2)
        renewal = bool(r.renewal) and year >= 2021
        values = {
            "NO": str(no), "시군구": f"{facts.CITY_NAME} {r.legal_dong}", "번지": r.jibun, "본번": r.bonbeon,
            "부번": "0000", "단지명": r.complex_name, "전월세구분": r.rent_type,
            "전용면적(㎡)": f"{r.area_m2:.2f}".rstrip("0").rstrip("."), "계약년월": r.month.replace("-", ""),
            "계약일": str(r.day), "보증금(만원)": f"{r.deposit_10k_won:,}", "월세금(만원)": f"{r.monthly_rent_10k_won:,}",
            "층": str(r.floor), "건축년도": str(r.build_year), "도로명": r.road_name,
            "계약기간": f"{start:%Y%m}~{end:%Y%m}", "계약구분": "갱신" if renewal else "신규",
            "갱신요구권 사용": "사용" if renewal else "",
            "종전계약 보증금(만원)": f"{int(r.deposit_10k_won * 0.95):,}" if renewal else "",
            "종전계약 월세(만원)": f"{int(r.monthly_rent_10k_won):,}" if renewal else "", "주택유형": "아파트",
        }
        rows.append([values[c] for c in cols])
    return cols, rows


def _trade_writer(year: int):
    def write(city: City, out: Path) -> None:
        cols, rows = trade_rows(build_trades(city.seed), year)
        _write_molit(out / f"molit_apt_trades_{year}.csv", _preamble(year, "아파트(매매)"), cols, rows)
    return write


def _rent_writer(year: int):
    def write(city: City, out: Path) -> None:
        cols, rows = rent_rows(build_rents(city.seed), year)
        _write_molit(out / f"molit_apt_rents_{year}.csv", _preamble(year, "아파트(전월세)"), cols, rows)
    return write


def _legal_code(cx: pd.DataFrame) -> list[str]:
    """모의 법정동코드 (상가 기반층과 같은 규칙: 신도시 동은 LEGAL_NEWTOWN 순서, 읍면의 리는 이름순)."""
    from .stores import _legal_codes
    legal = cx["legal_dong"].str.split(" ").str[-1]
    return _legal_codes(cx["emd_code"], legal)


def land_price_table(seed: int) -> pd.DataFrame:
    """개별공시지가 (단지 필지 × 해). 공시지가 = 현실화율 × 토지 비중 × (전년 12월 모형 시세의 땅 ㎡당 값) × 동 편차."""
    cx = complex_features(seed)
    trades = build_trades(seed)
    const = float(trades["const"].iloc[0])
    index = price_index()
    h = HEDONIC
    codes = _legal_code(cx)
    rows = []
    for year in YEARS:
        ref = "2017-01" if year == 2017 else f"{year - 1}-12"
        age = (year - 1 - cx["build_year"]).clip(lower=0)
        unit = np.exp(const + h["age"] * age + h["floor"] * cx["floors_max"] / 2 + structural(cx) + index[ref]
                      + cx["tilt_2020"] * _tilt(ref)) * 10_000           # 84㎡ 한 채 값 (원)
        per_m2 = REALIZATION[year] * LAND_SHARE * unit * cx["households"] / cx["land_area_m2"]
        per_m2 = per_m2 * np.exp(cx["assess_effect"])
        price = (per_m2 / 1000).round().astype(int) * 1000
        for i in range(len(cx)):
            rows.append([f"{codes[i]}1{cx.at[i, 'bonbeon']}0000", codes[i], f"{facts.CITY_NAME} {cx.at[i, 'legal_dong']}",
                         "1", "일반", cx.at[i, "jibun"], str(year), "01", str(int(price[i])), f"{year}0531",
                         "N", f"{year}0601"])
    return pd.DataFrame(rows, columns=LAND_COLUMNS)


def title_table(seed: int) -> pd.DataFrame:
    """건축물대장 표제부: 단지의 동(棟)마다 한 줄과 관리동 한 줄. 대지_면적은 동마다 단지 전체 값을 되풀이합니다."""
    cx = complex_features(seed)
    gen = rng("housing-titles", seed)
    codes = _legal_code(cx)
    rows, pk = [], 1_000_000
    for i, r in cx.iterrows():
        n = max(1, int(round(r["households"] / UNITS_PER_BUILDING)))
        units = np.full(n, r["households"] // n)
        units[: r["households"] - units.sum()] += 1
        floors = np.minimum(r["floors_max"], np.maximum(3, r["floors_max"] - gen.integers(0, 6, n)))
        approval = f"{r['completion_ym'].replace('-', '')}{int(gen.integers(1, 28)):02d}"
        address = f"{facts.CITY_NAME} {r['legal_dong']} {r['jibun']}번지"
        road = f"{facts.CITY_NAME} {r['road_name']}"
        site = float(r["land_area_m2"])
        for k in range(n + 1):
            main = k < n
            gfa = float(units[k]) * 112.0 if main else 850.0
            footprint = gfa / (floors[k] if main else 2)
            pk += 1
            rows.append([
                f"{36110}-{pk}", "일반", "표제부", address, road, r["complex_name"], "36110", codes[i][5:],
                r["bonbeon"], "0000", f"{101 + k}동" if main else "관리동", "주건축물" if main else "부속건축물",
                f"{site:.1f}", f"{footprint:.2f}", "", f"{gfa:.2f}", "",
                "02000" if main else "03000", "공동주택" if main else "제1종근린생활시설", "아파트" if main else "관리사무소",
                str(int(units[k])) if main else "0", str(int(floors[k])) if main else "2", "2" if main else "1",
                approval, "20240315"])
    return pd.DataFrame(rows, columns=TITLE_COLUMNS)


def write_land(city: City, out: Path) -> None:
    t = land_price_table(city.seed)
    write_quoted_csv(out / LAND_FILE, list(t.columns), t.values.tolist())


def write_titles(city: City, out: Path) -> None:
    t = title_table(city.seed)
    with open(out / TITLE_FILE, "w", encoding="cp949", newline="") as fh:
        fh.write(",".join(t.columns) + "\n")
        for row in t.values.tolist():
            fh.write(",".join(row) + "\n")


LAND_FILE = "land_price_individual_2017_2023.csv"
TITLE_FILE = "building_register_title.csv"

DATASETS = tuple(
    [(f"molit_apt_trades_{y}", f"molit_apt_trades_{y}.csv", _trade_writer(y)) for y in YEARS]
    + [(f"molit_apt_rents_{y}", f"molit_apt_rents_{y}.csv", _rent_writer(y)) for y in YEARS]
    + [("land_price_individual", LAND_FILE, write_land), ("building_register_title", TITLE_FILE, write_titles)]
)
