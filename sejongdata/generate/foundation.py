"""기초 자료 6종 (0장 '시작하기'와 모든 장이 함께 쓰는 바탕).

- emd_master.csv                     실제 읍면동 사실표
- population_emd_monthly.csv         모의 주민등록 인구 및 세대현황 (행정안전부 내려받기 형식)
- population_emd_age.csv             모의 연령별 인구현황 (10세 단위, 같은 형식)
- emd_boundaries_schematic.geojson   도식 읍면동 경계 (실제 경계 아님)
- apartment_complexes.csv            모의 아파트 단지
- places.csv                         주요 장소 (위치는 도식)

모든 값은 :func:`sejongdata.generate.base.build_city` 가 만든 하나의 도시에서 옵니다.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .. import city as facts
from .base import AGE_BANDS, DECEMBERS, MONTHS, City, fmt_int, write_quoted_csv, write_utf8_csv

CITY_LABEL = f"{facts.CITY_NAME}  ({facts.CITY_CODE})"   # 실제 내려받기처럼 괄호 앞 공백 두 칸


def _ym_korean(month: str) -> str:
    """"2019-01" → "2019년01월"."""
    return f"{month[:4]}년{month[5:]}월"


def _unit_label(name: str, code: str) -> str:
    """"세종특별자치시 조치원읍(3611025000)"."""
    return f"{facts.CITY_NAME} {name}({code})"


# ---------------------------------------------------------------------------
# emd_master.csv
# ---------------------------------------------------------------------------
def write_emd_master(city: City, out: Path) -> None:
    """실제 읍면동 사실표 (UTF-8)."""
    cols = ["emd_code", "emd_name", "emd_type", "lifezone", "lat", "lon",
            "established", "parent_code", "pop_2024_07"]
    write_utf8_csv(out / "emd_master.csv", city.emd[cols], {"lat": 4, "lon": 4})


# ---------------------------------------------------------------------------
# population_emd_monthly.csv (주민등록 인구 및 세대현황)
# ---------------------------------------------------------------------------
MONTHLY_ITEMS = ("총인구수", "세대수", "세대당 인구", "남자 인구수", "여자 인구수", "남여 비율")


def _monthly_cells(pop: int, hh: int, male: int, female: int) -> list[str]:
    """한 달 여섯 칸. 그 달에 없던 행정구역(인구 0)은 모두 "0"."""
    if pop == 0:
        return ["0"] * 6
    return [fmt_int(pop), fmt_int(hh), f"{pop / hh:.2f}", fmt_int(male), fmt_int(female),
            f"{male / female:.2f}"]


def _monthly_row(label: str, table) -> list[str]:
    """행 하나: 행정구역 이름 + 72개월 × 6칸. ``table`` 은 month 를 색인으로 하는 표."""
    row = [label]
    for m in MONTHS:
        r = table.loc[m]
        row += _monthly_cells(int(r["population"]), int(r["households"]),
                              int(r["male"]), int(r["female"]))
    return row


def write_population_monthly(city: City, out: Path) -> None:
    """모의 주민등록 인구 및 세대현황: CP949, 모든 칸 따옴표, 천 단위 쉼표."""
    header = ["행정구역"] + [f"{_ym_korean(m)}_{item}" for m in MONTHS for item in MONTHLY_ITEMS]
    pub = city.published
    values = ["population", "households", "male", "female"]
    rows = [_monthly_row(CITY_LABEL, pub.groupby("month")[values].sum())]
    for code, name in zip(city.emd["emd_code"], city.emd["emd_name"]):
        rows.append(_monthly_row(_unit_label(name, code),
                                 pub[pub["emd_code"] == code].set_index("month")))
    write_quoted_csv(out / "population_emd_monthly.csv", header, rows)


# ---------------------------------------------------------------------------
# population_emd_age.csv (연령별 인구현황, 10세 단위)
# ---------------------------------------------------------------------------
SEX_LABELS = ("계", "남", "여")


def _age_header() -> list[str]:
    header = ["행정구역"]
    for m in DECEMBERS:
        for sex in SEX_LABELS:
            prefix = f"{_ym_korean(m)}_{sex}_"
            header += [prefix + "총인구수", prefix + "연령구간인구수"]
            header += [prefix + band for band in AGE_BANDS]
    return header


def _age_row(label: str, counts: np.ndarray) -> list[str]:
    """``counts``: (12월 수, 2(남·여), 연령 구간 수) 배열 → 한 행."""
    row = [label]
    for per_month in counts:
        blocks = (per_month.sum(axis=0), per_month[0], per_month[1])   # 계, 남, 여
        for block in blocks:
            total = int(block.sum())
            row += [fmt_int(total), fmt_int(total)] + [fmt_int(v) for v in block]
    return row


def write_population_age(city: City, out: Path) -> None:
    """모의 연령별 인구현황 (12월, 10세 단위): CP949, 모든 칸 따옴표, 천 단위 쉼표."""
    age = city.age.sort_values(["emd_code", "month", "sex", "band"], kind="mergesort")
    band_pos = {b: i for i, b in enumerate(AGE_BANDS)}
    age = age.assign(band_pos=age["band"].map(band_pos)).sort_values(
        ["emd_code", "month", "sex", "band_pos"], kind="mergesort")
    cube = age["count"].to_numpy().reshape(len(city.emd), len(DECEMBERS), 2, len(AGE_BANDS))
    rows = [_age_row(CITY_LABEL, cube.sum(axis=0))]
    for i, (code, name) in enumerate(zip(city.emd["emd_code"], city.emd["emd_name"])):
        rows.append(_age_row(_unit_label(name, code), cube[i]))
    write_quoted_csv(out / "population_emd_age.csv", _age_header(), rows)


# ---------------------------------------------------------------------------
# emd_boundaries_schematic.geojson
# ---------------------------------------------------------------------------
def _rounded_coords(geom) -> list:
    """GeoJSON 좌표 목록 (소수 5자리, 목록 안의 목록)."""
    def ring(r):
        return [[round(float(x), 5), round(float(y), 5)] for x, y in r.coords]

    def poly(p):
        return [ring(p.exterior)] + [ring(h) for h in p.interiors]

    if geom.geom_type == "Polygon":
        return poly(geom)
    return [poly(p) for p in geom.geoms]


def write_boundaries(city: City, out: Path) -> None:
    """도식 경계 GeoJSON (WGS84). 속성은 실제 행정동 GeoJSON(vuski/admdongkor)과 같은 이름."""
    features = []
    for code, name, geom in zip(city.boundaries["emd_code"], city.boundaries["emd_name"],
                                city.boundaries.geometry):
        props = {"adm_nm": f"{facts.CITY_NAME} 세종시 {name}", "adm_cd2": code,
                 "sgg": facts.SGG_CODE, "sido": facts.SIDO_CODE, "sidonm": facts.CITY_NAME,
                 "sggnm": "세종시", "schematic": True}
        gtype = "Polygon" if geom.geom_type == "Polygon" else "MultiPolygon"
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": gtype, "coordinates": _rounded_coords(geom)}})
    doc = {"type": "FeatureCollection", "name": "emd_boundaries_schematic",
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
           "features": features}
    text = json.dumps(doc, ensure_ascii=False) + "\n"
    (out / "emd_boundaries_schematic.geojson").write_text(text, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------------------
# apartment_complexes.csv, places.csv
# ---------------------------------------------------------------------------
APARTMENT_COLUMNS = ["complex_id", "village", "complex_name", "emd_code", "lat", "lon",
                     "households", "completion_ym", "share_small", "share_mid", "share_large",
                     "floors_max"]


def write_apartments(city: City, out: Path) -> None:
    """모의 아파트 단지 (UTF-8)."""
    write_utf8_csv(out / "apartment_complexes.csv", city.complexes[APARTMENT_COLUMNS],
                   {"lat": 5, "lon": 5, "share_small": 2, "share_mid": 2, "share_large": 2})


def write_places(city: City, out: Path) -> None:
    """주요 장소 (UTF-8)."""
    write_utf8_csv(out / "places.csv", city.places, {"lat": 5, "lon": 5})


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("emd_master", "emd_master.csv", write_emd_master),
    ("population_emd_monthly", "population_emd_monthly.csv", write_population_monthly),
    ("population_emd_age", "population_emd_age.csv", write_population_age),
    ("emd_boundaries_schematic", "emd_boundaries_schematic.geojson", write_boundaries),
    ("apartment_complexes", "apartment_complexes.csv", write_apartments),
    ("places", "places.csv", write_places),
)
