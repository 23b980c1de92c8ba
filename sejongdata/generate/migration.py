"""인구이동 자료 8종 — 3장 「인구이동 변화」.

KOSIS(국가통계포털) 내려받기 모양의 모의 자료 (CP949, 모든 칸 큰따옴표, 항목 이름 뒤에 단위 ``(명)``):

- kosis_migration_sgg_monthly.csv      시군구별 이동자수 (DT_1B26001_A01 모양, 세로형), 2019.01~2024.12
- kosis_migration_od_sido_monthly.csv  전출지/전입지(시도)별 이동자수 (가로형, 두 줄 머리글)
- kosis_migration_age_yearly.csv       성·연령(5세)별 이동자수, 세종, 연간
- kosis_migration_reason_yearly.csv    전입사유별 이동자수, 세종, 연간
- kosis_population_sido_yearly.csv     시도별 주민등록인구 (12월 말), 연간
- migration_emd_od_monthly.csv         세종시 안 읍면동 사이 이동 (시군구내 이동의 출발·도착), 월별
- migration_emd_components_monthly.csv 읍면동별 인구 증감 요인 (출생·사망·전입·전출·행정구역 변경), 월별

모든 값은 :func:`base.build_city` 의 한 도시에서 나옵니다. 핵심 약속(항등식)은 다음과 같습니다.

    (이번 달 인구) − (지난달 인구) = 출생 − 사망 + 시도간 전입 − 시도간 전출
                                  + 시군구내 전입 − 시군구내 전출 + 행정구역 변경

이 식은 기반층의 24개 구역(``city.population``)마다, 그리고 그 달의 행정구역으로 묶은 발표 값
(``city.published``, population_emd_monthly.csv)마다 반올림 없이 정확히 성립합니다. 구역의 순이동은
기반층 인구의 변화에서 출생·사망을 뺀 값이고, 이 모듈은 그것을 시도간 이동과 시군구내 이동으로,
다시 출발·도착지와 나이·사유로 나눌 뿐입니다 (두 번째 도시를 만들지 않습니다). 국외 이동, 거주불명
등록·말소 같은 그 밖의 증감은 모형에 없습니다 (0으로 봄).

대문자 상수 가운데 ``city`` 모듈(실제 사실)에서 오지 않은 값은 교재용 가정입니다. 데이터 카드
(datasets/kosis_migration_*.md 등)에 보정 목표, 얻은 값, 오차와 함께 적었습니다.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import city as facts
from ..geo import haversine_m
from ..migration import NEIGHBORS, SIDOS
from .base import MONTHS, City, build_city, housing_age, owner_code, rng, write_quoted_csv

SGG_FILE = "kosis_migration_sgg_monthly.csv"
OD_FILE = "kosis_migration_od_sido_monthly.csv"
AGE_FILE = "kosis_migration_age_yearly.csv"
REASON_FILE = "kosis_migration_reason_yearly.csv"
POP_FILE = "kosis_population_sido_yearly.csv"
EMD_OD_FILE = "migration_emd_od_monthly.csv"
EMD_COMP_FILE = "migration_emd_components_monthly.csv"

YEARS = tuple(range(2019, 2025))
SEJONG = "세종"
SHORT = [s.short for s in SIDOS]
S_IDX = SHORT.index(SEJONG)
PROVISIONAL_MONTHS = ("2024-11", "2024-12")       # KOSIS 처럼 잠정치(p) 표시를 붙이는 달
PROVISIONAL_YEARS = (2024,)
NA = -(2 ** 62)      # 해당 없음: 파일에 KOSIS 부호 "-" 로 씁니다 (음수 순이동과 구별)

# ---------------------------------------------------------------------------
# 가정: 출생·사망 (사실 파일에 없음). 시 전체 연간 값, 달별 비중, 구역 유형별 상대 비율.
# 자연증가(출생−사망) 2019년 약 2,400명은 기반층의 2019-01 기준값 계산에 쓴 가정과 같습니다.
# ---------------------------------------------------------------------------
BIRTHS = {2019: 3_800, 2020: 3_600, 2021: 3_550, 2022: 3_250, 2023: 3_050, 2024: 3_050}
DEATHS = {2019: 1_400, 2020: 1_400, 2021: 1_450, 2022: 1_950, 2023: 1_750, 2024: 1_800}
BIRTH_SEASON = (1.13, 1.02, 1.06, 1.00, 0.98, 0.95, 1.01, 1.00, 0.98, 0.97, 0.96, 0.94)
DEATH_SEASON = (1.12, 1.02, 1.05, 0.97, 0.96, 0.93, 0.94, 0.95, 0.93, 0.98, 1.02, 1.13)
BIRTH_WEIGHT = {"동": 1.25, "읍": 0.65, "면": 0.45}
DEATH_WEIGHT = {"동": 0.55, "읍": 1.50, "면": 2.60}

# ---------------------------------------------------------------------------
# 보정 목표 (실제, 사실 파일 §5) 와 가정
# ---------------------------------------------------------------------------
NET_TARGET = {2019: facts.NET_INFLOW_2019, 2020: facts.NET_INFLOW_2020, 2022: 10_128}
IN_TARGET = {2019: 82_398 - 28_381, 2020: 48_889}        # 시도간 전입 (총전입 − 시군구내)
OUT_TARGET = {2019: IN_TARGET[2019] - facts.NET_INFLOW_2019, 2020: 35_864}
OUT_ASSUMED = {2021: 36_800, 2022: 38_000, 2023: 38_800, 2024: 39_200}   # 가정
INTRA_TARGET = {2019: 28_381, 2020: 30_045}               # 시군구내 이동 (실제)
INTRA_ASSUMED = {2021: 32_500, 2022: 31_000, 2023: 29_500, 2024: 28_500}  # 가정
# 세종으로 온 전입의 출발 시도 (실제: 2019, 2020; 2019 서울은 아래 설명), 나머지 해는 가정 비율
IN_NAMED = {
    2019: {"대전": 20_314, "경기": 6_923, "충남": 6_495, "충북": 4_948, "서울": 5_300},
    2020: {"대전": round(0.316 * 48_889), "충남": 6_748, "경기": 6_130, "서울": 5_546, "충북": 5_261},
}
# 2019 서울: 기사의 서울 전입 1,431명은 같은 기사의 서울 순유입 1,431명과 같아 (전출 0명이 되어) 쓰지
# 않았습니다. 5,300명은 2020년 값(5,546명)에 맞춘 가정입니다.
IN_SHARE = {
    2021: {"대전": 0.295, "경기": 0.130, "충남": 0.130, "서울": 0.115, "충북": 0.106},
    2022: {"대전": 0.270, "경기": 0.138, "충남": 0.128, "서울": 0.121, "충북": 0.108},
    2023: {"대전": 0.255, "경기": 0.140, "충남": 0.130, "서울": 0.125, "충북": 0.110},
    2024: {"대전": 0.245, "경기": 0.142, "충남": 0.131, "서울": 0.128, "충북": 0.111},
}
# 출발 시도별 순유입 (실제: 2019 전부, 2020 대전, 2022 대전) → 전출 = 전입 − 순유입
NET_NAMED = {2019: {"대전": 13_282, "충남": 2_165, "경기": 1_853, "충북": 1_560, "서울": 1_431},
             2020: {"대전": 7_171}, 2022: {"대전": 3_618}}
OUT_SHARE = {   # 가정: 세종에서 나간 전출의 도착 시도 비율 (위 순유입 목표가 있는 칸은 그것이 우선)
    2019: {},
    2020: {"경기": 0.150, "서울": 0.125, "충남": 0.130, "충북": 0.105},
    2021: {"대전": 0.235, "경기": 0.152, "서울": 0.128, "충남": 0.128, "충북": 0.105},
    2022: {"경기": 0.155, "서울": 0.130, "충남": 0.127, "충북": 0.105},
    2023: {"대전": 0.245, "경기": 0.157, "서울": 0.132, "충남": 0.126, "충북": 0.104},
    2024: {"대전": 0.250, "경기": 0.158, "서울": 0.134, "충남": 0.125, "충북": 0.104},
}
# 가정: 달별 비중. 세종의 시도간·시군구내 이동은 2~3월(새 학년, 인사 이동)과 8월, 12~1월에 많습니다.
GROSS_SEASON = (1.05, 1.25, 1.30, 0.92, 0.90, 0.88, 0.92, 1.02, 0.82, 0.88, 0.96, 1.10)
NATION_SEASON = (1.02, 1.18, 1.20, 0.95, 0.93, 0.90, 0.93, 0.98, 0.85, 0.93, 0.98, 1.15)

# ---------------------------------------------------------------------------
# 가정: 다른 시도 (사실 파일에 없음). 2019년 말 인구(천 명, 실제 규모를 어림한 교재용 값)와 연 변화율,
# 시도 안 이동률(연, 인구 대비), 시도 안 이동 가운데 같은 시군구 안 이동의 비율.
# ---------------------------------------------------------------------------
SIDO_POP_2019 = {"서울": 9_730, "부산": 3_410, "대구": 2_440, "인천": 2_960, "광주": 1_460,
                 "대전": 1_475, "울산": 1_150, "경기": 13_240, "강원": 1_540, "충북": 1_600,
                 "충남": 2_120, "전북": 1_820, "전남": 1_870, "경북": 2_660, "경남": 3_360,
                 "제주": 670}
SIDO_GROWTH = {"서울": -0.006, "부산": -0.008, "대구": -0.009, "인천": 0.001, "광주": -0.005,
               "대전": -0.008, "울산": -0.010, "경기": 0.006, "강원": -0.002, "충북": 0.0,
               "충남": 0.001, "전북": -0.009, "전남": -0.007, "경북": -0.008, "경남": -0.006,
               "제주": 0.002}
WITHIN_RATE = {"서울": 0.105, "부산": 0.090, "대구": 0.090, "인천": 0.100, "광주": 0.095,
               "대전": 0.095, "울산": 0.085, "경기": 0.095, "강원": 0.075, "충북": 0.080,
               "충남": 0.075, "전북": 0.075, "전남": 0.065, "경북": 0.070, "경남": 0.075,
               "제주": 0.085}
SAME_SGG_SHARE = {"서울": 0.42, "부산": 0.45, "대구": 0.50, "인천": 0.50, "광주": 0.50,
                  "대전": 0.55, "울산": 0.55, "경기": 0.55, "강원": 0.75, "충북": 0.72,
                  "충남": 0.74, "전북": 0.72, "전남": 0.78, "경북": 0.75, "경남": 0.72,
                  "제주": 0.78, "세종": 1.0}
# 가정: 세종이 끼지 않은 시도간 이동의 중력 모형 (연간). 이동 = K · P_i^a · P_j^b · d^(−g) · e^(c·인접 + ε)
GRAVITY = {"a": 0.85, "b": 0.80, "g": 1.15, "c": 0.55, "noise_sd": 0.25}
NATION_INTER_2019 = 2_250_000      # 가정: 2019년 세종이 끼지 않은 시도간 이동 합계
YEAR_FACTOR = {2019: 1.00, 2020: 1.07, 2021: 0.98, 2022: 0.86, 2023: 0.83, 2024: 0.85}

# ---------------------------------------------------------------------------
# 가정: 시군구 단위 비교 지역 (대전의 5개 구, 청주시, 천안시, 공주시) — 시도 값을 나누는 비율
# ---------------------------------------------------------------------------
DAEJEON_GU = ("동구", "중구", "서구", "유성구", "대덕구")
GU_SHARES = {          # 시도간 전입, 시도간 전출, 구 안 이동, 구 사이 전입, 구 사이 전출
    "동구": (0.14, 0.14, 0.152, 0.13, 0.17), "중구": (0.15, 0.14, 0.161, 0.15, 0.18),
    "서구": (0.31, 0.31, 0.325, 0.30, 0.31), "유성구": (0.30, 0.32, 0.241, 0.30, 0.22),
    "대덕구": (0.10, 0.09, 0.121, 0.12, 0.12),
}
CITY_SHARES = {        # (도, 시도간 전입, 시도간 전출, 시군구 안, 시군구 사이 전입, 시군구 사이 전출)
    "청주시": ("충북", 0.55, 0.52, 0.58, 0.40, 0.38),
    "천안시": ("충남", 0.33, 0.33, 0.32, 0.25, 0.22),
    "공주시": ("충남", 0.05, 0.06, 0.04, 0.045, 0.055),
}
ABOLISHED = {"청원군": "충북", "연기군": "충남"}   # 폐지된 군: KOSIS 표에 0 만 있는 행으로 남음
SGG_ROWS = ("전국", "서울", "대전", *DAEJEON_GU, "세종", "충북", "청주시", "청원군",
            "충남", "천안시", "공주시", "연기군")

# ---------------------------------------------------------------------------
# 가정: 세종시 안 이동 (구역 사이). 나가는 성향, 끌어당김(인구에 비례하는 '교체'와 새 입주), 거리 감쇠
# ---------------------------------------------------------------------------
INTRA_CHURN_SHARE = 0.45     # 시군구내 이동 가운데 인구에 비례해 도착지가 정해지는 몫 (나머지는 새 입주)
GROWTH_PULL_CAP = 0.60       # 새 입주로 끌어당기는 이동은 그 달 구역 순증가 합의 60 % 까지
INTRA_DECAY_KM = 8.0
OUT_RATE = {"읍": 0.70, "면": 0.35}    # 동은 주택 나이에 따라 0.9~1.3

# ---------------------------------------------------------------------------
# 가정: 나이(5세)·성별·사유 구성
# ---------------------------------------------------------------------------
AGE_BANDS = tuple(f"{a} - {a + 4}세" for a in range(0, 80, 5)) + ("80세이상",)
AGE_IN = (0.085, 0.065, 0.045, 0.035, 0.075, 0.135, 0.145, 0.115, 0.080, 0.060, 0.050, 0.040,
          0.030, 0.020, 0.012, 0.008, 0.008)
AGE_OUT = (0.055, 0.045, 0.035, 0.045, 0.130, 0.170, 0.130, 0.090, 0.065, 0.055, 0.050, 0.045,
           0.035, 0.020, 0.012, 0.009, 0.009)
AGE_INTRA = (0.095, 0.070, 0.045, 0.030, 0.060, 0.120, 0.150, 0.120, 0.085, 0.060, 0.050, 0.040,
             0.030, 0.020, 0.010, 0.008, 0.007)
MALE_SHARE_BY_BAND = (0.51, 0.51, 0.51, 0.51, 0.52, 0.53, 0.52, 0.51, 0.50, 0.50, 0.50, 0.50,
                      0.49, 0.48, 0.46, 0.43, 0.38)
REASONS = ("직업", "가족", "주택", "교육", "주거환경", "자연환경", "교통", "기타")
REASON_IN = {2019: (0.25, 0.21, 0.37, 0.05, 0.07, 0.01, 0.01, 0.03),
             2024: (0.29, 0.23, 0.30, 0.06, 0.07, 0.01, 0.01, 0.03)}
REASON_OUT = {2019: (0.33, 0.21, 0.26, 0.08, 0.06, 0.01, 0.02, 0.03),
              2024: (0.34, 0.21, 0.25, 0.08, 0.06, 0.01, 0.02, 0.03)}
REASON_INTRA = {2019: (0.06, 0.19, 0.52, 0.05, 0.13, 0.01, 0.02, 0.02),
                2024: (0.07, 0.21, 0.47, 0.06, 0.14, 0.01, 0.02, 0.02)}

ITEMS = ("총전입", "총전출", "순이동", "시도내이동-시군구내", "시도내이동-시군구간 전입",
         "시도내이동-시군구간 전출", "시도간전입", "시도간전출")
COMP_ITEMS = ("출생", "사망", "시도간전입", "시도간전출", "시군구내전입", "시군구내전출", "행정구역변경")


# ---------------------------------------------------------------------------
# 작은 도구
# ---------------------------------------------------------------------------
def _year(month: str) -> int:
    return int(month[:4])


YEAR_OF = np.array([_year(m) for m in MONTHS])
MONTH_OF = np.array([int(m[5:]) for m in MONTHS])


def _season_share(season, years=YEAR_OF, months=MONTH_OF) -> np.ndarray:
    """달마다 그해 합계에서 차지하는 몫 (해마다 합 1)."""
    w = np.array([season[m - 1] for m in months], dtype=float)
    for y in set(years.tolist()):
        sel = years == y
        w[sel] /= w[sel].sum()
    return w


def _round_to(values: np.ndarray, total: int) -> np.ndarray:
    """음이 아닌 값들을 합이 ``total`` 이 되게 정수로 (최대 나머지 방식, 결정적)."""
    values = np.clip(np.asarray(values, dtype=float), 0, None)
    if total <= 0 or values.sum() <= 0:
        return np.zeros(values.shape, dtype=np.int64)
    share = values / values.sum() * total
    base = np.floor(share).astype(np.int64)
    extra = np.argsort(-(share - base).ravel(), kind="stable")[: total - int(base.sum())]
    flat = base.ravel()
    flat[extra] += 1
    return flat.reshape(values.shape)


def _round_signed(values: np.ndarray, total: int) -> np.ndarray:
    """부호가 있는 값들을 합이 ``total`` 이 되게 정수로 (반올림 뒤 차이를 큰 값부터 1씩 조정)."""
    out = np.round(values).astype(np.int64)
    diff = total - int(out.sum())
    order = np.argsort(-np.abs(values), kind="stable")
    step = 1 if diff > 0 else -1
    for k in range(abs(diff)):
        out[order[k % len(order)]] += step
    return out


def _bounded_allocation(weights: np.ndarray, lower: np.ndarray, total: int) -> np.ndarray:
    """합이 ``total`` 이고 ``lower`` 이상이며 나머지는 ``weights`` 에 비례하는 정수 배분."""
    lower = np.maximum(lower, 0).astype(np.int64)
    rest = total - int(lower.sum())
    if rest < 0:
        raise RuntimeError("하한의 합이 배분할 총량보다 큽니다.")
    w = np.clip(weights.astype(float), 0, None)
    target = w / w.sum() * total if w.sum() > 0 else np.zeros_like(w)
    extra = np.clip(target - lower, 0, None)          # 하한을 넘는 몫만 비례 배분
    return lower + _round_to(extra, rest) if extra.sum() > 0 else lower + _round_to(w + 1e-9, rest)


# ---------------------------------------------------------------------------
# 결과 묶음
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Migration:
    """모의 인구이동 (읽기 전용)."""

    codes: tuple[str, ...]          # 24개 구역 코드 (emd 순서)
    area_pop: np.ndarray            # (24, 72) 기반층 구역 인구 (city.population)
    area_prev: np.ndarray           # (24, 72) 지난달 구역 인구 (2019-01 은 모형이 정한 2018-12 값)
    births: np.ndarray              # (24, 72)
    deaths: np.ndarray              # (24, 72)
    inter_in: np.ndarray            # (24, 72) 시도간 전입
    inter_out: np.ndarray           # (24, 72) 시도간 전출
    intra: np.ndarray               # (72, 24, 24) 구역 사이 이동 (같은 행정동 안 구역 사이도 포함)
    sido_od: np.ndarray             # (72, 17, 17) 시도 사이 이동, 대각선 = 시도 안 이동
    sido_pop: pd.DataFrame          # year × 시도(줄임 이름) 12월 말 인구
    sgg: dict                       # 시군구 행 이름 → (72, 8) 항목 값 (None = "-")
    age: pd.DataFrame               # year, sex, band, inter_in, inter_out, intra
    reason: pd.DataFrame            # year, reason, inter_in, inter_out, intra

    def owner(self, t: int) -> list[str]:
        """그 달 구역마다 인구를 맡는 행정동 코드."""
        return [owner_code(c, MONTHS[t]) for c in self.codes]


# ---------------------------------------------------------------------------
# 1. 출생·사망과 구역 순이동
# ---------------------------------------------------------------------------
def _area_matrix(city: City) -> np.ndarray:
    pop = city.population.pivot(index="emd_code", columns="month", values="population")
    return pop.loc[city.emd["emd_code"], list(MONTHS)].to_numpy(np.int64)


def _vital(city: City, area: np.ndarray, gen) -> tuple[np.ndarray, np.ndarray]:
    """구역 × 달 출생·사망 (정수). 시 전체 기대값에 포아송 잡음, 구역에는 인구 × 유형 비율로 배분."""
    kind = city.emd["emd_type"].to_numpy()
    bw = np.array([BIRTH_WEIGHT[k] for k in kind])
    dw = np.array([DEATH_WEIGHT[k] for k in kind])
    bshare, dshare = _season_share(BIRTH_SEASON), _season_share(DEATH_SEASON)
    births = np.zeros_like(area)
    deaths = np.zeros_like(area)
    for t in range(len(MONTHS)):
        ref = area[:, max(t - 1, 0)].astype(float)
        y = YEAR_OF[t]
        nb = int(gen.poisson(BIRTHS[y] * bshare[t]))
        nd = int(gen.poisson(DEATHS[y] * dshare[t]))
        births[:, t] = gen.multinomial(nb, ref * bw / (ref * bw).sum())
        deaths[:, t] = gen.multinomial(nd, ref * dw / (ref * dw).sum())
    return births, deaths


def _previous(area: np.ndarray, births: np.ndarray, deaths: np.ndarray) -> np.ndarray:
    """지난달 인구. 2019-01 의 지난달(2018-12)은 기반층에 없으므로 2019년 순이동이 목표가 되게 정합니다.

    2019-01 구역별 변화 = 2019-02 구역별 변화 × 배율 (배율은 시 전체 2019년 순이동 = 23,724명이 되게).
    """
    prev = np.empty_like(area)
    prev[:, 1:] = area[:, :-1]
    later = slice(1, 12)
    net_feb_dec = int((area[:, later] - prev[:, later] - births[:, later] + deaths[:, later]).sum())
    jan_change = NET_TARGET[2019] - net_feb_dec + int(births[:, 0].sum() - deaths[:, 0].sum())
    feb = (area[:, 1] - area[:, 0]).astype(float)
    feb[area[:, 0] == 0] = 0.0
    change = _round_signed(feb * jan_change / feb.sum(), jan_change)
    change = np.minimum(change, area[:, 0])          # 지난달 인구가 음수가 되지 않게
    prev[:, 0] = area[:, 0] - change
    return prev


# ---------------------------------------------------------------------------
# 2. 시 전체 시도간 전입·전출, 시군구내 이동 (달별 총량)
# ---------------------------------------------------------------------------
def _city_totals(net: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """달별 시도간 전입 I, 전출 O, 시군구내 이동 W. I − O = 순이동 (정확히)."""
    share = _season_share(GROSS_SEASON)
    gross = np.zeros(len(MONTHS))
    intra = np.zeros(len(MONTHS), dtype=np.int64)
    for y in YEARS:
        sel = YEAR_OF == y
        net_y = int(net[sel].sum())
        if y in IN_TARGET:
            g = IN_TARGET[y] + OUT_TARGET[y]
        else:
            g = 2 * OUT_ASSUMED[y] + net_y
        gross[sel] = g * share[sel]
        w = INTRA_TARGET.get(y, INTRA_ASSUMED.get(y))
        intra[sel] = _round_to(share[sel], w)
    outflow = np.round((gross - net) / 2).astype(np.int64)
    inflow = outflow + net
    if (outflow < 0).any() or (inflow < 0).any():
        raise RuntimeError("전입·전출이 음수인 달이 있습니다 (총 이동량 가정을 확인).")
    return inflow, outflow, intra


# ---------------------------------------------------------------------------
# 3. 시군구내 이동 (구역 사이 OD) 과 구역별 시도간 전입·전출
# ---------------------------------------------------------------------------
def _area_distance_km(city: City) -> np.ndarray:
    lat, lon = city.emd["lat"].to_numpy(), city.emd["lon"].to_numpy()
    return haversine_m(lat[:, None], lon[:, None], lat[None, :], lon[None, :]) / 1000


def _out_rate(city: City) -> np.ndarray:
    """구역 × 달 이사 성향. 동은 입주 뒤 오래될수록 (세입자 교체, 갈아타기) 커짐."""
    age = housing_age(city.complexes, city.emd)
    kind = city.emd["emd_type"].to_numpy()
    rate = 0.9 + 0.4 * np.clip((age - 2) / 8, 0, 1)
    for k, r in OUT_RATE.items():
        rate[kind == k] = r
    return rate


def _intra_month(t: int, codes, prev: np.ndarray, net: np.ndarray, rate: np.ndarray,
                 decay: np.ndarray, churn_w: np.ndarray, total: int) -> np.ndarray:
    """한 달의 구역 사이 이동 행렬 (정수). 다른 행정동 사이 이동의 합 = ``total`` (시군구내 이동)."""
    push = prev * rate
    churn = prev * churn_w
    growth = np.clip(net, 0, None).astype(float)
    pull_total = min((1 - INTRA_CHURN_SHARE) * total, GROWTH_PULL_CAP * growth.sum())
    pull = churn / churn.sum() * (total - pull_total)
    if growth.sum() > 0:
        pull = pull + growth / growth.sum() * pull_total
    weight = push[:, None] * pull[None, :] * decay
    np.fill_diagonal(weight, 0.0)
    owner = np.array([owner_code(c, MONTHS[t]) for c in codes])
    same = owner[:, None] == owner[None, :]
    cross = np.where(same, 0.0, weight)
    out = _round_to(cross, total)
    inside = np.where(same, weight, 0.0)            # 같은 행정동 안 구역 사이 (통계에 잡히지 않음)
    if inside.sum() > 0:
        n_inside = int(round(total * inside.sum() / cross.sum()))
        out = out + _round_to(inside, n_inside)
    return out


def _areas(city: City, area: np.ndarray, prev: np.ndarray, net: np.ndarray,
           inflow: np.ndarray, outflow: np.ndarray, intra_total: np.ndarray):
    """구역별 시군구내 이동 행렬과 시도간 전입·전출."""
    codes = tuple(city.emd["emd_code"])
    decay = np.exp(-_area_distance_km(city) / INTRA_DECAY_KM)
    rate = _out_rate(city)
    kind = city.emd["emd_type"].to_numpy()
    churn_w = np.where(kind == "동", 0.6, np.where(kind == "읍", 0.5, 0.2))
    n_t = len(MONTHS)
    intra = np.zeros((n_t, len(codes), len(codes)), dtype=np.int64)
    inter_in = np.zeros_like(area)
    inter_out = np.zeros_like(area)
    for t in range(n_t):
        p = prev[:, t].astype(float)
        intra[t] = _intra_month(t, codes, p, net[:, t], rate[:, t], decay, churn_w,
                                int(intra_total[t]))
        y_net = intra[t].sum(axis=0) - intra[t].sum(axis=1)
        x_net = net[:, t] - y_net                     # 시도간 순이동
        out = _bounded_allocation(p * rate[:, t], -x_net, int(outflow[t]))
        inter_out[:, t] = out
        inter_in[:, t] = out + x_net
    if (inter_in < 0).any():
        raise RuntimeError("시도간 전입이 음수인 구역이 있습니다.")
    assert (inter_in.sum(0) == inflow).all() and (inter_out.sum(0) == outflow).all()
    return intra, inter_in, inter_out


# ---------------------------------------------------------------------------
# 4. 시도 인구와 시도 사이 이동 (세종 ↔ 다른 시도는 보정 목표, 나머지는 중력 모형)
# ---------------------------------------------------------------------------
def _sido_population(city: City) -> pd.DataFrame:
    """연도 × 시도 12월 말 인구 (세종은 기반층 값, 나머지는 가정)."""
    sejong = city.population.groupby("month")["population"].sum()
    rows = []
    for y in YEARS:
        row = {s: int(round(SIDO_POP_2019[s] * 1000 * (1 + SIDO_GROWTH[s]) ** (y - 2019)))
               for s in SIDO_POP_2019}
        row[SEJONG] = int(sejong[f"{y}-12"])
        rows.append({s: row[s] for s in SHORT})
    return pd.DataFrame(rows, index=list(YEARS))


def _distance_km() -> np.ndarray:
    lat = np.array([s.lat for s in SIDOS])
    lon = np.array([s.lon for s in SIDOS])
    d = haversine_m(lat[:, None], lon[:, None], lat[None, :], lon[None, :]) / 1000
    return d


def _contiguity() -> np.ndarray:
    return np.array([[int(b in NEIGHBORS[a]) for b in SHORT] for a in SHORT])


def _gravity_weight(pop: pd.Series, gen_noise: np.ndarray) -> np.ndarray:
    """중력 모형의 상대 크기 (17 × 17, 대각선 0)."""
    p = pop[SHORT].to_numpy(float)
    d = _distance_km()
    np.fill_diagonal(d, 1.0)
    g = GRAVITY
    w = (p[:, None] ** g["a"]) * (p[None, :] ** g["b"]) * d ** (-g["g"])
    w = w * np.exp(g["c"] * _contiguity() + gen_noise)
    np.fill_diagonal(w, 0.0)
    return w


def _sejong_shares(pop: pd.DataFrame, inflow_y: dict, outflow_y: dict) -> tuple[dict, dict]:
    """해마다 세종 전입의 출발 시도 비율과 전출의 도착 시도 비율 (16개 시도, 합 1)."""
    others = [s for s in SHORT if s != SEJONG]
    d = _distance_km()[S_IDX]
    contig = _contiguity()[S_IDX]
    in_shares, out_shares = {}, {}
    for y in YEARS:
        p = pop.loc[y, others].to_numpy(float)
        grav = p ** 0.8 * d[[SHORT.index(s) for s in others]] ** -1.15
        grav = grav * np.exp(0.55 * contig[[SHORT.index(s) for s in others]])
        grav = pd.Series(grav, index=others)
        named_in = ({k: v / IN_TARGET[y] for k, v in IN_NAMED[y].items()} if y in IN_NAMED
                    else IN_SHARE[y])
        in_shares[y] = _fill_rest(named_in, grav)
        named_out = dict(OUT_SHARE[y])
        for origin, net in NET_NAMED.get(y, {}).items():
            named_out[origin] = (in_shares[y][origin] * inflow_y[y] - net) / outflow_y[y]
        out_shares[y] = _fill_rest(named_out, grav)
    return in_shares, out_shares


def _fill_rest(named: dict, grav: pd.Series) -> pd.Series:
    """이름이 정해진 시도 비율은 그대로, 나머지는 중력 가중치에 비례해 1 을 채움."""
    rest = grav.drop(list(named))
    left = 1 - sum(named.values())
    if left <= 0:
        raise RuntimeError("정해 둔 비율의 합이 1 을 넘습니다.")
    return pd.concat([pd.Series(named), rest / rest.sum() * left])[grav.index]


def _sido_od(city: City, pop: pd.DataFrame, inflow, outflow, intra_total, gen) -> np.ndarray:
    """(72, 17, 17) 시도 사이 이동. 행 = 출발(전출지), 열 = 도착(전입지), 대각선 = 시도 안 이동."""
    n_t, n = len(MONTHS), len(SHORT)
    od = np.zeros((n_t, n, n), dtype=np.int64)
    noise = gen.normal(0, GRAVITY["noise_sd"], (n, n))
    w2019 = _gravity_weight(pop.loc[2019], noise)
    mask = np.ones((n, n), bool)
    mask[S_IDX, :] = mask[:, S_IDX] = False
    np.fill_diagonal(mask, False)
    k = NATION_INTER_2019 / w2019[mask].sum()
    nshare = _season_share(NATION_SEASON)
    inflow_y = {y: int(inflow[YEAR_OF == y].sum()) for y in YEARS}
    outflow_y = {y: int(outflow[YEAR_OF == y].sum()) for y in YEARS}
    in_sh, out_sh = _sejong_shares(pop, inflow_y, outflow_y)
    others = [i for i in range(n) if i != S_IDX]
    for t in range(n_t):
        y = YEAR_OF[t]
        expected = k * _gravity_weight(pop.loc[y], noise) * YEAR_FACTOR[y] * nshare[t]
        month_noise = np.exp(gen.normal(0, 0.04, (n, n)))
        od[t] = np.where(mask, np.round(expected * month_noise), 0).astype(np.int64)
        od[t, others, S_IDX] = _round_to(in_sh[y].to_numpy(), int(inflow[t]))
        od[t, S_IDX, others] = _round_to(out_sh[y].to_numpy(), int(outflow[t]))
        for i, s in enumerate(SHORT):
            if i == S_IDX:
                od[t, i, i] = intra_total[t]
            else:
                rate = WITHIN_RATE[s] * YEAR_FACTOR[y] * nshare[t] * np.exp(gen.normal(0, 0.02))
                od[t, i, i] = int(round(pop.loc[y, s] * rate))
    return od


# ---------------------------------------------------------------------------
# 5. 시군구별 이동자수 (세로형 표의 행)
# ---------------------------------------------------------------------------
def _split(total: np.ndarray, shares, gen) -> np.ndarray:
    """달마다 총량을 비율대로 나눔 (다항 분포, 합이 정확히 같음). 결과 (len(shares), 72)."""
    p = np.asarray(shares, float) / np.sum(shares)
    return np.stack([gen.multinomial(int(n), p) for n in total], axis=1)


def _sgg_rows(od: np.ndarray, gen) -> dict:
    """행 이름 → (72, 8) 배열 (ITEMS 순서). "-" 인 칸은 NA 로 둡니다."""
    n_t = od.shape[0]
    idx = {s: i for i, s in enumerate(SHORT)}
    inter_in = {s: od[:, [j for j in range(len(SHORT)) if j != i], i].sum(1) for s, i in idx.items()}
    inter_out = {s: od[:, i, [j for j in range(len(SHORT)) if j != i]].sum(1) for s, i in idx.items()}
    within = {s: np.round(od[:, i, i] * SAME_SGG_SHARE[s]).astype(np.int64) for s, i in idx.items()}
    between = {s: od[:, i, i] - within[s] for s, i in idx.items()}

    def sido_row(s):
        w, b, i_, o = within[s], between[s], inter_in[s], inter_out[s]
        return np.stack([w + b + i_, w + b + o, i_ - o, w, b, b, i_, o], axis=1)

    def unit_row(w, b_in, b_out, i_, o):
        return np.stack([w + b_in + i_, w + b_out + o, (b_in + i_) - (b_out + o),
                         w, b_in, b_out, i_, o], axis=1)

    rows = {}
    nat_w = sum(within.values())
    nat_b = sum(between.values())
    nat_inter = sum(inter_in.values())
    rows["전국"] = np.stack([nat_w + nat_b + nat_inter, nat_w + nat_b + nat_inter,
                           np.zeros(n_t, np.int64), nat_w, nat_b, nat_b, nat_inter, nat_inter], 1)
    for s in ("서울", "대전", "충북", "충남"):
        rows[s] = sido_row(s)
    gu = [GU_SHARES[g] for g in DAEJEON_GU]
    parts = [_split(inter_in["대전"], [g[0] for g in gu], gen),
             _split(inter_out["대전"], [g[1] for g in gu], gen),
             _split(within["대전"], [g[2] for g in gu], gen),
             _split(between["대전"], [g[3] for g in gu], gen),
             _split(between["대전"], [g[4] for g in gu], gen)]
    for k, g in enumerate(DAEJEON_GU):
        rows[g] = unit_row(parts[2][k], parts[3][k], parts[4][k], parts[0][k], parts[1][k])
    for name, (do, si, so, sw, sbi, sbo) in CITY_SHARES.items():
        noise = np.exp(gen.normal(0, 0.03, (5, n_t)))
        part = [np.round(x * s * e).astype(np.int64) for x, s, e in
                zip((within[do], between[do], between[do], inter_in[do], inter_out[do]),
                    (sw, sbi, sbo, si, so), noise)]
        rows[name] = unit_row(*part)
    for name in ABOLISHED:
        rows[name] = np.zeros((n_t, len(ITEMS)), np.int64)
    s = sido_row(SEJONG)
    s[:, 4:6] = NA                                  # 시군구가 하나뿐: 시군구간 이동 없음 ("-")
    rows[SEJONG] = s
    return rows


# ---------------------------------------------------------------------------
# 6. 나이·성별, 사유 (세종, 연간)
# ---------------------------------------------------------------------------
def _interp_profile(table: dict, y: int) -> np.ndarray:
    """2019 과 2024 의 구성 사이를 직선으로 (REASON_* 용)."""
    lam = (y - 2019) / 5
    return (1 - lam) * np.array(table[2019]) + lam * np.array(table[2024])


def _age_table(inflow, outflow, intra, gen) -> pd.DataFrame:
    male = np.array(MALE_SHARE_BY_BAND)
    rows = []
    for y in YEARS:
        sel = YEAR_OF == y
        cols = {}
        for key, prof, total in (("inter_in", AGE_IN, inflow[sel].sum()),
                                 ("inter_out", AGE_OUT, outflow[sel].sum()),
                                 ("intra", AGE_INTRA, intra[sel].sum())):
            p = gen.dirichlet(np.array(prof) * 20_000)
            cells = np.concatenate([p * male, p * (1 - male)])
            cols[key] = gen.multinomial(int(total), cells / cells.sum())
        for s, sex in enumerate(("남자", "여자")):
            for b, band in enumerate(AGE_BANDS):
                k = s * len(AGE_BANDS) + b
                rows.append({"year": y, "sex": sex, "band": band,
                             **{key: int(v[k]) for key, v in cols.items()}})
    return pd.DataFrame(rows)


def _reason_table(inflow, outflow, intra, gen) -> pd.DataFrame:
    rows = []
    for y in YEARS:
        sel = YEAR_OF == y
        cols = {key: gen.multinomial(int(total), _interp_profile(table, y) /
                                     _interp_profile(table, y).sum())
                for key, table, total in (("inter_in", REASON_IN, inflow[sel].sum()),
                                          ("inter_out", REASON_OUT, outflow[sel].sum()),
                                          ("intra", REASON_INTRA, intra[sel].sum()))}
        for r, reason in enumerate(REASONS):
            rows.append({"year": y, "reason": reason, **{k: int(v[r]) for k, v in cols.items()}})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# 모두 만들기
# ---------------------------------------------------------------------------
@lru_cache(maxsize=2)
def build_migration(seed: int) -> Migration:
    """모의 인구이동 전체 (같은 시드 → 같은 결과; 프로세스 안에서 캐시)."""
    city = build_city(seed)
    gen = rng("migration", seed)
    area = _area_matrix(city)
    births, deaths = _vital(city, area, gen)
    prev = _previous(area, births, deaths)
    net = area - prev - births + deaths                 # 구역 순이동 (시도간 + 시군구내)
    inflow, outflow, intra_total = _city_totals(net.sum(axis=0))
    intra, inter_in, inter_out = _areas(city, area, prev, net, inflow, outflow, intra_total)
    pop = _sido_population(city)
    od = _sido_od(city, pop, inflow, outflow, intra_total, gen)
    sgg = _sgg_rows(od, gen)
    age = _age_table(inflow, outflow, intra_total, gen)
    reason = _reason_table(inflow, outflow, intra_total, gen)
    return Migration(tuple(city.emd["emd_code"]), area, prev, births, deaths, inter_in, inter_out,
                     intra, od, pop, sgg, age, reason)


# ---------------------------------------------------------------------------
# 발표 단위(그 달의 행정구역)로 묶기
# ---------------------------------------------------------------------------
def published_components(mig: Migration) -> pd.DataFrame:
    """행정동 × 달 인구 증감 요인 (긴 표). 열: month, emd_code, births, deaths, inter_in, inter_out,
    intra_in, intra_out, boundary. 그 달에 없는 행정동은 모두 0."""
    codes = list(mig.codes)
    pos = {c: i for i, c in enumerate(codes)}
    rows = []
    for t, month in enumerate(MONTHS):
        owner = mig.owner(t)
        owner_prev = mig.owner(t - 1) if t > 0 else owner
        o_idx = np.array([pos[o] for o in owner])
        cross = mig.intra[t] * (o_idx[:, None] != o_idx[None, :])
        agg = {}
        for key, values in (("births", mig.births[:, t]), ("deaths", mig.deaths[:, t]),
                            ("inter_in", mig.inter_in[:, t]), ("inter_out", mig.inter_out[:, t]),
                            ("intra_in", cross.sum(axis=0)), ("intra_out", cross.sum(axis=1))):
            agg[key] = np.bincount(o_idx, weights=values, minlength=len(codes)).astype(np.int64)
        p_idx = np.array([pos[o] for o in owner_prev])
        prev = mig.area_prev[:, t]
        agg["boundary"] = (np.bincount(o_idx, weights=prev, minlength=len(codes))
                           - np.bincount(p_idx, weights=prev, minlength=len(codes))).astype(np.int64)
        for i, code in enumerate(codes):
            rows.append({"month": month, "emd_code": code, **{k: int(v[i]) for k, v in agg.items()}})
    return pd.DataFrame(rows)


def published_od(mig: Migration) -> pd.DataFrame:
    """행정동 사이 이동 (0 이 아닌 쌍만). 열: month, origin_code, dest_code, movers."""
    codes = list(mig.codes)
    pos = {c: i for i, c in enumerate(codes)}
    rows = []
    for t, month in enumerate(MONTHS):
        o_idx = np.array([pos[o] for o in mig.owner(t)])
        mat = np.zeros((len(codes), len(codes)), dtype=np.int64)
        np.add.at(mat, (o_idx[:, None].repeat(len(codes), 1), o_idx[None, :].repeat(len(codes), 0)),
                  mig.intra[t])
        np.fill_diagonal(mat, 0)
        for a, b in zip(*np.nonzero(mat)):
            rows.append((month, codes[a], codes[b], int(mat[a, b])))
    return pd.DataFrame(rows, columns=["month", "origin_code", "dest_code", "movers"])


def sejong_monthly(mig: Migration) -> pd.DataFrame:
    """세종 시 전체 달별 요약: births, deaths, inter_in, inter_out, intra, net, population."""
    od = mig.sido_od
    return pd.DataFrame({
        "month": MONTHS, "births": mig.births.sum(0), "deaths": mig.deaths.sum(0),
        "inter_in": od[:, :, S_IDX].sum(1) - od[:, S_IDX, S_IDX],
        "inter_out": od[:, S_IDX, :].sum(1) - od[:, S_IDX, S_IDX],
        "intra": od[:, S_IDX, S_IDX], "population": mig.area_pop.sum(0)}).assign(
        net=lambda d: d["inter_in"] - d["inter_out"])


def calibration(mig: Migration) -> pd.DataFrame:
    """보정 목표(사실 파일 §5)와 모의 값, 오차(%)."""
    sj = sejong_monthly(mig).assign(year=YEAR_OF)
    yearly = sj.groupby("year")[["inter_in", "inter_out", "net", "intra"]].sum()
    od = mig.sido_od
    by_year = {y: od[YEAR_OF == y].sum(0) for y in YEARS}

    def from_(y, s):
        return int(by_year[y][SHORT.index(s), S_IDX])

    def to_(y, s):
        return int(by_year[y][S_IDX, SHORT.index(s)])

    month = {m: i for i, m in enumerate(MONTHS)}
    rows = [
        ("2019 순이동(시도간)", 23_724, yearly.loc[2019, "net"]),
        ("2020 순이동(시도간)", 13_025, yearly.loc[2020, "net"]),
        ("2022 순이동(시도간)", 10_128, yearly.loc[2022, "net"]),
        ("2019 총전입(시군구내 포함)", 82_398, yearly.loc[2019, "inter_in"] + yearly.loc[2019, "intra"]),
        ("2019 시군구내 이동", 28_381, yearly.loc[2019, "intra"]),
        ("2020 시도간 전입", 48_889, yearly.loc[2020, "inter_in"]),
        ("2020 시도간 전출", 35_864, yearly.loc[2020, "inter_out"]),
        ("2020 총전입(시군구내 포함)", 78_934, yearly.loc[2020, "inter_in"] + yearly.loc[2020, "intra"]),
        ("2020 시군구내 이동", 30_045, yearly.loc[2020, "intra"]),
        ("2020 대전에서 온 전입 비율(%)", 31.6, 100 * from_(2020, "대전") / yearly.loc[2020, "inter_in"]),
        ("2020 충남에서 온 전입", 6_748, from_(2020, "충남")),
        ("2020 경기에서 온 전입", 6_130, from_(2020, "경기")),
        ("2020 서울에서 온 전입", 5_546, from_(2020, "서울")),
        ("2020 충북에서 온 전입", 5_261, from_(2020, "충북")),
        ("2020 대전과의 순이동", 7_171, from_(2020, "대전") - to_(2020, "대전")),
        ("2019 대전에서 온 전입", 20_314, from_(2019, "대전")),
        ("2019 경기에서 온 전입", 6_923, from_(2019, "경기")),
        ("2019 충남에서 온 전입", 6_495, from_(2019, "충남")),
        ("2019 충북에서 온 전입", 4_948, from_(2019, "충북")),
        ("2019 대전과의 순이동", 13_282, from_(2019, "대전") - to_(2019, "대전")),
        ("2019 충남과의 순이동", 2_165, from_(2019, "충남") - to_(2019, "충남")),
        ("2019 경기와의 순이동", 1_853, from_(2019, "경기") - to_(2019, "경기")),
        ("2019 충북과의 순이동", 1_560, from_(2019, "충북") - to_(2019, "충북")),
        ("2019 서울과의 순이동", 1_431, from_(2019, "서울") - to_(2019, "서울")),
        ("2022 대전과의 순이동", 3_618, from_(2022, "대전") - to_(2022, "대전")),
        ("2021-01 순이동", 1_822, sj.loc[month["2021-01"], "net"]),
        ("2021-10 순이동", 1_509, sj.loc[month["2021-10"], "net"]),
        ("2021-10 총전입", 6_433, sj.loc[month["2021-10"], ["inter_in", "intra"]].sum()),
        ("2021-10 총전출", 4_924, sj.loc[month["2021-10"], ["inter_out", "intra"]].sum()),
        ("2019 순이동률(%)", 7.3, 100 * yearly.loc[2019, "net"] / sj.loc[month["2019-06"], "population"]),
        ("2020 순이동률(%)", 3.8, 100 * yearly.loc[2020, "net"] / sj.loc[month["2020-06"], "population"]),
    ]
    table = pd.DataFrame(rows, columns=["target", "published", "simulated"])
    table["simulated"] = table["simulated"].astype(float)
    table["error_pct"] = (table["simulated"] / table["published"] - 1) * 100
    return table


# ---------------------------------------------------------------------------
# 파일 쓰기
# ---------------------------------------------------------------------------
SIDO_NAME = {s.short: s.name for s in SIDOS}
UNIT_NAME = {**SIDO_NAME, "전국": "전국"}


def _period_month(month: str, spaced: bool = False) -> str:
    """KOSIS 시점: "2019.01" (spaced=True 면 "2019. 01"), 잠정치는 뒤에 " p)"."""
    text = f"{month[:4]}. {month[5:]}" if spaced else f"{month[:4]}.{month[5:]}"
    return text + (" p)" if month in PROVISIONAL_MONTHS else "")


def _period_year(year: int) -> str:
    return f"{year}" + (" p)" if year in PROVISIONAL_YEARS else "")


def _cell(v: int) -> str:
    return "-" if v == NA else str(int(v))


def _item_header(items) -> list[str]:
    return [f"{item} (명)" for item in items]


def write_sgg(city: City, out: Path) -> None:
    """시군구별 이동자수 (세로형): 행정구역(시군구)별 × 시점, 8개 항목."""
    mig = build_migration(city.seed)
    rows = []
    for unit in SGG_ROWS:
        label = UNIT_NAME.get(unit, unit)
        for t, month in enumerate(MONTHS):
            rows.append([label, _period_month(month)] + [_cell(v) for v in mig.sgg[unit][t]])
    write_quoted_csv(out / SGG_FILE, ["행정구역(시군구)별", "시점"] + _item_header(ITEMS), rows)


def write_od(city: City, out: Path) -> None:
    """전출지/전입지(시도)별 이동자수 (가로형, 두 줄 머리글: 시점 / 항목)."""
    mig = build_migration(city.seed)
    od = mig.sido_od
    n = len(SHORT)
    full = np.zeros((len(MONTHS), n + 1, n + 1), dtype=np.int64)   # 0 번 = 전국
    full[:, 1:, 1:] = od
    full[:, 0, 1:] = od.sum(axis=1)
    full[:, 1:, 0] = od.sum(axis=2)
    full[:, 0, 0] = od.sum(axis=(1, 2))
    net = full - full.transpose(0, 2, 1)
    names = ["전국"] + [SIDO_NAME[s] for s in SHORT]
    head1 = ["전출지별", "전입지별"]
    head2 = ["전출지별", "전입지별"]
    for month in MONTHS:
        head1 += [_period_month(month, spaced=True)] * 2
        head2 += ["이동자수 (명)", "순이동자수 (명)"]
    rows = [head2]
    for i, origin in enumerate(names):
        for j, dest in enumerate(names):
            cells = []
            for t in range(len(MONTHS)):
                cells += [str(full[t, i, j]), str(net[t, i, j])]
            rows.append([origin, dest] + cells)
    write_quoted_csv(out / OD_FILE, head1, rows)


def write_age(city: City, out: Path) -> None:
    """성·연령별 이동자수 (세종, 연간, 세로형)."""
    mig = build_migration(city.seed)
    age = mig.age
    rows = []
    sexes = (("계", ("남자", "여자")), ("남자", ("남자",)), ("여자", ("여자",)))
    for label, members in sexes:
        part = age[age["sex"].isin(members)]
        for band in ("계",) + AGE_BANDS:
            sel = part if band == "계" else part[part["band"] == band]
            for y in YEARS:
                v = sel[sel["year"] == y][["inter_in", "inter_out", "intra"]].sum()
                i_, o, w = int(v["inter_in"]), int(v["inter_out"]), int(v["intra"])
                values = [w + i_, w + o, i_ - o, w, NA, NA, i_, o]
                rows.append([SIDO_NAME[SEJONG], label, band, _period_year(y)]
                            + [_cell(x) for x in values])
    write_quoted_csv(out / AGE_FILE, ["행정구역(시도)별", "성별", "연령별", "시점"]
                     + _item_header(ITEMS), rows)


def write_reason(city: City, out: Path) -> None:
    """전입사유별 이동자수 (세종, 연간, 세로형)."""
    mig = build_migration(city.seed)
    reason = mig.reason
    rows = []
    for label in ("계",) + REASONS:
        sel = reason if label == "계" else reason[reason["reason"] == label]
        for y in YEARS:
            v = sel[sel["year"] == y][["inter_in", "inter_out", "intra"]].sum()
            i_, o, w = int(v["inter_in"]), int(v["inter_out"]), int(v["intra"])
            values = [w + i_, w + o, i_ - o, w, NA, NA, i_, o]
            rows.append([SIDO_NAME[SEJONG], label, _period_year(y)] + [_cell(x) for x in values])
    write_quoted_csv(out / REASON_FILE, ["행정구역(시도)별", "전입사유별", "시점"]
                     + _item_header(ITEMS), rows)


def write_population(city: City, out: Path) -> None:
    """시도별 주민등록인구 (12월 말, 연간, 세로형)."""
    mig = build_migration(city.seed)
    pop = mig.sido_pop
    rows = []
    for unit in ["전국"] + SHORT:
        for y in YEARS:
            value = int(pop.loc[y].sum()) if unit == "전국" else int(pop.loc[y, unit])
            rows.append([UNIT_NAME[unit], _period_year(y), str(value)])
    write_quoted_csv(out / POP_FILE, ["행정구역(시도)별", "시점", "총인구수 (명)"], rows)


def write_emd_od(city: City, out: Path) -> None:
    """세종시 안 읍면동 사이 이동 (0 이 아닌 쌍만), 세로형."""
    mig = build_migration(city.seed)
    names = dict(zip(city.emd["emd_code"], city.emd["emd_name"]))
    od = published_od(mig)
    rows = [[names[o], names[d], _period_month(m, spaced=False).replace(" p)", ""), str(v)]
            for m, o, d, v in od.itertuples(index=False)]
    write_quoted_csv(out / EMD_OD_FILE, ["전출지(읍면동)별", "전입지(읍면동)별", "시점",
                                         "이동자수 (명)"], rows)


def write_emd_components(city: City, out: Path) -> None:
    """읍면동별 인구 증감 요인, 세로형. 그 달에 없는 행정동은 0."""
    mig = build_migration(city.seed)
    names = dict(zip(city.emd["emd_code"], city.emd["emd_name"]))
    comp = published_components(mig)
    keys = ["births", "deaths", "inter_in", "inter_out", "intra_in", "intra_out", "boundary"]
    comp = comp.assign(order=comp["emd_code"].map({c: i for i, c in enumerate(mig.codes)}))
    comp = comp.sort_values(["order", "month"], kind="mergesort")
    rows = [[names[r.emd_code], f"{r.month[:4]}.{r.month[5:]}"] + [str(getattr(r, k)) for k in keys]
            for r in comp.itertuples(index=False)]
    write_quoted_csv(out / EMD_COMP_FILE, ["읍면동별", "시점"] + _item_header(COMP_ITEMS), rows)


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("kosis_migration_sgg_monthly", SGG_FILE, write_sgg),
    ("kosis_migration_od_sido_monthly", OD_FILE, write_od),
    ("kosis_migration_age_yearly", AGE_FILE, write_age),
    ("kosis_migration_reason_yearly", REASON_FILE, write_reason),
    ("kosis_population_sido_yearly", POP_FILE, write_population),
    ("migration_emd_od_monthly", EMD_OD_FILE, write_emd_od),
    ("migration_emd_components_monthly", EMD_COMP_FILE, write_emd_components),
)
