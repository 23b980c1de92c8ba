"""입지 선정 도구: 커버리지(coverage)와 탐욕 알고리즘(greedy).

**최대 커버링 입지 문제**(maximal covering location problem)는 "후보지 가운데 k 곳을 골라,
반경 r 안에 들어오는 수요의 합을 가장 크게" 하는 문제입니다. 여기서는 가장 많은 새 수요를 덮는
후보를 하나씩 고르는 탐욕 알고리즘을 씁니다. 탐욕 해는 최적해의 (1 − 1/e) ≈ 63 % 이상을 보장하며,
실제로는 최적해에 아주 가깝습니다 (2장에서 정확한 해와 비교합니다).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .geo import distance_matrix


def cover_matrix(demand: pd.DataFrame, sites: pd.DataFrame, radius_m: float) -> np.ndarray:
    """수요점 × 후보지 불리언 행렬: 후보지가 수요점을 반경 안에 덮으면 True."""
    return distance_matrix(demand, sites) <= radius_m


def covered_weight(cover: np.ndarray, weights, chosen, already=None) -> float:
    """고른 후보지(chosen, 열 번호)들이 덮는 수요의 합. already 는 이미 덮인 수요점(불리언)."""
    weights = np.asarray(weights, dtype=float)
    hit = cover[:, list(chosen)].any(axis=1) if len(chosen) else np.zeros(len(weights), bool)
    if already is not None:
        hit = hit | np.asarray(already, dtype=bool)
    return float(weights[hit].sum())


def greedy_max_cover(cover: np.ndarray, weights, k: int, already=None, costs=None,
                     budget: float | None = None) -> pd.DataFrame:
    """탐욕 알고리즘으로 후보지를 고릅니다.

    - ``k``: 고를 개수의 상한. ``already``: 이미 덮인 수요점(기존 대여소가 덮는 곳).
    - ``costs`` 와 ``budget`` 을 주면 "비용 1 당 새로 덮는 수요"가 큰 후보부터 예산 안에서 고릅니다.
    돌려주는 표: rank, site(열 번호), gain(새로 덮은 수요), cost, cumulative(누적 수요).
    새로 덮는 수요가 0 이면 멈춥니다.
    """
    weights = np.asarray(weights, dtype=float)
    covered = np.zeros(len(weights), bool) if already is None else np.asarray(already, bool).copy()
    costs = np.ones(cover.shape[1]) if costs is None else np.asarray(costs, dtype=float)
    spent, rows = 0.0, []
    available = np.ones(cover.shape[1], bool)
    while len(rows) < k:
        gains = (cover & ~covered[:, None]).T @ weights
        affordable = available & (spent + costs <= (np.inf if budget is None else budget))
        score = np.where(affordable, gains / costs, -1.0)
        best = int(np.argmax(score))
        if score[best] <= 0:
            break
        covered |= cover[:, best]
        spent += costs[best]
        available[best] = False
        rows.append({"rank": len(rows) + 1, "site": best, "gain": float(gains[best]),
                     "cost": float(costs[best]), "cumulative": float(weights[covered].sum())})
    return pd.DataFrame(rows, columns=["rank", "site", "gain", "cost", "cumulative"])
