"""출판: 시민과 학생이 만나는 사이트 (issue 14).

1. 한국어 검색: Python 자르기와 브라우저 자르기가 같고, 실제 검색 쪽에서 재현율 ≥ 98 %, 순위가 알맞습니다.
2. 한국어 화면: 테마·확장의 영어 문구가 장 쪽에 없습니다 (빌드된 HTML 과 Chromium 에서 그린 화면 모두).
3. 실행 통계 쪽: bench/results.json 의 두 형식으로 만들어지고, 목차(참고)에 있습니다.
4. 접근성: 모든 그림에 대체 글, 제목 차례, 색(흑백·색각 이상), 지도의 대체 표.
5. 배포·오프라인: Pages 워크플로가 make book 과 같고, 내부 링크·앵커가 모두 있고, file:// 로 열어도
   쪽·그림·지도·검색이 되고, Colab·Binder 단추가 저장소 주소(_config.yml 한 곳)를 가리킵니다.

책은 이 모듈에서 한 번만 빌드합니다. 브라우저는 Debian chromium (없으면 건너뛰고, CI 에서는 실패).
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
import types
from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT, stored_maps
from sejongdata.errors import SejongDataError
from sejongdata import maps, palettes, plotting
from sejongdata.tools import bench, figure_alt, interface_ko, search_ko, site, status
from sejongdata.tools import notebooks as nbtool

CONFIG = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))
CHAPTERS = [f"notebooks/{p.stem}.html" for p in sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))]
TYPED_QUERIES = ["세종", "대여소를", "어울링 대여소"]

# 두 자르기가 같아야 하는 글들: 조사, 합성어, 로마자·숫자 섞임, 특수 문자, 다른 문자 체계
SPLIT_SAMPLES = [
    "세종특별자치시의 인구가 늘었습니다.", "대여소를 새로 고릅니다", "PM주차존은 25곳입니다",
    "2024년에 조치원읍에서", "음이항(negative binomial) 회귀", "어울링_대여소 id=42",
    "ㅋㅋ 한글 자모", "ΟΔΟΣ και Σ", "café naïve", "e\u0301cole", "①②③ ½ ٣", "ＰＭ ｆｕｌｌ",
    "漢字 世宗 かな カナ", "emoji 🚲 자전거🚲", "İstanbul ß", "a-b_c.d/e", "", "   ",
    "인구는", "도로", "지도에서", "증가", "자전거도로에서부터", "세종시의의",
]


# --- 준비: 책 빌드 한 번, 브라우저 하나 ---------------------------------------------------------

@pytest.fixture(scope="module")
def html_root(built_book) -> Path:
    return built_book["html"]      # 책 빌드는 test_site 와 함께 한 번 (conftest.built_book)


@pytest.fixture(scope="module")
def soups(html_root):
    """본문이 있는 쪽과 검색 쪽을 한 번씩만 읽어 둡니다."""
    from bs4 import BeautifulSoup

    pages = site.content_pages(html_root) + ["search.html"]
    return {p: BeautifulSoup((html_root / p).read_text(encoding="utf-8"), "html.parser") for p in pages}


@pytest.fixture(scope="module")
def browser():
    if site.find_chromium() is None:
        message = "Chromium 이 없어 브라우저 검사를 건너뜁니다 ('apt-get install chromium fonts-nanum')."
        if os.environ.get("CI"):
            pytest.fail(message + " (CI 에서는 반드시 돌아야 합니다)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=site.find_chromium(), args=site.CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="module")
def base_url(html_root):
    with site.serve(html_root) as url:
        yield url


def open_page(browser, url: str):
    """인터넷을 막은 새 탭으로 열고, (탭, 콘솔 오류 목록) 을 돌려줍니다 (배경 지도 타일 오류는 뺍니다)."""
    blocked: list[str] = []
    page = site.new_offline_page(browser, blocked=blocked, viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.text} @ {m.location.get('url', '')}")
            if m.type == "error" and not any(h in m.location.get("url", "") for h in site.TILE_HOSTS) else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.goto(url, wait_until="load")
    return page, errors, blocked


def outside_requests(blocked: list[str]) -> list[str]:
    return [u for u in blocked if not any(h in u for h in site.TILE_HOSTS)]


MAPS_DRAWN = """() => Array.from(document.querySelectorAll('iframe[srcdoc]')).every(f =>
    f.contentDocument && f.contentWindow.L &&
    f.contentDocument.querySelectorAll('path.leaflet-interactive, .leaflet-marker-icon').length > 0)"""
CHAPTER_PROBE = """() => ({
  images: Array.from(document.querySelectorAll('article img')).map(i => i.complete && i.naturalWidth > 0),
  maps: Array.from(document.querySelectorAll('iframe[srcdoc]')).map(f => {
    const doc = f.contentDocument;
    const box = f.closest('.output, .cell_output') || f.parentElement.parentElement.parentElement;
    const details = box ? box.querySelector('details.sejong-map-table') : null;
    return {title: f.getAttribute('title') || '',
            shapes: doc ? doc.querySelectorAll('path.leaflet-interactive, .leaflet-marker-icon').length : -1,
            rows: details ? details.querySelectorAll('tbody tr').length : -1,
            notes: details ? details.textContent : ''}; }),
  summaries: Array.from(document.querySelectorAll('details.hide summary')).map(s => s.innerText),
  copy: (document.querySelector('button.copybtn') || {getAttribute: () => null}).getAttribute('data-tooltip'),
})"""


@pytest.fixture(scope="module")
def chapters_from_disk(browser, html_root):
    """장 쪽을 file:// 로 한 번씩 열어(USB 에서 여는 것과 같음) 그림·지도·단추·콘솔 오류를 모읍니다."""
    root = html_root.resolve().as_uri()
    reports = {}
    for chapter in CHAPTERS:
        page, errors, blocked = open_page(browser, f"{root}/{chapter}")
        try:
            page.wait_for_function(MAPS_DRAWN, timeout=20000)
        except Exception:  # noqa: BLE001  (그려지지 않은 지도는 아래 검사가 알려 줍니다)
            pass
        report = page.evaluate(CHAPTER_PROBE)
        report.update(html=page.content(), errors=list(errors), outside=outside_requests(blocked))
        page.close()
        reports[chapter] = report
    return reports


