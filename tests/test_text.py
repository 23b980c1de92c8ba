"""한국어 게시글 도구(sejongdata/text.py) 시험: 정리 규칙, 형태소 분석기 감싸개, 빈도·동시 출현, 응집도, 장소 찾기."""
from __future__ import annotations

import io
import math
from contextlib import redirect_stdout

import pandas as pd
import pytest

from sejongdata import text
from sejongdata.readers import read_emd_master, read_places

pytestmark = pytest.mark.chapter("04")


def frame(texts, times=None):
    times = times or [f"2020-01-{i + 1:02d} 10:00" for i in range(len(texts))]
    return pd.DataFrame({"post_id": [f"P{i}" for i in range(len(texts))], "created_at": pd.to_datetime(times),
                         "text": texts})


# ---------------------------------------------------------------------------
# 정리 규칙
# ---------------------------------------------------------------------------
def test_each_rule_counts_what_it_changes_or_drops():
    posts = frame([
        "클린넷 냄새 너무 심해요ㅋㅋㅋ!!! https://news.example.com/a/1 #크린넷 😡",   # 여러 규칙
        "[분양] 도담동 오피스텔 ☎ 010-0123-4567",                                   # 광고 (전화번호)
        "[펌] 클린넷 냄새 너무 심해요 #세종",                                        # 퍼 나른 글 → 중복
        "   ",                                                                         # 빈 글
        "ㅋㅋㅋㅋ",                                                                    # 정리하면 너무 짧음
        "시청에 문의했더니 곧 고친대요",                                              # 광고 낱말 하나뿐 → 남김
    ])
    clean, report = text.clean_posts(posts)
    counts = dict(zip(report["rule"], report["posts"]))
    assert list(report["rule"]) == [r for r, _a, _d in text.CLEANING_RULES]
    assert counts == {"빈 글": 1, "광고·스팸": 1, "주소(URL)": 1, "해시태그": 2, "이모지": 1, "반복 글자": 2,
                      "표기 통일": 2, "퍼 나른 글 표시": 1, "중복·퍼 나른 글": 1, "너무 짧은 글": 1}
    assert report["remaining"].tolist() == [5, 4, 4, 4, 4, 4, 4, 4, 3, 2]
    assert clean["text_clean"].tolist() == ["크린넷 냄새 너무 심해요!", "시청에 문의했더니 곧 고친대요"]
    assert clean.loc[0, "hashtags"] == "#크린넷" and clean.loc[0, "text"].startswith("클린넷")


def test_duplicates_keep_the_earliest_post():
    posts = frame(["크린넷 고장 3일째", "크린넷 고장 3일째 👀"], times=["2020-01-02 10:00", "2020-01-01 10:00"])
    clean, _ = text.clean_posts(posts)
    assert clean["post_id"].tolist() == ["P1"]


def test_sponsored_posts_and_two_ad_words_are_ads():
    posts = frame(["도담동 카페 다녀왔어요 본 포스팅은 소정의 원고료를 받아 작성되었습니다.",
                   "부업 수익 인증 합니다", "버스 시간 문의드려요"])
    clean, report = text.clean_posts(posts)
    assert report.set_index("rule").loc["광고·스팸", "posts"] == 2
    assert clean["text_clean"].tolist() == ["버스 시간 문의드려요"]


# ---------------------------------------------------------------------------
# 형태소 분석
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tok():
    return text.Tokenizer()


def test_user_dictionary_keeps_sejong_words_whole(tok):
    bare = text.Tokenizer(user_words=[])
    sentence = "오늘 종촌동 행복청이 발표했대요"
    assert "종촌동" not in bare.nouns([sentence])[0] or "행복청" not in bare.nouns([sentence])[0]
    assert tok.nouns([sentence])[0] == ["종촌동", "행복청", "발표"]
    table = text.word_kept(["행복청이 발표", "행복청에서"], ["행복청"], tok)
    assert table.to_dict("records") == [{"word": "행복청", "mentions": 2, "kept": 2, "kept_share": 1.0}]


def test_tokens_use_lemmas_uppercase_latin_and_stopwords(tok):
    words = tok.tokens(["크린넷 냄새가 너무 심해요 brt 오늘"])[0]
    assert words == ["크린넷", "냄새", "심하다", "BRT"]
    assert tok.nouns(["크린넷 냄새가 너무 심해요"], stopwords=["냄새"]) == [["크린넷"]]


def test_batches_cache_and_progress_are_deterministic(tok):
    texts = [f"여민전 캐시백 {i}번째 글" for i in range(7)]
    outputs = []
    for _ in range(2):
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            fresh = text.Tokenizer(cache=False)
            result = fresh.nouns(texts, batch_size=3, progress=True)
        outputs.append(buffer.getvalue())
    assert outputs[0] == outputs[1] and "7/7건" in outputs[0] and "it/s" not in outputs[0]
    assert result == tok.nouns(texts) and result[0][0] == "여민전"
    assert tok.analyze("크린넷")[0][:2] == ("크린넷", "NNP")


# ---------------------------------------------------------------------------
# 빈도, 동시 출현, 응집도
# ---------------------------------------------------------------------------
DOCS = [["크린넷", "냄새", "고장"], ["크린넷", "냄새"], ["여민전", "캐시백"], ["여민전", "캐시백", "냄새"]]


def test_counts_are_sorted_with_ties_by_word():
    table = text.count_words(DOCS + [["냄새", "냄새"]])
    assert table.head(3).values.tolist() == [["냄새", 5], ["여민전", 2], ["캐시백", 2]]
    per_post = text.count_words([["냄새", "냄새"]], per_post=True)
    assert per_post.values.tolist() == [["냄새", 1]]


def test_cooccurrence_counts_posts_once_per_pair():
    pairs = text.cooccurrence(DOCS, words=["크린넷", "냄새", "여민전", "캐시백"])
    top = pairs.head(3).values.tolist()
    assert top == [["냄새", "크린넷", 2], ["여민전", "캐시백", 2], ["냄새", "여민전", 1]]
    assert len(text.cooccurrence(DOCS, top=2)) == 1


def test_npmi_coherence():
    assert text.topic_coherence(["크린넷", "고장"], DOCS) == pytest.approx(math.log(0.25 / (0.5 * 0.25)) / -math.log(0.25))
    assert text.topic_coherence(["크린넷", "캐시백"], DOCS) == -1.0
    scores = text.topic_coherence([["크린넷", "냄새"], ["여민전", "캐시백"]], DOCS)
    assert len(scores) == 2 and scores[1] == pytest.approx(1.0)


# ---------------------------------------------------------------------------
# 장소
# ---------------------------------------------------------------------------
def test_places_match_longest_name_first():
    gaz = text.place_gazetteer(read_emd_master(), read_places())
    found = text.find_places(["세종호수공원 산책", "조치원역 앞 택시", "조치원 시장", "도담동 크린넷", "그냥 일상", None,
                              "중앙공원 낙화놀이"], gaz)
    assert found["place"].tolist() == ["세종호수공원", "조치원역", "조치원읍", "도담동", "", "", "세종중앙공원"]
    assert found.loc[3, "lifezone"] == "1생활권" and found.loc[6, "emd_code"] == "3611051800"
    assert {"시청", "세종청사", "호수공원"} <= set(gaz["alias"])


def test_font_path_finds_a_hangul_font_file():
    from pathlib import Path

    from sejongdata import plotting

    path = Path(plotting.font_path())
    assert path.exists() and path.suffix.lower() in {".ttf", ".otf", ".ttc"}
    with pytest.raises(RuntimeError, match="찾지 못했습니다"):
        plotting.font_path("글꼴이없는이름")
