"""하루 앞 예측, 저장 용량 모의실험, 만차 경보 도구 (7장 자동크린넷에서 씀).

**예측** (forecast)
- :func:`calendar_features` — 요일·공휴일·설·추석·연휴 다음 날·추세 열 (SARIMAX 의 달력 회귀 변수),
  :func:`festival_block` — 대체공휴일까지 넣은 설·추석 연휴
- :func:`seasonal_naive`, :func:`ets_one_step`, :func:`sarimax_one_step` — 기준 시점(origin)까지의 자료로 모수를
  추정하고, 그 모수를 고정한 채 시험 기간의 날마다 **하루 앞**(one step ahead) 예측값을 냅니다.
- :func:`rolling_origin` — 기준 시점을 옮겨 가며 되풀이하는 **이동 기준 시점 백테스트**(rolling-origin backtest)
- :func:`backtest` — 여러 시계열 × 여러 모형을 한 번에, :func:`error_table` — MAE·MAPE 표

**저장 용량 모의실험** (fill-level simulation)
- :data:`RUN_HOURS` — 하루 배출 횟수별 배출 시각, :func:`max_accumulation` — 배출과 배출 사이에 쌓이는 양의 최댓값
- :func:`overflow_probabilities` — 예측값과 예측 오차 표본, 하루 시간대 모양 표본으로 만차 확률을 몬테카를로로 구함
- :func:`required_runs` — 목표 위험 이하가 되는 가장 적은 배출 횟수, :func:`plan_runs` — 날마다 그 횟수를 정한 계획표,
  :func:`overflows` — 실제 투입량으로 그 계획(또는 고정 일정)에서 만차가 났을지 다시 세기

**경보** (alert)
- :func:`time_to_full` — 최근 1시간 상승 속도로 본 만차까지 남은 시간(분)
- :func:`alert_outcomes`, :func:`alert_curve`, :func:`pick_threshold` — 경보 규칙의 오경보율·놓침률과 임계값 고르기

statsmodels 모형은 작은 행렬을 많이 다루므로 BLAS 스레드를 하나로 묶어 맞춥니다 (여러 스레드보다 빠르고,
컴퓨터마다 결과가 같아집니다). 수렴 경고가 나지 않도록 ETS 는 덧셈 오차·덧셈 계절, SARIMAX 는 로그 값에
회귀 계수를 칼만 필터로 추정하는 설정(최대우도로 찾는 모수 하나)을 씁니다.
"""
from __future__ import annotations

from typing import Callable, Iterable

import numpy as np
import pandas as pd

from . import calendar

__all__ = ["compare_schedules", "festival_block", "calendar_features", "seasonal_naive", "ets_one_step", "sarimax_one_step", "FORECASTERS",
           "rolling_origin", "backtest", "error_table", "RUN_HOURS", "max_accumulation", "fill_path", "overflow_probabilities",
           "plan_runs", "overflows", "required_runs", "time_to_full", "alert_outcomes", "alert_curve", "pick_threshold"]

DOW_NAMES = ("tue", "wed", "thu", "fri", "sat", "sun")


# ---------------------------------------------------------------------------
# 달력 회귀 변수
# ---------------------------------------------------------------------------
def festival_block(years) -> pd.DatetimeIndex:
    """설·추석 연휴와 그 연휴에 붙은 대체공휴일의 날짜 (예: 2024-02-09 ~ 2024-02-12).

    쓰레기 투입량은 쉬는 날이 모두 끝난 다음 날에 몰리므로, 연휴에 붙은 대체공휴일까지 연휴로 봅니다
    (:func:`sejongdata.calendar.festival_days` 는 대체공휴일을 넣지 않습니다).
    """
    table = pd.concat([calendar.holidays(int(y)) for y in years])
    return pd.DatetimeIndex(table.loc[table["name"].str.contains("설날|추석"), "date"]).sort_values()


