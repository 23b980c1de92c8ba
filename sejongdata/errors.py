"""패키지 공통 예외 (exception).

공식 파일을 읽다가 형식이 맞지 않으면 언제나 :class:`SejongDataError` 하나만 던집니다.
메시지에는 파일 이름, 기대한 것(expected), 실제로 찾은 것(found)이 들어갑니다.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path


class SejongDataError(ValueError):
    """공식 형식 파일을 읽을 수 없을 때 던지는 예외 (file format error)."""

    def __init__(self, path, problem: str, expected=None, found=None, hint: str | None = None):
        self.path = Path(path) if path is not None else None
        self.problem = problem
        self.expected = expected
        self.found = found
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        # 파일이 없는 오류(예: grid.cell_ids 의 좌표 검사)는 문제부터 씁니다.
        lines = [f"파일 '{self.path.name}': {self.problem}" if self.path is not None else self.problem]
        if self.expected is not None:
            lines.append(f"  기대한 것(expected): {_show(self.expected)}")
        if self.found is not None:
            lines.append(f"  찾은 것(found): {_show(self.found)}")
        if self.hint:
            lines.append(f"  도움말(hint): {self.hint}")
        if self.path is not None:
            lines.append(f"  경로(path): {self.path}")
        return "\n".join(lines)


class SejongDataWarning(UserWarning):
    """읽기는 했지만 알아 두어야 할 일이 있을 때 내는 경고 (warning).

    예: 문서에 없는 설명 줄을 건너뛰었을 때, 잘못된 도형(geometry)을 고쳤을 때, 시트를 건너뛰었을 때.
    ``warnings.simplefilter("error", SejongDataWarning)`` 로 오류처럼 다룰 수 있습니다.
    """


def _show(value) -> str:
    if isinstance(value, (list, tuple, set)):
        items = [str(v) for v in value]
        if len(items) > 12:
            items = items[:12] + [f"... (모두 {len(value)}개)"]
        return ", ".join(items) if items else "(없음)"
    return str(value)


_previous_showwarning = warnings.showwarning


def _show_sejong_warning(message, category, filename, lineno, file=None, line=None):
    """SejongDataWarning 은 파일 경로 없이 'SejongDataWarning: 메시지' 한 줄로 보여 줍니다.

    기본 형식은 패키지 설치 경로를 찍으므로 컴퓨터마다 노트북 출력이 달라집니다 (nbval 재현성).
    다른 경고는 파이썬의 기본 방식 그대로 보여 줍니다.
    """
    if isinstance(category, type) and issubclass(category, SejongDataWarning):
        stream = file if file is not None else sys.stderr
        stream.write(f"{category.__name__}: {message}\n")
        return
    _previous_showwarning(message, category, filename, lineno, file, line)


def install_warning_format() -> None:
    """패키지를 가져올 때 한 번 부릅니다 (sejongdata/__init__.py)."""
    global _previous_showwarning
    if warnings.showwarning is not _show_sejong_warning:
        _previous_showwarning = warnings.showwarning
        warnings.showwarning = _show_sejong_warning
