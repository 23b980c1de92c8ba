"""책 빌드를 위한 작은 Sphinx 확장 (``_config.yml`` 의 ``sphinx.extra_extensions``).

고정한 환경(jupyter-book 1.0.4, sphinx 7.4, sphinx-thebe 0.3.1, pydata-sphinx-theme 0.17)에서
브라우저 콘솔에 오류가 찍히는 두 가지를 바로잡습니다. tests/test_site.py 가 콘솔 오류가 없음을 확인합니다.

1. sphinx-thebe 의 설정 스크립트(``const THEBE_JS_URL = ...``)가 한 페이지에 두 번 들어가
   "Identifier 'THEBE_JS_URL' has already been declared" 오류가 납니다 → 같은 스크립트는 한 번만 넣습니다.
2. 테마의 기본 모드가 빈 문자열이라 "Got invalid theme mode" 오류가 납니다 → 기본 모드를 light 로 정합니다.
"""
from __future__ import annotations


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


def setup(app):
    app.connect("config-inited", _default_mode)
    app.connect("html-page-context", _dedupe_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
