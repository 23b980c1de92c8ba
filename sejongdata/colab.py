"""Colab 에서 연습문제 검사(grader.check)가 돌게 하는 도구.

otter-grader 는 Colab 에서 노트북 파일을 읽을 수 없으므로(노트북이 디스크에 없음) 노트북 메타데이터에 든
테스트를 쓰지 못하고 ``./tests`` 폴더의 테스트 파일만 찾습니다. 각 장 노트북의 첫 셀(Colab 준비 셀)이
저장소에서 받은 학생용 노트북의 **공개** 테스트를 ``tests/q1.py`` 같은 파일로 써 둡니다.
학생용 노트북에는 공개 테스트만 들어 있으므로 숨은 테스트는 여기에도 없습니다.
"""
from __future__ import annotations

import json
import pprint
from pathlib import Path

from .errors import SejongDataError


def public_tests(notebook) -> dict[str, dict]:
    """학생용 노트북의 otter 메타데이터에서 {문제 이름: OK 형식 테스트} 를 꺼냅니다 (숨은 케이스는 뺍니다)."""
    path = Path(notebook)
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("otter", {})
    tests = meta.get("tests")
    if not tests:
        raise SejongDataError(path, "노트북에 otter 테스트 메타데이터가 없습니다.",
                              expected="metadata.otter.tests (make notebooks 로 만든 학생용 노트북)",
                              found=sorted(meta) or "없음")
    public = {}
    for name, spec in tests.items():
        spec = json.loads(json.dumps(spec))
        for suite in spec.get("suites", []):
            suite["cases"] = [c for c in suite.get("cases", []) if not c.get("hidden")]
        public[name] = spec
    return public


MARKER = "# sejongdata: Colab 용 공개 테스트 (make notebooks 가 만든 학생용 노트북에서 꺼냄)"


def write_public_tests(notebook, folder="tests") -> list[Path]:
    """공개 테스트를 ``folder/<문제>.py`` (otter 의 OK 형식 파일) 로 씁니다.

    폴더가 없으면 만듭니다. 이 함수가 전에 쓴 파일(첫 줄이 :data:`MARKER`)만 지우고 다시 쓰며,
    그 밖의 파일은 절대 지우거나 덮어쓰지 않습니다 (같은 이름의 남의 파일이 있으면 오류).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tests = public_tests(notebook)
    for old in folder.glob("*.py"):
        if old.read_text(encoding="utf-8", errors="replace").startswith(MARKER):
            old.unlink()
    written = []
    for name, spec in sorted(tests.items()):
        path = folder / f"{name}.py"
        if path.exists():
            raise SejongDataError(path, "같은 이름의 다른 파일이 있어 공개 테스트를 쓰지 않았습니다.",
                                  expected=f"{folder} 안에 {name}.py 가 없거나 이 도구가 쓴 파일",
                                  found="다른 내용의 파일", hint="다른 폴더를 주거나 그 파일을 옮기세요.")
        path.write_text(MARKER + "\nOK_FORMAT = True\n\ntest = " + pprint.pformat(spec, width=100) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
