"""250 m 격자 도구(grid)의 칸 이름: 수 두 개와 열 두 개, 범위 밖·빈 좌표의 오류."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sejongdata import SejongDataError, grid

pytestmark = pytest.mark.chapter("02")

GOV = (36.5035, 127.2630)  # 정부세종청사 (places.csv 의 좌표)


def test_scalar_coordinates_give_one_cell_name():
    name = grid.cell_ids(*GOV)
    assert isinstance(name, str) and name.startswith("G")
    ix, iy = grid.cell_index(*GOV)
    assert isinstance(ix, int) and isinstance(iy, int)
    assert name == f"G{ix}_{iy}"
    assert grid.cell_ids(np.float64(GOV[0]), np.float64(GOV[1])) == name  # numpy 수도 됩니다


def test_scalars_and_arrays_agree():
    lat, lon = [36.5035, 36.48, 36.6013], [127.263, 127.289, 127.296]
    ids = grid.cell_ids(lat, lon)
    assert isinstance(ids, pd.Series) and ids.name == "cell_id"
    assert ids.tolist() == [grid.cell_ids(a, b) for a, b in zip(lat, lon)]
    ix, iy = grid.cell_index(np.array(lat), np.array(lon))
    assert ids.tolist() == [f"G{a}_{b}" for a, b in zip(ix, iy)]


def test_series_keep_their_index():
    points = pd.DataFrame({"lat": [36.5035, 36.48], "lon": [127.263, 127.289]}, index=[7, 3])
    ids = grid.cell_ids(points["lat"], points["lon"])
    assert list(ids.index) == [7, 3]
    points["cell_id"] = ids
    assert points.loc[7, "cell_id"] == grid.cell_ids(36.5035, 127.263)


def test_matches_the_cells_of_the_grid_file():
    from sejongdata import readers

    cells = readers.read_grid().sample(200, random_state=1)
    assert (grid.cell_ids(cells["lat"], cells["lon"]) == cells["cell_id"]).all()


def test_swapped_latitude_and_longitude_is_a_clear_error():
    with pytest.raises(SejongDataError) as excinfo:
        grid.cell_ids(GOV[1], GOV[0])
    message = str(excinfo.value)
    for part in ["grid.cell_ids", "격자", "위도(latitude) 36.40~36.75", "경도(longitude) 127.10~127.45",
                 "위도 127.263, 경도 36.5035", "위도와 경도가 바뀐 것 같습니다", "(위도, 경도)"]:
        assert part in message, f"{part!r} 가 메시지에 없습니다:\n{message}"
    assert "9223372036854775808" not in message and "파일 '" not in message


def test_swapped_columns_in_count_points_name_the_function():
    swapped = pd.DataFrame({"lat": [127.263, 127.289], "lon": [36.5035, 36.48]})
    with pytest.raises(SejongDataError, match="grid.count_points.*범위 밖") as excinfo:
        grid.count_points(swapped)
    assert "범위 밖 좌표 2개 (모두 2개)" in str(excinfo.value)
    assert "바뀐 것 같습니다" in str(excinfo.value)


def test_points_outside_sejong_and_metre_coordinates_are_errors():
    with pytest.raises(SejongDataError) as excinfo:
        grid.cell_ids([36.5, 37.5665], [127.26, 126.978])  # 두 번째는 서울
    message = str(excinfo.value)
    assert "범위 밖 좌표 1개 (모두 2개)" in message and "위도 37.5665, 경도 126.978" in message
    assert "바뀐 것 같습니다" not in message and "suspect" in message
    with pytest.raises(SejongDataError, match="미터 좌표"):
        grid.cell_index(441_000.0, 223_000.0)


def test_missing_coordinates_are_errors_not_cell_names():
    with pytest.raises(SejongDataError, match=r"빈 좌표\(NaN\)가 1개") as excinfo:
        grid.cell_ids(pd.Series([36.5, np.nan]), pd.Series([127.26, 127.27]))
    assert "dropna" in str(excinfo.value)


def test_mismatched_or_non_numeric_input_is_an_error():
    with pytest.raises(SejongDataError, match="개수가 다릅니다"):
        grid.cell_ids([36.5, 36.51], [127.26])
    with pytest.raises(SejongDataError, match="수로 읽을 수 없습니다"):
        grid.cell_ids("정부세종청사", 127.26)


def test_corners_of_the_bounds_are_inside():
    lat_lo, lat_hi, lon_lo, lon_hi = grid.GRID_BOUNDS
    assert grid.cell_ids([lat_lo, lat_hi], [lon_lo, lon_hi]).str.startswith("G").all()
