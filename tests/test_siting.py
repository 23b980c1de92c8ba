"""거리·입지 도구 검사."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from sejongdata import geo, siting

pytestmark = pytest.mark.chapter("01", "02")


def test_haversine_known_distance():
    # 위도 1도 ≈ 111.2 km
    assert geo.haversine_m(36.0, 127.0, 37.0, 127.0) == pytest.approx(111_195, rel=1e-3)
    assert geo.haversine_m(36.5, 127.3, 36.5, 127.3) == 0


def test_nearest_and_sum_within():
    a = pd.DataFrame({"lat": [36.50, 36.60], "lon": [127.25, 127.25]})
    b = pd.DataFrame({"lat": [36.501, 36.70], "lon": [127.25, 127.25], "households": [100, 50]})
    near = geo.nearest_distance(a, b)
    assert near[0] == pytest.approx(111.2, rel=1e-2)
    assert list(geo.sum_within(a, b, "households", 500)) == [100.0, 0.0]
    assert np.isinf(geo.nearest_distance(a, b.iloc[0:0])).all()


def brute_force(cover, weights, k):
    best = max(itertools.combinations(range(cover.shape[1]), k),
               key=lambda c: siting.covered_weight(cover, weights, c))
    return siting.covered_weight(cover, weights, best)


def test_greedy_is_optimal_on_a_nested_example_and_respects_already_covered():
    cover = np.array([[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1]], dtype=bool)
    weights = [5, 1, 4, 3]
    picks = siting.greedy_max_cover(cover, weights, k=2)
    assert list(picks["site"]) == [0, 1]
    assert picks["cumulative"].iloc[-1] == brute_force(cover, weights, 2) == 10
    already = np.array([True, False, False, False])
    picks = siting.greedy_max_cover(cover, weights, k=2, already=already)
    assert list(picks["site"]) == [1, 2]
    assert list(picks["gain"]) == [5.0, 3.0]


def test_greedy_stops_when_nothing_new_and_obeys_budget():
    cover = np.array([[1, 1], [0, 0]], dtype=bool)
    assert len(siting.greedy_max_cover(cover, [1, 1], k=2)) == 1
    cover = np.eye(3, dtype=bool)
    picks = siting.greedy_max_cover(cover, [10, 9, 8], k=3, costs=[5, 1, 1], budget=3)
    assert list(picks["site"]) == [1, 2]
    assert picks["cost"].sum() <= 3


def test_greedy_within_guarantee_on_random_instances():
    gen = np.random.default_rng(7)
    for _ in range(20):
        cover = gen.random((12, 6)) < 0.3
        weights = gen.integers(1, 10, 12)
        greedy = siting.greedy_max_cover(cover, weights, k=3)["cumulative"]
        value = greedy.iloc[-1] if len(greedy) else 0
        assert value >= (1 - 1 / np.e) * brute_force(cover, weights, 3) - 1e-9


def test_holidays_2020():
    from sejongdata import calendar

    table = calendar.holidays(2020)
    assert len(table) == 18 and table["date"].is_monotonic_increasing
    flags = calendar.is_holiday(["2020-10-01 08:30", "2020-10-05 08:30"])
    assert list(flags) == [True, False]
    with pytest.raises(ValueError, match="2031"):
        calendar.holidays(2031)


def test_milp_matches_brute_force_and_beats_or_ties_greedy():
    gen = np.random.default_rng(11)
    for _ in range(10):
        cover = gen.random((15, 7)) < 0.3
        weights = gen.integers(1, 20, 15)
        exact = siting.mclp_milp(cover, weights, k=3)
        assert len(exact["sites"]) == 3
        assert exact["covered"] == pytest.approx(brute_force(cover, weights, 3))
        greedy = siting.greedy_max_cover(cover, weights, k=3)
        assert exact["covered"] >= (greedy["cumulative"].iloc[-1] if len(greedy) else 0) - 1e-9


def test_milp_spacing_constraint_is_respected():
    # 후보 0 과 1 은 가깝고 둘 다 좋은 자리: 간격 제약이 있으면 둘 중 하나만 고릅니다.
    cover = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=bool)
    weights = [10, 9, 1]
    distances = np.array([[0, 50, 900], [50, 0, 900], [900, 900, 0]])
    free = siting.mclp_milp(cover, weights, k=2)
    assert free["sites"] == [0, 1]
    spaced = siting.mclp_milp(cover, weights, k=2, extra=[siting.spacing_constraint(distances, 100)])
    assert spaced["sites"] == [0, 2] and spaced["covered"] == 11


def test_grid_cells_counts_and_smoothing():
    from sejongdata import grid

    ix, iy = grid.cell_index([36.5, 36.5], [127.26, 127.2601])
    assert ix[0] == ix[1] and iy[0] == iy[1], "9 m 떨어진 두 점은 같은 칸이어야 합니다."
    ix2, _ = grid.cell_index([36.5], [127.263])
    assert ix2[0] == ix[0] + 1, "약 270 m 동쪽은 옆 칸이어야 합니다."
    points = pd.DataFrame({"lat": [36.5, 36.5, 36.5], "lon": [127.26, 127.2601, 127.263]})
    counts = grid.count_points(points)
    assert sorted(counts.tolist()) == [1, 2]
    cells = pd.DataFrame({"x": [0, 250, 500, 5000], "y": [0, 0, 0, 5000], "v": [0, 10, 0, 0]})
    smoothed = grid.smooth(cells, "v", sigma_cells=1)
    assert smoothed[1] < 10 and smoothed[0] > 0 and smoothed[0] == pytest.approx(smoothed[2])
    assert smoothed[3] == pytest.approx(0, abs=1e-9)


def test_p_median_greedy_prefers_the_heavy_demand():
    distances = np.array([[0, 100, 900], [100, 0, 800], [900, 800, 0]], dtype=float)
    result = siting.p_median_greedy(distances, [10, 10, 1], k=1)
    assert result["sites"] in ([0], [1])
    assert result["mean_distance"] == pytest.approx((10 * 100 + 1 * 800) / 21) or \
        result["mean_distance"] == pytest.approx((10 * 100 + 1 * 900) / 21)
    two = siting.p_median_greedy(distances, [10, 10, 1], k=2)
    assert sorted(two["sites"]) == [0, 1] and two["mean_distance"] == pytest.approx(800 / 21)