def calendar_features(dates) -> pd.DataFrame:
    """날짜마다 회귀 변수: const, tue … sun (월요일 기준 요일 더미), holiday(설·추석이 아닌 공휴일),
    festival(설·추석 연휴), after1·after2(연휴가 끝난 다음 날·그다음 날), trend(첫날부터 지난 햇수).

    공휴일은 :mod:`sejongdata.calendar` 에 있는 해만 압니다 (없는 해는 분명한 오류).
    """
    dates = pd.DatetimeIndex(pd.to_datetime(dates)).normalize()
    years = sorted(set(dates.year))
    hol = pd.concat([calendar.holidays(y) for y in years])["date"]
    fest = festival_block(years)
    is_fest = dates.isin(fest)
    prev = (dates - pd.Timedelta(days=1)).isin(fest) & ~is_fest
    prev2 = (dates - pd.Timedelta(days=2)).isin(fest) & ~(dates - pd.Timedelta(days=1)).isin(fest) & ~is_fest
    out = pd.DataFrame(index=dates)
    out["const"] = 1.0
    for k, name in enumerate(DOW_NAMES, start=1):
        out[name] = (dates.day_of_week == k).astype(float)
    out["holiday"] = (dates.isin(hol) & ~is_fest).astype(float)
    out["festival"] = is_fest.astype(float)
    out["after1"] = prev.astype(float)
    out["after2"] = prev2.astype(float)
    out["trend"] = (dates - dates[0]).days.to_numpy() / 365.0 if len(dates) else []
    return out


# ---------------------------------------------------------------------------
# 하루 앞 예측 모형 (train 으로 추정, extended 로 하루씩 갱신, test_index 의 예측값)
# ---------------------------------------------------------------------------
def _one_thread():
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


def seasonal_naive(train: pd.Series, extended: pd.Series, test_index, season: int = 7) -> pd.Series:
    """계절 단순 예측: 내일 값 = 일주일 전 같은 요일의 값 (추정할 모수 없음)."""
    return extended.shift(season).reindex(test_index)


def ets_one_step(train: pd.Series, extended: pd.Series, test_index, seasonal_periods: int = 7) -> pd.Series:
    """ETS(A,N,A): 수준 + 덧셈 주간 계절의 지수평활 (statsmodels ``ExponentialSmoothing``, Holt-Winters 방식).

    Holt-Winters 덧셈 계절 방법의 점 예측은 ETS(A,N,A) 모형(덧셈 오차)의 점 예측과 같습니다. 상태공간
    ``ETSModel`` 보다 몇 배 빨라 이 방식을 씁니다. train 으로 평활 계수와 첫 상태를 추정하고, 같은 값으로
    extended 전체를 다시 걸러 얻은 한 걸음 앞 예측값(fittedvalues) 가운데 test_index 의 값을 돌려줍니다.
    """
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    spec = dict(trend=None, seasonal="add", seasonal_periods=seasonal_periods)
    with _one_thread():
        fit = ExponentialSmoothing(train, initialization_method="estimated", **spec).fit()
        p = fit.params
        again = ExponentialSmoothing(extended, initialization_method="known", initial_level=p["initial_level"],
                                     initial_seasonal=p["initial_seasons"], **spec)
        fitted = again.fit(smoothing_level=p["smoothing_level"], smoothing_seasonal=p["smoothing_seasonal"],
                           optimized=False).fittedvalues
    return fitted.reindex(test_index)


def sarimax_one_step(train: pd.Series, extended: pd.Series, test_index, order=(0, 1, 1)) -> pd.Series:
    """달력 회귀 변수가 있는 SARIMAX: log(값) = 달력 효과(요일·공휴일·설·추석·연휴 다음 날) + ARIMA(0,1,1) 오차.

    ARIMA(0,1,1) 오차는 천천히 움직이는 수준(level)입니다 (입주가 늘어 투입량이 자라는 집하장에 맞음).
    회귀 계수는 칼만 필터가 자료와 함께 추정하므로(``mle_regression=False``) 최대우도로 찾는 모수는 MA 계수 하나이고,
    빠르고 수렴 경고 없이 맞춰집니다. 모수를 고정한 채 extended 에 적용(apply)해 한 걸음 앞 예측을 구하고
    exp 로 되돌립니다 (로그 척도의 평균 → 중앙값 예측).
    """
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    exog = calendar_features(extended.index).drop(columns=["const", "trend"])   # 차분하면 상수·추세는 수준이 맡음
    log_train = np.log(train)
    with _one_thread():
        model = SARIMAX(log_train, exog=exog.loc[train.index], order=order, mle_regression=False,
                        concentrate_scale=True)
        fit = model.fit(start_params=[-0.6] * (order[0] + order[2]), method="powell", disp=False, cov_type="none")
        applied = fit.apply(np.log(extended), exog=exog)
        pred = applied.get_prediction(start=test_index[0], end=test_index[-1]).predicted_mean
    return np.exp(pred).reindex(test_index)


