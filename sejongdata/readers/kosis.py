"""KOSIS(국가통계포털) 통계표 CSV 내려받기 리더 (readers of KOSIS table downloads).

KOSIS 에서 통계표를 조회해 CSV 로 내려받으면 두 모양 가운데 하나가 나옵니다.

- **세로형**(long): 머리글 한 줄. 분류 열(``행정구역(시군구)별``, ``성별`` … 이름이 '별'로 끝남), ``시점`` 열,
  그리고 항목 열(``총전입 (명)``)이 옵니다. 한 행이 (분류, 시점) 하나입니다. → :func:`read_kosis_long`
- **가로형**(wide): 머리글 두 줄. 첫 줄에는 분류 이름 다음에 시점(``2019. 01``)이 항목 수만큼 되풀이되고,
  둘째 줄에는 그 아래 항목 이름(``이동자수 (명)``)이 옵니다. 한 행이 분류 하나, 시점은 열로 펼쳐져 있습니다.
  → :func:`read_kosis_wide`

두 리더는 같은 모양의 정돈된(tidy) 표를 돌려줍니다: 분류 열(영어 이름: region, origin, destination, sex,
age_band, reason …), ``period`` (월이면 ``Period[M]``, 해면 ``Period[Y]``), ``provisional`` (시점에 잠정치
표시 ``p)`` 가 붙었으면 True), 항목 열(영어 이름), ``all_zero`` (항목 값이 모두 0 인 행). 단위는 표의
``attrs["units"]`` (예: ``{"in_total": "명"}``), 원래 항목 이름은 ``attrs["items"]`` 에 남습니다.

엄격하게 보는 것: 시점 열(또는 시점 머리글)이 있는지, 시점을 월·연으로 읽을 수 있는지(한 파일에 월과 연이
섞이면 오류), 요청한 항목이 모두 있는지, 항목 값이 숫자인지. 너그럽게 보는 것: 따옴표가 있든 없든, 줄 끝의
빈 칸, 머리글과 분류 값의 공백(``시도간 전입`` = ``시도간전입``, 앞뒤 공백), 천 단위 쉼표, KOSIS 통계
부호(``-`` 없음·해당 없음, ``…``/``...`` 미상, ``x`` 비밀보호 → 결측값 NA).

행은 지우지 않습니다. 모든 항목이 0 인 행(폐지된 행정구역, 그 달에 없던 행정동)은 ``all_zero=True`` 로
표시하고 경고(:class:`~sejongdata.errors.SejongDataWarning`)로 알립니다.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SejongDataError
from ..textio import normalize_header, read_table, read_text
from .columns import COLUMN_MAPS
from .common import warn_file

__all__ = ["read_kosis_long", "read_kosis_wide", "parse_periods", "split_item"]

PERIOD = "시점"
MISSING_SYMBOLS = {"-", "…", "...", "x", "X", "..", "·"}
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[+-]?\.\d+$")
_MONTHLY = (re.compile(r"^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*월?$"),
            re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월$"),
            re.compile(r"^(\d{4})(\d{2})$"))
_YEARLY = re.compile(r"^(\d{4})\s*년?$")
_PROVISIONAL = re.compile(r"\s*[pP]\)\s*$")
# 항목 이름 끝의 괄호가 단위(또는 기준 연도)인지 알아보는 규칙
_UNIT = re.compile(r"^(?:\d{4}(?:\.\d{1,2}){0,2}=100|%p?|‰|[천백십만억조]*(?:명|세대|가구|원|달러|불|건|개|"
                   r"호|톤|kg|㎡|㎢|km|m|대|회|시간|일|배|점))$")
_DIM_SUFFIX = re.compile(r"별(\(\d+\))?$")
_EXPECTED_PERIOD = "2019.01, 2019. 01, 2019-01, 201901, 2019년 01월 (월) 또는 2019, 2019 년 (연); 뒤에 ' p)' 가능"


# ---------------------------------------------------------------------------
# 머리글: 항목 이름과 단위, 분류 열
# ---------------------------------------------------------------------------
def split_item(header: str) -> tuple[str, str | None]:
    """항목 머리글을 (이름, 단위) 로 나눕니다. 단위는 끝의 괄호 ``(명)`` 나 대괄호 ``[명]``.

    끝의 괄호가 단위나 기준 연도(``2020=100``)가 아니면 이름의 일부로 봅니다.

    예::

        split_item("총전입 (명)")                 # ('총전입', '명')
        split_item("선행종합지수(2020=100)")       # ('선행종합지수', '2020=100')
        split_item("소비자물가지수변화율(서비스)")  # ('소비자물가지수변화율(서비스)', None)
    """
    text = " ".join(str(header).split())
    match = re.match(r"^(.*?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]$", text)
    if match and match.group(1) and _UNIT.match(match.group(2).replace(" ", "")):
        return match.group(1), match.group(2).replace(" ", "")
    return text, None


def _is_dim(header: str) -> bool:
    return bool(_DIM_SUFFIX.search(normalize_header(header)))


def _dim_name(header: str) -> str:
    key = normalize_header(header)
    level = re.search(r"\((\d+)\)$", key)
    base = key[: level.start()] if level else key
    english = COLUMN_MAPS["kosis_dims"].get(base)
    if english is None:
        return header.strip()
    return f"{english}_{level.group(1)}" if level else english


def _item_names(path, headers: list[str], items) -> tuple[list[str], dict, dict]:
    """항목 머리글 → 영어 이름 목록, 단위 사전, 원래 이름 사전. 요청한 항목이 없거나 겹치면 오류."""
    known = {normalize_header(k): v for k, v in COLUMN_MAPS["kosis_items"].items()}
    wanted = {}
    if items is not None:
        pairs = items.items() if isinstance(items, dict) else ((k, None) for k in items)
        wanted = {normalize_header(k): (k, v) for k, v in pairs}
    names, units, korean, seen = [], {}, {}, {}
    for header in headers:
        name, unit = split_item(header)
        key = normalize_header(name)
        if key in seen:
            raise SejongDataError(path, "같은 항목(item)이 두 번 있습니다.",
                                  expected="항목마다 열 하나", found=[seen[key], header],
                                  hint="단위만 다른 같은 항목이면 하나만 골라 다시 내려받으세요.")
        seen[key] = header
        english = (wanted.get(key, (None, None))[1] or known.get(key) or name)
        names.append(english)
        units[english] = unit
        korean[english] = name
    missing = [orig for key, (orig, _) in wanted.items() if key not in seen]
    if missing:
        raise SejongDataError(path, f"필요한 항목(item)이 없습니다: {', '.join(missing)}",
                              expected=[k for k, _ in wanted.values()],
                              found=[split_item(h)[0] for h in headers],
                              hint="KOSIS 조회 화면의 '항목' 에서 이 항목을 골라 다시 내려받으세요.")
    clash = pd.Series(names)[pd.Series(names).duplicated()].tolist()
    if clash:
        raise SejongDataError(path, "서로 다른 항목이 같은 영어 이름이 됩니다.",
                              expected="항목마다 다른 이름", found=clash)
    return names, units, korean


# ---------------------------------------------------------------------------
# 시점
# ---------------------------------------------------------------------------
def _parse_one(text: str):
    """시점 글자 하나 → (freq, year, month, provisional) 또는 None."""
    raw = " ".join(str(text).split())
    provisional = bool(_PROVISIONAL.search(raw))
    core = _PROVISIONAL.sub("", raw).strip()
    for pattern in _MONTHLY:
        m = pattern.match(core)
        if m:
            month = int(m.group(2))
            return ("M", int(m.group(1)), month, provisional) if 1 <= month <= 12 else None
    m = _YEARLY.match(core)
    if m:
        return "Y", int(m.group(1)), None, provisional
    return None


def parse_periods(values, path=None, where: str = "시점") -> tuple[pd.Series, pd.Series]:
    """KOSIS 시점 글자들을 (Period 열, 잠정치 표시 열) 로 바꿉니다. 못 읽거나 월·연이 섞이면 오류.

    예::

        parse_periods(pd.Series(["2019.01", "2019. 02", "2024.12 p)"]))
    """
    series = pd.Series(values)
    blank = series.isna() | series.astype("str").str.strip().eq("")
    if blank.any():
        rows = [f"데이터 {i + 1}번째 행" for i in series.index[blank][:5]]
        raise SejongDataError(path, f"{where} 이 빈 칸인 행이 {int(blank.sum())}개 있습니다.",
                              expected=_EXPECTED_PERIOD, found=rows)
    text = series.astype("str")
    codes, unique = pd.factorize(text)
    parsed = {u: _parse_one(u) for u in unique}
    bad = [u for u, p in parsed.items() if p is None]
    if bad:
        raise SejongDataError(path, f"{where} 을 월·연으로 읽을 수 없는 값이 {len(bad)}가지 있습니다.",
                              expected=_EXPECTED_PERIOD, found=bad[:5],
                              hint="분기·반기 자료는 이 리더가 읽지 않습니다. KOSIS 에서 월이나 연 자료로 내려받으세요.")
    freqs = sorted({p[0] for p in parsed.values()})
    if len(freqs) > 1:
        examples = [next(u for u, p in parsed.items() if p[0] == f) for f in freqs]
        raise SejongDataError(path, f"{where} 에 월 자료와 연 자료가 섞여 있습니다.",
                              expected="한 파일에 한 가지 주기(월 또는 연)", found=examples,
                              hint="주기마다 따로 내려받으세요.")
    freq = freqs[0]
    labels = [f"{parsed[u][1]}-{parsed[u][2]:02d}" if freq == "M" else f"{parsed[u][1]}" for u in unique]
    periods = pd.PeriodIndex(labels, freq=freq).take(codes)      # 고유한 시점만 한 번씩 바꿈
    provisional = pd.Series(np.array([parsed[u][3] for u in unique], dtype=bool)[codes],
                            index=series.index)
    return pd.Series(periods, index=series.index), provisional


# ---------------------------------------------------------------------------
# 값
# ---------------------------------------------------------------------------
def _numbers(values: pd.Series, column: str, path, row_offset: int = 0) -> pd.Series:
    """항목 값 → Int64 (모두 정수) 또는 float64. KOSIS 부호와 빈 칸은 NA, 그 밖의 글자는 오류."""
    text = values.astype("str").str.strip()
    text = text.where(values.notna(), "")
    missing = text.eq("") | text.isin(MISSING_SYMBOLS)
    cleaned = text.str.replace(",", "", regex=False)
    bad = ~missing & ~text.str.match(_NUMBER.pattern)
    if bad.any():
        shown = [f"데이터 {i + 1 + row_offset}번째 행: {text[i]!r}" for i in text.index[bad][:5]]
        raise SejongDataError(path, f"항목 '{column}' 에 숫자가 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="숫자 (천 단위 쉼표 허용) 또는 KOSIS 부호 '-', '…', 'x'",
                              found=shown, hint="값 뒤에 붙은 표시(예: '123 p)')가 있으면 지우고 읽으세요.")
    numbers = pd.to_numeric(cleaned.where(~missing), errors="coerce").astype("float64")
    finite = numbers.dropna()
    if not cleaned[~missing].str.contains(".", regex=False).any() and (finite % 1 == 0).all():
        return numbers.astype("Int64")
    return numbers


def _finish(path, frame: pd.DataFrame, dims: list[str], items: list[str], units: dict,
            korean: dict) -> pd.DataFrame:
    """열 순서를 맞추고 모든 값이 0 인 행을 표시합니다 (지우지 않음)."""
    values = frame[items]
    zero = values.eq(0).fillna(False)
    present = values.notna()
    frame["all_zero"] = ((zero | ~present).all(axis=1) & present.any(axis=1)).astype(bool)
    n_zero = int(frame["all_zero"].sum())
    if n_zero and dims:
        first = frame.loc[frame["all_zero"], dims[0]]
        examples = ", ".join(f"{name} {count}행" for name, count in first.value_counts(sort=False).head(4).items())
        warn_file(Path(path), f"모든 항목이 0 인 행 {n_zero}개를 지우지 않고 all_zero=True 로 표시했습니다 "
                              f"({examples}). 폐지된 행정구역이거나 그때 없던 단위일 수 있습니다.")
    elif n_zero:
        warn_file(Path(path), f"모든 항목이 0 인 행 {n_zero}개를 all_zero=True 로 표시했습니다.")
    out = frame[dims + ["period", "provisional"] + items + ["all_zero"]].reset_index(drop=True)
    out.attrs["units"] = dict(units)
    out.attrs["items"] = dict(korean)
    return out


def _clean_dim_values(values: pd.Series) -> pd.Series:
    """분류 값의 앞뒤 공백을 지우고 안쪽의 여러 공백을 하나로 ('  유성구' → '유성구')."""
    return values.astype("str").str.strip().str.replace(r"\s+", " ", regex=True).where(values.notna())


# ---------------------------------------------------------------------------
# 세로형
# ---------------------------------------------------------------------------
def read_kosis_long(path, items=None) -> pd.DataFrame:
    """KOSIS 세로형 CSV (분류 열, ``시점`` 열, 항목 열) 를 정돈된 표로 읽습니다.

    Parameters
    ----------
    path : 파일 경로 (KOSIS 에서 CSV 로 내려받은 파일; CP949·UTF-8 모두)
    items : 꼭 있어야 하는 항목. 한국어 이름 목록이나 ``{"한국어 이름": "english"}`` 사전 (단위는 빼고 씀).
        주지 않으면 있는 항목을 모두 읽고, 이 책의 사전(``column_map("kosis_items")``)에 있는 항목만 영어
        이름으로 바꿉니다 (나머지는 단위를 뗀 한국어 이름).

    돌려주는 열: 분류(영어 이름), period, provisional, 항목들, all_zero. 단위: ``df.attrs["units"]``.

    예::

        sgg = read_kosis_long(data_path("kosis_migration_sgg_monthly.csv"))
        sgg[sgg["region"] == "세종특별자치시"].head()
    """
    path = Path(path)
    try:
        frame, _info = read_table(path, required=[PERIOD], preamble=0)
    except SejongDataError as err:
        if not err.problem.startswith(("머리글 줄(header)을 찾지 못했습니다", "필수 열(column)이 없습니다")):
            raise
        raise SejongDataError(path, "KOSIS 세로형 머리글을 찾지 못했습니다: '시점' 열이 없습니다.",
                              expected=["분류 열(…별)", "시점", "항목 (단위)"], found=err.found,
                              hint="시점이 열로 펼쳐진 가로형 파일이면 read_kosis_wide 로 읽으세요. "
                                   "KOSIS 다운로드 창에서 '시점' 을 행(세로)으로 두면 세로형이 됩니다.") from None
    columns = [c for c in frame.columns if c != PERIOD]
    dims = [c for c in columns if _is_dim(c)]
    item_headers = [c for c in columns if c not in dims]
    if not item_headers:
        raise SejongDataError(path, "항목(item) 열이 없습니다.", expected="시점 뒤에 '항목 (단위)' 열",
                              found=list(frame.columns))
    names, units, korean = _item_names(path, item_headers, items)
    out = pd.DataFrame({_dim_name(d): _clean_dim_values(frame[d]) for d in dims})
    out["period"], out["provisional"] = parse_periods(frame[PERIOD], path)
    for header, name in zip(item_headers, names):
        out[name] = _numbers(frame[header], header.strip(), path)
    return _finish(path, out, [_dim_name(d) for d in dims], names, units, korean)


# ---------------------------------------------------------------------------
# 가로형
# ---------------------------------------------------------------------------
def _records(path, text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    out, start = [], 1
    try:
        for fields in reader:
            if fields and any(f.strip() for f in fields):
                out.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as err:
        raise SejongDataError(path, "CSV 형식이 깨졌습니다(malformed CSV).", expected="따옴표가 짝이 맞는 CSV",
                              found=f"{start}번째 줄 근처: {err}") from None
    return out


def _strip_trailing(fields: list[str], width: int) -> list[str]:
    """줄 끝의 빈 칸은 버립니다 (KOSIS 내려받기에 흔함)."""
    while len(fields) > width and fields[-1].strip() == "":
        fields = fields[:-1]
    return fields


def read_kosis_wide(path, items=None, item: str = "value") -> pd.DataFrame:
    """KOSIS 가로형 CSV (시점이 열로 펼쳐진 표) 를 정돈된 세로 표로 읽습니다.

    첫 머리글 줄: 분류 이름들 뒤에 시점(``2019. 01`` …)이 항목 수만큼 되풀이됩니다.
    둘째 머리글 줄: 같은 자리에 항목 이름(``이동자수 (명)`` …)이 옵니다. 항목이 하나뿐이라 둘째 줄이 없는
    파일도 읽으며, 그 항목의 이름은 ``item`` 입니다.

    시점마다 항목의 종류와 순서가 같아야 합니다 (다르면 오류). ``items`` 는 :func:`read_kosis_long` 과 같습니다.
    돌려주는 표는 :func:`read_kosis_long` 과 같은 모양입니다 (분류 × 시점 한 행).

    예::

        od = read_kosis_wide(data_path("kosis_migration_od_sido_monthly.csv"))
        od[(od["destination"] == "세종특별자치시") & (od["origin"] != "전국")].head()
    """
    path = Path(path)
    text, _encoding = read_text(path)
    records = _records(path, text)
    if not records:
        raise SejongDataError(path, "데이터가 없습니다.", expected="머리글 두 줄과 데이터 행", found="빈 파일")
    line1, head1 = records[0]
    head1 = [h.strip() for h in head1]
    while head1 and head1[-1] == "":
        head1.pop()
    is_period = [_parse_one(h) is not None and not _is_dim(h) for h in head1]
    if not any(is_period):
        hint = ("'시점' 열이 있는 세로형 파일이면 read_kosis_long 으로 읽으세요."
                if any(normalize_header(h) == PERIOD for h in head1) else
                "KOSIS 다운로드 창에서 시점을 열(가로)로 두었는지 확인하세요.")
        raise SejongDataError(path, "가로형 머리글에서 시점(period)을 찾지 못했습니다.",
                              expected=f"첫 줄: 분류 이름 뒤에 시점 ({_EXPECTED_PERIOD})",
                              found=f"{line1}번째 줄: {head1[:6]}", hint=hint)
    k = is_period.index(True)
    after = [h for h, p in zip(head1[k:], is_period[k:]) if not p]
    if after:
        raise SejongDataError(path, "시점 머리글 사이에 시점이 아닌 칸이 있습니다.",
                              expected="분류 이름들 다음에는 시점만", found=after[:5],
                              hint="분류 열은 시점보다 앞(왼쪽)에 있어야 합니다.")
    width = len(head1)
    dims_raw = head1[:k]
    rest = records[1:]
    item_row = None
    if rest:
        second = _strip_trailing(rest[0][1], width)
        cells = [c.strip() for c in second[k:]]
        if cells and all(c and not _NUMBER.match(c) and c not in MISSING_SYMBOLS for c in cells):
            item_row = second
            rest = rest[1:]
    if item_row is not None and len(item_row) != width:
        raise SejongDataError(path, "둘째 머리글(항목) 줄의 칸 수가 첫 줄과 다릅니다.",
                              expected=f"{width}칸", found=f"{len(item_row)}칸")
    item_cells = [c.strip() for c in item_row[k:]] if item_row is not None else [item] * (width - k)
    periods_raw = head1[k:]
    blocks: dict[str, list[str]] = {}
    for p, it in zip(periods_raw, item_cells):
        blocks.setdefault(p, []).append(it)
    first_items = next(iter(blocks.values()))
    for p, its in blocks.items():
        if its != first_items:
            raise SejongDataError(path, f"시점 '{p}' 의 항목이 첫 시점과 다릅니다.",
                                  expected=first_items, found=its,
                                  hint="시점마다 같은 항목이 같은 순서로 있어야 합니다. 잘린 파일인지 확인하세요.")
    if len(set(first_items)) != len(first_items):
        raise SejongDataError(path, "한 시점 안에 같은 항목이 두 번 있습니다.", expected="항목마다 한 칸",
                              found=first_items)
    names, units, korean = _item_names(path, first_items, items)
    if not rest:
        raise SejongDataError(path, "데이터 행(row)이 없습니다: 머리글만 있습니다.",
                              expected="머리글 다음에 데이터 행 1개 이상", found="없음")
    rows = []
    for line, fields in rest:
        fields = _strip_trailing(fields, width)
        if len(fields) != width:
            raise SejongDataError(path, f"{line}번째 줄의 칸 수가 머리글과 다릅니다 (잘린 파일일 수 있습니다).",
                                  expected=f"{width}칸", found=f"{len(fields)}칸: {fields[:4]}")
        rows.append(fields)
    raw = pd.DataFrame(rows)
    dim_names = [_dim_name(d or (item_row[i] if item_row is not None else f"dim{i + 1}"))
                 for i, d in enumerate(dims_raw)]
    n_rows, n_periods, n_items = len(raw), len(blocks), len(first_items)
    out = pd.DataFrame({name: np.repeat(_clean_dim_values(raw[i]).to_numpy(), n_periods)
                        for i, name in enumerate(dim_names)})
    labels = pd.Series(np.tile(list(blocks), n_rows))
    out["period"], out["provisional"] = parse_periods(labels, path, where="시점 머리글")
    values = raw.iloc[:, k:].to_numpy().reshape(n_rows * n_periods, n_items)
    for j, (header, name) in enumerate(zip(first_items, names)):
        column = pd.Series(values[:, j])
        try:
            out[name] = _numbers(column, header, path).array
        except SejongDataError as err:
            raise SejongDataError(path, err.problem, expected=err.expected,
                                  found=_wide_positions(column, n_periods, list(blocks), header, path),
                                  hint=err.hint) from None
    return _finish(path, out, dim_names, names, units, korean)


def _wide_positions(column: pd.Series, n_periods: int, periods: list[str], header, path) -> list[str]:
    """가로형 값 오류를 '데이터 N번째 행, 시점 P' 로 보여 줍니다."""
    text = column.astype("str").str.strip()
    ok = text.eq("") | text.isin(MISSING_SYMBOLS) | text.str.match(_NUMBER.pattern)
    return [f"데이터 {i // n_periods + 1}번째 행, 시점 {periods[i % n_periods]}: {text[i]!r}"
            for i in text.index[~ok][:5]]
