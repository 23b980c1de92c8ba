"""멘토의 오프라인 채점 도구 (sejongdata.tools.grading, sejongdata.tools.assignment).

- 빠른 단위 테스트: 학번·이름 읽기, 제출물 찾기, 다른 과제·노트북 아님 판별, 검사 메시지 꺼내기(코드 없이),
  문제별 셀 찾기, 프로세스 묶음 끝내기, 과제 구성(필요한 본문 셀만, 같은 입력 → 같은 바이트, 잘못된 입력의 오류).
- 끝에서 끝까지: 0장 두 문제와 해석 문항 하나로 작은 과제를 만들고(build-assignment), 실제 같은 제출물 묶음
  (정답, 절반, 빈 노트북, 오류, 무한 반복, PDF, 깨진 JSON, 다른 장, 이름을 바꾼 파일)을 작업자 2개,
  짧은 시간 제한으로 채점해 상태·점수·점수표 열·요약·답안 모음·루브릭 합치기·피드백(검사 코드 없음)을 확인합니다.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT
from sejongdata.tools import assignment as asg
from sejongdata.tools import grading
from sejongdata.tools import notebooks as nbtool

SPEC = "00:q1,q2,q7"
NAME = "hw0"
TIMEOUT = 15        # 무한 반복을 멈추는 계산 시간(CPU 초) 제한 (보통 제출물은 이 과제에서 커널 CPU 6초 안팎)
WALL_TIMEOUT = 90   # 경과 시간 제한: 컴퓨터가 아주 바빠도 보통 제출물이 여기에 걸리지 않게 넉넉히
WORKERS = 2


# ---------------------------------------------------------------------------
# 단위 테스트 (커널 없이)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("label, expected", [
    ("20241234_홍길동_01_eoulling", ("20241234", "홍길동")),
    ("20241234-홍길동", ("20241234", "홍길동")),
    ("홍길동_20241234_01_eoulling (1)", ("20241234", "홍길동")),
    ("Kim Minsu 2024001", ("2024001", "Kim Minsu")),
    ("01_eoulling", ("", "")),
])
def test_student_id_and_name_come_from_the_label(label, expected):
    assert grading.parse_student(label, drop=("01_eoulling",)) == expected


def _fake_target(name="01_eoulling", manual=()):
    return grading.Target(name, Path("x.zip"), Path("x.ipynb"), [], list(manual))


def test_submissions_are_files_or_one_folder_per_student(tmp_path):
    (tmp_path / "20240001_김하나_01_eoulling.ipynb").write_text("{}", encoding="utf-8")
    student = tmp_path / "20240002_이둘"
    (student / ".ipynb_checkpoints").mkdir(parents=True)
    (student / "01_eoulling.ipynb").write_text("{}", encoding="utf-8")
    (student / ".ipynb_checkpoints" / "01_eoulling-checkpoint.ipynb").write_text("{}", encoding="utf-8")
    (student / ".OTTER_LOG").write_bytes(b"\0")
    (tmp_path / "20240003_박셋").mkdir()
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    subs = grading.find_submissions(tmp_path, _fake_target())
    assert [(s.file, s.student) for s in subs] == [
        ("20240001_김하나_01_eoulling.ipynb", "20240001_김하나"),
        ("20240002_이둘/01_eoulling.ipynb", "20240002_이둘"),
        ("20240003_박셋/", "20240003_박셋"),
    ]
    record, runnable = grading.new_record(subs[2], _fake_target())
    assert not runnable and record["status"] == grading.NOT_NOTEBOOK


def test_wrong_chapter_is_found_from_metadata_or_the_notebook_line(tmp_path):
    student = nbformat.read(str(REPO_ROOT / "notebooks" / "00_start.ipynb"), as_version=4)
    path = tmp_path / "a.ipynb"
    nbformat.write(student, str(path))
    assert grading.inspect_notebook(path, _fake_target())[1][0] == grading.WRONG_CHAPTER
    assert grading.inspect_notebook(path, _fake_target("00_start"))[1] is None
    student.metadata.pop("otter")            # 메타데이터를 지워도 otter.Notebook("00_start.ipynb") 줄로 압니다
    nbformat.write(student, str(path))
    assert grading.notebook_assignment(nbformat.read(str(path), as_version=4)) == "00_start"
    status, detail = grading.inspect_notebook(path, _fake_target())[1]
    assert status == grading.WRONG_CHAPTER and "00_start" in detail


@pytest.mark.parametrize("name, data", [
    ("보고서.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    ("답.py", b"print('hello')\n"),
    ("깨진.ipynb", b'{"cells": [{"cell_type": "code", "source": '),
    ("빈.ipynb", b""),
])
def test_files_that_are_not_notebooks_get_their_own_status(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    nb, (status, detail) = grading.inspect_notebook(path, _fake_target())
    assert nb is None and status == grading.NOT_NOTEBOOK and name in detail


DOCTEST_ASSERT = """❌ Test case failed
Trying:
    assert pop_2024_12 == int(city.loc['2024-12-01']), '2024년 12월 값이 아닙니다. 월(month)을 다시 확인하세요.'
