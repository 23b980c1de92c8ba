"""1장 어울링: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("01")

CHAPTER = "01_eoulling"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
trips = stations = raw_stations = weather = hourly = hours = model_data = None
formula = alpha = poisson = nb = heavy = with_holiday = None
station_rentals = station_demand = year_round = before_2020 = added_2020 = in_2020 = mid_2020 = None
complexes = built = places = emd = candidates = cover = picks = brt = near_brt = brt_trips = None
monthly = hour_day = morning = evening = near_new = None
pd = np = sm = smf = geo = siting = models = calendar = readers = data_path = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": "n_stations_mid2020 = 558  # 사용하지 않는 대여소까지 셈",
    "q2": "weekend_share = 0.1613  # 일요일만",
    "q3": "brt_morning_share = 0.1816  # 공휴일을 빼지 않음",
    "q4": "heavy_rain_rr = 0.3614  # 포아송 모형",
    "q5": "top10_households = 542.4  # 반경 300 m",
    # 문제 4 에서 formula 를 바꾼 학생: 틀린 식으로 구한 답과, 그 답에 맞춘 formula·model_data·alpha.
    # 숨은 테스트가 학생의 formula 를 쓰면 이 답이 만점을 받습니다 (issue 8 §2).
    "q6": """
import numpy as np
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sejongdata import readers, data_path, calendar
trips = readers.read_eoulling_trips(data_path("eoulling_trips_2020_sample.csv"))
hours = readers.read_asos_hourly(data_path("asos_hourly_sejong_2020.csv")).set_index("time")
hours = hours.join(trips.set_index("start_time").resample("h").size().rename("rentals")).reset_index()
t = hours["time"].dt
hours = hours.assign(rentals=hours["rentals"].fillna(0).astype(int), hour=t.hour, month=t.month,
                     weekend=(t.day_of_week >= 5).astype(int), heavy_rain=(hours["precip_mm"] >= 5).astype(int),
                     holiday=calendar.is_holiday(hours["time"]).astype(int).to_numpy())
model_data = hours.dropna(subset=["temp_c", "wind_ms"])
formula = "rentals ~ C(hour) * weekend + C(month) + heavy_rain + temp_c + I(temp_c ** 2) + wind_ms"
alpha = 0.0449
wrong = smf.glm(formula + " + holiday", data=model_data, family=sm.families.NegativeBinomial(alpha=alpha)).fit()
holiday_rr, holiday_p = float(np.exp(wrong.params["holiday"])), float(wrong.pvalues["holiday"])
""",
    "q7": """
import pandas as pd
budget_picks = pd.DataFrame({"rank": range(1, 10), "site": [3, 98, 23, 2, 8, 24, 12, 13, 17],
                             "gain": [1000.0] * 9, "cost": [2.0] * 9, "cumulative": [90000.0] * 9})  # 비용이 거꾸로
""",
}
