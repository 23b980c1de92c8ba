"""여민전(세종 지역화폐) 자료 5종 — 5장 「지역화폐 여민전 교차분석」.

- yeominjeon_merchants.csv         가맹점 등록부: 상가(상권)정보의 점포 14,387곳 모두(가맹 여부·가맹일·규모)와
                                   2024년 6월 전에 문을 닫아 상가 목록에 없는 옛 가맹점 (이 책이 정한 형식)
- yeominjeon_policy_monthly.csv    정책 달력 (달마다 캐시백률, 월·연 구매 한도, 발행액, 판매 마감, 가입자 수)
- yeominjeon_cardholders.csv       연말 가입자 수 (연도 × 거주 생활권 × 연령대 × 성별)
- yeominjeon_spending_daily.csv    일별 결제 (2020-03-03 ~ 2024-12-31, 업종 × 가맹점 규모)
- yeominjeon_spending_2021.csv     2021년 분기별 교차표 (가맹점 읍면동 × 업종 × 연령대 × 성별 × 거주 생활권)

두 결제 파일은 시가 공개하는 집계처럼 결제 5건 미만인 칸을 ``X`` 로 가리고(비공개, 지우지 않음), 결제금액은
천 원 단위로 반올림합니다. 자세한 크기 계산은 데이터 카드에 있습니다: 다섯 차원을 모두 가진 일별 표는 수백만
행이라 이 장의 자료 예산(8 MB)에 들지 않으므로, 일별 표는 업종 × 규모로, 교차표는 2021년 분기별로 나눴습니다.

한 모의 세계에서 나옵니다: 공통 도시(:func:`base.build_city`)의 인구와 상가 기반층(:func:`stores.build_stores`)
→ 가맹점 등록부 → 일별 수요(가입자 증가, 계절, 요일, 월초 충전, 보수 지급일, 설·추석, **정책 효과**, AR(1) 잡음)
→ 2021년의 분기·업종 합계를 읍면동 × 연령 × 성별 × 거주지로 나눔 (거리·가맹점 수·연령별 성향).

**들어 있는 정책 효과** (장의 단절 시계열 추정과 견주는 참값; 데이터 카드에도 적음):
2023-01-01 캐시백 10 % → 7 % 에 일별 결제액 로그 −0.13 (−12.2 %, 즉시·영구, 기울기 변화 없음),
그 직전 2022-12-12 ~ 12-31 에 로그 +0.06 (앞당긴 소비), 2024-01-01 (7 % → 5 %, 월 한도 50만 → 30만 원)
에 로그 −0.20 더, 2024년 9월(추석 달 7 %) 로그 +0.05, 2024-11-05 판매 마감 뒤 잔액 소진.

모든 가정값(대문자 상수)은 교재용으로 정한 값이며, 실제 사실에서 온 것은 옆에 출처(사실 파일 §6 또는 보도)를
적었습니다.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import calendar
from ..geo import haversine_m
from ..readers.yeominjeon import AGE_BANDS, HOME_ZONES, SECTORS, SEXES, SIZE_CLASSES, SUPPRESS_BELOW
from .base import City, _round_to_total, ar1, build_city, rng
from .stores import build_stores

MERCHANTS_FILE = "yeominjeon_merchants.csv"
POLICY_FILE = "yeominjeon_policy_monthly.csv"
CARDHOLDERS_FILE = "yeominjeon_cardholders.csv"
DAILY_FILE = "yeominjeon_spending_daily.csv"
CROSSTAB_FILE = "yeominjeon_spending_2021.csv"
ENCODING = "cp949"                 # 시·KOSIS 내려받기처럼 CP949

LAUNCH = pd.Timestamp("2020-03-03")        # 출시일 (사실 파일 §6)
LAST_DAY = pd.Timestamp("2024-12-31")
DAYS = pd.date_range(LAUNCH, LAST_DAY, freq="D")
CROSSTAB_YEAR = 2021
STORES_AS_OF = pd.Timestamp("2024-06-30")  # 상가(상권)정보 기준일 (이 뒤의 개업·폐업은 없음)

# ---------------------------------------------------------------------------
# 분류 (여민전 업종 8개, 가맹점 규모, 연령대, 거주 생활권)
# ---------------------------------------------------------------------------
# 분류 이름은 리더와 한 곳에서 씁니다 (sejongdata/readers/yeominjeon.py):
# SECTORS 여민전 업종 8개, SIZE_CLASSES 가맹점 규모(신용카드 우대수수료 구간처럼 연 매출로: 영세 3억 원 이하,
# 중소 3억~30억, 일반 30억 초과), AGE_BANDS 연령대 (여민전은 만 14세 이상 발급: 보도, tjmbc 2020-03),
# SEXES, HOME_ZONES 거주 생활권 (5생활권에는 아직 주민이 사는 행정동이 따로 없음), SUPPRESS_BELOW 비공개 기준.


def sector_of(scls_code: str) -> str:
    """상권업종 소분류 코드 → 여민전 업종 (이 책의 8개 묶음)."""
    mcls = scls_code[:4]
    if scls_code in ("I21001", "I21008") or mcls == "I212":
        return "카페·제과"
    if scls_code[:2] == "I2":
        return "음식점"
    if mcls in ("G204", "G205"):
        return "식료품·마트"
    if mcls == "G214" or mcls == "S203" or mcls == "N109":
        return "주유·자동차"
    if scls_code[:2] == "Q1" or scls_code == "G21501":
        return "보건의료"
    if scls_code[:2] == "P1":
        return "교육"
    if scls_code[:2] == "G2":
        return "생활소매"
    return "생활서비스"


# 가맹 제외 (보도: 대규모 점포, 기업형 슈퍼마켓(SSM), 유흥·사행업소; kmib 2020-03-03, sejongmedia 2019-11-18)
EXCLUDED_SCLS: dict[str, str] = {"G20402": "대규모 점포", "I21101": "유흥업소", "R10404": "사행성 게임장"}
SSM_BRANDS = ("알뜰마트", "이웃슈퍼")   # 상가 기반층의 가상 체인 슈퍼 → 기업형 슈퍼마켓으로 봄 (가정)
NO_TERMINAL_SHARE = 0.015               # 가정: 카드 단말기가 없어 가맹점이 아닌 점포의 비율
# 가정: 가맹점 규모 확률 (영세, 중소, 일반). 소분류 코드 앞자리가 가장 길게 맞는 항목을 씀.
SIZE_PROBS: dict[str, tuple[float, float, float]] = {
    "": (0.74, 0.255, 0.005), "I2": (0.70, 0.29, 0.01), "I212": (0.82, 0.18, 0.0),
    "G20404": (0.30, 0.60, 0.10), "G20405": (0.30, 0.70, 0.0), "G205": (0.60, 0.39, 0.01),
    "G214": (0.05, 0.55, 0.40), "Q101": (0.0, 0.35, 0.65), "Q102": (0.15, 0.80, 0.05),
    "G21501": (0.30, 0.68, 0.02), "P1": (0.55, 0.44, 0.01), "I101": (0.10, 0.60, 0.30),
    "S203": (0.50, 0.48, 0.02), "L1": (0.90, 0.10, 0.0),
}
SIZE_WEIGHT = np.array([1.0, 4.0, 20.0])      # 가정: 가맹점 한 곳의 결제액 상대 크기 (영세, 중소, 일반)
SIZE_TICKET = np.array([0.9, 1.05, 1.3])      # 가정: 규모별 건당 금액 배율

# 옛 가맹점 (2024년 6월 상가 목록에 없는 곳): 출시일에 가맹점이 약 1만 2천 곳이었다는 보도(사실 파일 §6)에
# 맞도록 그 수를 정하고, 출시 뒤에 열었다 닫은 가맹점을 그 30 %만큼 더합니다 (가정).
MERCHANTS_AT_LAUNCH = 12_000
LATE_CLOSED_SHARE = 0.30
CHURN_WEIGHT = {"음식점": 1.5, "카페·제과": 1.6, "식료품·마트": 1.0, "생활소매": 1.2, "주유·자동차": 0.4,
                "보건의료": 0.4, "교육": 1.1, "생활서비스": 0.9}   # 가정: 업종별 폐업 성향

# ---------------------------------------------------------------------------
# 정책 달력 (사실 파일 §6 과 보도; 나머지는 가정)
# ---------------------------------------------------------------------------
# (시작일, 캐시백률 %, 월 구매 한도 만원, 연 구매 한도 만원)
REGIMES: tuple[tuple[str, int, int, int], ...] = (
    ("2020-03-03", 10, 50, 500),   # §6: 출시 10 % (3월 프로모션), 10 % 적립 2020년 12월까지, 월 50만·연 500만
    ("2021-01-01", 10, 50, 500),   # 가정 (2021년 인센티브 300억 원 ÷ 발행 약 3,000억 원 ≈ 10 %, 충청일보)
    ("2022-01-01", 10, 50, 500),   # 보도: 2022년 연말까지 10 % 유지 (대전MBC)
    ("2023-01-01", 7, 50, 500),    # 보도: 2024년 초 "기존 7 %에서 5 %로" (충청일보) → 2023년 7 %; 한도는 가정
    ("2024-01-01", 5, 30, 360),    # §6: 2024년 5~7 %, 월 30만 원 (연 한도는 가정)
    ("2024-09-01", 7, 30, 360),    # 가정: 추석 달 7 % ("5~7 %" 를 흉내)
    ("2024-10-01", 5, 30, 360),
)
# 2020년 발행액(억 원): 3~6월 300억(§6), 7월 150억 12시간 만에 매진(§6), 10월까지 1,000억 돌파(§6),
# 11~12월 추가 발행 계획 800억(§6) 가운데 750억이 팔렸다고 가정 (2021년 3,000억이 +71 % 가 되게).
ISSUE_2020: dict[str, int] = {"2020-03": 45, "2020-04": 60, "2020-05": 90, "2020-06": 105, "2020-07": 150,
                              "2020-08": 165, "2020-09": 180, "2020-10": 210, "2020-11": 370, "2020-12": 380}
SPEND_SHARE_2020 = 0.96          # 가정: 2020년에는 그달 충전액의 96 %를 그달에 씀 (판매가 공급에 묶임)
JULY_2020 = {"hours": 12, "buyers": 41_668, "mean_manwon": 35.9}   # §6 (ygnews)
# 가입자 수 기준점 (2020-07 64,837명 §6; 2021년 144,000명 +55 % §6 → 2020년 말 92,903명; 나머지 가정)
CARDHOLDER_ANCHORS: dict[str, int] = {
    "2020-03": 9_000, "2020-04": 24_000, "2020-05": 38_000, "2020-06": 52_000, "2020-07": 64_837,
    "2020-12": 92_903, "2021-12": 144_000, "2022-12": 163_000, "2023-12": 174_000, "2024-12": 181_000,
}
SELL_OUT = pd.Timestamp("2024-11-05")    # 보도(매일일보 2024-10-24): 11월 초 판매 마감 예상, 2025년 초 재개
SPEND_2021 = 3_000e8                     # §6: 2021년 발행 약 3,000억 원 → 2021년 결제액 합계를 여기에 맞춤

# ---------------------------------------------------------------------------
# 들어 있는 정책 효과 (참값) — 로그 결제액에 더해지는 값
# ---------------------------------------------------------------------------
EFFECT_2023 = -0.13                      # 2023-01-01 캐시백 10 % → 7 %
ANTICIPATION = (pd.Timestamp("2022-12-12"), pd.Timestamp("2022-12-31"), 0.06)
EFFECT_2024 = -0.20                      # 2024-01-01 캐시백 7 % → 5 %, 월 한도 50만 → 30만 원
PROMO_2024_09 = 0.05                     # 2024년 9월 (7 %)
RUN_DOWN_FLOOR, RUN_DOWN_DAYS = 0.30, 12.0   # 판매 마감 뒤: 잔액을 쓰며 결제가 줄어듦
GROWTH = float(np.log(1.10))             # 가정: 2021년 뒤 가입자·이용이 늘며 결제액이 해마다 10 % 늘어남

# ---------------------------------------------------------------------------
# 일별 수요 모양 (가정)
# ---------------------------------------------------------------------------
SECTOR_SHARE = np.array([0.29, 0.07, 0.21, 0.11, 0.07, 0.10, 0.09, 0.06])    # 2021년 결제액 비중
TICKET = np.array([27_000, 8_500, 21_000, 36_000, 52_000, 19_000, 165_000, 33_000])   # 건당 평균(원)
MONTH_EFFECT = np.array([-0.06, -0.08, 0.0, -0.01, 0.06, 0.0, 0.01, -0.02, 0.03, 0.01, -0.01, 0.05])
MONTH_SECTOR = {"교육": {3: 0.12, 8: -0.08, 12: 0.05}, "음식점": {12: 0.05, 1: -0.03},
                "주유·자동차": {8: 0.05, 1: 0.03}, "보건의료": {1: 0.05, 2: 0.04, 12: 0.04}}
# 요일 효과 (월 … 일)
DOW_EFFECT = {
    "음식점": (-0.08, -0.05, -0.03, 0.0, 0.12, 0.15, 0.02), "카페·제과": (-0.05, -0.04, -0.03, 0.0, 0.05, 0.15, 0.12),
    "식료품·마트": (-0.04, -0.06, -0.05, -0.03, 0.03, 0.10, 0.08), "생활소매": (-0.06, -0.05, -0.04, 0.0, 0.05, 0.15, 0.05),
    "주유·자동차": (0.0, 0.0, 0.0, 0.0, 0.05, 0.02, -0.15), "보건의료": (0.10, 0.05, 0.03, 0.03, 0.05, -0.30, -1.60),
    "교육": (0.05, 0.05, 0.05, 0.05, 0.05, -0.50, -1.50), "생활서비스": (-0.10, -0.02, 0.0, 0.0, 0.05, 0.12, -0.30),
}
FESTIVAL_BEFORE = {"식료품·마트": 0.35, "생활소매": 0.12, "카페·제과": 0.15, "주유·자동차": 0.08}
FESTIVAL_DAY = {"음식점": -0.45, "카페·제과": -0.30, "식료품·마트": -0.55, "생활소매": -0.50, "주유·자동차": 0.05,
                "보건의료": -1.50, "교육": -1.60, "생활서비스": -0.80}
OTHER_HOLIDAY = {"음식점": 0.08, "카페·제과": 0.12, "식료품·마트": 0.02, "생활소매": 0.05, "주유·자동차": -0.10,
                 "보건의료": -1.40, "교육": -1.40, "생활서비스": -0.30}
EARLY_MONTH, EARLY_DAYS = 0.08, 4.0      # 월초(한도가 새로 차는 1일 무렵)에 많이 씀
LATE_MONTH = -0.04                       # 26일 뒤
PAYDAY, PAYDAY_NEXT = 0.06, 0.03         # 공무원 보수 지급일(20일)과 그 다음 날
NOISE_RHO, NOISE_SD, SECTOR_SD = 0.5, 0.05, 0.05
TICKET_CV = 0.8                          # 건당 금액의 변동계수 (칸 합계의 잡음 = 0.8/√건수)

# ---------------------------------------------------------------------------
# 2021년 분기별 교차표: 누가(거주지·연령·성별) 어디서(가맹점 읍면동) 쓰나 (가정)
# ---------------------------------------------------------------------------
UPTAKE = np.array([0.22, 0.75, np.nan, 0.55, 0.16])   # 연령대별 가입 성향 (40대는 46 %가 되게 풂)
SHARE_40S_2021 = 0.46                                  # §6: 2021년 이용자의 46 %가 40대
TOWN_UPTAKE = {"동": 1.0, "읍": 0.75, "면": 0.45}      # 가정: 신도시 · 조치원 · 면의 가입 성향
SPEND_RATE_AGE = np.array([0.60, 0.95, 1.10, 1.00, 0.80])
SPEND_RATE_SEX = np.array([0.92, 1.08])
AGE_TICKET = np.array([0.80, 0.95, 1.08, 1.05, 0.95])
# 업종 × 연령대 성향 (29세 이하, 30대, 40대, 50대, 60세 이상)
SECTOR_AGE = {
    "음식점": (1.1, 1.0, 1.0, 1.0, 0.8), "카페·제과": (1.9, 1.3, 0.9, 0.8, 0.6),
    "식료품·마트": (0.6, 0.9, 1.0, 1.15, 1.3), "생활소매": (1.3, 1.1, 1.0, 0.9, 0.8),
    "주유·자동차": (0.6, 0.9, 1.1, 1.2, 1.0), "보건의료": (0.6, 0.9, 0.9, 1.2, 1.9),
    "교육": (0.3, 1.1, 1.7, 0.8, 0.1), "생활서비스": (1.4, 1.1, 0.9, 0.9, 1.0),
}
SECTOR_SEX = {"주유·자동차": (1.6, 0.6), "생활서비스": (0.8, 1.25), "식료품·마트": (0.85, 1.15),
              "카페·제과": (0.85, 1.15), "교육": (0.8, 1.2)}
# 업종별 이동 거리 척도(km): 클수록 멀리 가서 씀
LAMBDA_KM = {"음식점": 3.5, "카페·제과": 2.5, "식료품·마트": 1.6, "생활소매": 4.0, "주유·자동차": 4.5,
             "보건의료": 4.0, "교육": 2.2, "생활서비스": 2.5}
SELF_KM = {"동": 0.8, "읍": 1.5, "면": 2.5}        # 같은 읍면동 안의 평균 거리(km)
HOME_BONUS = 1.5
# 읍면동의 끌어당기는 힘 (업종별): 나성동 중심상업지역, 어진동 정부세종청사(점심·카페), 도담·아름·새롬 학원가,
# 나성·도담·조치원 병원가. 나머지 업종·읍면동은 1.
ATTRACT: dict[str, dict[str, float]] = {
    "음식점": {"3611051800": 1.35, "3611052300": 1.3},
    "카페·제과": {"3611052300": 1.8, "3611051800": 1.5},
    "생활소매": {"3611051800": 1.9, "3611052300": 1.2},
    "보건의료": {"3611051800": 2.0, "3611052000": 1.5, "3611025000": 1.4},
    "교육": {"3611053000": 1.7, "3611051500": 1.6, "3611052000": 1.3},
    "생활서비스": {"3611051800": 1.3},
}


# ---------------------------------------------------------------------------
# 1. 가맹점 등록부
# ---------------------------------------------------------------------------
def _size_probs(scls: str) -> tuple[float, float, float]:
    keys = [k for k in SIZE_PROBS if scls.startswith(k)]
    return SIZE_PROBS[max(keys, key=len)]


def _join_date(gen, opened_ym: str) -> pd.Timestamp:
    """가맹일: 출시 전에 연 점포는 출시일, 뒤에 연 점포는 그 달의 어느 날."""
    first = pd.Timestamp(f"{opened_ym}-01")
    if first <= LAUNCH:
        return LAUNCH
    return first + pd.Timedelta(days=int(gen.integers(0, 28)))


def _store_merchants(gen, stores: pd.DataFrame) -> pd.DataFrame:
    """상가 기반층의 점포마다 가맹 여부·가맹일·규모."""
    out = pd.DataFrame({"store_id": stores["store_id"].to_numpy(), "emd_code": stores["emd_code"].to_numpy(),
                        "scls_code": stores["scls_code"].to_numpy()})
    out["sector"] = [sector_of(c) for c in out["scls_code"]]
    reason = out["scls_code"].map(EXCLUDED_SCLS).fillna("")
    ssm = (out["scls_code"] == "G20404") & stores["name"].isin(SSM_BRANDS).to_numpy()
    reason = reason.where(~ssm, "기업형 슈퍼마켓")
    no_terminal = (gen.random(len(out)) < NO_TERMINAL_SHARE) & reason.eq("")
    out["note"] = reason.where(~no_terminal, "카드 단말기 없음")
    out["member"] = out["note"].eq("")
    out["joined"] = [_join_date(gen, ym) if m else pd.NaT for ym, m in zip(stores["opened_ym"], out["member"])]
    out["left"] = pd.NaT
    out["size"] = [SIZE_CLASSES[gen.choice(3, p=_size_probs(c))] for c in out["scls_code"]]
    return out


def _closed_merchants(gen, members: pd.DataFrame) -> pd.DataFrame:
    """2024년 6월 전에 문을 닫은 옛 가맹점 (상가업소번호 없음)."""
    at_launch = members[members["joined"] == LAUNCH]
    n_launch = MERCHANTS_AT_LAUNCH - len(at_launch)
    n_late = int(round(n_launch * LATE_CLOSED_SHARE))
    w = at_launch["sector"].map(CHURN_WEIGHT).to_numpy(float)
    pick = gen.choice(len(at_launch), size=n_launch + n_late, p=w / w.sum())
    out = at_launch.iloc[pick][["emd_code", "scls_code", "sector", "size"]].reset_index(drop=True)
    span = (STORES_AS_OF - LAUNCH).days
    joined, left = [], []
    for i in range(len(out)):
        if i < n_launch:
            start = LAUNCH
            end = LAUNCH + pd.Timedelta(days=int(gen.integers(1, span)))
        else:                                    # 출시 뒤에 열었다가 2024년 6월 전에 닫음
            start = LAUNCH + pd.Timedelta(days=int(gen.integers(30, span - 120)))
            life = int(gen.integers(90, 900))
            end = min(start + pd.Timedelta(days=life), STORES_AS_OF - pd.Timedelta(days=1))
        joined.append(start)
        left.append(end)
    out["joined"], out["left"] = joined, left
    out["store_id"] = ""
    out["member"] = True
    out["note"] = "폐업"
    return out


def build_merchants(seed: int) -> pd.DataFrame:
    """가맹점 등록부 (모형 열 이름). 가맹점번호는 가맹일·읍면동·업종 순으로 매김."""
    gen = rng("yeominjeon_merchants", seed)
    stores = build_stores(seed)
    current = _store_merchants(gen, stores)
    closed = _closed_merchants(gen, current[current["member"]])
    table = pd.concat([current, closed], ignore_index=True)
    member = table[table["member"]].sort_values(["joined", "emd_code", "scls_code", "store_id"],
                                                kind="mergesort")
    ids = {i: f"YM{n:07d}" for n, i in enumerate(member.index, start=1)}
    table["merchant_id"] = [ids.get(i, "") for i in table.index]
    table["_order"] = np.where(table["member"], 0, 1)
    table = table.sort_values(["_order", "merchant_id", "store_id"], kind="mergesort").drop(columns="_order")
    return table.reset_index(drop=True)[["merchant_id", "store_id", "emd_code", "scls_code", "sector", "size",
                                          "member", "joined", "left", "note"]]


def active_weights(merchants: pd.DataFrame, months: pd.PeriodIndex) -> np.ndarray:
    """달 × 읍면동(코드 순 24) × 업종(8) × 규모(3) 가맹점 결제 가중치 (그달 하루라도 영업한 가맹점)."""
    m = merchants[merchants["member"]]
    codes = sorted(merchants["emd_code"].unique())
    e = np.searchsorted(codes, m["emd_code"].to_numpy())
    k = m["sector"].map({s: i for i, s in enumerate(SECTORS)}).to_numpy()
    c = m["size"].map({s: i for i, s in enumerate(SIZE_CLASSES)}).to_numpy()
    w = SIZE_WEIGHT[c]
    joined = m["joined"].to_numpy(dtype="datetime64[D]")
    left = m["left"].fillna(pd.Timestamp("2099-12-31")).to_numpy(dtype="datetime64[D]")
    out = np.zeros((len(months), len(codes), len(SECTORS), len(SIZE_CLASSES)))
    for t, month in enumerate(months):
        start = np.datetime64(month.start_time.date(), "D")
        end = np.datetime64(month.end_time.date(), "D")
        alive = (joined <= end) & (left > start)
        np.add.at(out[t], (e[alive], k[alive], c[alive]), w[alive])
    return out


# ---------------------------------------------------------------------------
# 2. 정책 달력과 일별 수요
# ---------------------------------------------------------------------------
def regime_table() -> pd.DataFrame:
    """날마다 캐시백률·월 한도·연 한도."""
    starts = pd.to_datetime([r[0] for r in REGIMES])
    idx = np.searchsorted(starts.to_numpy(), DAYS.to_numpy(), side="right") - 1
    return pd.DataFrame({"date": DAYS, "cashback_pct": [REGIMES[i][1] for i in idx],
                         "limit_month_manwon": [REGIMES[i][2] for i in idx],
                         "limit_year_manwon": [REGIMES[i][3] for i in idx]})


def policy_effect(days: pd.DatetimeIndex = DAYS) -> np.ndarray:
    """날마다 로그 결제액에 더하는 정책 효과 (참값)."""
    d = pd.DatetimeIndex(days)
    out = np.zeros(len(d))
    start, end, bump = ANTICIPATION
    out[(d >= start) & (d <= end)] += bump
    out[d >= "2023-01-01"] += EFFECT_2023
    out[d >= "2024-01-01"] += EFFECT_2024
    out[(d >= "2024-09-01") & (d <= "2024-09-30")] += PROMO_2024_09
    after = d >= SELL_OUT
    gone = (d[after] - SELL_OUT).days.to_numpy(float)
    out[after] += np.log(RUN_DOWN_FLOOR + (1 - RUN_DOWN_FLOOR) * np.exp(-gone / RUN_DOWN_DAYS))
    return out


def day_shape(days: pd.DatetimeIndex = DAYS) -> np.ndarray:
    """날 × 업종 로그 모양: 달, 요일, 월초·월말, 보수 지급일, 설·추석과 그 앞, 다른 공휴일."""
    f = calendar.day_features(days)
    pay = f["payday"].to_numpy()
    pay_next = np.concatenate([[False], pay[:-1]])
    festival = f["festival"].to_numpy() != ""
    other = f["holiday"].to_numpy() & ~festival
    common = (MONTH_EFFECT[f["month"].to_numpy() - 1] + EARLY_MONTH * np.exp(-(f["day"].to_numpy() - 1) / EARLY_DAYS)
              + LATE_MONTH * (f["day"].to_numpy() >= 26) + PAYDAY * pay + PAYDAY_NEXT * pay_next)
    out = np.zeros((len(f), len(SECTORS)))
    for k, sector in enumerate(SECTORS):
        month_add = np.array([MONTH_SECTOR.get(sector, {}).get(m, 0.0) for m in range(1, 13)])
        x = common + month_add[f["month"].to_numpy() - 1] + np.asarray(DOW_EFFECT[sector])[f["dow"].to_numpy()]
        x = x + FESTIVAL_BEFORE.get(sector, 0.0) * f["pre_festival"].to_numpy()
        x = np.where(festival, x + FESTIVAL_DAY[sector], x)
        x = np.where(other, x + OTHER_HOLIDAY[sector], x)
        out[:, k] = x
    return out


def daily_amounts(gen, days: pd.DatetimeIndex = DAYS) -> np.ndarray:
    """날 × 업종 기대 결제액(원). 2020년은 달마다 충전액에 묶이고, 2021년부터는 수요(성장·정책)를 따름."""
    shape = day_shape(days)
    noise = ar1(gen, len(days), NOISE_RHO, NOISE_SD)[:, None] + gen.normal(0, SECTOR_SD, shape.shape)
    years = (days - pd.Timestamp("2021-01-01")).days.to_numpy(float) / 365.25
    log_a = np.log(SECTOR_SHARE)[None, :] + shape + noise + (GROWTH * years + policy_effect(days))[:, None]
    amount = np.exp(log_a)
    in_2021 = days.year == 2021
    amount *= SPEND_2021 / amount[in_2021].sum()
    month = days.strftime("%Y-%m")
    for ym, issued in ISSUE_2020.items():            # 2020년: 달 합계를 충전액 × 96 % 에 맞춤
        rows = month == ym
        amount[rows] *= SPEND_SHARE_2020 * issued * 1e8 / amount[rows].sum()
    return amount


def _cells(gen, amount: np.ndarray, ticket: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """기대 결제액 → (건수, 금액 원): 건수는 포아송, 금액은 건수 × 건당 금액 × 잡음."""
    count = gen.poisson(amount / ticket)
    sd = TICKET_CV / np.sqrt(np.maximum(count, 1))
    value = count * ticket * np.exp(gen.normal(0, 1, count.shape) * sd - sd ** 2 / 2)
    return count, np.where(count > 0, value, 0.0)


def build_daily(seed: int, merchants: pd.DataFrame) -> pd.DataFrame:
    """일별 참값 (날 × 업종 × 규모): date, sector, size, transactions, amount_won (가리기 전, 실수)."""
    gen = rng("yeominjeon_daily", seed)
    amount = daily_amounts(gen)
    months = pd.period_range(DAYS[0], DAYS[-1], freq="M")
    weights = active_weights(merchants, months).sum(axis=1)           # 달 × 업종 × 규모
    share = weights / weights.sum(axis=2, keepdims=True)
    t_month = np.searchsorted(months.to_timestamp().to_numpy(), DAYS.to_period("M").to_timestamp().to_numpy())
    split = amount[:, :, None] * share[t_month]
    ticket = TICKET[None, :, None] * SIZE_TICKET[None, None, :]
    count, value = _cells(gen, split, np.broadcast_to(ticket, split.shape))
    n_d, n_k, n_c = split.shape
    return pd.DataFrame({
        "date": np.repeat(DAYS.to_numpy(), n_k * n_c),
        "sector": np.tile(np.repeat(SECTORS, n_c), n_d),
        "size": np.tile(SIZE_CLASSES, n_d * n_k),
        "transactions": count.ravel(), "amount_won": value.ravel(),
    })


# ---------------------------------------------------------------------------
# 3. 가입자 (연말, 거주 생활권 × 연령대 × 성별)
# ---------------------------------------------------------------------------
def cardholder_months() -> pd.Series:
    """달마다 가입자 수 (기준점 사이는 직선 보간, 정수)."""
    months = pd.period_range(DAYS[0], DAYS[-1], freq="M")
    anchor = pd.Series(CARDHOLDER_ANCHORS)
    x = [months.get_loc(pd.Period(m, "M")) for m in anchor.index]
    values = np.interp(np.arange(len(months)), x, anchor.to_numpy(float))
    return pd.Series(np.round(values).astype(int), index=months.strftime("%Y-%m"))


def _population_14plus(city: City, month: str) -> np.ndarray:
    """현재 24개 구역 × 연령대(5) × 성별(2): 만 14세 이상 인구 (그해 12월 연령 구성을 씀)."""
    pop = city.population[city.population["month"] == month].set_index("emd_code")
    age = city.age[city.age["month"] == month]
    from .base import owner_code
    codes = list(city.emd["emd_code"])
    out = np.zeros((len(codes), len(AGE_BANDS), len(SEXES)))
    band_index = {b: i for i, b in enumerate(age["band"].unique())}
    for e, code in enumerate(codes):
        owner = owner_code(code, month)
        own = age[age["emd_code"] == owner]
        for s, sex in enumerate(SEXES):
            counts = np.zeros(11)
            rows = own[own["sex"] == sex]
            counts[[band_index[b] for b in rows["band"]]] = rows["count"].to_numpy(float)
            bands = np.array([0.6 * counts[1] + counts[2], counts[3], counts[4], counts[5], counts[6:].sum()])
            total = counts.sum()
            people = pop.loc[code, "male" if sex == "남" else "female"]
            out[e, :, s] = bands / total * people if total > 0 else 0.0
    return out


def uptake_weights(city: City, month: str) -> np.ndarray:
    """구역 × 연령대 × 성별 가입 가중치 (40대 가입 성향은 2021년 12월 40대 비율이 46 %가 되게 풂)."""
    kind = city.emd["emd_type"].map(TOWN_UPTAKE).to_numpy()
    base = _population_14plus(city, month) * kind[:, None, None]
    ref = _population_14plus(city, f"{CROSSTAB_YEAR}-12") * kind[:, None, None]
    others = [i for i in range(len(AGE_BANDS)) if i != 2]
    rest = sum(UPTAKE[i] * ref[:, i, :].sum() for i in others)
    u40 = SHARE_40S_2021 * rest / ((1 - SHARE_40S_2021) * ref[:, 2, :].sum())
    uptake = UPTAKE.copy()
    uptake[2] = u40
    return base * uptake[None, :, None]


def zone_index(city: City) -> np.ndarray:
    """구역(코드 순) → 거주 생활권 번호 (HOME_ZONES 순)."""
    return city.emd["lifezone"].map({z: i for i, z in enumerate(HOME_ZONES)}).to_numpy()


def build_cardholders(city: City) -> pd.DataFrame:
    """연말 가입자 (year, home_zone, age_band, sex, cardholders); 해마다 합계는 CARDHOLDER_ANCHORS."""
    zones = zone_index(city)
    rows = []
    for year in range(2020, 2025):
        w = uptake_weights(city, f"{year}-12")
        by_zone = np.zeros((len(HOME_ZONES), len(AGE_BANDS), len(SEXES)))
        np.add.at(by_zone, zones, w)
        counts = _round_to_total(by_zone.ravel(), CARDHOLDER_ANCHORS[f"{year}-12"]).reshape(by_zone.shape)
        for z, zone in enumerate(HOME_ZONES):
            for a, band in enumerate(AGE_BANDS):
                for s, sex in enumerate(SEXES):
                    rows.append((year, zone, band, sex, int(counts[z, a, s])))
    return pd.DataFrame(rows, columns=["year", "home_zone", "age_band", "sex", "cardholders"])


# ---------------------------------------------------------------------------
# 4. 2021년 분기별 교차표
# ---------------------------------------------------------------------------
def location_probs(city: City, weights: np.ndarray) -> np.ndarray:
    """거주 구역 e × 가맹점 구역 j × 업종 k 확률 (j 로 합 1). weights: 구역 × 업종 결제 가중치."""
    emd = city.emd
    dist = haversine_m(emd["lat"].to_numpy()[:, None], emd["lon"].to_numpy()[:, None],
                       emd["lat"].to_numpy()[None, :], emd["lon"].to_numpy()[None, :]) / 1000
    np.fill_diagonal(dist, emd["emd_type"].map(SELF_KM).to_numpy())
    out = np.zeros((len(emd), len(emd), len(SECTORS)))
    for k, sector in enumerate(SECTORS):
        attract = emd["emd_code"].map(ATTRACT.get(sector, {})).fillna(1.0).to_numpy()
        p = weights[None, :, k] * np.exp(-dist / LAMBDA_KM[sector]) * attract[None, :]
        p = p * (1 + (HOME_BONUS - 1) * np.eye(len(emd)))
        out[:, :, k] = p / p.sum(axis=1, keepdims=True)
    return out


def build_crosstab(seed: int, city: City, merchants: pd.DataFrame, daily: pd.DataFrame) -> pd.DataFrame:
    """2021년 분기별 참값: quarter("2021Q1"), merchant_emd, sector, age_band, sex, home_zone, transactions,
    amount_won. 분기·업종 합계는 일별 참값의 합과 같습니다 (가리기 전)."""
    gen = rng("yeominjeon_crosstab", seed)
    quarters = pd.period_range(f"{CROSSTAB_YEAR}Q1", f"{CROSSTAB_YEAR}Q4", freq="Q")
    weights = active_weights(merchants, quarters).sum(axis=3)          # 분기 × 구역 × 업종
    holders = uptake_weights(city, f"{CROSSTAB_YEAR}-12")              # 구역 × 연령 × 성별
    zones = zone_index(city)
    d = daily[daily["date"].dt.year == CROSSTAB_YEAR]
    totals = d.groupby([d["date"].dt.to_period("Q"), "sector"], sort=False)[["transactions", "amount_won"]].sum()
    rows = []
    for t, quarter in enumerate(quarters):
        loc = location_probs(city, weights[t])
        for k, sector in enumerate(SECTORS):
            tilt = np.asarray(SECTOR_AGE[sector])[None, :, None] * np.asarray(SECTOR_SEX.get(sector, (1, 1)))[None, None, :]
            spend = holders * SPEND_RATE_AGE[None, :, None] * SPEND_RATE_SEX[None, None, :] * tilt
            ticket = TICKET[k] * AGE_TICKET[None, :, None]
            p = (spend / ticket)[:, :, :, None] * loc[:, None, None, :, k]     # e × a × s × j
            n_total, a_total = totals.loc[(quarter, sector)]
            count = gen.multinomial(int(n_total), (p / p.sum()).ravel()).reshape(p.shape)
            sd = TICKET_CV / np.sqrt(np.maximum(count, 1))
            value = count * (ticket[..., None] * np.exp(gen.normal(0, 1, count.shape) * sd - sd ** 2 / 2))
            value *= a_total / value.sum()
            zcount = np.zeros((len(HOME_ZONES),) + count.shape[1:])
            zvalue = np.zeros_like(zcount)
            np.add.at(zcount, zones, count)
            np.add.at(zvalue, zones, value)
            z, a, s, j = np.nonzero(zcount)
            rows.append(pd.DataFrame({
                "quarter": str(quarter), "merchant_emd": city.emd["emd_code"].to_numpy()[j], "sector": sector,
                "age_band": np.asarray(AGE_BANDS)[a], "sex": np.asarray(SEXES)[s],
                "home_zone": np.asarray(HOME_ZONES)[z], "transactions": zcount[z, a, s, j].astype(int),
                "amount_won": zvalue[z, a, s, j]}))
    out = pd.concat(rows, ignore_index=True)
    order = {name: {v: i for i, v in enumerate(vals)} for name, vals in
             (("sector", SECTORS), ("age_band", AGE_BANDS), ("sex", SEXES), ("home_zone", HOME_ZONES))}
    keys = [out["quarter"], out["merchant_emd"]] + [out[c].map(order[c]) for c in order]
    out = out.iloc[np.lexsort(keys[::-1])].reset_index(drop=True)
    return out


# ---------------------------------------------------------------------------
# 5. 정책 달력 표
# ---------------------------------------------------------------------------
def build_policy(daily: pd.DataFrame) -> pd.DataFrame:
    """달마다: month, cashback_pct, limit_month_manwon, limit_year_manwon, issued_eok, sale, sold_out,
    sellout_hours, buyers, cardholders, note."""
    regimes = regime_table()
    regimes["month"] = regimes["date"].dt.strftime("%Y-%m")
    first = regimes.groupby("month", sort=True).first()
    spend = daily.groupby(daily["date"].dt.strftime("%Y-%m"))["amount_won"].sum() / 1e8
    holders = cardholder_months()
    rows = []
    for month in first.index:
        r = first.loc[month]
        if month in ISSUE_2020:
            issued, sale = ISSUE_2020[month], "월별 선착순"
        elif month == "2024-11":
            issued, sale = int(round(spend[month] * 0.25)), "판매 마감"
        elif month == "2024-12":
            issued, sale = 0, "판매 중지"
        else:
            issued, sale = int(round(spend[month])), "상시 충전"
        note = {"2020-03": "3월 3일 출시, 3월 10 % 프로모션", "2020-07": "7월분 150억 원 12시간 만에 매진",
                "2020-11": "11~12월 추가 발행 (계획 800억 원)", "2023-01": "캐시백 10 % → 7 %",
                "2024-01": "캐시백 7 % → 5 %, 월 한도 50만 → 30만 원", "2024-09": "추석 달 7 %",
                "2024-11": "11월 5일 올해 발행분 판매 마감 (2025년 1월 재개)"}.get(month, "")
        july = month == "2020-07"
        rows.append({"month": month, "cashback_pct": int(r["cashback_pct"]),
                     "limit_month_manwon": int(r["limit_month_manwon"]), "limit_year_manwon": int(r["limit_year_manwon"]),
                     "issued_eok": issued, "sale": sale,
                     "sold_out": "Y" if month in ISSUE_2020 or month == "2024-11" else "N",
                     "sellout_hours": JULY_2020["hours"] if july else None,
                     "buyers": JULY_2020["buyers"] if july else None,
                     "cardholders": int(holders[month]), "note": note})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# 6. 조립과 파일 쓰기
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Yeominjeon:
    merchants: pd.DataFrame     # 등록부 (모형 열 이름)
    daily: pd.DataFrame         # 일별 참값 (가리기 전)
    crosstab: pd.DataFrame      # 2021년 분기별 참값 (가리기 전)
    policy: pd.DataFrame
    cardholders: pd.DataFrame


@lru_cache(maxsize=2)
def build_yeominjeon(seed: int) -> Yeominjeon:
    """여민전 모의 세계 전체 (같은 시드 → 같은 결과; 프로세스 안에서 캐시)."""
    city = build_city(seed)
    merchants = build_merchants(seed)
    daily = build_daily(seed, merchants)
    crosstab = build_crosstab(seed, city, merchants, daily)
    return Yeominjeon(merchants, daily, crosstab, build_policy(daily), build_cardholders(city))


def _fmt_date(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def released(table: pd.DataFrame) -> pd.DataFrame:
    """참값 → 공개값: 결제 0건 칸은 행이 없고, 5건 미만은 X (비공개), 금액은 천 원 단위로 반올림."""
    out = table[table["transactions"] > 0].copy()
    hidden = out["transactions"] < SUPPRESS_BELOW
    thousand = np.floor(out["amount_won"].to_numpy() / 1000 + 0.5).astype(np.int64)
    out["count_text"] = np.where(hidden, "X", out["transactions"].astype(str))
    out["amount_text"] = np.where(hidden, "X", thousand.astype(str))
    return out


def _write(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding=ENCODING, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


MERCHANT_HEADER = ["가맹점번호", "상가업소번호", "행정동코드", "상권업종소분류코드", "여민전업종", "가맹점규모",
                   "가맹여부", "가맹일", "해지일", "비고"]
POLICY_HEADER = ["기준월", "캐시백률(%)", "월구매한도(만원)", "연구매한도(만원)", "발행액(억원)", "판매방식",
                 "조기마감", "마감소요시간(시간)", "구매자수(명)", "가입자수(명)", "비고"]
CARDHOLDER_HEADER = ["기준연도", "거주생활권", "연령대", "성별", "가입자수(명)"]
DAILY_HEADER = ["기준일자", "업종", "가맹점규모", "결제건수", "결제금액(천원)"]
CROSSTAB_HEADER = ["기준분기", "가맹점행정동코드", "업종", "연령대", "성별", "거주생활권", "결제건수", "결제금액(천원)"]


def write_merchants(city: City, out: Path) -> None:
    m = build_yeominjeon(city.seed).merchants
    rows = ([r.merchant_id, r.store_id, r.emd_code, r.scls_code, r.sector, r.size, "Y" if r.member else "N",
             _fmt_date(r.joined), _fmt_date(r.left), r.note] for r in m.itertuples(index=False))
    _write(out / MERCHANTS_FILE, MERCHANT_HEADER, rows)


def write_policy(city: City, out: Path) -> None:
    p = build_yeominjeon(city.seed).policy
    def text(v):
        return "" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{int(v):,}"
    rows = ([r.month, r.cashback_pct, r.limit_month_manwon, r.limit_year_manwon, f"{r.issued_eok:,}", r.sale,
             r.sold_out, text(r.sellout_hours), text(r.buyers), f"{r.cardholders:,}", r.note]
            for r in p.itertuples(index=False))
    _write(out / POLICY_FILE, POLICY_HEADER, rows)


def write_cardholders(city: City, out: Path) -> None:
    c = build_yeominjeon(city.seed).cardholders
    rows = ([r.year, r.home_zone, r.age_band, r.sex, r.cardholders] for r in c.itertuples(index=False))
    _write(out / CARDHOLDERS_FILE, CARDHOLDER_HEADER, rows)


def write_daily(city: City, out: Path) -> None:
    d = released(build_yeominjeon(city.seed).daily)
    rows = zip(d["date"].dt.strftime("%Y-%m-%d"), d["sector"], d["size"], d["count_text"], d["amount_text"])
    _write(out / DAILY_FILE, DAILY_HEADER, rows)


def write_crosstab(city: City, out: Path) -> None:
    c = released(build_yeominjeon(city.seed).crosstab)
    rows = zip(c["quarter"].str[:4] + "년 " + c["quarter"].str[5] + "분기", c["merchant_emd"], c["sector"], c["age_band"], c["sex"], c["home_zone"],
               c["count_text"], c["amount_text"])
    _write(out / CROSSTAB_FILE, CROSSTAB_HEADER, rows)


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("yeominjeon_merchants", MERCHANTS_FILE, write_merchants),
    ("yeominjeon_policy", POLICY_FILE, write_policy),
    ("yeominjeon_cardholders", CARDHOLDERS_FILE, write_cardholders),
    ("yeominjeon_spending_daily", DAILY_FILE, write_daily),
    ("yeominjeon_spending_2021", CROSSTAB_FILE, write_crosstab),
)

__all__ = ["SECTORS", "SIZE_CLASSES", "AGE_BANDS", "SEXES", "HOME_ZONES", "sector_of", "policy_effect",
           "build_merchants", "build_yeominjeon", "released", "DATASETS", "EFFECT_2023", "EFFECT_2024",
           "ANTICIPATION"]
