"""인터넷 없이 그려지는 folium 지도.

folium 은 기본으로 Leaflet·jQuery 를 CDN 에서 불러옵니다. 이 모듈의 지도는 책이 함께
배포하는 파일(``book/_static/vendor``)을 먼저 쓰고, 없을 때만 다음 순서로 찾습니다.

1. 책 페이지: ``../_static/vendor/...`` (노트북 장 페이지 기준 상대 경로)
2. JupyterLab (``make lab``, 저장소 폴더에서 실행): ``/files/book/_static/vendor/...``
3. 인터넷이 되는 곳(Colab 등): 공개 CDN

지도 안의 요소 id 는 실행할 때마다 무작위로 바뀌지 않도록 차례 번호로 다시 매깁니다.
그래서 노트북을 다시 실행해도 저장된 출력이 같습니다.

접근성: 지도를 볼 수 없는 독자(화면 낭독기, 인쇄, 지도가 안 뜨는 컴퓨터)를 위해 ``choropleth`` 와
``add_points`` 가 그린 자료를 기억해 두었다가, 지도 아래에 접힌 표("지도의 자료를 표로 보기")로 함께
내보냅니다. 지도 틀(iframe)에는 무엇을 그린 지도인지 적은 제목(title)이 붙습니다.
색은 ``sejongdata.palettes`` 에 모여 있고, 흑백·색각 이상에서도 읽히는지 검사합니다.
"""
from __future__ import annotations

import json
import math
from html import escape

import branca
import folium
import numpy as np
import pandas as pd

from . import palettes

SEJONG_CENTER = (36.53, 127.27)
BOOK_STATIC = "../_static"
LAB_STATIC = "/files/book/_static"
LEAFLET = "vendor/leaflet-1.9.3"
JQUERY = "vendor/jquery-3.7.1"
D3 = "vendor/d3-3.5.5"  # branca 의 색 범례(colormap)가 씁니다
CDN = {
    "leaflet_js": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    "leaflet_css": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
    "jquery_js": "https://code.jquery.com/jquery-3.7.1.min.js",
    "d3_js": "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js",
}
#: 지도에 넣는 값의 자릿수. 컴퓨터(BLAS)마다 끝자리가 다른 값이 HTML 에 들어가지 않게 반올림합니다.
VALUE_DIGITS = 4        # 값·범례: 유효숫자 4자리
COORD_DECIMALS = 6      # 좌표: 소수 6자리 (약 0.1 m)
SCHEMATIC_NOTE = "경계는 모식도(schematic)이며 실제 행정경계가 아닙니다 · 모의 데이터"
TRUST_NOTE_EN = "Make this Notebook Trusted to load map: File -> Trust Notebook"
TRUST_NOTE_KO = "지도가 보이지 않으면 노트북을 신뢰하세요 (File → Trust Notebook)."
TABLE_SUMMARY = "지도의 자료를 표로 보기"
TABLE_ROWS = 50  # 표에 보이는 최대 행 수 (넘으면 값이 큰 것부터)


def significant(value, digits: int = VALUE_DIGITS):
    """값을 유효숫자 ``digits`` 자리로 반올림합니다 (None·NaN 은 None)."""
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def _round_coords(coords):
    if isinstance(coords, (list, tuple)):
        return [_round_coords(c) for c in coords]
    return round(float(coords), COORD_DECIMALS)


def rounded_geojson(gdf) -> dict:
    """GeoDataFrame 을 GeoJSON 사전으로 바꾸며 좌표는 소수 6자리, 실수 속성은 유효숫자 4자리로 반올림합니다."""
    data = json.loads(gdf.to_json())
    for feature in data["features"]:
        geometry = feature.get("geometry")
        if geometry and "coordinates" in geometry:
            geometry["coordinates"] = _round_coords(geometry["coordinates"])
        props = feature.get("properties", {})
        for key, value in props.items():
            if isinstance(value, float):
                props[key] = significant(value)
    data.pop("bbox", None)
    return data


class RoundedColormap(branca.colormap.LinearColormap):
    """값을 유효숫자 4자리로 반올림해 HTML 에 넣는 선형 색 범례 (branca 는 500개 값을 전체 정밀도로 넣습니다)."""

    @property
    def color_domain(self):
        return self._color_domain

    @color_domain.setter
    def color_domain(self, values):
        self._color_domain = [significant(v) for v in values]

    @property
    def index(self):
        return self._index

    @index.setter
    def index(self, values):
        self._index = [significant(v) for v in values]


