"""장마다 같은 연습문제 검사. ``tests/test_chapter_NN.py`` 가 이 모듈의 테스트를 가져와 씁니다.

장 파일(예: ``test_chapter_01.py``)은 세 가지를 정합니다.

- ``CHAPTER``: 마스터 이름 (예: ``"01_eoulling"``)
- ``REASSIGN``: 학생이 나중 답에서 흔히 다시 쓰는 이름(``trips``, ``formula`` …)을 바꾸는 코드.
  정답 노트북 끝에 붙여도 만점이어야 합니다 (숨은 테스트가 답 변수와 새로 읽은 자료에만 기대는지).
- ``WRONG_ANSWERS``: 문제마다 **모양은 맞고 값은 틀린** 답 (공개 검사는 통과). 빈 답 위에 이것과
  ``REASSIGN`` 을 실행해도 문제마다 점수가 배점의 1/4 이하여야 합니다.

노트북 실행 횟수를 줄이려고, 장 하나의 채점은 커널 하나에서 한 번에 합니다: 정답 노트북을 한 번 실행하고
(1) ``REASSIGN`` 뒤 정답 채점 (만점이면 정답이 맞고, 숨은 테스트가 다른 전역 변수에 기대지 않는다는 뜻이
둘 다 증명됩니다: 숨은 테스트 한 바퀴를 아낍니다), (2) Colab 흉내(``google.colab`` 대역 모듈)로
``grader.check``, (3) 학생용 빈 답 셀을 실행한 뒤 채점, (4) ``WRONG_ANSWERS`` 뒤 채점. 채점은 otter 의 테스트 파일
클래스(``OKTestFile``)로 하므로 점수 계산은 ``otter run`` 과 같습니다. 커밋된 학생용 노트북이 마스터에서
만든 것과 같은지는 실행 없이(``otter assign`` 의 run_tests 를 끄고) 셀·소스·메타데이터로 비교합니다.
저장된 출력은 nbval 이 따로 검사합니다.
"""
from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT
from sejongdata.tools import notebooks as nbtool

PUBLIC_SHARE_MAX = 0.25


@pytest.fixture(scope="module")
def chapter(request) -> dict:
    module = request.module
    master = REPO_ROOT / "solutions" / f"{module.CHAPTER}.ipynb"
    assert master.exists(), f"{master} 가 없습니다."
    return {"name": module.CHAPTER, "master": master,
            "student": REPO_ROOT / "notebooks" / f"{module.CHAPTER}.ipynb",
            "reassign": textwrap.dedent(module.REASSIGN).strip(),
            "wrong": {q: textwrap.dedent(code).strip() for q, code in module.WRONG_ANSWERS.items()}}


@pytest.fixture(scope="module")
def assigned(chapter, tmp_path_factory) -> dict:
    """마스터를 실행하지 않고 otter assign 만 돌린 결과 (학생용 노트북, 채점기, 정답 노트북)."""
    return nbtool.assign(chapter["master"], tmp_path_factory.mktemp("assign"), run_tests=False)


@pytest.fixture(scope="module")
def all_tests(assigned) -> dict[str, dict]:
    """채점기용 정답 노트북에 든 모든 테스트 (숨은 것 포함), 문제 이름 → OK 형식 사전."""
    nb = json.loads(Path(assigned["solution"]).read_text(encoding="utf-8"))
    return nb["metadata"]["otter"]["tests"]


# ---------------------------------------------------------------------------
# 실행 없이
# ---------------------------------------------------------------------------

def test_student_notebook_is_what_otter_assign_makes(chapter, assigned):
    committed = nbformat.read(str(chapter["student"]), as_version=4)
    fresh = nbtool.cell_structure(assigned["student"])
    assert nbtool.cell_structure(committed) == fresh, (
        f"notebooks/{chapter['name']}.ipynb 의 셀·소스·메타데이터가 마스터에서 otter assign 으로 만든 것과 "
        "다릅니다. 'make notebooks' 를 돌리고 결과를 커밋하세요.")


def test_student_notebook_has_no_solutions_or_hidden_tests(chapter):
    secrets = nbtool.secret_lines(chapter["master"])
    assert secrets, f"{chapter['name']} 에서 정답 줄을 하나도 찾지 못했습니다 (검사가 헛돕니다)."
    student = chapter["student"].read_text(encoding="utf-8")
    text = json.loads(student)
    body = "\n".join("".join(c["source"]) for c in text["cells"])
    body += json.dumps(text["metadata"], ensure_ascii=False)
    leaked = sorted(s for s in secrets if s in body)
    assert not leaked, f"학생용 {chapter['name']} 에 정답/숨은 테스트가 들어 있습니다: {leaked[:5]}"
    for marker in ["BEGIN SOLUTION", "END SOLUTION", "# HIDDEN", "hidden: true", '"hidden": true']:
        assert marker not in student, f"학생용 {chapter['name']} 에 '{marker}' 가 있습니다."


