"""자동크린넷 리더(sejongdata/readers/cleannet.py) 시험.

좋은 파일과 나쁜 파일은 테스트 안에서 tmp_path 에 만듭니다. 공개된 실제 운영 기록은 없으므로(공식 형식 없음)
실제 파일 시험은 없고, 저장소의 모의 파일(datasets/)을 좋은 파일로도 읽어 봅니다.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import REPO_ROOT, assert_error

from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import (column_map, read_cleannet_discharges, read_cleannet_events, read_cleannet_fill,
                                read_cleannet_inputs, read_cleannet_monthly, read_cleannet_plants,
                                read_cleannet_sections)
from sejongdata.readers.cleannet import FILL_TIMES, HOURS

pytestmark = pytest.mark.chapter("07")

DATA = REPO_ROOT / "datasets"
INPUT_HEADER = ["일자", "집하장번호", "구역구분", "쓰레기종류", "투입구수", *HOURS, "합계", "추정투입량(ℓ)"]
FILL_HEADER = ["일자", "집하장번호", "쓰레기종류", "저장용량(㎥)", *FILL_TIMES]


def write(path: Path, header: list[str], rows: list[list], encoding: str = "utf-8") -> Path:
    lines = [",".join(header)] + [",".join(str(v) for v in row) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def input_row(date="2024-03-04", plant=7, kind="주거", waste="일반", counts=None, volume=24000, total=None):
    counts = list(range(24)) if counts is None else counts
    return [date, plant, kind, waste, 120, *counts, sum(counts) if total is None else total, volume]


def fill_row(date="2024-03-04", plant=7, waste="음식물", values=None, capacity=16):
    values = [min(i, 100) for i in range(144)] if values is None else values
    return [date, plant, waste, capacity, *["" if v is None else v for v in values]]


def quiet(fn, path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        return fn(path)


# ---------------------------------------------------------------------------
# 좋은 파일
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_inputs_long_and_daily(tmp_path, encoding):
    path = write(tmp_path / "inputs.csv", INPUT_HEADER,
                 [input_row(), input_row(kind="상가", waste="음식물", counts=[0] * 23 + [10], volume=55)],
                 encoding=encoding)
    long = quiet(read_cleannet_inputs, path)
    assert list(long.columns) == ["date", "hour", "time", "plant_no", "kind", "waste", "ports", "count", "volume_l"]
    assert len(long) == 48 and long["count"].dtype == "int64"
    assert long["time"].iloc[5] == pd.Timestamp("2024-03-04 05:00")
    assert set(long["kind"]) == {"residential", "commercial"} and set(long["waste"]) == {"general", "food"}
    first = long[long["waste"] == "general"]
    assert first["volume_l"].sum() == pytest.approx(24000)
    assert first["volume_l"].iloc[23] == pytest.approx(24000 * 23 / sum(range(24)))
    daily = read_cleannet_inputs(path, shape="daily")
    assert daily.loc[1, "h23"] == 10 and daily.loc[1, "day_volume_l"] == 55


def test_fill_long_sorted_with_missing_readings(tmp_path):
    values = [min(i, 100) for i in range(144)]
    values[3] = None
    path = write(tmp_path / "fill.csv", FILL_HEADER, [fill_row(date="2024-03-05", values=values),
                                                       fill_row(date="2024-03-04"), fill_row(waste="일반", capacity=108)])
    with pytest.warns(SejongDataWarning, match="빈 칸 1개"):
        fill = read_cleannet_fill(path)
    assert list(fill.columns) == ["time", "plant_no", "waste", "capacity_m3", "fill_pct"]
    assert len(fill) == 3 * 144
    food = fill[fill["waste"] == "food"]
    assert food["time"].is_monotonic_increasing and food["time"].iloc[0] == pd.Timestamp("2024-03-04 00:00")
    assert np.isnan(food["fill_pct"].iloc[144 + 3]) and food["fill_pct"].iloc[144 + 4] == 4
    assert fill.loc[fill["waste"] == "general", "capacity_m3"].iloc[0] == 108


def test_discharges_and_events_flag_end_before_start(tmp_path):
    runs = write(tmp_path / "runs.csv", ["배출번호", "집하장번호", "쓰레기종류", "배출구분", "시작시각", "종료시각", "배출량(㎥)",
                                          "전력사용량(kWh)"],
                 [["R1", 7, "일반", "정기", "2024-03-04 09:00", "2024-03-04 10:05", 101.2, 340.5],
                  ["R2", 7, "음식물", "추가", "2024-03-04 12:00", "2024-03-04 11:50", 3.1, 60.0]])
    with pytest.warns(SejongDataWarning, match="suspect=True"):
        r = read_cleannet_discharges(runs)
    assert r["duration_min"].tolist() == [65.0, -10.0] and r["suspect"].tolist() == [False, True]
    assert r["run_type"].tolist() == ["scheduled", "extra"]
    ev = write(tmp_path / "events.csv", ["사건번호", "집하장번호", "구역번호", "쓰레기종류", "사건종류", "발생시각", "종료시각", "내용"],
               [["E1", 2, "S02R001", "일반", "막힘", "2024-06-01 19:10", "2024-06-01 20:40", "투입구 막힘"],
                ["E2", 2, "", "", "고장", "2024-06-02 08:00", "2024-06-02 09:00", "송풍기 이상"]])
    e = quiet(read_cleannet_events, ev)
    assert e["event_type"].tolist() == ["clog", "fault"] and e["section_id"].tolist() == ["S02R001", None]
    assert e["waste"].tolist() == ["general", None] and e["duration_min"].tolist() == [90.0, 60.0]


def test_inputs_flag_total_mismatch(tmp_path):
    path = write(tmp_path / "inputs.csv", INPUT_HEADER, [input_row(total=999)])
    with pytest.warns(SejongDataWarning, match="total_mismatch"):
        long = read_cleannet_inputs(path)
    assert long["total_mismatch"].all() and len(long) == 24


@pytest.mark.skipif(not (DATA / "cleannet_plants.csv").exists(), reason="datasets/ 의 모의 파일이 없습니다")
def test_project_files_read_cleanly():
    plants = quiet(read_cleannet_plants, None)
    assert plants["plant_no"].tolist() == [1, 2, 3, 5, 6, 7, 8, 12]
    sections = quiet(read_cleannet_sections, None)
    assert sections["households"].notna().sum() == (sections["kind"] == "residential").sum()
    monthly = quiet(read_cleannet_monthly, None)
    assert monthly.loc[monthly["waste"] == "food", "share_50l_pct"].isna().all()
    events = quiet(read_cleannet_events, None)
    assert not events["suspect"].any()
    runs = quiet(read_cleannet_discharges, None)
    assert not runs["suspect"].any() and (runs["duration_min"] > 0).all()
    assert "추정투입량(ℓ)" in column_map("cleannet_inputs")["원래 열 이름"].tolist()


# ---------------------------------------------------------------------------
# 나쁜 파일 (하나마다 분명한 오류 하나)
# ---------------------------------------------------------------------------
def test_inputs_missing_hour_column(tmp_path):
    header = [h for h in INPUT_HEADER if h != "13시"]
    row = input_row()
    del row[5 + 13]
    path = write(tmp_path / "no13.csv", header, [row])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_inputs(path)
    assert_error(excinfo, path, "필수 열", "13시")


def test_inputs_unknown_waste_type(tmp_path):
    path = write(tmp_path / "waste.csv", INPUT_HEADER, [input_row(), input_row(waste="재활용")])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_inputs(path)
    assert_error(excinfo, path, "쓰레기종류", "재활용", "일반 또는 음식물", "데이터 2번째 행")


def test_inputs_negative_count(tmp_path):
    counts = list(range(24))
    counts[7] = -3
    path = write(tmp_path / "neg.csv", INPUT_HEADER, [input_row(counts=counts)])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_inputs(path)
    assert_error(excinfo, path, "07시", "0 이상의 정수", "-3")


def test_inputs_text_in_a_count(tmp_path):
    counts = list(range(24))
    counts[2] = "12a"
    path = write(tmp_path / "text.csv", INPUT_HEADER, [input_row(counts=counts, total=0)])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_inputs(path)
    assert_error(excinfo, path, "02시", "숫자가 아닌 값", "12a")


def test_inputs_truncated_row(tmp_path):
    path = write(tmp_path / "cut.csv", INPUT_HEADER, [input_row(), input_row()[:12]])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_inputs(path)
    assert_error(excinfo, path, "필드 수", "잘린 파일")


def test_fill_out_of_range(tmp_path):
    values = [50] * 144
    values[100] = 130
    path = write(tmp_path / "over.csv", FILL_HEADER, [fill_row(values=values)])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_fill(path)
    assert_error(excinfo, path, "0~100 밖", "16:40", "130")


def test_fill_missing_time_column(tmp_path):
    header = [h for h in FILL_HEADER if h != "12:10"]
    row = fill_row()
    del row[4 + 73]
    path = write(tmp_path / "gap.csv", header, [row])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_fill(path)
    assert_error(excinfo, path, "필수 열", "12:10")


def test_discharges_bad_time(tmp_path):
    path = write(tmp_path / "time.csv", ["배출번호", "집하장번호", "쓰레기종류", "배출구분", "시작시각", "종료시각", "배출량(㎥)",
                                           "전력사용량(kWh)"],
                 [["R1", 7, "일반", "정기", "2024-13-04 09:00", "2024-03-04 10:05", 101.2, 340.5]])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_discharges(path)
    assert_error(excinfo, path, "시작시각", "YYYY-MM-DD HH:MM", "2024-13-04 09:00")


def test_plants_duplicate_number(tmp_path):
    header = list(column_map("cleannet_plants")["원래 열 이름"])
    row = [7, "7집하장", "3611055500", "소담동", "소담동;반곡동", "2017-01", 39.1, 359, 362, 108, 16, 306, 36.49, 127.31]
    path = write(tmp_path / "plants.csv", header, [row, row])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_plants(path)
    assert_error(excinfo, path, "같은 집하장번호", "7")


def test_sections_bad_id(tmp_path):
    header = list(column_map("cleannet_sections")["원래 열 이름"])
    row = ["S7R12", 7, "주거", "3611055500", "APT0100", "", "새샘마을 1단지", 400, "", "", 9, 9, "2017-03", 36.49, 127.31]
    path = write(tmp_path / "sections.csv", header, [row])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_sections(path)
    assert_error(excinfo, path, "구역번호", "S07R012", "S7R12")


def test_events_unknown_type(tmp_path):
    path = write(tmp_path / "ev.csv", ["사건번호", "집하장번호", "구역번호", "쓰레기종류", "사건종류", "발생시각", "종료시각", "내용"],
                 [["E1", 2, "S02R001", "일반", "정전", "2024-06-01 19:10", "2024-06-01 20:40", "?"]])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_events(path)
    assert_error(excinfo, path, "사건종류", "정전", "막힘 또는 고장 또는 만차")


def test_monthly_share_above_100(tmp_path):
    path = write(tmp_path / "m.csv", ["연월", "구역번호", "쓰레기종류", "투입횟수", "추정투입량(ℓ)", "50ℓ봉투비율(%)"],
                 [["2024-06", "S02R001", "일반", 5000, 90000, 120.0]])
    with pytest.raises(SejongDataError) as excinfo:
        read_cleannet_monthly(path)
    assert_error(excinfo, path, "50ℓ봉투비율(%)", "0 이상 100 이하", "120")