FORECASTERS: dict[str, Callable] = {"seasonal_naive": seasonal_naive, "ets": ets_one_step,
                                    "sarimax": sarimax_one_step}


def rolling_origin(y: pd.Series, origins: Iterable, forecaster: Callable | str, end=None) -> pd.DataFrame:
    """이동 기준 시점 백테스트. 기준 시점마다 그 전날까지의 자료로 모수를 추정하고, 다음 기준 시점 전날(마지막은
    ``end`` 또는 자료 끝)까지 날마다 하루 앞 예측을 냅니다. 예측에 쓰는 자료는 언제나 예측하는 날의 전날까지입니다.

    ``y`` 는 날짜 인덱스(하루 간격, 빈 날 없음)의 Series. 돌려주는 표: date, origin, actual, forecast.
    """
    if isinstance(forecaster, str):
        forecaster = FORECASTERS[forecaster]
    y = y.asfreq("D")
    if y.isna().any():
        raise ValueError(f"시계열에 빈 날이 {int(y.isna().sum())}일 있습니다. 먼저 채우거나 기간을 고르세요.")
    origins = [pd.Timestamp(o) for o in origins]
    stop = pd.Timestamp(end) if end is not None else y.index[-1]
    frames = []
    for i, origin in enumerate(origins):
        last = origins[i + 1] - pd.Timedelta(days=1) if i + 1 < len(origins) else stop
        train, extended = y[y.index < origin], y[y.index <= last]
        test_index = extended.index[extended.index >= origin]
        pred = forecaster(train, extended, test_index)
        frames.append(pd.DataFrame({"date": test_index, "origin": origin,
                                    "actual": y.reindex(test_index).to_numpy(), "forecast": pred.to_numpy()}))
    return pd.concat(frames, ignore_index=True)


def backtest(daily: pd.DataFrame, origins, models=("seasonal_naive", "ets", "sarimax"), keys=("plant_no", "waste"),
             value: str = "volume_m3", end=None) -> pd.DataFrame:
    """긴 표(keys…, date, value)의 시계열마다 모형마다 :func:`rolling_origin` 을 돌려 한 표로 모읍니다.

    돌려주는 표: keys…, model, date, origin, actual, forecast.
    """
    keys = list(keys)
    frames = []
    for key, group in daily.groupby(keys, sort=True):
        y = group.set_index("date")[value].sort_index()
        for model in models:
            result = rolling_origin(y, origins, model, end=end)
            for k, v in zip(keys, key if isinstance(key, tuple) else (key,)):
                result.insert(0, k, v)
            result.insert(len(keys), "model", model)
            frames.append(result)
    out = pd.concat(frames, ignore_index=True)
    return out[keys + ["model", "date", "origin", "actual", "forecast"]]


def error_table(results: pd.DataFrame, by=("model",), digits: int = 2) -> pd.DataFrame:
    """평균 절대 오차 MAE(값의 단위)와 평균 절대 백분율 오차 MAPE(%)를 ``by`` 묶음마다 (반올림)."""
    err = results.assign(abs_error=(results["forecast"] - results["actual"]).abs())
    err["ape"] = err["abs_error"] / err["actual"].abs() * 100
    table = err.groupby(list(by)).agg(n=("abs_error", "size"), mae=("abs_error", "mean"), mape=("ape", "mean"))
    return table.round(digits)


