"""공통 테스트 설정."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def realdata_dir() -> Path | None:
    """../shared/realdata (실제 공개 파일, 저장소에는 없음). 없으면 None."""
    env = os.environ.get("SEJONG_REALDATA")
    candidates = [Path(env)] if env else []
    candidates.append(REPO_ROOT.parent / "shared" / "realdata")
    for path in candidates:
        if path.is_dir():
            return path
    return None


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


def assert_error(excinfo, path: Path, *needles: str) -> str:
    """오류 메시지에 파일 이름과 기대·찾은 내용이 들어 있는지 확인합니다 (리더 테스트가 함께 씀)."""
    message = str(excinfo.value)
    assert path.name in message, message
    for needle in needles:
        assert needle in message, f"{needle!r} 가 메시지에 없습니다:\n{message}"
    return message


def pytest_addoption(parser):
    parser.addoption("--chapter", action="append", default=[],
                     help="이 장(예: 03)에 속한 테스트만 돌립니다 (make test CHAPTER=03)")


def pytest_collection_modifyitems(config, items):
    """--chapter 를 주면 그 장의 노트북과 @pytest.mark.chapter(...) 가 붙은 테스트만 남깁니다."""
    wanted = {c.zfill(2) for c in config.getoption("--chapter")}
    if not wanted:
        return
    keep, drop = [], []
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb":
            mine = path.name[:2] in wanted
        else:
            marker = item.get_closest_marker("chapter")
            mine = marker is not None and bool(wanted & {str(a).zfill(2) for a in marker.args})
            params = getattr(getattr(item, "callspec", None), "params", {})
            notebooks = [p for p in params.values() if isinstance(p, Path) and p.suffix == ".ipynb"]
            mine = mine or any(p.name[:2] in wanted for p in notebooks)
        (keep if mine else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = keep
