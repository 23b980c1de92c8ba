"""예외와 경고의 모양 검사."""
from __future__ import annotations

import io
import warnings

from sejongdata import SejongDataError, SejongDataWarning
from sejongdata import errors
from sejongdata.errors import _show_sejong_warning, install_warning_format


def test_error_names_file_expected_and_found(tmp_path):
    error = SejongDataError(tmp_path / "자료.csv", "필수 열(column)이 없습니다.",
                            expected=["총인구수"], found=["행정구역"], hint="머리글을 확인하세요.")
    text = str(error)
    for part in ["자료.csv", "기대한 것(expected): 총인구수", "찾은 것(found): 행정구역", "도움말(hint)"]:
        assert part in text


def test_sejong_warning_is_one_line_without_paths():
    stream = io.StringIO()
    _show_sejong_warning("위도와 경도를 바꿨습니다.", SejongDataWarning, "/some/path/x.py", 12, stream)
    assert stream.getvalue() == "SejongDataWarning: 위도와 경도를 바꿨습니다.\n"


def test_warning_hook_is_installed_and_other_warnings_go_to_the_previous_hook(monkeypatch):
    with warnings.catch_warnings():
        install_warning_format()
        assert warnings.showwarning is _show_sejong_warning
    calls = []
    monkeypatch.setattr(errors, "_previous_showwarning", lambda *args: calls.append(args))
    _show_sejong_warning("다른 경고", UserWarning, "/some/path/x.py", 12, io.StringIO())
    assert calls and calls[0][1] is UserWarning


def test_error_without_a_file_starts_with_the_problem():
    text = str(SejongDataError(None, "grid.cell_ids: 좌표가 격자 밖입니다.", expected="위도 36.4~36.75", found="127.3"))
    assert text.splitlines()[0] == "grid.cell_ids: 좌표가 격자 밖입니다."
    assert "파일" not in text and "경로(path)" not in text