# ---------------------------------------------------------------------------
# 저장 용량 모의실험
# ---------------------------------------------------------------------------
#: 하루 배출 횟수 → 배출 시각(시). 2회는 지금의 일반 쓰레기 시각(9시, 21시)이고 나머지는 고르게 나눈 가정입니다.
RUN_HOURS: dict[int, tuple[int, ...]] = {1: (9,), 2: (9, 21), 3: (5, 13, 21), 4: (3, 9, 15, 21)}


def max_accumulation(volumes, run_hours) -> np.ndarray:
    """시간별 투입량 (..., 24) 에서 배출과 배출 사이에 쌓이는 양의 최댓값 (...).

    배출은 그 시각이 시작될 때 저장분을 모두 비운다고 봅니다. 마지막 배출 뒤부터 다음 날 첫 배출까지는
    같은 날의 시간 모양이 되풀이된다고 보고 이어서 셉니다 (하루를 고리로 봄).
    """
    v = np.asarray(volumes, dtype=float)
    hours = sorted(run_hours)
    twice = np.concatenate([v, v], axis=-1)
    cum = np.concatenate([np.zeros(v.shape[:-1] + (1,)), np.cumsum(twice, axis=-1)], axis=-1)
    gaps = []
    for i, start in enumerate(hours):
        stop = hours[i + 1] if i + 1 < len(hours) else hours[0] + 24
        gaps.append(cum[..., stop] - cum[..., start])
    return np.max(np.stack(gaps, axis=-1), axis=-1)


def fill_path(volumes, run_hours) -> np.ndarray:
    """하루 시간별 투입량(24)으로 매시 끝의 저장량(24). 배출 시각이 시작될 때 0 으로 비웁니다.

    전날도 같은 모양이었다고 보고 하루를 한 번 먼저 돌린 뒤 둘째 날을 돌려줍니다 (자정을 넘는 쌓임을 셈).
    """
    v = np.asarray(volumes, dtype=float)
    level, out = 0.0, []
    for day in range(2):
        for hour in range(24):
            if hour in run_hours:
                level = 0.0
            level += v[hour]
            if day == 1:
                out.append(level)
    return np.array(out)


def overflow_probabilities(forecast: float, rel_errors, profiles, capacity: float, runs=(1, 2, 3, 4),
                           residual: float = 0.03, n_sims: int = 2000, seed: int = 0) -> pd.Series:
    """하루 배출 횟수마다 만차 확률 (0~1).

    내일 투입량을 ``forecast × (1 + e)`` 로 뽑습니다: e 는 과거 하루 앞 예측의 상대 오차(실제/예측 − 1) 표본
    ``rel_errors`` 에서 복원 추출합니다 (평균만이 아니라 예측의 불확실성을 씁니다). 하루의 시간대 모양은
    과거 날들의 시간별 비중 ``profiles`` (행마다 합 1, 24칸)에서 뽑습니다. 배출과 배출 사이에 쌓이는 양이
    ``capacity × (1 − residual)`` (배출 뒤 남는 양을 뺀 빈자리)을 넘으면 만차로 셉니다.
    같은 난수(공통 난수)를 모든 횟수에 쓰므로 횟수 사이의 비교가 공정합니다.
    """
    gen = np.random.default_rng(seed)
    errors = np.asarray(rel_errors, dtype=float)
    shapes = np.asarray(profiles, dtype=float)
    draws = forecast * (1 + errors[gen.integers(len(errors), size=n_sims)])
    volumes = draws[:, None] * shapes[gen.integers(len(shapes), size=n_sims)]
    room = capacity * (1 - residual)
    return pd.Series({k: float((max_accumulation(volumes, RUN_HOURS[k]) > room).mean()) for k in runs},
                     name="overflow_probability")


