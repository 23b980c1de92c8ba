"""책 빌드를 위한 작은 Sphinx 확장 (``_config.yml`` 의 ``sphinx.extra_extensions``).

고정한 환경(jupyter-book 1.0.4, sphinx 7.4, sphinx-thebe 0.3.1, pydata-sphinx-theme 0.17)에서
브라우저 콘솔에 오류가 찍히는 두 가지를 바로잡습니다. tests/test_site.py 가 콘솔 오류가 없음을 확인합니다.

1. sphinx-thebe 의 설정 스크립트(``const THEBE_JS_URL = ...``)가 한 페이지에 두 번 들어가
   "Identifier 'THEBE_JS_URL' has already been declared" 오류가 납니다 → 같은 스크립트는 한 번만 넣습니다.
2. 테마의 기본 모드가 빈 문자열이라 "Got invalid theme mode" 오류가 납니다 → 기본 모드를 light 로 정합니다.

그리고 책을 시민과 학생이 쓰는 모습에 맞춥니다.

3. 한국어 검색: 검색 언어 'ko' (``search_ko.KoreanSearch``, 한글 두 글자 조각 + 조사 떼기)와
   쪽별 조각 횟수(``_static/search_ko_counts.js``, 검색 순위에 씁니다).
4. 한국어 화면: 테마·myst-nb·복사 단추의 영어 문구를 한국어로 (``interface_ko``: 번역 사전, 테마 설정,
   영어가 적힌 테마 틀 세 개의 대신, 숨긴 셀 단추 문구).
5. 그림의 대체 글: 노트북 그림(PNG)에 그 그림을 그린 코드의 제목으로 대체 글을 붙입니다
   (``figure_alt``). 제목을 읽을 수 없는 그림은 경고(-W 에서는 빌드 실패)로 알립니다.
6. 실행 통계 쪽: ``bench-status`` 지시문이 ``bench/results.json`` 으로 장별 표를 만듭니다 (``status``).
"""
from __future__ import annotations

import functools
from html import escape
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import figure_alt, interface_ko, search_ko, status