def _script_tags(base: str | None, need_d3: bool) -> list[str]:
    """대안 위치(base)나 CDN(base=None)에서 불러올 태그들."""
    if base is None:
        urls = [("css", CDN["leaflet_css"]), ("js", CDN["leaflet_js"]), ("js", CDN["jquery_js"])]
        urls += [("js", CDN["d3_js"])] if need_d3 else []
    else:
        urls = [("css", f"{base}/{LEAFLET}/leaflet.css"), ("js", f"{base}/{LEAFLET}/leaflet.js"),
                ("js", f"{base}/{JQUERY}/jquery.min.js")]
        urls += [("js", f"{base}/{D3}/d3.min.js")] if need_d3 else []
    return [f'<link rel="stylesheet" href="{u}">' if kind == "css" else f'<script src="{u}"></script>'
            for kind, u in urls]


def _fallback_script(base: str | None, need_d3: bool) -> str:
    """Leaflet(window.L)이 아직 없을 때만 다른 위치에서 불러오는 인라인 스크립트."""
    # 인라인 스크립트 안의 "</script>" 는 HTML 을 끊으므로 "<\/script>" 로 씁니다.
    writes = "".join(f"document.write({json.dumps(t).replace('</', '<' + chr(92) + '/')});"
                     for t in _script_tags(base, need_d3))
    return f"<script>if (typeof window.L === 'undefined') {{{writes}}}</script>"


def renumber_ids(root) -> None:
    """branca/folium 요소의 무작위 id 를 트리 순서대로 'sj0001' 형태로 다시 매깁니다."""
    counter = 0
    stack = [root]
    while stack:
        element = stack.pop(0)
        counter += 1
        element._id = f"sj{counter:04d}"
        stack.extend(getattr(element, "_children", {}).values())
        for attr in ("header", "html", "script"):
            child = getattr(element, attr, None)
            if isinstance(child, branca.element.Element) and child is not element:
                stack.append(child)


class OfflineMap(folium.Map):
    """책이 배포하는 Leaflet 을 쓰는 folium 지도 (CDN 은 마지막 대안)."""

    default_js = [("leaflet", f"{BOOK_STATIC}/{LEAFLET}/leaflet.js"),
                  ("jquery", f"{BOOK_STATIC}/{JQUERY}/jquery.min.js")]
    default_css = [("leaflet_css", f"{BOOK_STATIC}/{LEAFLET}/leaflet.css")]

    def render(self, **kwargs):
        figure = self.get_root()
        super().render(**kwargs)
        need_d3 = "d3" in figure.header._children
        if need_d3:  # 색 범례가 CDN 주소로 넣은 d3 를 책의 파일로 바꿉니다 (같은 이름이면 제자리에서 바뀜)
            figure.header.add_child(branca.element.JavascriptLink(f"{BOOK_STATIC}/{D3}/d3.min.js"),
                                    name="d3")
        figure.header.add_child(branca.element.Element(_fallback_script(LAB_STATIC, need_d3)),
                                name="sejong_fallback_lab")
        figure.header.add_child(branca.element.Element(_fallback_script(None, need_d3)),
                                name="sejong_fallback_cdn")

    def __repr__(self) -> str:
        # 기본 repr 의 메모리 주소는 실행마다 바뀌므로 고정된 문구를 씁니다 (nbval 재현성).
        return "<세종 지도 (folium)>"

    def _repr_html_(self, **kwargs):
        renumber_ids(self.get_root())
        html = super()._repr_html_(**kwargs).replace(TRUST_NOTE_EN, TRUST_NOTE_KO)
        html = html.replace("<iframe ", f'<iframe title="{escape(map_title(self))}" ', 1)
        return html + tables_html(self)

    def save(self, outfile, close_file=True, **kwargs):
        renumber_ids(self.get_root())
        return super().save(outfile, close_file=close_file, **kwargs)


def sejong_map(location=SEJONG_CENTER, zoom_start: int = 11, tiles="OpenStreetMap",
               **kwargs) -> OfflineMap:
    """세종시를 가운데 둔 지도를 만듭니다. 배경 지도(타일)는 인터넷이 없으면 보이지 않습니다."""
    return OfflineMap(location=location, zoom_start=zoom_start, tiles=tiles,
                      control_scale=True, **kwargs)


