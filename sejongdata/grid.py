"""250 m 격자(grid) 도구: 점을 칸에 넣고, 칸별 건수를 세고, 부드럽게 펴고, 지도용 도형을 만듭니다.

칸 규칙 (datasets/grid_250m.csv 와 같음): 위도·경도를 EPSG:5186(미터 좌표)으로 바꾼 뒤
``ix = floor(x / 250)``, ``iy = floor(y / 250)``, 칸 이름은 ``G{ix}_{iy}`` 입니다.
칸의 왼쪽 아래 모서리가 (ix·250, iy·250) 입니다.

격자는 세종시를 둘러싼 네모(위도 36.40~36.75, 경도 127.10~127.45, ``GRID_BOUNDS``)를 덮습니다.
그 밖의 좌표나 빈 좌표(NaN)를 주면 칸 이름을 지어내지 않고 :class:`SejongDataError` 를 던집니다
(위도·경도를 바꿔 넣은 흔한 실수를 알려 줍니다).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pyproj import Transformer

from .errors import SejongDataError
from .readers.common import SEJONG_BBOX

CELL_M = 250
PROJECTED_CRS = "EPSG:5186"
#: 격자가 덮는 범위 (위도 최소, 위도 최대, 경도 최소, 경도 최대) = 세종시를 둘러싼 네모
GRID_BOUNDS = SEJONG_BBOX
_TO_XY = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)


def _inside(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    lat_lo, lat_hi, lon_lo, lon_hi = GRID_BOUNDS
    return (lat >= lat_lo) & (lat <= lat_hi) & (lon >= lon_lo) & (lon <= lon_hi)


def check_coordinates(lat, lon, where: str = "grid.cell_ids") -> tuple[np.ndarray, np.ndarray]:
    """위도·경도를 실수 배열로 바꾸고, 모두 격자 범위 안인지 확인합니다.

    빈 값(NaN)이나 범위 밖 좌표가 있으면 무엇을 기대했고 무엇을 찾았는지 밝히는
    :class:`SejongDataError` 를 던집니다. 바꿔 넣으면 범위 안에 드는 좌표는 "위도·경도가 바뀐 것 같다"고 말합니다.
    """
    try:
        lat_a = np.atleast_1d(np.asarray(lat, dtype=float))
        lon_a = np.atleast_1d(np.asarray(lon, dtype=float))
    except (TypeError, ValueError) as exc:
        raise SejongDataError(None, f"{where}: 위도·경도를 수로 읽을 수 없습니다 ({exc}).",
                              expected="위도(latitude)와 경도(longitude): 수 두 개, 또는 수로 된 열(Series)·배열 두 개",
                              found=f"{type(lat).__name__}, {type(lon).__name__}") from None
    if lat_a.shape != lon_a.shape:
        raise SejongDataError(None, f"{where}: 위도와 경도의 개수가 다릅니다.",
                              expected="같은 길이의 위도(latitude)·경도(longitude)",
                              found=f"위도 {lat_a.size}개, 경도 {lon_a.size}개")
    lat_lo, lat_hi, lon_lo, lon_hi = GRID_BOUNDS
    expected = (f"위도(latitude) {lat_lo:.2f}~{lat_hi:.2f}, 경도(longitude) {lon_lo:.2f}~{lon_hi:.2f} "
                "(세종시 250 m 격자의 범위), 순서는 (위도, 경도)")
    missing = np.isnan(lat_a) | np.isnan(lon_a)
    if missing.any():
        raise SejongDataError(None, f"{where}: 빈 좌표(NaN)가 {int(missing.sum()):,}개 있습니다 (모두 {lat_a.size:,}개).",
                              expected=expected, found=f"{int(missing.sum()):,}개 행의 위도 또는 경도가 비어 있음",
                              hint="좌표가 빈 행을 먼저 빼세요 (예: df.dropna(subset=['lat', 'lon'])).")
    outside = ~_inside(lat_a, lon_a)
    if outside.any():
        first = int(np.flatnonzero(outside)[0])
        found = (f"범위 밖 좌표 {int(outside.sum()):,}개 (모두 {lat_a.size:,}개), "
                 f"첫 번째: 위도 {lat_a[first]:.6g}, 경도 {lon_a[first]:.6g}")
        if _inside(lon_a[outside], lat_a[outside]).all():
            hint = (f"위도와 경도가 바뀐 것 같습니다 (위도 자리에 {lat_a[first]:.6g}, 경도 자리에 {lon_a[first]:.6g}). "
                    f"{where}(위도, 경도) 순서로 넘기세요.")
        else:
            hint = ("위도·경도가 바뀌었는지, 미터 좌표(EPSG:5186 의 x·y)를 넘겼는지, 세종시 밖 점(예: 리더가 suspect 로 "
                    "표시한 행)이 섞였는지 확인하세요.")
        raise SejongDataError(None, f"{where}: 좌표가 250 m 격자(grid)의 범위 밖입니다.",
                              expected=expected, found=found, hint=hint)
    return lat_a, lon_a


def _cell_numbers(lat, lon, size: int, where: str) -> tuple[np.ndarray, np.ndarray]:
    lat_a, lon_a = check_coordinates(lat, lon, where=where)
    x, y = _TO_XY.transform(lon_a, lat_a)
    return np.floor(np.asarray(x) / size).astype(np.int64), np.floor(np.asarray(y) / size).astype(np.int64)


def _is_scalar(lat, lon) -> bool:
    return np.ndim(lat) == 0 and np.ndim(lon) == 0


def cell_index(lat, lon, size: int = CELL_M):
    """위도·경도 → 칸 번호 (ix, iy).

    수 두 개를 주면 정수 두 개를, 배열(열)을 주면 정수 배열 두 개를 돌려줍니다.
    격자 범위 밖이거나 빈 좌표는 :class:`SejongDataError` (``check_coordinates``).
    """
    ix, iy = _cell_numbers(lat, lon, size, "grid.cell_index")
    return (int(ix[0]), int(iy[0])) if _is_scalar(lat, lon) else (ix, iy)


def cell_ids(lat, lon, size: int = CELL_M, where: str = "grid.cell_ids"):
    """위도·경도 → 칸 이름 'G{ix}_{iy}'.

    - 수 두 개: ``grid.cell_ids(36.5035, 127.2630)`` → ``'G894_1735'`` (문자열 하나)
    - 열(Series)·배열 두 개: 칸 이름의 Series. 위도가 Series 면 그 색인(index)을 그대로 씁니다
      (``df["cell_id"] = grid.cell_ids(df["lat"], df["lon"])`` 가 행을 맞춰 들어갑니다).

    순서는 언제나 (위도, 경도)입니다. 격자 범위 밖 좌표(예: 위도·경도를 바꿔 넣음)나 빈 좌표는
    :class:`SejongDataError` 를 던집니다.
    """
    ix, iy = _cell_numbers(lat, lon, size, where)
    names = [f"G{a}_{b}" for a, b in zip(ix, iy)]
    if _is_scalar(lat, lon):
        return names[0]
    return pd.Series(names, index=lat.index if isinstance(lat, pd.Series) else None, name="cell_id")


def count_points(points: pd.DataFrame, size: int = CELL_M) -> pd.Series:
    """점(lat, lon 열)을 칸별로 센 Series (색인: 칸 이름). 격자 밖 점은 오류입니다 (``cell_ids``)."""
    ids = cell_ids(points["lat"], points["lon"], size, where="grid.count_points")
    return ids.value_counts().rename("count")


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
