"""교차분석과 통계적 노출 통제 도구 (statistics helpers for cross-tabulated releases).

- :func:`cramers_v` — 분할표의 연관 크기 크라메르 V (Cramér's V, 0 ~ 1)
- :func:`chi_square` — 독립성 카이제곱 검정과 V 를 한 표로 (통계량, 자유도, p 값, 표본 수, V)
- :func:`format_p` — p 값을 사람이 읽는 글자로 (아주 작은 값은 'p < 1e-300')
- :func:`hhi` — 허핀달-허쉬만 지수 (Herfindahl-Hirschman index, 기본 0 ~ 10,000)
- :func:`suppressed_bounds` — 가린(비공개) 칸이 있는 합계의 아래·위 경계
- :func:`its_columns` — 단절 시계열(분절 회귀)의 추세·수준 변화·기울기 변화 열

예::

    from sejongdata import stats
    stats.cramers_v(pd.crosstab(df.age_band, df.sector, values=df.transactions, aggfunc="sum"))
    stats.hhi([50, 30, 20])          # 3,800
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency

__all__ = ["cramers_v", "chi_square", "format_p", "hhi", "suppressed_bounds", "its_columns"]


def _table(table) -> np.ndarray:
    values = np.asarray(pd.DataFrame(table).astype("float64").fillna(0.0).to_numpy())
    if values.ndim != 2 or min(values.shape) < 2:
        raise ValueError(f"분할표는 2행 2열 이상이어야 합니다 (받은 모양: {values.shape}).")
    if (values < 0).any():
        raise ValueError("분할표에 음수가 있습니다 (건수 표여야 합니다).")
    return values


def cramers_v(table, correction: bool = False) -> float:
    """분할표의 크라메르 V = √(χ² / (n · (min(행, 열) − 1))). 0 이면 독립, 1 이면 완전한 연관.

    ``table`` 은 건수 표(DataFrame 또는 2차원 배열)입니다. 결측값은 0 으로 봅니다. 행이나 열의 합이 0 인
    줄은 뺍니다. ``correction=True`` 면 2 × 2 표에 예이츠 연속성 보정을 합니다 (scipy 와 같음).
    V 는 표본 수에 따라 커지지 않으므로, 큰 표본의 아주 작은 p 값과 달리 연관의 **크기**를 말해 줍니다.
    """
    values = _table(table)
    values = values[values.sum(axis=1) > 0][:, values.sum(axis=0) > 0]
    n = values.sum()
    k = min(values.shape) - 1
    if n == 0 or k == 0:
        return 0.0
    chi2 = chi2_contingency(values, correction=correction)[0]
    return float(math.sqrt(chi2 / (n * k)))


def chi_square(table) -> pd.Series:
    """독립성 카이제곱 검정: chi2, dof, p, n, cramers_v 를 담은 Series (보정 없음)."""
    values = _table(table)
    values = values[values.sum(axis=1) > 0][:, values.sum(axis=0) > 0]
    chi2, p, dof, _ = chi2_contingency(values, correction=False)
    n = values.sum()
    v = math.sqrt(chi2 / (n * (min(values.shape) - 1)))
    return pd.Series({"chi2": float(chi2), "dof": int(dof), "p": float(p), "n": float(n), "cramers_v": float(v)})


def format_p(p: float, digits: int = 2) -> str:
    """p 값을 글자로: 0.0312 → 'p = 0.031', 3.2e-12 → 'p = 3.2e-12', 0 (부동소수 밑넘침) → 'p < 1e-300'."""
    if not 0 <= p <= 1:
        raise ValueError(f"p 값은 0~1 이어야 합니다 (받은 값: {p}).")
    if p < 1e-300:
        return "p < 1e-300"
    if p < 0.001:
        return f"p = {p:.{digits - 1}e}"
    return f"p = {p:.{digits + 1}f}"


def hhi(values, scale: float = 10_000) -> float:
    """허핀달-허쉬만 지수: 몫(share)의 제곱합 × ``scale``. 몫은 값을 합으로 나눠 구합니다.

    한 곳이 전부를 차지하면 ``scale``(기본 10,000), n 곳이 똑같이 나누면 ``scale / n``. 결측값은 0 으로 봅니다.
    ``scale / hhi`` 는 '같은 크기로 나눈다면 몇 곳에 해당하는가'(동등 개수, equivalent number)입니다.
    """
    x = pd.Series(values, dtype="float64").fillna(0.0).to_numpy()
    if (x < 0).any():
        raise ValueError("HHI 에 음수 값을 넣을 수 없습니다.")
    total = x.sum()
    if total <= 0:
        raise ValueError("값의 합이 0 이라 몫을 구할 수 없습니다.")
    return float(((x / total) ** 2).sum() * scale)


def suppressed_bounds(values, suppressed, low=1, high=4) -> tuple[float, float]:
    """가린 칸이 섞인 합계의 (아래 경계, 위 경계).

    ``values`` 는 칸의 값(가린 칸은 NA 여도 됨), ``suppressed`` 는 가린 칸이면 True 인 배열입니다.
    공개된 칸의 합에, 가린 칸마다 ``low`` ~ ``high`` 를 더합니다. 결제 5건 미만을 가린 표의 건수라면
    가린 칸은 1 ~ 4건이므로 기본값(1, 4)이 맞습니다 (0건인 칸은 행이 없으므로). 금액이라면 칸마다 다른 값을
    배열로 줄 수 있습니다 (예: 1건 × 가장 작은 결제 ~ 4건 × 가장 큰 결제).

    예::

        suppressed_bounds(cross["transactions"], cross["suppressed"])   # (아래, 위)
    """
    hidden = pd.Series(suppressed).fillna(False).astype(bool).to_numpy()
    x = pd.Series(values).astype("float64").to_numpy()
    if len(x) != len(hidden):
        raise ValueError(f"values({len(x)})와 suppressed({len(hidden)})의 길이가 다릅니다.")
    if np.isnan(x[~hidden]).any():
        raise ValueError("가리지 않은 칸에 결측값이 있습니다 (가린 칸만 NA 여야 합니다).")
    low = np.broadcast_to(np.asarray(low, dtype="float64"), x.shape)
    high = np.broadcast_to(np.asarray(high, dtype="float64"), x.shape)
    if (low > high).any():
        raise ValueError("low 가 high 보다 큰 칸이 있습니다.")
    shown = float(x[~hidden].sum())
    return shown + float(low[hidden].sum()), shown + float(high[hidden].sum())


def its_columns(dates, break_date, origin=None) -> pd.DataFrame:
    """단절 시계열의 분절 회귀 열: t(origin 부터 지난 햇수), post(단절 뒤 1), t_post(단절 뒤 지난 햇수, 앞은 0).

    회귀식 ``y ~ t + post + t_post + (계절·요일 …)`` 에서 post 의 계수가 **수준 변화**(level change),
    t_post 의 계수가 **기울기 변화**(slope change, 1년당)입니다. ``origin`` 을 주지 않으면 첫 날짜.

    예::

        its_columns(pd.date_range("2021-01-01", "2023-12-31"), "2023-01-01")
    """
    days = pd.to_datetime(pd.Series(dates)).reset_index(drop=True)
    start = pd.Timestamp(origin) if origin is not None else days.min()
    cut = pd.Timestamp(break_date)
    post = (days >= cut).astype(int)
    years = (days - start).dt.days / 365.25
    since = ((days - cut).dt.days / 365.25).where(post == 1, 0.0)
    return pd.DataFrame({"t": years.to_numpy(), "post": post.to_numpy(), "t_post": since.to_numpy()})