def add_note(m: folium.Map, text: str = SCHEMATIC_NOTE) -> folium.Map:
    """지도 왼쪽 아래에 안내 문구(예: 모식도 경계, 모의 데이터)를 붙입니다."""
    style = ("position:absolute;left:8px;bottom:48px;z-index:1000;background:#fff;"
             "padding:3px 6px;border:1px solid #999;font:12px sans-serif;")
    m.get_root().html.add_child(branca.element.Element(f'<div style="{style}">{text}</div>'))
    return m


def add_points(m: folium.Map, points, color: str = palettes.MAP_POINT, size: str | None = None,
               max_radius: float = 12.0, min_radius: float = 2.0, label: str | None = None,
               name: str | None = None, size_label: str | None = None) -> folium.Map:
    """점(lat, lon 열이 있는 표)을 원(CircleMarker)으로 지도에 더합니다.

    ``size`` 열을 주면 원의 **넓이**가 값에 비례하도록 반지름을 √값 에 비례시킵니다
    (가장 큰 값이 ``max_radius`` 픽셀). ``label`` 열은 마우스를 올리면 보이는 글입니다.
    지도 아래 표에는 이름(``label``), 크기 값(``size``, 머리글은 ``size_label`` 또는 열 이름),
    위도·경도가 들어갑니다.
    """
    layer = folium.FeatureGroup(name=name) if name else m
    _record_points(m, points, size, label, name, size_label)
    radius = _radii(points[size], max_radius, min_radius) if size else [min_radius + 2] * len(points)
    labels = points[label].astype(str).tolist() if label else [None] * len(points)
    for lat, lon, r, text in zip(points["lat"], points["lon"], radius, labels):
        folium.CircleMarker((round(float(lat), COORD_DECIMALS), round(float(lon), COORD_DECIMALS)),
                            radius=float(r), color=color, weight=1,
                            fill=True, fill_opacity=0.6, tooltip=text).add_to(layer)
    if name:
        layer.add_to(m)
    return m


def _radii(values, max_radius: float, min_radius: float) -> list[float]:
    values = values.astype(float).clip(lower=0).to_numpy()
    top = values.max() if len(values) and values.max() > 0 else 1.0
    return [round(max(min_radius, max_radius * (v / top) ** 0.5), 2) for v in values]


def match_report(boundaries, data, on: str = "emd_code") -> dict:
    """지도 경계와 자료의 열쇠(key)가 몇 개나 맞는지 세어 출력하고 사전으로 돌려줍니다.

    단계구분도가 비어 보이는 가장 흔한 까닭은 열쇠 불일치(예: 코드가 숫자/문자로 다름)입니다.
    """
    left = set(boundaries[on].astype(str))
    right = set(data[on].astype(str))
    report = {"matched": len(left & right), "only_in_boundaries": sorted(left - right),
              "only_in_data": sorted(right - left)}
    print(f"일치: {report['matched']}개, 경계에만 있음: {len(report['only_in_boundaries'])}개, "
          f"자료에만 있음: {len(report['only_in_data'])}개")
    return report


def choropleth(boundaries, data, column: str, legend: str, on: str = "emd_code",
               tooltip_fields=("emd_name",), tooltip_aliases=("읍면동",),
               colors=palettes.MAP_SEQUENTIAL, schematic: bool = True,
               m: folium.Map | None = None, line_weight: float = 1, fit: bool = True) -> folium.Map:
    """경계(GeoDataFrame)에 자료를 붙여 단계구분도(choropleth)를 그립니다.

    색은 ``column`` 값의 최솟값~최댓값에 선형으로 대응합니다. 값이 없는 곳은 회색입니다.
    격자처럼 작은 칸이 많으면 ``line_weight=0`` 으로 테두리를 없애야 색이 보입니다.
    ``fit=True`` 면 모든 경계가 한 화면에 들어오게 맞추고, False 면 ``m`` 의 처음 위치·확대를 그대로 둡니다.
    값이 없는 곳은 색을 칠하지 않고 점선 테두리만 그립니다 (흑백에서도 "값 없음" 이 낮은 값과 헷갈리지 않게).
    """
    values = data[[on, column]].copy()
    values[column] = values[column].map(significant)  # 컴퓨터마다 같은 HTML 이 되도록 반올림
    merged = boundaries.merge(values, on=on, how="left")
    present = merged[column].dropna()
    scale = RoundedColormap(list(colors), vmin=significant(present.min()),
                                           vmax=significant(present.max()), caption=legend)
    m = m or sejong_map()
    _record_areas(m, merged, column, legend, list(tooltip_fields), list(tooltip_aliases))
    fields = list(tooltip_fields) + [column]
    aliases = list(tooltip_aliases) + [legend]
    folium.GeoJson(
        rounded_geojson(merged), name=legend,
        style_function=lambda f: _style(f["properties"].get(column), scale, line_weight),
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=aliases, localize=True),
    ).add_to(m)
    scale.add_to(m)
    if fit:
        west, south, east, north = (round(float(v), COORD_DECIMALS) for v in boundaries.total_bounds)
        m.fit_bounds([[south, west], [north, east]])  # 모든 경계가 한 화면에 들어오게
    if schematic:
        add_note(m)
    return m


