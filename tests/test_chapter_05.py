"""5장 지역화폐 여민전 교차분석: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("05")

CHAPTER = "05_yeominjeon"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
daily = cross = merchants = policy = holders = emd = stores = seen = visible = None
flows = outflow = its = window = model = formula = totals = monthly = year_2021 = by_size = group = None
active = None
pd = np = smf = stats = readers = calendar = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": "food_share_2021_07 = 35.0",
    "q2": "merchants_2022_end = 13_000",
    "q3": "small_share_fuel_2023 = 75.0",
    "q4": 'largest_outflow_zone = "1생활권"',
    "q5": "sex_sector_v = 0.3",
    "q6": "hhi_education = 2_500.0",
    "q7": "bounds_6zone_edu = [4_500, 5_000]",
    "q8": "level_2024 = [-10.0, -12.0, -8.0]",
}
