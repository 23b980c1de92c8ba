/*
 * 한국어 검색 (sejongdata/tools/search_ko.py 와 같은 규칙). 이 코드는 language_data.js 에 들어갑니다.
 * 색인: 낱말(글자·숫자·_)로 나누고 한글 부분은 두 글자씩 겹쳐 자른 조각, 그 밖은 통째로.
 * 질의: 낱말 끝의 조사를 뗀 뒤 같은 규칙으로 자릅니다.
 */
var KO_PARTICLES = __PARTICLES__;

var koSplit = (text) => {
  const tokens = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []) {
    for (const run of word.match(/[가-힣]+|[^가-힣]+/g)) {
      if (/^[가-힣]/.test(run) && run.length >= 2) {
        for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
      } else tokens.push(run);
    }
  }
  return tokens;
};

var koStripParticle = (word) => {
  for (const particle of KO_PARTICLES) {
    const stem = word.slice(0, word.length - particle.length);
    if (word.endsWith(particle) && stem.length >= 2 && /[가-힣]{2}$/.test(stem)) return stem;
  }
  return word;
};

var KO_LAST_QUERY = [];

var splitQuery = (query) => {
  const tokens = [];
  for (const word of query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []) {
    tokens.push(...koSplit(koStripParticle(word)));
  }
  KO_LAST_QUERY = tokens;
  return tokens;
};

/*
 * 순위: 질의의 조각이 쪽에 나오는 횟수(가장 적은 조각 기준, 쪽 길이로 보정: BM25 의 b = 0.5)의 로그
 * 에, 모든 조각이 쪽 제목에 있고 본문에도 나오면 20(그 쪽이 다루는 낱말), 소제목에 있으면 3 을 더합니다. 횟수 자료(search_ko_counts.js)가
 * 없으면 Sphinx 의 기본 점수를 그대로 씁니다.
 */
var Scorer = {
  objNameMatch: 11, objPartialMatch: 6, objPrio: {0: 15, 1: 5, 2: -5}, objPrioDefault: 0,
  title: 15, partialTitle: 7, term: 5, partialTerm: 2,
  pageTitle: 20, heading: 3,
  _lookup: null,
  _has: (map, token, doc) => {
    const files = map[token];
    return files !== undefined && (files === doc || (Array.isArray(files) && files.includes(doc)));
  },
  score: (result) => {
    const [docname, _title, anchor, _descr, score, _filename] = result;
    if (typeof KO_SEARCH_COUNTS === "undefined" || !Search._index) return score;
    if (Scorer._lookup === null) {
      Scorer._lookup = new Map(KO_SEARCH_COUNTS.docnames.map((name, i) => [name, i]));
      const lengths = KO_SEARCH_COUNTS.lengths;
      Scorer._average = lengths.reduce((a, b) => a + b, 0) / Math.max(lengths.length, 1);
    }
    const stemmer = new Stemmer();
    const countsDoc = Scorer._lookup.get(docname);
    const doc = Search._index.docnames.indexOf(docname);
    const tokens = [...new Set(KO_LAST_QUERY.map((t) => stemmer.stemWord(t)))]
      .filter((t) => stopwords.indexOf(t) === -1 && !/^\d+$/.test(t));
    if (countsDoc === undefined || doc < 0 || !tokens.length) return score;
    const pageTitle = new Set(koSplit(Search._index.titles[doc] || "").map((t) => stemmer.stemWord(t)));
    let least = Infinity;
    let inHeadings = true;
    for (const token of tokens) {
      const inTerms = Scorer._has(Search._index.terms, token, doc);
      const inHeading = Scorer._has(Search._index.titleterms, token, doc);
      inHeadings = inHeadings && inHeading;
      const stored = (KO_SEARCH_COUNTS.counts[token] || []).find((pair) => pair[0] === countsDoc);
      least = Math.min(least, stored ? stored[1] : (inTerms || inHeading ? 1 : 0));
    }
    const norm = 0.5 + 0.5 * KO_SEARCH_COUNTS.lengths[countsDoc] / Scorer._average;
    let ranked = 10 * Math.log2(1 + least / norm);
    // 제목에만 한 번 나오는 쪽(예: "실행 통계" 쪽의 "통계")은 그 낱말을 다루는 쪽이 아니므로 더하지 않습니다.
    if (least >= 2 && tokens.every((t) => pageTitle.has(t))) ranked += Scorer.pageTitle;
    else if (inHeadings) ranked += Scorer.heading;
    return Math.round((anchor ? ranked - 0.5 : ranked) * 100) / 100;
  },
};

/*
 * 책을 디스크(file://, USB)에서 열면 브라우저가 fetch 로 다른 쪽을 읽지 못하게 막습니다. 검색 결과 밑의
 * 요약(쪽을 읽어 와 만드는 것)만 끄고, 검색 자체(searchindex.js 를 script 로 불러 옴)는 그대로 씁니다.
 */
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