def _style(value, scale, line_weight: float = 1) -> dict:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return {"fillColor": palettes.MAP_MISSING, "color": palettes.MAP_EDGE, "weight": max(line_weight, 1),
                "fillOpacity": 0.0, "dashArray": "4 4"}
    return {"fillColor": scale(value), "color": palettes.MAP_EDGE, "weight": line_weight, "fillOpacity": 0.75}


FLOW_COLUMNS = ("origin_lat", "origin_lon", "dest_lat", "dest_lon")


def flow_widths(values, max_width: float = 10.0, min_width: float = 1.0) -> list[float]:
    """흐름선의 굵기(픽셀): 값에 **정비례**하고 가장 큰 값이 ``max_width``, 가장 가는 선은 ``min_width``."""
    values = pd.Series(values).astype(float).clip(lower=0).to_numpy()
    top = values.max() if len(values) and values.max() > 0 else 1.0
    return [round(max(min_width, max_width * v / top), 2) for v in values]


def _curve(lat1: float, lon1: float, lat2: float, lon2: float, bend: float,
           n: int = 9) -> list[tuple[float, float]]:
    """두 점을 잇는 2차 베지어 곡선 (진행 방향 오른쪽으로 ``bend`` × 길이만큼 휨), 소수 5자리."""
    mid_lat, mid_lon = (lat1 + lat2) / 2, (lon1 + lon2) / 2
    d_lat, d_lon = lat2 - lat1, lon2 - lon1
    ctrl_lat, ctrl_lon = mid_lat - bend * d_lon, mid_lon + bend * d_lat   # 오른쪽 수직 방향
    points = []
    for t in np.linspace(0.0, 1.0, n):
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t ** 2
        points.append((round(a * lat1 + b * ctrl_lat + c * lat2, 5),
                       round(a * lon1 + b * ctrl_lon + c * lon2, 5)))
    return points


def add_flows(m: folium.Map, flows, value: str = "movers", max_width: float = 10.0,
              min_width: float = 1.0, color: str = "#b2182b", label: str | None = None,
              name: str | None = None, bend: float = 0.15, opacity: float = 0.7) -> folium.Map:
    """출발지에서 도착지로 가는 흐름을 선으로 그립니다. 선의 **굵기**가 ``value`` 에 비례합니다.

    ``flows`` 에는 origin_lat, origin_lon, dest_lat, dest_lon 과 ``value`` 열이 있어야 합니다
    (:func:`sejongdata.migration.flow_lines` 가 만드는 표). 가장 큰 값의 선이 ``max_width`` 픽셀입니다.
    선은 진행 방향의 오른쪽으로 조금 휘어(``bend``) 있어 A → B 와 B → A 가 겹치지 않습니다.
    ``label`` 열을 주면 마우스를 올릴 때 그 글을, 주지 않으면 값(천 단위 쉼표)을 보여 줍니다.
    좌표는 소수 5자리(약 1 m)로 반올림해 넣습니다.
    """
    missing = [c for c in (*FLOW_COLUMNS, value) if c not in flows.columns]
    if missing:
        raise ValueError(f"흐름 표에 열이 없습니다: {missing}. 필요한 열: {[*FLOW_COLUMNS, value]}")
    layer = folium.FeatureGroup(name=name) if name else m
    widths = flow_widths(flows[value], max_width, min_width)
    if label:
        texts = flows[label].astype(str).tolist()
    else:
        texts = [f"{float(v):,.0f}" for v in flows[value]]
    order = np.argsort(-flows[value].astype(float).to_numpy(), kind="stable")[::-1]  # 굵은 선을 위에
    rows = flows.reset_index(drop=True)
    for i in order:
        r = rows.iloc[i]
        points = _curve(float(r["origin_lat"]), float(r["origin_lon"]), float(r["dest_lat"]),
                        float(r["dest_lon"]), bend)
        folium.PolyLine(points, weight=widths[i], color=color, opacity=opacity,
                        tooltip=texts[i]).add_to(layer)
    if name:
        layer.add_to(m)
    return m


