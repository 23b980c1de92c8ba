"""벤치마크: 노트북별 실행 시간, 책 빌드 시간, 페이지 크기, 데이터 크기, (선택) make test 시간.

``make bench`` (``python -m sejongdata.tools.bench``) 가 결과를 ``bench/results.md`` 와
``bench/results.json`` 에 씁니다. 예산(이 2코어 컴퓨터 기준): 장 노트북 실행 ≤ 60 초,
데이터 전체 ≤ 60 MB, 장 페이지 ≤ 3 MB.

results.json 에는 벤치마크를 돌린 날(``date``), 노트북마다 실행 성공 여부(``passed``)와 마지막으로
성공한 날(``last_success``, 이번에 실패하면 이전 results.json 의 날짜를 이어 씁니다)도 적습니다.
책의 "실행 통계" 쪽(sejongdata/tools/status.py)이 이 값을 씁니다. 날짜는 여기서만 정하므로
책 빌드는 언제 해도 같은 쪽을 만듭니다.
"""
from __future__ import annotations

import argparse
import datetime
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


def time_notebook(path: Path) -> tuple[float, bool]:
    """노트북을 실행해 (걸린 초, 성공 여부) 를 돌려줍니다. 실패해도 다른 노트북은 계속 잽니다."""
    nb = nbformat.read(str(path), as_version=4)
    start = time.perf_counter()
    try:
        execute(nb, path.parent)
        passed = True
    except Exception as error:  # noqa: BLE001  (셀 실행 오류, 시간 초과, 커널 종료 모두 실패로 기록)
        print(f"{path.name}: 실행 실패 ({type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''})")
        passed = False
    return time.perf_counter() - start, passed


def carry_forward(result: dict, previous: dict) -> dict:
    """이번에 실패한 노트북의 '마지막 성공 날짜' 를 이전 기록에서 이어 받습니다."""
    before = previous.get("last_success") or {}
    result["last_success"] = {key: (result["date"] if ok else before.get(key))
                              for key, ok in result["passed"].items()}
    return result


def datasets_size(root: Path = REPO_ROOT) -> int:
    return sum(p.stat().st_size for p in (root / "datasets").iterdir() if p.is_file())


def time_make_test(root: Path = REPO_ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(["make", "test"], cwd=root, check=True, capture_output=True)
    return time.perf_counter() - start


def run(with_test: bool, today: datetime.date | None = None) -> dict:
    result = {"machine": f"{platform.node()} {platform.machine()} Python {platform.python_version()}",
              "date": (today or datetime.date.today()).isoformat(),
              "notebooks_s": {}, "passed": {}, "pages_mb": {}}
    for folder in ["notebooks", "solutions"]:
        for path in sorted((REPO_ROOT / folder).glob("*.ipynb")):
            seconds, passed = time_notebook(path)
            result["notebooks_s"][f"{folder}/{path.name}"] = round(seconds, 1)
            result["passed"][f"{folder}/{path.name}"] = passed
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
    lines = ["# 벤치마크 결과", "", f"- 날짜: {result.get('date', '기록 없음')}", f"- 컴퓨터: {result['machine']}",
             f"- 책 빌드: {result['book_build_s']} 초",
             f"- 데이터 전체: {result['datasets_mb']} MB (예산 {BUDGET['datasets_mb']} MB)"]
    if "make_test_s" in result:
        lines.append(f"- make test: {result['make_test_s']} 초")
    passed = result.get("passed", {})
    lines += ["", "| 노트북 | 실행 시간(초) | 예산 | 결과 |", "|---|---:|---:|---|"]
    lines += [f"| {k} | {v} | {BUDGET['notebook_s']} | "
              f"{'기록 없음' if k not in passed else '통과' if passed[k] else '실패'} |"
              for k, v in result["notebooks_s"].items()]
    lines += ["", "| 장 페이지 | 크기(MB) | 예산 |", "|---|---:|---:|"]
    lines += [f"| {k} | {v} | {BUDGET['page_mb']} |" for k, v in result["pages_mb"].items()]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="실행 시간과 크기를 잽니다.")
    parser.add_argument("--with-test", action="store_true", help="make test 전체 시간도 잽니다")
    args = parser.parse_args(argv)
    out = REPO_ROOT / "bench"
    previous = json.loads((out / "results.json").read_text(encoding="utf-8")) if (out / "results.json").exists() else {}
    result = carry_forward(run(args.with_test), previous)
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    (out / "results.md").write_text(to_markdown(result), encoding="utf-8")
    print(to_markdown(result))
    return 0 if all(result["passed"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
