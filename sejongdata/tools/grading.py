"""한 반의 제출물을 오프라인으로 채점합니다 (Docker 없이, 멘토용).

명령 (``python -m sejongdata.tools.grading 명령 ...``, 자세한 것은 ``--help``):

``grade 제출폴더 --chapter 01 [--timeout 120] [--workers 2] [--out 폴더]``
    제출물마다 따로 된 프로세스에서 ``otter run`` 과 같은 채점을 하고, 시간 제한을 넘기면 프로세스 묶음을
    통째로 끝냅니다. 무한 반복, 오류, 노트북이 아닌 파일, 다른 장의 노트북도 상태가 적힌 한 행이 됩니다.
    결과 폴더에 점수표(gradebook.csv, otter grade 의 final_grades.csv 열 + 합계·상태), 문제별 요약
    (summary.csv/.md/.png), 해석 문항 답안 모음(written/), 루브릭 양식(rubric.csv), 학생별 피드백(feedback/)을 씁니다.
``merge-rubric 결과폴더``
    멘토가 채운 rubric.csv 의 점수를 점수표·요약·피드백에 합칩니다.
``build-assignment "01:q3,q5 02:q2" --name hw1``
    여러 장의 문제로 과제 하나를 만듭니다 (:mod:`sejongdata.tools.assignment`).

피드백에는 검사 코드를 넣지 않습니다: 실패한 검사의 AssertionError 메시지 한 줄만 보여 주고,
숨은 검사는 몇 개를 통과했는지와 메시지만 알려 줍니다.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import REPO_ROOT


def _assignment():
    """과제 빌더 모듈 (nbformat·nbclient 를 불러오므로 필요할 때만 가져옵니다: --help 가 빠르게)."""
    from . import assignment

    return assignment


def _notebooks():
    from . import notebooks

    return notebooks


AUTOGRADER_DIR = REPO_ROOT / "_build" / "autograder"
GRADING_DIR = REPO_ROOT / "_build" / "grading"

# otter grade 의 final_grades.csv 열 이름 (otter/grade/utils.py 와 같게)
FILE_COL = "file"
TOTAL_POINTS_COL = "total_points_earned"
PERCENT_COL = "percent_correct"
GRADING_STATUS_COL = "grading_status"
POINTS_ROW = "points-per-question"
EXTRA_COLS = ["student", "student_id", "student_name"]

OK = "ok"
TIMEOUT = "timeout"
NOT_NOTEBOOK = "not a notebook"
WRONG_CHAPTER = "wrong chapter"
GRADER_FAILED = "grader failed"

STATUS_TEXT = {
    OK: "채점 완료",
    TIMEOUT: "시간 제한 초과",
    NOT_NOTEBOOK: "노트북이 아님",
    WRONG_CHAPTER: "다른 과제의 노트북",
    GRADER_FAILED: "채점기 실행 실패",
}

_NOTEBOOK_CALL = re.compile(r"""otter\.Notebook\(\s*["']([^"']+?)(?:\.ipynb)?["']""")
_JUNK_WORDS = {"assignsubmission", "onlinetext", "file", "submission", "제출", "과제", "복사본", "copy",
               "final", "최종", "ipynb"}


class GradingError(ValueError):
    """채점을 시작할 수 없을 때 (채점기가 없음, 폴더가 없음, 루브릭 파일이 잘못됨) 내는 오류입니다."""


# ---------------------------------------------------------------------------
# 채점 대상 (장 또는 과제)
# ---------------------------------------------------------------------------

@dataclass
class Case:
    name: str
    hidden: bool
    points: float


@dataclass
class AutoQuestion:
    name: str
    points: float
    cases: list[Case]
    title: str = ""


@dataclass
class ManualQuestion:
    name: str
    points: float
    title: str
    prompt: str
    mentor_note: str


@dataclass
class Target:
    name: str                       # otter 의 assignment_name (= 노트북 파일 이름)
    autograder: Path
    master: Path
    auto: list[AutoQuestion]
    manual: list[ManualQuestion]

    @property
    def notebook_name(self) -> str:
        return f"{self.name}.ipynb"

    @property
    def auto_possible(self) -> float:
        return sum(q.points for q in self.auto)

    @property
    def manual_possible(self) -> float:
        return sum(q.points for q in self.manual)

    def question_columns(self) -> list[str]:
        """otter grade 와 같은 순서 (이름의 글자 순 정렬)."""
        return sorted(q.name for q in self.auto)

    def to_json(self) -> dict:
        return {"name": self.name, "autograder": str(self.autograder), "master": str(self.master),
                "auto": [{"name": q.name, "points": q.points, "title": q.title,
                          "cases": [vars(c) for c in q.cases]} for q in self.auto],
                "manual": [vars(q) for q in self.manual]}

    @classmethod
    def from_json(cls, data: dict) -> "Target":
        auto = [AutoQuestion(q["name"], q["points"], [Case(**c) for c in q["cases"]], q.get("title", ""))
                for q in data["auto"]]
        manual = [ManualQuestion(**q) for q in data["manual"]]
        return cls(data["name"], Path(data["autograder"]), Path(data["master"]), auto, manual)


def read_autograder_tests(zip_path: Path) -> list[AutoQuestion]:
    """채점기 zip 의 tests/*.py 에서 문제별 배점과 검사(공개/숨은, 점수)를 읽습니다."""
    from otter.test_files.ok_test import OKTestFile

    questions = []
    with zipfile.ZipFile(zip_path) as archive:
        names = sorted(n for n in archive.namelist() if re.fullmatch(r"tests/[^/]+\.py", n))
        for name in names:
            scope: dict = {}
            exec(archive.read(name).decode("utf-8"), scope)  # otter 가 만든 테스트 파일 (test = {...})
            test = OKTestFile.from_spec(scope["test"], path=name)
            cases = [Case(tc.name, bool(tc.hidden), float(tc.points)) for tc in test.test_cases]
            questions.append(AutoQuestion(test.name, float(test.possible), cases))
    if not questions:
        raise GradingError(f"채점기 '{zip_path.name}' 에 tests/*.py 가 없습니다 (otter assign 으로 만든 zip 인지 확인하세요).")
    return questions


def load_target(autograder: Path, master: Path) -> Target:
    """채점기 zip 과 마스터로 채점 대상을 만듭니다."""
    autograder, master = Path(autograder), Path(master)
    for path, what in [(autograder, "채점기 zip"), (master, "마스터 노트북")]:
        if not path.exists():
            raise GradingError(f"{what} '{path}' 가 없습니다.")
    with zipfile.ZipFile(autograder) as archive:
        config = json.loads(archive.read("otter_config.json").decode("utf-8"))
    parsed = _assignment().read_master(master)
    titles = {q.name: q.title for q in parsed.questions}
    auto = read_autograder_tests(autograder)
    for question in auto:
        question.title = titles.get(question.name, question.name)
    manual = [ManualQuestion(q.name, float(q.points or 0), q.title, q.prompt, q.mentor_note.strip())
              for q in parsed.questions if q.manual]
    name = config.get("assignment_name") or parsed.config.get("name") or master.stem
    return Target(name, autograder, master, auto, manual)


def chapter_target(chapter: str, root: Path = REPO_ROOT) -> Target:
    master = _assignment().chapter_master(chapter, root)
    zip_path = root / "_build" / "autograder" / f"{master.stem}-autograder.zip"
    if not zip_path.exists():
        raise GradingError(
            f"채점기 '{zip_path.relative_to(root)}' 가 없습니다. 먼저 "
            f"'python -m sejongdata.tools.notebooks build {master.stem}' (또는 make notebooks) 로 만드세요.")
    return load_target(zip_path, master)


def assignment_target(where: str, root: Path = REPO_ROOT) -> Target:
    """build-assignment 가 만든 과제 폴더(또는 그 이름)를 채점 대상으로 읽습니다."""
    folder = Path(where)
    if not folder.is_dir():
        folder = root / "_build" / "assignments" / where
    name = folder.name
    zip_path = folder / "autograder" / f"{name}-autograder.zip"
    if not zip_path.exists():
        raise GradingError(f"과제 '{where}' 의 채점기 '{zip_path}' 가 없습니다. 먼저 build-assignment 로 만드세요.")
    return load_target(zip_path, folder / "master" / f"{name}.ipynb")


# ---------------------------------------------------------------------------
# 제출물 찾기
# ---------------------------------------------------------------------------

@dataclass
class Submission:
    path: Path | None
    file: str                 # 제출 폴더 안의 상대 경로 (점수표의 file 열)
    student: str              # 파일 이름에 쓰는 열쇠 (학번_이름)
    student_id: str
    student_name: str


def _visible(path: Path) -> bool:
    return not any(part.startswith(".") or part == "__MACOSX" for part in path.parts)


def parse_student(label: str, drop: tuple[str, ...] = ()) -> tuple[str, str]:
    """'20241234_홍길동_01_eoulling' → ('20241234', '홍길동'). 학번이 없으면 ''."""
    text = unicodedata.normalize("NFC", label)
    for word in drop:
        text = text.replace(word, " ")
    text = re.sub(r"\(\d+\)|\[\d+\]", " ", text)
    tokens = [t for t in re.split(r"[\s_\-.,()\[\]]+", text) if t]
    student_id = next((t for t in tokens if re.fullmatch(r"[A-Za-z]?\d{5,}", t)), "")
    names = [t for t in tokens if t != student_id and t.lower() not in _JUNK_WORDS
             and re.search(r"[가-힣A-Za-z]", t) and not re.fullmatch(r"\d{2}|[a-z]+\d*", t)]
    return student_id, " ".join(names)


def find_submissions(folder: Path, target: Target) -> list[Submission]:
    """제출 폴더의 파일(맨 위) 또는 학생별 하위 폴더마다 제출물 하나를 찾습니다."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GradingError(f"제출 폴더 '{folder}' 가 없습니다.")
    drop = tuple({target.name, Path(target.name).stem} | {target.name.split("_", 1)[-1]})
    found: list[tuple[Path | None, str, str]] = []
    for entry in sorted(folder.iterdir()):
        if not _visible(entry.relative_to(folder)):
            continue
        if entry.is_file():
            found.append((entry, entry.name, entry.stem))
        elif entry.is_dir():
            files = sorted(p for p in entry.rglob("*") if p.is_file() and _visible(p.relative_to(folder))
                           and ".ipynb_checkpoints" not in p.parts)
            for path in _pick_in_folder(files, target):
                found.append((path, str(path.relative_to(folder)), entry.name))
            if not files:
                found.append((None, entry.name + "/", entry.name))
    submissions, seen = [], Counter()
    for path, rel, label in found:
        student_id, student_name = parse_student(label, drop)
        key = "_".join(x for x in [student_id, student_name] if x) or unicodedata.normalize("NFC", label)
        key = re.sub(r"[^\w가-힣.\-]+", "_", key).strip("_") or "제출"
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        submissions.append(Submission(path, unicodedata.normalize("NFC", rel), key, student_id, student_name))
    return submissions


def _pick_in_folder(files: list[Path], target: Target) -> list[Path]:
    """학생 폴더 하나에서 채점할 파일을 고릅니다: 과제 이름의 노트북, 아니면 노트북 하나, 아니면 모두."""
    notebooks = [p for p in files if p.suffix.lower() == ".ipynb"]
    exact = [p for p in notebooks if p.name == target.notebook_name]
    if exact:
        return exact[:1]
    named = [p for p in notebooks if target.name in unicodedata.normalize("NFC", p.stem)]
    if len(named) == 1:
        return named
    if notebooks:
        return notebooks
    return files


# ---------------------------------------------------------------------------
# 제출물 하나 점검 (실행 전)
# ---------------------------------------------------------------------------

def inspect_notebook(path: Path, target: Target):
    """(노트북, None) 또는 (None, (상태, 설명)) 을 돌려줍니다."""
    import nbformat

    if path is None:
        return None, (NOT_NOTEBOOK, "빈 폴더입니다 (제출 파일이 없음).")
    if path.suffix.lower() != ".ipynb":
        kind = path.suffix.lower() or "확장자 없음"
        return None, (NOT_NOTEBOOK, f"'{path.name}' 은 노트북(.ipynb)이 아닙니다 ({kind}).")
    try:
        text = path.read_bytes().decode("utf-8-sig")
        nb = nbformat.reads(text, as_version=4)
        if not isinstance(nb.get("cells"), list):
            raise ValueError("cells 가 없음")
    except Exception as error:  # noqa: BLE001 - 어떤 오류든 '노트북 아님' 한 행이 됩니다
        reason = type(error).__name__
        return None, (NOT_NOTEBOOK, f"'{path.name}' 을 노트북으로 읽을 수 없습니다 (JSON 형식 오류: {reason}).")
    name = notebook_assignment(nb)
    if name and name != target.name:
        return None, (WRONG_CHAPTER, f"'{name}' 노트북입니다. 채점하는 과제는 '{target.name}' 입니다.")
    return nb, None


def notebook_assignment(nb) -> str | None:
    """노트북이 어느 과제의 것인지: otter 메타데이터, 없으면 otter.Notebook("NN_slug.ipynb") 줄."""
    name = (nb.get("metadata", {}).get("otter") or {}).get("assignment_name")
    if name:
        return str(name)
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            match = _NOTEBOOK_CALL.search(cell.get("source", ""))
            if match:
                return match.group(1)
    return None


# ---------------------------------------------------------------------------
# 검사 메시지: 코드는 빼고 메시지만
# ---------------------------------------------------------------------------

def failure_message(raw: str, hidden: bool) -> str:
    """doctest 실패 보고에서 학생에게 보여 줄 한 줄을 꺼냅니다 (검사 코드는 절대 넣지 않습니다).

    AssertionError 이면 그 메시지를, 다른 예외이면 공개 검사는 '예외 이름: 내용', 숨은 검사는 예외 이름만,
    값 비교 실패이면 정해진 문장을 돌려줍니다.
    """
    lines = raw.splitlines()
    starts = [i for i, l in enumerate(lines) if l.strip() == "Traceback (most recent call last):"]
    if not starts:
        return "결과가 기대한 값과 다릅니다."
    start = starts[-1]
    indent = len(lines[start]) - len(lines[start].lstrip())
    tail = []
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip())
        if depth <= indent:
            tail.append(line.strip())
        elif tail:           # 여러 줄 메시지의 뒷줄
            tail.append(line.strip())
    exception = "\n".join(tail).strip()
    ename, _, evalue = exception.partition(":")
    ename, evalue = ename.strip(), evalue.strip()
    if ename == "AssertionError" or ename.endswith(".AssertionError"):
        return evalue or "검사를 통과하지 못했습니다 (메시지 없음)."
    if not re.fullmatch(r"[A-Za-z_][\w.]*", ename or "-"):
        return "검사를 통과하지 못했습니다."
    short = ename.rsplit(".", 1)[-1]
    if hidden or not evalue:
        return f"검사를 실행하다가 {short} 오류가 났습니다. 답의 자료형과 모양을 먼저 확인하세요."
    return f"검사를 실행하다가 오류가 났습니다: {short}: {evalue[:200]}"


# ---------------------------------------------------------------------------
# 작업자 (제출물 하나를 자기 프로세스에서 채점)
# ---------------------------------------------------------------------------

def _question_of_cells(cells) -> list[str | None]:
    """셀마다 어느 문제의 셀인지: 문제 설명 셀부터 그 문제의 grader.check 셀까지."""
    owner: list[str | None] = [None] * len(cells)
    check = re.compile(r"""grader\.check\(\s*["']([^"']+)["']""")
    pending: list[int] = []
    in_question = False
    for index, cell in enumerate(cells):
        source = cell.get("source", "")
        tags = cell.get("metadata", {}).get("tags", [])
        locked = cell.get("metadata", {}).get("editable") is False
        if cell.get("cell_type") == "markdown" and "<!-- END QUESTION -->" in source:
            in_question, pending = False, []
            continue
        if cell.get("cell_type") == "markdown" and locked and not in_question:
            in_question, pending = True, []
        if "otter_answer_cell" in tags:
            in_question = True
        if in_question:
            pending.append(index)
        match = check.search(source) if cell.get("cell_type") == "code" else None
        if match:
            for i in pending:
                owner[i] = match.group(1)
            in_question, pending = False, []
    return owner


def execution_errors(nb, original=None) -> list[dict]:
    """실행된 노트북에서 오류가 난 셀: [{'cell': 제출 노트북의 셀 번호(1부터), 'question': 문제 또는 None, 'error': '...'}].

    otter 가 덧붙인 셀(채점 준비, 결과 저장)은 셀 id 가 제출 노트북에 없으므로 건너뜁니다.
    """
    positions = {c.get("id"): i + 1 for i, c in enumerate(original.cells)} if original is not None else None
    owners = _question_of_cells(nb.cells)
    errors = []
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        if positions is not None and cell.get("id") not in positions:
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                evalue = str(output.get("evalue", ""))[:300]
                number = positions[cell.get("id")] if positions else index + 1
                errors.append({"cell": number, "question": owners[index],
                               "error": f"{output.get('ename', 'Error')}: {evalue}".strip()})
                break
    return errors


def _worker(zip_path: str, notebook: str, result_path: str, raw_path: str) -> int:
    """``_worker`` 하위 명령: otter run 과 같은 채점을 하고 결과를 JSON 으로 씁니다 (검사 코드 없이)."""
    import otter.run

    start = time.perf_counter()
    record: dict = {"questions": {}, "errors": [], "crash": None}
    try:
        import nbformat

        original = nbformat.read(notebook, as_version=4)
        work = Path(result_path).parent      # 제출물마다 따로인 임시 폴더 (results.json 이 겹치지 않게)
        results = otter.run.main(notebook, autograder=zip_path, output_dir=str(work), no_logo=True)
        if (work / "results.json").exists():
            shutil.move(str(work / "results.json"), raw_path)
        if results.has_catastrophic_failure():
            record["crash"] = f"{type(results.catastrophic_error).__name__}: {results.catastrophic_error}"
        for name, test_file in results.results.items():
            cases = []
            for tcr in test_file.test_case_results:
                hidden = bool(tcr.test_case.hidden)
                cases.append({"name": tcr.test_case.name, "hidden": hidden,
                              "points": float(tcr.test_case.points), "passed": bool(tcr.passed),
                              "message": "" if tcr.passed else failure_message(tcr.message, hidden)})
            record["questions"][name] = {"score": float(test_file.score),
                                         "possible": float(test_file.possible), "cases": cases}
        if results.notebook is not None:
            record["errors"] = execution_errors(results.notebook, original)
    except Exception as error:  # noqa: BLE001 - 채점기 자체의 실패도 한 행이 됩니다
        record["crash"] = f"{type(error).__name__}: {str(error)[:300]}"
    record["seconds"] = round(time.perf_counter() - start, 2)
    Path(result_path).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


class _ForkJob:
    """multiprocessing.Process 를 subprocess.Popen 처럼 (pid, wait, returncode) 다룹니다."""

    def __init__(self, process):
        self.process = process
        self.pid = process.pid

    def wait(self, timeout=None):
        self.process.join(timeout)
        if self.process.exitcode is None:
            raise subprocess.TimeoutExpired("grading worker", timeout)
        return self.process.exitcode

    @property
    def returncode(self):
        return self.process.exitcode


_context = None
_start_lock = threading.Lock()


def _fork_context():
    """otter 를 미리 불러 둔 forkserver (제출물마다 otter 를 다시 불러오는 4~5초를 아낍니다)."""
    global _context
    if _context is None:
        import multiprocessing

        if "forkserver" in multiprocessing.get_all_start_methods() and not os.environ.get("SEJONG_GRADING_SPAWN"):
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(["otter.run", "nbformat", "sejongdata.tools.grading"])
        else:
            _context = False
    return _context or None


def prestart_workers() -> None:
    """forkserver 를 미리 띄웁니다 (otter 를 불러오는 동안 다른 일을 할 수 있게; 기다리지 않습니다)."""
    context = _fork_context()
    if context is not None:
        from multiprocessing import forkserver

        with _start_lock:
            forkserver.ensure_running()


def _forked_worker(args: list[str], log_path: str, work: str) -> None:
    """forkserver 에서 갈라진 작업자: 새 세션, 로그 파일, 자기 임시 폴더에서 채점합니다."""
    os.setsid()
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.environ.update(TMPDIR=os.path.join(work, "tmp"), MPLBACKEND="Agg", PYTHONUNBUFFERED="1")
    tempfile.tempdir = None
    os.chdir(work)
    try:
        _worker(*args)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def start_worker(args: list[str], log_path: Path, work: Path):
    """작업자를 띄웁니다: forkserver 가 있으면 거기서, 없으면 새 파이썬 프로세스로 (둘 다 새 세션)."""
    context = _fork_context()
    if context is not None:
        with _start_lock:
            process = context.Process(target=_forked_worker, args=(args, str(log_path), str(work)), daemon=False)
            process.start()
        return _ForkJob(process)
    cmd = [sys.executable, "-m", "sejongdata.tools.grading", "_worker", *args]
    env = dict(os.environ, TMPDIR=str(work / "tmp"), MPLBACKEND="Agg", PYTHONUNBUFFERED="1")
    with open(log_path, "w", encoding="utf-8") as log:
        return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=work, env=env,
                                start_new_session=True)


def kill_tree(proc) -> None:
    """작업자와 그 자손(otter 가 띄운 커널은 따로 세션을 만듭니다)을 모두 끝냅니다."""
    import psutil

    try:
        parent = psutil.Process(proc.pid)
        family = parent.children(recursive=True) + [parent]
    except psutil.NoSuchProcess:
        family = []
    groups = set()
    for member in family:
        try:
            groups.add(os.getpgid(member.pid))
        except (ProcessLookupError, PermissionError):
            pass
    own = os.getpgid(0)
    for group in groups - {own}:
        try:
            os.killpg(group, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    for member in family:
        try:
            member.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(family, timeout=5)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


_running: set = set()
_running_lock = threading.Lock()


def new_record(sub: Submission, target: Target) -> tuple[dict, bool]:
    """실행하기 전의 기록을 만듭니다. (기록, 실행할지) 를 돌려줍니다 (노트북이 아니거나 다른 과제이면 실행하지 않음)."""
    record = {"file": sub.file, "student": sub.student, "student_id": sub.student_id,
              "student_name": sub.student_name, "status": OK, "detail": "", "questions": {},
              "errors": [], "seconds": 0.0, "manual_answers": {}}
    nb, problem = inspect_notebook(sub.path, target)
    if problem:
        record["status"], record["detail"] = problem
        record["manual_answers"] = {q.name: None for q in target.manual}
        return record, False
    record["manual_answers"] = manual_answers(nb, target)
    record["unanswered"] = unanswered_questions(nb)
    return record, True


WALL_FACTOR = 3


def tree_cpu_seconds(proc: subprocess.Popen) -> float:
    """작업자가 띄운 자손(노트북을 실행하는 커널과 그 자식)이 지금까지 쓴 CPU 시간(초).

    작업자 자신(otter 를 불러오고 준비하는 시간)은 빼고, 노트북 실행에 든 계산만 잽니다.
    """
    import psutil

    try:
        family = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for member in family:
        try:
            times = member.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def watch(proc: subprocess.Popen, cpu_limit: float, wall_limit: float, poll: float = 0.5) -> tuple[str, float]:
    """작업자가 끝날 때까지 기다립니다. (제한을 넘은 까닭 또는 '', 잰 가장 큰 CPU 시간) 을 돌려줍니다.

    시간 제한은 노트북의 계산 시간(커널의 CPU 시간)으로 잽니다. 그래서 여러 제출물을 함께 채점해 컴퓨터가
    바빠져도 보통 제출물이 억울하게 멈추지 않고, 무한 반복(계산을 멈추지 않음)은 늘 멈춥니다.
    계산 없이 기다리기만 하는 셀(input(), sleep)은 실제 경과 시간 wall_limit 에서 멈춥니다.
    """
    start = time.monotonic()
    used = 0.0
    while True:
        try:
            proc.wait(timeout=poll)
            return "", used
        except subprocess.TimeoutExpired:
            pass
        used = max(used, tree_cpu_seconds(proc))
        if used > cpu_limit:
            return f"계산 시간 {cpu_limit:g}초 안에 끝나지 않아 멈췄습니다 (끝나지 않는 반복?).", used
        elapsed = time.monotonic() - start
        if elapsed > wall_limit:
            # 컴퓨터가 아주 바쁘면 무한 반복도 CPU 를 조금씩만 받아 여기서 멈춥니다. 계산을 하고 있었는지로 까닭을 가립니다.
            why = "끝나지 않는 반복?" if used >= 0.1 * elapsed else "입력을 기다리는 셀?"
            return f"실행 {wall_limit:g}초(계산 {used:.0f}초)가 지나도 끝나지 않아 멈췄습니다 ({why}).", used


def run_submission(sub: Submission, target: Target, out: Path, timeout: float,
                   record: dict | None = None, wall_timeout: float | None = None) -> dict:
    """제출물 하나를 채점하고 결과 기록(dict)을 돌려줍니다. 어떤 경우에도 예외를 내지 않습니다."""
    if record is None:
        record, runnable = new_record(sub, target)
        if not runnable:
            return record
    start = time.perf_counter()
    results_dir = out / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sejong-grade-"))
    try:
        (work / "submission").mkdir()
        (work / "tmp").mkdir()
        notebook = work / "submission" / target.notebook_name
        copy_for_grading(sub.path, notebook)
        result_path, raw_path = work / "result.json", results_dir / f"{sub.student}.otter.json"
        args = [str(target.autograder), str(notebook), str(result_path), str(raw_path)]
        proc = start_worker(args, results_dir / f"{sub.student}.log", work)
        with _running_lock:
            _running.add(proc)
        try:
            timed_out, record["cpu_seconds"] = watch(proc, timeout, wall_timeout or WALL_FACTOR * timeout)
            record["cpu_seconds"] = round(record["cpu_seconds"], 1)
        finally:
            kill_tree(proc)
            with _running_lock:
                _running.discard(proc)
        if timed_out:
            record["status"] = TIMEOUT
            record["detail"] = timed_out
        elif not result_path.exists():
            record["status"] = GRADER_FAILED
            record["detail"] = f"채점 프로세스가 결과 없이 끝났습니다 (종료 코드 {proc.returncode}). 로그: results/{sub.student}.log"
        else:
            _apply_worker_result(record, json.loads(result_path.read_text(encoding="utf-8")))
    except Exception as error:  # noqa: BLE001
        record["status"] = GRADER_FAILED
        record["detail"] = f"{type(error).__name__}: {error}"
    finally:
        shutil.rmtree(work, ignore_errors=True)
        record["seconds"] = round(time.perf_counter() - start, 2)
    return record


def copy_for_grading(source: Path, target_path: Path) -> None:
    """제출물을 과제의 파일 이름으로 복사하고, 커널 이름을 채점 환경의 python3 로 맞춥니다.

    학생 컴퓨터의 커널 이름(예: conda 환경 이름)이 남아 있으면 otter run 이 그 커널을 찾다가 실패하기 때문입니다
    (otter grade 도 Docker 안에서 python3 커널을 씁니다).
    """
    import nbformat

    try:
        nb = nbformat.reads(Path(source).read_bytes().decode("utf-8-sig"), as_version=4)
        nb.metadata["kernelspec"] = dict(_notebooks().KERNELSPEC)
        with open(target_path, "w", encoding="utf-8") as handle:
            nbformat.write(nb, handle)
    except Exception:  # noqa: BLE001 - 고칠 수 없으면 그대로 복사해 otter 에 맡깁니다
        shutil.copyfile(source, target_path)


def _apply_worker_result(record: dict, result: dict) -> None:
    record["questions"] = result.get("questions", {})
    record["errors"] = result.get("errors", [])
    record["worker_seconds"] = result.get("seconds")
    if result.get("crash") and not record["questions"]:
        record["status"], record["detail"] = GRADER_FAILED, result["crash"]
    elif record["errors"]:
        first = record["errors"][0]
        where = first["question"] or f"cell {first['cell']}"
        record["status"] = f"error in {where}"
        record["detail"] = f"{first['error']} (셀 {first['cell']})"


# ---------------------------------------------------------------------------
# 해석 문항 답 모으기
# ---------------------------------------------------------------------------

_PLACEHOLDER_LINE = re.compile(r"^\s*(#.*|[\w\s,\[\]\.]*=\s*\.\.\.\s*|\.\.\.\s*)?$")


def unanswered_questions(nb) -> list[str]:
    """답 칸(otter_answer_cell)이 받은 그대로(`x = ...`)인 자동 채점 문제들."""
    owners = _question_of_cells(nb.cells)
    answers: dict[str, list[str]] = {}
    for owner, cell in zip(owners, nb.cells):
        if owner and cell.get("cell_type") == "code" and "otter_answer_cell" in cell.get("metadata", {}).get("tags", []):
            answers.setdefault(owner, []).append(cell.get("source", ""))
    return sorted(q for q, sources in answers.items()
                  if all(_PLACEHOLDER_LINE.match(line) for src in sources for line in src.splitlines()))


def manual_answers(nb, target: Target) -> dict[str, str | None]:
    """해석 문항마다 학생이 쓴 마크다운(문제 설명 다음 ~ END QUESTION 앞). 빈 답은 ''."""
    blocks, current = [], None
    for cell in nb.cells:
        source = cell.get("source", "")
        if cell.get("cell_type") == "markdown" and source.lstrip().startswith("<!-- BEGIN QUESTION -->"):
            current = []
            blocks.append(current)
            continue
        if current is not None and "<!-- END QUESTION -->" in source:
            current = None
            continue
        if current is not None:
            text = source.strip()
            placeholder = text in (_notebooks().KOREAN_MANUAL_PROMPT, _notebooks().OTTER_MANUAL_PROMPT)
            if text and not placeholder:
                current.append(text)
    answers = {}
    for index, question in enumerate(target.manual):
        parts = blocks[index] if index < len(blocks) else []
        answers[question.name] = "\n\n".join(parts)
    return answers


# ---------------------------------------------------------------------------
# 한 반 채점
# ---------------------------------------------------------------------------

def grade_folder(submissions_dir: Path, target: Target, out: Path, timeout: float = 120,
                 workers: int = 2, progress: bool = True, wall_timeout: float | None = None) -> list[dict]:
    """폴더의 제출물을 모두 채점하고 보고서를 씁니다. 기록 목록을 돌려줍니다.

    timeout 은 제출물 하나의 계산 시간(CPU 초) 제한, wall_timeout 은 실제 경과 시간 제한(기본 timeout 의 3배)입니다.
    """
    wall_timeout = wall_timeout or WALL_FACTOR * timeout
    from tqdm import tqdm

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    subs = find_submissions(Path(submissions_dir), target)
    if not subs:
        raise GradingError(f"제출 폴더 '{submissions_dir}' 에 파일이 없습니다.")
    start = time.perf_counter()
    records = []
    bar = tqdm(total=len(subs), desc=f"채점 {target.name}", unit="명", disable=not progress,
               file=sys.stderr, dynamic_ncols=True)
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        futures = {}
        for sub in subs:   # 노트북이 아니거나 다른 과제인 것은 실행하지 않고 바로 한 행이 됩니다
            record, runnable = new_record(sub, target)
            if runnable:
                if not futures:
                    prestart_workers()
                futures[pool.submit(run_submission, sub, target, out, timeout, record, wall_timeout)] = sub
            else:
                records.append(record)
                bar.set_postfix_str(f"{record['student']}: {record['status']}")
                bar.update()
        for future in as_completed(futures):
            record = future.result()
            records.append(record)
            bar.set_postfix_str(f"{record['student']}: {record['status']}")
            bar.update()
    except KeyboardInterrupt:
        with _running_lock:
            for proc in list(_running):
                kill_tree(proc)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        bar.close()
        pool.shutdown(wait=True)
    records.sort(key=lambda r: r["file"])
    run = {"seconds": round(time.perf_counter() - start, 2), "workers": workers, "timeout": timeout,
           "wall_timeout": wall_timeout,
           "submissions": len(records)}
    for record in records:
        path = out / "results" / f"{record['student']}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    state = {"target": target.to_json(), "run": run, "students": [r["student"] for r in records]}
    (out / "grading.json").write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
    write_written_answers(out, target, records)
    write_rubric_template(out, target, records)
    write_reports(out, target, records, read_rubric(out / "rubric.csv", target, records, strict=False), run)
    return records


def load_state(out: Path) -> tuple[Target, list[dict], dict]:
    out = Path(out)
    state_path = out / "grading.json"
    if not state_path.exists():
        raise GradingError(f"'{out}' 에 grading.json 이 없습니다. 먼저 grade 명령으로 채점하세요.")
    state = json.loads(state_path.read_text(encoding="utf-8"))
    target = Target.from_json(state["target"])
    records = [json.loads((out / "results" / f"{s}.json").read_text(encoding="utf-8"))
               for s in state["students"]]
    return target, records, state["run"]


# ---------------------------------------------------------------------------
# 점수 계산
# ---------------------------------------------------------------------------

def auto_scores(record: dict, target: Target) -> dict[str, float]:
    return {q.name: float(record["questions"].get(q.name, {}).get("score", 0.0)) for q in target.auto}


def _round(value: float) -> float:
    return round(float(value) + 0.0, 4)


def gradebook_rows(target: Target, records: list[dict], rubric: dict) -> tuple[list[str], list[dict]]:
    """otter grade 의 final_grades.csv 열 + 학생, 해석 문항 점수, 합계, 상태."""
    questions = target.question_columns()
    manual_cols = [f"{q.name}_rubric" for q in target.manual]
    columns = ([FILE_COL, *questions, TOTAL_POINTS_COL, PERCENT_COL, GRADING_STATUS_COL]
               + EXTRA_COLS + manual_cols + ["total", "status", "detail"])
    possible = {q.name: q.points for q in target.auto}
    rows = [{FILE_COL: POINTS_ROW, **{q: _round(possible[q]) for q in questions},
             TOTAL_POINTS_COL: _round(target.auto_possible), PERCENT_COL: 1, GRADING_STATUS_COL: "--",
             **{c: "" for c in EXTRA_COLS},
             **{f"{q.name}_rubric": _round(q.points) for q in target.manual},
             "total": _round(target.auto_possible + target.manual_possible), "status": "--", "detail": ""}]
    for record in records:
        scores = auto_scores(record, target)
        earned = sum(scores.values())
        graded = bool(record["questions"])
        percent = round(earned / target.auto_possible, 4) if target.auto_possible else 0
        row = {FILE_COL: record["file"], **{q: _round(scores[q]) for q in questions},
               TOTAL_POINTS_COL: _round(earned), PERCENT_COL: percent,
               GRADING_STATUS_COL: "Completed" if graded else STATUS_TEXT.get(record["status"], record["status"]),
               "student": record["student"], "student_id": record["student_id"],
               "student_name": record["student_name"]}
        manual_total = 0.0
        for question in target.manual:
            entry = rubric.get((record["student"], question.name))
            value = entry["score"] if entry and entry["score"] is not None else ""
            row[f"{question.name}_rubric"] = value
            manual_total += value if value != "" else 0.0
        row["total"] = _round(earned + manual_total)
        row["status"] = record["status"]
        row["detail"] = record["detail"]
        rows.append(row)
    return columns, rows


def write_csv(path: Path, columns: list[str], rows: list[dict], bom: bool = False) -> None:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_value(row.get(k, "")) for k in columns})


def _csv_value(value):
    if isinstance(value, float):
        return f"{value:g}" if value == int(value) else f"{value:.4g}" if abs(value) < 1 else f"{value:.4f}".rstrip("0")
    return value


# ---------------------------------------------------------------------------
# 문제별 요약
# ---------------------------------------------------------------------------

def question_summary(target: Target, records: list[dict], rubric: dict) -> list[dict]:
    """문제마다 평균, 만점 비율, 가장 많이 실패한 검사(메시지로)."""
    rows = []
    n = len(records)
    for question in target.auto:
        scores = [auto_scores(r, target)[question.name] for r in records]
        solved = sum(1 for s in scores if math.isclose(s, question.points))
        failing = Counter()
        messages: dict[str, Counter] = {}
        blank = sum(1 for r in records if question.name in r.get("unanswered", []))
        for record in records:
            if question.name in record.get("unanswered", []):
                continue   # 답을 쓰지 않은 학생의 실패는 '가장 많이 실패한 검사'에 세지 않습니다
            for case in record["questions"].get(question.name, {}).get("cases", []):
                if not case["passed"]:
                    failing[case["name"]] += 1
                    messages.setdefault(case["name"], Counter())[case["message"]] += 1
        if failing:
            case_name, count = sorted(failing.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            message = messages[case_name].most_common(1)[0][0]
            hidden = next((c.hidden for c in question.cases if c.name == case_name), False)
            common = f"{'숨은' if hidden else '공개'} 검사: {message} ({count}명)"
        else:
            common = ""
        rows.append({"question": question.name, "title": question.title, "kind": "자동",
                     "points": question.points, "mean": _mean(scores), "graded": n, "blank": blank,
                     "mean_pct": _pct(_mean(scores), question.points),
                     "solved_pct": round(100 * solved / n, 1) if n else 0.0, "common_failure": common})
    for question in target.manual:
        scores = [rubric[(r["student"], question.name)]["score"] for r in records
                  if rubric.get((r["student"], question.name), {}).get("score") is not None]
        full = sum(1 for s in scores if math.isclose(s, question.points))
        blank = sum(1 for r in records if r["manual_answers"].get(question.name) is not None
                    and not r["manual_answers"][question.name].strip())
        rows.append({"question": question.name, "title": question.title, "kind": "해석(루브릭)",
                     "points": question.points, "mean": _mean(scores), "graded": len(scores), "blank": blank,
                     "mean_pct": _pct(_mean(scores), question.points),
                     "solved_pct": round(100 * full / len(scores), 1) if scores else 0.0,
                     "common_failure": "" if scores else "아직 채점하지 않았습니다 (rubric.csv)"})
    return rows


def _mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 2) if values else 0.0


def _pct(value: float, points: float) -> float:
    return round(100 * value / points, 1) if points else 0.0


SUMMARY_COLUMNS = ["question", "title", "kind", "points", "graded", "blank", "mean", "mean_pct", "solved_pct",
                   "common_failure"]
SUMMARY_HEADERS = ["문제", "제목", "채점", "배점", "채점 수", "답 없음", "평균", "평균(%)", "만점 비율(%)",
                   "가장 많이 실패한 검사 (답을 쓴 학생 기준)"]


def _md_table(headers: list[str], rows: list[list]) -> str:
    def cell(value):
        return str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_summary(out: Path, target: Target, records: list[dict], rubric: dict, run: dict) -> list[dict]:
    summary = question_summary(target, records, rubric)
    write_csv(out / "summary.csv", SUMMARY_COLUMNS, summary, bom=True)
    statuses = Counter(r["status"] for r in records)
    times = [r["seconds"] for r in records if r["questions"]]
    lines = [f"# {target.name} 채점 요약", "",
             f"제출 {len(records)}개, 작업자 {run.get('workers')}개, 제출물당 계산 시간 제한 {run.get('timeout'):g}초, "
             f"전체 {run.get('seconds', 0):.1f}초."]
    if times:
        cpu = [r.get("cpu_seconds", 0.0) for r in records if r["questions"]]
        lines.append(f"실행한 제출물 {len(times)}개의 채점 시간: 평균 {sum(times) / len(times):.1f}초, "
                     f"가장 긴 것 {max(times):.1f}초 (노트북 계산 시간 평균 {sum(cpu) / len(cpu):.1f}초).")
    lines += ["", "## 상태", "", _md_table(["상태", "설명", "제출 수"],
                                            [[s, _status_text(s), c] for s, c in sorted(statuses.items())])]
    lines += ["", "## 문제별", "", _md_table(SUMMARY_HEADERS, [[r[c] for c in SUMMARY_COLUMNS] for r in summary])]
    lines += ["", "평균은 모든 제출물(채점하지 못한 제출물은 0점)로 계산합니다. 해석 문항은 루브릭을 채운 학생만 셉니다.",
              "", "![문제별 평균과 만점 비율](summary.png)", ""]
    (out / "summary.md").write_text("\n".join(lines), encoding="utf-8")
    summary_chart(out / "summary.png", target, summary)
    return summary


def _status_text(status: str) -> str:
    if status.startswith("error in "):
        return "실행 중 오류 (그 문제까지 채점)"
    return STATUS_TEXT.get(status, "")


def summary_chart(path: Path, target: Target, summary: list[dict]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from .. import plotting

    plotting.setup_plots()
    labels = [r["question"] + (" (해석)" if r["kind"] != "자동" else "") for r in summary]
    y = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(labels) + 1.8))
    ax.barh(y - 0.2, [r["mean_pct"] for r in summary], height=0.4, label="평균 점수(%)", color="#3182bd")
    ax.barh(y + 0.2, [r["solved_pct"] for r in summary], height=0.4, label="만점 비율(%)", color="#fd8d3c")
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    ax.set_title(f"{target.name} 문제별 평균과 만점 비율")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 / (len(labels) + 3)), ncol=2, frameon=False)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


# ---------------------------------------------------------------------------
# 해석 문항: 답안 모음과 루브릭
# ---------------------------------------------------------------------------

RUBRIC_COLUMNS = ["student", "question", "score", "reason"]
NO_ANSWER = "답을 쓰지 않았습니다."


def _who(record: dict) -> str:
    name = " ".join(x for x in [record["student_id"], record["student_name"]] if x)
    return name or record["student"]


def write_written_answers(out: Path, target: Target, records: list[dict]) -> None:
    folder = out / "written"
    if folder.exists():
        shutil.rmtree(folder)
    if not target.manual:
        return
    folder.mkdir(parents=True)
    for question in target.manual:
        lines = [f"# {question.name}: {question.title}", "",
                 f"과제 `{target.name}`, 배점 {question.points:g}점. 점수와 이유는 `rubric.csv` 에 적고 "
                 "`merge-rubric` 으로 합칩니다. 채점 기준은 멘토 가이드의 \"해석 문항 채점 기준\" 절을 보세요.", "",
                 "## 문항", "", _quote(question.prompt), ""]
        if question.mentor_note:
            lines += ["## 모범 답안과 채점 기준 (마스터, 멘토용)", "", _quote(question.mentor_note), ""]
        lines += ["## 학생 답안", ""]
        for record in records:
            answer = record["manual_answers"].get(question.name)
            lines += [f"### {_who(record)} (`{record['student']}`)", ""]
            if answer is None:
                lines.append(f"_(답을 읽지 못했습니다: {record['status']}. {record['detail']})_")
            elif not answer.strip():
                lines.append("_(답 없음)_")
            else:
                lines.append(_quote(answer))
            lines.append("")
        (folder / f"{question.name}.md").write_text("\n".join(lines), encoding="utf-8")


def _quote(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.strip().splitlines())


def write_rubric_template(out: Path, target: Target, records: list[dict]) -> None:
    """rubric.csv 를 만듭니다. 이미 있으면 멘토가 채운 행은 그대로 두고 빠진 행만 더합니다."""
    path = out / "rubric.csv"
    existing = {}
    if path.exists():
        for row in _read_csv_rows(path):
            existing[(row.get("student", ""), row.get("question", ""))] = row
    rows = []
    for record in records:
        for question in target.manual:
            key = (record["student"], question.name)
            if key in existing:
                rows.append(existing.pop(key))
                continue
            answer = record["manual_answers"].get(question.name)
            blank = answer is None or not answer.strip()
            rows.append({"student": record["student"], "question": question.name,
                         "score": "0" if blank else "", "reason": NO_ANSWER if blank else ""})
    # 지금 제출 목록에 없는 학생의 행은, 멘토가 점수를 적어 둔 것만 남깁니다 (merge-rubric 이 알려 줍니다).
    rows.extend(row for row in existing.values() if row.get("score"))
    if target.manual or rows:
        write_csv(path, RUBRIC_COLUMNS, rows, bom=True)


def _read_csv_rows(path: Path) -> list[dict]:
    from ..textio import detect_encoding

    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def read_rubric(path: Path, target: Target, records: list[dict], strict: bool = True) -> dict:
    """rubric.csv → {(학생, 문제): {'score': 점수 또는 None, 'reason': 이유}}.

    strict 이면 알 수 없는 학생·문제, 숫자가 아닌 점수, 배점을 넘는 점수, 이유 없는 감점을 오류로 알립니다.
    """
    if not path.exists():
        if strict:
            raise GradingError(f"루브릭 파일 '{path}' 가 없습니다.")
        return {}
    rows = _read_csv_rows(path)
    missing = [c for c in RUBRIC_COLUMNS if rows and c not in rows[0]]
    if missing:
        raise GradingError(f"파일 '{path.name}': 열(column) {', '.join(missing)} 이 없습니다. "
                           f"기대한 것(expected): {', '.join(RUBRIC_COLUMNS)}")
    students = {r["student"] for r in records}
    points = {q.name: q.points for q in target.manual}
    rubric, problems = {}, []
    for line, row in enumerate(rows, start=2):
        student, question, raw, reason = (row.get(c, "") for c in RUBRIC_COLUMNS)
        key = (student, question)
        where = f"{line}행"
        if student not in students:
            problems.append(f"{where}: 학생 '{student}' 는 이 채점의 제출 목록에 없습니다 "
                            "(student 열을 gradebook.csv 의 student 와 같게 고치거나 그 행을 지우세요).")
            continue
        if question not in points:
            problems.append(f"{where}: 문제 '{question}' 는 해석 문항이 아닙니다 (해석 문항: {', '.join(points)}).")
            continue
        if key in rubric:
            problems.append(f"{where}: {student} 의 {question} 이 두 번 나옵니다.")
            continue
        score = None
        if raw:
            try:
                score = float(raw.replace(",", "."))
            except ValueError:
                problems.append(f"{where}: 점수 '{raw}' 가 숫자가 아닙니다.")
                continue
            if not 0 <= score <= points[question]:
                problems.append(f"{where}: 점수 {raw} 가 0~{points[question]:g} 밖입니다.")
                continue
            if score < points[question] and not reason:
                problems.append(f"{where}: {student} 의 {question} 은 감점인데 이유(reason)가 비어 있습니다.")
        rubric[key] = {"score": score, "reason": reason}
    if problems and strict:
        raise GradingError(f"파일 '{path.name}' 에 고칠 곳이 {len(problems)}개 있습니다:\n  " + "\n  ".join(problems))
    return rubric


def merge_rubric(out: Path, rubric_path: Path | None = None) -> dict:
    """멘토가 채운 루브릭을 점수표·요약·피드백에 합칩니다. 채운 칸과 빈 칸 수를 돌려줍니다."""
    out = Path(out)
    target, records, run = load_state(out)
    path = Path(rubric_path) if rubric_path else out / "rubric.csv"
    rubric = read_rubric(path, target, records, strict=True)
    if path.resolve() != (out / "rubric.csv").resolve():   # 다른 파일(예: CP949)을 받았으면 UTF-8 로 옮겨 둡니다
        write_csv(out / "rubric.csv", RUBRIC_COLUMNS, _read_csv_rows(path), bom=True)
    write_reports(out, target, records, rubric, run)
    filled = sum(1 for v in rubric.values() if v["score"] is not None)
    expected = len(records) * len(target.manual)
    return {"filled": filled, "empty": expected - filled}


# ---------------------------------------------------------------------------
# 학생별 피드백
# ---------------------------------------------------------------------------

def feedback_text(record: dict, target: Target, rubric: dict) -> str:
    """학생에게 돌려줄 한국어 피드백. 검사 코드는 넣지 않고 메시지만 씁니다."""
    scores = auto_scores(record, target)
    earned = sum(scores.values())
    lines = [f"# {target.name} 채점 결과: {_who(record)}", "",
             f"- 제출 파일: `{record['file']}`",
             f"- 상태: {_status_line(record)}",
             f"- 자동 채점: {earned:.2f} / {target.auto_possible:g}점"]
    manual_lines = []
    manual_total = 0.0
    for question in target.manual:
        entry = rubric.get((record["student"], question.name))
        if entry and entry["score"] is not None:
            manual_total += entry["score"]
            reason = f" — {entry['reason']}" if entry["reason"] else ""
            manual_lines.append(f"- {question.title} (`{question.name}`): {entry['score']:g} / {question.points:g}점{reason}")
        else:
            manual_lines.append(f"- {question.title} (`{question.name}`): 멘토가 채점하는 중입니다 ({question.points:g}점)")
    if target.manual:
        lines.append(f"- 해석 문항(멘토 채점): {manual_total:g} / {target.manual_possible:g}점")
        lines.append(f"- 합계: {earned + manual_total:.2f} / {target.auto_possible + target.manual_possible:g}점")
    lines.append("")
    if not record["questions"]:
        lines += ["## 채점하지 못했습니다", "", _no_grade_advice(record, target), ""]
    else:
        errors = {}
        for error in record["errors"]:
            errors.setdefault(error["question"], error)
        outside = [e for e in record["errors"] if e["question"] is None]
        if outside:
            lines += ["## 본문 셀의 오류", "",
                      f"문제 밖의 셀 {len(outside)}곳에서 오류가 났습니다. 첫 오류: `{outside[0]['error']}`. "
                      "본문 셀을 고쳤다면 되돌리고, 위에서부터 차례로 다시 실행해 보세요.", ""]
        lines += ["## 문제별 결과", "", _md_table(["문제", "점수", "배점"],
                  [[f"{q.title} (`{q.name}`)", f"{scores[q.name]:.2f}", f"{q.points:g}"] for q in target.auto]), ""]
        for question in target.auto:
            if question.name in record.get("unanswered", []) and not errors.get(question.name):
                lines += [f"### {question.title} (`{question.name}`): 0.00 / {question.points:g}점", "",
                          "- 답을 쓰지 않았습니다 (답 칸의 `...` 가 그대로 있습니다).", ""]
                continue
            lines += _question_feedback(question, record["questions"].get(question.name), errors.get(question.name))
    if target.manual:
        lines += ["## 해석 문항", ""] + manual_lines + [""]
    lines += ["---", "공개 검사는 노트북의 `grader.check(...)` 로 다시 확인할 수 있습니다. "
              "숨은 검사는 값까지 확인하며, 메시지가 어디를 다시 볼지 알려 줍니다.", ""]
    return "\n".join(lines)


def _status_line(record: dict) -> str:
    status = record["status"]
    text = _status_text(status)
    detail = f" — {record['detail']}" if record["detail"] else ""
    return f"`{status}` ({text}){detail}" if text else f"`{status}`{detail}"


def _no_grade_advice(record: dict, target: Target) -> str:
    status = record["status"]
    if status == TIMEOUT:
        return ("제한 시간 안에 노트북 실행이 끝나지 않았습니다. 끝나지 않는 반복(`while True:` 등)이나 "
                "아주 오래 걸리는 셀이 있는지 확인하고, 커널을 다시 시작해 처음부터 끝까지 실행되는지 본 뒤 다시 내세요.")
    if status == NOT_NOTEBOOK:
        return (f"제출한 파일이 Jupyter 노트북이 아닙니다. `{target.notebook_name}` 노트북 파일(.ipynb)을 "
                "저장한 그대로 내세요 (PDF·파이썬 파일·압축 파일은 채점할 수 없습니다).")
    if status == WRONG_CHAPTER:
        return f"다른 과제의 노트북을 냈습니다. 이번 과제는 `{target.notebook_name}` 입니다."
    return "채점기가 노트북을 끝까지 실행하지 못했습니다. 멘토에게 알려 주세요."


def _question_feedback(question: AutoQuestion, result: dict | None, error: dict | None) -> list[str]:
    score = result["score"] if result else 0.0
    header = f"### {question.title} (`{question.name}`): {score:.2f} / {question.points:g}점"
    lines = [header, ""]
    if error:
        lines.append(f"- 이 문제의 셀을 실행하다가 오류가 났습니다: `{error['error']}`")
    cases = result["cases"] if result else []
    public = [c for c in cases if not c["hidden"]]
    hidden = [c for c in cases if c["hidden"]]
    if cases and all(c["passed"] for c in cases):
        lines += ["- 모든 검사를 통과했습니다.", ""]
        return lines
    if public:
        passed = sum(c["passed"] for c in public)
        lines.append(f"- 공개 검사 {len(public)}개 가운데 {passed}개 통과")
        lines += [f"  - ✗ {c['message']}" for c in public if not c["passed"]]
    if hidden:
        passed = sum(c["passed"] for c in hidden)
        lines.append(f"- 숨은 검사 {len(hidden)}개 가운데 {passed}개 통과")
        lines += [f"  - ✗ {c['message']}" for c in hidden if not c["passed"]]
    if not cases:
        lines.append("- 검사 결과가 없습니다.")
    lines.append("")
    return lines


def write_reports(out: Path, target: Target, records: list[dict], rubric: dict, run: dict) -> None:
    columns, rows = gradebook_rows(target, records, rubric)
    write_csv(out / "gradebook.csv", columns, rows)
    write_summary(out, target, records, rubric, run)
    folder = out / "feedback"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for record in records:
        (folder / f"{record['student']}.md").write_text(feedback_text(record, target, rubric), encoding="utf-8")


# ---------------------------------------------------------------------------
# 명령줄
# ---------------------------------------------------------------------------

HELP = """\
한 반의 제출물을 Docker 없이 채점합니다 (멘토용).

예:
  python -m sejongdata.tools.grading grade 제출/ --chapter 01 --timeout 120 --workers 2
  python -m sejongdata.tools.grading merge-rubric _build/grading/01_eoulling
  python -m sejongdata.tools.grading build-assignment "01:q3,q5 02:q2" --name hw1
  python -m sejongdata.tools.grading grade 제출/ --assignment hw1
"""


def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "_worker":
        return _worker(*argv[1:5])
    parser = argparse.ArgumentParser(prog="python -m sejongdata.tools.grading", description=HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="명령")

    grade = commands.add_parser("grade", help="제출 폴더를 채점합니다",
                                description="제출 폴더의 노트북을 채점하고 점수표·요약·피드백을 씁니다.")
    grade.add_argument("submissions", help="제출 폴더 (파일마다 한 명, 또는 학생마다 하위 폴더 하나)")
    which = grade.add_mutually_exclusive_group(required=True)
    which.add_argument("--chapter", help="장 번호나 이름 (예: 01 또는 01_eoulling)")
    which.add_argument("--assignment", help="build-assignment 로 만든 과제 이름이나 폴더 (예: hw1)")
    grade.add_argument("--timeout", type=float, default=120,
                       help="제출물 하나의 계산 시간(CPU 시간) 제한, 초 (기본 120). 컴퓨터가 바빠도 공정하게 잽니다")
    grade.add_argument("--wall-timeout", type=float, default=None,
                       help="실제 경과 시간 제한, 초 (기본: --timeout 의 3배). 입력을 기다리는 셀 등을 멈춥니다")
    grade.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                       help="동시에 채점할 제출물 수 (기본: CPU 수, 최대 4)")
    grade.add_argument("--out", help="결과 폴더 (기본: _build/grading/과제이름)")
    grade.add_argument("--no-progress", action="store_true", help="진행 막대를 끕니다")

    merge = commands.add_parser("merge-rubric", help="채운 rubric.csv 를 점수표에 합칩니다",
                                description="멘토가 채운 rubric.csv 의 해석 문항 점수를 점수표·요약·피드백에 합칩니다.")
    merge.add_argument("out", help="grade 가 쓴 결과 폴더")
    merge.add_argument("--rubric", help="루브릭 CSV (기본: 결과 폴더의 rubric.csv)")

    build = commands.add_parser("build-assignment", help="여러 장의 문제로 과제를 만듭니다",
                                description="고른 문제로 과제 마스터, 학생용 노트북, 채점기를 만듭니다.")
    build.add_argument("spec", help="'장:문제,문제 장:문제' (예: \"01:q3,q5 02:q2\")")
    build.add_argument("--name", required=True, help="과제 이름 (영문자·숫자, 예: hw1)")
    build.add_argument("--out", help="만들 폴더 (기본: _build/assignments/과제이름)")

    args = parser.parse_args(argv)
    try:
        if args.command == "grade":
            target = chapter_target(args.chapter) if args.chapter else assignment_target(args.assignment)
            out = Path(args.out) if args.out else GRADING_DIR / target.name
            records = grade_folder(Path(args.submissions), target, out, timeout=args.timeout,
                                   workers=args.workers, progress=not args.no_progress,
                                   wall_timeout=args.wall_timeout)
            statuses = Counter(r["status"] for r in records)
            print(f"제출 {len(records)}개: " + ", ".join(f"{s} {c}" for s, c in sorted(statuses.items())))
            print(f"점수표: {out / 'gradebook.csv'}")
            print(f"요약: {out / 'summary.md'}  피드백: {out / 'feedback'}")
            if target.manual:
                print(f"해석 문항 답안: {out / 'written'}  → {out / 'rubric.csv'} 를 채운 뒤 merge-rubric")
        elif args.command == "merge-rubric":
            counts = merge_rubric(Path(args.out), Path(args.rubric) if args.rubric else None)
            print(f"루브릭 점수 {counts['filled']}칸을 합쳤습니다 (빈 칸 {counts['empty']}개). "
                  f"점수표: {Path(args.out) / 'gradebook.csv'}")
        else:
            made = _assignment().build_assignment(args.spec, args.name, Path(args.out) if args.out else None)
            for key in ["master", "student", "autograder"]:
                print(f"{key}: {made[key]}")
    except Exception as error:  # noqa: BLE001
        if not isinstance(error, GradingError) and type(error).__name__ != "AssignmentError":
            raise
        print(f"오류: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
