"""0장 시작하기: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("00")

CHAPTER = "00_start"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
pop = city = emd = unit_pop = change = long = raw = wide = december = None
pd = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": "pop_2024_12 = 391_000",
    "q2": 'largest_2022 = "연서면"',
    "q3": "jochiwon_growth = -3.97",
    "q4": """
import pandas as pd
smallest_hh = pd.DataFrame({"emd_name": ["어진동", "보람동", "대평동"], "persons_per_household": [2.0, 2.1, 2.2]})
""",
    "q5": """
import pandas as pd
top5_growth = pd.Series([9000, 8000, 7000, 6000, 5000], index=["조치원읍", "연기면", "연동면", "부강면", "금남면"])
""",
    "q6": 'peak_month_2020 = "2020-07"',
}
