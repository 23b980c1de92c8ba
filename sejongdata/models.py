"""회귀 모형 결과를 읽기 쉽게 정리하는 도구 (statsmodels).

- :func:`dispersion`: 포아송 모형의 과대산포(overdispersion) 정도 (피어슨 χ² / 자유도).
- :func:`rate_ratios`: 로그 연결 모형(포아송, 음이항)의 계수를 **발생률 비**(rate ratio, exp(계수))로.

statsmodels 의 ``summary()`` 는 실행 날짜·시각을 찍어 노트북 출력이 매번 달라지므로,
장 노트북에서는 이 함수들이 만든 표를 보여 줍니다.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def dispersion(result) -> float:
    """피어슨 χ² 를 잔차 자유도로 나눈 값. 1 에 가까우면 포아송 가정이 맞고, 1 보다 훨씬 크면 과대산포."""
    return float(result.pearson_chi2 / result.df_resid)


def rate_ratios(result, terms=None, digits: int = 3) -> pd.DataFrame:
    """계수를 발생률 비와 95 % 신뢰구간, p 값으로 정리합니다.

    ``terms`` 를 주면 그 항만 (주어진 순서대로) 보여 줍니다. 음이항 모형의 ``alpha`` 는 뺍니다.
    """
    params, ci, pvalues = result.params, result.conf_int(), result.pvalues
    names = list(terms) if terms is not None else [n for n in params.index if n != "alpha"]
    missing = [n for n in names if n not in params.index]
    if missing:
        raise KeyError(f"모형에 없는 항: {missing}. 있는 항: {list(params.index)[:12]} …")
    table = pd.DataFrame({
        "rate_ratio": np.exp(params[names]),
        "ci_low": np.exp(ci.loc[names, 0]),
        "ci_high": np.exp(ci.loc[names, 1]),
        "p_value": pvalues[names],
    })
    return table.round(digits)


def estimate_nb_alpha(formula: str, data, digits: int = 4) -> float:
    """음이항(NB2) 모형의 산포 모수 α 를 최대우도로 추정해 반올림해 돌려줍니다.

    statsmodels 의 최적화는 탐색 중에 log(0) 같은 수치 경고를 내지만 결과와는 무관하므로 숨깁니다.
    수렴하지 않으면 분명한 오류를 냅니다. 추정한 α 는
    ``smf.glm(formula, data, family=sm.families.NegativeBinomial(alpha=α))`` 에 넣어 씁니다.
    """
    import warnings

    import statsmodels.formula.api as smf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = smf.negativebinomial(formula, data=data).fit(disp=0, maxiter=300)
    if not result.mle_retvals.get("converged", False):
        raise RuntimeError("음이항 모형의 α 추정이 수렴하지 않았습니다. 변수나 자료를 확인하세요.")
    return round(float(result.params["alpha"]), digits)


def coefficients(result, terms=None, digits: int = 3) -> pd.DataFrame:
    """계수 그대로(로그-로그 모형에서는 탄력성)와 95 % 신뢰구간, p 값을 반올림한 표로 정리합니다.

    :func:`rate_ratios` 와 달리 exp 를 하지 않습니다. 중력 모형처럼 설명 변수도 로그인 항은 계수가 곧
    탄력성(설명 변수가 1 % 늘 때 기대값이 몇 % 느는가)입니다. 신뢰구간은 적합할 때 고른 공분산
    (예: ``cov_type="HC1"`` 강건 표준오차)을 따릅니다.
    """
    params, ci, pvalues = result.params, result.conf_int(), result.pvalues
    names = list(terms) if terms is not None else [n for n in params.index if n != "alpha"]
    missing = [n for n in names if n not in params.index]
    if missing:
        raise KeyError(f"모형에 없는 항: {missing}. 있는 항: {list(params.index)[:12]} …")
    table = pd.DataFrame({"coef": params[names], "ci_low": ci.loc[names, 0],
                          "ci_high": ci.loc[names, 1], "p_value": pvalues[names]})
    return table.round(digits)
