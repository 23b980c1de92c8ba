"""책의 "실행 통계" 쪽: ``make bench`` 가 쓴 ``bench/results.json`` 을 장별 표로 만듭니다.

QuantEcon 의 상태 쪽처럼 장마다 노트북 실행 시간, 마지막으로 성공한 실행의 날짜, 통과/실패를 보입니다.
쪽은 책을 만들 때 ``bench-status`` 지시문(sejongdata/tools/sphinx_ext.py)이 이 모듈로 만들며,
날짜는 벤치마크를 돌린 날(results.json 에 적힌 값)이라 같은 results.json 이면 언제 빌드해도 같은 쪽이 나옵니다.

results.json 의 두 형식을 읽습니다.

- ``"chapters"``: 장 → ``{"student_s", "master_s", "tests_s", "passed", "date"}`` (장별 기록)
- 예전 형식: ``"notebooks_s"`` (``notebooks/NN.ipynb``, ``solutions/NN.ipynb`` → 초) 와
  ``"passed"``, ``"last_success"`` (같은 열쇠 → 참/거짓, 날짜), ``"date"`` (돌린 날)
"""
from __future__ import annotations

import json
from pathlib import Path

BUDGET_S = 60
UNKNOWN = "기록 없음"


def load(path: Path) -> dict:
    path = Path(path)
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def chapter_rows(results: dict) -> list[dict]:
    """장마다 한 행: chapter, student_s, master_s, tests_s, passed, date (없으면 None)."""
    chapters = results.get("chapters")
    if isinstance(chapters, dict) and chapters:
        rows = []
        for name, entry in sorted(chapters.items()):
            entry = entry or {}
            rows.append({"chapter": Path(str(name)).stem, "student_s": entry.get("student_s"),
                         "master_s": entry.get("master_s"), "tests_s": entry.get("tests_s"),
                         "passed": entry.get("passed"), "date": entry.get("date")})
        return rows
    times = results.get("notebooks_s") or {}
    passed = results.get("passed") or {}
    last_success = results.get("last_success") or {}
    stems = sorted({Path(key).stem for key in times})
    rows = []
    for stem in stems:
        keys = [k for k in (f"notebooks/{stem}.ipynb", f"solutions/{stem}.ipynb") if k in times]
        flags = [passed.get(k) for k in keys]
        dates = [last_success.get(k) for k in keys]
        rows.append({
            "chapter": stem,
            "student_s": times.get(f"notebooks/{stem}.ipynb"),
            "master_s": times.get(f"solutions/{stem}.ipynb"),
            "tests_s": None,
            "passed": None if any(f is None for f in flags) else all(flags),
            # 장의 마지막 성공 = 두 노트북이 모두 성공한 가장 최근 날 (둘 중 이른 날)
            "date": None if not dates or any(d is None for d in dates) else min(dates),
        })
    return rows


def _seconds(value) -> str:
    if value is None:
        return "—"
    text = f"{float(value):,.1f}"
    return f"{text} (예산 {BUDGET_S}초 초과)" if float(value) > BUDGET_S else text


def _result(passed) -> str:
    if passed is None:
        return UNKNOWN
    return "통과" if passed else "**실패**"


def markdown(results: dict, documents: set[str] | None = None) -> str:
    """MyST 마크다운 표. ``documents`` 에 든 장(notebooks/NN)은 그 장으로 가는 링크가 됩니다."""
    rows = chapter_rows(results)
    if not rows:
        return ("아직 벤치마크 기록이 없습니다. `make bench` 를 돌리면 `bench/results.json` 이 생기고, "
                "책을 다시 만들면 이 쪽에 표가 나옵니다.\n")
    documents = documents or set()
    lines = ["| 장 | 학생용 노트북 실행(초) | 마스터 노트북 실행(초) | 채점 테스트(초) | 마지막 성공 실행 | 결과 |",
             "|---|---:|---:|---:|---|---|"]
    for row in rows:
        doc = f"notebooks/{row['chapter']}"
        name = f"{{doc}}`/{doc}`" if doc in documents else f"`{row['chapter']}`"
        lines.append(f"| {name} | {_seconds(row['student_s'])} | {_seconds(row['master_s'])} | "
                     f"{_seconds(row['tests_s'])} | {row['date'] or UNKNOWN} | {_result(row['passed'])} |")
    facts = []
    if results.get("date"):
        facts.append(f"벤치마크를 돌린 날: {results['date']}")
    if results.get("machine"):
        facts.append(f"컴퓨터: {results['machine']}")
    if results.get("book_build_s") is not None:
        facts.append(f"책 빌드: {float(results['book_build_s']):,.1f}초")
    if results.get("make_test_s") is not None:
        facts.append(f"`make test` 전체: {float(results['make_test_s']):,.1f}초")
    if results.get("datasets_mb") is not None:
        facts.append(f"데이터 전체: {float(results['datasets_mb']):,.1f} MB (예산 60 MB)")
    pages = results.get("pages_mb") or {}
    if pages:
        largest = max(pages, key=pages.get)
        facts.append(f"가장 큰 장 쪽: `{largest}` {float(pages[largest]):,.2f} MB (예산 3 MB)")
    text = "\n".join(lines) + "\n"
    if facts:
        text += "\n" + "\n".join(f"- {fact}" for fact in facts) + "\n"
    return text
