"""250 m 격자(grid) 도구: 점을 칸에 넣고, 칸별 건수를 세고, 부드럽게 펴고, 지도용 도형을 만듭니다.

칸 규칙 (datasets/grid_250m.csv 와 같음): 위도·경도를 EPSG:5186(미터 좌표)으로 바꾼 뒤
``ix = floor(x / 250)``, ``iy = floor(y / 250)``, 칸 이름은 ``G{ix}_{iy}`` 입니다.
칸의 왼쪽 아래 모서리가 (ix·250, iy·250) 입니다.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pyproj import Transformer

CELL_M = 250
PROJECTED_CRS = "EPSG:5186"
_TO_XY = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)


def cell_index(lat, lon, size: int = CELL_M) -> tuple[np.ndarray, np.ndarray]:
    """위도·경도 배열 → 칸 번호 (ix, iy)."""
    x, y = _TO_XY.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.floor(np.asarray(x) / size).astype(int), np.floor(np.asarray(y) / size).astype(int)


def cell_ids(lat, lon, size: int = CELL_M) -> pd.Series:
    """위도·경도 배열 → 칸 이름 'G{ix}_{iy}'."""
    ix, iy = cell_index(lat, lon, size)
    return pd.Series([f"G{a}_{b}" for a, b in zip(ix, iy)])


def count_points(points: pd.DataFrame, size: int = CELL_M) -> pd.Series:
    """점(lat, lon 열)을 칸별로 센 Series (색인: 칸 이름)."""
    return cell_ids(points["lat"], points["lon"], size).value_counts().rename("count")


def smooth(grid: pd.DataFrame, column: str, sigma_cells: float = 1.0, size: int = CELL_M) -> np.ndarray:
    """칸 값을 가우스 커널(표준편차 sigma_cells 칸)로 부드럽게 편 값 (grid 의 행 순서).

    격자 밖(표에 없는 칸)은 0 으로 봅니다. 합계는 거의 보존됩니다 (가장자리에서 조금 샙니다).
    """
    from scipy.ndimage import gaussian_filter

    ix = (grid["x"].to_numpy() // size).astype(int)
    iy = (grid["y"].to_numpy() // size).astype(int)
    pad = int(np.ceil(4 * sigma_cells))
    array = np.zeros((ix.max() - ix.min() + 1 + 2 * pad, iy.max() - iy.min() + 1 + 2 * pad))
    cols, rows = ix - ix.min() + pad, iy - iy.min() + pad
    np.add.at(array, (cols, rows), grid[column].to_numpy(dtype=float))
    return gaussian_filter(array, sigma=sigma_cells, mode="constant")[cols, rows]


def cell_polygons(grid: pd.DataFrame, size: int = CELL_M):
    """칸(x, y 왼쪽 아래 모서리)을 WGS84 사각형 GeoDataFrame 으로 (지도 그리기용)."""
    import geopandas as gpd
    from shapely.geometry import box

    shapes = [box(x, y, x + size, y + size) for x, y in zip(grid["x"], grid["y"])]
    return gpd.GeoDataFrame(grid.copy(), geometry=shapes, crs=PROJECTED_CRS).to_crs("EPSG:4326")