Expecting nothing
**********************************************************************
Line 1, in q1 2
Failed example:
    assert pop_2024_12 == int(city.loc['2024-12-01']), '2024년 12월 값이 아닙니다. 월(month)을 다시 확인하세요.'
Exception raised:
    Traceback (most recent call last):
      File "/usr/lib/python3.11/doctest.py", line 1353, in __run
        exec(compile(example.source, filename, "single",
      File "<doctest q1 2[0]>", line 1, in <module>
        assert pop_2024_12 == int(city.loc['2024-12-01']), '2024년 12월 값이 아닙니다. 월(month)을 다시 확인하세요.'
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    AssertionError: 2024년 12월 값이 아닙니다. 월(month)을 다시 확인하세요.
"""
DOCTEST_TYPE = DOCTEST_ASSERT.replace(
    "    AssertionError: 2024년 12월 값이 아닙니다. 월(month)을 다시 확인하세요.",
    "    TypeError: unsupported operand type(s) for -: 'ellipsis' and 'float'")


def test_failure_message_is_the_assertion_message_only():
    message = grading.failure_message(DOCTEST_ASSERT, hidden=True)
    assert message == "2024년 12월 값이 아닙니다. 월(month)을 다시 확인하세요."
    hidden = grading.failure_message(DOCTEST_TYPE, hidden=True)
    assert "TypeError" in hidden and "ellipsis" not in hidden
    public = grading.failure_message(DOCTEST_TYPE, hidden=False)
    assert "unsupported operand" in public
    for text in [message, hidden, public]:
        assert "assert " not in text and "city.loc" not in text and "doctest" not in text
    multi = DOCTEST_ASSERT.replace("월(month)을 다시 확인하세요.\n", "월(month)을\n    다시 확인하세요.\n")
    assert grading.failure_message(multi.split("Exception raised:")[0] + "Exception raised:" +
                                   multi.split("Exception raised:")[1], hidden=True).startswith("2024년")
    assert grading.failure_message("Expected:\n    1\nGot:\n    2\n", hidden=True) == "결과가 기대한 값과 다릅니다."


def test_cells_belong_to_the_question_whose_check_follows():
    nb = nbformat.read(str(REPO_ROOT / "notebooks" / "00_start.ipynb"), as_version=4)
    owners = grading._question_of_cells(nb.cells)
    answer = [i for i, c in enumerate(nb.cells) if "otter_answer_cell" in c.metadata.get("tags", [])]
    assert owners[answer[0]] == "q1" and owners[answer[1]] == "q2"
    assert owners[answer[0] - 1] == "q1", "문제 설명 셀도 그 문제에 속합니다."
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    assert owners[first_code] is None, "본문 셀은 어느 문제에도 속하지 않습니다."


def test_execution_errors_name_the_question_or_the_cell():
    def code(source, error=None, **meta):
        cell = nbformat.v4.new_code_cell(source, metadata=meta)
        if error:
            cell.outputs = [nbformat.v4.new_output("error", ename=error, evalue="boom", traceback=[])]
        return cell

    original = nbformat.v4.new_notebook(cells=[
        code("x = 1", "NameError"),
        nbformat.v4.new_markdown_cell("### 문제 1", metadata={"editable": False, "deletable": False}),
        code("a = ...", "ValueError", tags=["otter_answer_cell"]),
        code('grader.check("q1")', editable=False),
    ])
    executed = nbformat.reads(nbformat.writes(original), as_version=4)
    executed.cells.insert(0, code("from otter import Notebook\nNotebook.init_grading_mode('tests')"))
    errors = grading.execution_errors(executed, original)
    assert errors == [{"cell": 1, "question": None, "error": "NameError: boom"},
                      {"cell": 3, "question": "q1", "error": "ValueError: boom"}]
    record = {"questions": {}, "errors": [], "status": "ok", "detail": ""}
    grading._apply_worker_result(record, {"questions": {"q1": {}}, "errors": errors[1:]})
    assert record["status"] == "error in q1"
    grading._apply_worker_result(record, {"questions": {"q1": {}}, "errors": errors})
    assert record["status"] == "error in cell 1"


def test_kill_tree_ends_children_in_other_sessions():
    """otter 가 띄우는 커널처럼 새 세션에서 도는 손자 프로세스까지 끝냅니다."""
    import psutil

    code = ("import subprocess, sys, time\n"
            "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'], start_new_session=True)\n"
            "time.sleep(300)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    deadline = time.time() + 20
    while time.time() < deadline and not psutil.Process(proc.pid).children():
        time.sleep(0.1)
    family = [psutil.Process(proc.pid)] + psutil.Process(proc.pid).children(recursive=True)
    assert len(family) == 2
    grading.kill_tree(proc)
    time.sleep(0.2)
    alive = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"끝나지 않은 프로세스: {alive}"


@pytest.mark.parametrize("code, reason", [("while True: pass", "반복"), ("import time; time.sleep(60)", "입력")])
def test_watch_stops_loops_by_cpu_time_and_waits_by_wall_time(code, reason):
    """무한 반복은 계산 시간(CPU)으로, 기다리기만 하는 셀은 경과 시간으로 멈춥니다 (커널 역할의 손자 프로세스)."""
    launcher = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {code!r}])"
    proc = subprocess.Popen([sys.executable, "-c", launcher], start_new_session=True)
    start = time.monotonic()
    try:
        why, used = grading.watch(proc, cpu_limit=0.8, wall_limit=2.5)
    finally:
        grading.kill_tree(proc)
    assert why and reason in why, why
    assert time.monotonic() - start < 15


def test_assignment_takes_only_the_narrative_cells_the_questions_need():
    nb = asg.compose(SPEC, NAME)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    # 문제 1·2 의 답은 pop·city 로 구합니다. 테스트는 스스로 자료를 읽으므로 emd 를 만드는 셀은 필요 없습니다.
    for needed in ["pop = readers.read_population_monthly", "city = pop[", 'grader = otter.Notebook("hw0.ipynb")']:
        assert needed in code
    for unneeded in ["sns.barplot", "maps.choropleth", "pd.read_csv(monthly_path)", "melt(", "import seaborn",
                     "setup_plots()"]:
        assert unneeded not in code, f"과제에 필요 없는 본문 셀이 들어왔습니다: {unneeded}"
    names = [asg._raw_yaml(c.source)["name"] for c in nb.cells
             if c.cell_type == "raw" and c.source.startswith("# BEGIN QUESTION")]
    assert names == ["ch00_q1", "ch00_q2", "ch00_q7"]
    setup = [c for c in nb.cells if c.cell_type == "code" and "hide-cell" in c.metadata.get("tags", [])]
    assert setup and all(c.metadata.get("jupyter", {}).get("source_hidden") for c in setup[2:])


def test_assignment_master_is_byte_identical_for_the_same_input():
    first = nbformat.writes(asg.compose("01:q3,q5 02:q2", "hw1"))
    second = nbformat.writes(asg.compose("01:q3,q5 02:q2", "hw1"))
    assert first == second
    assert "ch01_q3" in first and "ch02_q2" in first and "1장 준비" in first and "2장 준비" in first


@pytest.mark.parametrize("spec, needle", [
    ("00:q99", "q99"),
    ("99:q1", "99"),
    ("00-q1", "장:문제"),
    ("00:q1 00:q2", "같은 장"),
])
def test_bad_assignment_specs_say_what_is_wrong(spec, needle):
    with pytest.raises(asg.AssignmentError, match=needle):
        asg.compose(spec, "hw")


def test_a_question_that_needs_another_answer_asks_for_it(tmp_path):
    """q2 의 검사가 q1 의 답에서 만든 이름을 쓰면, q1 도 고르라고 알려 줍니다."""
    (tmp_path / "solutions").mkdir()
    shutil.copyfile(REPO_ROOT / "_config.yml", tmp_path / "_config.yml")
    cells = [nbformat.v4.new_raw_cell("# ASSIGNMENT CONFIG\nname: 09_demo"),
             nbformat.v4.new_code_cell("import pandas as pd\nbase = 3")]
    for name, solution, test in [("q1", "helper = base * 2\nanswer1 = helper  # SOLUTION", "assert answer1 == 6"),
                                 ("q2", "answer2 = helper + 1  # SOLUTION", "assert answer2 == helper + 1")]:
        cells += [nbformat.v4.new_raw_cell(f"# BEGIN QUESTION\nname: {name}\npoints: 1"),
                  nbformat.v4.new_markdown_cell(f"### 문제 {name[1]}"),
                  nbformat.v4.new_raw_cell("# BEGIN SOLUTION"), nbformat.v4.new_code_cell(solution),
                  nbformat.v4.new_raw_cell("# END SOLUTION"), nbformat.v4.new_raw_cell("# BEGIN TESTS"),
                  nbformat.v4.new_code_cell(test), nbformat.v4.new_raw_cell("# END TESTS"),
                  nbformat.v4.new_raw_cell("# END QUESTION")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(tmp_path / "solutions" / "09_demo.ipynb"))
    with pytest.raises(asg.AssignmentError, match=r"q1 도 함께 고르세요"):
        asg.compose("09:q2", "hw", root=tmp_path)
    nb = asg.compose("09:q1,q2", "hw", root=tmp_path)
    assert "base = 3" in "\n".join(c.source for c in nb.cells)


# ---------------------------------------------------------------------------
# 끝에서 끝까지: 작은 과제를 만들고 한 반을 채점합니다
# ---------------------------------------------------------------------------

def _answer(nb, question: str, source: str) -> None:
    """grader.check(question) 바로 앞의 답 셀에 코드를 넣습니다."""
    cells = nb.cells
    check = next(i for i, c in enumerate(cells) if c.source.strip() == f'grader.check("{question}")')
    answer = max(i for i in range(check) if "otter_answer_cell" in cells[i].metadata.get("tags", []))
    cells[answer].source = source


def _write_answer_text(nb, text: str) -> None:
    cell = next(c for c in nb.cells if c.cell_type == "markdown"
                and "otter_answer_cell" in c.metadata.get("tags", []))
    cell.source = text


WRONG_Q2 = ('dec = pop[(pop["level"] == "emd") & (pop["month"] == "2022-12-01")]\n'
            'largest_2022 = dec.sort_values("population")["emd_name"].iloc[0]')   # 정렬 방향 실수
WRITTEN = "제 출력에서 2024년 12월 인구는 시 전체 기준으로 가장 많았습니다. 모의 데이터라는 점은 알고 있습니다."


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("assignment") / NAME
    grading.prestart_workers()      # 채점 작업자 서버가 otter 를 불러오는 동안 과제를 만듭니다
    start = time.perf_counter()
    made = asg.build_assignment(SPEC, NAME, out)
    made["seconds"] = time.perf_counter() - start
    return made


@pytest.fixture(scope="module")
def graded(built, tmp_path_factory):
    student = nbformat.read(str(built["student"]), as_version=4)
    solution = nbformat.read(str(built["autograder"].parent / f"{NAME}-solution.ipynb"), as_version=4)
    solved = [c.source for c in solution.cells
              if c.cell_type == "code" and "otter_assign_solution_cell" in c.metadata.get("tags", [])]
    assert len(solved) == 2

    def variant(**answers):
        nb = nbformat.reads(nbformat.writes(student), as_version=4)
        for question, source in answers.items():
            _answer(nb, question, source)
        return nb

    subs = tmp_path_factory.mktemp("submissions")
    correct = variant(ch00_q1=solved[0], ch00_q2=solved[1])
    _write_answer_text(correct, WRITTEN)
    nbformat.write(correct, str(subs / "20240001_김하나_hw0.ipynb"))
    (subs / "20240002_이둘").mkdir()                     # 학생 폴더 안의, 이름을 바꾼 파일
    nbformat.write(variant(ch00_q1=solved[0], ch00_q2=WRONG_Q2), str(subs / "20240002_이둘" / "과제 제출 (1).ipynb"))
    nbformat.write(student, str(subs / "20240003_박셋_hw0.ipynb"))
    nbformat.write(variant(ch00_q1=solved[0], ch00_q2='raise ValueError("일부러 낸 오류")'),
                   str(subs / "20240004_최넷_hw0.ipynb"))
    # 무한 반복은 이름순으로 맨 앞이라 먼저 시작합니다 (그동안 다른 작업자가 나머지를 채점).
    nbformat.write(variant(ch00_q1="while True:\n    pass"), str(subs / "20240000_정다섯_hw0.ipynb"))
    (subs / "20240006_강여섯_hw0.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (subs / "20240007_조일곱_hw0.ipynb").write_text('{"cells": [', encoding="utf-8")
    shutil.copyfile(REPO_ROOT / "notebooks" / "00_start.ipynb", subs / "20240008_윤여덟_00_start.ipynb")

    out = tmp_path_factory.mktemp("graded")
    target = grading.assignment_target(str(built["autograder"].parent.parent))
    start = time.perf_counter()
    records = grading.grade_folder(subs, target, out, timeout=TIMEOUT, workers=WORKERS, progress=False,
                                   wall_timeout=WALL_TIMEOUT)
    seconds = time.perf_counter() - start
    print(f"\n[시간 측정] 과제 만들기 {built['seconds']:.1f}초, 제출 {len(records)}개 채점 {seconds:.1f}초 "
          f"(작업자 {WORKERS}개, 제한 {TIMEOUT}초); 제출물별: "
          + ", ".join(f"{r['student']} {r['seconds']:.1f}초" for r in records))
    return {"records": {r["student"]: r for r in records}, "out": out, "target": target}


def _gradebook(out: Path) -> tuple[list[str], dict[str, dict]]:
    with open(out / "gradebook.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    return reader.fieldnames, {r["student"] or r["file"]: r for r in rows}


def _points(target, question: str, hidden: bool | None = None) -> float:
    q = next(q for q in target.auto if q.name == question)
    return sum(c.points for c in q.cases if hidden is None or c.hidden == hidden)


def test_every_submission_gets_the_expected_status(graded):
    statuses = {k: r["status"] for k, r in graded["records"].items()}
    assert statuses == {
        "20240001_김하나": "ok",
        "20240002_이둘": "ok",
        "20240003_박셋": "ok",
        "20240004_최넷": "error in ch00_q2",
        "20240000_정다섯": "timeout",
        "20240006_강여섯": "not a notebook",
        "20240007_조일곱": "not a notebook",
        "20240008_윤여덟": "wrong chapter",
    }
    assert "ValueError: 일부러 낸 오류" in graded["records"]["20240004_최넷"]["detail"]
    assert "반복" in graded["records"]["20240000_정다섯"]["detail"]


def test_scores_follow_the_checks_points(graded):
    target = graded["target"]
    full = {q.name: q.points for q in target.auto}
    _, rows = _gradebook(graded["out"])

    def score(student, question):
        return float(rows[student][question])

    assert score("20240001_김하나", "ch00_q1") == full["ch00_q1"]
    assert score("20240001_김하나", "ch00_q2") == full["ch00_q2"]
    half = score("20240002_이둘", "ch00_q2")
    assert half == pytest.approx(_points(target, "ch00_q2", hidden=False), abs=1e-3), \
        "정렬 방향만 틀린 답은 공개 검사 점수만 받아야 합니다."
    assert half < full["ch00_q2"]
    assert score("20240004_최넷", "ch00_q1") == full["ch00_q1"] and score("20240004_최넷", "ch00_q2") == 0
    for student in ["20240003_박셋", "20240000_정다섯", "20240006_강여섯", "20240007_조일곱", "20240008_윤여덟"]:
        assert float(rows[student]["total_points_earned"]) == 0, student


def test_gradebook_has_otter_grade_columns_then_total_and_status(graded):
    from otter.grade import utils as otter_utils

    columns, rows = _gradebook(graded["out"])
    questions = sorted(q.name for q in graded["target"].auto)
    otter_columns = [otter_utils.SCORES_DICT_FILE_KEY, *questions, otter_utils.SCORES_DICT_TOTAL_POINTS_KEY,
                     otter_utils.SCORES_DICT_PERCENT_CORRECT_KEY, otter_utils.SCORES_DICT_GRADING_STATUS_KEY]
    assert columns[:len(otter_columns)] == otter_columns
    assert {"total", "status", "ch00_q7_rubric", "student_id", "student_name"} <= set(columns)
    points = rows[otter_utils.POINTS_POSSIBLE_LABEL]
    assert float(points["total_points_earned"]) == graded["target"].auto_possible
    assert rows["20240001_김하나"]["grading_status"] == "Completed"
    assert rows["20240001_김하나"]["percent_correct"] == "1"
    assert rows["20240002_이둘"]["file"] == "20240002_이둘/과제 제출 (1).ipynb"
    assert len(rows) == 1 + 8


def test_summary_names_the_most_common_failing_check_by_its_message(graded):
    out = graded["out"]
    with open(out / "summary.csv", encoding="utf-8-sig", newline="") as handle:
        summary = {r["question"]: r for r in csv.DictReader(handle)}
    assert set(summary) == {"ch00_q1", "ch00_q2", "ch00_q7"}
    half = graded["records"]["20240002_이둘"]["questions"]["ch00_q2"]["cases"]
    hidden_message = next(c["message"] for c in half if c["hidden"] and not c["passed"])
    common = summary["ch00_q2"]["common_failure"]
    assert common.startswith("숨은 검사") and hidden_message in common, common
    assert ">>>" not in common and "assert" not in common
    assert summary["ch00_q1"]["blank"] == "1", "빈 노트북의 답 없음을 세어야 합니다."
    assert float(summary["ch00_q1"]["solved_pct"]) == pytest.approx(100 * 3 / 8, abs=0.1)
    assert (out / "summary.png").stat().st_size > 5_000
    assert "| 문제 |" in (out / "summary.md").read_text(encoding="utf-8")


def test_feedback_shows_messages_never_test_code(graded, built):
    out = graded["out"]
    secrets = nbtool.secret_lines(built["master"])
    assert secrets
    for path in sorted((out / "feedback").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"{path.name} 에 정답·숨은 테스트 코드가 있습니다: {leaked[:3]}"
        for marker in [">>>", "assert ", "Traceback", "doctest", "_dec ="]:
            assert marker not in text, f"{path.name} 에 '{marker}' 가 있습니다."
    half = (out / "feedback" / "20240002_이둘.md").read_text(encoding="utf-8")
    hidden = [c for c in graded["records"]["20240002_이둘"]["questions"]["ch00_q2"]["cases"] if c["hidden"]]
    assert f"숨은 검사 {len(hidden)}개 가운데 {sum(c['passed'] for c in hidden)}개 통과" in half
    assert all(f"✗ {c['message']}" in half for c in hidden if not c["passed"])
    blank = (out / "feedback" / "20240003_박셋.md").read_text(encoding="utf-8")
    assert blank.count("답을 쓰지 않았습니다") >= 2 and "✗" not in blank
    loop = (out / "feedback" / "20240000_정다섯.md").read_text(encoding="utf-8")
    assert "while True" in loop and "제한 시간" in loop
    assert "hw0.ipynb" in (out / "feedback" / "20240006_강여섯.md").read_text(encoding="utf-8")


def test_written_answers_are_collected_per_question(graded):
    text = (graded["out"] / "written" / "ch00_q7.md").read_text(encoding="utf-8")
    assert "### 20240001 김하나" in text and WRITTEN in text
    assert text.index("20240001 김하나") < text.index(WRITTEN) < text.index("20240002 이둘")
    assert "_(답 없음)_" in text
    with open(graded["out"] / "rubric.csv", encoding="utf-8-sig", newline="") as handle:
        rubric = list(csv.DictReader(handle))
    assert [r["student"] for r in rubric] == sorted(graded["records"])
    assert {r["question"] for r in rubric} == {"ch00_q7"}
    assert next(r for r in rubric if r["student"] == "20240001_김하나")["score"] == ""
    assert next(r for r in rubric if r["student"] == "20240003_박셋")["score"] == "0"


def test_merge_rubric_adds_the_mentors_scores(graded):
    out = graded["out"]
    path = out / "rubric.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["student"] == "20240001_김하나":
            row.update(score="2", reason="한계로 모의 데이터만 들었습니다. 자료의 구체적인 한계를 드세요.")
    bad = [dict(r) for r in rows]
    bad[0]["score"] = "5"
    grading.write_csv(path, grading.RUBRIC_COLUMNS, bad, bom=False)
    with pytest.raises(grading.GradingError, match="0~3 밖"):
        grading.merge_rubric(out)
    rows_cp949 = out / "rubric_cp949.csv"          # Excel 이 CP949 로 저장해도 읽습니다
    with open(rows_cp949, "w", encoding="cp949", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=grading.RUBRIC_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    counts = grading.merge_rubric(out, rows_cp949)
    assert counts["filled"] == 8 and counts["empty"] == 0
    _, book = _gradebook(out)
    kim = book["20240001_김하나"]
    assert float(kim["ch00_q7_rubric"]) == 2
    assert float(kim["total"]) == pytest.approx(float(kim["total_points_earned"]) + 2)
    feedback = (out / "feedback" / "20240001_김하나.md").read_text(encoding="utf-8")
    assert "2 / 3점" in feedback and "구체적인 한계" in feedback


def test_the_command_line_explains_itself_and_its_errors(tmp_path):
    """명령줄(python -m ...)은 한국어 도움말을 보여 주고, 잘못된 입력에는 오류 코드 2 와 무엇을 할지 알려 줍니다."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    base = [sys.executable, "-m", "sejongdata.tools.grading"]
    shown = subprocess.run(base + ["grade", "--help"], capture_output=True, text=True, env=env)
    assert shown.returncode == 0 and "계산 시간" in shown.stdout and "--workers" in shown.stdout
    missing = subprocess.run(base + ["grade", str(tmp_path), "--assignment", str(tmp_path / "없는과제")],
                             capture_output=True, text=True, env=env)
    assert missing.returncode == 2 and "build-assignment" in missing.stderr


def test_built_assignment_is_deterministic_and_complete(built):
    zip_path = built["autograder"]
    questions = grading.read_autograder_tests(zip_path)
    assert [q.name for q in questions] == ["ch00_q1", "ch00_q2"]
    again = Path(str(zip_path) + ".copy")
    shutil.copyfile(zip_path, again)
    asg.write_deterministic_zip(again)
    assert again.read_bytes() == zip_path.read_bytes(), "채점기 zip 을 다시 써도 같은 바이트여야 합니다."
    student = built["student"].read_text(encoding="utf-8")
    assert 'otter.Notebook(\\"hw0.ipynb\\")' in student or 'otter.Notebook("hw0.ipynb")' in student
    for secret in nbtool.secret_lines(built["master"]):
        assert secret not in student


# ---------------------------------------------------------------------------
# 멘토 가이드: 해석 문항마다 자기 채점 기준
# ---------------------------------------------------------------------------

MANUAL = [(m, q) for m in nbtool.masters(REPO_ROOT) for q in asg.read_master(m).questions if q.manual]
GUIDE = (REPO_ROOT / "book" / "mentor.md").read_text(encoding="utf-8")


def _rubric_section(label: str) -> str:
    import re

    start = GUIDE.index(f"({label})=")
    heading = GUIDE.index("\n#", start)
    following = re.search(r"\n(#{1,3} |\()", GUIDE[heading + 2:])
    return GUIDE[start:heading + 2 + following.start()] if following else GUIDE[start:]


# 문항이 원인(인과)을 묻는다고 보는 말: 이때만 원인 항목이 점수를 가질 수 있습니다.
CAUSAL_ASKS = ("원인", "인과", "때문에", "일으켰")


@pytest.mark.parametrize("master, question", MANUAL, ids=lambda x: getattr(x, "stem", getattr(x, "name", "")))
def test_every_written_question_has_its_own_rubric(master, question):
    label = f"rubric-ch{int(master.stem[:2])}-{question.name}"
    assert f"({label})=" in GUIDE, f"멘토 가이드에 {master.stem} {question.name} 의 채점 기준({label})이 없습니다."
    section = _rubric_section(label)
    rows = [l for l in section.splitlines() if l.startswith("| ") and not l.startswith("| 항목")]
    assert len(rows) == 3, f"{label}: 채점 항목은 세 개여야 합니다 (찾은 수 {len(rows)})."
    items = [r.split("|")[1].strip() for r in rows]
    cause_items = [i for i in items if "원인" in i or "인과" in i]
    if any(word in question.prompt for word in CAUSAL_ASKS):
        assert cause_items, f"{label}: 원인을 묻는 문항인데 원인 항목이 없습니다."
    else:
        assert not cause_items, f"{label}: 원인을 묻지 않는 문항에 원인 항목({cause_items})이 있습니다 (거저 주는 점수)."


def test_simulated_data_is_not_an_accepted_limitation():
    accepted = GUIDE[GUIDE.index("한계로 인정하는 예"):GUIDE.index("### 예시")]
    assert "모의 데이터" not in accepted
    assert "모의 데이터라서" in GUIDE and "인정하지 않습니다" in GUIDE


@pytest.mark.parametrize("master, question", MANUAL, ids=lambda x: getattr(x, "stem", getattr(x, "name", "")))
def test_written_question_titles_match_the_asked_length(master, question):
    import re

    asked = re.search(r"(\d)~(\d)문장", question.prompt)
    if not asked:
        pytest.skip(f"{master.stem} {question.name} 은 문장 수를 정하지 않습니다.")
    words = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}
    stated = re.search(r"(한|두|세|네|다섯) 문장", question.title)
    if stated:
        assert words[stated.group(1)] == int(asked.group(1)) == int(asked.group(2)), \
            f"{master.stem} {question.name}: 제목 '{question.title}' 과 본문의 {asked.group(0)} 이 어긋납니다."
    numbered = re.search(r"(\d)~(\d)문장", question.title)
    if numbered:
        assert numbered.group(0) == asked.group(0)
