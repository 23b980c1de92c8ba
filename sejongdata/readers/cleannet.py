"""자동크린넷(pneumatic waste collection) 운영 기록 리더 (7장).

세종시 자동크린넷의 운영 기록은 공개된 공식 형식이 없습니다 (시설관리 운영사 시스템의 내보내기 자료).
그래서 이 책은 자기 형식을 정해 문서로 남겼습니다 (``datasets/cleannet_*.md``): 한국어 머리글, UTF-8
(CP949·UTF-8 BOM 도 받음), 쉼표 구분, 시각은 ``YYYY-MM-DD HH:MM``. 실제 운영사 자료를 받으면 열 이름을
이 형식에 맞춘 뒤 같은 리더로 읽습니다.

- :func:`read_cleannet_plants` — 집하장 목록
- :func:`read_cleannet_sections` — 투입구 구역 (단지 또는 상가 건물 하나를 맡는 투입구 묶음)
- :func:`read_cleannet_inputs` — 시간별 투입 횟수 (한 줄이 하루 × 집하장 × 구역구분 × 쓰레기 종류, 24시간 칸)
- :func:`read_cleannet_monthly` — 구역별 월 투입 횟수·추정 투입량·50ℓ 봉투 비율
- :func:`read_cleannet_fill` — 저장률(%) 10분 간격 (한 줄이 하루, 144칸)
- :func:`read_cleannet_discharges` — 배출(수거 운전) 기록
- :func:`read_cleannet_events` — 막힘·고장·만차 기록

값의 한국어 범주는 코드에서 쓰기 좋은 영어로 바꿉니다: 쓰레기 종류 일반 → ``general``, 음식물 → ``food``;
구역구분 주거 → ``residential``, 상가 → ``commercial``; 배출구분 정기 → ``scheduled``, 추가 → ``extra``;
사건종류 막힘 → ``clog``, 고장 → ``fault``, 만차 → ``full``. 형식이 틀리면 언제나 :class:`SejongDataError` 하나,
지우지 않고 표시한 행이 있으면 :class:`SejongDataWarning` 하나로 알립니다.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SejongDataError
from ..paths import data_path
from ..textio import read_table, read_text, normalize_header, to_number
from .columns import COLUMN_MAPS
from .common import english_columns, parse_times, rows_where, show_value, warn_file

__all__ = ["read_cleannet_plants", "read_cleannet_sections", "read_cleannet_inputs", "read_cleannet_monthly",
           "read_cleannet_fill", "read_cleannet_discharges", "read_cleannet_events", "WASTE_TYPES",
           "SECTION_KINDS", "RUN_TYPES", "EVENT_TYPES", "FILL_TIMES"]

WASTE_TYPES = {"일반": "general", "음식물": "food"}
SECTION_KINDS = {"주거": "residential", "상가": "commercial"}
RUN_TYPES = {"정기": "scheduled", "추가": "extra"}
EVENT_TYPES = {"막힘": "clog", "고장": "fault", "만차": "full"}
HOURS = [f"{h:02d}시" for h in range(24)]
FILL_TIMES = [f"{m // 60:02d}:{m % 60:02d}" for m in range(0, 1440, 10)]
_TIMES = {"%Y-%m-%d %H:%M": "YYYY-MM-DD HH:MM", "%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS"}
_DATES = {"%Y-%m-%d": "YYYY-MM-DD", "%Y%m%d": "YYYYMMDD"}

COLUMN_MAPS.update({
    "cleannet_plants": {
        "집하장번호": "plant_no", "집하장명": "plant_name", "행정동코드": "emd_code", "행정동명": "emd_name",
        "담당행정동": "served", "가동연월": "opened", "관로연장(km)": "pipe_km", "일반투입구수": "ports_general",
        "음식물투입구수": "ports_food", "일반저장용량(㎥)": "capacity_general_m3",
        "음식물저장용량(㎥)": "capacity_food_m3", "송풍기출력(kW)": "blower_kw", "위도": "lat", "경도": "lon"},
    "cleannet_sections": {
        "구역번호": "section_id", "집하장번호": "plant_no", "구역구분": "kind", "행정동코드": "emd_code",
        "단지번호": "complex_id", "건물관리번호": "building_id", "구역명": "name", "세대수": "households",
        "점포수": "n_stores", "음식점수": "n_food_stores", "일반투입구수": "ports_general",
        "음식물투입구수": "ports_food", "설치연월": "installed", "위도": "lat", "경도": "lon"},
    "cleannet_inputs": {
        "일자": "date", "집하장번호": "plant_no", "구역구분": "kind", "쓰레기종류": "waste", "투입구수": "ports",
        "합계": "total", "추정투입량(ℓ)": "day_volume_l", **{h: f"h{h[:2]}" for h in HOURS}},
    "cleannet_monthly": {
        "연월": "month", "구역번호": "section_id", "쓰레기종류": "waste", "투입횟수": "count",
        "추정투입량(ℓ)": "volume_l", "50ℓ봉투비율(%)": "share_50l_pct"},
    "cleannet_fill": {"일자": "date", "집하장번호": "plant_no", "쓰레기종류": "waste", "저장용량(㎥)": "capacity_m3"},
    "cleannet_discharges": {
        "배출번호": "run_id", "집하장번호": "plant_no", "쓰레기종류": "waste", "배출구분": "run_type",
        "시작시각": "start", "종료시각": "end", "배출량(㎥)": "volume_m3", "전력사용량(kWh)": "energy_kwh"},
    "cleannet_events": {
        "사건번호": "event_id", "집하장번호": "plant_no", "구역번호": "section_id", "쓰레기종류": "waste",
        "사건종류": "event_type", "발생시각": "start", "종료시각": "end", "내용": "detail"},
})
_SECTION_ID = re.compile(r"S\d{2}[RC]\d{3}")


# ---------------------------------------------------------------------------
# 공통 도구
# ---------------------------------------------------------------------------
def _path(path, name: str) -> Path:
    return Path(path) if path is not None else data_path(name)


def _korean(kind: str) -> dict[str, str]:
    return {v: k for k, v in COLUMN_MAPS[kind].items()}


def _category(values: pd.Series, mapping: dict[str, str], column: str, path, allow_blank: bool = False) -> pd.Series:
    """한국어 범주를 영어로. 모르는 값이 있으면 오류 (빈 칸은 allow_blank 일 때만 NA)."""
    text = values.astype("object").where(values.notna(), None)
    text = text.map(lambda v: v.strip() if isinstance(v, str) else v)
    blank = text.isna() | text.eq("")
    bad = ~text.isin(list(mapping)) & ~(blank & allow_blank)
    if bad.any():
        shown = list(dict.fromkeys(show_value(v) for v in text[bad]))
        raise SejongDataError(path, f"열(column) '{column}' 에 모르는 값이 {int(bad.sum())}개 있습니다: {', '.join(shown[:5])}",
                              expected=" 또는 ".join(mapping) + (" (또는 빈 칸)" if allow_blank else ""),
                              found=rows_where(bad, text))
    return text.map(mapping).astype("object").where(~blank, None)


def _integers(values: pd.Series, column: str, path, minimum: int | None = 0, allow_blank: bool = False) -> pd.Series:
    """정수 열 (Int64). 정수가 아니거나, 빈 칸(허용하지 않을 때)이거나, minimum 보다 작으면 오류."""
    numbers = to_number(values, column, path)
    if numbers.dtype != "Int64":
        odd = numbers.notna() & (numbers % 1 != 0)
        if odd.any():
            raise SejongDataError(path, f"열(column) '{column}' 에 정수가 아닌 값이 {int(odd.sum())}개 있습니다.",
                                  expected="정수", found=rows_where(odd, values))
        numbers = numbers.astype("Int64")
    if not allow_blank and numbers.isna().any():
        blank = numbers.isna()
        raise SejongDataError(path, f"열(column) '{column}' 이 빈 행이 {int(blank.sum())}개 있습니다.",
                              expected="모든 행에 정수", found=rows_where(blank))
    if minimum is not None:
        low = (numbers < minimum).fillna(False).astype(bool)
        if low.any():
            raise SejongDataError(path, f"열(column) '{column}' 에 {minimum}보다 작은 값이 {int(low.sum())}개 있습니다.",
                                  expected=f"{minimum} 이상의 정수", found=rows_where(low, values))
    return numbers


def _floats(values: pd.Series, column: str, path, bounds: tuple[float, float] | None = None) -> pd.Series:
    numbers = to_number(values, column, path).astype("float64")
    if bounds is not None:
        out = numbers.notna() & ~numbers.between(*bounds)
        if out.any():
            raise SejongDataError(path, f"열(column) '{column}' 에 범위({bounds[0]:g}~{bounds[1]:g}) 밖의 값이 "
                                        f"{int(out.sum())}개 있습니다.",
                                  expected=f"{bounds[0]:g} 이상 {bounds[1]:g} 이하", found=rows_where(out, values))
    return numbers


def _read_small(path: Path, kind: str) -> pd.DataFrame:
    """머리글의 모든 열이 있어야 하는 작은 표. 열 이름을 영어로 바꿔 돌려줍니다 (사전에 없는 열은 뒤에 그대로)."""
    frame, _info = read_table(path, required=list(COLUMN_MAPS[kind]), preamble=0)
    frame, _extra = english_columns(frame, kind, path)
    return frame


def _read_wide(path: Path, kind: str, value_columns: list[str]) -> pd.DataFrame:
    """넓은 숫자 표(24시간 칸, 144칸)를 빨리 읽습니다: pandas C 파서로 값 칸을 바로 실수로 읽습니다.

    머리글에 필수 열이 없거나, 줄의 필드 수가 머리글과 다르거나, 값 칸에 숫자가 아닌 것이 있으면
    :func:`read_table` · :func:`to_number` 와 같은 오류 메시지를 냅니다 (틀린 파일일 때만 느린 길로 다시 읽어
    까닭을 찾습니다).
    """
    ids = [c for c in COLUMN_MAPS[kind] if c not in value_columns]
    required = ids + value_columns
    text, _encoding = read_text(path)
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    first = next(csv.reader([lines[0]]), []) if lines else []
    names = {normalize_header(f): f for f in first}
    if any(normalize_header(r) not in names for r in required) or len(names) != len(first) or '"' in text:
        frame, _info = read_table(path, required=required, preamble=0)   # 까닭을 밝히는 오류, 또는 따옴표가 있는 파일
        text = frame.to_csv(index=False)
        lines = text.split("\n")
        first = list(frame.columns)
        names = {normalize_header(f): f for f in first}
    widths = np.array([line.count(",") for line in lines if line.strip()])
    if (widths != widths[0]).any():
        read_table(path, required=required, preamble=0)                  # 필드 수가 다른 줄을 밝힙니다
    actual = {r: names[normalize_header(r)] for r in required}
    dtypes = {actual[c]: "str" for c in ids} | {actual[c]: "float64" for c in value_columns}
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values=[""])
    except ValueError:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
        for column in value_columns:
            to_number(raw[actual[column]], column, path)                   # 열 이름과 값을 담은 오류
        raise
    frame = frame.rename(columns={v: k for k, v in actual.items()})
    frame, _extra = english_columns(frame, kind, path)
    return frame


def _dates(values: pd.Series, column: str, path) -> pd.Series:
    out = parse_times(values, column, path, _DATES)
    if out.isna().any():
        raise SejongDataError(path, f"열(column) '{column}' 이 빈 행이 {int(out.isna().sum())}개 있습니다.",
                              expected="모든 행에 날짜 (YYYY-MM-DD)", found=rows_where(out.isna()))
    return out


def _flag_duplicates(frame: pd.DataFrame, keys: list[str], path, what: str) -> pd.Series:
    dup = frame.duplicated(keys, keep=False)
    if dup.any():
        warn_file(path, f"같은 {what}이(가) 두 번 이상 나오는 행 {int(dup.sum())}개를 지우지 않고 duplicate=True 로 "
                        f"표시했습니다: {frame.loc[dup, keys].head(3).to_dict('records')}")
    return dup.astype(bool)


# ---------------------------------------------------------------------------
# 집하장, 구역
# ---------------------------------------------------------------------------
def read_cleannet_plants(path=None) -> pd.DataFrame:
    """집하장 목록 ``cleannet_plants.csv`` 를 읽습니다 (이 책의 형식; 공개된 공식 형식 없음).

    돌려주는 표: plant_no(int), plant_name, emd_code(글자 10자리), emd_name, served(담당 행정동, ';' 로 구분),
    opened(가동 연월 → 그 달 1일), pipe_km, ports_general, ports_food, capacity_general_m3, capacity_food_m3,
    blower_kw, lat, lon. 집하장번호가 겹치면 오류입니다.

    예::

        plants = read_cleannet_plants()
        plants[["plant_name", "served", "capacity_general_m3"]]
    """
    path = _path(path, "cleannet_plants.csv")
    f = _read_small(path, "cleannet_plants")
    ko = _korean("cleannet_plants")
    f["plant_no"] = _integers(f["plant_no"], ko["plant_no"], path, minimum=1).astype("int64")
    dup = f["plant_no"].duplicated(keep=False)
    if dup.any():
        raise SejongDataError(path, "같은 집하장번호(duplicate plant number)가 두 번 이상 나옵니다.",
                              expected="행마다 다른 집하장번호", found=sorted(set(f.loc[dup, "plant_no"])))
    _check_codes(f["emd_code"], ko["emd_code"], path)
    f["opened"] = pd.to_datetime(f["opened"].str.strip() + "-01", format="%Y-%m-%d", errors="coerce")
    for column in ("ports_general", "ports_food"):
        f[column] = _integers(f[column], ko[column], path).astype("int64")
    for column in ("pipe_km", "capacity_general_m3", "capacity_food_m3", "blower_kw", "lat", "lon"):
        f[column] = _floats(f[column], ko[column], path)
    return f.reset_index(drop=True)


def _check_codes(values: pd.Series, column: str, path) -> None:
    bad = ~values.fillna("").astype(str).str.fullmatch(r"\d{10}")
    if bad.any():
        raise SejongDataError(path, f"열(column) '{column}' 에 10자리 코드가 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="10자리 행정동코드 (예: 3611055500)", found=rows_where(bad, values),
                              hint="엑셀로 열었다 저장하면 코드가 숫자로 바뀔 수 있습니다. 원본을 쓰세요.")


def read_cleannet_sections(path=None) -> pd.DataFrame:
    """투입구 구역 ``cleannet_sections.csv`` 를 읽습니다 (구역 하나 = 아파트 단지 하나 또는 상가 건물 하나).

    돌려주는 표: section_id(``S07R012``: 집하장 2자리 + R 주거/C 상가 + 3자리), plant_no, kind(residential,
    commercial), emd_code, complex_id(주거; 아파트 단지 표와 잇는 열쇠), building_id(상가; 상가(상권)정보의
    건물관리번호와 잇는 열쇠), name, households(주거, Int64), n_stores, n_food_stores(상가, Int64), ports_general,
    ports_food, installed(설치 연월 → 그 달 1일), lat, lon.

    예::

        sections = read_cleannet_sections()
        sections.groupby(["plant_no", "kind"])["ports_food"].sum()
    """
    path = _path(path, "cleannet_sections.csv")
    f = _read_small(path, "cleannet_sections")
    ko = _korean("cleannet_sections")
    ids = f["section_id"].fillna("").astype(str).str.strip()
    bad = ~ids.str.fullmatch(_SECTION_ID.pattern)
    if bad.any():
        raise SejongDataError(path, f"열(column) '구역번호' 에 이 책의 모양이 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="S + 집하장 2자리 + R(주거)/C(상가) + 3자리 (예: S07R012)", found=rows_where(bad, ids))
    if ids.duplicated().any():
        raise SejongDataError(path, "같은 구역번호(duplicate section id)가 두 번 이상 나옵니다.",
                              expected="행마다 다른 구역번호", found=sorted(set(ids[ids.duplicated()]))[:8])
    f["section_id"] = ids
    f["plant_no"] = _integers(f["plant_no"], ko["plant_no"], path, minimum=1).astype("int64")
    f["kind"] = _category(f["kind"], SECTION_KINDS, ko["kind"], path)
    _check_codes(f["emd_code"], ko["emd_code"], path)
    for column in ("households", "n_stores", "n_food_stores"):
        f[column] = _integers(f[column], ko[column], path, allow_blank=True)
    for column in ("ports_general", "ports_food"):
        f[column] = _integers(f[column], ko[column], path).astype("int64")
    f["installed"] = pd.to_datetime(f["installed"].str.strip() + "-01", format="%Y-%m-%d", errors="coerce")
    for column in ("lat", "lon"):
        f[column] = _floats(f[column], ko[column], path)
    return f.reset_index(drop=True)


# ---------------------------------------------------------------------------
# 시간별 투입, 월별 구역 투입
# ---------------------------------------------------------------------------
def read_cleannet_inputs(path=None, shape: str = "long") -> pd.DataFrame:
    """시간별 투입 횟수 ``cleannet_inputs_hourly.csv`` 를 읽습니다.

    파일: 한 줄이 (일자, 집하장번호, 구역구분, 쓰레기종류) 하루이고 ``00시`` … ``23시`` 칸에 그 시간의 투입 횟수,
    ``투입구수`` (그날 쓰인 투입구), ``합계``, ``추정투입량(ℓ)`` (그날의 추정 부피)가 있습니다.

    ``shape="long"`` (기본): 한 줄이 한 시간인 긴 표 — date, hour(0~23), time(date + hour), plant_no, kind,
    waste, ports, count, volume_l. volume_l 은 그날 추정 투입량을 시간별 투입 횟수 비율로 나눈 값입니다
    (투입 횟수가 0 인 날은 0). ``shape="daily"``: 파일 모양 그대로 (h00 … h23, total, day_volume_l).
    ``합계`` 가 24칸의 합과 다른 줄과 같은 열쇠가 겹치는 줄은 지우지 않고 표시(total_mismatch, duplicate)하고
    경고합니다. 투입 횟수가 음수이거나 정수가 아니면 오류입니다.

    예::

        inputs = read_cleannet_inputs()
        inputs.groupby(["plant_no", "waste", "date"])["volume_l"].sum()
    """
    path = _path(path, "cleannet_inputs_hourly.csv")
    values = HOURS + ["투입구수", "합계", "추정투입량(ℓ)"]
    f = _read_wide(path, "cleannet_inputs", values)
    ko = _korean("cleannet_inputs")
    f["date"] = _dates(f["date"], "일자", path)
    f["plant_no"] = _integers(f["plant_no"], "집하장번호", path, minimum=1).astype("int64")
    f["kind"] = _category(f["kind"], SECTION_KINDS, "구역구분", path)
    f["waste"] = _category(f["waste"], WASTE_TYPES, "쓰레기종류", path)
    hours = [f"h{h:02d}" for h in range(24)]
    counts = f[hours].to_numpy()
    bad = np.isnan(counts) | (counts < 0) | (counts % 1 != 0)
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise SejongDataError(path, f"열(column) '{HOURS[col]}' 등에 투입 횟수로 쓸 수 없는 값(빈 칸, 음수, 소수)이 "
                                    f"{int(bad.sum())}칸 있습니다.",
                              expected="0 이상의 정수", found=f"데이터 {row + 1}번째 행: {counts[row, col]:g}")
    f[hours] = counts.astype("int64")
    f["ports"] = f["ports"].astype("Int64")
    volume = f["day_volume_l"]
    if volume.isna().any() or (volume < 0).any():
        badv = volume.isna() | (volume < 0)
        raise SejongDataError(path, f"열(column) '{ko['day_volume_l']}' 에 빈 칸이나 음수가 {int(badv.sum())}개 있습니다.",
                              expected="0 이상의 부피(ℓ)", found=rows_where(badv, volume))
    f["total_mismatch"] = (f["total"] != f[hours].sum(axis=1)).fillna(False).astype(bool)
    if f["total_mismatch"].any():
        warn_file(path, f"'합계' 가 24시간 칸의 합과 다른 줄 {int(f['total_mismatch'].sum())}개를 지우지 않고 "
                        "total_mismatch=True 로 표시했습니다 (시간 칸의 값을 씁니다).")
    f["duplicate"] = _flag_duplicates(f, ["date", "plant_no", "kind", "waste"], path, "(일자, 집하장, 구역구분, 종류)")
    f["total"] = f["total"].astype("Int64")
    if shape == "daily":
        return f.reset_index(drop=True)
    if shape != "long":
        raise ValueError(f"shape 은 'long' 또는 'daily' 입니다 (받은 값: {shape!r}).")
    return _long_inputs(f, hours)


def _long_inputs(f: pd.DataFrame, hours: list[str]) -> pd.DataFrame:
    counts = f[hours].to_numpy()
    day_total = counts.sum(1, keepdims=True)
    share = np.divide(counts, day_total, out=np.zeros(counts.shape), where=day_total > 0)
    n = len(f)
    out = pd.DataFrame({
        "date": np.repeat(f["date"].to_numpy(), 24),
        "hour": np.tile(np.arange(24), n),
        "plant_no": np.repeat(f["plant_no"].to_numpy(), 24),
        "kind": np.repeat(f["kind"].to_numpy(), 24),
        "waste": np.repeat(f["waste"].to_numpy(), 24),
        "ports": np.repeat(f["ports"].to_numpy(), 24),
        "count": counts.ravel(),
        "volume_l": (share * f["day_volume_l"].to_numpy()[:, None]).ravel(),
    })
    out.insert(2, "time", out["date"] + pd.to_timedelta(out["hour"], unit="h"))
    if f["duplicate"].any() or f["total_mismatch"].any():
        out["duplicate"] = np.repeat(f["duplicate"].to_numpy(), 24)
        out["total_mismatch"] = np.repeat(f["total_mismatch"].to_numpy(), 24)
    return out


def read_cleannet_monthly(path=None) -> pd.DataFrame:
    """구역별 월 투입 ``cleannet_sections_monthly.csv`` 를 읽습니다.

    돌려주는 표: month(그 달 1일), section_id, waste, count(투입 횟수), volume_l(추정 투입량, ℓ),
    share_50l_pct(일반 쓰레기 가운데 50ℓ 봉투의 비율 %, 음식물은 NaN). 비율이 0~100 밖이면 오류입니다.

    예::

        monthly = read_cleannet_monthly()
        monthly[monthly.waste == "general"].groupby("month")["share_50l_pct"].mean()
    """
    path = _path(path, "cleannet_sections_monthly.csv")
    f = _read_small(path, "cleannet_monthly")
    ko = _korean("cleannet_monthly")
    f["month"] = pd.to_datetime(f["month"].str.strip() + "-01", format="%Y-%m-%d", errors="coerce")
    if f["month"].isna().any():
        bad = f["month"].isna()
        raise SejongDataError(path, f"열(column) '연월' 에 연월로 읽을 수 없는 값이 {int(bad.sum())}개 있습니다.",
                              expected="YYYY-MM", found=rows_where(bad))
    f["waste"] = _category(f["waste"], WASTE_TYPES, ko["waste"], path)
    f["count"] = _integers(f["count"], ko["count"], path).astype("int64")
    f["volume_l"] = _integers(f["volume_l"], ko["volume_l"], path).astype("int64")
    f["share_50l_pct"] = _floats(f["share_50l_pct"], ko["share_50l_pct"], path, bounds=(0, 100))
    return f.reset_index(drop=True)


# ---------------------------------------------------------------------------
# 저장률
# ---------------------------------------------------------------------------
def read_cleannet_fill(path=None) -> pd.DataFrame:
    """저장률 10분 기록 ``cleannet_fill_10min.csv`` 를 읽습니다.

    파일: 한 줄이 (일자, 집하장번호, 쓰레기종류) 하루이고 ``00:00`` … ``23:50`` 144칸에 그 시각의 저장률(%,
    저장 용량 대비 쌓인 양, 정수)이 있습니다. ``저장용량(㎥)`` 은 그 집하장·종류의 저장 용량입니다. 100 은 만차
    (투입구가 잠김)입니다.

    돌려주는 표 (긴 표, 집하장 → 종류 → 시각 순): time, plant_no, waste, capacity_m3, fill_pct(float).
    빈 칸(통신 끊김)은 NaN 으로 두고 몇 칸인지 경고합니다. 0~100 밖의 값이나 144칸이 다 없는 머리글은 오류입니다.
    약 84만 줄이라 pandas C 파서로 읽습니다 (1초 안팎).

    예::

        fill = read_cleannet_fill()
        fill[(fill.plant_no == 7) & (fill.waste == "food")].set_index("time")["fill_pct"].plot()
    """
    path = _path(path, "cleannet_fill_10min.csv")
    f = _read_wide(path, "cleannet_fill", FILL_TIMES + ["저장용량(㎥)"])
    f["date"] = _dates(f["date"], "일자", path)
    f["plant_no"] = _integers(f["plant_no"], "집하장번호", path, minimum=1).astype("int64")
    f["waste"] = _category(f["waste"], WASTE_TYPES, "쓰레기종류", path)
    values = f[FILL_TIMES].to_numpy()
    out_of_range = ~np.isnan(values) & ((values < 0) | (values > 100))
    if out_of_range.any():
        row, col = np.argwhere(out_of_range)[0]
        raise SejongDataError(path, f"저장률(%) 칸에 0~100 밖의 값이 {int(out_of_range.sum())}칸 있습니다.",
                              expected="0 이상 100 이하의 저장률(%)",
                              found=f"데이터 {row + 1}번째 행 '{FILL_TIMES[col]}' 칸: {values[row, col]:g}")
    missing = int(np.isnan(values).sum())
    if missing:
        warn_file(path, f"저장률이 빈 칸 {missing:,}개(전체 {values.size:,}칸 중)를 지우지 않고 NaN 으로 두었습니다 "
                        "(센서 통신 끊김).")
    _flag_duplicates(f, ["date", "plant_no", "waste"], path, "(일자, 집하장, 종류)")
    order = np.lexsort((f["date"].to_numpy(), f["waste"].to_numpy().astype(str), f["plant_no"].to_numpy()))
    f = f.iloc[order]
    values = values[order]
    offsets = pd.to_timedelta(np.arange(0, 1440, 10), unit="min").to_numpy()
    time = (f["date"].to_numpy()[:, None] + offsets[None, :]).ravel()
    return pd.DataFrame({
        "time": time,
        "plant_no": np.repeat(f["plant_no"].to_numpy(), len(FILL_TIMES)),
        "waste": np.repeat(f["waste"].to_numpy(), len(FILL_TIMES)),
        "capacity_m3": np.repeat(f["capacity_m3"].to_numpy(), len(FILL_TIMES)),
        "fill_pct": values.ravel(),
    })


# ---------------------------------------------------------------------------
# 배출 기록, 사건 기록
# ---------------------------------------------------------------------------
def _start_end(f: pd.DataFrame, path, ko: dict) -> None:
    f["start"] = parse_times(f["start"], ko["start"], path, _TIMES)
    f["end"] = parse_times(f["end"], ko["end"], path, _TIMES)
    if f["start"].isna().any():
        blank = f["start"].isna()
        raise SejongDataError(path, f"열(column) '{ko['start']}' 이 빈 행이 {int(blank.sum())}개 있습니다.",
                              expected="모든 행에 시각 (YYYY-MM-DD HH:MM)", found=rows_where(blank))
    f["duration_min"] = (f["end"] - f["start"]).dt.total_seconds() / 60


def read_cleannet_discharges(path=None) -> pd.DataFrame:
    """배출(수거 운전) 기록 ``cleannet_discharges.csv`` 를 읽습니다.

    돌려주는 표: run_id, plant_no, waste, run_type(scheduled 정기, extra 추가), start, end, volume_m3(빨아들인
    부피), energy_kwh(전력 사용량), duration_min, suspect(끝이 시작보다 이르거나 전력이 0 이하인 행: 지우지 않고
    표시하고 경고). 시각은 ``YYYY-MM-DD HH:MM`` (초가 있어도 됨).

    예::

        runs = read_cleannet_discharges()
        runs.groupby(["plant_no", "run_type"]).size()
    """
    path = _path(path, "cleannet_discharges.csv")
    f = _read_small(path, "cleannet_discharges")
    ko = _korean("cleannet_discharges")
    f["plant_no"] = _integers(f["plant_no"], ko["plant_no"], path, minimum=1).astype("int64")
    f["waste"] = _category(f["waste"], WASTE_TYPES, ko["waste"], path)
    f["run_type"] = _category(f["run_type"], RUN_TYPES, ko["run_type"], path)
    _start_end(f, path, ko)
    f["volume_m3"] = _floats(f["volume_m3"], ko["volume_m3"], path)
    f["energy_kwh"] = _floats(f["energy_kwh"], ko["energy_kwh"], path)
    suspect = ((f["end"] < f["start"]) | (f["energy_kwh"] <= 0)).fillna(False).astype(bool)
    if suspect.any():
        warn_file(path, f"끝이 시작보다 이르거나 전력사용량이 0 이하인 배출 {int(suspect.sum())}건을 지우지 않고 "
                        f"suspect=True 로 표시했습니다: {f.loc[suspect, 'run_id'].head(5).tolist()}")
    f["suspect"] = suspect
    return f.reset_index(drop=True)


def read_cleannet_events(path=None) -> pd.DataFrame:
    """막힘·고장·만차 기록 ``cleannet_events.csv`` 를 읽습니다.

    돌려주는 표: event_id, plant_no, section_id(막힘만; 나머지는 None), waste(고장은 None), event_type(clog 막힘,
    fault 고장, full 만차), start, end, detail, duration_min, suspect(끝이 시작보다 이른 행: 표시하고 경고).

    예::

        events = read_cleannet_events()
        events.groupby(["plant_no", "event_type"]).size().unstack()
    """
    path = _path(path, "cleannet_events.csv")
    f = _read_small(path, "cleannet_events")
    ko = _korean("cleannet_events")
    f["plant_no"] = _integers(f["plant_no"], ko["plant_no"], path, minimum=1).astype("int64")
    f["waste"] = _category(f["waste"], WASTE_TYPES, ko["waste"], path, allow_blank=True)
    f["event_type"] = _category(f["event_type"], EVENT_TYPES, ko["event_type"], path)
    f["section_id"] = f["section_id"].astype("object").where(f["section_id"].notna(), None)
    _start_end(f, path, ko)
    suspect = (f["end"] < f["start"]).fillna(False).astype(bool)
    if suspect.any():
        warn_file(path, f"끝이 시작보다 이른 사건 {int(suspect.sum())}건을 지우지 않고 suspect=True 로 표시했습니다: "
                        f"{f.loc[suspect, 'event_id'].head(5).tolist()}")
    f["suspect"] = suspect
    return f.reset_index(drop=True)
