"""7장 자동크린넷: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("07")

CHAPTER = "07_cleannet"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
inputs = daily = plants = sections = fill = train = test = runs = scheduled = events = monthly = gen = None
bt = sar = calib = plan = errors = profiles = capacity = hourly = shares = curve_train = curve_test = None
forecast = readers = None
pd = np = smf = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": "peak_hour_5 = 8",
    "q2": "snaive_mae_3 = 7.5",
    "q3": "p_two_runs = 0.5",
    "q4": "fixed_kwh_8 = 150.0",
    "q5": "threshold_5pct = 40",
    "q6": "far_60 = 0.494",
    "q7": "trial_ratio = 1.0",
    "q8": "commercial_share_8 = 50.0",
}
