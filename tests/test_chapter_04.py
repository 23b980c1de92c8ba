"""4장 SNS로 본 시민 관심사: 연습문제 검사 (tests/chapter_checks.py 의 검사를 이 장에 적용합니다)."""
import pytest

from chapter_checks import *  # noqa: F401,F403  (장마다 같은 검사)

pytestmark = pytest.mark.chapter("04")

CHAPTER = "04_sns"

# 나중 답에서 학생이 흔히 다시 쓰는 이름들 (숨은 테스트는 이것들에 기대면 안 됩니다)
REASSIGN = """
raw = posts = report = tok = bare = nouns = freq = docs = vec = X = vocab = W = nmf = K = None
monthly = quarterly = pairs = labels = labelled = train = test = X_train = X_test = clf = pred = None
prob = precision = recall = thresholds = gazetteer = emd = None
pd = np = text = readers = TfidfVectorizer = NMF = LogisticRegression = None
"""

# 모양은 맞고 값은 틀린 답 (공개 검사는 통과해야 하고, 점수는 1/4 이하여야 합니다)
WRONG_ANSWERS = {
    "q1": """
from sejongdata import text as _w
_wp = _w.load_clean_posts()
_wq = _wp[_wp["created_at"].dt.to_period("Q").astype(str) == "2021Q2"]
top_nouns_2021q3 = _w.count_words(_w.Tokenizer().nouns(_wq["text_clean"].tolist()))["word"].head(10).tolist()
""",
    "q2": "place_share_2023 = 50.0",
    "q3": "kick_before, kick_after = 100, 200",
    "q4": 'school_peak = "2019-01"',
    "q5": 'cleannet_partners = ["캐시백", "한도", "충전"]',
    "q6": 'zone6_top = ["여민전", "캐시백", "마트", "한도", "충전"]',
    "q7": "threshold_90, precision_90 = 0.3, 0.8",
    "q8": "recall_balanced = 0.85",
}
