"""노트북 그림의 대체 글(alt text)을 그림을 그린 코드에서 만듭니다.

장의 그림은 ``plotting.finish(ax, 제목, 가로축, 세로축)`` 으로 마무리하므로, 셀의 코드에서 그 호출을
찾아 "그림: 제목 (모의 데이터). 가로축: …, 세로축: …" 을 만듭니다. ``ax.set_title("…")``,
``plt.title("…")``, ``fig.suptitle("…")`` 도 읽습니다. 노트북 출력은 바꾸지 않습니다 (책을 만들 때만).
셀 메타데이터 ``mystnb: {image: {alt: …}}`` 로 직접 준 대체 글이 있으면 그것을 씁니다.
"""
from __future__ import annotations

import ast

from ..plotting import simulated

TITLE_CALLS = {"set_title", "title", "suptitle"}
CHART_KINDS = {
    "barplot": "막대그래프", "bar": "막대그래프", "barh": "막대그래프", "countplot": "막대그래프",
    "lineplot": "선 그래프", "plot": "선 그래프", "scatterplot": "산점도", "scatter": "산점도",
    "heatmap": "열지도(heatmap)", "histplot": "히스토그램", "hist": "히스토그램",
    "boxplot": "상자그림", "violinplot": "바이올린 그림", "regplot": "산점도와 회귀선",
}


def _literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _argument(call: ast.Call, position: int, name: str):
    if len(call.args) > position:
        return call.args[position]
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def figure_descriptions(source: str) -> list[str]:
    """셀 코드에서 그림마다 한 문장씩 설명을 만듭니다 (코드 차례대로). 제목을 읽지 못하면 빈 목록."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)),
                   key=lambda n: (n.lineno, n.col_offset))
    found, kind, legend = [], None, None
    for call in calls:
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if name in CHART_KINDS and kind is None:
            kind_argument = _literal(_argument(call, 99, "kind"))
            kind = CHART_KINDS.get(kind_argument or name, CHART_KINDS[name])
        elif name == "legend":
            legend = _literal(_argument(call, 99, "title")) or legend
        elif name == "finish":
            title = _literal(_argument(call, 1, "title"))
            if title is None:
                continue
            xlabel = _literal(_argument(call, 2, "xlabel"))
            ylabel = _literal(_argument(call, 3, "ylabel"))
            parts = [f"{label}: {text}" for label, text in (("가로축", xlabel), ("세로축", ylabel)) if text]
            parts += [f"색으로 나눈 것: {legend}"] if legend else []
            found.append(_sentence(simulated(title), kind, parts))
            kind, legend = None, None
        elif name in TITLE_CALLS:
            title = _literal(_argument(call, 0, "label" if name != "suptitle" else "t"))
            if title:
                found.append(_sentence(title, kind, []))
                kind, legend = None, None
    return found


def _sentence(title: str, kind: str | None, parts: list[str]) -> str:
    head = f"그림({kind})" if kind else "그림"
    return f"{head}: {title}." + (f" {', '.join(parts)}." if parts else "")


def alt_texts(source: str, n_images: int) -> list[str] | None:
    """그림 n_images 개의 대체 글. 읽을 제목이 없으면 None."""
    descriptions = figure_descriptions(source)
    if not descriptions:
        return None
    if len(descriptions) == n_images:
        return descriptions
    return [" ".join(descriptions)] * n_images
