"""2장 공유 PM 주차존: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("02")

CHAPTER = "02_pm_zones"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다).
# grid 는 모듈 이름이지만 grid = readers.read_grid() 처럼 격자 표에 다시 쓰기 쉽습니다.
REASSIGN = """
trips = stations = ebike = short_bike = short_ebike = station_xy = bike_ends = ebike_ends = None
cells = active = features = domain = train = test = formula = poisson = alpha = nb = predicted = None
sites = demand = cover = exact = greedy = comparison = chosen = rows = radius_cover = result = sensitivity = None
landmarks = gov = gov_cell = brt_sites = new_cell = row_300 = site_distances = spacing = dist = nearest_mclp = None
pd = np = sm = smf = sns = plt = time = None
readers = grid = geo = siting = models = data_path = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다).
# REASSIGN 뒤에 실행되므로 필요한 것은 스스로 가져옵니다.
WRONG_ANSWERS = {
    "q1": "cell_demand = 1501  # 평활값(smoothed)을 반올림해 옮겨 적음",
    "q2": "n_under_1km = 46_305  # '미만' 대신 '이하'(<=)",
    "q3": "brt_coverage = 14.990494296577946  # 예측 수요가 아니라 관측 끝점(trip_ends)으로 가중",
    "q4": "new_cell_forecast = 228.42817763353818  # 음이항이 아니라 포아송 모형으로 예측",
    "q5": "coverage_300 = 51.3  # 6절 표의 반올림된 숫자를 옮겨 적음",
    "q6": """
from sejongdata import readers as _wr, geo as _wg
_ws = _wr.read_pm_sites()
_wd = _wg.distance_matrix(_ws, _ws)
_wp = []
for _j in range(len(_ws)):  # 500 m 간격은 지키지만 최적이 아닌 25곳 (앞에서부터 차례로)
    if len(_wp) < 25 and all(_wd[_j, _k] >= 500 for _k in _wp):
        _wp.append(_j)
spaced = {"sites": _wp, "covered": 15000.0, "status": "Optimal", "seconds": 0.1}
""",
    "q7": """
pmedian_distance = 477.9  # 반올림
mclp_distance = 2569.664047526186  # demand 로 가중하지 않은 평균
""",
}
