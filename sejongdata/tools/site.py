"""빌드된 책(정적 사이트)을 검사하는 도구: 로컬 웹 서버, 페이지 크기, 브라우저 검사.

tests/test_site.py 와 벤치마크(sejongdata.tools.bench)가 함께 씁니다.
브라우저는 Debian 의 chromium 을 Playwright 로 움직이며, 127.0.0.1 밖으로 나가는 요청은 모두 막습니다.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TILE_HOSTS = ("tile.openstreetmap.org", "tile.openstreetmap.de", "basemaps.cartocdn.com")


def build_book(root: Path, out: Path) -> float:
    """책을 -W (경고를 오류로) 로 빌드하고 걸린 시간(초)을 돌려줍니다."""
    exe = Path(sys.executable).with_name("jupyter-book")
    start = time.perf_counter()
    done = subprocess.run([str(exe), "build", str(root), "-W", "--keep-going",
                           "--path-output", str(out)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"책 빌드 실패 (경고도 오류로 봅니다):\n{done.stdout[-6000:]}\n{done.stderr[-4000:]}")
    return elapsed


def page_size(html_root: Path, page: str) -> int:
    """페이지 HTML 과 그 페이지가 쓰는 그림(_images) 크기의 합(바이트)."""
    path = html_root / page
    text = path.read_text(encoding="utf-8")
    size = path.stat().st_size
    for src in set(re.findall(r'src="([^"]*_images/[^"]+)"', text)):
        image = (path.parent / src).resolve()
        if image.exists():
            size += image.stat().st_size
    return size


def find_chromium() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@contextlib.contextmanager
def serve(html_root: Path):
    """html_root 를 127.0.0.1 의 빈 포트에서 내보냅니다."""
    handler = functools.partial(_QuietHandler, directory=str(html_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


HANGUL_PROBE = """() => {
  const el = document.querySelector('article') || document.body;
  const family = getComputedStyle(el).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 120; canvas.height = 60;
  const ctx = canvas.getContext('2d');
  const draw = (text) => { ctx.clearRect(0, 0, 120, 60); ctx.font = '40px ' + family;
                            ctx.fillText(text, 5, 45); return canvas.toDataURL(); };
  const blank = canvas.toDataURL();
  return {family: family, a: draw('세'), b: draw('종'), blank: blank};
}"""

MAP_PROBE = """(frame) => {
  const doc = frame.contentDocument;
  if (!doc) return {ok: false, reason: 'no document'};
  return {
    leaflet: typeof frame.contentWindow.L !== 'undefined',
    containers: doc.querySelectorAll('.leaflet-container').length,
    shapes: doc.querySelectorAll('path.leaflet-interactive').length,
    markers: doc.querySelectorAll('.leaflet-marker-icon').length,
  };
}"""


def check_pages(base_url: str, pages: list[str], screenshot_dir: Path | None = None) -> dict:
    """각 페이지를 headless Chromium 으로 열어 콘솔 오류, 한글 글꼴, 지도, 그림을 봅니다."""
    from playwright.sync_api import sync_playwright

    report = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            for page_path in pages:
                report[page_path] = _check_page(browser, base_url, page_path, screenshot_dir)
        finally:
            browser.close()
    return report


def _check_page(browser, base_url, page_path, screenshot_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, blocked, local = [], [], []

    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost") or r.request.url.startswith(("data:", "about:")):
            local.append(r.request.url)
            return r.continue_()
        blocked.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append((m.text, m.location.get("url", "")))
            if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append((f"pageerror: {e}", "")))
    page.goto(f"{base_url}/{page_path}", wait_until="load")
    page.wait_for_timeout(1500)
    hangul = page.evaluate(HANGUL_PROBE)
    maps = [page.evaluate(MAP_PROBE, f.frame_element()) for f in page.frames[1:]
            if _is_map_frame(f)]
    images = page.evaluate("""() => Array.from(document.querySelectorAll('article img'))
        .map(i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0}))""")
    if screenshot_dir is not None:
        screenshot_dir.mkdir(parents=True, exist_ok=True)
        name = page_path.replace("/", "_").replace(".html", ".png")
        page.screenshot(path=str(screenshot_dir / name), full_page=False)
    page.close()
    return {"errors": [e for e in errors if not _is_tile(e[1])],
            "blocked_non_tile": [b for b in blocked if not _is_tile(b)], "hangul": hangul, "maps": maps, "images": images,
            "local_requests": local}


def _is_map_frame(frame) -> bool:
    try:
        return frame.evaluate("() => !!document.querySelector('.leaflet-container')")
    except Exception:  # noqa: BLE001  (불러오지 못한 프레임)
        return False


def _is_tile(url: str) -> bool:
    return any(host in url for host in TILE_HOSTS)


# --- 검색 품질 -------------------------------------------------------------------------------
# 독자가 하듯이 검색 쪽(search.html)의 입력란에 글자를 쳐서 찾고, 결과 목록의 쪽 순서를 읽습니다.

# 검색이 끝나면 searchtools.js 의 _finishSearch 가 상태 문장을 씁니다. (_pulse_status 는 끝난 뒤에도
# 남은 타이머가 다시 올려 놓을 수 있어 믿을 수 없습니다.)
SEARCH_DONE = "() => typeof Search !== 'undefined' && !!Search.status && Search.status.innerText.length > 0"
SEARCH_RESULTS = """() => Array.from(document.querySelectorAll('#search-results ul.search > li > a'))
    .map(a => a.getAttribute('href'))"""
CONTENT_PAGES_EXCLUDE = ("search.html", "genindex.html", "py-modindex.html")


def new_offline_page(browser, blocked: list | None = None, **kwargs):
    """127.0.0.1 과 file:// 말고는 모든 요청을 막는 새 탭."""
    page = browser.new_page(**kwargs)

    def route(r):
        url = r.request.url
        host = urlparse(url).hostname or ""
        if host in ("127.0.0.1", "localhost") or url.startswith(("data:", "about:", "file:")):
            return r.continue_()
        if blocked is not None:
            blocked.append(url)
        return r.abort()

    page.route("**/*", route)
    return page


