"""3장 인구이동 변화: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("03")

CHAPTER = "03_migration"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
sgg = sejong = od = inter = into = by_origin = share = age = bands = reason = comp = None
monthly = stl_net = stl_in = emd = pairs = gravity = emd_od = od_2022 = matrix = top_flows = None
formula = "movers ~ 1"
pd = np = STL = sm = smf = readers = data_path = migration = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": "net_2022_03 = 123",
    "q2": "daejeon_out_share_2023 = 30.0",
    "q3": """
import pandas as pd
capital_in = pd.Series([5_000] * 6, index=range(2019, 2025))
""",
    "q4": 'top_band_2023 = "80세이상"',
    "q5": 'haemil_top_origin = "조치원읍"',
    "q6": """
out_peak_month = 9
out_amplitude = 100.0
""",
    "q7": """
contig_coef = 0.0
contig_p = 0.5
""",
    "q8": """
sejong_in_ratio = 1.0
sejong_in_p = 0.5
""",
}
