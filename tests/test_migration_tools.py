"""3장 도구 시험: 흐름 지도(maps.add_flows), 흐름 표·중력 모형 자료(migration), 계수 표(models)."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from sejongdata import maps, migration

pytestmark = pytest.mark.chapter("03")

PLACES = pd.DataFrame({"emd_name": ["도담동", "해밀동", "반곡동"],
                       "lat": [36.5159, 36.5324, 36.4964], "lon": [127.2620, 127.2569, 127.3195]})


def _flows():
    od = pd.DataFrame({"origin": ["도담동", "해밀동", "도담동"],
                       "destination": ["해밀동", "도담동", "반곡동"], "movers": [400, 100, 200]})
    return migration.flow_lines(od, PLACES)


def _inner(m) -> str:
    return html.unescape(re.search(r'srcdoc="(.*?)"\s', m._repr_html_(), flags=re.S).group(1))


def test_flow_lines_attach_coordinates():
    flows = _flows()
    assert list(flows.columns) == ["origin", "destination", "movers", "origin_lat", "origin_lon",
                                   "dest_lat", "dest_lon"]
    assert flows.loc[0, "dest_lat"] == 36.5324 and flows.loc[1, "origin_lon"] == 127.2569
    with pytest.raises(ValueError, match="좌표가 없는 이름"):
        migration.flow_lines(pd.DataFrame({"origin": ["세종동"], "destination": ["도담동"],
                                           "movers": [1]}), PLACES)


def test_widths_are_proportional_with_a_floor():
    assert maps.flow_widths([400, 100, 200, 1], max_width=8, min_width=1) == [8.0, 2.0, 4.0, 1.0]


def test_add_flows_draws_one_offline_line_per_flow():
    m = maps.sejong_map()
    maps.add_flows(m, _flows(), max_width=8, name="이동")
    page = _inner(m)
    assert page.count("L.polyline(") == 3
    assert '"weight": 8.0' in page and '"weight": 2.0' in page and '"weight": 4.0' in page
    assert "../_static/vendor/leaflet-1.9.3/leaflet.js" in page
    assert not re.search(r"\d\.\d{6,}", page.split("L.polyline(", 1)[1][:2000]), "좌표가 반올림되지 않았습니다."
    fresh = [maps.add_flows(maps.sejong_map(), _flows(), max_width=8, name="이동") for _ in range(2)]
    assert fresh[0]._repr_html_() == fresh[1]._repr_html_()


def test_opposite_flows_bend_to_different_sides():
    a = maps._curve(36.50, 127.25, 36.53, 127.25, bend=0.2)
    b = maps._curve(36.53, 127.25, 36.50, 127.25, bend=0.2)
    assert a[0] == (36.5, 127.25) and a[-1] == (36.53, 127.25)
    assert a[4][1] > 127.25 > b[4][1]          # 북쪽으로 가면 동쪽(오른쪽), 남쪽으로 가면 서쪽


def test_add_flows_needs_coordinates():
    with pytest.raises(ValueError, match="흐름 표에 열이 없습니다"):
        maps.add_flows(maps.sejong_map(), pd.DataFrame({"movers": [1]}))


def test_gravity_pairs():
    od = pd.DataFrame({"origin": ["대전광역시", "세종특별자치시", "전국", "서울특별시"],
                       "destination": ["세종특별자치시", "대전광역시", "세종특별자치시", "서울특별시"],
                       "movers": [15000, 8000, 50000, 900000]})
    pop = pd.Series([51_000_000, 1_450_000, 350_000, 9_600_000],
                    index=["전국", "대전광역시", "세종특별자치시", "서울특별시"])
    pairs = migration.gravity_pairs(od, pop)
    assert len(pairs) == 2                      # 전국 행과 같은 시도 안 이동은 뺌
    assert pairs["contiguous"].tolist() == [1, 1]
    assert pairs["to_sejong"].tolist() == [1, 0] and pairs["from_sejong"].tolist() == [0, 1]
    assert 15 < pairs.loc[0, "distance_km"] < 20
    assert pairs.loc[0, "pop_origin"] == 1_450_000 and pairs.loc[0, "pop_dest"] == 350_000
    assert migration.are_neighbors("충북", "세종") and not migration.are_neighbors("제주", "전남")
    assert migration.short_name("강원도") == "강원"
    with pytest.raises(ValueError, match="population 에 없는 시도"):
        migration.gravity_pairs(od, pop.drop("서울특별시").rename({"대전광역시": "대전"})
                                .reindex(["대전"]))


def test_coefficients_table():
    import numpy as np
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    from sejongdata import models

    rng = np.random.default_rng(3)
    data = pd.DataFrame({"x": rng.uniform(1, 10, 400)})
    data["y"] = rng.poisson(np.exp(0.5 + 0.8 * np.log(data["x"])))
    fit = smf.glm("y ~ np.log(x)", data=data, family=sm.families.Poisson()).fit(cov_type="HC1")
    table = models.coefficients(fit, ["np.log(x)"])
    assert list(table.columns) == ["coef", "ci_low", "ci_high", "p_value"]
    assert table.loc["np.log(x)", "ci_low"] < 0.8 < table.loc["np.log(x)", "ci_high"]
    assert table.loc["np.log(x)", "coef"] == round(float(fit.params["np.log(x)"]), 3)
    with pytest.raises(KeyError, match="모형에 없는 항"):
        models.coefficients(fit, ["z"])
