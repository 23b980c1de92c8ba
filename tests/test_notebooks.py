"""장 노트북의 모양 검사: 데이터 찾기, Colab 셀, 장의 구성, 셀 길이."""
from __future__ import annotations

import nbformat
import pytest

from conftest import REPO_ROOT
from sejongdata.tools import notebooks as nbtool

STUDENT = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
ALL = STUDENT + nbtool.masters(REPO_ROOT)


def code_cells(path):
    nb = nbformat.read(str(path), as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_data_is_found_through_the_package(path):
    for cell in code_cells(path):
        for bad in ["../datasets", "datasets/", "/work/", "read_csv(\"", "read_csv('"]:
            assert bad not in cell.source, (f"{path.name}: 데이터는 data_path() 로 찾아야 합니다 "
                                            f"(찾은 것: {bad!r}).")


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_first_code_cell_is_the_colab_cell_from_config(path):
    first = code_cells(path)[0]
    assert nbtool.COLAB_TAG in first.metadata.get("tags", []), "첫 코드 셀이 Colab 준비 셀이 아닙니다."
    assert first.source == nbtool.colab_source(REPO_ROOT, path.stem), \
        "Colab 셀이 _config.yml 의 저장소 주소로 만든 것과 다릅니다 ('make notebooks')."
    assert 'if "google.colab" in sys.modules:' in first.source


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_chapter_has_the_parts_students_expect(path):
    nb = nbformat.read(str(path), as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for part in ["학습 목표", "소요 시간", "사전 지식", "세종시의 질문", "핵심 정리",
                 "실제 데이터", "모의 데이터", "연습문제"]:
        assert part in text, f"{path.name} 에 '{part}' 부분이 없습니다."
    assert text.index("## 세종시의 질문") < text.index("## 연습문제"), "세종시의 질문이 연습문제보다 먼저 와야 합니다."


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_visible_code_cells_are_short(path):
    for cell in code_cells(path):
        if nbtool.COLAB_TAG in cell.metadata.get("tags", []):
            continue
        lines = [l for l in cell.source.splitlines() if l.strip() and not l.strip().startswith("#")]
        assert len(lines) <= 10, f"{path.name}: {len(lines)}줄짜리 셀이 있습니다 (10줄 이하):\n{cell.source}"


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_stored_outputs_have_no_errors_or_warnings(path):
    for cell in code_cells(path):
        if "grader.check" in cell.source:
            continue
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{path.name}: 오류 출력이 저장되어 있습니다:\n{cell.source}"
            if output.output_type == "stream" and output.name == "stderr":
                # 패키지 리더의 경고(SejongDataWarning: ...)는 가르치려고 보여 줍니다. 그 밖의 경고는 안 됩니다.
                others = [l for l in output.text.splitlines()
                          if l.strip() and not l.startswith("SejongDataWarning: ")]
                assert not others, f"{path.name}: 경고(stderr)가 저장되어 있습니다: {others[:3]}"
