"""2장(공유 PM) 리더 검사: 전기자전거 이용 기록, 후보지, 격자."""
from __future__ import annotations

import warnings

import pytest

from conftest import REPO_ROOT
from sejongdata import SejongDataError, SejongDataWarning
from sejongdata.readers import read_ebike_trips, read_grid, read_pm_sites

pytestmark = pytest.mark.chapter("02")

HEADER = "trip_id,start_time,start_lat,start_lon,end_time,end_lat,end_lon,distance_m\n"
GOOD = "E1,2020-08-01 08:00:00,36.50,127.26,2020-08-01 08:10:00,36.51,127.27,1500\n"


def write(tmp_path, text, name="trips.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_good_ebike_file_reads_without_warnings(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        trips = read_ebike_trips(write(tmp_path, HEADER + GOOD))
    assert trips.loc[0, "distance_m"] == 1500.0 and not trips["suspect"].any()
    assert str(trips["start_time"].dtype).startswith("datetime64")


def test_suspect_rows_are_kept_and_counted(tmp_path):
    bad = ("E2,2020-08-01 09:00:00,37.56,126.97,2020-08-01 08:50:00,36.51,127.27,-5\n")
    with pytest.warns(SejongDataWarning, match="반납이 대여보다 이름 1건.*거리가 음수 1건.*세종시 밖 1건"):
        trips = read_ebike_trips(write(tmp_path, HEADER + GOOD + bad))
    assert len(trips) == 2 and trips["suspect"].tolist() == [False, True]


def test_missing_column_and_bad_time_give_clear_errors(tmp_path):
    with pytest.raises(SejongDataError, match="trips.csv") as info:
        read_ebike_trips(write(tmp_path, HEADER.replace(",distance_m", "") + GOOD.rsplit(",", 1)[0] + "\n"))
    assert "distance_m" in str(info.value)
    with pytest.raises(SejongDataError, match="start_time") as info:
        read_ebike_trips(write(tmp_path, HEADER + GOOD.replace("2020-08-01 08:00:00", "8월 1일")))
    assert "8월 1일" in str(info.value)


def test_sites_and_grid_keep_codes_as_text(tmp_path):
    sites = write(tmp_path, "site_id,name,category,lat,lon,emd_code\nP001,도담동 BRT 정류장 앞,brt_stop,36.51,127.26,3611052000\n",
                  name="sites.csv")
    assert read_pm_sites(sites).loc[0, "emd_code"] == "3611052000"
    bad = write(tmp_path, "site_id,name,category,lat,lon,emd_code\nP001,앞,brt_stop,36.51,127.26,361105\n",
                name="bad_sites.csv")
    with pytest.raises(SejongDataError, match="10자리"):
        read_pm_sites(bad)
    grid = write(tmp_path, "cell_id,x,y,lat,lon,emd_code,residents,households,n_brt,n_commercial,n_school,"
                 "n_park,n_office,land_use\nG1_2,250,500,36.5,127.2,3611052000,120,50,0,1,0,0,0,mixed\n",
                 name="grid.csv")
    table = read_grid(grid)
    assert table.loc[0, "residents"] == 120 and table.loc[0, "cell_id"] == "G1_2"


@pytest.mark.parametrize("name", ["ebike_trips_2020_sample.csv", "pm_candidate_sites.csv", "grid_250m.csv"])
def test_simulated_files_read(name):
    path = REPO_ROOT / "datasets" / name
    if not path.exists():
        pytest.skip(f"{name} 이 아직 없습니다 ('make data').")
    reader = {"ebike_trips_2020_sample.csv": read_ebike_trips, "pm_candidate_sites.csv": read_pm_sites,
              "grid_250m.csv": read_grid}[name]
    table = reader(path)
    assert len(table) > 100