def plan_runs(forecasts: pd.DataFrame, errors: dict, profiles: dict, capacity: dict, target: float,
              keys=("plant_no", "waste"), runs=(1, 2, 3, 4), residual: float = 0.03, n_sims: int = 1000,
              seed: int = 0) -> pd.DataFrame:
    """날마다 내일의 배출 횟수를 정합니다: 만차 확률이 ``target`` 이하인 가장 적은 횟수.

    ``forecasts`` 는 keys…, date, forecast 열이 있는 표, ``errors``·``profiles``·``capacity`` 는 키(예: (7, "food"))
    → 상대 오차 표본, 시간대 비중 (날, 24), 저장 용량(㎥) 사전입니다. 날마다 :func:`overflow_probabilities` 와
    같은 방법(오차와 하루 모양을 복원 추출, 공통 난수)을 쓰되, 한 시계열의 모든 날을 한꺼번에 계산합니다.
    돌려주는 표: 입력 열 + p1…p4(만차 확률), runs.
    """
    keys = list(keys)
    frames = []
    for key, group in forecasts.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        group = group.sort_values("date").reset_index(drop=True)
        err, shape = np.asarray(errors[key], dtype=float), np.asarray(profiles[key], dtype=float)
        gen = np.random.default_rng(seed)
        n = len(group)
        draws = group["forecast"].to_numpy()[:, None] * (1 + err[gen.integers(len(err), size=(n, n_sims))])
        volumes = draws[:, :, None] * shape[gen.integers(len(shape), size=(n, n_sims))]
        room = capacity[key] * (1 - residual)
        for k in runs:
            group[f"p{k}"] = (max_accumulation(volumes, RUN_HOURS[k]) > room).mean(axis=1)
        probs = group[[f"p{k}" for k in runs]].to_numpy()
        ok = probs <= target
        group["runs"] = np.where(ok.any(axis=1), np.array(runs)[ok.argmax(axis=1)], max(runs))
        frames.append(group)
    return pd.concat(frames, ignore_index=True)


def overflows(volumes, runs_per_day, capacity: float, residual: float = 0.03) -> np.ndarray:
    """실제 시간별 투입량 (날, 24) 과 날마다 정한 배출 횟수로, 그날 만차가 났을지 (True/False) 다시 셉니다."""
    v = np.atleast_2d(np.asarray(volumes, dtype=float))
    k = np.broadcast_to(np.asarray(runs_per_day), (len(v),))
    acc = np.array([max_accumulation(row, RUN_HOURS[int(n)]) for row, n in zip(v, k)])
    return acc > capacity * (1 - residual)


def compare_schedules(plan: pd.DataFrame, hourly: pd.DataFrame, capacity: dict, fixed: dict) -> pd.DataFrame:
    """고정 일정(``fixed``: 종류 → 하루 횟수)과 계획(``plan`` 의 날마다 ``runs``)을 실제 투입량으로 견줍니다.

    ``hourly`` 는 (집하장, 종류, 날) 색인 × 0~23시 열의 실제 투입량(㎥), ``capacity`` 는 (집하장, 종류) → 저장 용량(㎥).
    돌려주는 표: 집하장·종류마다 두 일정의 배출 횟수 합과 만차가 났을 날 수.
    """
    rows = []
    for (p, w), g in plan.groupby(["plant_no", "waste"]):
        actual = hourly.loc[(p, w)].loc[g["date"]].to_numpy()
        rows.append({"plant_no": p, "waste": w, "fixed_runs": fixed[w] * len(g), "plan_runs": int(g["runs"].sum()),
                     "fixed_full_days": int(overflows(actual, fixed[w], capacity[(p, w)]).sum()),
                     "plan_full_days": int(overflows(actual, g["runs"], capacity[(p, w)]).sum())})
    return pd.DataFrame(rows)


def required_runs(probabilities: pd.Series, target: float) -> int:
    """만차 확률이 ``target`` 이하인 가장 적은 횟수. 어느 횟수로도 안 되면 가장 많은 횟수."""
    ok = probabilities[probabilities <= target]
    return int(ok.index.min()) if len(ok) else int(probabilities.index.max())


# ---------------------------------------------------------------------------
# 만차 경보
# ---------------------------------------------------------------------------
def time_to_full(fill_pct, window: int = 6, step_min: int = 10) -> np.ndarray:
    """저장률(%) 시계열의 예상 만차 시간(분): (100 − 지금) ÷ 최근 ``window`` 걸음의 상승 속도.

    오르지 않으면 무한대, 이미 100 이면 0 입니다. 빈 칸(NaN)은 바로 앞 값으로 채워 계산합니다.
    """
    x = pd.Series(np.asarray(fill_pct, dtype=float)).ffill().bfill().to_numpy()
    out = np.full(len(x), np.inf)
    if len(x) > window:
        rise = (x[window:] - x[:-window]) / (window * step_min)          # %/분
        with np.errstate(divide="ignore", invalid="ignore"):
            ttf = np.where(rise > 0, (100 - x[window:]) / rise, np.inf)
        out[window:] = ttf
    out[x >= 100] = 0.0
    return out


