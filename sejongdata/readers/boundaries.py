"""행정동 경계 GeoJSON 리더 (administrative boundaries)."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError, SejongDataWarning

__all__ = ["read_boundaries"]

_POLYGONAL = {"Polygon", "MultiPolygon"}


def read_boundaries(path):
    """행정동 경계 GeoJSON 을 읽어 GeoDataFrame 으로 돌려줍니다.

    어디서: 통계청 SGIS 행정구역 경계를 GeoJSON 으로 바꿔 공개한 vuski/admdongkor
    (github.com/vuski/admdongkor, CC BY 4.0)의 행정동 파일, 그리고 이 책의 도식(schematic) 경계 파일.
    둘 다 속성(property) adm_nm('세종특별자치시 세종시 한솔동'), adm_cd2(10자리 코드)를 가집니다.
    도식 파일에는 ``schematic: true`` 가 더 있습니다.

    돌려주는 표: emd_code(10자리 글자), emd_name(adm_nm 의 마지막 낱말), schematic(없으면 False),
    in_sejong(세종 밖 도형이면 False — 지우지 않고 경고), geometry. 좌표계(CRS)는 EPSG:4326 입니다.
    잘못된 도형(invalid geometry)은 shapely make_valid 로 고치고 몇 개를 고쳤는지 경고합니다.

    예::

        emd = read_boundaries(data_path("emd_boundaries.geojson"))
        emd.plot(column="emd_name", legend=True)
    """
    import geopandas as gpd

    path = Path(path)
    if not path.exists():
        raise SejongDataError(path, "파일이 없습니다(file not found).", expected="GeoJSON 파일", found="없음")
    if not path.read_bytes().strip():
        raise SejongDataError(path, "빈 파일(empty file)입니다.", expected="GeoJSON FeatureCollection", found="내용 없음")
    try:
        gdf = gpd.read_file(path)
    except Exception as err:  # pyogrio 가 던지는 여러 오류를 한 가지로 바꿉니다
        raise SejongDataError(path, "지도 파일(GeoJSON)을 열 수 없습니다.", expected="GeoJSON FeatureCollection",
                              found=f"{type(err).__name__}: {str(err)[:200]}") from None
    if gdf.empty:
        raise SejongDataError(path, "도형(feature)이 하나도 없습니다.", expected="행정동 도형 1개 이상", found="0개")
    properties = [c for c in gdf.columns if c != gdf.geometry.name]
    missing = [p for p in ("adm_cd2", "adm_nm") if p not in properties]
    if missing:
        raise SejongDataError(path, f"필수 속성(property)이 없습니다: {', '.join(missing)}",
                              expected=["adm_cd2", "adm_nm"], found=properties or "(속성 없음)")

    codes = _codes(gdf["adm_cd2"], path)
    names = pd.Series([str(v).split()[-1] if isinstance(v, str) and v.split() else None for v in gdf["adm_nm"]],
                      index=gdf.index, dtype="str")
    if names.isna().any():
        raise SejongDataError(path, "adm_nm(행정동 이름)이 빈 도형이 있습니다.", expected="'세종특별자치시 세종시 한솔동' 꼴",
                              found=f"{int(names.isna().sum())}개 도형")
    schematic = _flags(gdf["schematic"]) if "schematic" in gdf.columns else pd.Series(False, index=gdf.index)
    geometry = _checked_geometry(gdf, path)

    in_sejong = codes.str.startswith("3611")
    if "sido" in gdf.columns:
        in_sejong &= gdf["sido"].astype(str).str.strip().eq("36")
    out = gpd.GeoDataFrame({"emd_code": codes, "emd_name": names, "schematic": schematic.astype(bool),
                            "in_sejong": in_sejong.astype(bool)}, geometry=geometry, crs=geometry.crs)
    outside = int((~out["in_sejong"]).sum())
    if outside:
        warnings.warn(f"파일 '{path.name}': 세종시 밖(코드가 3611 로 시작하지 않거나 sido 가 36 이 아님) 도형 {outside}개가 "
                      f"있습니다. 지우지 않고 in_sejong=False 로 표시했습니다: {out.loc[~out.in_sejong, 'emd_name'].tolist()[:8]}",
                      SejongDataWarning, stacklevel=2)
    dups = out["emd_code"][out["emd_code"].duplicated()].unique().tolist()
    if dups:
        warnings.warn(f"파일 '{path.name}': 같은 코드의 도형이 여러 개 있습니다: {dups[:8]}", SejongDataWarning, stacklevel=2)
    return out


def _codes(values: pd.Series, path) -> pd.Series:
    """adm_cd2 를 10자리 글자로. 숫자로 저장돼 있어도 받아들입니다."""
    def as_text(v):
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v).strip()

    codes = pd.Series([as_text(v) for v in values], index=values.index, dtype="str")
    bad = codes[~codes.str.fullmatch(r"\d{10}")]
    if len(bad):
        raise SejongDataError(path, f"adm_cd2 가 10자리 숫자 코드가 아닌 도형이 {len(bad)}개 있습니다.",
                              expected="10자리 행정기관코드 (예: 3611025000)", found=list(bad.head(5)))
    return codes


def _flags(values: pd.Series) -> pd.Series:
    """schematic 속성: true/false/1/0/'true' 를 bool 로, 없는 값은 False."""
    def flag(v):
        if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
            return False
        if isinstance(v, str):
            return v.strip().lower() in ("true", "1", "yes", "y", "t")
        return bool(v)

    return pd.Series([flag(v) for v in values], index=values.index, dtype=bool)


def _checked_geometry(gdf, path):
    """도형 종류·좌표계를 확인하고 잘못된 도형을 고칩니다."""
    import shapely

    geometry = gdf.geometry
    empty = geometry.isna() | geometry.is_empty
    if empty.any():
        raise SejongDataError(path, f"도형(geometry)이 비어 있는 행정동이 {int(empty.sum())}개 있습니다.",
                              expected="Polygon 또는 MultiPolygon", found=gdf.loc[empty, "adm_nm"].astype(str).tolist()[:8])
    kinds = set(geometry.geom_type)
    if not kinds <= _POLYGONAL:
        raise SejongDataError(path, "면(polygon)이 아닌 도형이 있습니다.", expected=sorted(_POLYGONAL),
                              found=sorted(kinds))
    if geometry.crs is None:
        warnings.warn(f"파일 '{path.name}': 좌표계(CRS)가 적혀 있지 않아 EPSG:4326(WGS84 경위도)로 봅니다.",
                      SejongDataWarning, stacklevel=3)
        geometry = geometry.set_crs(4326)
    elif geometry.crs.to_epsg() != 4326:
        geometry = geometry.to_crs(4326)
    invalid = ~geometry.is_valid
    if invalid.any():
        fixed = shapely.make_valid(geometry[invalid].to_numpy(), method="structure", keep_collapsed=False)
        geometry = geometry.copy()
        geometry[invalid] = fixed
        warnings.warn(f"파일 '{path.name}': 잘못된 도형(invalid geometry) {int(invalid.sum())}개를 make_valid 로 고쳤습니다: "
                      f"{gdf.loc[invalid, 'adm_nm'].astype(str).tolist()[:8]}", SejongDataWarning, stacklevel=3)
    return geometry
