"""예측·저장 모의실험·경보 도구(sejongdata/forecast.py) 시험 (작은 인공 자료로)."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from sejongdata import forecast

pytestmark = pytest.mark.chapter("07")


def weekly_series(days: int = 300, seed: int = 3) -> pd.Series:
    """요일 모양 + 완만한 증가 + AR(1) 잡음의 하루 시계열 (2024년 1월 1일부터)."""
    gen = np.random.default_rng(seed)
    index = pd.date_range("2024-01-01", periods=days, freq="D")
    dow = np.array([1.15, 1.0, 0.97, 0.95, 0.94, 0.95, 1.02])[index.day_of_week]
    e = np.zeros(days)
    for t in range(1, days):
        e[t] = 0.4 * e[t - 1] + gen.normal(0, 0.03)
    return pd.Series(100 * dow * (1 + 0.0004 * np.arange(days)) * np.exp(e), index=index)


# ---------------------------------------------------------------------------
# 달력 변수, 백테스트
# ---------------------------------------------------------------------------
def test_festival_block_includes_substitute_holiday():
    block = forecast.festival_block([2024])
    assert list(block.strftime("%m-%d")) == ["02-09", "02-10", "02-11", "02-12", "09-16", "09-17", "09-18"]


def test_calendar_features_mark_days():
    x = forecast.calendar_features(pd.date_range("2024-09-14", "2024-10-03"))
    assert x.loc["2024-09-16":"2024-09-18", "festival"].tolist() == [1.0, 1.0, 1.0]
    assert x.loc["2024-09-19", "after1"] == 1 and x.loc["2024-09-20", "after2"] == 1
    assert x.loc["2024-09-19", "after2"] == 0 and x.loc["2024-09-18", "after1"] == 0
    assert x.loc["2024-10-03", "holiday"] == 1 and x.loc["2024-09-17", "holiday"] == 0
    assert x.loc["2024-09-15", "sun"] == 1 and x.loc["2024-09-16", ["tue", "wed", "sun"]].sum() == 0  # 월요일
    assert x["trend"].iloc[0] == 0 and x["const"].eq(1).all()
    with pytest.raises(ValueError, match="2031"):
        forecast.calendar_features(["2031-01-01"])


def test_rolling_origin_uses_only_the_past():
    y = weekly_series(120)
    seen = []

    def spy(train, extended, test_index):
        seen.append((train.index.max(), test_index.min(), test_index.max(), extended.index.max()))
        return extended.shift(1).reindex(test_index)           # 어제 값 (어제까지 자료만 씀)

    out = forecast.rolling_origin(y, ["2024-03-01", "2024-04-01"], spy)
    assert seen[0][0] < pd.Timestamp("2024-03-01") == seen[0][1]
    assert seen[0][2] == pd.Timestamp("2024-03-31") and seen[1][2] == y.index[-1]
    assert len(out) == (y.index >= "2024-03-01").sum()
    assert (out["forecast"].to_numpy() == y.shift(1).loc["2024-03-01":].to_numpy()).all()
    assert list(out.columns) == ["date", "origin", "actual", "forecast"]


def test_rolling_origin_rejects_gaps():
    y = weekly_series(60).drop(pd.Timestamp("2024-01-20"))
    with pytest.raises(ValueError, match="빈 날"):
        forecast.rolling_origin(y, ["2024-02-01"], "seasonal_naive")


def test_models_are_accurate_deterministic_and_warning_free():
    y = weekly_series(300)
    daily = pd.DataFrame({"plant_no": 1, "waste": "general", "date": y.index, "volume_m3": y.to_numpy()})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = forecast.backtest(daily, ["2024-08-01", "2024-09-15"])
        second = forecast.backtest(daily, ["2024-08-01", "2024-09-15"])
    pd.testing.assert_frame_equal(first, second)
    table = forecast.error_table(first)
    assert table.loc["sarimax", "mape"] < 4 and table.loc["ets", "mape"] < 4
    assert table.loc["sarimax", "mape"] < table.loc["seasonal_naive", "mape"]
    assert table["n"].eq((y.index >= "2024-08-01").sum()).all()
    snaive = first[first["model"] == "seasonal_naive"].set_index("date")["forecast"]
    assert (snaive == y.shift(7).loc["2024-08-01":]).all()


def test_error_table_numbers():
    results = pd.DataFrame({"model": ["a", "a", "b"], "actual": [100.0, 50.0, 10.0], "forecast": [90.0, 60.0, 10.0]})
    table = forecast.error_table(results)
    assert table.loc["a", "mae"] == 10 and table.loc["a", "mape"] == 15 and table.loc["b", "mae"] == 0


# ---------------------------------------------------------------------------
# 저장량 모의실험
# ---------------------------------------------------------------------------
def test_max_accumulation_and_fill_path():
    flat = np.ones(24)
    assert forecast.max_accumulation(flat, (9,)) == 24
    assert forecast.max_accumulation(flat, (9, 21)) == 12
    assert forecast.max_accumulation(flat, forecast.RUN_HOURS[3]) == 8
    assert forecast.max_accumulation(np.vstack([flat, 2 * flat]), (9, 21)).tolist() == [12, 24]
    evening = np.zeros(24)
    evening[19:21] = 5
    assert forecast.max_accumulation(evening, (9, 21)) == 10 and forecast.max_accumulation(evening, (20,)) == 10
    path = forecast.fill_path(flat, (9, 21))
    assert path[8] == 12 and path[9] == 1 and path[20] == 12 and path[21] == 1


def test_overflow_probabilities_behave():
    shapes = np.full((5, 24), 1 / 24)
    errors = np.array([-0.1, 0.0, 0.1])
    probs = forecast.overflow_probabilities(100, errors, shapes, capacity=52, seed=1)   # 빈자리 52 × 0.97 = 50.44
    assert list(probs.index) == [1, 2, 3, 4]
    assert probs[1] == 1.0 and probs[3] == 0.0 and 0.25 < probs[2] < 0.42      # 2회: 45, 50, 55 가운데 55 만 넘침
    assert probs.is_monotonic_decreasing
    again = forecast.overflow_probabilities(100, errors, shapes, capacity=52, seed=1)
    assert probs.equals(again)
    assert forecast.overflow_probabilities(100, [0.0], shapes, capacity=1000)[1] == 0.0
    assert forecast.required_runs(probs, 0.01) == 3
    assert forecast.required_runs(pd.Series({1: 0.5, 2: 0.4}), 0.01) == 2


def test_plan_runs_and_overflows():
    shapes = np.full((3, 24), 1 / 24)
    todo = pd.DataFrame({"plant_no": 1, "waste": "food", "date": pd.date_range("2024-11-01", periods=3),
                         "forecast": [20.0, 40.0, 90.0]})
    plan = forecast.plan_runs(todo, {(1, "food"): np.array([0.0])}, {(1, "food"): shapes}, {(1, "food"): 30.0},
                              target=0.01)
    assert plan["runs"].tolist() == [1, 2, 4]          # 빈자리 29.1: 20 (1회), 40/2 = 20 (2회), 90/4 = 22.5 (4회)
    assert {"p1", "p2", "p3", "p4"} <= set(plan.columns)
    volumes = np.vstack([np.full(24, 1.0), np.full(24, 2.0)])
    assert forecast.overflows(volumes, [1, 1], capacity=30).tolist() == [False, True]
    assert forecast.overflows(volumes, 2, capacity=30).tolist() == [False, False]


# ---------------------------------------------------------------------------
# 경보
# ---------------------------------------------------------------------------
def ramp_to_full() -> np.ndarray:
    """10분에 5 %p 씩 올라 100 에 닿고 30분 머문 뒤 비워지는 저장률."""
    up = np.arange(10, 100, 5.0)
    return np.concatenate([np.full(12, 10.0), up, [100, 100, 100], np.full(12, 3.0)])


def test_time_to_full():
    x = np.array([10, 20, 30, 40, 50, 60, 70, 80, 100, 100])
    ttf = forecast.time_to_full(x)
    assert np.isinf(ttf[:6]).all()
    assert ttf[6] == pytest.approx(30 / 1.0)            # 1시간에 60 %p → 1 %p/분, 남은 30 %p
    assert ttf[8] == 0
    assert np.isinf(forecast.time_to_full(np.full(10, 50.0))).all()


def test_alert_outcomes_catch_and_miss():
    x = ramp_to_full()
    caught = forecast.alert_outcomes(x, threshold_min=60)
    assert caught["events"] == 1 and caught["missed"] == 0 and caught["alerts"] >= 1
    late = forecast.alert_outcomes(x, threshold_min=20)     # 만차 20분 전에야 울림: 준비 시간(30분) 부족
    assert late["missed"] == 1
    false = forecast.alert_outcomes(np.concatenate([np.full(12, 10.0), np.arange(10, 90, 5.0), np.full(12, 3.0)]), 60)
    assert false["events"] == 0 and false["alerts"] == false["false_alarms"] >= 1


def test_alert_curve_and_threshold():
    x = ramp_to_full()
    fill = pd.DataFrame({"plant_no": 7, "waste": "food", "time": pd.date_range("2024-01-01", periods=len(x),
                                                                              freq="10min"), "fill_pct": x})
    curve = forecast.alert_curve(fill, [10, 20, 40, 60, 120])
    assert curve["miss_rate"].is_monotonic_decreasing and curve["alerts"].is_monotonic_increasing
    assert forecast.pick_threshold(curve, 0.0) == 40
    with pytest.raises(ValueError, match="임계값"):
        forecast.pick_threshold(curve.iloc[:2], 0.0)


def test_compare_schedules_counts_runs_and_full_days():
    days = pd.to_datetime(["2024-11-04", "2024-11-05"])
    idx = pd.MultiIndex.from_tuples([(7, "general", d) for d in days], names=["plant_no", "waste", "date"])
    hourly = pd.DataFrame([[1.0] * 24, [2.0] * 24], index=idx, columns=range(24))   # 하루 24 ㎥, 48 ㎥
    plan = pd.DataFrame({"plant_no": 7, "waste": "general", "date": days, "runs": [1, 3]})
    got = forecast.compare_schedules(plan, hourly, {(7, "general"): 20.0}, {"general": 2})
    fixed_days = forecast.overflows(hourly.to_numpy(), 2, 20.0)
    plan_days = forecast.overflows(hourly.to_numpy(), [1, 3], 20.0)
    assert fixed_days.tolist() != plan_days.tolist()       # 두 일정이 다른 날을 만차로 셈 (시험이 헛돌지 않음)
    want_fixed, want_plan = int(fixed_days.sum()), int(plan_days.sum())
    assert got.to_dict("records") == [{"plant_no": 7, "waste": "general", "fixed_runs": 4, "plan_runs": 4,
                                       "fixed_full_days": want_fixed, "plan_full_days": want_plan}]