def test_checks_are_hidden_in_the_book(chapter):
    nb = nbformat.read(str(chapter["student"]), as_version=4)
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.lstrip().startswith("grader.check")]
    assert checks, "grader.check 셀이 없습니다."
    for cell in checks:
        assert "remove-output" in cell.metadata.get("tags", []), \
            "grader.check 셀의 실패 보고가 책에 보입니다 (remove-output 태그가 없음)."


def _case_points(spec: dict) -> list[tuple[bool, float]]:
    cases = spec["suites"][0]["cases"]
    points = spec.get("points")
    if isinstance(points, list):
        return [(bool(c.get("hidden")), float(p)) for c, p in zip(cases, points)]
    each = [c.get("points") for c in cases]
    assert all(p is not None for p in each), (
        f"{spec['name']}: 테스트마다 배점을 정하지 않았습니다 (질문 YAML 에 points: [공개, …, 숨은] 목록). "
        "otter 는 배점을 테스트 수로 고르게 나눕니다.")
    return [(bool(c.get("hidden")), float(p)) for c, p in zip(cases, each)]


def test_hidden_value_checks_carry_most_points(all_tests):
    assert len(all_tests) >= 5, f"자동 채점 문제가 {len(all_tests)}개뿐입니다 (5개 이상)."
    for name, spec in all_tests.items():
        cases = _case_points(spec)
        total = sum(p for _, p in cases)
        public = sum(p for hidden, p in cases if not hidden)
        assert total > 0, f"{name} 의 배점이 0입니다."
        assert any(hidden for hidden, _ in cases), f"{name} 에 숨은 값 검사가 없습니다."
        assert public <= PUBLIC_SHARE_MAX * total + 1e-9, (
            f"{name}: 공개 검사만 통과해도 {public}/{total}점입니다 (배점의 1/4 이하여야 합니다).")


# ---------------------------------------------------------------------------
# 커널 하나에서 채점
# ---------------------------------------------------------------------------

GRADE_HELPER = '''
import json as _sj_json, time as _sj_time
from otter.test_files.ok_test import OKTestFile as _SjOK
_sj_clock = _sj_time.perf_counter()
_sj_results = {}
_sj_specs = _sj_json.load(open("_sj_tests.json", encoding="utf-8"))

def _sj_grade(label):
    out = {}
    for name, spec in _sj_specs.items():
        test = _SjOK.from_spec(spec)
        test.run(globals())
        out[name] = {"score": test.score, "possible": test.possible,
                     "cases": [{"hidden": r.test_case.hidden, "passed": r.passed,
                                "message": r.message[-400:]} for r in test.test_case_results]}
    global _sj_clock
    _sj_results[label] = out
    _sj_results.setdefault("seconds", {})[label] = round(_sj_time.perf_counter() - _sj_clock, 1)
    _sj_clock = _sj_time.perf_counter()
    _sj_json.dump(_sj_results, open("_sj_results.json", "w", encoding="utf-8"), ensure_ascii=False)
'''

COLAB_FORCE = '''
import sys as _sj_sys, types as _sj_types
_sj_sys.modules.setdefault("google", _sj_types.ModuleType("google"))
_sj_sys.modules["google.colab"] = _sj_types.ModuleType("google.colab")  # Colab 대역 모듈
type(get_ipython()).__module__ = "google.colab._shell"  # otter 가 보는 셸 이름을 Colab 으로
'''

COLAB_CHECK = '''
import os as _sj_os, otter as _sj_otter
from otter.check.utils import IPythonInterpreter as _SjInterp
_sj_colab = _sj_otter.Notebook("{stem}.ipynb")
_sj_colab_out = {{"interpreter": str(_sj_colab.interpreter), "files": sorted(_sj_os.listdir("tests")),
                 "hidden_in_files": any("'hidden': True" in open(_sj_os.path.join("tests", f)).read()
                                        for f in _sj_os.listdir("tests")),
                 "checks": {{}}}}
for _sj_q in _sj_specs:
    _sj_r = _sj_colab.check(_sj_q)
    _sj_colab_out["checks"][_sj_q] = bool(_sj_r.passed_all_public)
_sj_results["colab"] = _sj_colab_out
_sj_json.dump(_sj_results, open("_sj_results.json", "w", encoding="utf-8"), ensure_ascii=False)
'''


