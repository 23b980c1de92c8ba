"""책의 한국어 검색 (Sphinx 검색 언어 'ko').

Sphinx 에는 한국어 검색 언어가 없어 영어 규칙으로 어절(띄어쓰기 단위)을 통째로 색인합니다.
그러면 "세종" 으로 "세종시의" 를, "대여소를" 로 "대여소는" 을 찾지 못합니다. 이 모듈은

- **색인**(Python, ``KoreanSearch.split``): 글자를 소문자로 바꾸고 낱말(글자·숫자·_ 의 연속)로 나눈 뒤,
  한글 부분은 **두 글자씩 겹쳐 자른 조각**(character bigram: "대여소를" → 대여, 여소, 소를)으로,
  그 밖의 부분(로마자·숫자)은 통째로 씁니다. 한 글자 한글 낱말은 그 글자 하나입니다.
- **질의**(브라우저, ``splitQuery``): 같은 규칙으로 자르되, 먼저 낱말 끝의 **조사**(particle:
  을·를·이·가·에서·까지 …)를 뗍니다 ("대여소를" → "대여소" → 대여, 여소). 조사를 떼도 남는 부분이
  두 글자 이상일 때만 뗍니다 ("지도" 의 "도", "증가" 의 "가" 는 그대로).

Sphinx 는 질의의 조각이 **모두** 든 쪽을 찾으므로, 낱말이 조사와 붙어 있든("대여소를"),
합성어 안에 있든("세종시" 의 "세종") 그 낱말이 든 쪽은 모두 찾아집니다. 모델이 필요 없어
빌드 때 내려받을 것이 없습니다. 로마자 낱말은 Sphinx 영어 규칙(Porter 어간, 불용어)을 그대로 씁니다.

자르는 규칙은 Python(``split``, ``query_tokens``)과 JavaScript(``search_ko.js`` 의 ``koSplit``,
``splitQuery``)에 한 번씩 적혀 있고, 조사 목록은 이 모듈의 ``PARTICLES`` 하나를 JavaScript 에
넣어 씁니다. tests/test_publish.py 가 Chromium 에서 두 쪽이 같은 조각을 내는지 확인합니다.

순위: Sphinx 기본 점수는 "제목에 있나(15)/본문에 있나(5)" 뿐이라, 한 번 스친 쪽과 그 낱말을 다루는
장이 같은 점수를 받습니다. ``search_counts`` 가 쪽마다 조각이 몇 번 나오는지 세어
``_static/search_ko_counts.js`` 에 쓰고, 검색 쪽의 ``Scorer.score`` 가 그 횟수(쪽 길이로 보정한
BM25 식 빈도)로 점수를 매깁니다.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.search.en import SearchEnglish, js_porter_stemmer

# 낱말 끝에서 떼는 조사 (긴 것부터 맞춰 봅니다). 질의에만 씁니다.
PARTICLES = (
    "에서부터", "으로부터", "에서는", "에서도", "에서의", "으로는", "으로도", "으로의", "에게서", "까지는",
    "까지도", "부터는", "이라는", "이라고", "에서", "으로", "에게", "한테", "까지", "부터", "보다", "처럼",
    "마다", "조차", "이나", "이랑", "하고", "이며", "에는", "에도", "에의", "로는", "로도", "로의", "와의",
    "과의", "이란", "라는", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만",
)
COUNTS_FILE = "search_ko_counts.js"
JS_FILE = Path(__file__).with_name("search_ko.js")

_WORD = re.compile(r"\w+")
_RUN = re.compile(r"[가-힣]+|[^가-힣]+")
_HANGUL = re.compile(r"[가-힣]")


def split(text: str) -> list[str]:
    """색인과 질의가 함께 쓰는 자르기 규칙 (JavaScript 의 koSplit 과 같습니다)."""
    tokens = []
    for word in _WORD.findall(text.lower()):
        for run in _RUN.findall(word):
            if _HANGUL.match(run) and len(run) >= 2:
                tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
            else:
                tokens.append(run)
    return tokens


def strip_particle(word: str) -> str:
    """낱말 끝의 조사 하나를 뗍니다. 남는 부분의 끝이 한글 두 글자 이상일 때만 뗍니다."""
    for particle in PARTICLES:
        stem = word[:-len(particle)]
        if word.endswith(particle) and len(stem) >= 2 and _HANGUL.match(stem[-1]) and _HANGUL.match(stem[-2]):
            return stem
    return word


def query_tokens(query: str) -> list[str]:
    """질의를 자릅니다: 낱말마다 조사를 떼고 split 합니다 (JavaScript 의 splitQuery 와 같습니다)."""
    return [token for word in _WORD.findall(query.lower()) for token in split(strip_particle(word))]


def js_code() -> str:
    """검색 쪽(language_data.js)에 들어가는 자르기·점수 코드."""
    source = JS_FILE.read_text(encoding="utf-8")
    return source.replace("__PARTICLES__", json.dumps(list(PARTICLES), ensure_ascii=False))


JS_STEMMER = js_porter_stemmer.replace("var Stemmer = function", "var PorterStemmer = function") + """
/** 한글 조각은 그대로, 로마자 낱말은 Porter 어간으로 (Python 의 KoreanSearch.stem 과 같음) */
var Stemmer = function() {
  var porter = new PorterStemmer();
  this.stemWord = function(w) { return /[가-힣]/.test(w) ? w : porter.stemWord(w); };
};
"""


class KoreanSearch(SearchEnglish):
    """Sphinx 검색 언어 'ko': 한글은 두 글자 조각, 로마자는 영어 규칙."""

    lang = "ko"
    language_name = "Korean"
    js_stemmer_code = JS_STEMMER

    @property
    def js_splitter_code(self) -> str:  # Sphinx 가 language_data.js 에 그대로 넣습니다
        return js_code()

    def split(self, input: str) -> list[str]:  # noqa: A002  (Sphinx 의 인자 이름)
        return split(input)

    def stem(self, word: str) -> str:
        return word if _HANGUL.search(word) else super().stem(word)


def doctree_tokens(doctree, stem=lambda token: token) -> list[str]:
    """Sphinx 색인기(IndexBuilder._word_collector)와 같은 방식으로 쪽의 글에서 조각을 모읍니다.

    ``stem`` 은 색인이 하듯 조각마다 적용할 어간 함수입니다 (KoreanSearch.stem).
    """
    tokens: list[str] = []

    def visit(node):
        if isinstance(node, nodes.comment):
            return
        if isinstance(node, nodes.raw):
            if "html" in node.get("format", "").split():
                text = re.sub(r"<style.*?</style>", "", node.astext(), flags=re.I | re.S)
                text = re.sub(r"<script.*?</script>", "", text, flags=re.I | re.S)
                tokens.extend(split(re.sub(r"<[^<]+?>", "", text)))
            return
        if isinstance(node, nodes.Text):
            tokens.extend(split(node.astext()))
        for child in node.children:
            visit(child)

    visit(doctree)
    return [stem(token).lower() for token in tokens]


def search_counts(docs: dict[str, list[str]]) -> dict:
    """쪽별 조각 횟수. 두 번 이상 나온 것만 적습니다 (없으면 색인에 있는 쪽은 1번으로 봅니다)."""
    docnames = sorted(docs)
    counts: dict[str, list[list[int]]] = {}
    for index, docname in enumerate(docnames):
        tally: dict[str, int] = {}
        for token in docs[docname]:
            tally[token] = tally.get(token, 0) + 1
        for token, n in sorted(tally.items()):
            if n >= 2:
                counts.setdefault(token, []).append([index, n])
    return {"docnames": docnames, "lengths": [len(docs[d]) for d in docnames], "counts": counts}


def write_counts(outdir: Path, data: dict) -> Path:
    path = Path(outdir) / "_static" / COUNTS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(f"var KO_SEARCH_COUNTS = {text};\n", encoding="utf-8")
    return path


# 검색 품질을 재는 질의 (질의, 그 질의로 찾아야 할 낱말들): tests/test_publish.py 와
# ``python -m sejongdata.tools.site search`` 가 씁니다. 낱말이 모두 본문에 든 쪽이 정답입니다.
EVAL_QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # 두 글자 명사
    ("인구", ("인구",)), ("세종", ("세종",)), ("지도", ("지도",)), ("파일", ("파일",)),
    ("자료", ("자료",)), ("단지", ("단지",)), ("대여", ("대여",)), ("수요", ("수요",)),
    ("경계", ("경계",)), ("격자", ("격자",)), ("기온", ("기온",)), ("예측", ("예측",)),
    ("회귀", ("회귀",)), ("평균", ("평균",)), ("채점", ("채점",)), ("멘토", ("멘토",)),
    ("시청", ("시청",)), ("공원", ("공원",)), ("날씨", ("날씨",)), ("좌표", ("좌표",)),
    ("거리", ("거리",)), ("통계", ("통계",)),
    # 조사가 붙은 명사
    ("인구가", ("인구",)), ("대여소를", ("대여소",)), ("자전거를", ("자전거",)),
    ("지도에서", ("지도",)), ("세종시의", ("세종시",)), ("단지와", ("단지",)),
    ("수요를", ("수요",)), ("경계로", ("경계",)), ("주차존은", ("주차존",)),
    ("어울링을", ("어울링",)), ("노트북을", ("노트북",)), ("데이터는", ("데이터",)),
    ("아파트에", ("아파트",)), ("정류장까지", ("정류장",)),
    # 합성어와 여러 장에 걸친 낱말
    ("주차존", ("주차존",)), ("인구이동", ("인구이동",)), ("전기자전거", ("전기자전거",)),
    ("대여소", ("대여소",)), ("정부세종청사", ("정부세종청사",)), ("호수공원", ("호수공원",)),
    ("세대수", ("세대수",)), ("후보지", ("후보지",)), ("생활권", ("생활권",)),
    ("음이항", ("음이항",)), ("조치원읍", ("조치원읍",)), ("연습문제", ("연습문제",)),
    ("읍면동", ("읍면동",)), ("자전거", ("자전거",)),
    ("자동크린넷", ("자동크린넷",)), ("집하장을", ("집하장",)), ("만차", ("만차",)), ("투입구", ("투입구",)),
    # 두 낱말, 로마자
    ("어울링 대여소", ("어울링", "대여소")), ("모의 데이터", ("모의", "데이터")),
    ("folium", ("folium",)), ("pandas", ("pandas",)),
]
