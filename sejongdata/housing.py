"""6장 주택시장 분석 도구: 실거래가 파일 모으기, 단지의 공간 변수 (EPSG:5179).

노트북이 한 단계씩 보여 주는 계산을 한 번에 하는 함수입니다 (연습문제의 채점과 다른 장이 씁니다).

예::

    trades = housing.read_trades()                 # 2017~2023 일곱 파일, 해제 거래 표시
    cx = housing.complex_table()                   # 단지마다 BRT·청사 거리, 500 m 점포 수, 호수 조망
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from .paths import data_path
from .readers import read_apartments, read_emd_master, read_molit_apt_trades, read_places, read_stores

__all__ = ["YEARS", "CRS", "PYEONG_M2", "read_trades", "complex_table", "points", "hedonic_data", "log_stores"]

YEARS = tuple(range(2017, 2024))
CRS = "EPSG:5179"            # UTM-K (m): 거리·반경 계산용
PYEONG_M2 = 400 / 121        # 1평 = 3.3058 ㎡
LAKE_VIEW_M = 1_500


def read_trades(years=YEARS) -> pd.DataFrame:
    """해마다 한 파일인 아파트(매매) 실거래가를 이어 붙입니다 (열은 리더가 판마다 맞춤). year 열을 더합니다."""
    parts = [read_molit_apt_trades(data_path(f"molit_apt_trades_{y}.csv")).assign(year=y) for y in years]
    return pd.concat(parts, ignore_index=True)


def points(frame: pd.DataFrame, crs: str = CRS) -> gpd.GeoDataFrame:
    """lat, lon 열이 있는 표 → 투영 좌표계의 점 GeoDataFrame."""
    geometry = gpd.points_from_xy(frame["lon"], frame["lat"], crs="EPSG:4326")
    return gpd.GeoDataFrame(frame.copy(), geometry=geometry).to_crs(crs)


def complex_table(radius_m: float = 500) -> gpd.GeoDataFrame:
    """단지(apartment_complexes.csv)마다 공간 변수: dist_brt_km, dist_gov_km, lake_view(1.5 km 안 0/1),
    stores_500m(반경 안 점포 수; radius_m 을 바꾸면 그 반경), emd_name, lifezone."""
    cx = points(read_apartments())
    places = points(read_places())
    stores = points(read_stores(data_path("stores_sejong.csv"))[["store_id", "lat", "lon"]])
    near = gpd.sjoin_nearest(cx, places[places["category"] == "brt_stop"][["geometry"]], distance_col="d")
    cx["dist_brt_km"] = near.groupby(level=0)["d"].first() / 1000
    gov = places.loc[places["category"] == "government", "geometry"].iloc[0]
    cx["dist_gov_km"] = cx.distance(gov) / 1000
    lake = places.loc[places["category"] == "park", "geometry"].iloc[0]
    cx["lake_view"] = (cx.distance(lake) <= LAKE_VIEW_M).astype(int)
    hits = gpd.sjoin(stores, cx[["complex_id", "geometry"]], predicate="dwithin", distance=radius_m)
    cx["stores_500m"] = cx["complex_id"].map(hits.groupby("complex_id").size()).fillna(0).astype(int)
    emd = read_emd_master()[["emd_code", "emd_name", "lifezone"]]
    return cx.merge(emd, on="emd_code", how="left")


def log_stores(values) -> np.ndarray:
    """log(1 + 점포 수)."""
    return np.log1p(np.asarray(values, dtype=float))


def hedonic_data(trades: pd.DataFrame | None = None, cx: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """해제 거래를 뺀 매매에 단지 변수를 붙이고 회귀에 쓰는 열을 더합니다 (6장 6절과 같은 정의):
    log_price(log 만원), log_area(log(면적/84)), age(계약 연도 − 건축년도, 0 이상), log_stores, month_str."""
    trades = read_trades() if trades is None else trades
    cx = complex_table() if cx is None else cx
    ok = trades[~trades["cancelled"]].copy()
    features = ["complex_name", "households", "dist_brt_km", "dist_gov_km", "lake_view", "stores_500m", "emd_name",
                "lifezone"]
    data = ok.merge(pd.DataFrame(cx[features]), on="complex_name", how="left")
    data["log_price"] = np.log(data["price_10k_won"])
    data["log_area"] = np.log(data["area_m2"] / 84)
    data["age"] = (data["year"] - data["build_year"]).clip(lower=0)
    data["log_stores"] = log_stores(data["stores_500m"])
    data["month_str"] = data["contract_date"].dt.strftime("%Y-%m")
    return data
