"""벤치마크: 장별 실행 시간(학생용·마스터)과 테스트 시간, 책 빌드 시간, 페이지 크기, 데이터 크기, make test 시간.

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

BUDGET = {"notebook_s": 60, "datasets_mb": 60, "page_mb": 3, "make_test_s": 360, "book_build_s": 60}
#: 장마다 다른 실행 예산 (9장은 규모를 다루므로 90 초)
CHAPTER_BUDGET_S = {"09": 90}


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


def tokenize_rate() -> dict:
    """4장의 형태소 분석 속도: 정리한 게시글 전체를 새 분석기(캐시 없음)로 나누는 데 걸린 시간과 초당 건수."""
    from .. import text

    posts = text.load_clean_posts()["text_clean"].tolist()
    tok = text.Tokenizer(cache=False)
    tok.analyze(posts[:10])                                   # 첫 호출의 준비 시간은 빼고 잽니다
    start = time.perf_counter()
    tok.analyze(posts)
    seconds = time.perf_counter() - start
    return {"posts": len(posts), "seconds": round(seconds, 1), "posts_per_s": round(len(posts) / seconds)}


def datasets_size(root: Path = REPO_ROOT) -> int:
    return sum(p.stat().st_size for p in (root / "datasets").iterdir() if p.is_file())


def time_make_test(root: Path = REPO_ROOT) -> tuple[float, dict[str, float], bool]:
    """make test 를 돌려 (전체 벽시계 시간, 장별 테스트 시간 합, 통과 여부) 를 돌려줍니다.

    장별 시간은 tests/conftest.py 가 SEJONG_TEST_TIMINGS 파일에 적은 테스트마다의 시간(준비·실행·정리)을
    그 테스트가 속한 장(장 노트북 nbval, @pytest.mark.chapter, 노트북별 검사)으로 더한 것입니다.
    여러 장에 속한 테스트는 장마다 나누어 더합니다. 두 워커가 함께 돌므로 합은 벽시계 시간보다 큽니다.
    """
    import os

    with tempfile.TemporaryDirectory() as tmp:
        timings = Path(tmp) / "timings.json"
        env = dict(os.environ, SEJONG_TEST_TIMINGS=str(timings))
        start = time.perf_counter()
        done = subprocess.run(["make", "test"], cwd=root, capture_output=True, env=env)
        wall = time.perf_counter() - start
        records = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else []
    per_chapter: dict[str, dict] = {}
    for record in records:
        chapters = [c for c in record["chapters"].split(",") if c]
        for chapter in chapters:
            entry = per_chapter.setdefault(chapter, {"seconds": 0.0, "failed": 0})
            entry["seconds"] += record["duration"] / len(chapters)
            entry["failed"] += record["outcome"] == "failed"
    summary = {k: {"seconds": round(v["seconds"], 1), "passed": v["failed"] == 0}
               for k, v in sorted(per_chapter.items())}
    return wall, summary, done.returncode == 0


def run(with_test: bool, today: datetime.date | None = None) -> dict:
    result = {"machine": f"{platform.node()} {platform.machine()} Python {platform.python_version()}",
              "date": (today or datetime.date.today()).isoformat(),
              "notebooks_s": {}, "passed": {}, "pages_mb": {}, "chapters": {}}
    for folder in ["notebooks", "solutions"]:
        for path in sorted((REPO_ROOT / folder).glob("*.ipynb")):
            seconds, passed = time_notebook(path)
            result["notebooks_s"][f"{folder}/{path.name}"] = round(seconds, 1)
            result["passed"][f"{folder}/{path.name}"] = passed
            entry = result["chapters"].setdefault(path.name[:2], {"name": path.stem})
            entry["student_s" if folder == "notebooks" else "master_s"] = round(seconds, 1)
            entry["executed"] = entry.get("executed", True) and passed
    with tempfile.TemporaryDirectory() as tmp:
        result["book_build_s"] = round(site.build_book(REPO_ROOT, Path(tmp)), 1)
        html = Path(tmp) / "_build" / "html"
        for page in sorted(html.joinpath("notebooks").glob("*.html")):
            rel = f"notebooks/{page.name}"
            result["pages_mb"][rel] = round(site.page_size(html, rel) / 1e6, 2)
    result["datasets_mb"] = round(datasets_size() / 1e6, 2)
    result["kiwi_tokenize"] = tokenize_rate()
    if with_test:
        wall, per_chapter, passed = time_make_test()
        result["make_test_s"], result["make_test_passed"] = round(wall, 1), passed
        result["tests_s"] = per_chapter
        for chapter, entry in result["chapters"].items():
            entry["tests_s"] = per_chapter.get(chapter, {}).get("seconds")
            entry["passed"] = per_chapter.get(chapter, {}).get("passed")
    for chapter, entry in result["chapters"].items():
        entry["budget_s"] = CHAPTER_BUDGET_S.get(chapter, BUDGET["notebook_s"])
        page = result["pages_mb"].get(f"notebooks/{entry['name']}.html")
        entry["page_mb"] = page
    return result


def to_markdown(result: dict) -> str:
    lines = ["# 벤치마크 결과", "", f"- 컴퓨터: {result['machine']}", f"- 날짜: {result.get('date', '')}",
             f"- 책 빌드: {result['book_build_s']} 초 (예산 {BUDGET['book_build_s']} 초)",
             f"- 데이터 전체: {result['datasets_mb']} MB (예산 {BUDGET['datasets_mb']} MB)"]
    if "kiwi_tokenize" in result:
        k = result["kiwi_tokenize"]
        lines.append(f"- 4장 형태소 분석(kiwipiepy, 2스레드): 게시글 {k['posts']:,}건 {k['seconds']} 초, 초당 {k['posts_per_s']:,}건")
    if "make_test_s" in result:
        state = "통과" if result.get("make_test_passed") else "실패"
        lines.append(f"- make test: {result['make_test_s']} 초, {state} (예산 {BUDGET['make_test_s']} 초)")
    lines += ["", "| 장 | 학생용 실행(초) | 마스터 실행(초) | 예산(초) | make test 안의 테스트 시간 합(초) | 페이지(MB) |",
              "|---|---:|---:|---:|---:|---:|"]
    for chapter, e in sorted(result.get("chapters", {}).items()):
        lines.append(f"| {e['name']} | {e.get('student_s', '')} | {e.get('master_s', '')} | {e.get('budget_s', '')} "
                     f"| {e.get('tests_s') if e.get('tests_s') is not None else ''} | {e.get('page_mb') or ''} |")
    if result.get("tests_s"):
        lines += ["", "테스트 시간 합은 준비(픽스처)·실행·정리 시간을 그 테스트가 속한 장에 더한 것입니다 "
                  "(두 워커가 함께 돌므로 합이 벽시계 시간보다 큽니다)."]
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
