"""거리 계산 도구 (distance helpers).

위도·경도(WGS84) 점 사이의 거리를 미터로 셉니다. 세종시처럼 작은 지역에서는 구면 거리(하버사인,
haversine)로 충분합니다. 모든 함수는 numpy 배열을 받아 한꺼번에 계산합니다.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

EARTH_RADIUS_M = 6_371_008.8


def haversine_m(lat1, lon1, lat2, lon2) -> np.ndarray:
    """두 점(또는 점 배열) 사이의 거리(m). 배열은 numpy 방송(broadcasting) 규칙을 따릅니다."""
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a))


def distance_matrix(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    """a 의 각 행(lat, lon 열)에서 b 의 각 행까지의 거리 행렬(m), 모양 (len(a), len(b))."""
    return haversine_m(a["lat"].to_numpy()[:, None], a["lon"].to_numpy()[:, None],
                       b["lat"].to_numpy()[None, :], b["lon"].to_numpy()[None, :])


def nearest_distance(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    """a 의 각 점에서 가장 가까운 b 의 점까지 거리(m). b 가 비어 있으면 모두 무한대."""
    if len(b) == 0:
        return np.full(len(a), np.inf)
    return distance_matrix(a, b).min(axis=1)


def sum_within(a: pd.DataFrame, b: pd.DataFrame, weight: str, radius_m: float) -> np.ndarray:
    """a 의 각 점에서 반경 radius_m 안에 있는 b 의 ``weight`` 열 합계 (예: 대여소 주변 세대수)."""
    inside = distance_matrix(a, b) <= radius_m
    return inside @ b[weight].to_numpy(dtype=float)