# --- 1. 한국어 검색 ------------------------------------------------------------------------------

def test_splitter_cuts_korean_into_bigrams_and_strips_query_particles():
    assert search_ko.split("대여소를 PM주차존") == ["대여", "여소", "소를", "pm", "주차", "차존"]
    assert search_ko.query_tokens("대여소를") == ["대여", "여소"]
    assert search_ko.query_tokens("인구가") == ["인구"]
    assert search_ko.query_tokens("지도") == ["지도"], "두 글자 낱말의 끝 글자(도)는 조사로 떼지 않습니다."
    assert search_ko.query_tokens("정류장까지") == ["정류", "류장"]
    for text in SPLIT_SAMPLES:  # 질의의 조각은 언제나 원래 낱말의 조각 안에 있습니다 (재현율의 근거)
        assert set(search_ko.query_tokens(text)) <= set(search_ko.split(text)), text


def test_python_and_browser_splitters_give_the_same_tokens(browser):
    page = browser.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=search_ko.js_code())
    got = page.evaluate("(samples) => samples.map(s => [koSplit(s), splitQuery(s)])", SPLIT_SAMPLES)
    page.close()
    for text, (js_split, js_query) in zip(SPLIT_SAMPLES, got):
        assert js_split == search_ko.split(text), f"색인 자르기가 다릅니다: {text!r}"
        assert js_query == search_ko.query_tokens(text), f"질의 자르기가 다릅니다: {text!r}"


