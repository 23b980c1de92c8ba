"""9장(부록) 빅데이터 엔진: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("09")

CHAPTER = "09_bigdata"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
con = trips = trips_path = weather = weather_monthly = hourly_duck = monthly_duck = None
spark = trips_sp = july_sp = hourly_sp = F = bigdata = None
pd = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": """
import pandas as pd
top5_sep = pd.DataFrame({"start_station": ["SJ_00001", "SJ_00002", "SJ_00003", "SJ_00004", "SJ_00005"],
                         "rentals": [500, 400, 300, 200, 100]})
""",
    "q2": "long_trip_pct = 50.0",
    "q3": """
import pandas as pd
october_hourly = pd.DataFrame({"hour": list(range(24)), "rentals": [100] * 24})
""",
    "q4": """
import pandas as pd
round_top3 = pd.DataFrame({"start_station": ["SJ_00001", "SJ_00002", "SJ_00003"], "round_trips": [30, 20, 10]})
""",
    "q5": """
import pandas as pd
may_compare = pd.DataFrame({"start_station": ["SJ_00001", "SJ_00002"], "duckdb_km": [1.0, 1.0], "spark_km": [1.0, 1.0]})
""",
    "q6": 'files_scanned = 12\nrow_filter_column = "month"',
    "q7": """
import pandas as pd
weekend_weather = pd.DataFrame({"month": [f"2020-{m:02d}" for m in range(1, 13)], "weekend_rentals": [1000] * 12,
                                "precip_mm": [10.0] * 12})
wettest_weekend = 1000
""",
}
