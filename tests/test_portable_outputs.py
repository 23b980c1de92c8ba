"""컴퓨터마다 같은 출력: 저장된 노트북 출력에 전체 정밀도 실수가 없습니다 (실행하지 않는 빠른 검사).

BLAS·LAPACK 을 거친 계산의 끝자리는 CPU 마다 다릅니다 (예: 1.0176085377094135 와 1.017608537709339).
사람이 읽을 자릿수로 반올림해 보여 주면 어느 컴퓨터에서나 nbval 이 같은 출력을 봅니다.
"""
from __future__ import annotations

import json

import nbformat
import pytest

from conftest import REPO_ROOT
from sejongdata.tools import notebooks as nbtool

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb")) + nbtool.masters(REPO_ROOT)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stored_outputs_show_rounded_numbers(path):
    found = nbtool.long_floats(path)
    shown = ", ".join(f"셀 {i}: {n}" for i, n in found[:5])
    assert not found, (f"{path.parent.name}/{path.name} 의 저장된 출력에 유효숫자 {nbtool.LONG_FLOAT_DIGITS}자리 "
                       f"이상의 실수가 {len(found)}개 있습니다 ({shown}). 컴퓨터마다 끝자리가 달라 nbval 이 "
                       "실패합니다. 읽는 사람에게 필요한 자릿수로 반올림해 보여 주세요 (round, f'{x:.3f}').")


def test_significant_digit_count():
    assert nbtool.significant_digits("1.0176085377094135") == 17
    assert nbtool.significant_digits("-0.000123") == 3
    assert nbtool.significant_digits("40.17612263538485") == 16
    assert nbtool.significant_digits("36.512345") == 8
    assert nbtool.significant_digits("1.5e-14") == 2


def _notebook_with(tmp_path, outputs):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = outputs
    nb.cells = [nbformat.v4.new_markdown_cell("3.14159265358979"), cell]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_scan_finds_long_floats_in_text_and_maps_but_not_in_prose_or_images(tmp_path):
    stream = nbformat.v4.new_output("stream", name="stdout", text="산포 비: 1.0176085377094135\n")
    html = nbformat.v4.new_output("display_data", data={
        "text/html": '<iframe srcdoc="&quot;coordinates&quot;: [[127.28812345678901, 36.5]]"></iframe>',
        "image/png": "iVBORw0KGgo1.23456789012345"})
    rounded = nbformat.v4.new_output("execute_result", data={"text/plain": "1.018 40.18 36.512345"},
                                     execution_count=1)
    found = nbtool.long_floats(_notebook_with(tmp_path, [stream, html, rounded]))
    assert found == [(1, "1.0176085377094135"), (1, "127.28812345678901")]


def test_scan_sees_json_outputs(tmp_path):
    data = nbformat.v4.new_output("display_data", data={"application/json": {"v": 0.30000000000000004}})
    found = nbtool.long_floats(_notebook_with(tmp_path, [data]))
    assert found == [(1, "0.30000000000000004")], json.dumps(found)
