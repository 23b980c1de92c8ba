"""교차분석 도구(sejongdata/stats.py)와 일별 달력 변수(sejongdata/calendar.py) 시험 (5장이 씀)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency
from scipy.stats.contingency import association

from sejongdata import calendar, stats

pytestmark = pytest.mark.chapter("05")


# ---------------------------------------------------------------------------
# 크라메르 V, 카이제곱
# ---------------------------------------------------------------------------
def test_cramers_v_matches_scipy_and_known_cases():
    table = np.array([[30, 10, 5], [10, 25, 20], [5, 15, 40]])
    assert stats.cramers_v(table) == pytest.approx(association(table, method="cramer"))
    assert stats.cramers_v([[50, 0], [0, 50]]) == pytest.approx(1.0)      # 완전한 연관
    assert stats.cramers_v([[20, 40], [10, 20]]) == pytest.approx(0.0)    # 독립 (비례하는 행)


def test_cramers_v_does_not_grow_with_sample_size_but_p_shrinks():
    table = np.array([[120, 100, 80], [100, 100, 100]])
    small, big = stats.chi_square(table), stats.chi_square(table * 1000)
    assert small["cramers_v"] == pytest.approx(big["cramers_v"])
    assert big["p"] < 1e-100 < small["p"]
    assert small["dof"] == 2 and small["n"] == table.sum()
    assert small["chi2"] == pytest.approx(chi2_contingency(table, correction=False)[0])


def test_cramers_v_accepts_frames_with_missing_and_empty_lines():
    frame = pd.DataFrame({"a": [10, 5, np.nan], "b": [3, 9, np.nan], "c": [0, 0, np.nan]})
    assert stats.cramers_v(frame) == pytest.approx(stats.cramers_v([[10, 3], [5, 9]]))


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="2행 2열"):
        stats.cramers_v([[1, 2, 3]])
    with pytest.raises(ValueError, match="음수"):
        stats.cramers_v([[1, -2], [3, 4]])


def test_format_p():
    assert stats.format_p(0.0) == "p < 1e-300"
    assert stats.format_p(3.21e-12) == "p = 3.2e-12"
    assert stats.format_p(0.04567) == "p = 0.046"
    with pytest.raises(ValueError):
        stats.format_p(1.5)


# ---------------------------------------------------------------------------
# HHI
# ---------------------------------------------------------------------------
def test_hhi():
    assert stats.hhi([50, 30, 20]) == pytest.approx(3_800)
    assert stats.hhi([1, 1, 1, 1]) == pytest.approx(2_500)
    assert stats.hhi([7, 0, np.nan]) == pytest.approx(10_000)
    assert stats.hhi([0.5, 0.5], scale=1) == pytest.approx(0.5)
    assert stats.hhi(pd.Series([2, 2, 4])) == stats.hhi([25, 25, 50])   # 단위와 무관 (몫만 씀)
    with pytest.raises(ValueError):
        stats.hhi([0, 0])
    with pytest.raises(ValueError):
        stats.hhi([3, -1])


# ---------------------------------------------------------------------------
# 가린 칸의 경계
# ---------------------------------------------------------------------------
def test_suppressed_bounds_for_counts_and_amounts():
    values = pd.Series([10, pd.NA, 7, pd.NA], dtype="Int64")
    hidden = [False, True, False, True]
    assert stats.suppressed_bounds(values, hidden) == (19.0, 25.0)          # 17 + 2×1, 17 + 2×4
    assert stats.suppressed_bounds(values, hidden, low=0, high=0) == (17.0, 17.0)
    low, high = np.array([0, 1_000, 0, 2_000]), np.array([0, 40_000, 0, 80_000])
    assert stats.suppressed_bounds([500, None, 300, None], hidden, low, high) == (3_800.0, 120_800.0)
    assert stats.suppressed_bounds([1, 2], [False, False]) == (3.0, 3.0)


def test_suppressed_bounds_refuse_inconsistent_input():
    with pytest.raises(ValueError, match="길이"):
        stats.suppressed_bounds([1, 2, 3], [False, True])
    with pytest.raises(ValueError, match="결측값"):
        stats.suppressed_bounds([1, None], [False, False])
    with pytest.raises(ValueError, match="low"):
        stats.suppressed_bounds([1, None], [False, True], low=5, high=4)


# ---------------------------------------------------------------------------
# 단절 시계열 열
# ---------------------------------------------------------------------------
def test_its_columns():
    days = pd.date_range("2022-12-30", "2023-01-02")
    cols = stats.its_columns(days, "2023-01-01")
    assert cols["post"].tolist() == [0, 0, 1, 1]
    assert cols["t"].iloc[0] == 0 and cols["t"].iloc[-1] == pytest.approx(3 / 365.25)
    assert cols["t_post"].tolist() == [0, 0, 0, pytest.approx(1 / 365.25)]
    shifted = stats.its_columns(days, "2023-01-01", origin="2022-01-01")
    assert shifted["t"].iloc[0] == pytest.approx(363 / 365.25)


def test_its_recovers_a_known_level_change():
    import statsmodels.formula.api as smf
    days = pd.date_range("2021-01-01", "2023-12-31")
    gen = np.random.default_rng(5)
    frame = stats.its_columns(days, "2023-01-01").assign(dow=days.day_of_week)
    frame["y"] = 10 + 0.1 * frame["t"] - 0.13 * frame["post"] + 0.05 * (frame["dow"] >= 5) + gen.normal(0, 0.05, len(days))
    fit = smf.ols("y ~ t + post + t_post + C(dow)", data=frame).fit(cov_type="HAC", cov_kwds={"maxlags": 14})
    low, high = fit.conf_int().loc["post"]
    assert low < -0.13 < high and math.isclose(fit.params["post"], -0.13, abs_tol=0.02)


# ---------------------------------------------------------------------------
# 달력 (2019 ~ 2024)
# ---------------------------------------------------------------------------
def test_holiday_lists_cover_2019_to_2024():
    assert sorted(calendar.HOLIDAYS) == [2019, 2020, 2021, 2022, 2023, 2024]
    for year in calendar.HOLIDAYS:
        names = list(calendar.HOLIDAYS[year].values())
        assert sum(n.startswith("설날") for n in names) == 3 and sum(n.startswith("추석") for n in names) == 3
    assert calendar.is_holiday(["2023-10-02", "2024-10-01", "2024-10-02"]).tolist() == [True, True, False]


def test_day_features():
    f = calendar.day_features(pd.date_range("2023-01-14", "2023-01-25"))
    assert f.loc[f["festival"] == "설", "date"].dt.day.tolist() == [21, 22, 23]          # 대체공휴일 24일은 연휴 밖
    assert f.loc[f["pre_festival"], "date"].dt.day.tolist() == [14, 15, 16, 17, 18, 19, 20]
    assert f.loc[f["date"] == "2023-01-24", "holiday"].item() and f["dow"].iloc[0] == 5
    pay = calendar.payday(pd.date_range("2024-01-01", "2024-12-31"))
    paid = pd.date_range("2024-01-01", "2024-12-31")[pay.to_numpy()]
    assert len(paid) == 12 and paid[0] == pd.Timestamp("2024-01-19")                  # 20일이 토요일 → 19일
    assert pd.Timestamp("2024-04-19") in paid                                           # 4월 20일 토요일
