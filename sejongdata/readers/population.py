"""행정안전부 주민등록 인구통계 내려받기 파일 리더 (resident registration population)."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..textio import normalize_header, read_table, to_number, to_number_columns
from .codes import code_level
from .columns import COLUMN_MAPS

__all__ = ["read_population_monthly", "read_population_age", "parse_regions"]

_REGION = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d{10})\)\s*$")
_MONTH_PREFIX = re.compile(r"^(\d{4})년\s*(\d{1,2})월_(.+)$")
_RATIO_COLUMNS = {"persons_per_household", "sex_ratio"}


def parse_regions(values: pd.Series, path) -> pd.DataFrame:
    """'세종특별자치시 조치원읍(3611025000)' 꼴의 행정구역 글자를 emd_code, emd_name, level 로 나눕니다.

    괄호 안 10자리 코드가 없는 값이 있거나 같은 코드가 두 번 나오면 :class:`SejongDataError` 입니다.
    """
    text = pd.Series(values, dtype="object").fillna("").astype(str).str.strip()
    parts = text.str.extract(_REGION)
    bad = text[parts["code"].isna()]
    if len(bad):
        shown = [f"데이터 {i + 1}번째 행: {v!r}" for i, v in bad.head(5).items()]
        raise SejongDataError(path, f"행정구역(region) 값 {len(bad)}개에 10자리 행정기관코드가 없습니다.",
                              expected="'세종특별자치시 조치원읍(3611025000)' 처럼 이름 뒤 괄호 안에 10자리 코드",
                              found=shown)
    dup = parts["code"][parts["code"].duplicated()]
    if len(dup):
        raise SejongDataError(path, "같은 행정기관코드(code)가 두 번 이상 나옵니다.",
                              expected="행정구역마다 한 줄", found=sorted(set(dup)))
    codes = parts["code"].astype(str)
    names = parts["name"].str.strip()
    level = codes.map(code_level)
    short = names.str.split().str[-1].fillna("")
    emd_name = short.where(level == "emd", names)
    return pd.DataFrame({"emd_code": codes.to_numpy(), "emd_name": emd_name.to_numpy(),
                         "level": level.to_numpy()}, index=values.index).astype("str")


def _month(year: str, month: str, column: str, path) -> pd.Timestamp:
    if not 1 <= int(month) <= 12:
        raise SejongDataError(path, f"열 이름(column name)의 달(month)이 1~12 가 아닙니다: {column}",
                              expected="YYYY년MM월 (MM 은 01~12)", found=column)
    return pd.Timestamp(int(year), int(month), 1)


def _require_counts(frame: pd.DataFrame, columns: list[str], path) -> None:
    """숫자 열에 빈 칸이 있으면 오류입니다 (행정안전부 파일에는 빈 칸이 없습니다)."""
    for column in columns:
        blank = frame[column].isna()
        if blank.any():
            raise SejongDataError(path, f"열(column) '{column}' 에 빈 값이 {int(blank.sum())}개 있습니다.",
                                  expected="모든 칸에 숫자 (없던 행정구역도 0)",
                                  found=[f"데이터 {i + 1}번째 행 ({frame.iloc[i, 0]})" for i in blank[blank].index[:5]])


def read_population_monthly(path) -> pd.DataFrame:
    """행정안전부 「주민등록 인구 및 세대현황」 월간 내려받기 파일을 긴(tidy) 표로 읽습니다.

    어디서: 행정안전부 주민등록 인구통계 누리집(jumin.mois.go.kr) → 주민등록 인구 및 세대현황 →
    '월간' 선택 후 CSV 내려받기. 이 책의 모의 파일 ``datasets/population_emd_monthly.csv`` 도 같은 형식입니다.

    형식: CP949(UTF-8, UTF-8 BOM 도 받음), 모든 칸이 큰따옴표, 숫자에 천 단위 쉼표. 머리글은
    ``"행정구역","2019년01월_총인구수","2019년01월_세대수", …`` 처럼 달마다 값 열이 이어집니다.
    값 열은 총인구수·세대수·세대당 인구·남자 인구수·여자 인구수·남여 비율 중 일부일 수 있으나
    달마다 총인구수는 꼭 있어야 합니다.

    돌려주는 표: 행정구역 × 달 한 줄씩. 열은 emd_code(10자리 글자), emd_name('조치원읍', 시 전체는
    '세종특별자치시'), level('city'/'emd'), month(그 달 1일), exists(그 달에 값이 하나라도 0이 아니면 True),
    그리고 있는 값만 population, households, persons_per_household, male, female, sex_ratio.
    아직 생기지 않은 읍면동의 달(값이 모두 0)은 지우지 않고 exists=False 로 둡니다.

    예::

        pop = read_population_monthly(data_path("population_emd_monthly.csv"))
        pop[pop.level == "emd"].pivot(index="month", columns="emd_name", values="population")
    """
    path = Path(path)
    frame, _info = read_table(path, required=["행정구역"], preamble=0)
    measures = {normalize_header(k): v for k, v in COLUMN_MAPS["population_monthly"].items() if k != "행정구역"}
    layout, bad_names, unknown = {}, [], []
    for column in frame.columns:
        if column == "행정구역":
            continue
        match = _MONTH_PREFIX.match(column)
        if not match:
            bad_names.append(column)
            continue
        key = normalize_header(match.group(3))
        if key not in measures:
            unknown.append(column)
            continue
        layout[column] = (_month(match.group(1), match.group(2), column, path), measures[key])
    if bad_names:
        raise SejongDataError(path, "열 이름(column name)을 해석할 수 없습니다.",
                              expected="'YYYY년MM월_값이름' (예: 2019년01월_총인구수)", found=bad_names)
    if unknown:
        raise SejongDataError(path, "알 수 없는 값 이름이 들어 있는 열(column)이 있습니다.",
                              expected=[k for k in COLUMN_MAPS["population_monthly"] if k != "행정구역"],
                              found=unknown)
    months = sorted({m for m, _ in layout.values()})
    lacking = [m for m in months if (m, "population") not in set(layout.values())]
    if not months or lacking:
        shown = [f"{m.year}년{m.month:02d}월_총인구수" for m in lacking] or ["YYYY년MM월_총인구수"]
        raise SejongDataError(path, f"필수 열(column)이 없습니다: {', '.join(shown)}",
                              expected=shown, found=list(frame.columns))

    regions = parse_regions(frame["행정구역"], path)
    values = to_number_columns(frame, list(layout), path)
    _require_counts(pd.concat([frame[["행정구역"]], pd.DataFrame(values)], axis=1), list(layout), path)

    order = ["population", "households", "persons_per_household", "male", "female", "sex_ratio"]
    present = [name for name in order if any(name == n for _, n in layout.values())]
    pieces = []
    for month in months:
        piece = regions.copy()
        piece.insert(3, "month", month)
        for name in present:
            column = next((c for c, (m, n) in layout.items() if m == month and n == name), None)
            series = values[column] if column is not None else pd.Series(pd.NA, index=frame.index)
            piece[name] = series.astype("float64") if name in _RATIO_COLUMNS else series.astype("Int64")
        pieces.append(piece)
    tidy = pd.concat(pieces, ignore_index=True)
    tidy["month"] = pd.to_datetime(tidy["month"])
    nonzero = tidy[present].fillna(0).astype("float64").ne(0)
    tidy.insert(4, "exists", nonzero.any(axis=1).astype(bool))
    unit_order = {code: i for i, code in enumerate(regions["emd_code"])}
    tidy = tidy.sort_values(["emd_code", "month"], key=lambda s: s.map(unit_order) if s.name == "emd_code" else s)
    return tidy.reset_index(drop=True)


# ---------------------------------------------------------------------------
# 연령별 인구
# ---------------------------------------------------------------------------

_AGE_COLUMN = re.compile(r"^(\d{4})년\s*(\d{1,2})월_(계|남|여)_(.+)$")
_BAND_RANGE = re.compile(r"^(\d+)~(\d+)세$")
_BAND_OPEN = re.compile(r"^(\d+)세이상$")
_SEX = {"계": "total", "남": "male", "여": "female"}
_SEX_LABEL = {v: f"{k}({v})" for k, v in _SEX.items()}          # 메시지용: '남(male)'


def _band(label: str):
    """'0~9세' → (0, '0~9세'), '100세 이상' → (100, '100세 이상'). 연령 구간이 아니면 None."""
    key = normalize_header(label)
    match = _BAND_RANGE.match(key)
    if match:
        return int(match.group(1)), f"{int(match.group(1))}~{int(match.group(2))}세"
    match = _BAND_OPEN.match(key)
    if match:
        return int(match.group(1)), f"{int(match.group(1))}세 이상"
    return None


def read_population_age(path) -> pd.DataFrame:
    """행정안전부 「연령별 인구현황」(10세 단위) 내려받기 파일을 긴(tidy) 표로 읽습니다.

    어디서: 행정안전부 주민등록 인구통계 누리집(jumin.mois.go.kr) → 연령별 인구현황 → 연령 구분 단위
    '10세', 남녀 구분 포함으로 CSV 내려받기.

    형식: :func:`read_population_monthly` 와 같은 CSV 이고, 머리글이
    ``"행정구역","2019년12월_계_총인구수","2019년12월_계_연령구간인구수","2019년12월_계_0~9세", …,
    "2019년12월_계_100세 이상"`` 다음에 남, 여 묶음이 이어집니다 (여러 달이면 달마다 반복).

    돌려주는 표: emd_code, emd_name, level, month, sex('total'/'male'/'female'),
    age_band('0~9세' … '100세 이상', 순서 있는 범주형 ordered categorical), population(정수).
    각 행·달·성별에서 연령 구간 합이 연령구간인구수와 다르면 :class:`SejongDataError` 입니다.

    예::

        age = read_population_age("202412_연령별인구현황_월간.csv")
        age.query("sex == 'total' and level == 'emd'").pivot(index="emd_name", columns="age_band", values="population")
    """
    path = Path(path)
    frame, _info = read_table(path, required=["행정구역"], preamble=0)
    layout, bad_names, bands = {}, [], {}
    for column in frame.columns:
        if column == "행정구역":
            continue
        match = _AGE_COLUMN.match(column)
        if not match:
            bad_names.append(column)
            continue
        month = _month(match.group(1), match.group(2), column, path)
        sex = _SEX[match.group(3)]
        what = normalize_header(match.group(4))
        if what in ("총인구수", "연령구간인구수"):
            layout[column] = (month, sex, what)
            continue
        band = _band(match.group(4))
        if band is None:
            bad_names.append(column)
            continue
        bands[band[1]] = band[0]
        layout[column] = (month, sex, band[1])
    if bad_names:
        raise SejongDataError(path, "열 이름(column name)을 해석할 수 없습니다.",
                              expected="'YYYY년MM월_계|남|여_연령구간' (예: 2019년12월_계_0~9세, 2019년12월_남_총인구수)",
                              found=bad_names)
    if not bands:
        raise SejongDataError(path, "필수 열(column)이 없습니다: 연령 구간 열 (예: 2019년12월_계_0~9세)",
                              expected="YYYY년MM월_계_0~9세 …", found=list(frame.columns))
    categories = sorted(bands, key=bands.get)
    groups = sorted({(m, s) for m, s, _ in layout.values()})
    have = {g: {w for m, s, w in layout.values() if (m, s) == g} for g in groups}
    incomplete = [f"{m.year}년{m.month:02d}월 {_SEX_LABEL[s]}: {sorted(set(categories) - have[(m, s)])} 없음"
                  for m, s in groups if not set(categories) <= have[(m, s)]]
    if incomplete:
        raise SejongDataError(path, "일부 달·성별에 연령 구간 열(column)이 빠졌습니다.",
                              expected=categories, found=incomplete)

    regions = parse_regions(frame["행정구역"], path)
    values = to_number_columns(frame, list(layout), path)
    _require_counts(pd.concat([frame[["행정구역"]], pd.DataFrame(values)], axis=1), list(layout), path)
    lookup = {spec: column for column, spec in layout.items()}

    pieces = []
    for month, sex in groups:
        band_values = pd.DataFrame({b: values[lookup[(month, sex, b)]] for b in categories})
        total_column = lookup.get((month, sex, "연령구간인구수"))
        if total_column is not None:
            diff = band_values.sum(axis=1) != values[total_column]
            if diff.any():
                rows = [f"{frame['행정구역'][i]}: 구간 합 {int(band_values.loc[i].sum())} ≠ {int(values[total_column][i])}"
                        for i in diff[diff].index[:5]]
                raise SejongDataError(path, f"{month.year}년{month.month:02d}월 {_SEX_LABEL[sex]}: 연령 구간 합이 연령구간인구수와 다른 행이 {int(diff.sum())}개 있습니다.",
                                      expected=f"0~9세부터 마지막 구간까지의 합 = '{total_column}'", found=rows)
        for band in categories:
            piece = regions.copy()
            piece["month"] = month
            piece["sex"] = sex
            piece["age_band"] = band
            piece["population"] = band_values[band].astype("Int64")
            pieces.append(piece)
    tidy = pd.concat(pieces, ignore_index=True)
    tidy["month"] = pd.to_datetime(tidy["month"])
    tidy["age_band"] = pd.Categorical(tidy["age_band"], categories=categories, ordered=True)
    unit_order = {code: i for i, code in enumerate(regions["emd_code"])}
    sex_order = {"total": 0, "male": 1, "female": 2}
    tidy = tidy.sort_values(
        ["emd_code", "month", "sex", "age_band"],
        key=lambda s: s.map(unit_order) if s.name == "emd_code" else (s.map(sex_order) if s.name == "sex" else s))
    return tidy.reset_index(drop=True)
