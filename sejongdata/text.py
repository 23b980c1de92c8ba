"""한국어 게시글 처리 도구 (Korean text tools, 4장 「SNS로 본 시민 관심사」).

- :func:`load_clean_posts` — 게시글 파일을 읽고 정리한 표 (프로세스 안에서 한 번만 읽음)
- :func:`clean_posts` — 정리 규칙을 차례로 적용하고 규칙마다 몇 건을 고치거나 지웠는지 표로 돌려줍니다
  (빈 글, 광고·스팸, 주소(URL), 해시태그, 이모지, 반복 글자, 표기 통일, 퍼 나른 글 표시, 중복, 너무 짧은 글).
- :class:`Tokenizer` — 형태소 분석기 kiwipiepy 를 감싼 것: 사용자 사전, 묶음(batch) 처리, 진행 막대,
  품사 고르기와 불용어, 같은 글을 다시 분석하지 않는 캐시.
- :func:`word_kept` — 사용자 사전에 넣을 낱말이 분석 뒤에도 한 덩어리로 남는지 세기 (사전 전후 비교).
- :func:`count_words`, :func:`cooccurrence` — 낱말 빈도와 한 글 안의 동시 출현(co-occurrence) 수.
- :func:`topic_coherence` — 주제 상위 낱말의 응집도(NPMI), 주제 수 k 를 고를 때 씁니다.
- :func:`place_gazetteer`, :func:`find_places` — 읍면동·주요 장소 이름 사전으로 글에서 장소 찾기.

결과는 언제나 같은 순서로 나옵니다 (빈도가 같으면 낱말의 가나다순).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .city import EMDS

__all__ = ["CLEANING_RULES", "SPELLING_VARIANTS", "SEJONG_USER_WORDS", "STOPWORDS", "NOUN_TAGS",
           "CONTENT_TAGS", "EXTRA_PLACES", "PLACE_ALIASES", "clean_posts", "load_clean_posts", "Tokenizer", "word_kept",
           "count_words", "cooccurrence", "topic_coherence", "place_gazetteer", "find_places"]

# ---------------------------------------------------------------------------
# 1. 정리 규칙 (cleaning rules)
# ---------------------------------------------------------------------------
URL_PATTERN = re.compile(r"https?://\S+|www\.\S+")
HASHTAG_PATTERN = re.compile(r"#[0-9A-Za-z가-힣_]+")
EMOJI_PATTERN = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2190-\u21FF\u2B00-\u2BFF\uFE0F\u200D]+")
JAMO_PATTERN = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]{2,}|\^\^|:\)|;\)")
PUNCT_REPEAT = re.compile(r"([!?.~])\1+")
PHONE_PATTERN = re.compile(r"\b0\d{1,3}-\d{3,4}-\d{4}\b")
SPONSORED_PATTERN = re.compile(r"원고료|협찬|체험단|제공받아")
AD_WORDS = ("분양", "문의", "상담", "수익", "부업", "리딩방", "대출", "최저가", "견적", "오픈채팅", "카톡",
            "임대", "무료", "입주청소")
REPOST_MARKS = re.compile(r"^\s*(\[펌\]|공유합니다|퍼옴\)|RT)\s*|\s*(\(펌\)|출처: 지역 커뮤니티)\s*$")
MIN_CHARS = 5

#: 고유명사의 다른 표기 → 표준 표기 (공백이 끼거나 흔히 틀리게 쓰는 것)
SPELLING_VARIANTS: dict[str, str] = {
    "자동클린넷": "자동크린넷",
    "클린넷": "크린넷",
    "세종 의사당": "세종의사당",
    "세종 집무실": "세종집무실",
    "뉴 어울링": "뉴어울링",
    "호수 공원": "호수공원",
}

#: (규칙 이름, 처리, 설명) — clean_posts 가 이 순서로 적용합니다
CLEANING_RULES: tuple[tuple[str, str, str], ...] = (
    ("빈 글", "지움", "본문이 비었거나 공백뿐인 글"),
    ("광고·스팸", "지움", "전화번호, 원고료·협찬·체험단 표시, 광고 낱말 2개 이상 가운데 하나라도 있는 글"),
    ("주소(URL)", "고침", "http://, https://, www. 로 시작하는 주소를 지움"),
    ("해시태그", "고침", "#낱말 을 본문에서 떼어 hashtags 열로 옮김"),
    ("이모지", "고침", "그림 문자(emoji)와 기호를 지움"),
    ("반복 글자", "고침", "ㅋㅋ·ㅎㅎ·ㅠㅠ 같은 자모 반복, ^^, :) 를 지우고 !!!·??? 를 한 글자로"),
    ("표기 통일", "고침", "클린넷 → 크린넷처럼 고유명사의 다른 표기를 표준 표기로 (SPELLING_VARIANTS)"),
    ("퍼 나른 글 표시", "고침", "[펌], 공유합니다, RT, (펌), 출처 표시를 지움"),
    ("중복·퍼 나른 글", "지움", "공백·문장부호를 뺀 본문이 앞서 올라온 글과 같은 글 (가장 먼저 올라온 글만 남김)"),
    ("너무 짧은 글", "지움", f"정리한 본문이 {MIN_CHARS}글자보다 짧은 글"),
)


def _is_ad(text: pd.Series) -> pd.Series:
    words = sum(text.str.contains(w, regex=False).astype(int) for w in AD_WORDS)
    return text.str.contains(PHONE_PATTERN) | text.str.contains(SPONSORED_PATTERN) | (words >= 2)


def clean_posts(posts: pd.DataFrame, text: str = "text", time: str = "created_at") -> tuple[pd.DataFrame, pd.DataFrame]:
    """게시글 표에 정리 규칙(:data:`CLEANING_RULES`)을 차례로 적용합니다.

    돌려주는 것: ``(clean, report)``.

    - ``clean``: 남은 글. 원래 열 + ``text_clean``(정리한 본문), ``hashtags``(떼어 낸 해시태그, 공백으로 이음).
      ``time`` 열 순(같으면 원래 순서)으로 정렬하고 색인을 0부터 다시 매깁니다.
    - ``report``: 규칙마다 한 줄. 열 rule, action(지움/고침), posts(그 규칙이 지우거나 고친 글 수),
      remaining(그 규칙 뒤에 남은 글 수).

    원래 ``text`` 열은 바꾸지 않습니다. 중복은 앞선 규칙들로 정리한 본문에서 공백·문장부호를 빼고 비교하므로,
    이모지·해시태그·[펌] 표시만 다른 퍼 나른 글도 중복으로 잡힙니다.

    예::

        clean, report = clean_posts(posts)
        report
    """
    frame = posts.sort_values(time, kind="stable").reset_index(drop=True)
    body = frame[text].fillna("").astype(str)
    hashtags = body.str.findall(HASHTAG_PATTERN).str.join(" ")
    rows = []
    keep = pd.Series(True, index=frame.index)

    def record(rule: str, mask: pd.Series) -> None:
        action = next(a for r, a, _d in CLEANING_RULES if r == rule)
        rows.append({"rule": rule, "action": action, "posts": int(mask.sum()), "remaining": int(keep.sum())})

    empty = body.str.strip().eq("")
    keep &= ~empty
    record("빈 글", empty)
    ad = keep & _is_ad(body)
    keep &= ~ad
    record("광고·스팸", ad)
    steps = (
        ("주소(URL)", lambda s: s.str.replace(URL_PATTERN, " ", regex=True)),
        ("해시태그", lambda s: s.str.replace(HASHTAG_PATTERN, " ", regex=True)),
        ("이모지", lambda s: s.str.replace(EMOJI_PATTERN, " ", regex=True)),
        ("반복 글자", lambda s: s.str.replace(JAMO_PATTERN, " ", regex=True)
         .str.replace(PUNCT_REPEAT, r"\1", regex=True)),
        ("표기 통일", _normalise_spelling),
        ("퍼 나른 글 표시", lambda s: s.str.replace(REPOST_MARKS, "", regex=True)),
    )
    for rule, step in steps:
        new = step(body)
        record(rule, keep & new.ne(body))
        body = new
    cleaned = (body.str.replace(r"[ \t]+", " ", regex=True).str.replace(r" *\n *", "\n", regex=True)
               .str.replace(r" +([!?.~,])", r"\1", regex=True).str.strip())
    key = cleaned.str.replace(r"[\W_]+", "", regex=True).where(keep)
    dup = keep & key.duplicated(keep="first") & key.ne("")
    keep &= ~dup
    record("중복·퍼 나른 글", dup)
    short = keep & cleaned.str.len().lt(MIN_CHARS)
    keep &= ~short
    record("너무 짧은 글", short)
    clean = frame.assign(text_clean=cleaned, hashtags=hashtags)[keep].reset_index(drop=True)
    return clean, pd.DataFrame(rows)


@lru_cache(maxsize=2)
def _clean_corpus(path: str, size: int, mtime: float) -> pd.DataFrame:
    from .readers import read_sns_posts

    return clean_posts(read_sns_posts(path))[0]


def load_clean_posts(path=None) -> pd.DataFrame:
    """게시글 파일을 읽어(:func:`~sejongdata.readers.read_sns_posts`) 정리한(:func:`clean_posts`) 표.

    4장의 1~3절을 한 번에 합니다. 같은 파일(경로·크기·수정 시각)이면 프로세스 안에서 한 번만 읽고, 부를 때마다
    복사본을 돌려주므로 돌려받은 표를 고쳐도 다음 결과가 바뀌지 않습니다. 기본 파일은 ``sns_posts_2019_2024.csv``.
    """
    from pathlib import Path

    from .paths import data_path

    path = Path(path) if path is not None else data_path("sns_posts_2019_2024.csv")
    stat = path.stat()
    return _clean_corpus(str(path), stat.st_size, stat.st_mtime).copy()


def _normalise_spelling(values: pd.Series) -> pd.Series:
    for wrong, right in SPELLING_VARIANTS.items():
        values = values.str.replace(wrong, right, regex=False)
    return values


# ---------------------------------------------------------------------------
# 2. 형태소 분석 (kiwipiepy)
# ---------------------------------------------------------------------------
#: 세종 고유명사 사용자 사전 (낱말, 품사). 기본 모형이 쪼개거나 다른 품사로 읽기 쉬운 말입니다.
#: 24개 읍면동 이름도 넣습니다 ('종촌동' 이 '종/촌/동' 으로 쪼개지지 않게).
SEJONG_USER_WORDS: tuple[tuple[str, str], ...] = tuple((e.name, "NNP") for e in EMDS) + (
    ("조치원", "NNP"), ("행정수도", "NNG"), ("실거래가", "NNG"), ("배차", "NNG"), ("본회의", "NNG"),
    ("운영위", "NNG"), ("대박", "NNG"), ("PM스테이션", "NNP"), ("어울링", "NNP"), ("뉴어울링", "NNP"), ("크린넷", "NNP"), ("자동크린넷", "NNP"), ("여민전", "NNP"),
    ("행복청", "NNP"), ("세종의사당", "NNP"), ("세종집무실", "NNP"), ("정부세종청사", "NNP"),
    ("세종청사", "NNP"), ("호수공원", "NNP"), ("중앙공원", "NNP"), ("이응다리", "NNP"),
    ("B0", "NNP"), ("B1", "NNP"), ("B2", "NNP"), ("B4", "NNP"), ("B5", "NNP"), ("B6", "NNP"),
)
NOUN_TAGS = ("NNG", "NNP")
#: 내용어(content words): 명사, 동사, 형용사, 어근, 알파벳 낱말(BRT)
CONTENT_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL")
_VERB_TAGS = ("VV", "VA")
#: 어느 주제에나 나오는 말 (이 책의 선택; 장에서 어떻게 골랐는지 보여 줍니다)
STOPWORDS: frozenset[str] = frozenset({
    "세종", "세종시", "오늘", "요즘", "주민", "안녕", "생각", "이번", "진짜", "정말", "하루", "감사",
    "참고", "댓글", "공감", "글", "기록", "이야기", "다음", "번째", "일상", "근데", "레알",
    "하다", "되다", "있다", "없다", "보다", "가다", "오다", "같다", "않다", "싶다", "주다", "나다",
    "보내다", "남기다", "만나다", "사다", "살다", "알다", "모르다", "넘다", "들다", "해", "힘",
    "어제", "아까", "방금", "저녁", "며칠", "올해", "주말", "밤", "점심", "주", "때",
    "앞", "층", "장", "차", "집", "때문", "쪽", "거", "아",
})


@lru_cache(maxsize=8)
def _kiwi(user_words: tuple[tuple[str, str], ...], num_workers: int):
    """사용자 사전마다 한 번만 만드는 분석기 (모형을 읽는 데 1~2초 걸립니다)."""
    from kiwipiepy import Kiwi

    # 여러 어절 고유명사 사전(load_multi_dict)은 이 말뭉치에 쓸 일이 없고, 빼면 분석기를 만드는 시간이 절반이 됩니다.
    kiwi = Kiwi(num_workers=num_workers, load_multi_dict=False)
    for word, tag in user_words:
        kiwi.add_user_word(word, tag, 0.0)
    return kiwi


_CACHES: dict[tuple, dict[str, tuple[tuple[str, str, str], ...]]] = {}


def _normalise_user_words(user_words) -> tuple[tuple[str, str], ...]:
    out = []
    for item in user_words:
        if isinstance(item, str):
            out.append((item, "NNP"))
        else:
            word, tag = item[0], item[1] if len(item) > 1 else "NNP"
            out.append((str(word), str(tag)))
    return tuple(out)


class Tokenizer:
    """kiwipiepy 형태소 분석기를 감싼 것.

    Parameters
    ----------
    user_words : 사용자 사전. ``"낱말"`` 이나 ``("낱말", "품사")`` 의 목록 (품사를 빼면 고유명사 NNP).
        기본은 :data:`SEJONG_USER_WORDS`. 빈 목록이면 사전 없이 분석합니다.
    num_workers : 분석에 쓸 스레드 수 (기본 2). 스레드 수는 결과를 바꾸지 않습니다 (글마다 따로 분석).

    같은 사용자 사전의 분석기는 프로세스 안에서 한 번만 만들고, 한 번 분석한 글은 다시 분석하지 않습니다
    (``cache=False`` 로 끌 수 있음).

    예::

        tok = Tokenizer()
        tok.nouns(["크린넷 냄새가 너무 심해요"])        # [['크린넷', '냄새']]
    """

    def __init__(self, user_words: Iterable = SEJONG_USER_WORDS, num_workers: int = 2, cache: bool = True):
        self.user_words = _normalise_user_words(user_words)
        self.num_workers = int(num_workers)
        self.kiwi = _kiwi(self.user_words, self.num_workers)
        self._cache = _CACHES.setdefault(self.user_words, {}) if cache else {}

    def analyze(self, texts: Sequence[str] | str, batch_size: int = 1000,
                progress: bool = False) -> list[list[tuple[str, str, str]]]:
        """글마다 (형태, 품사, 기본형) 목록. 기본형은 동사·형용사에 '-다' 를 붙인 꼴입니다('심하다')."""
        single = isinstance(texts, str)
        items = [texts] if single else ["" if t is None else str(t) for t in texts]
        todo = list(dict.fromkeys(t for t in items if t not in self._cache))
        if todo:
            bar = _progress(len(todo), progress)
            for start in range(0, len(todo), batch_size):
                batch = todo[start:start + batch_size]
                for text, tokens in zip(batch, self.kiwi.tokenize(batch)):
                    self._cache[text] = tuple((t.form, t.tag, t.lemma) for t in tokens)
                if bar is not None:
                    bar.update(len(batch))
            if bar is not None:
                bar.close()
        result = [list(self._cache[t]) for t in items]
        return result[0] if single else result

    def tokens(self, texts: Sequence[str], tags: Sequence[str] = CONTENT_TAGS,
               stopwords: Iterable[str] = STOPWORDS, min_len: int = 1, batch_size: int = 1000,
               progress: bool = False) -> list[list[str]]:
        """글마다 고른 품사의 낱말 목록. 동사·형용사는 기본형('심하다'), 알파벳은 대문자로 씁니다."""
        keep_tags, stop = set(tags), set(stopwords)
        out = []
        for analysed in self.analyze(texts, batch_size=batch_size, progress=progress):
            words = []
            for form, tag, lemma in analysed:
                if tag not in keep_tags:
                    continue
                word = lemma if tag in _VERB_TAGS else (form.upper() if tag == "SL" else form)
                if len(word) >= min_len and word not in stop:
                    words.append(word)
            out.append(words)
        return out

    def nouns(self, texts: Sequence[str], stopwords: Iterable[str] = STOPWORDS, **kwargs) -> list[list[str]]:
        """글마다 명사(NNG, NNP) 목록 (불용어를 뺌)."""
        return self.tokens(texts, tags=NOUN_TAGS, stopwords=stopwords, **kwargs)


def _progress(total: int, show: bool):
    """진행 막대 (tqdm). 표준 출력에 쓰고 시간을 적지 않아 노트북에 저장한 출력이 실행마다 같습니다."""
    if not show:
        return None
    from tqdm import tqdm

    # 시간(mininterval) 대신 건수(miniters: 전체의 4분의 1)로만 다시 그려, 저장되는 출력이 늘 같은 다섯 줄입니다.
    return tqdm(total=total, file=sys.stdout, desc="형태소 분석", unit="건", ascii=" #", ncols=70,
                mininterval=0, miniters=max(1, -(-total // 4)), maxinterval=float("inf"),
                bar_format="{desc} {percentage:3.0f}% |{bar:20}| {n_fmt}/{total_fmt}건")


def word_kept(texts: Sequence[str], words: Iterable[str], tokenizer: Tokenizer) -> pd.DataFrame:
    """낱말마다 글에 나온 횟수(mentions)와 분석 뒤 한 덩어리 명사로 남은 횟수(kept), 그 비율(kept_share).

    사용자 사전을 넣기 전과 뒤의 분석기로 한 번씩 불러 견주면 사전의 효과가 보입니다.
    """
    words = list(words)
    analysed = tokenizer.analyze(list(texts))
    mentions = {w: sum(t.count(w) for t in texts) for w in words}
    kept = Counter(form for tokens in analysed for form, tag, _l in tokens if tag in NOUN_TAGS and form in mentions)
    table = pd.DataFrame({"word": words, "mentions": [mentions[w] for w in words],
                          "kept": [kept.get(w, 0) for w in words]})
    table["kept_share"] = (table["kept"] / table["mentions"].where(table["mentions"] > 0)).round(3)
    return table


# ---------------------------------------------------------------------------
# 3. 빈도와 동시 출현
# ---------------------------------------------------------------------------
def count_words(token_lists: Iterable[Sequence[str]], per_post: bool = False) -> pd.DataFrame:
    """낱말 빈도표 (열 word, count). 많은 순, 같으면 가나다순.

    ``per_post=True`` 면 한 글에 여러 번 나와도 한 번으로 셉니다 (그 낱말이 나온 글 수).
    """
    counter: Counter = Counter()
    for tokens in token_lists:
        counter.update(set(tokens) if per_post else tokens)
    table = pd.DataFrame(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])), columns=["word", "count"])
    return table.astype({"count": "int64"})


def cooccurrence(token_lists: Iterable[Sequence[str]], words: Iterable[str] | None = None,
                 top: int = 50) -> pd.DataFrame:
    """한 글 안에 함께 나온 낱말 쌍의 글 수 (열 word_a, word_b, posts). 많은 순, 같으면 가나다순.

    ``words`` 를 주면 그 낱말들 사이의 쌍만, 주지 않으면 글 수가 많은 낱말 ``top`` 개 사이의 쌍을 셉니다.
    쌍은 (가나다순으로 앞선 낱말, 뒤의 낱말) 한 번씩만 나옵니다.
    """
    sets = [set(t) for t in token_lists]
    if words is None:
        words = count_words(sets, per_post=True)["word"].head(top)
    vocab = set(words)
    counter: Counter = Counter()
    for tokens in sets:
        present = sorted(tokens & vocab)
        counter.update(combinations(present, 2))
    rows = sorted(((a, b, n) for (a, b), n in counter.items()), key=lambda r: (-r[2], r[0], r[1]))
    return pd.DataFrame(rows, columns=["word_a", "word_b", "posts"]).astype({"posts": "int64"})


def topic_coherence(top_words, token_lists: Iterable[Sequence[str]]):
    """주제 상위 낱말들의 평균 NPMI (normalized pointwise mutual information, −1~1).

    두 낱말이 한 글에 함께 나오는 확률 p(a, b) 를 각자 나오는 확률과 견줍니다:
    NPMI = log(p(a,b) / (p(a) p(b))) / (−log p(a,b)). 함께 나온 적이 없으면 −1. 쌍마다의 평균을 돌려줍니다.
    사람이 보기에 말이 되는 주제일수록 값이 큽니다.

    ``top_words`` 가 낱말 목록이면 실수 하나, 주제마다의 목록(목록의 목록)이면 주제마다의 값 목록을 돌려줍니다.
    """
    many = len(top_words) > 0 and not isinstance(top_words[0], str)
    topics = [list(dict.fromkeys(t)) for t in (top_words if many else [top_words])]
    vocab = {w: i for i, w in enumerate(dict.fromkeys(w for t in topics for w in t))}
    rows, cols = [], []
    n = 0
    for d, tokens in enumerate(token_lists):
        n += 1
        for w in set(tokens):
            if w in vocab:
                rows.append(d)
                cols.append(vocab[w])
    present = np.zeros((n, len(vocab)), dtype=np.float64)
    present[rows, cols] = 1.0
    both = present.T @ present                                  # 낱말 쌍이 함께 나온 글 수
    scores = []
    for topic in topics:
        values = []
        for a, b in combinations(topic, 2):
            i, j = vocab[a], vocab[b]
            if both[i, j] == 0:
                values.append(-1.0)
                continue
            p_ab, p_a, p_b = both[i, j] / n, both[i, i] / n, both[j, j] / n
            values.append(1.0 if p_ab == 1 else float(np.log(p_ab / (p_a * p_b)) / -np.log(p_ab)))
        scores.append(float(np.mean(values)) if values else float("nan"))
    return scores if many else scores[0]


# ---------------------------------------------------------------------------
# 4. 장소 찾기 (gazetteer)
# ---------------------------------------------------------------------------
#: places.csv 에 없는 이름난 장소 → 읍면동 코드. 세 곳은 세종동(S-1 생활권) 땅이고, 세종동은 2023년부터 나성동이
#: 맡습니다(사실 파일 §9). 그래서 나성동(2생활권)으로 셉니다. (2장의 PM 후보지 표는 도식으로 연기면 셀에 두었습니다.)
EXTRA_PLACES: dict[str, str] = {"세종중앙공원": "3611051800", "국립세종수목원": "3611051800",
                                "이응다리": "3611051800"}
#: 글에 쓰는 줄임말 → 표준 이름 (places.csv 의 name 또는 EXTRA_PLACES)
PLACE_ALIASES: dict[str, str] = {
    "정부세종청사": "정부세종청사", "세종청사": "정부세종청사", "정부청사": "정부세종청사",
    "세종특별자치시청": "세종특별자치시청", "세종시청": "세종특별자치시청", "시청": "세종특별자치시청",
    "세종호수공원": "세종호수공원", "호수공원": "세종호수공원",
    "조치원역": "조치원역", "조치원": "조치원읍",
    "고려대학교 세종캠퍼스": "고려대학교 세종캠퍼스", "고려대 세종캠퍼스": "고려대학교 세종캠퍼스",
    "홍익대학교 세종캠퍼스": "홍익대학교 세종캠퍼스", "홍익대 세종캠퍼스": "홍익대학교 세종캠퍼스",
    "세종중앙공원": "세종중앙공원", "중앙공원": "세종중앙공원", "국립세종수목원": "국립세종수목원",
    "세종수목원": "국립세종수목원", "이응다리": "이응다리", "금강보행교": "이응다리",
}


def place_gazetteer(emd: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """장소 이름 사전: 열 alias(글에 쓰는 이름), place(표준 이름), emd_code, lifezone.

    읍면동 이름(``emd_master``), 주요 장소(``places`` 의 청사·시청·공원·역·대학; 상가 중심과 BRT 정류장은
    동 이름으로 잡히므로 뺌), :data:`EXTRA_PLACES`, 줄임말 :data:`PLACE_ALIASES` 를 합칩니다.
    """
    code_of = dict(zip(emd["emd_name"], emd["emd_code"]))
    fixed = places[~places["category"].isin(["commercial_center", "brt_stop"])]
    code_of.update(dict(zip(fixed["name"], fixed["emd_code"])))
    code_of.update(EXTRA_PLACES)
    rows = [(name, name, code) for name, code in code_of.items()]
    rows += [(alias, canonical, code_of[canonical]) for alias, canonical in PLACE_ALIASES.items()
             if alias != canonical and canonical in code_of]
    table = pd.DataFrame(rows, columns=["alias", "place", "emd_code"]).drop_duplicates("alias")
    table["lifezone"] = table["emd_code"].map(dict(zip(emd["emd_code"], emd["lifezone"])))
    table = table.sort_values("alias", key=lambda s: -s.str.len(), kind="stable")
    return table.reset_index(drop=True)


def find_places(texts: Iterable[str], gazetteer: pd.DataFrame) -> pd.DataFrame:
    """글마다 처음 나오는 장소 (열 place, emd_code, lifezone; 없으면 빈 글자 '').

    긴 이름부터 맞추므로 '세종호수공원' 은 '호수공원' 이 아니라 한 장소로, '조치원역' 은 '조치원' 보다
    먼저 잡힙니다.
    """
    aliases = sorted(gazetteer["alias"], key=lambda a: (-len(a), a))
    pattern = re.compile("|".join(re.escape(a) for a in aliases))
    info = gazetteer.set_index("alias")
    rows = []
    for text in texts:
        match = pattern.search(text if isinstance(text, str) else "")
        if match is None:
            rows.append(("", "", ""))
        else:
            row = info.loc[match.group(0)]
            rows.append((row["place"], row["emd_code"], row["lifezone"] if isinstance(row["lifezone"], str) else ""))
    return pd.DataFrame(rows, columns=["place", "emd_code", "lifezone"])