def content_pages(html_root: Path) -> list[str]:
    """본문이 있는 쪽들 (검색 쪽, 색인 쪽, _static 은 뺍니다)."""
    pages = []
    for path in sorted(html_root.rglob("*.html")):
        rel = path.relative_to(html_root).as_posix()
        if rel.startswith(("_static/", "_sources/")) or rel in CONTENT_PAGES_EXCLUDE:
            continue
        if 'role="main"' in path.read_text(encoding="utf-8"):
            pages.append(rel)
    return pages


def page_text(path: Path) -> str:
    """쪽의 본문(article) 글자. 스크립트·스타일·¶ 는 빼고, 이전/다음 쪽 안내·목차·꼬리말도 빠집니다."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.bd-article") or soup.select_one('[role="main"]')
    if main is None:
        return ""
    for node in main.select("script, style, .headerlink"):
        node.decompose()
    return main.get_text(" ")


def run_searches(base_url: str, queries: list[str], typed: bool = True) -> dict[str, list[str]]:
    """검색 쪽에서 질의마다 결과 쪽 목록(순위 순, 같은 쪽은 한 번)을 돌려줍니다.

    ``typed=True`` 면 검색 쪽의 입력란에 질의를 한 글자씩 치고 Enter 를 누릅니다.
    """
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            page = new_offline_page(browser)
            for query in queries:
                found[query] = _search_once(page, base_url, query, typed)
            page.close()
        finally:
            browser.close()
    return found


def _search_once(page, base_url: str, query: str, typed: bool) -> list[str]:
    if typed:
        page.goto(f"{base_url}/search.html", wait_until="load")
        box = page.locator("#search-results").locator("xpath=preceding::input[@name='q'][1]")
        box.click()
        box.press_sequentially(query)
        with page.expect_navigation(wait_until="load"):
            box.press("Enter")
    else:
        from urllib.parse import quote
        page.goto(f"{base_url}/search.html?q={quote(query)}", wait_until="load")
    page.wait_for_function(SEARCH_DONE, timeout=30000)
    pages = []
    for href in page.evaluate(SEARCH_RESULTS):
        target = href.split("#")[0]
        if target not in pages:
            pages.append(target)
    return pages


def search_quality(found: dict[str, list[str]], texts: dict[str, str],
                   queries: list[tuple[str, tuple[str, ...]]], about: int = 5) -> dict:
    """재현율·정밀도와 순위 검사.

    ``queries`` 는 (질의, 그 질의가 찾아야 할 낱말들) 목록입니다. 낱말이 모두 본문에 든 쪽이 정답입니다.
    순위: 낱말이 ``about`` 번 이상 나오는 쪽(그 낱말을 다루는 쪽)이 한 번만 나오는 쪽보다 앞에 있어야 합니다.
    """
    lowered = {page: text.lower() for page, text in texts.items()}
    rows, relevant_total, hits, found_total, pairs, ordered = [], 0, 0, 0, 0, 0
    for query, nouns in queries:
        counts = {page: min(text.count(n.lower()) for n in nouns) for page, text in lowered.items()}
        relevant = {page for page, c in counts.items() if c > 0}
        results = [page for page in found[query] if page in texts]
        hit = relevant & set(results)
        bad_order = []
        for i, first in enumerate(results):
            for later in results[i + 1:]:
                pair = sorted((counts[first], counts[later]))
                if pair[0] == 1 and pair[1] >= about:  # 한 번 스친 쪽과 그 낱말을 다루는 쪽
                    pairs += 1
                    if counts[first] == 1:
                        bad_order.append((first, later))
                    else:
                        ordered += 1
        relevant_total += len(relevant)
        hits += len(hit)
        found_total += len(results)
        rows.append({"query": query, "nouns": nouns, "relevant": len(relevant), "found": len(results),
                     "hits": len(hit), "missed": sorted(relevant - hit),
                     "wrong": [p for p in results if p not in relevant], "bad_order": bad_order,
                     "results": [(p, counts.get(p, 0)) for p in results]})
    return {"recall": hits / relevant_total if relevant_total else 1.0,
            "precision": hits / found_total if found_total else 1.0,
            "relevant": relevant_total, "hits": hits, "found": found_total,
            "order_pairs": pairs, "order_ok": ordered, "rows": rows}


# --- 화면 문구 -----------------------------------------------------------------------------
# 테마·확장이 화면에 내는 영어 문구 목록을 설치된 패키지에서 모읍니다 (번역 카탈로그의 msgid,
# 틀에 적힌 title/aria-label 글자, 파이썬·자바스크립트 코드가 번역 함수에 넘기는 글자).

INTERFACE_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-bs-title", "data-tooltip")
_SKIP_TEXT_IN = "pre, code, .output, .cell_output, table, .onlyprint, script, style, noscript, iframe"


def theme_interface_strings() -> set[str]:
    """pydata-sphinx-theme, sphinx-book-theme, sphinx-togglebutton, sphinx-copybutton, myst-nb 와
    Sphinx HTML 작성기가 화면에 내는 영어 문구."""
    import importlib.util

    def package_dir(name: str) -> Path:
        return Path(importlib.util.find_spec(name).origin).parent

    found: set[str] = set()
    call = re.compile(r"""(?:\b_|translate|translation|__)\(\s*(['"])([^'"]+?)\1""")
    attribute = re.compile(r'(?:title|aria-label|placeholder|alt)="([A-Za-z][^"{}<>]*)"')
    for name in ("pydata_sphinx_theme", "sphinx_book_theme", "sphinx_togglebutton"):
        root = package_dir(name)
        for po in list(root.rglob("*.pot")) + list(root.rglob("*.po")):
            found.update(m for m in re.findall(r'^msgid "(.+)"$', po.read_text(encoding="utf-8"), re.M))
        for source in list(root.rglob("*.html")) + list(root.rglob("*.py")) + list(root.rglob("*.js")):
            if "node_modules" in source.parts or source.name.endswith(".min.js"):
                continue
            text = source.read_text(encoding="utf-8", errors="replace")
            found.update(m[1] for m in call.findall(text))
            found.update(attribute.findall(text))
    sphinx_root = package_dir("sphinx")
    for source in [sphinx_root / "writers" / "html5.py", *sorted((sphinx_root / "themes" / "basic").glob("*.html"))]:
        found.update(m[1] for m in call.findall(source.read_text(encoding="utf-8")))
    copybutton = (package_dir("sphinx_copybutton") / "_static" / "copybutton.js_t").read_text(encoding="utf-8")
    english = copybutton[copybutton.index("'en'"):copybutton.index("}")]
    found.update(re.findall(r"'\w+':\s*'([^']+)'", english))
    from myst_nb.core.config import NbParserConfig

    defaults = NbParserConfig()
    for template in (defaults.code_prompt_show, defaults.code_prompt_hide):
        found.update(template.replace("{type}", kind) for kind in ("content", "source", "output", "outputs"))
    found.add("Toggle hidden content")
    return {s.strip() for s in found
            if re.search(r"[A-Za-z]{2,}", s) and not re.search(r"[(){}*/=;]|%s", s) and len(s.strip()) > 1}


def interface_pattern(strings: set[str]) -> re.Pattern:
    """문구가 화면 글자 전체이거나, 앞뒤에 낱말 하나가 붙은 것("Launch on Binder", "Binder logo")."""
    parts = []
    for s in sorted(strings, key=len, reverse=True):
        body = re.escape(s)
        body = re.sub(r"%\\\(\w+\\\)s|\\\{\w+\\\}|\\\$\\\{\w+\\\}", ".+", body)
        parts.append(body)
    return re.compile(r"(?:\S+ )?(?:" + "|".join(parts) + r")(?: \S+)?")


def visible_interface_texts(html: str) -> list[str]:
    """쪽의 화면 글자(코드·출력·표 밖의 글자 마디)와 도움말 속성값."""
    from bs4 import BeautifulSoup, NavigableString
    from bs4.element import PreformattedString

    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select(_SKIP_TEXT_IN):
        for attr_node in [node, *node.find_all(True)]:
            attr_node.attrs = {k: v for k, v in attr_node.attrs.items() if k not in INTERFACE_ATTRIBUTES}
    texts = []
    skipped = {id(n) for n in soup.select(_SKIP_TEXT_IN)}
    for string in soup.find_all(string=True):
        if type(string) is not NavigableString or isinstance(string, PreformattedString):
            continue
        if any(id(parent) in skipped for parent in string.parents):
            continue
        text = " ".join(string.split())
        if text:
            texts.append(text)
    for element in soup.find_all(True):
        for attr in INTERFACE_ATTRIBUTES:
            value = element.get(attr)
            if isinstance(value, str) and value.strip():
                texts.append(" ".join(value.split()))
    return texts


def english_interface(html: str, pattern: re.Pattern) -> list[str]:
    """화면 글자 가운데 테마의 영어 문구와 같은 것."""
    return sorted({t for t in visible_interface_texts(html) if pattern.fullmatch(t)})


SEARCH_BATCH = """async ([queries, summaries]) => {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = summaries;
  const found = {};
  for (const q of queries) {
    document.getElementById('search-results').innerHTML = '';
    Search.status = null;
    Search.performSearch(q);
    while (!(Search.status && Search.status.innerText.length > 0)) await new Promise(r => setTimeout(r, 5));
    found[q] = Array.from(document.querySelectorAll('#search-results ul.search > li > a'))
      .map(a => a.getAttribute('href'));
  }
  return found;
}"""


def search_in_page(page, queries: list[str], summaries: bool = False) -> dict[str, list[str]]:
    """이미 열린 검색 쪽에서, 쪽을 다시 불러오지 않고 같은 검색 코드(Search.performSearch)로 찾습니다.

    검색 쪽은 주소의 ?q= 를 이 함수로 넘기므로 결과는 입력란에 쳐서 찾은 것과 같습니다.
    ``summaries=False`` 면 결과마다 쪽을 내려받아 만드는 요약을 끕니다 (결과와 순서는 같고 훨씬 빠릅니다).
    """
    raw = page.evaluate(SEARCH_BATCH, [list(queries), summaries])
    found = {}
    for query, hrefs in raw.items():
        pages = []
        for href in hrefs:
            target = href.split("#")[0]
            if target not in pages:
                pages.append(target)
        found[query] = pages
    return found


# --- 링크 검사 (인터넷 없이) ------------------------------------------------------------------

class _LinkCollector(__import__("html.parser").parser.HTMLParser):
    """쪽의 id·name 과 href/src 주소, 지도 틀(iframe srcdoc)의 내용을 모읍니다 (BeautifulSoup 보다 빠름)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.urls, self.srcdocs = set(), [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        if tag in ("a", "link", "script", "img", "iframe", "source"):
            for attr in ("href", "src"):
                if attributes.get(attr):
                    self.urls.append(attributes[attr])
        if tag == "iframe" and attributes.get("srcdoc"):
            self.srcdocs.append(attributes["srcdoc"])


def _collect(text: str) -> _LinkCollector:
    collector = _LinkCollector()
    collector.feed(text)
    return collector


def check_links(html_root: Path) -> dict:
    """빌드된 사이트의 모든 내부 링크와 앵커(#id)가 있는지 봅니다. 바깥 주소는 모으기만 합니다.

    지도(iframe srcdoc) 안의 스크립트·스타일 주소도 봅니다. 돌려주는 값:
    ``{"checked": 내부 링크 수, "broken": [(쪽, 주소, 까닭)], "external": {주소: [쪽...]}}``
    """
    from urllib.parse import unquote, urlsplit

    html_root = Path(html_root)
    parsed: dict[Path, _LinkCollector] = {}

    def page(path: Path) -> _LinkCollector:
        if path not in parsed:
            parsed[path] = _collect(path.read_text(encoding="utf-8", errors="replace"))
        return parsed[path]

    broken, external, checked = [], {}, 0
    pages = [p for p in sorted(html_root.rglob("*.html")) if "_static" not in p.relative_to(html_root).parts]
    for path in pages:
        rel = path.relative_to(html_root).as_posix()
        collected = page(path)
        urls = list(collected.urls)
        for srcdoc in collected.srcdocs:
            urls += _collect(srcdoc).urls
        for url in urls:
            if url.startswith(("javascript:", "data:", "about:", "${")):
                continue
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto") or url.startswith("//"):
                external.setdefault(url, []).append(rel)
                continue
            if parts.scheme:
                broken.append((rel, url, f"알 수 없는 주소 형식 {parts.scheme}:"))
                continue
            checked += 1
            if parts.path.startswith("/"):
                broken.append((rel, url, "절대 경로는 USB·file:// 에서 깨집니다"))
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((rel, url, "파일 없음"))
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page(target).ids:
                broken.append((rel, url, f"앵커 #{parts.fragment} 없음"))
    return {"checked": checked, "broken": broken, "external": external}


def search_report(html_root: Path, typed: bool = True) -> dict:
    """``search_ko.EVAL_QUERIES`` 로 검색 품질을 잽니다 (입력란에 쳐서, 요약까지 만드는 실제 검색)."""
    from .search_ko import EVAL_QUERIES

    texts = {p: page_text(html_root / p) for p in content_pages(html_root)}
    with serve(html_root) as url:
        found = run_searches(url, [q for q, _ in EVAL_QUERIES], typed=typed)
    return search_quality(found, texts, EVAL_QUERIES)


def main(argv=None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(description="빌드된 책의 검색 품질을 잽니다 (headless Chromium).")
    parser.add_argument("command", choices=["search"])
    parser.add_argument("html", type=Path, help="빌드된 책 폴더 (예: _build/html)")
    parser.add_argument("--json", type=Path, help="질의별 결과를 JSON 으로 저장")
    args = parser.parse_args(argv)
    quality = search_report(args.html)
    for row in quality["rows"]:
        print(f"{row['query']:<10} 찾음 {row['hits']}/{row['relevant']}  결과 {row['found']}  "
              f"놓침 {row['missed'] or '-'}  틀림 {row['wrong'] or '-'}")
    print(f"재현율 {quality['recall']:.1%} ({quality['hits']}/{quality['relevant']}), "
          f"정밀도 {quality['precision']:.1%} ({quality['hits']}/{quality['found']}), "
          f"순위 쌍 {quality['order_ok']}/{quality['order_pairs']}")
    if args.json:
        args.json.write_text(json.dumps(quality, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
