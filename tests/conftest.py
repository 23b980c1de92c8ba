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


# --- 워커 둘이 함께 쓰는 무거운 준비 (책 빌드, 자료 다시 만들기) --------------------------------------

def shared_once(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` 를 'make test' 한 번에 한 번만 돌리고 그 폴더를 돌려줍니다.

    xdist 워커는 프로세스가 따로라 세션 fixture 도 워커마다 돕니다. 두 워커가 같은 결과(책 빌드,
    모의 자료 재생성)를 두 번 만들지 않도록, 워커들이 함께 쓰는 임시 폴더에 파일 잠금을 걸고 만듭니다.
    만들다 실패하면 완료 표시를 남기지 않으므로 다음 테스트가 다시 만들며 같은 오류를 보고합니다.
    """
    import fcntl
    import shutil

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent                      # 워커들의 basetemp 가 함께 든 폴더
    folder = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / f"shared-{name}.done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            done.write_text("ok", encoding="utf-8")
    return folder


def clear_generator_caches() -> None:
    """생성기 모듈의 lru_cache 를 모두 비웁니다 (공통 도시부터 처음부터 다시 만들게)."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("sejongdata.generate"):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


@pytest.fixture(scope="session")
def regenerated(tmp_path_factory):
    """``regenerated("bike")``: 그 생성기 모듈의 기본 자료를 캐시 없이 새로 만든 폴더 (한 번만 만듦)."""
    def _make(module: str) -> Path:
        from sejongdata.generate import generate

        def make(folder: Path) -> None:
            clear_generator_caches()
            generate(folder, only=[module])
        return shared_once(tmp_path_factory, f"generate-{module}", make)
    return _make


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> dict:
    """책을 한 번 빌드한 결과: ``{"html": 폴더, "seconds": 빌드 시간}`` (test_site·test_publish 가 함께 씀)."""
    import json

    from sejongdata.tools import site

    def make(folder: Path) -> None:
        seconds = site.build_book(REPO_ROOT, folder)
        (folder / "build-seconds.json").write_text(json.dumps(seconds), encoding="utf-8")
    folder = shared_once(tmp_path_factory, "book", make)
    return {"html": folder / "_build" / "html",
            "seconds": json.loads((folder / "build-seconds.json").read_text(encoding="utf-8"))}
