"""연습문제 파이프라인 검사 (otter-grader).

- 학생용 노트북은 'make notebooks' 가 마스터에서 만든 것과 같습니다 (어긋남 없음). 컴퓨터마다 다른
  부분(파이썬 설치 경로, 패치 버전)만 nbval 의 sanitize 규칙으로 지우고 나머지는 글자 그대로 비교합니다.
- 학생용 노트북에는 정답 코드와 숨은 테스트가 없습니다.
- 자동 채점 문제는 빈 학생용 노트북에서 0점, 정답 노트북에서 만점입니다 (Docker 없이 채점).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT
from sejongdata.tools import notebooks as nbtool

MASTERS = nbtool.masters(REPO_ROOT)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """모든 마스터를 임시 폴더에서 다시 만듭니다 (저장소 파일은 건드리지 않습니다)."""
    assert MASTERS, "solutions/ 에 마스터 노트북이 없습니다."
    tmp = tmp_path_factory.mktemp("rebuild")
    (tmp / "solutions").mkdir()
    for master in MASTERS:
        shutil.copyfile(master, tmp / "solutions" / master.name)
        nbtool.build(tmp / "solutions" / master.name, tmp / "notebooks", tmp / "autograder",
                     root=REPO_ROOT)
    return tmp


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_student_notebook_is_what_make_notebooks_makes(rebuilt, master):
    committed = nbtool.comparable(REPO_ROOT / "notebooks" / master.name)
    fresh = nbtool.comparable(rebuilt / "notebooks" / master.name)
    assert fresh == committed, (f"notebooks/{master.name} 이 마스터에서 새로 만든 것과 다릅니다. "
                                "'make notebooks' 를 돌리고 결과를 커밋하세요.")


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_master_outputs_are_current(rebuilt, master):
    fresh = nbtool.comparable(rebuilt / "solutions" / master.name)
    assert fresh == nbtool.comparable(master), (f"solutions/{master.name} 의 저장된 출력이 다시 실행한 것과 "
                                          "다릅니다. 'make notebooks' 를 돌리고 커밋하세요.")


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_student_notebook_has_no_solutions_or_hidden_tests(master):
    secrets = nbtool.secret_lines(master)
    assert secrets, f"{master.name} 에서 정답 줄을 하나도 찾지 못했습니다 (검사가 헛돕니다)."
    student = (REPO_ROOT / "notebooks" / master.name).read_text(encoding="utf-8")
    text = json.loads(student)
    body = "\n".join("".join(c["source"]) for c in text["cells"])
    body += json.dumps(text["metadata"], ensure_ascii=False)
    leaked = sorted(s for s in secrets if s in body)
    assert not leaked, f"학생용 {master.name} 에 정답/숨은 테스트가 들어 있습니다: {leaked[:5]}"
    for marker in ["BEGIN SOLUTION", "END SOLUTION", "# HIDDEN", "hidden: true"]:
        assert marker not in student, f"학생용 {master.name} 에 '{marker}' 가 있습니다."


def grade(zip_path: Path, notebook: Path, out: Path) -> dict[str, tuple[float, float]]:
    """otter run (Docker 없이) 으로 채점하고 {문제: (점수, 만점)} 을 돌려줍니다."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "otter", "run", "-a", str(zip_path), "-o", str(out),
           "--no-logo", str(notebook)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, f"otter run 실패:\n{done.stdout}\n{done.stderr}"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {t["name"]: (t["score"], t["max_score"]) for t in results["tests"]
            if t["name"] != "Public Tests"}


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_blank_scores_zero_and_solution_scores_full(rebuilt, master, tmp_path):
    zip_path = rebuilt / "autograder" / f"{master.stem}-autograder.zip"
    blank = grade(zip_path, REPO_ROOT / "notebooks" / master.name, tmp_path / "blank")
    solved = grade(zip_path, rebuilt / "autograder" / f"{master.stem}-solution.ipynb",
                   tmp_path / "solved")
    assert len(blank) >= 5, f"자동 채점 문제가 {len(blank)}개뿐입니다 (5개 이상이어야 합니다)."
    assert set(blank) == set(solved)
    for name, (score, max_score) in blank.items():
        assert max_score > 0, f"{name} 의 배점이 0입니다."
        assert score == 0, f"빈 학생용 노트북인데 {name} 이 {score}점을 받았습니다 (검사가 헛돕니다)."
    for name, (score, max_score) in solved.items():
        assert score == max_score, f"정답 노트북인데 {name} 이 {score}/{max_score}점입니다."


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_checks_are_hidden_in_the_book(master):
    nb = nbformat.read(str(REPO_ROOT / "notebooks" / master.name), as_version=4)
    checks = [c for c in nb.cells
              if c.cell_type == "code" and c.source.lstrip().startswith("grader.check")]
    assert checks, "grader.check 셀이 없습니다."
    for cell in checks:
        assert "remove-output" in cell.metadata.get("tags", []), \
            "grader.check 셀의 실패 보고가 책에 보입니다 (remove-output 태그가 없음)."
