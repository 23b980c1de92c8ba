"""벤치마크: 노트북별 실행 시간, 책 빌드 시간, 페이지 크기, 데이터 크기, (선택) make test 시간.

``make bench`` (``python -m sejongdata.tools.bench``) 가 결과를 ``bench/results.md`` 와
``bench/results.json`` 에 씁니다. 예산(이 2코어 컴퓨터 기준): 장 노트북 실행 ≤ 60 초,
데이터 전체 ≤ 60 MB, 장 페이지 ≤ 3 MB.
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import tempfile
import time
from pathlib import Path

import nbformat

from . import site
from .notebooks import execute
from ..paths import REPO_ROOT

BUDGET = {"notebook_s": 60, "datasets_mb": 60, "page_mb": 3}


def time_notebook(path: Path) -> float:
    nb = nbformat.read(str(path), as_version=4)
    start = time.perf_counter()
    execute(nb, path.parent)
    return time.perf_counter() - start


def datasets_size(root: Path = REPO_ROOT) -> int:
    return sum(p.stat().st_size for p in (root / "datasets").iterdir() if p.is_file())


def time_make_test(root: Path = REPO_ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(["make", "test"], cwd=root, check=True, capture_output=True)
    return time.perf_counter() - start


def run(with_test: bool) -> dict:
    result = {"machine": f"{platform.node()} {platform.machine()} Python {platform.python_version()}",
              "notebooks_s": {}, "pages_mb": {}}
    for folder in ["notebooks", "solutions"]:
        for path in sorted((REPO_ROOT / folder).glob("*.ipynb")):
            result["notebooks_s"][f"{folder}/{path.name}"] = round(time_notebook(path), 1)
    with tempfile.TemporaryDirectory() as tmp:
        result["book_build_s"] = round(site.build_book(REPO_ROOT, Path(tmp)), 1)
        html = Path(tmp) / "_build" / "html"
        for page in sorted(html.joinpath("notebooks").glob("*.html")):
            rel = f"notebooks/{page.name}"
            result["pages_mb"][rel] = round(site.page_size(html, rel) / 1e6, 2)
    result["datasets_mb"] = round(datasets_size() / 1e6, 2)
    if with_test:
        result["make_test_s"] = round(time_make_test(), 1)
    return result


def to_markdown(result: dict) -> str:
    lines = ["# 벤치마크 결과", "", f"- 컴퓨터: {result['machine']}",
             f"- 책 빌드: {result['book_build_s']} 초",
             f"- 데이터 전체: {result['datasets_mb']} MB (예산 {BUDGET['datasets_mb']} MB)"]
    if "make_test_s" in result:
        lines.append(f"- make test: {result['make_test_s']} 초")
    lines += ["", "| 노트북 | 실행 시간(초) | 예산 |", "|---|---:|---:|"]
    lines += [f"| {k} | {v} | {BUDGET['notebook_s']} |" for k, v in result["notebooks_s"].items()]
    lines += ["", "| 장 페이지 | 크기(MB) | 예산 |", "|---|---:|---:|"]
    lines += [f"| {k} | {v} | {BUDGET['page_mb']} |" for k, v in result["pages_mb"].items()]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="실행 시간과 크기를 잽니다.")
    parser.add_argument("--with-test", action="store_true", help="make test 전체 시간도 잽니다")
    args = parser.parse_args(argv)
    result = run(args.with_test)
    out = REPO_ROOT / "bench"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    (out / "results.md").write_text(to_markdown(result), encoding="utf-8")
    print(to_markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
