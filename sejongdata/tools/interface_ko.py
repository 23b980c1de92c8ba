"""책 화면의 한국어 문구 (테마 단추, 도움말, 숨긴 셀 단추).

Sphinx 의 한국어 번역에는 테마(pydata-sphinx-theme, sphinx-book-theme)와 myst-nb, sphinx-copybutton
의 문구가 없거나 어색하게 옮겨져 있습니다. 여기서 한 곳에 모아 옮깁니다.

- ``SPHINX``: Sphinx·pydata 테마의 ``_()`` 문구. Sphinx 한국어 번역 뒤에 **보충**으로 붙습니다
  (Sphinx 가 이미 옮긴 문구는 그대로 씁니다).
- ``BOOKTHEME``: sphinx-book-theme 의 ``translate()`` 문구. 테마의 한국어 번역보다 **먼저** 씁니다.
- ``THEME_OPTIONS``: 문구가 테마 설정값인 것 (검색창, 쪽 차례 제목).
- ``CELL_PROMPTS``: myst-nb 숨긴 셀 단추 (``nb_code_prompt_show`` / ``hide`` 의 ``{type}`` 을 옮김).
- ``COPYBUTTON``: 코드 복사 단추 (sphinx-copybutton 에 한국어가 없어 ``interface_ko.js`` 가 넣습니다).
- 테마 틀(template)에 영어가 그대로 적힌 것은 ``templates/`` 의 같은 이름 파일이 대신합니다.
"""
from __future__ import annotations

import gettext
import json
from pathlib import Path

from sphinx import locale

TEMPLATES = Path(__file__).with_name("templates")
JS_FILE = Path(__file__).with_name("interface_ko.js")

SPHINX = {
    "Skip to main content": "본문으로 건너뛰기",
    "Back to top": "맨 위로",
    "Search": "검색",
    "Breadcrumb": "현재 위치",
    "Home": "처음",
    "Color mode": "화면 색",
    "Light": "밝게",
    "Dark": "어둡게",
    "System Settings": "컴퓨터 설정 따르기",
    "Version warning": "판 안내",
    "Announcement": "알림",
    "Site navigation": "책 차례",
    "On this page": "이 쪽의 차례",
    "previous page": "이전 쪽",
    "previous": "이전",
    "next page": "다음 쪽",
    "next": "다음",
    "Collapse Sidebar": "옆 차례 접기",
    "Expand Sidebar": "옆 차례 펼치기",
    "Section Navigation": "이 장의 차례",
    "Show Source": "원본 보기",
    "Indices": "색인",
    "Error": "오류",
    "Click to expand": "눌러서 펼치기",
    "Click to collapse": "눌러서 접기",
    "Link to this heading": "이 제목으로 바로 가는 주소",
    "Link to this definition": "이 정의로 바로 가는 주소",
    "Link to this table": "이 표로 바로 가는 주소",
    "Link to this image": "이 그림으로 바로 가는 주소",
    "Link to this code": "이 코드로 바로 가는 주소",
    "Link to this term": "이 용어로 바로 가는 주소",
    "Link to this toctree": "이 차례로 바로 가는 주소",
    "© Copyright %(copyright)s.": "© %(copyright)s.",
    "Copyright %(copyright)s": "저작권 %(copyright)s",
}

BOOKTHEME = {
    "By": "지은이:",
    "By the": "지은이:",
    "Contents": "이 쪽의 차례",
    "Copyright": "저작권",
    "Download notebook file": "노트북 파일 내려받기",
    "Download source file": "원본 파일 내려받기",
    "Download this page": "이 쪽 내려받기",
    "Edit this page": "이 쪽 고치기",
    "Fullscreen mode": "전체 화면",
    "Last updated on": "마지막 수정:",
    "Launch": "실행",
    "Launch on": "노트북 실행:",
    "Launch Thebe": "이 쪽에서 코드 실행(Thebe)",
    "Launch interactive content": "노트북을 실행 환경에서 열기",
    "Live Code": "코드 실행",
    "Open an issue": "이슈 열기",
    "Open issue": "이슈 열기",
    "open issue": "이슈 열기",
    "Print to PDF": "PDF 로 인쇄",
    "Repository": "저장소",
    "Search": "검색",
    "Show source": "원본 보기",
    "Source repositories": "저장소",
    "Source repository": "원본 저장소",
    "Suggest edit": "고칠 곳 알리기",
    "Toggle navigation": "차례 열고 닫기",
    "next page": "다음 쪽",
    "previous page": "이전 쪽",
    "logo": "로고",
}

THEME_OPTIONS = {"search_bar_text": "이 책에서 찾기…", "toc_title": "이 쪽의 차례"}

# myst-nb 가 {type} 자리에 넣는 낱말 → 한국어 단추 문구 (보기, 숨기기)
CELL_PROMPTS = {
    "content": ("코드 셀 펼쳐 보기", "코드 셀 접기"),
    "source": ("코드 펼쳐 보기", "코드 접기"),
    "output": ("출력 펼쳐 보기", "출력 접기"),
    "outputs": ("출력 펼쳐 보기", "출력 접기"),
}
CELL_PROMPT_CONFIG = {"nb_code_prompt_show": "{type} 보기", "nb_code_prompt_hide": "{type} 숨기기"}
MYST_NB_DEFAULT_PROMPTS = ("Show code cell {type}", "Hide code cell {type}")
TOGGLE_LABEL = "숨긴 내용 열고 닫기"

COPYBUTTON = {"copy": "복사", "copy_to_clipboard": "클립보드로 복사", "copy_success": "복사했습니다",
              "copy_failure": "복사하지 못했습니다"}


class _Messages(gettext.NullTranslations):
    """사전 하나로 된 번역. 없는 문구는 다음 번역(fallback)에 넘깁니다."""

    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self._messages = dict(messages)

    def gettext(self, message):
        if message in self._messages:
            return self._messages[message]
        return self._fallback.gettext(message) if self._fallback else message

    def ngettext(self, singular, plural, n):
        if self._fallback:
            return self._fallback.ngettext(singular, plural, n)
        return singular if n == 1 else plural


def install(catalog: str, messages: dict[str, str], first: bool) -> None:
    """``catalog`` 번역에 우리 문구를 더합니다. ``first`` 면 기존 번역보다 먼저, 아니면 보충으로."""
    key = ("general", catalog)
    current = locale.translators.get(key)
    chain = current
    while chain is not None:  # 같은 프로세스에서 두 번 빌드해도 한 번만 더합니다
        if isinstance(chain, _Messages):
            return
        chain = getattr(chain, "_fallback", None)
    ours = _Messages(messages)
    if current is None:
        locale.translators[key] = ours
    elif first:
        ours.add_fallback(current)
        locale.translators[key] = ours
    else:
        current.add_fallback(ours)


def cell_prompt(text: str, show: bool) -> str:
    """myst-nb 가 만든 단추 문구("content 보기")를 한국어 문구로 바꿉니다."""
    for kind, (show_text, hide_text) in CELL_PROMPTS.items():
        if text == CELL_PROMPT_CONFIG["nb_code_prompt_show" if show else "nb_code_prompt_hide"].replace("{type}", kind):
            return show_text if show else hide_text
    return text


def js_code() -> str:
    return JS_FILE.read_text(encoding="utf-8").replace(
        "__COPYBUTTON__", json.dumps(COPYBUTTON, ensure_ascii=False)).replace(
        "__TOGGLE_LABEL__", json.dumps(TOGGLE_LABEL, ensure_ascii=False))
