"""책 빌드와 실제 브라우저 검사.

- 책을 -W(경고 = 오류) 로 빌드합니다.
- 빌드된 페이지와 내려받기용 .ipynb 에 정답·숨은 테스트가 없습니다.
- 장 페이지 크기가 3 MB 이하입니다.
- headless Chromium(fonts-nanum) 으로 열어: 한글이 보이고, 모든 folium 지도가 도형을 그리며,
  콘솔 오류가 없습니다. 인터넷은 막습니다 (배경 지도 타일만 없어도 됩니다).
  Chromium 이 없으면 분명한 메시지와 함께 건너뛰고, CI 에서는 실패합니다.
"""
from __future__ import annotations

import os
import html as html_lib
from pathlib import Path

import pytest

from conftest import REPO_ROOT, stored_maps
from sejongdata.tools import notebooks as nbtool
from sejongdata.tools import site

PAGES = ["index.html", "book/intro.html", "book/guide.html", "book/mentor.html",
         "book/data_catalog.html", "book/glossary.html"]
CHAPTERS = [f"notebooks/{p.stem}.html" for p in sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))]
PAGE_BUDGET = 3 * 1024 * 1024


@pytest.fixture(scope="module")
def html_root(built_book) -> Path:
    return built_book["html"]      # 책 빌드는 test_publish 와 함께 한 번 (conftest.built_book)


def test_book_builds_with_all_pages(html_root):
    for page in PAGES[1:] + CHAPTERS:
        assert (html_root / page).exists(), f"{page} 가 빌드되지 않았습니다."


def test_no_solutions_in_built_site(html_root):
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in list(html_root.rglob("*.html")) + list(html_root.rglob("*.ipynb"))]
    body = "\n".join(texts)
    for page in CHAPTERS:
        download = html_root / "_sources" / page.replace(".html", ".ipynb")
        assert download.exists(), f"내려받기용 노트북이 없습니다: {download.name} (검사가 헛돌지 않도록 확인)"
    assert "solutions/" not in "\n".join(str(p) for p in html_root.rglob("*"))
    masters = nbtool.masters(REPO_ROOT)
    # 책 한 권을 검사하므로, 어느 장에서든 공개된 줄(다른 장의 공개 테스트 등)은 정답의 증거가 아닙니다
    public = set().union(*(nbtool.public_and_secret_lines(m)[0] for m in masters))
    for master in masters:
        secrets = nbtool.secret_lines(master, also_public=public)
        assert secrets
        leaked = [s for s in secrets if s in body or html_lib.escape(s) in body]
        assert not leaked, f"책에 {master.name} 의 정답이 보입니다: {leaked[:3]}"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_page_within_budget(html_root, page):
    size = site.page_size(html_root, page)
    assert size <= PAGE_BUDGET, f"{page} 는 {size / 1e6:.2f} MB 로 3 MB 예산을 넘습니다."


def test_leaflet_served_from_the_book(html_root):
    for name in ["leaflet.js", "leaflet.css"]:
        assert (html_root / "_static" / "vendor" / "leaflet-1.9.3" / name).exists()
    assert (html_root / "_static" / "vendor" / "jquery-3.7.1" / "jquery.min.js").exists()


@pytest.fixture(scope="module")
def browser_report(html_root):
    if site.find_chromium() is None:
        message = ("Chromium 이 없어 브라우저 검사를 건너뜁니다. "
                   "'apt-get install chromium fonts-nanum' 으로 설치하세요.")
        if os.environ.get("CI"):
            pytest.fail(message + " (CI 에서는 반드시 돌아야 합니다)")
        pytest.skip(message)
    with site.serve(html_root) as url:
        return site.check_pages(url, PAGES + CHAPTERS, screenshot_dir=REPO_ROOT / "_build" / "screenshots")


@pytest.mark.parametrize("page", PAGES + CHAPTERS)
def test_page_has_no_console_errors(browser_report, page):
    errors = browser_report[page]["errors"]
    assert not errors, f"{page} 콘솔 오류: {errors[:5]}"
    outside = browser_report[page]["blocked_non_tile"]
    assert not outside, f"{page} 가 인터넷(타일 말고)에 요청했습니다: {outside[:5]}"


@pytest.mark.parametrize("page", PAGES + CHAPTERS)
def test_hangul_renders(browser_report, page):
    probe = browser_report[page]["hangul"]
    assert probe["a"] != probe["blank"], f"{page}: 한글이 그려지지 않았습니다 (글꼴 {probe['family']})."
    assert probe["a"] != probe["b"], (f"{page}: '세' 와 '종' 이 같은 모양입니다 — 한글 글꼴이 없어 "
                                      f"두부(tofu) 상자로 보입니다 (글꼴 {probe['family']}).")


@pytest.mark.parametrize("page", CHAPTERS)
def test_every_map_draws_its_shapes(browser_report, page):
    maps = browser_report[page]["maps"]
    assert len(maps) == stored_maps(page), f"{page}: 저장된 지도 {stored_maps(page)}개 중 {len(maps)}개만 그려졌습니다."
    if not maps:
        return  # 지도가 없는 장 (예: 4장)
    for i, m in enumerate(maps, 1):
        assert m["leaflet"], f"{page} 의 {i}번째 지도에서 Leaflet 을 불러오지 못했습니다."
        assert m["shapes"] + m["markers"] > 0, f"{page} 의 {i}번째 지도에 도형이 없습니다: {m}"
    local = browser_report[page]["local_requests"]
    assert any("_static/vendor/leaflet-1.9.3/leaflet.js" in u for u in local), \
        "Leaflet 을 책의 _static 에서 불러오지 않았습니다."


@pytest.mark.parametrize("page", CHAPTERS)
def test_figures_load(browser_report, page):
    images = browser_report[page]["images"]
    assert images, f"{page} 에 그림이 없습니다."
    broken = [i["src"] for i in images if not i["ok"]]
    assert not broken, f"{page} 에서 불러오지 못한 그림: {broken}"