@pytest.mark.site
def test_book_has_the_korean_index(html_root):
    # 빌드 시간(예산 60초)은 시험이 아니라 'make bench' 가 잽니다.
    index = (html_root / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[len("Search.setIndex("):-1])["terms"]
    assert "주차" in terms and "차존" in terms, "한글 두 글자 조각이 색인에 없습니다."
    assert "대여소를" not in terms, "어절을 통째로 색인했습니다 (영어 규칙)."
    language = (html_root / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "koSplit" in language and "KO_PARTICLES" in language
    assert (html_root / "_static" / search_ko.COUNTS_FILE).exists()


@pytest.mark.site
def test_search_finds_what_readers_type(browser, base_url, html_root):
    texts = {p: site.page_text(html_root / p) for p in site.content_pages(html_root)}
    page, errors, _ = open_page(browser, f"{base_url}/search.html")
    page.wait_for_function("() => typeof Search !== 'undefined' && Search.hasIndex()")
    found = site.search_in_page(page, [q for q, _ in search_ko.EVAL_QUERIES])
    page.close()
    typed_page = site.new_offline_page(browser)
    for query in TYPED_QUERIES:  # 입력란에 한 글자씩 쳐서 Enter: 같은 결과여야 합니다
        assert site._search_once(typed_page, base_url, query, typed=True) == found[query], query
    typed_page.close()
    quality = site.search_quality(found, texts, search_ko.EVAL_QUERIES)
    missed = [(r["query"], r["missed"]) for r in quality["rows"] if r["missed"]]
    assert len(search_ko.EVAL_QUERIES) >= 40
    assert quality["recall"] >= 0.98, f"재현율 {quality['recall']:.1%}: {missed}"
    assert quality["precision"] >= 0.95, f"정밀도 {quality['precision']:.1%}: " + \
        str([(r["query"], r["wrong"]) for r in quality["rows"] if r["wrong"]])
    bad = [(r["query"], r["bad_order"]) for r in quality["rows"] if r["bad_order"]]
    assert not bad, f"한 번 스친 쪽이 그 낱말을 다루는 쪽보다 앞에 있습니다: {bad}"
    assert not errors, errors


# --- 2. 한국어 화면 ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def interface_pattern():
    strings = site.theme_interface_strings()
    assert {"Show code cell content", "Launch interactive content", "Copy to clipboard",
            "Toggle primary sidebar", "Link to this heading"} <= strings, "테마 문구 목록이 비었습니다."
    return site.interface_pattern(strings)


@pytest.mark.site
@pytest.mark.parametrize("page", CHAPTERS + ["book/intro.html", "book/status.html", "search.html"])
def test_built_pages_show_no_english_interface_strings(html_root, interface_pattern, page):
    html = (html_root / page).read_text(encoding="utf-8")
    english = site.english_interface(html, interface_pattern)
    assert not english, f"{page} 에 영어 화면 문구가 있습니다: {english}"


@pytest.mark.site
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_hidden_cell_buttons_and_scripted_buttons_are_korean(chapters_from_disk, interface_pattern, chapter):
    report = chapters_from_disk[chapter]
    assert report["summaries"], "숨긴 셀이 없어 단추 검사가 헛돕니다."
    assert all(interface_ko.CELL_PROMPTS["content"][0] in s for s in report["summaries"]), report["summaries"]
    assert report["copy"] == interface_ko.COPYBUTTON["copy"], report["copy"]
    live = site.english_interface(report["html"], interface_pattern)  # 스크립트가 만든 단추까지
    assert not live, f"화면(스크립트 실행 뒤)에 영어 문구가 있습니다: {live}"


# --- 3. 실행 통계 쪽 -------------------------------------------------------------------------------

OLD_RESULTS = {"machine": "vm", "date": "2026-11-30",
               "notebooks_s": {"notebooks/00_start.ipynb": 7.4, "solutions/00_start.ipynb": 7.0,
                               "notebooks/01_eoulling.ipynb": 71.7, "solutions/01_eoulling.ipynb": 10.7},
               "passed": {"notebooks/00_start.ipynb": True, "solutions/00_start.ipynb": True,
                          "notebooks/01_eoulling.ipynb": False, "solutions/01_eoulling.ipynb": True},
               "last_success": {"notebooks/00_start.ipynb": "2026-11-30", "solutions/00_start.ipynb": "2026-11-30",
                                "notebooks/01_eoulling.ipynb": "2026-11-02",
                                "solutions/01_eoulling.ipynb": "2026-11-30"},
               "pages_mb": {"notebooks/00_start.html": 0.26}}
CHAPTER_RESULTS = {"chapters": {"02_pm_zones": {"student_s": 9.6, "master_s": 9.0, "tests_s": 14.2,
                                                "passed": True, "date": "2026-12-01"}}}


def test_status_rows_from_old_and_per_chapter_results():
    rows = status.chapter_rows(OLD_RESULTS)
    assert [r["chapter"] for r in rows] == ["00_start", "01_eoulling"]
    assert rows[0] == {"chapter": "00_start", "student_s": 7.4, "master_s": 7.0, "tests_s": None,
                       "passed": True, "date": "2026-11-30"}
    assert rows[1]["passed"] is False and rows[1]["date"] == "2026-11-02", "실패한 장은 마지막 성공 날을 보입니다."
    assert status.chapter_rows(CHAPTER_RESULTS) == [{"chapter": "02_pm_zones", "student_s": 9.6, "master_s": 9.0,
                                                     "tests_s": 14.2, "passed": True, "date": "2026-12-01"}]
    text = status.markdown(OLD_RESULTS, documents={"notebooks/00_start"})
    assert "{doc}`/notebooks/00_start`" in text and "`01_eoulling`" in text
    assert "**실패**" in text and "71.7 (예산 60초 초과)" in text and "2026-11-02" in text
    old = {k: v for k, v in OLD_RESULTS.items() if k not in ("passed", "last_success", "date")}
    assert "기록 없음" in status.markdown(old), "날짜·결과가 없는 예전 기록도 읽어야 합니다."
    assert "make bench" in status.markdown({})


def test_bench_records_run_date_and_carries_last_success_forward(monkeypatch, tmp_path):
    import datetime

    outcomes = {"00_start.ipynb": True, "01_eoulling.ipynb": False}
    monkeypatch.setattr(bench, "time_notebook", lambda path: (1.23, outcomes.get(path.name, True)))
    monkeypatch.setattr(bench.site, "build_book", lambda root, out: 4.2)
    result = bench.run(with_test=False, today=datetime.date(2026, 12, 1))
    assert result["date"] == "2026-12-01"
    assert result["passed"]["notebooks/01_eoulling.ipynb"] is False
    carried = bench.carry_forward(result, {"last_success": {"notebooks/01_eoulling.ipynb": "2026-11-02"}})
    assert carried["last_success"]["notebooks/00_start.ipynb"] == "2026-12-01"
    assert carried["last_success"]["notebooks/01_eoulling.ipynb"] == "2026-11-02"
    assert "| notebooks/01_eoulling.ipynb | 1.2 | 60 | 실패 |" in bench.to_markdown(result)


@pytest.mark.site
def test_status_page_is_generated_from_bench_results_and_listed_under_reference(html_root):
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    reference = [p for p in toc["parts"] if p["caption"] == "참고"][0]
    assert {"file": "book/status"} in reference["chapters"]
    results = status.load(REPO_ROOT / "bench" / "results.json")
    text = site.page_text(html_root / "book" / "status.html")
    rows = status.chapter_rows(results)
    assert rows, "bench/results.json 에 장 기록이 없습니다."
    for row in rows:
        assert f"{row['student_s']:,.1f}" in text, row
        assert (row["date"] or status.UNKNOWN) in text, row
    assert (html_root / "book" / "status.html").read_text(encoding="utf-8").count("<tr") >= len(rows) + 1
    assert time.strftime("%Y-%m-%d") not in text or results.get("date") == time.strftime("%Y-%m-%d"), \
        "쪽에 빌드한 날짜가 들어갔습니다 (날짜는 벤치마크를 돌린 날이어야 합니다)."


# --- 4. 접근성 ------------------------------------------------------------------------------------

def test_alt_text_comes_from_the_figure_title_in_code():
    source = ('fig, ax = plt.subplots()\nsns.lineplot(data=d, x="month", y="population", hue="zone", ax=ax)\n'
              'ax.legend(title="생활권")\nplotting.finish(ax, "생활권별 인구 추이", "월", "인구(명)")')
    assert figure_alt.alt_texts(source, 1) == [
        "그림(선 그래프): 생활권별 인구 추이 (모의 데이터). 가로축: 월, 세로축: 인구(명), 색으로 나눈 것: 생활권."]
    assert figure_alt.alt_texts('ax = s.plot(kind="bar")\nax.set_title("월별 대여")', 1) == ["그림(막대그래프): 월별 대여."]
    assert figure_alt.alt_texts('plt.plot(x)\nax.set_title(f"{year}년")', 1) is None, \
        "읽을 수 없는 제목이면 None (빌드가 경고로 알립니다)."


@pytest.mark.site
def test_every_figure_has_alt_text_that_says_what_it_shows(soups):
    figures = 0
    for page, soup in soups.items():
        for image in soup.select("img"):
            alt, src = (image.get("alt") or "").strip(), image.get("src", "")
            assert alt and alt != src and not re.search(r"\.(png|svg|jpe?g)$", alt, re.I), \
                f"{page}: 그림 {src} 의 대체 글이 없습니다 ({alt!r})."
            if "_images/" in src:
                figures += 1
                assert alt.startswith("그림") and "(모의 데이터)" in alt, f"{page}: {alt}"
    assert figures >= len(CHAPTERS), "장의 그림이 없어 검사가 헛돕니다."


@pytest.mark.site
def test_headings_are_in_order_on_every_page(soups):
    for page, soup in soups.items():
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))
                  if not h.find_parent(class_="onlyprint")]  # 인쇄할 때만 보이는 차례는 빼고
        assert levels and levels[0] == 1 and levels.count(1) == 1, f"{page}: 제목 차례 {levels}"
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not jumps, f"{page}: 제목이 단계를 건너뜁니다 {jumps} (차례 {levels})"


