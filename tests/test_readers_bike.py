"""어울링(대여소·이용 현황)과 기상청 ASOS 시간 자료 리더의 테스트.

좋은 파일과 나쁜 파일은 모두 테스트 안에서 tmp_path 에 만듭니다. 실제 공개 파일(../shared/realdata)과
생성된 모의 파일(datasets/)이 없으면 그 테스트는 건너뜁니다(skip).
"""
from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import REPO_ROOT, realdata_dir, assert_error

from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import (
    column_map,
    read_asos_hourly,
    read_eoulling_stations,
    read_eoulling_trips,
)

pytestmark = pytest.mark.chapter("01")

# ---------------------------------------------------------------------------
# 도구
# ---------------------------------------------------------------------------


def real_file(name: str) -> Path:
    folder = realdata_dir()
    if folder is None or not (folder / name).exists():
        pytest.skip(f"실제 공개 파일이 없어 건너뜁니다: {name} (SEJONG_REALDATA 로 폴더를 지정할 수 있습니다)")
    return folder / name


def dataset_file(name: str) -> Path:
    path = REPO_ROOT / "datasets" / name
    if not path.exists():
        pytest.skip(f"생성된 데이터 파일이 아직 없습니다: datasets/{name} ('make data' 뒤에 다시 실행)")
    return path


