"""지도(folium)와 그림(matplotlib) 설정 검사."""
from __future__ import annotations

import html
import re

import geopandas as gpd
import matplotlib
import pandas as pd
import pytest
from shapely.geometry import box

from sejongdata import maps, plotting


def toy_boundaries():
    return gpd.GeoDataFrame(
        {"emd_code": ["3611051000", "3611052000"], "emd_name": ["한솔동", "도담동"]},
        geometry=[box(127.25, 36.47, 127.26, 36.48), box(127.26, 36.51, 127.27, 36.52)],
        crs="EPSG:4326")


def toy_map():
    data = pd.DataFrame({"emd_code": ["3611051000", "3611052000"], "growth_pct": [-3.5, 86.5]})
    return maps.choropleth(toy_boundaries(), data, "growth_pct", "인구 증가율(%)")


def inner_html(m) -> str:
    outer = m._repr_html_()
    return html.unescape(re.search(r'srcdoc="(.*?)"\s', outer, flags=re.S).group(1))


def test_map_output_is_reproducible():
    assert toy_map()._repr_html_() == toy_map()._repr_html_()
    assert not re.search(r"_[0-9a-f]{32}", toy_map()._repr_html_()), "무작위 id 가 남아 있습니다."
    assert "0x" not in repr(toy_map())


def test_map_loads_leaflet_and_d3_from_the_book_first():
    page = inner_html(toy_map())
    sources = re.findall(r'<script src="([^"]+)"', page)
    assert sources[0] == "../_static/vendor/leaflet-1.9.3/leaflet.js"
    assert all(s.startswith("../_static/vendor/") for s in sources), f"CDN 주소가 먼저 쓰입니다: {sources}"
    assert "../_static/vendor/d3-3.5.5/d3.min.js" in sources, "색 범례의 d3 가 책의 파일이 아닙니다."
    assert 'href="../_static/vendor/leaflet-1.9.3/leaflet.css"' in page


def test_fallbacks_are_valid_inline_scripts():
    page = inner_html(toy_map())
    scripts = re.findall(r"<script>if \(typeof window.L === 'undefined'\).*?</script>", page, flags=re.S)
    assert len(scripts) == 2, "JupyterLab 과 CDN 대안이 모두 있어야 합니다."
    for script in scripts:
        body = script[len("<script>"):-len("</script>")]
        assert "</script>" not in body, "인라인 스크립트 안에 </script> 가 있어 HTML 이 끊깁니다."
    assert "/files/book/_static/vendor/leaflet-1.9.3/leaflet.js" in scripts[0]
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in scripts[1]


def test_choropleth_marks_schematic_boundaries():
    assert maps.SCHEMATIC_NOTE in inner_html(toy_map())


def test_match_report_counts_mismatches(capsys):
    data = pd.DataFrame({"emd_code": ["3611051000", "9999999999"]})
    report = maps.match_report(toy_boundaries(), data)
    assert report["matched"] == 1
    assert report["only_in_boundaries"] == ["3611052000"]
    assert report["only_in_data"] == ["9999999999"]
    assert "일치: 1개" in capsys.readouterr().out


def test_korean_font_and_minus_sign():
    assert plotting.setup_plots() == "NanumGothic"
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert plotting.font_has_hangul("NanumGothic")
    assert not plotting.font_has_hangul("DejaVu Sans"), "검사가 한글 없는 글꼴도 통과시킵니다."


def test_simulated_label_added_once():
    assert plotting.simulated("인구") == "인구 (모의 데이터)"
    assert plotting.simulated("인구 (모의 데이터)") == "인구 (모의 데이터)"


@pytest.mark.filterwarnings("error")
def test_hangul_figure_draws_without_missing_glyph_warnings(tmp_path):
    import matplotlib.pyplot as plt

    plotting.setup_plots()
    fig, ax = plt.subplots()
    ax.plot([1, 2], [-1, 1])
    plotting.finish(ax, "세종시 인구", "월", "인구(명)")
    fig.savefig(tmp_path / "figure.png")
    plt.close(fig)


def test_finish_formats_thousands():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.bar(["가", "나"], [12000, 25000])
    plotting.finish(ax, "막대")
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    plt.close(fig)
    assert "25,000" in labels or "20,000" in labels, f"천 단위 쉼표가 없습니다: {labels}"


def test_add_points_scales_area_with_value():
    points = pd.DataFrame({"lat": [36.5, 36.51], "lon": [127.26, 127.27], "rentals": [100, 25],
                           "name": ["가", "나"]})
    m = maps.add_points(maps.sejong_map(), points, size="rentals", label="name", name="대여소")
    page = inner_html(m)
    assert '"radius": 12.0' in page and '"radius": 6.0' in page, "반지름이 √값에 비례하지 않습니다."
    assert "feature_group_" in page, "이름을 준 점 묶음이 레이어(FeatureGroup)가 아닙니다."


def test_rate_ratios_and_dispersion():
    import numpy as np
    import statsmodels.api as sm

    from sejongdata import models

    gen = np.random.default_rng(1)
    x = gen.integers(0, 2, 2000)
    y = gen.poisson(np.exp(1.0 + np.log(0.5) * x))
    result = sm.GLM(y, sm.add_constant(pd.DataFrame({"rain": x})), family=sm.families.Poisson()).fit()
    table = models.rate_ratios(result, ["rain"])
    assert 0.45 < table.loc["rain", "rate_ratio"] < 0.55
    assert table.loc["rain", "ci_low"] < 0.5 < table.loc["rain", "ci_high"]
    assert 0.9 < models.dispersion(result) < 1.1
    with pytest.raises(KeyError, match="모형에 없는 항"):
        models.rate_ratios(result, ["wind"])


def test_estimate_nb_alpha_recovers_overdispersion():
    import numpy as np

    from sejongdata import models

    gen = np.random.default_rng(3)
    n, alpha = 3000, 0.5
    mu = np.exp(2.0 + 0.3 * gen.integers(0, 2, n))
    y = gen.negative_binomial(1 / alpha, 1 / (1 + alpha * mu))
    data = pd.DataFrame({"y": y, "x": (np.log(mu) > 2.1).astype(int)})
    assert 0.4 < models.estimate_nb_alpha("y ~ x", data) < 0.6


def test_choropleth_fits_bounds_unless_told_not_to():
    data = pd.DataFrame({"emd_code": ["3611051000", "3611052000"], "v": [1.0, 2.0]})
    fitted = inner_html(maps.choropleth(toy_boundaries(), data, "v", "값"))
    kept = inner_html(maps.choropleth(toy_boundaries(), data, "v", "값", m=maps.sejong_map(), fit=False))
    assert "fitBounds" in fitted and "fitBounds" not in kept


def test_flow_map_has_one_table_row_per_line():
    import pandas as pd

    from sejongdata import maps

    flows = pd.DataFrame({"origin": ["한솔동", "보람동"], "destination": ["보람동", "한솔동"],
                          "origin_lat": [36.48, 36.47], "origin_lon": [127.26, 127.29],
                          "dest_lat": [36.47, 36.48], "dest_lon": [127.29, 127.26], "movers": [120, 480]})
    m = maps.add_flows(maps.sejong_map(), flows, value_label="이동자 수(명)")
    table = maps.tables_html(m)
    assert table.count("<tr><td>") == 2 and "<th scope=\"col\">이동자 수(명)</th>" in table
    assert table.index("보람동</td><td>한솔동</td><td>480") < table.index("한솔동</td><td>보람동</td><td>120")