# --- 지도의 대체 표 ---------------------------------------------------------------------------

def format_value(value) -> str:
    """표에 쓸 숫자: 천 단위 쉼표, 필요한 만큼만 소수점 (값이 없으면 '값 없음')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "값 없음"
    if isinstance(value, str):
        return value
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}"
    digits = 1 if abs(number) >= 100 else 2 if abs(number) >= 1 else 3
    text = f"{number:,.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tables(m) -> list[dict]:
    if not hasattr(m, "_sejong_tables"):
        m._sejong_tables = []
    return m._sejong_tables


def _record_areas(m, merged, column, legend, fields, aliases) -> None:
    keep = [f for f in fields if f in merged.columns]
    names = dict(zip(fields, aliases))
    frame = merged[keep + [column]].sort_values(column, ascending=False, na_position="last")
    header = [names.get(f, f) for f in keep] + [legend]
    rows = [[format_value(v) for v in row] for row in frame.itertuples(index=False)]
    values = frame[column].dropna()
    caption = f"단계구분도: {legend} ({len(frame):,}곳, 색이 진할수록 값이 큽니다)"
    _tables(m).append({"caption": caption, "header": header, "rows": rows, "values": values,
                       "what": legend, "sorted": True})


def _record_points(m, points, size, label, name, size_label) -> None:
    header, columns = [], []
    if label:
        header.append("이름")
        columns.append([str(v) for v in points[label]])
    if size:
        header.append(size_label or size)
        columns.append([format_value(v) for v in points[size]])
    header += ["위도", "경도"]
    columns += [[f"{float(v):.4f}" for v in points["lat"]], [f"{float(v):.4f}" for v in points["lon"]]]
    order = list(range(len(points)))
    if size:
        values = points[size].astype(float).to_numpy()
        order.sort(key=lambda i: -values[i])
    rows = [[column[i] for column in columns] for i in order]
    what = name or f"점 {len(points):,}개"
    detail = f", 원의 넓이가 {size_label or size} 에 비례" if size else ""
    caption = f"{name}: 점 {len(points):,}개{detail}" if name else f"{what}{detail}"
    values = points[size].astype(float) if size else None
    _tables(m).append({"caption": caption, "header": header, "rows": rows, "values": values,
                       "what": what, "has_names": bool(label or size), "sorted": bool(size)})


def map_title(m) -> str:
    """지도 틀(iframe)의 제목: 무엇을 그린 지도인지."""
    parts = [t["what"] for t in getattr(m, "_sejong_tables", [])]
    what = ", ".join(parts) if parts else "세종시"
    return f"지도: {what}." + (" 같은 자료를 지도 아래 표로도 볼 수 있습니다." if parts else "")


def tables_html(m) -> str:
    """choropleth·add_points 가 그린 자료를 접힌 표로 (지도를 볼 수 없는 독자를 위한 대체 글)."""
    tables = getattr(m, "_sejong_tables", [])
    if not tables:
        return ""
    parts = [f'<details class="sejong-map-table"><summary>{TABLE_SUMMARY}</summary>']
    for table in tables:
        rows = table["rows"]
        if not table.get("has_names", True):
            parts.append(f"<p>{escape(table['caption'])} (이름 없는 점이라 표 없이 개수만 적습니다.)</p>")
            continue
        shown = rows[:TABLE_ROWS]
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table["header"])
        body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in shown)
        parts.append(f"<table><caption>{escape(table['caption'])}</caption>"
                     f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        if len(rows) > len(shown):
            values = table["values"]
            stats = ""
            if values is not None and len(values.dropna()):
                v = values.dropna()
                stats = (f" 전체 값: 최솟값 {format_value(v.min())}, 중앙값 {format_value(v.median())}, "
                         f"최댓값 {format_value(v.max())}.")
            which = "값이 큰" if table.get("sorted") else "처음"
            parts.append(f"<p>{which} {len(shown):,}개만 보입니다 (전체 {len(rows):,}개).{stats}</p>")
    parts.append("</details>")
    return "".join(parts)
