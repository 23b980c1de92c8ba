"""6장 주택시장 특성 분석: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("06")

CHAPTER = "06_housing"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
trades = ok = rents = jeonse = cx = places = stores = data = land = titles = apt = site = real = comp = None
fit_lz = fit_emd = short = tdi = median_m2 = hedonic_index = groups = None
formula = "log_price ~ 1"
pd = np = gpd = smf = readers = data_path = housing = KNN = Moran = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": "dodam_m2_2021_03 = 555.5",
    "q2": "cancel_pct_2021 = 3.77",
    "q3": "jeonse_ratio_2022 = 0.6",
    "q4": "lz3_change_2020 = 44.93",
    "q5": "stores_300m_median = 123.0",
    "q6": """
size_coef = 0.01
size_ci = (-0.02, 0.04)
""",
    "q7": "moran_k6 = 0.5",
    "q8": 'lowest_emd_2022 = "조치원읍"',
}
