"""데이터 폴더 찾기 (data location).

노트북은 상대 경로 대신 :func:`data_path` 로 데이터 파일을 찾습니다. 그래서 notebooks/ 에서도,
채점기(autograder)의 임시 폴더에서도, Colab 에서도 같은 코드가 동작합니다.

찾는 순서
1. 환경 변수 ``SEJONG_DATA_DIR`` (Colab 첫 셀이 설정합니다)
2. 저장소 체크아웃의 ``datasets/`` (``pip install -e .`` 로 설치한 경우)
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import SejongDataError

ENV_VAR = "SEJONG_DATA_DIR"
REPO_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """데이터 파일이 있는 폴더를 돌려줍니다."""
    env = os.environ.get(ENV_VAR)
    if env:
        path = Path(env).expanduser()
        if not path.is_dir():
            raise SejongDataError(path, "환경 변수 SEJONG_DATA_DIR 가 가리키는 폴더가 없습니다.",
                                  expected="datasets 폴더", found="없음")
        return path
    path = REPO_ROOT / "datasets"
    if path.is_dir():
        return path
    raise SejongDataError(
        None, "데이터 폴더(datasets)를 찾지 못했습니다.",
        expected=f"{path} 또는 환경 변수 {ENV_VAR}",
        found="없음",
        hint="저장소를 내려받아 'pip install -e .' 로 설치하거나, SEJONG_DATA_DIR 를 설정하세요.",
    )


def data_path(name: str) -> Path:
    """데이터 파일 하나의 경로를 돌려줍니다. 파일이 없으면 분명한 오류를 냅니다."""
    path = data_dir() / name
    if not path.exists():
        available = sorted(p.name for p in data_dir().iterdir() if not p.name.startswith("."))
        raise SejongDataError(path, "데이터 파일이 없습니다.", expected=name, found=available,
                              hint="'make data' 로 데이터를 다시 만들 수 있습니다.")
    return path
