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


def mclp_milp(cover: np.ndarray, weights, k: int, extra=None, time_limit: float = 60.0) -> dict:
    """최대 커버링 입지 문제를 정수계획(MILP)으로 정확히 풉니다 (scipy.optimize.milp, HiGHS).

    변수: 후보지 j 를 고르면 x_j = 1 (이진), 수요점 i 가 덮이면 y_i (0~1).
    목표: Σ w_i y_i 최대. 제약: y_i ≤ Σ_j a_ij x_j (덮는 후보를 골라야 덮임), Σ_j x_j = k.

    ``extra`` 는 후보지 변수 x 에만 거는 추가 제약의 목록입니다: ``(A, lb, ub)`` 꼴,
    A 는 (제약 수 × 후보지 수) 행렬. 예: 최소 간격 (x_j + x_l ≤ 1), 구역별 상한.
    돌려주는 사전: sites(고른 열 번호, 오름차순), covered(덮은 수요), status, seconds.
    """
    import time

    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp

    a = sparse.csr_matrix(np.asarray(cover, dtype=float))
    weights = np.asarray(weights, dtype=float)
    m, n = a.shape
    c = np.concatenate([np.zeros(n), -weights])
    link = sparse.hstack([-a, sparse.identity(m)])                      # y_i − Σ a_ij x_j ≤ 0
    count = sparse.hstack([sparse.csr_matrix(np.ones((1, n))), sparse.csr_matrix((1, m))])
    constraints = [LinearConstraint(link, -np.inf, 0), LinearConstraint(count, k, k)]
    for block, lb, ub in (extra or []):
        block = sparse.csr_matrix(np.asarray(block, dtype=float) if not sparse.issparse(block) else block)
        constraints.append(LinearConstraint(sparse.hstack([block, sparse.csr_matrix((block.shape[0], m))]),
                                            lb, ub))
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    start = time.perf_counter()
    result = milp(c, constraints=constraints, integrality=integrality, bounds=Bounds(0, 1),
                  options={"time_limit": time_limit})
    seconds = time.perf_counter() - start
    if result.x is None:
        raise RuntimeError(f"정수계획을 풀지 못했습니다: {result.message}")
    sites = np.flatnonzero(result.x[:n] > 0.5)
    return {"sites": sites.tolist(), "covered": covered_weight(cover, weights, sites),
            "status": result.message, "seconds": seconds}


def spacing_constraint(distances: np.ndarray, min_m: float):
    """후보지끼리 min_m 보다 가까우면 둘 다 고를 수 없다는 제약 (A, lb, ub) 를 만듭니다."""
    rows = [(j, l) for j in range(len(distances)) for l in range(j + 1, len(distances))
            if distances[j, l] < min_m]
    block = np.zeros((len(rows), len(distances)))
    for r, (j, l) in enumerate(rows):
        block[r, j] = block[r, l] = 1
    return block, -np.inf, 1


def p_median_greedy(distances: np.ndarray, weights, k: int) -> dict:
    """p-중앙값 문제(p-median)를 탐욕 알고리즘으로 풉니다 (근사해).

    MCLP 가 "반경 안에 든 수요"를 최대로 한다면, p-중앙값은 모든 수요가 가장 가까운 시설까지 가는
    **가중 평균 거리**를 최소로 합니다. 매 단계 평균 거리를 가장 많이 줄이는 후보를 더합니다.
    돌려주는 사전: sites(고른 순서), mean_distance(가중 평균 거리, m).
    """
    distances = np.asarray(distances, dtype=float)
    weights = np.asarray(weights, dtype=float)
    nearest = np.full(distances.shape[0], np.inf)
    sites: list[int] = []
    for _ in range(k):
        totals = (np.minimum(nearest[:, None], distances) * weights[:, None]).sum(axis=0)
        totals[sites] = np.inf
        best = int(np.argmin(totals))
        sites.append(best)
        nearest = np.minimum(nearest, distances[:, best])
    return {"sites": sites, "mean_distance": float((nearest * weights).sum() / weights.sum())}
