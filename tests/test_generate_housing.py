"""6장 주택 자료 생성기: 판 변경, 보정, 헤도닉 구조를 회귀가 되찾는지, 크기 예산."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from sejongdata import data_path
from sejongdata.generate import housing
from sejongdata.generate.base import SEED
from sejongdata.readers import read_building_titles, read_land_prices, read_molit_apt_rents, read_molit_apt_trades

pytestmark = pytest.mark.chapter("06")

FILES = [f for _, f, _ in housing.DATASETS]


def test_files_within_budget():
    total = sum(data_path(f).stat().st_size for f in FILES)
    assert total < 10_000_000, f"6장 자료가 {total / 1e6:.1f} MB 입니다 (예산 10 MB)."


@pytest.mark.parametrize("year,n_columns", [(2017, 13), (2020, 13), (2021, 15), (2023, 20)])
def test_layout_changes_over_time(year, n_columns):
    raw = data_path(f"molit_apt_trades_{year}.csv").read_bytes().decode("cp949")
    header = next(line for line in raw.splitlines() if line.startswith('"시군구"') or line.startswith('"NO"'))
    assert len(header.split(",")) == n_columns
    assert raw.splitlines()[0].startswith('"□')


def test_price_index_follows_published_path():
    ix = np.exp(housing.price_index())
    assert math.isclose(ix["2020-12"] / ix["2019-12"], 1.4493, rel_tol=1e-9)
    assert math.isclose(ix["2020-07"] / ix["2020-06"], 1.0653, rel_tol=1e-9)
    assert math.isclose(ix["2020-08"] / ix["2020-07"], 1.0920, rel_tol=1e-9)
    assert math.isclose(ix["2021-12"] / ix["2020-12"], 1 - 0.0078, rel_tol=1e-9)
    assert math.isclose(ix["2021-01"] / ix["2017-01"], 2002 / 979, rel_tol=1e-9)
    assert ix["2022-12"] < ix["2021-12"] * 0.9


def test_calibration_median_july_2021():
    trades = pd.concat([read_molit_apt_trades(data_path(f"molit_apt_trades_{y}.csv")) for y in (2021,)])
    ok = trades[~trades["cancelled"]]
    july = ok[ok["contract_date"].dt.strftime("%Y-%m") == "2021-07"]
    assert math.isclose(july["price_10k_won"].median(), 67_841, rel_tol=0.01)
    assert 0.03 < trades["cancelled"].mean() < 0.12


def test_hedonic_regression_recovers_built_in_coefficients():
    """단지 변수를 알고 있을 때 동 고정효과 OLS 가 카드의 계수를 (잡음 안에서) 되찾습니다."""
    tr = housing.build_trades(SEED)
    cx = housing.complex_features(SEED)
    ok = tr[~tr["cancelled"]].merge(cx.drop(columns=["build_year", "complex_name", "legal_dong", "jibun", "bonbeon",
                                                     "road_name", "emd_code"]), left_on="cx", right_index=True)
    ok = ok.assign(log_price=np.log(ok["price_10k_won"]), log_area=np.log(ok["area_m2"] / 84),
                   log_stores_500m=np.log1p(ok["stores_500m"]))
    fit = smf.ols("log_price ~ log_area + floor + age + dist_brt_km + dist_gov_km + lake_view + log_stores_500m"
                  " + C(emd_code) + C(month)", data=ok).fit(cov_type="cluster", cov_kwds={"groups": ok["cx"]})
    for name, true in housing.HEDONIC.items():
        lo, hi = fit.conf_int().loc[name]
        assert lo - 0.01 < true < hi + 0.01, (name, true, fit.params[name])
    # 교란: 청사 거리를 빼면 상권 계수가 부풀려집니다
    short = smf.ols("log_price ~ log_area + floor + age + log_stores_500m + C(month)", data=ok).fit()
    assert short.params["log_stores_500m"] > 2 * housing.HEDONIC["log_stores_500m"]


def test_rents_land_and_titles_join_the_trades():
    rents = read_molit_apt_rents(data_path("molit_apt_rents_2020.csv"))
    assert set(rents["rent_type"]) == {"전세", "월세"}
    land = read_land_prices(data_path(housing.LAND_FILE))
    titles = read_building_titles(data_path(housing.TITLE_FILE))
    assert len(land) == 288 * 7 and land["pnu"].str.len().eq(19).all()
    cx = housing.complex_features(SEED)
    apt = titles[titles["main_use"] == "공동주택"]
    assert apt.groupby("building_name")["households"].sum().sort_index().tolist() == \
        cx.set_index("complex_name")["households"].sort_index().tolist()
    keys = set(zip(rents["legal_dong"], rents["jibun"]))
    assert keys <= set(zip(land["legal_dong"], land["jibun"])) and keys <= set(zip(titles["legal_dong"], titles["jibun"]))


def test_spatial_helper_matches_the_generator():
    """sejongdata.housing.complex_table (geopandas, EPSG:5179) 가 생성기가 쓴 설명 변수를 그대로 다시 만듭니다."""
    from sejongdata import housing as tools

    cx = tools.complex_table()
    truth = housing.complex_features(SEED)
    assert (cx["complex_name"].to_numpy() == truth["complex_name"].to_numpy()).all()
    for column in ["dist_brt_km", "dist_gov_km"]:
        assert np.allclose(cx[column], truth[column], atol=1e-6), column
    assert (cx["lake_view"].to_numpy() == truth["lake_view"].to_numpy()).all()
    assert (cx["stores_500m"].to_numpy() == truth["stores_500m"].to_numpy()).all()
    data = tools.hedonic_data(cx=cx)
    assert len(data) == 13_199 and data["dist_gov_km"].notna().all()