def _ramp(colors, n=9):
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("ramp", list(colors))
    return [cmap(x)[:3] for x in [i / (n - 1) for i in range(n)]]


@pytest.mark.parametrize("name", ["map", *palettes.PLOT_SEQUENTIAL])
def test_sequential_colours_keep_their_order_in_greyscale_and_colour_blindness(name):
    colors = _ramp(palettes.MAP_SEQUENTIAL) if name == "map" else palettes.cmap_colors(name)
    assert palettes.is_monotone(palettes.lightness(colors), min_step=3), \
        f"{name}: 밝기(L*)가 한 방향으로 변하지 않아 흑백에서 순서가 읽히지 않습니다."
    for kind in palettes.CVD_MATRICES:
        simulated = palettes.lab(palettes.simulate(colors, kind))[:, 0]
        assert palettes.is_monotone(simulated, min_step=3), f"{name}: {kind} 에서 순서가 읽히지 않습니다."


@pytest.mark.parametrize("colors", [palettes.categorical(n=4), list(palettes.MAP_POINT_GROUPS)],
                         ids=["plot-categorical", "map-point-groups"])
def test_categorical_colours_stay_distinct_for_colour_blind_readers(colors):
    assert palettes.min_distance(colors) >= 8
    for kind in palettes.CVD_MATRICES:
        assert palettes.min_distance(colors, kind) >= 8, f"{kind} 에서 두 색이 거의 같아 보입니다."
    assert palettes.min_distance(palettes.categorical("deep", 4), "protanopia") < 8, \
        "검사가 seaborn 기본색의 알려진 문제(제1색맹의 초록·빨강)를 잡지 못합니다."


