"""9장 벤치마크: 같은 세 질문을 pandas·DuckDB·Spark 로 1배·5배·20배 자료에서 풀어 시간과 메모리를 잽니다.

``make bench-bigdata`` (``python -m sejongdata.tools.bench_bigdata --scales 1 5 20``) 가
``bench/bigdata.json`` 과 ``bench/bigdata.md`` 를 씁니다. 9장은 이 저장된 결과를 보여 줍니다.

재는 법: (엔진, 질문, 배수)마다 새 파이썬 프로세스를 띄우고, 부모가 0.1초마다 그 프로세스와 자손
(Spark 면 JVM 까지)의 RSS 합을 읽어 가장 큰 값을 최대 메모리로 적습니다. 시간은 자식이 잰 질문 시간
(자료 읽기 포함, 프로세스·세션 시작 제외)과 부모가 잰 전체 벽시계 시간 둘 다 적습니다.
pandas 는 필요한 열을 모두 메모리에 올린 뒤 groupby 합니다 (DuckDB 로 Parquet 을 읽어 pandas 표로 넘김;
이 환경에는 pyarrow 가 없음). 프로세스 트리의 RSS 가 ``--memory-limit-gb`` (기본 6 GB)를 넘으면 끝내고
"메모리 한도 초과" 로 적습니다 (짐작이 아니라 잰 것).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import psutil

from ..paths import REPO_ROOT

ENGINES = ("pandas", "duckdb", "spark")
QUESTIONS = ("hourly", "top_od", "monthly_weather")
OUT = REPO_ROOT / "bench"
TOP_N = 10


# ---------------------------------------------------------------------------
# 질문 (엔진마다 같은 답)
# ---------------------------------------------------------------------------
def monthly_weather() -> "pd.DataFrame":
    """ASOS 시간 자료의 달마다 평균 기온(°C)과 강수량 합(mm)."""
    from .. import readers as rd, data_path

    w = rd.read_asos_hourly(data_path("asos_hourly_sejong_2020.csv"))
    w["month"] = w["time"].dt.strftime("%Y-%m")
    return w.groupby("month", as_index=False).agg(temp_c=("temp_c", "mean"), precip_mm=("precip_mm", "sum"))


def _src(path: Path) -> str:
    return f"read_parquet('{path}/*/*.parquet', hive_partitioning = true)"


def duckdb_answer(con, path: Path, question: str):
    src = _src(path)
    if question == "hourly":
        return con.sql(f"""SELECT start_station, dayofweek(start_time) IN (0, 6) AS weekend,
            hour(start_time) AS hour, count(*) AS rentals FROM {src} GROUP BY ALL""").df()
    if question == "top_od":
        return con.sql(f"""SELECT start_station, end_station, count(*) AS trips FROM {src}
            WHERE start_station <> end_station GROUP BY ALL
            ORDER BY trips DESC, start_station, end_station LIMIT {TOP_N}""").df()
    weather = monthly_weather()  # noqa: F841  (DuckDB 가 이름으로 pandas 표를 읽음)
    return con.sql(f"""SELECT t.month, t.rentals, t.mean_km, w.temp_c, w.precip_mm
        FROM (SELECT month, count(*) AS rentals, avg(distance_m) / 1000 AS mean_km FROM {src} GROUP BY month) t
        JOIN weather w USING (month) ORDER BY month""").df()


def pandas_answer(con, path: Path, question: str):
    cols = {"hourly": "start_station, start_time", "top_od": "start_station, end_station",
            "monthly_weather": "month, distance_m"}[question]
    df = con.sql(f"SELECT {cols} FROM {_src(path)}").df()      # 모든 행을 pandas 메모리로
    if question == "hourly":
        t = df["start_time"]
        keys = [df["start_station"], t.dt.day_of_week.isin([5, 6]).rename("weekend"), t.dt.hour.rename("hour")]
        return df.groupby(keys).size().rename("rentals").reset_index()
    if question == "top_od":
        pairs = df[df["start_station"] != df["end_station"]].value_counts(["start_station", "end_station"])
        out = pairs.rename("trips").reset_index()
        return out.sort_values(["trips", "start_station", "end_station"],
                               ascending=[False, True, True]).head(TOP_N).reset_index(drop=True)
    out = df.groupby("month").agg(rentals=("distance_m", "size"), mean_km=("distance_m", "mean"))
    out["mean_km"] = out["mean_km"] / 1000
    return out.reset_index().merge(monthly_weather(), on="month")


def spark_answer(spark, path: Path, question: str):
    from pyspark.sql import functions as F
    from .. import bigdata

    trips = spark.read.parquet(str(path))
    if question == "hourly":
        out = trips.groupBy("start_station", F.dayofweek("start_time").isin(1, 7).alias("weekend"),
                            F.hour("start_time").alias("hour")).agg(F.count("*").alias("rentals"))
    elif question == "top_od":
        out = (trips.filter(F.col("start_station") != F.col("end_station"))
               .groupBy("start_station", "end_station").agg(F.count("*").alias("trips"))
               .orderBy(F.desc("trips"), "start_station", "end_station").limit(TOP_N))
    else:
        w = monthly_weather()
        weather = spark.createDataFrame([tuple(r) for r in w.itertuples(index=False)],
                                        "month string, temp_c double, precip_mm double")
        monthly = trips.groupBy("month").agg(F.count("*").alias("rentals"),
                                             (F.avg("distance_m") / 1000).alias("mean_km"))
        out = monthly.join(weather, "month").orderBy("month")
    return bigdata.spark_rows(out)


KEYS = {"hourly": ["start_station", "weekend", "hour"], "top_od": ["start_station", "end_station"],
        "monthly_weather": ["month"]}


def answer(engine: str, question: str, path: Path, session=None):
    """엔진 하나로 질문 하나의 답 (pandas 표). ``session`` 은 DuckDB 연결이나 Spark 세션."""
    from .. import bigdata

    if engine == "spark":
        return spark_answer(session or bigdata.spark_session("bench"), path, question)
    con = session or bigdata.duckdb_connect()
    return (pandas_answer if engine == "pandas" else duckdb_answer)(con, path, question)


# ---------------------------------------------------------------------------
# 재기
# ---------------------------------------------------------------------------
def _child(engine: str, question: str, scale: int) -> None:
    """자식 프로세스: 세션을 열고 질문을 풀어 시간과 행 수를 JSON 한 줄로 찍습니다."""
    from .. import bigdata

    path = bigdata.trips_dir(scale)
    session = bigdata.spark_session("bench") if engine == "spark" else bigdata.duckdb_connect()
    start = time.perf_counter()
    out = answer(engine, question, path, session)
    seconds = time.perf_counter() - start
    if engine == "spark":
        session.stop()
    print(json.dumps({"query_s": round(seconds, 2), "rows": len(out)}))


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(engine: str, question: str, scale: int, limit_gb: float) -> dict:
    """자식 프로세스 하나를 돌리며 프로세스 트리의 최대 RSS 와 벽시계 시간을 잽니다."""
    cmd = [sys.executable, "-m", "sejongdata.tools.bench_bigdata", "--child", engine, question, str(scale)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ps, peak, killed = psutil.Process(proc.pid), 0, False
    while proc.poll() is None:
        peak = max(peak, _tree_rss(ps))
        if peak > limit_gb * 1e9:
            for p in [*ps.children(recursive=True), ps]:
                p.kill()
            killed = True
            break
        time.sleep(0.1)
    out = proc.communicate()[0]
    row = {"engine": engine, "question": question, "scale": scale, "wall_s": round(time.perf_counter() - start, 1),
           "peak_mb": round(peak / 1e6)}
    if killed:
        return {**row, "status": f"메모리 한도 {limit_gb:g} GB 초과", "query_s": None}
    if proc.returncode != 0:
        return {**row, "status": f"실패 (종료 코드 {proc.returncode})", "query_s": None}
    return {**row, "status": "ok", **json.loads(out.strip().splitlines()[-1])}


def sizes(scale: int) -> dict:
    """Parquet 폴더 크기와 같은 행을 CSV(UTF-8, 같은 열)로 썼을 때의 크기 (MB)."""
    from .. import bigdata

    path = bigdata.trips_dir(scale)
    parquet = sum(p.stat().st_size for p in path.rglob("*.parquet"))
    csv = path.parent / f"_csv_x{scale}.csv"
    con = bigdata.duckdb_connect()
    con.execute(f"COPY (SELECT * FROM {_src(path)}) TO '{csv}' (HEADER)")
    rows = con.sql(f"SELECT count(*) FROM {_src(path)}").fetchall()[0][0]
    size = csv.stat().st_size
    csv.unlink()
    return {"scale": scale, "rows": rows, "parquet_mb": round(parquet / 1e6, 1), "csv_mb": round(size / 1e6, 1)}


def to_markdown(result: dict) -> str:
    lines = ["# 9장 벤치마크 (pandas · DuckDB · Spark)", "", f"- 컴퓨터: {result['machine']}",
             f"- 날짜: {result['date']}", f"- pandas 메모리 한도: {result['memory_limit_gb']} GB", "",
             "| 배수 | 행 수 | Parquet(MB) | CSV(MB) |", "|---:|---:|---:|---:|"]
    lines += [f"| {s['scale']} | {s['rows']:,} | {s['parquet_mb']} | {s['csv_mb']} |" for s in result["sizes"]]
    lines += ["", "| 엔진 | 질문 | 배수 | 질문 시간(초) | 전체 시간(초) | 최대 메모리(MB) | 결과 |",
              "|---|---|---:|---:|---:|---:|---|"]
    lines += [f"| {r['engine']} | {r['question']} | {r['scale']} | {r['query_s'] if r['query_s'] is not None else ''} "
              f"| {r['wall_s']} | {r['peak_mb']:,} | {r['status']} |" for r in result["runs"]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="9장: 엔진별 시간·메모리를 잽니다.")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES))
    parser.add_argument("--memory-limit-gb", type=float, default=6.0)
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "QUESTION", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    import datetime
    import platform
    from .. import bigdata

    result = {"machine": f"{platform.node()} {platform.machine()} {psutil.cpu_count()}코어 Python {platform.python_version()}",
              "date": datetime.date.today().isoformat(), "memory_limit_gb": args.memory_limit_gb,
              "sizes": [], "runs": []}
    for scale in args.scales:
        bigdata.ensure_trips(scale)
        result["sizes"].append(sizes(scale))
        for question in QUESTIONS:
            for engine in args.engines:
                row = measure(engine, question, scale, args.memory_limit_gb)
                print(json.dumps(row, ensure_ascii=False), flush=True)
                result["runs"].append(row)
    OUT.mkdir(exist_ok=True)
    (OUT / "bigdata.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OUT / "bigdata.md").write_text(to_markdown(result), encoding="utf-8")
    print(to_markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
