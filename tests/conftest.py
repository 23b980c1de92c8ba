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


def item_chapters(item) -> set[str]:
    """테스트 하나가 속한 장들: 장 노트북(nbval), @pytest.mark.chapter(...), 노트북을 인자로 받는 검사."""
    path = Path(str(item.fspath))
    if path.suffix == ".ipynb":
        return {path.name[:2]}
    chapters = set()
    for marker in item.iter_markers("chapter"):
        chapters |= {str(a).zfill(2) for a in marker.args}
    params = getattr(getattr(item, "callspec", None), "params", {})
    chapters |= {p.name[:2] for p in params.values() if isinstance(p, Path) and p.suffix == ".ipynb"}
    return chapters


def pytest_collection_modifyitems(config, items):
    """--chapter 를 주면 그 장의 노트북과 그 장에 속한 테스트만 남깁니다."""
    wanted = {c.zfill(2) for c in config.getoption("--chapter")}
    if not wanted:
        return
    keep, drop = [], []
    for item in items:
        (keep if item_chapters(item) & wanted else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = keep


# ---------------------------------------------------------------------------
# make bench: 장마다 테스트 시간 (SEJONG_TEST_TIMINGS=파일 이면 기록)
# ---------------------------------------------------------------------------

_TIMINGS: list[dict] = []


def pytest_runtest_setup(item):
    item.user_properties.append(("chapters", ",".join(sorted(item_chapters(item)))))


def pytest_runtest_logreport(report):
    if os.environ.get("SEJONG_TEST_TIMINGS"):
        chapters = dict(report.user_properties).get("chapters", "")
        _TIMINGS.append({"nodeid": report.nodeid, "when": report.when, "duration": report.duration,
                         "outcome": report.outcome, "chapters": chapters})


def pytest_sessionfinish(session):
    target = os.environ.get("SEJONG_TEST_TIMINGS")
    if target and not hasattr(session.config, "workerinput"):  # xdist 워커가 아니라 모으는 쪽에서만 씁니다
        import json

        Path(target).write_text(json.dumps(_TIMINGS, ensure_ascii=False), encoding="utf-8")


def stored_maps(page: str) -> int:
    """장 쪽(notebooks/NN_slug.html)의 학생용 노트북에 저장된 folium 지도 출력 수 (쪽에 그려져야 하는 지도 수)."""
    import json

    nb = json.loads((REPO_ROOT / "notebooks" / f"{Path(page).stem}.ipynb").read_text(encoding="utf-8"))
    return sum("srcdoc=" in "".join(o.get("data", {}).get("text/html", ""))
               for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))
