"""환경 고정: requirements.txt 와 environment.yml 이 서로 어긋나지 않는지 확인합니다."""
from __future__ import annotations

import re

import yaml

from conftest import REPO_ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.\-+]+)$")


def requirement_pins() -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"requirements.txt 의 '{line}' 은 '이름==버전' 꼴로 고정되어 있지 않습니다."
        pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def test_every_requirement_is_pinned():
    pins = requirement_pins()
    for name in ["jupyter-book", "pandas", "numpy", "folium", "otter-grader", "nbval", "pytest"]:
        assert name in pins, f"{name} 이 requirements.txt 에 고정되어 있지 않습니다."


def test_environment_yml_uses_the_same_pins():
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = requirement_pins()
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-r requirements.txt" in pip_section, "environment.yml 의 pip 항목이 requirements.txt 를 쓰지 않습니다."
    for item in [d for d in env["dependencies"] if isinstance(d, str)] + pip_section:
        match = re.match(r"^([A-Za-z0-9_.\-]+)\s*[=<>!~]=?\s*([0-9][^\s,]*)", item)
        if not match or match.group(1) == "python":
            continue
        name = match.group(1).lower().replace("_", "-")
        assert name in pins and pins[name] == match.group(2), \
            f"environment.yml 의 {item} 이 requirements.txt ({pins.get(name)}) 와 다릅니다."


def test_python_version_matches_the_machine():
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"]


def test_no_import_time_grammar_builder_in_the_lock():
    """rfc3987-syntax 는 import 때 lark 문법을 만들어 커널마다 몇 초씩 씁니다 (jsonschema 4.23 고정의 이유)."""
    pins = requirement_pins()
    assert "rfc3987-syntax" not in pins and "lark" not in pins, \
        "rfc3987-syntax/lark 가 다시 들어왔습니다: jsonschema 를 4.23.0 으로 두세요 (requirements.txt 머리말)."
    assert pins["jsonschema"] == "4.23.0"
