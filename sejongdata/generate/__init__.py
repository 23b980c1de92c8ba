"""모의 데이터 생성기 (simulated-data generators).

``python -m sejongdata.generate [--out DIR] [--only NAME]`` 가 모든 자료를 ``datasets/`` 에 씁니다.

새 장(chapter)의 자료를 더하는 방법
1. ``sejongdata/generate/<이름>.py`` 모듈을 만들고, ``DATASETS`` 에
   ``(이름, 파일 이름, 쓰기 함수)`` 를 나열합니다. 쓰기 함수는 ``write(city, out_dir)`` 꼴이며
   ``city`` 는 :func:`base.build_city` 의 공통 도시입니다 (기초 자료를 다시 만들지 마세요).
2. 난수는 ``base.rng("<이름>")`` 처럼 자기 이름으로 만든 생성기만 씁니다.
3. 아래 ``MODULES`` 에 모듈 이름을 더합니다.
4. ``datasets/<파일 이름에서 확장자를 뺀 것>.md`` 데이터 카드를 씁니다.

크고 커밋하지 않는 자료는 모듈의 ``OPTIONAL_DATASETS`` 에 같은 꼴로 나열합니다. 이런 자료는 기본
실행과 MANIFEST 에서 빠지고, ``--only`` 에 그 자료 이름이나 파일 이름을 댈 때만 만들어집니다
(모듈 이름으로는 고르지 않음). 예: ``python -m sejongdata.generate --only eoulling_trips_full``.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..paths import REPO_ROOT
from .base import SEED, City, build_city, write_manifest

# 자료를 만드는 모듈 목록 (이 순서대로 실행). 새 장의 모듈은 여기에 더합니다.
MODULES: tuple[str, ...] = (
    "foundation",
    "stores",        # 기반층: 도시의 상가 (5·6·7장이 함께 씀)
    "bike",
    "pm",
    "migration",
    "yeominjeon",    # 5장 여민전: 가맹점, 정책 달력, 가입자, 일별·분기별 결제 집계
    "housing",       # 6장 주택시장 (실거래가 매매·전월세, 공시지가, 표제부)
    "sns",
    "cleannet",      # 7장 자동크린넷
)
DEFAULT_OUT = REPO_ROOT / "datasets"


@dataclass(frozen=True)
class Dataset:
    """등록된 자료 하나."""

    name: str                                  # --only 에 쓰는 이름
    filename: str                              # datasets/ 안의 파일 이름
    write: Callable[[City, Path], None]        # write(city, out_dir)
    module: str                                # 만든 모듈
    optional: bool = False                     # True 면 이름을 댈 때만 만들고 MANIFEST 에서 뺌


def registry(include_optional: bool = False) -> list[Dataset]:
    """등록된 자료 (MODULES 순서, 모듈 안에서는 DATASETS 순서). 선택 자료는 요청할 때만 뒤에 붙음."""
    found, optional = [], []
    for mod_name in MODULES:
        module = importlib.import_module(f"{__name__}.{mod_name}")
        found += [Dataset(name, filename, write, mod_name)
                  for name, filename, write in module.DATASETS]
        optional += [Dataset(name, filename, write, mod_name, optional=True)
                     for name, filename, write in getattr(module, "OPTIONAL_DATASETS", ())]
    return found + optional if include_optional else found


def _keys(d: Dataset) -> set[str]:
    """``--only`` 로 고를 수 있는 이름: 기본 자료는 자료·파일·모듈 이름, 선택 자료는 자료·파일 이름."""
    return {d.name, d.filename} if d.optional else {d.name, d.filename, d.module}


def select(only: list[str] | None) -> list[Dataset]:
    """``--only`` 이름에 맞는 자료. 이름이 없으면 기본 자료 전부 (선택 자료 제외)."""
    if not only:
        return registry()
    datasets = registry(include_optional=True)
    chosen = [d for d in datasets if _keys(d) & set(only)]
    unknown = set(only) - {k for d in datasets for k in _keys(d)}
    if unknown:
        raise SystemExit(f"모르는 자료 이름: {sorted(unknown)}. "
                         f"가능한 이름: {[d.name for d in datasets]}")
    return chosen


def generate(out_dir: Path | str | None = None, only: list[str] | None = None,
             seed: int = SEED) -> list[Path]:
    """자료를 쓰고, 폴더에 있는 등록 자료 전부의 MANIFEST.sha256 을 다시 씁니다."""
    out = Path(out_dir) if out_dir is not None else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    city = build_city(seed)
    written = []
    for dataset in select(only):
        dataset.write(city, out)
        written.append(out / dataset.filename)
    present = [d.filename for d in registry() if (out / d.filename).exists()]
    write_manifest(out, present)
    return written


__all__ = ["MODULES", "SEED", "Dataset", "build_city", "generate", "registry", "select"]