def test_plots_use_the_checked_palette_and_missing_areas_are_not_a_colour():
    import matplotlib
    import seaborn as sns
    from matplotlib.colors import to_hex

    plotting.setup_plots()
    cycle = [to_hex(c) for c in matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]][:4]
    assert cycle == sns.color_palette(palettes.PLOT_CATEGORICAL, 4).as_hex()
    style = maps._style(None, scale=None)
    assert style["fillOpacity"] == 0 and style["dashArray"], "값 없는 곳은 칠하지 않고 점선으로 그립니다."
    ramp = palettes.lightness(_ramp(palettes.MAP_SEQUENTIAL))
    assert ramp.min() < palettes.lightness([palettes.MAP_MISSING])[0] < ramp.max(), \
        "회색 칠은 흑백에서 낮은 값과 헷갈립니다: 그래서 칠하지 않습니다 (이 검사가 그 까닭을 지킵니다)."


def test_maps_carry_the_table_they_draw():
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import box

    areas = gpd.GeoDataFrame({"emd_code": ["1", "2", "3"], "emd_name": ["한솔동", "도담동", "연기면"]},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)], crs="EPSG:4326")
    data = pd.DataFrame({"emd_code": ["1", "2"], "growth_pct": [-3.5, 86.5]})
    m = maps.choropleth(areas, data, "growth_pct", "인구 증가율(%)")
    points = pd.DataFrame({"lat": [36.5 + i / 100 for i in range(60)], "lon": [127.2] * 60,
                           "name": [f"대여소 {i}" for i in range(60)], "rentals": list(range(60))})
    maps.add_points(m, points, size="rentals", label="name", size_label="대여 건수(건)")
    html = m._repr_html_()
    assert 'iframe title="지도: 인구 증가율(%), 점 60개.' in html
    assert maps.TRUST_NOTE_EN not in html and maps.TRUST_NOTE_KO in html
    table = html[html.index('<details class="sejong-map-table">'):]
    assert "<td>도담동</td><td>86.5</td>" in table and "<td>연기면</td><td>값 없음</td>" in table
    assert table.index("도담동") < table.index("한솔동"), "값이 큰 곳부터"
    assert "<th scope=\"col\">대여 건수(건)</th>" in table
    assert "<td>대여소 59</td><td>59</td><td>37.0900</td><td>127.2000</td>" in table
    assert f"값이 큰 {maps.TABLE_ROWS}개만 보입니다 (전체 60개)" in table