@pytest.fixture(scope="module")
def graded(chapter, assigned, all_tests, tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("grade")
    (work / "_sj_tests.json").write_text(json.dumps(all_tests, ensure_ascii=False), encoding="utf-8")
    nb = nbformat.read(str(assigned["solution"]), as_version=4)
    nbformat.write(nb, str(work / f"{chapter['name']}.ipynb"))
    student = assigned["student"]
    colab_cell = next(c.source for c in student.cells if nbtool.COLAB_TAG in c.metadata.get("tags", []))
    blanks = [c.source for c in student.cells
              if c.cell_type == "code" and "otter_answer_cell" in c.metadata.get("tags", [])]
    steps = [GRADE_HELPER, chapter["reassign"], '_sj_grade("reassigned")',
             COLAB_FORCE, colab_cell, COLAB_CHECK.format(stem=chapter["name"]),
             *blanks, '_sj_grade("blank")',
             *chapter["wrong"].values(), '_sj_grade("wrong")']
    nb.cells += [nbformat.v4.new_code_cell(s) for s in steps]
    old = os.environ.get("SEJONG_HOME")
    os.environ["SEJONG_HOME"] = str(REPO_ROOT)  # Colab 셀이 저장소를 새로 받지 않고 이 저장소를 씁니다
    try:
        nbtool.execute(nb, work)
    finally:
        os.environ.pop("SEJONG_HOME") if old is None else os.environ.__setitem__("SEJONG_HOME", old)
    results = json.loads((work / "_sj_results.json").read_text(encoding="utf-8"))
    print(f"\n[{chapter['name']}] 채점 단계별 시간(초): {results.get('seconds')}")
    return results


def _failures(result: dict) -> str:
    return "; ".join(f"{'숨은' if c['hidden'] else '공개'} 검사: {c['message'].splitlines()[-1][:160]}"
                     for c in result["cases"] if not c["passed"])


def test_solution_scores_full_marks_after_common_names_are_reassigned(graded, chapter):
    assert chapter["reassign"], "REASSIGN 이 비어 있습니다 (장에서 흔히 쓰는 이름을 다시 쓰는 코드)."
    for name, r in graded["reassigned"].items():
        assert r["score"] == r["possible"], (
            f"정답 노트북 끝에서 흔한 이름(REASSIGN)을 다시 쓴 뒤 {name} 이 {r['score']}/{r['possible']}점입니다. "
            f"정답이 틀렸거나, 숨은 테스트가 답 변수 말고 학생의 다른 전역 변수에 기댑니다: {_failures(r)}")


def test_blank_answers_score_zero(graded):
    for name, r in graded["blank"].items():
        assert r["score"] == 0, f"빈 답인데 {name} 이 {r['score']}점을 받았습니다 (검사가 헛돕니다)."


def test_right_shaped_wrong_answers_score_at_most_a_quarter(graded, chapter):
    missing = sorted(set(graded["wrong"]) - set(chapter["wrong"]))
    assert not missing, f"WRONG_ANSWERS 에 모양은 맞고 값은 틀린 답이 없는 문제: {missing}"
    for name, r in graded["wrong"].items():
        public = [c for c in r["cases"] if not c["hidden"]]
        assert all(c["passed"] for c in public), (
            f"{name} 의 틀린 답이 공개 검사를 통과하지 못합니다 (모양이 맞는 답이어야 합니다): {_failures(r)}")
        assert r["score"] <= PUBLIC_SHARE_MAX * r["possible"] + 1e-9, (
            f"{name}: 모양만 맞는 틀린 답이 {r['score']}/{r['possible']}점을 받습니다 (1/4 이하여야 합니다).")


def test_grader_check_works_in_colab(graded):
    colab = graded["colab"]
    assert "COLAB" in colab["interpreter"], f"Colab 흉내가 되지 않았습니다: {colab['interpreter']}"
    assert colab["files"] == sorted(f"{q}.py" for q in graded["reassigned"]), colab["files"]
    assert not colab["hidden_in_files"], "Colab 용 테스트 파일에 숨은 테스트가 들어 있습니다."
    failed = [q for q, ok in colab["checks"].items() if not ok]
    assert not failed, f"Colab 에서 정답의 grader.check 가 공개 검사를 통과하지 못합니다: {failed}"