def alert_outcomes(fill_pct, threshold_min: float, horizon_min: int = 60, lead_min: int = 30,
                   cooldown_min: int = 60, window: int = 6, step_min: int = 10) -> dict[str, int]:
    """경보 규칙 하나를 한 시계열에 적용해 센 값: alerts, false_alarms, events, missed.

    - 경보 조건: 예상 만차 시간 < ``threshold_min`` 이고 아직 만차가 아님. 경보는 조건이 참이 된 때 울리고,
      울린 뒤 ``cooldown_min`` 분 안에는 다시 울리지 않습니다.
    - 만차 사건: 저장률이 100 이 된 순간 (100 미만 → 100).
    - 오경보(false alarm): 울린 뒤 ``horizon_min`` 분 안에 만차가 되지 않은 경보.
    - 놓침(miss): 만차 ``horizon_min`` 분 전부터 ``lead_min`` 분 전까지 경보 조건이 한 번도 참이 아니었던 만차 사건.
      (만차 직전에야 울린 경보는 추가 배출을 준비할 시간이 없으므로 놓친 것으로 셉니다.)
    """
    x = pd.Series(np.asarray(fill_pct, dtype=float)).ffill().bfill().to_numpy()
    full = x >= 100
    cond = (time_to_full(x, window, step_min) < threshold_min) & ~full
    horizon, lead, cooldown = horizon_min // step_min, lead_min // step_min, cooldown_min // step_min
    alerts, last = [], -10 ** 9
    for t in np.flatnonzero(cond):
        if t - last >= cooldown:
            alerts.append(t)
            last = t
    onsets = np.flatnonzero(full[1:] & ~full[:-1]) + 1
    false_alarms = sum(not full[t + 1: t + 1 + horizon].any() for t in alerts)
    missed = sum(not cond[max(0, t - horizon): max(0, t - lead + 1)].any() for t in onsets)
    return {"alerts": len(alerts), "false_alarms": int(false_alarms), "events": len(onsets), "missed": int(missed)}


def alert_curve(fill: pd.DataFrame, thresholds, keys=("plant_no", "waste"), **kwargs) -> pd.DataFrame:
    """임계값마다 모든 시계열(``keys`` 묶음, 시각 순)의 경보 결과를 더한 표.

    열: threshold_min, alerts, false_alarms, events, missed, false_alarm_rate(오경보 ÷ 경보), miss_rate(놓침 ÷ 사건).
    """
    series = [g.sort_values("time")["fill_pct"].to_numpy() for _, g in fill.groupby(list(keys), sort=True)]
    rows = []
    for threshold in thresholds:
        total = {"alerts": 0, "false_alarms": 0, "events": 0, "missed": 0}
        for x in series:
            for k, v in alert_outcomes(x, threshold, **kwargs).items():
                total[k] += v
        rows.append({"threshold_min": threshold, **total})
    table = pd.DataFrame(rows)
    table["false_alarm_rate"] = (table["false_alarms"] / table["alerts"].where(table["alerts"] > 0)).round(3)
    table["miss_rate"] = (table["missed"] / table["events"].where(table["events"] > 0)).round(3)
    return table


def pick_threshold(curve: pd.DataFrame, max_miss_rate: float) -> int:
    """놓침률이 ``max_miss_rate`` 이하인 가장 작은 임계값(분). 작을수록 경보가 적어 오경보도 적습니다."""
    ok = curve[curve["miss_rate"] <= max_miss_rate]
    if not len(ok):
        raise ValueError(f"놓침률 {max_miss_rate} 이하인 임계값이 없습니다. 더 큰 임계값을 넣어 보세요.")
    return int(ok["threshold_min"].min())