@pytest.mark.site
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_map_has_a_text_alternative_with_its_rows(chapters_from_disk, chapter):
    report = chapters_from_disk[chapter]["maps"]
    assert len(report) == stored_maps(chapter), (f"{chapter}: 노트북에 지도 {stored_maps(chapter)}개가 저장되어 있는데 "
                                                 f"쪽에서 {len(report)}개가 그려졌습니다.")
    for i, m in enumerate(report, 1):
        assert m["title"].startswith("지도: "), f"{chapter} {i}번째 지도 틀에 제목이 없습니다."
        assert m["rows"] > 0, f"{chapter} {i}번째 지도에 대체 표가 없습니다: {m}"
        if "만 보입니다" not in m["notes"] and "개수만" not in m["notes"]:
            assert m["rows"] == m["shapes"], f"{chapter} {i}번째 지도: 그린 도형과 표의 행 수가 다릅니다 {m}"


# --- 5. 배포와 오프라인 ----------------------------------------------------------------------------

def test_pages_workflow_builds_exactly_like_make_book():
    workflow = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs == ["make book PYTHON=python"], f"빌드는 make book 하나여야 합니다: {runs}"
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    book_recipe = re.search(r"^book:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "jupyter-book build . -W --keep-going" in book_recipe and "--path-output" not in book_recipe
    upload = [s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["with"]["path"] == "_build/html"
    python = [s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/setup-python")][0]
    environment = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert f"python={python['with']['python-version']}" in environment["dependencies"]
    assert CONFIG["execute"]["execute_notebooks"] == "off", "Pages 는 저장된 출력으로 만듭니다."
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in deploy["steps"])
    assert workflow[True]["push"]["branches"] == [CONFIG["repository"]["branch"]]  # yaml 은 'on' 을 True 로 읽습니다


@pytest.mark.site
def test_every_internal_link_and_anchor_resolves(html_root):
    report = site.check_links(html_root)
    assert report["checked"] > 200, "검사한 내부 링크가 너무 적습니다."
    assert not report["broken"], f"깨진 내부 링크·앵커: {report['broken'][:10]}"
    external = sorted(report["external"])
    print("\n바깥 링크 (확인하지 않고 목록만):\n" + "\n".join(external))
    assert all(re.match(r"^(https?://[^\s/]+|mailto:)", url) for url in external), external
    assert any(url.startswith(CONFIG["repository"]["url"]) for url in external)


@pytest.mark.site
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapters_work_opened_from_disk(chapters_from_disk, chapter):
    report = chapters_from_disk[chapter]
    assert report["images"] and all(report["images"]), f"file:// 에서 {chapter} 의 그림을 못 불러옵니다."
    shapes = [m["shapes"] for m in report["maps"]]
    assert len(shapes) == stored_maps(chapter) and all(n > 0 for n in shapes), \
        f"file:// 에서 {chapter} 의 지도가 그려지지 않습니다: {shapes} (저장된 지도 {stored_maps(chapter)}개)"
    assert not report["errors"], f"file:// {chapter} 콘솔 오류: {report['errors'][:5]}"
    assert not report["outside"], report["outside"][:5]


@pytest.mark.site
def test_first_page_and_search_work_opened_from_disk(browser, html_root):
    root = html_root.resolve().as_uri()
    page, errors, blocked = open_page(browser, f"{root}/index.html")
    page.wait_for_url("**/book/intro.html", timeout=15000)  # index.html 은 첫 쪽으로 넘겨 주는 쪽입니다
    assert "빅데이터로 보는 세종" in page.title()
    page.close()
    page, errors, blocked = open_page(browser, f"{root}/search.html?q=세종")
    page.wait_for_function(site.SEARCH_DONE, timeout=30000)
    results = page.evaluate(site.SEARCH_RESULTS)
    page.close()
    assert len({r.split("#")[0] for r in results}) >= 5, f"file:// 검색 결과가 모자랍니다: {results}"
    assert not errors, f"file:// 콘솔 오류 (검색 요약은 file:// 에서 꺼야 합니다): {errors[:5]}"
    assert not outside_requests(blocked)


def _repository():
    url = CONFIG["repository"]["url"].rstrip("/")
    owner, name = url.split("github.com/")[1].split("/")[:2]
    return url, owner, name, CONFIG["repository"]["branch"], CONFIG["repository"].get("path_to_book", "")


@pytest.mark.site
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_launch_buttons_open_this_chapter_in_the_configured_repository(html_root, chapter):
    from bs4 import BeautifulSoup

    url, owner, name, branch, prefix = _repository()
    notebook = f"{prefix}{chapter.replace('.html', '.ipynb')}"
    assert (REPO_ROOT / notebook).exists()
    soup = BeautifulSoup((html_root / chapter).read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".dropdown-launch-buttons a")}
    binder = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    colab = CONFIG["launch_buttons"]["colab_url"].rstrip("/")
    assert links.get("Binder") == f"{binder}/v2/gh/{owner}/{name}/{branch}?urlpath=lab/tree/{notebook}", links
    assert links.get("Colab") == f"{colab}/github/{owner}/{name}/blob/{branch}/{notebook}", links
    repo_buttons = [a["href"] for a in soup.select("a.btn-source-repository-button, a.btn-source-issues-button")]
    assert repo_buttons and all(h.startswith(url) for h in repo_buttons), repo_buttons


def test_colab_first_cell_installs_the_package_and_finds_the_data(monkeypatch, tmp_path):
    url = CONFIG["repository"]["url"]
    source = nbtool.colab_source(REPO_ROOT, "00_start")
    monkeypatch.chdir(tmp_path)  # 셀은 작업 폴더에 tests/ 를 씁니다: 저장소 밖에서 실행합니다
    monkeypatch.setenv("SEJONG_HOME", str(tmp_path / "sejong"))  # 없는 폴더 → 받기·설치 단계를 지납니다
    import sejongdata.colab
    written = []
    monkeypatch.setattr(sejongdata.colab, "write_public_tests", lambda nb, folder: written.append((nb, folder)))
    tracked = nbtool.subprocess.run(["git", "ls-files", "datasets"], cwd=REPO_ROOT, capture_output=True,
                                    text=True).stdout.split()
    assert "datasets/MANIFEST.sha256" in tracked, "복제한 저장소에 datasets/ 가 없습니다."
    commands = []
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr("subprocess.run", lambda cmd, **kw: commands.append(cmd))
    # 셀이 os.environ 에 직접 씁니다. setenv 로 먼저 등록해 두어야 테스트가 끝날 때 원래대로(없음) 돌아갑니다
    # (delenv 만 하면 되돌릴 것이 없어 이 워커의 다음 테스트와 커널이 없는 데이터 폴더를 보게 됩니다).
    monkeypatch.setenv("SEJONG_DATA_DIR", "colab-test-placeholder")
    exec(compile(source, "colab-setup", "exec"), {})  # noqa: S102  (생성된 셀을 Colab 인 척 실행)
    assert commands[0][:2] == ["git", "clone"] and url in commands[0]
    target = commands[0][-1]
    install = commands[1]
    assert install[1:4] == ["-m", "pip", "install"] and target in install
    otter_pin = [line for line in (REPO_ROOT / "requirements.txt").read_text().splitlines()
                 if line.startswith("otter-grader==")]
    assert otter_pin and otter_pin[0] in install, "Colab 의 otter 버전이 requirements.txt 와 다릅니다."
    assert os.environ["SEJONG_DATA_DIR"] == f"{target}/datasets"
    assert written == [(f"{target}/notebooks/00_start.ipynb", "tests")], written
    monkeypatch.delitem(sys.modules, "google.colab")
    commands.clear()
    exec(compile(source, "colab-setup", "exec"), {})  # noqa: S102  (Colab 이 아니면 아무 일도 안 함)
    assert commands == []


def test_binder_builds_from_environment_yml():
    for other in ["binder", ".binder", "Dockerfile", "runtime.txt", "Project.toml", "apt.txt"]:
        assert not (REPO_ROOT / other).exists(), f"{other} 가 있으면 Binder 가 environment.yml 대신 씁니다."
    environment = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = [d for d in environment["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert pip == ["-r requirements.txt", "-e ."], pip  # repo2docker 는 로컬 참조가 있으면 저장소 전체를 먼저 복사합니다
    requirements = [l for l in (REPO_ROOT / "requirements.txt").read_text().splitlines()
                    if l.strip() and not l.startswith("#")]
    assert all("==" in l for l in requirements), "requirements.txt 는 모두 고정 버전이어야 합니다."
    assert any(l.startswith("jupyterlab==") for l in requirements), "Binder 단추는 JupyterLab(urlpath=lab)으로 엽니다."
    assert CONFIG["launch_buttons"]["notebook_interface"] == "jupyterlab"


def test_colab_public_tests_never_delete_other_files(tmp_path):
    """Colab 셀이 쓰는 tests/ 폴더: 이 도구가 쓴 파일만 바꾸고 남의 파일은 지우지 않습니다."""
    from sejongdata.colab import MARKER, write_public_tests

    folder = tmp_path / "tests"
    folder.mkdir()
    (folder / "conftest.py").write_text("# 남의 파일\n", encoding="utf-8")
    written = write_public_tests(REPO_ROOT / "notebooks" / "00_start.ipynb", folder)
    assert (folder / "conftest.py").read_text(encoding="utf-8") == "# 남의 파일\n"
    assert written and all(p.read_text(encoding="utf-8").startswith(MARKER) for p in written)
    assert len(write_public_tests(REPO_ROOT / "notebooks" / "00_start.ipynb", folder)) == len(written)
    (folder / "q1.py").unlink()
    (folder / "q1.py").write_text("# 학생이 만든 파일\n", encoding="utf-8")
    with pytest.raises(SejongDataError):
        write_public_tests(REPO_ROOT / "notebooks" / "00_start.ipynb", folder)
    assert (folder / "q1.py").read_text(encoding="utf-8") == "# 학생이 만든 파일\n"