def write_csv(path: Path, header, rows, encoding="cp949", delimiter=",") -> Path:
    """CSV 를 씁니다. 구분자가 든 값('3,120')만 큰따옴표로 감쌉니다 (공공데이터 내려받기와 같음)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path




def messages(record) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, SejongDataWarning)]


def no_warnings(reader, path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        return reader(path)


# ---------------------------------------------------------------------------
# 어울링 대여소 현황
# ---------------------------------------------------------------------------

STATION_HEADER = ["대여소 번호", "대여소 아이디", "대여소 이름", "사용유무", "주소(구)", "주소(동)", "상세주소",
                  "위도", "경도", "권역", "지오펜스 거리", "등록일", "수정일"]


def station(no, lat, lon, *, sid=None, name=None, use="Y", registered="2019-04-01", modified="2020.05.06"):
    sid = sid or f"SJ_{no:05d}"
    return [no, sid, name or f"대여소{no}", use, "세종특별자치시", "도담동", f"도움{no}로 {no}", lat, lon, "1생활권",
            "30", registered, modified]


def good_stations():
    return [station(1, 36.5040, 127.2650), station(2, 36.4800, 127.2890, use="N", registered="20190401"),
            station(3, 36.6030, 127.2960, registered="2019.04.01", modified="")]


def stations_csv(tmp_path, rows=None, header=STATION_HEADER, encoding="cp949", name="stations.csv", delimiter=","):
    return write_csv(tmp_path / name, header, rows if rows is not None else good_stations(), encoding, delimiter)


@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-8-sig"])
def test_stations_good(tmp_path, encoding):
    stations = no_warnings(read_eoulling_stations, stations_csv(tmp_path, encoding=encoding))
    assert list(stations.columns) == ["station_no", "station_id", "station_name", "in_use", "addr_gu", "addr_dong",
                                      "address", "lat", "lon", "zone", "geofence_m", "registered", "modified",
                                      "in_sejong", "coords_swapped", "is_test"]
    assert stations["station_id"].tolist() == ["SJ_00001", "SJ_00002", "SJ_00003"]
    assert stations["in_use"].tolist() == [True, False, True] and stations["in_use"].dtype == bool
    assert stations["lat"].iloc[0] == pytest.approx(36.504) and stations["lon"].iloc[0] == pytest.approx(127.265)
    assert stations["registered"].tolist() == [pd.Timestamp("2019-04-01")] * 3        # 세 가지 날짜 모양
    assert stations["modified"].iloc[0] == pd.Timestamp("2020-05-06") and pd.isna(stations["modified"].iloc[2])
    assert stations["in_sejong"].all() and not stations["coords_swapped"].any() and not stations["is_test"].any()
    assert str(stations["station_no"].dtype) == "Int64" and stations["geofence_m"].dtype == "float64"


def test_stations_all_swapped(tmp_path):
    rows = [station(i, lon, lat) for i, (lat, lon) in enumerate([(36.504, 127.265), (36.48, 127.289), (36.603, 127.296)], 1)]
    path = stations_csv(tmp_path, rows, name="swapped.csv")
    with pytest.warns(SejongDataWarning) as record:
        stations = read_eoulling_stations(path)
    swap = [m for m in messages(record) if "맞바꿨" in m]
    assert len(swap) == 1 and len(messages(record)) == 1
    assert "'위도' 열에 경도(longitude" in swap[0] and "모든 행 3개" in swap[0] and "swapped.csv" in swap[0]
    assert stations["coords_swapped"].all() and stations["in_sejong"].all()
    assert stations["lat"].between(36.4, 36.75).all() and stations["lon"].between(127.1, 127.45).all()


def test_stations_mixed_swap_and_nonsense(tmp_path):
    rows = [station(1, 127.265, 36.504), station(2, 36.48, 127.289), station(3, 127.296, 36.603),
            station(4, 36.50, 127.27), station(5, 0, 0)]
    with pytest.warns(SejongDataWarning) as record:
        stations = read_eoulling_stations(stations_csv(tmp_path, rows))
    text = messages(record)
    swap = [m for m in text if "맞바꿨" in m]
    assert len(swap) == 1 and "2개 행(전체 5행 중)" in swap[0] and "나머지 3개 행" in swap[0]
    assert "SJ_00001" in swap[0] and "SJ_00003" in swap[0]
    assert stations["coords_swapped"].tolist() == [True, False, True, False, False]
    assert stations["in_sejong"].tolist() == [True, True, True, True, False]        # (0, 0) 은 지우지 않고 표시
    outside = [m for m in text if "in_sejong=False" in m]
    assert len(outside) == 1 and "1개" in outside[0] and "SJ_00005" in outside[0] and "한국 좌표 범위도 아니" in outside[0]
    assert len(stations) == 5


def test_stations_seoul_test_row_kept(tmp_path):
    rows = good_stations() + [station(99, 37.5665, 126.9780, sid="SJ_99999", name="테스트 대여소(서울)")]
    with pytest.warns(SejongDataWarning) as record:
        stations = read_eoulling_stations(stations_csv(tmp_path, rows))
    assert len(stations) == 4
    seoul = stations.set_index("station_id").loc["SJ_99999"]
    assert not seoul["in_sejong"] and seoul["is_test"] and not seoul["coords_swapped"]
    outside = [m for m in messages(record) if "in_sejong=False" in m]
    assert len(outside) == 1 and "대여소 1개" in outside[0] and "SJ_99999" in outside[0]
    assert any("is_test=True" in m and "SJ_99999" in m for m in messages(record))


def test_stations_odd_and_duplicate_ids_warn(tmp_path):
    rows = good_stations() + [station(4, 36.50, 127.27, sid="SJ_00001"), station(5, 36.50, 127.27, sid="TEMP-5")]
    with pytest.warns(SejongDataWarning) as record:
        stations = read_eoulling_stations(stations_csv(tmp_path, rows))
    text = " | ".join(messages(record))
    assert len(stations) == 5
    assert "'SJ_숫자' 모양이 아닌 행이 1개" in text and "TEMP-5" in text
    assert "같은 대여소 아이디" in text and "SJ_00001" in text


def test_stations_required_only_and_extra_column(tmp_path):
    header = ["비고", "대여소 아이디", "위도", "경도", "대여소 이름", "사용유무"]          # 순서도 다르고 선택 열이 없음
    rows = [["", "SJ_00001", 36.504, 127.265, "도담동 주민센터", "y"]]
    stations = no_warnings(read_eoulling_stations, write_csv(tmp_path / "short.csv", header, rows))
    assert stations["in_use"].tolist() == [True] and stations["lat"].iloc[0] == pytest.approx(36.504)
    assert stations[["station_no", "addr_gu", "geofence_m", "registered"]].isna().all().all()
    assert list(stations.columns[-1:]) == ["비고"]


def test_stations_in_use_bad_value(tmp_path):
    rows = good_stations()
    rows[1][3] = "X"
    path = stations_csv(tmp_path, rows, name="in_use_x.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_stations(path)
    assert_error(excinfo, path, "'사용유무'", "'X'", "Y(사용) 또는 N(미사용)", "데이터 2번째 행")


def test_stations_missing_required_column(tmp_path):
    header = [h for h in STATION_HEADER if h != "위도"]
    rows = [r[:7] + r[8:] for r in good_stations()]
    path = write_csv(tmp_path / "no_lat.csv", header, rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_stations(path)
    assert_error(excinfo, path, "필수 열(column)이 없습니다: 위도", "경도", "대여소 아이디")


def test_stations_wrong_delimiter(tmp_path):
    path = stations_csv(tmp_path, delimiter=";", name="semicolon.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_stations(path)
    assert_error(excinfo, path, "구분자(delimiter)", "세미콜론(;)", "쉼표(,)")


def test_stations_non_numeric_latitude(tmp_path):
    rows = good_stations()
    rows[2][7] = "북위36.6"
    path = stations_csv(tmp_path, rows, name="bad_lat.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_stations(path)
    assert_error(excinfo, path, "'위도'", "숫자가 아닌 값", "북위36.6")


def test_stations_bad_date(tmp_path):
    rows = good_stations()
    rows[0][11] = "2019/13/45"
    path = stations_csv(tmp_path, rows, name="bad_date.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_stations(path)
    assert_error(excinfo, path, "'등록일'", "2019/13/45", "YYYY-MM-DD", "YYYY.MM.DD", "YYYYMMDD", "데이터 1번째 행")


@pytest.mark.parametrize("reader", [read_eoulling_stations, read_eoulling_trips, read_asos_hourly])
@pytest.mark.parametrize("data", [b"", b"\r\n  \r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path, reader, data):
    path = tmp_path / "empty.csv"
    path.write_bytes(data)
    with pytest.raises(SejongDataError) as excinfo:
        reader(path)
    assert_error(excinfo, path, "빈 파일(empty file)", "머리글(header)")


@pytest.mark.parametrize("reader, header", [
    (read_eoulling_stations, STATION_HEADER),
    (read_eoulling_trips, ["자전거번호", "시작대여일자", "시작대여소"]),
    (read_asos_hourly, ["지점", "지점명", "일시", "기온(°C)"]),
])
def test_header_only(tmp_path, reader, header):
    path = write_csv(tmp_path / "header_only.csv", header, [])
    with pytest.raises(SejongDataError) as excinfo:
        reader(path)
    assert_error(excinfo, path, "데이터 행(row)이 없습니다")


# ---------------------------------------------------------------------------
# 어울링 이용 현황 (대여 기록)
# ---------------------------------------------------------------------------

TRIP_HEADER = ["자전거번호", "시작대여일자", "시작대여소", "종료대여일자", "종료대여소", "주행거리", "주행시간"]


def good_trips():
    return [["SJB00012", "2020-05-01 08:10:00", "SJ_00001", "2020-05-01 08:31:30", "SJ_00002", "3,120", "21.5"],
            ["SJB00340", "2020-05-01 07:55", "SJ_00002", "2020-05-01 08:05", "SJ_00002", "0", "10"],
            ["SJB00012", "20200501090000", "SJ_00002", "20200501094500", "SJ_00003", "5400", "45"]]


@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-8-sig"])
def test_trips_good(tmp_path, encoding):
    trips = no_warnings(read_eoulling_trips, write_csv(tmp_path / "trips.csv", TRIP_HEADER, good_trips(), encoding))
    assert list(trips.columns) == ["bike_id", "start_time", "start_station", "end_time", "end_station",
                                   "distance_m", "duration_min", "suspect"]
    assert trips["start_time"].tolist() == [pd.Timestamp("2020-05-01 08:10"), pd.Timestamp("2020-05-01 07:55"),
                                            pd.Timestamp("2020-05-01 09:00")]   # 파일 순서 그대로 (정렬하지 않음)
    assert trips["end_time"].iloc[0] == pd.Timestamp("2020-05-01 08:31:30")
    assert trips["distance_m"].tolist() == [3120.0, 0.0, 5400.0] and trips["duration_min"].dtype == "float64"
    assert trips["bike_id"].tolist() == ["SJB00012", "SJB00340", "SJB00012"] and not trips["suspect"].any()


def test_trips_required_columns_only(tmp_path):
    rows = [["SJ_00001", "2020-05-01 08:10:00"], ["SJ_00002", "2020-05-01 09:10:00"]]
    trips = no_warnings(read_eoulling_trips, write_csv(tmp_path / "min.csv", ["시작대여소", "시작대여일자"], rows))
    assert len(trips) == 2 and trips[["end_time", "distance_m", "duration_min", "bike_id"]].isna().all().all()
    assert not trips["suspect"].any()


def test_trips_unparseable_start(tmp_path):
    rows = good_trips() + [["SJB1", "2020-13-01 08:00:00", "SJ_00001", "", "", "", ""],
                           ["SJB2", "어제 오후", "SJ_00001", "", "", "", ""]]
    path = write_csv(tmp_path / "bad_start.csv", TRIP_HEADER, rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_trips(path)
    assert_error(excinfo, path, "'시작대여일자'", "2개", "데이터 4번째 행: '2020-13-01 08:00:00'",
                 "데이터 5번째 행: '어제 오후'", "YYYY-MM-DD HH:MM:SS")


def test_trips_blank_start_is_error(tmp_path):
    rows = good_trips() + [["SJB1", "", "SJ_00001", "", "", "", ""]]
    path = write_csv(tmp_path / "blank_start.csv", TRIP_HEADER, rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_trips(path)
    assert_error(excinfo, path, "'시작대여일자' 가 빈 행이 1개", "데이터 4번째 행")


def test_trips_non_numeric_distance(tmp_path):
    rows = good_trips()
    rows[1][5] = "1.2km"
    path = write_csv(tmp_path / "km.csv", TRIP_HEADER, rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_trips(path)
    assert_error(excinfo, path, "'주행거리'", "1.2km")


def test_trips_suspect_flagged_with_counts(tmp_path):
    rows = good_trips() + [
        ["B1", "2020-05-02 10:00:00", "SJ_1", "2020-05-02 09:00:00", "SJ_2", "100", "5"],       # 종료 < 시작
        ["B2", "2020-05-02 10:00:00", "SJ_1", "2020-05-02 10:05:00", "SJ_2", "-30", "5"],       # 거리 음수
        ["B3", "2020-05-02 10:00:00", "SJ_1", "2020-05-02 10:05:00", "SJ_2", "30", "-5"],       # 시간 음수
        ["B4", "2020-05-02 10:00:00", "SJ_1", "2020-05-04 10:00:00", "SJ_2", "900", "2880"],    # 이틀
        ["B5", "2020-05-02 10:00:00", "SJ_1", "2020-05-02 09:00:00", "SJ_2", "-1", "1500"],     # 세 가지 겹침
    ]
    with pytest.warns(SejongDataWarning) as record:
        trips = read_eoulling_trips(write_csv(tmp_path / "suspect.csv", TRIP_HEADER, rows))
    assert len(trips) == 8                                                   # 지우지 않음
    assert trips["suspect"].tolist() == [False] * 3 + [True] * 5
    text = messages(record)
    assert len(text) == 1
    message = text[0]
    assert "5건(전체 8건 중)" in message and "suspect.csv" in message
    assert "end_time < start_time) 2건" in message and "distance_m < 0) 2건" in message
    assert "duration_min < 0) 1건" in message and "24시간) 2건" in message


def test_trips_large_file(tmp_path):
    """12만 행을 읽어도 행이 빠지지 않습니다 (읽는 시간은 벤치마크에서 잽니다: make bench)."""
    n = 120_000
    rng = np.random.default_rng(0)
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 366 * 86400, n), unit="s")
    minutes = rng.integers(1, 120, n)
    end = start + pd.to_timedelta(minutes, unit="m")
    frame = pd.DataFrame({"자전거번호": [f"SJB{i:05d}" for i in rng.integers(0, 3000, n)],
                          "시작대여일자": start.strftime("%Y-%m-%d %H:%M:%S"),
                          "시작대여소": [f"SJ_{i:05d}" for i in rng.integers(0, 600, n)],
                          "종료대여일자": end.strftime("%Y-%m-%d %H:%M:%S"),
                          "종료대여소": [f"SJ_{i:05d}" for i in rng.integers(0, 600, n)],
                          "주행거리": rng.integers(10, 20000, n), "주행시간": minutes})
    path = tmp_path / "big_trips.csv"
    frame.to_csv(path, index=False, encoding="cp949")
    trips = no_warnings(read_eoulling_trips, path)
    assert len(trips) == n and trips["start_time"].iloc[-1] == start[-1]
    assert trips["distance_m"].sum() == frame["주행거리"].sum()


# ---------------------------------------------------------------------------
# 기상청 ASOS 시간 자료
# ---------------------------------------------------------------------------

ASOS_HEADER = ["지점", "지점명", "일시", "기온(°C)", "강수량(mm)", "풍속(m/s)", "풍향(16방위)", "습도(%)", "증기압(hPa)",
               "이슬점온도(°C)", "현지기압(hPa)", "일조(hr)", "일사(MJ/m2)", "적설(cm)", "전운량(10분위)", "운형(운형약어)",
               "지면온도(°C)"]


def asos_rows(hours=4, start="2020-01-01 00:00"):
    times = pd.date_range(start, periods=hours, freq="h")
    temps = ["-.3", ".5", "1.2", "-2", "0", "3.4"]
    precip = ["", "0", ".5", "", "", "1"]
    return [["239", "세종", f"{t:%Y-%m-%d %H:%M}", temps[i % 6], precip[i % 6], "1.7", "250", "67", "4.6", "-3.7",
             "1002.4", "", "", "", "8", "ScAc" if i % 2 else "", "-.6"] for i, t in enumerate(times)]


def asos_csv(tmp_path, rows=None, header=ASOS_HEADER, encoding="cp949", name="OBS_ASOS_TIM.csv"):
    return write_csv(tmp_path / name, header, rows if rows is not None else asos_rows(), encoding)


@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-8-sig"])
def test_asos_good(tmp_path, encoding):
    weather = no_warnings(read_asos_hourly, asos_csv(tmp_path, encoding=encoding))
    assert list(weather.columns) == ["station_id", "station_name", "time", "temp_c", "precip_mm", "precip_recorded",
                                     "wind_ms", "wind_dir_16", "humidity_pct", "vapor_hpa", "dewpoint_c",
                                     "pressure_hpa", "sunshine_hr", "radiation_mj", "snow_cm", "cloud_10",
                                     "cloud_type", "ground_temp_c"]
    assert weather["station_id"].dtype == "int64" and weather["station_id"].eq(239).all()
    assert pd.api.types.is_datetime64_any_dtype(weather["time"])
    assert weather["time"].iloc[1] == pd.Timestamp("2020-01-01 01:00")
    assert weather["temp_c"].tolist() == pytest.approx([-0.3, 0.5, 1.2, -2.0])       # '-.3', '.5'
    assert weather["ground_temp_c"].iloc[0] == pytest.approx(-0.6)
    assert weather["humidity_pct"].dtype == "float64" and weather["cloud_type"].iloc[1] == "ScAc"


def test_asos_empty_precipitation_is_zero_but_flagged(tmp_path):
    weather = no_warnings(read_asos_hourly, asos_csv(tmp_path))
    assert weather["precip_mm"].tolist() == [0.0, 0.0, 0.5, 0.0]
    assert weather["precip_recorded"].tolist() == [False, True, True, False]
    assert weather["sunshine_hr"].isna().all() and weather["snow_cm"].isna().all()       # 다른 요소는 NaN 그대로


def test_asos_precip_and_temp_both_blank_warns(tmp_path):
    rows = asos_rows()
    rows[3][3] = ""
    with pytest.warns(SejongDataWarning, match="강수량과 기온이 함께 빈 행이 1개"):
        weather = read_asos_hourly(asos_csv(tmp_path, rows))
    assert len(weather) == 4 and pd.isna(weather["temp_c"].iloc[3]) and weather["precip_mm"].iloc[3] == 0.0


def test_asos_duplicated_hour(tmp_path):
    rows = asos_rows()
    rows.insert(2, list(rows[1]))
    path = asos_csv(tmp_path, rows, name="dup_hour.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "같은 지점·시각", "2개 행", "지점 239 2020-01-01 01:00", "지점마다 한 시각에 한 줄")


def test_asos_missing_hours_warn(tmp_path):
    rows = asos_rows(hours=6)
    del rows[4], rows[2]
    with pytest.warns(SejongDataWarning) as record:
        weather = read_asos_hourly(asos_csv(tmp_path, rows, name="gaps.csv"))
    text = [m for m in messages(record) if "빠진 시각" in m]
    assert len(text) == 1 and "빠진 시각이 2개" in text[0] and "지점 239 2020-01-01 02:00" in text[0]
    assert "gaps.csv" in text[0]
    assert len(weather) == 4                                                   # 빈 행을 만들지 않음


def test_asos_several_stations(tmp_path):
    rows = asos_rows() + [["131", "청주"] + r[2:] for r in asos_rows()]
    weather = no_warnings(read_asos_hourly, asos_csv(tmp_path, rows))
    assert weather.groupby("station_id").size().to_dict() == {131: 4, 239: 4}


def test_asos_qc_flag_columns_kept(tmp_path):
    header = ["지점", "지점명", "일시", "기온(°C)", "기온 QC플래그", "강수량(mm)", "강수량 QC플래그", "습도(%)"]
    rows = [["239", "세종", "2020-07-01 00:00", "24.1", "", "", "9", "88"],
            ["239", "세종", "2020-07-01 01:00", "23.8", "1", "2.5", "", "90"]]
    weather = no_warnings(read_asos_hourly, write_csv(tmp_path / "qc.csv", header, rows))
    assert list(weather.columns) == ["station_id", "station_name", "time", "temp_c", "temp_qc", "precip_mm",
                                     "precip_recorded", "precip_qc", "humidity_pct"]
    assert str(weather["temp_qc"].dtype) == "Int64" and weather["temp_qc"].tolist()[1] == 1
    assert pd.isna(weather["temp_qc"].iloc[0]) and weather["precip_qc"].iloc[0] == 9
    assert weather["precip_mm"].tolist() == [0.0, 2.5] and weather["precip_recorded"].tolist() == [False, True]


def test_asos_only_some_elements(tmp_path):
    rows = [["239", "세종", "2020-07-01 00:00", "24.1"], ["239", "세종", "2020-07-01 01:00", "-.4"]]
    weather = no_warnings(read_asos_hourly, write_csv(tmp_path / "temp_only.csv", ["지점", "지점명", "일시", "기온(°C)"], rows))
    assert list(weather.columns) == ["station_id", "station_name", "time", "temp_c"]
    assert weather["temp_c"].iloc[1] == pytest.approx(-0.4)


def test_asos_no_station_name_column(tmp_path):
    rows = [["239", "2020-07-01 00:00", "3"]]
    weather = no_warnings(read_asos_hourly, write_csv(tmp_path / "wind.csv", ["지점", "일시", "풍속(m/s)"], rows))
    assert list(weather.columns) == ["station_id", "time", "wind_ms"]


def test_asos_unknown_column_kept_with_warning(tmp_path):
    rows = [["239", "세종", "2020-07-01 00:00", "24.1", "맑음"]]
    path = write_csv(tmp_path / "extra.csv", ["지점", "지점명", "일시", "기온(°C)", "날씨메모"], rows)
    with pytest.warns(SejongDataWarning, match="날씨메모"):
        weather = read_asos_hourly(path)
    assert weather["날씨메모"].tolist() == ["맑음"]


def test_asos_no_element(tmp_path):
    path = write_csv(tmp_path / "no_element.csv", ["지점", "지점명", "일시"], [["239", "세종", "2020-07-01 00:00"]])
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "관측 요소(element)", "기온(°C)", "지점명")


def test_asos_missing_required_column(tmp_path):
    path = write_csv(tmp_path / "no_time.csv", ["지점", "지점명", "기온(°C)"], [["239", "세종", "1"]])
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "필수 열(column)이 없습니다: 일시", "기온(°C)")


def test_asos_unparseable_time(tmp_path):
    rows = asos_rows()
    rows[2][2] = "2020/01/01 2시"
    path = asos_csv(tmp_path, rows, name="bad_time.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "'일시'", "데이터 3번째 행: '2020/01/01 2시'", "YYYY-MM-DD HH:MM")


def test_asos_not_hourly(tmp_path):
    rows = asos_rows()
    rows[1][2] = "2020-01-01 00:30"
    path = asos_csv(tmp_path, rows, name="minutes.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "정시(on the hour)", "00:30", "YYYY-MM-DD HH:00")


def test_asos_non_numeric_value(tmp_path):
    rows = asos_rows()
    rows[0][3] = "영하1"
    path = asos_csv(tmp_path, rows, name="bad_temp.csv")
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "'기온(°C)'", "영하1")


def test_asos_wrong_delimiter(tmp_path):
    path = write_csv(tmp_path / "tab.csv", ASOS_HEADER, asos_rows(), delimiter="\t")
    with pytest.raises(SejongDataError) as excinfo:
        read_asos_hourly(path)
    assert_error(excinfo, path, "구분자(delimiter)", "탭(tab)")


# ---------------------------------------------------------------------------
# 열 이름 사전
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind, korean, english", [
    ("eoulling_stations", "위도", "lat"), ("eoulling_stations", "지오펜스 거리", "geofence_m"),
    ("eoulling_trips", "주행시간", "duration_min"), ("kma_asos", "일시", "time"),
    ("kma_asos", "풍속(m/s)", "wind_ms"), ("kma_asos", "기온 QC플래그", "temp_qc"),
])
def test_column_maps(kind, korean, english):
    table = column_map(kind)
    assert dict(zip(table["원래 열 이름"], table["english"]))[korean] == english


# ---------------------------------------------------------------------------
# 실제 공개 파일 (../shared/realdata)
# ---------------------------------------------------------------------------

def test_real_asos_seoul_2014():
    path = real_file("asos_hourly_seoul108_2014.csv")
    with pytest.warns(SejongDataWarning) as record:
        weather = read_asos_hourly(path)
    assert len(weather) == 8760 and weather["station_id"].eq(108).all()
    assert weather["ground_temp_c"].iloc[0] == pytest.approx(-0.3)          # 파일에는 '-.3'
    assert weather["temp_c"].iloc[2] == pytest.approx(0.9)                  # 파일에는 '.9'
    gappy = weather.drop(columns=["precip_mm", "precip_recorded"]).isna().sum(axis=1).idxmax()
    assert weather.at[gappy, "time"] == pd.Timestamp("2015-01-01 00:00")   # 가장 많이 빈 행도 남아 있음
    assert pd.isna(weather.at[gappy, "temp_c"]) and weather.at[gappy, "wind_ms"] == pytest.approx(6.1)
    assert (~weather["precip_recorded"]).sum() == 7968 and weather["precip_mm"].notna().all()
    assert [m for m in messages(record)] == [m for m in messages(record) if "강수량과 기온이 함께 빈 행이 1개" in m]


def test_real_foreign_bike_file_is_refused_clearly():
    path = real_file("seoul_bike_hourly_2018.csv")          # 서울 따릉이 시간별 대여 수: 다른 형식(Latin-1)
    with pytest.raises(SejongDataError) as excinfo:
        read_eoulling_trips(path)
    assert_error(excinfo, path, "머리글 줄(header)", "시작대여일자, 시작대여소", "Date,Rented Bicycle Count")


# ---------------------------------------------------------------------------
# 생성된 모의 파일 (datasets/, 아직 없으면 건너뜀)
# ---------------------------------------------------------------------------

def test_generated_stations():
    with pytest.warns(SejongDataWarning) as record:
        stations = read_eoulling_stations(dataset_file("eoulling_stations.csv"))
    assert any("맞바꿨" in m for m in messages(record))
    assert stations["coords_swapped"].any()
    sejong = stations[stations["in_sejong"]]
    assert len(sejong) > 0.9 * len(stations)
    assert sejong["lat"].between(36.40, 36.75).all() and sejong["lon"].between(127.10, 127.45).all()


def test_generated_trips():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SejongDataWarning)
        trips = read_eoulling_trips(dataset_file("eoulling_trips_2020_sample.csv"))
        stations = read_eoulling_stations(dataset_file("eoulling_stations.csv"))
    assert len(trips) > 0 and trips["start_time"].notna().all()
    assert trips["start_time"].dt.year.eq(2020).mean() > 0.99
    assert trips["suspect"].mean() < 0.05
    assert trips["start_station"].isin(stations["station_id"]).mean() > 0.95    # 대여소 파일과 아이디가 맞음


def test_generated_weather():
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always", SejongDataWarning)
        weather = read_asos_hourly(dataset_file("asos_hourly_sejong_2020.csv"))
    assert len(weather) == 8784 and weather["time"].is_unique                  # 2020 년은 366일 × 24시간
    assert not any("빠진 시각" in m for m in messages(record))
    assert weather["station_id"].eq(239).all()                                 # 세종 ASOS 지점 번호
