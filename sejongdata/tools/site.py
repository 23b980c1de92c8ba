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