LOGGER = logging.getLogger(__name__)


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        attributes = dict(getattr(script, "attributes", {}) or {})
        key = (getattr(script, "filename", None) or "", tuple(sorted(attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _default_mode(app, config):
    # pydata-sphinx-theme 는 기본 모드를 html_context 의 default_mode 에서 읽습니다.
    context = dict(config.html_context or {})
    context.setdefault("default_mode", "light")
    config.html_context = context


def _korean_interface_config(app, config):
    """테마 설정값인 문구, 숨긴 셀 단추 문구, 영어가 적힌 틀을 대신할 틀 폴더."""
    options = dict(config.html_theme_options or {})
    for key, value in interface_ko.THEME_OPTIONS.items():
        if options.get(key) in (None, "", "Search this book...", "Contents"):
            options[key] = value
    config.html_theme_options = options
    for key, value in interface_ko.CELL_PROMPT_CONFIG.items():
        if config[key] in interface_ko.MYST_NB_DEFAULT_PROMPTS:  # 사용자가 바꾼 문구는 그대로 둡니다
            config[key] = value
    templates = str(interface_ko.TEMPLATES)
    if templates not in config.templates_path:
        config.templates_path = [templates, *config.templates_path]


def _korean_catalogues(app):
    # 테마 확장은 빌더를 만들 때 자기 번역을 등록하므로, 그 뒤(builder-inited)에 더합니다.
    interface_ko.install("sphinx", interface_ko.SPHINX, first=False)
    interface_ko.install("booktheme", interface_ko.BOOKTHEME, first=True)


class KoreanCellPrompts(SphinxPostTransform):
    """myst-nb 가 숨긴 셀 단추에 넣은 "{type} 보기" 를 "코드 셀 펼쳐 보기" 같은 한국어 문구로 바꿉니다."""

    default_priority = 200  # myst-nb 의 HideInputCells(199) 바로 뒤
    formats = ("html",)

    def run(self, **kwargs):
        from myst_nb.sphinx_ import HideCodeCellNode

        for node in self.document.findall(HideCodeCellNode):
            node["prompt_show"] = interface_ko.cell_prompt(node["prompt_show"], show=True)
            node["prompt_hide"] = interface_ko.cell_prompt(node["prompt_hide"], show=False)


@functools.lru_cache(maxsize=64)
def _notebook_cells(path: str, mtime: float) -> list[str]:
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells]


class FigureAltText(SphinxPostTransform):
    """코드 셀 출력 그림에 대체 글을 붙입니다 (그림을 그린 셀 코드의 제목에서)."""

    default_priority = 5  # myst-nb 의 SelectMimeType(4) 뒤
    formats = ("html",)

    def run(self, **kwargs):
        source_path = Path(self.document.get("source", ""))
        if source_path.suffix != ".ipynb" or not source_path.exists():
            return
        sources = _notebook_cells(str(source_path), source_path.stat().st_mtime)
        for cell in self.document.findall(nodes.container):
            if cell.get("nb_element") != "cell_code":
                continue
            images = [image for image in cell.findall(nodes.image)
                      if not image.get("alt") or image["alt"] == image.get("uri")]
            if not images:
                continue
            index = cell.get("cell_index")
            texts = figure_alt.alt_texts(sources[index], len(images)) if index is not None else None
            if texts is None:
                LOGGER.warning("그림에 대체 글(alt text)이 없습니다: 그림을 plotting.finish(ax, 제목, 가로축, 세로축)"
                               " 으로 마무리하거나 셀 메타데이터 mystnb.image.alt 에 설명을 적으세요.",
                               location=cell, type="sejong", subtype="alt")
                continue
            for image, text in zip(images, texts):
                image["alt"] = text


class BenchStatus(SphinxDirective):
    """``bench/results.json`` (``make bench``) 으로 장별 실행 통계 표를 만듭니다."""

    has_content = False
    option_spec = {"results": str}

    def run(self):
        relative = self.options.get("results", "bench/results.json")
        path = Path(self.env.srcdir) / relative
        self.env.note_dependency(str(path))  # results.json 이 바뀌면 이 쪽을 다시 만듭니다
        text = status.markdown(status.load(path), documents=set(self.env.found_docs))
        container = nodes.container(classes=["sejong-bench-status"])
        self.state.nested_parse(StringList(text.splitlines(), source=str(path)), self.content_offset, container)
        return [container]


def _visit_hidden_cell(self, node):
    """myst-nb 의 visit_HideCellInput 과 같되, 단추 이름(aria-label)이 한국어입니다."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append(f'<summary aria-label="{escape(interface_ko.TOGGLE_LABEL)}">\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _depart_hidden_cell(self, node):
    self.body.append("</details>\n")


def _search_page_scripts(app, pagename, templatename, context, doctree):
    if pagename == "search" and app.builder.format == "html":
        app.add_js_file(search_ko.COUNTS_FILE)


def _write_search_counts(app, exception):
    """색인한 쪽마다 검색 조각 횟수를 셉니다 (색인기와 같은, 풀어 둔 doctree 로)."""
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return
    stem = search_ko.KoreanSearch({}).stem
    docs = {}
    for docname in sorted(app.env.found_docs):
        doctree = app.env.get_and_resolve_doctree(docname, app.builder)
        docs[docname] = search_ko.doctree_tokens(doctree, stem)
    search_ko.write_counts(Path(app.outdir), search_ko.search_counts(docs))


def setup(app):
    from myst_nb.sphinx_ import HideCodeCellNode

    app.connect("config-inited", _default_mode)
    app.connect("config-inited", _korean_interface_config)
    app.connect("builder-inited", _korean_catalogues)
    app.add_post_transform(KoreanCellPrompts)
    app.add_post_transform(FigureAltText)
    app.add_directive("bench-status", BenchStatus)
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_cell, _depart_hidden_cell))
    app.add_js_file(None, body=interface_ko.js_code(), priority=501)  # copybutton.js(500) 바로 뒤
    app.connect("html-page-context", _dedupe_scripts)
    app.connect("html-page-context", _search_page_scripts, priority=400)  # 중복 정리보다 먼저
    app.connect("build-finished", _write_search_counts)
    app.add_search_language(search_ko.KoreanSearch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
