"""표 형식 텍스트 파일 읽기 도구 (table-text helpers).

공공데이터 내려받기 파일(행정안전부 인구, 국토교통부 실거래가, 기상청 ASOS, 어울링 …)은 대개
쉼표로 구분한 텍스트(CSV)이지만 인코딩(encoding)이 제각각이고, 머리글(header) 앞에 안내 문장이
붙어 있거나, 숫자에 천 단위 쉼표가 들어 있습니다. 이 모듈은 그런 파일을 한 가지 방법으로 읽습니다.

- :func:`detect_encoding` — UTF-8 BOM, UTF-8, CP949(EUC-KR 포함) 중 무엇인지 알아냅니다.
- :func:`read_table` — 머리글 줄을 필수 열 이름으로 찾아 표를 읽고, 읽은 방법을 :class:`TableInfo` 로 알려 줍니다.
- :func:`to_number` — 천 단위 쉼표가 있는 숫자 열을 숫자로 바꿉니다. 못 바꾸는 값이 있으면 알려 줍니다.
- :func:`parse_month` — '2019년01월', '2019-01', '201901' 같은 글자를 그 달 1일의 Timestamp 로 바꿉니다.

문제가 있으면 언제나 :class:`~sejongdata.errors.SejongDataError` 를 던집니다.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from .errors import SejongDataError, SejongDataWarning

__all__ = [
    "ENCODINGS",
    "TableInfo",
    "detect_encoding",
    "read_text",
    "normalize_header",
    "read_table",
    "to_number",
    "parse_month",
    "parse_month_column",
]

#: detect_encoding 이 시도하는 순서
ENCODINGS = ("utf-8-sig", "utf-8", "cp949")
_EXPECTED_ENCODINGS = "UTF-8, UTF-8 BOM, CP949/EUC-KR"

_DELIMITER_NAMES = {",": "쉼표(,)", ";": "세미콜론(;)", "\t": "탭(tab)", "|": "세로 막대(|)"}


# ---------------------------------------------------------------------------
# 인코딩
# ---------------------------------------------------------------------------

def _check_not_empty(data: bytes, path: Path) -> None:
    """0 바이트이거나 공백뿐인 파일이면 오류를 냅니다."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    if not body.strip():
        raise SejongDataError(path, "빈 파일(empty file)입니다.",
                              expected="머리글(header)과 데이터 행(row)이 있는 파일",
                              found=f"{len(data)} 바이트(byte), 내용 없음",
                              hint="내려받기가 끝까지 되었는지 확인하세요.")


def _detect_from_bytes(data: bytes, path: Path) -> str:
    """바이트에서 인코딩 이름을 정합니다 (detect_encoding 의 본체)."""
    _check_not_empty(data, path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SejongDataError(path, "인코딩(encoding)을 알 수 없습니다.",
                              expected=_EXPECTED_ENCODINGS, found="UTF-16 BOM (파일 맨 앞 0xFF 0xFE 또는 0xFE 0xFF)",
                              hint="엑셀에서 'CSV UTF-8(쉼표로 분리)' 형식으로 다시 저장하세요.")
    if data.startswith(codecs.BOM_UTF8):
        try:
            data.decode("utf-8-sig")
            return "utf-8-sig"
        except UnicodeDecodeError as err:
            raise SejongDataError(path, "인코딩(encoding)을 알 수 없습니다: UTF-8 BOM 으로 시작하지만 UTF-8 이 아닌 바이트가 있습니다.",
                                  expected=_EXPECTED_ENCODINGS,
                                  found=f"바이트 위치(byte offset) {err.start} 의 0x{data[err.start]:02X}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SejongDataError(path, "인코딩(encoding)을 알 수 없습니다: 텍스트 파일에 없어야 할 NUL 바이트가 있습니다.",
                              expected=_EXPECTED_ENCODINGS,
                              found=f"바이트 위치(byte offset) {nul} 의 0x00 (UTF-16 이나 이진(binary) 파일로 보입니다)",
                              hint="엑셀 파일(.xlsx)이라면 CSV 리더가 아니라 엑셀 리더로 읽으세요.")
    problems = []
    for encoding in ("utf-8", "cp949"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError as err:
            problems.append(f"{encoding.upper()}: 바이트 위치(byte offset) {err.start} 의 0x{data[err.start]:02X}")
    raise SejongDataError(path, "인코딩(encoding)을 알 수 없습니다.", expected=_EXPECTED_ENCODINGS,
                          found="; ".join(problems),
                          hint="메모장이나 엑셀에서 UTF-8 로 다시 저장해 보세요.")


def detect_encoding(path) -> str:
    """파일의 인코딩을 알아냅니다: ``"utf-8-sig"``, ``"utf-8"``, ``"cp949"`` 중 하나.

    파일 전체 바이트를 이 순서로 엄격하게(strict) 풀어 보고 처음 성공한 것을 돌려줍니다.
    CP949 는 EUC-KR 을 포함하므로 EUC-KR 파일도 ``"cp949"`` 가 됩니다.
    빈 파일이나 세 가지 모두로 풀 수 없는 파일은 :class:`SejongDataError` 입니다.

    예::

        detect_encoding("population_emd_monthly.csv")   # 'cp949'
    """
    path = Path(path)
    return _detect_from_bytes(_read_bytes(path), path)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise SejongDataError(path, "파일이 없습니다(file not found).", expected="읽을 수 있는 파일", found="없음")
    if path.is_dir():
        raise SejongDataError(path, "파일이 아니라 폴더(directory)입니다.", expected="파일", found="폴더")
    return path.read_bytes()


def read_text(path) -> tuple[str, str]:
    """파일을 읽어 (글자열, 인코딩 이름)을 돌려줍니다. BOM 은 떼어 냅니다."""
    path = Path(path)
    data = _read_bytes(path)
    encoding = _detect_from_bytes(data, path)
    return data.decode(encoding), encoding


# ---------------------------------------------------------------------------
# 머리글과 표
# ---------------------------------------------------------------------------

def normalize_header(text) -> str:
    """열 이름을 비교용으로 다듬습니다: 모든 공백·줄바꿈과 BOM 을 지웁니다.

    엑셀 머리글의 '세  대  수', '세대당\\n인   구' 처럼 띄어쓰기가 제각각이어도 같은 이름으로 봅니다.
    """
    if text is None:
        return ""
    return re.sub(r"\s+", "", str(text).replace("\ufeff", ""))


@dataclass
class TableInfo:
    """:func:`read_table` 이 파일을 어떻게 읽었는지 기록합니다."""

    path: Path
    encoding: str
    delimiter: str
    header_line: int                    #: 머리글이 있던 줄 번호 (1부터 셈)
    skipped_lines: list[str] = field(default_factory=list)   #: 머리글 앞에서 건너뛴 줄
    blank_lines: int = 0                #: 데이터 사이의 빈 줄 수 (데이터가 아니므로 세기만 함)
    n_rows: int = 0                     #: 읽은 데이터 행 수

    def describe(self) -> str:
        """사람이 읽기 좋은 한 줄 요약."""
        return (f"{self.path.name}: 인코딩(encoding) {self.encoding}, "
                f"구분자(delimiter) {_DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}, "
                f"머리글 {self.header_line}번째 줄, 건너뛴 줄 {len(self.skipped_lines)}개, 데이터 {self.n_rows}행")


def _records(text: str, delimiter: str):
    """(시작 줄 번호, 필드 목록) 을 차례로 냅니다. 따옴표 안의 줄바꿈도 처리합니다."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    start = 1
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as err:
        raise ValueError(f"{start}번째 줄 근처: {err}") from None


def _matches(fields: list[str], required_norm: list[str]) -> int:
    names = {normalize_header(f) for f in fields}
    return sum(1 for r in required_norm if r in names)


def _diagnose_missing_header(path, lines, records, required, delimiter, max_scan):
    """머리글을 못 찾았을 때 가장 그럴듯한 까닭을 골라 오류를 만듭니다."""
    required_norm = [normalize_header(r) for r in required]
    # 1) 필수 이름이 다 들어 있는 줄이 있는데 다른 구분자로 나뉘어 있는가?
    for number, line in enumerate(lines[:max_scan], start=1):
        flat = normalize_header(line.replace("\t", " "))
        if all(r in flat for r in required_norm):
            others = [d for d in _DELIMITER_NAMES if d != delimiter and line.count(d) > 0]
            if others and line.count(delimiter) < max(line.count(d) for d in others):
                found = max(others, key=line.count)
                raise SejongDataError(
                    path, "구분자(delimiter)가 다릅니다: 머리글이 한 열(column)로 읽힙니다.",
                    expected=f"{_DELIMITER_NAMES.get(delimiter, repr(delimiter))} 로 나뉜 머리글",
                    found=f"{_DELIMITER_NAMES[found]} 로 나뉜 {number}번째 줄: {line[:80]}",
                    hint="엑셀에서 'CSV(쉼표로 분리)' 형식으로 다시 저장하세요.")
    # 2) 필수 열 일부만 있는 머리글이 있는가?
    best = max(records, key=lambda rec: _matches(rec[1], required_norm), default=None)
    if best is not None and _matches(best[1], required_norm) > 0:
        names = {normalize_header(f) for f in best[1]}
        missing = [r for r, n in zip(required, required_norm) if n not in names]
        raise SejongDataError(path, f"필수 열(column)이 없습니다: {', '.join(missing)}",
                              expected=list(required),
                              found=[f.strip() for f in best[1]],
                              hint=f"{best[0]}번째 줄을 머리글(header)로 보았습니다.")
    # 3) 아예 없음
    first = next((line for line in lines if line.strip()), "")
    raise SejongDataError(path, "머리글 줄(header)을 찾지 못했습니다: 필수 열(column)이 있는 줄이 없습니다.",
                          expected=list(required), found=f"첫 줄: {first[:100]}",
                          hint=f"파일 앞 {max_scan}줄 안에서 찾았습니다. 다른 종류의 파일이 아닌지 확인하세요.")


def _find_header(path, text, lines, required, delimiter, max_scan):
    """필수 열 이름이 모두 있는 첫 레코드를 찾아 (레코드 위치, 줄 번호, 필드) 를 돌려줍니다."""
    required_norm = [normalize_header(r) for r in required]
    scanned = []
    try:
        for index, (line_no, fields) in enumerate(_records(text, delimiter)):
            if index >= max_scan:
                break
            scanned.append((line_no, fields))
            if _matches(fields, required_norm) == len(required_norm):
                return index, line_no, fields
    except ValueError as err:
        raise SejongDataError(path, "CSV 형식이 깨졌습니다(malformed CSV).", expected="따옴표가 짝이 맞는 CSV",
                              found=str(err)) from None
    _diagnose_missing_header(path, lines, scanned, required, delimiter, max_scan)


def _clean_header(path, fields: list[str], required: Iterable[str], line_no: int) -> list[str]:
    """머리글 이름을 다듬고, 필수 열은 호출한 쪽의 철자로 맞추며, 중복을 막습니다."""
    names = [f.replace("\ufeff", "").strip() for f in fields]
    while names and names[-1] == "":          # 줄 끝 쉼표 때문에 생긴 빈 열
        names.pop()
    canonical = {normalize_header(r): r for r in required}
    names = [canonical.get(normalize_header(n), n) for n in names]
    seen, dups = set(), []
    for n in names:
        if n in seen:
            dups.append(n)
        seen.add(n)
    if dups:
        raise SejongDataError(path, "열 이름(column name)이 중복됩니다.", expected="서로 다른 열 이름",
                              found=sorted(set(dups)), hint=f"{line_no}번째 줄(머리글)을 확인하세요.")
    empty = [i + 1 for i, n in enumerate(names) if n == ""]
    if empty:
        raise SejongDataError(path, "이름이 빈 열(column)이 있습니다.", expected="모든 열에 이름",
                              found=f"{empty}번째 열", hint=f"{line_no}번째 줄(머리글)을 확인하세요.")
    return names


def _data_rows(path, text: str, delimiter: str, header_index: int, columns: list[str]):
    """머리글 다음 레코드를 모두 읽어 (행 목록, 빈 줄 수) 를 돌려줍니다. 필드 수가 다르면 오류."""
    rows, blank = [], 0
    n = len(columns)
    try:
        for position, (line_no, fields) in enumerate(_records(text, delimiter)):
            if position <= header_index:
                continue
            if not fields or (len(fields) == 1 and fields[0].strip() == ""):
                blank += 1
                continue
            if len(fields) > n and all(f.strip() == "" for f in fields[n:]):
                fields = fields[:n]                      # 줄 끝 쉼표: 빈 필드만 더 있으면 허용
            if len(fields) != n:
                raise SejongDataError(
                    path, f"{line_no}번째 줄의 필드 수(field count)가 머리글과 다릅니다 (잘린 파일일 수 있습니다).",
                    expected=f"{n}개 필드 ({', '.join(columns[:4])}, ...)",
                    found=f"{len(fields)}개 필드: {fields[:4]}",
                    hint="내려받기가 중간에 끊겼거나 값 안에 따옴표 없는 구분자가 있는지 확인하세요.")
            rows.append([f.strip() for f in fields])
    except ValueError as err:
        if isinstance(err, SejongDataError):
            raise
        raise SejongDataError(path, "CSV 형식이 깨졌습니다(malformed CSV).", expected="따옴표가 짝이 맞는 CSV",
                              found=str(err)) from None
    return rows, blank


def read_table(path, required: Iterable[str], *, delimiter: str = ",", preamble: int | None = 0,
               numeric: Iterable[str] | Callable[[str], bool] | None = None,
               max_scan: int = 100, allow_empty: bool = False) -> tuple[pd.DataFrame, TableInfo]:
    """구분자로 나뉜 텍스트 표(CSV, TSV)를 읽어 (DataFrame, TableInfo) 를 돌려줍니다.

    Parameters
    ----------
    path : 파일 경로
    required : 머리글에 반드시 있어야 하는 열 이름들. 이 이름이 모두 있는 첫 줄을 머리글로 봅니다
        (공백은 무시하고 비교하며, 결과 열 이름은 여기 적은 철자로 맞춥니다).
    delimiter : 구분자. 기본은 쉼표. 머리글이 다른 구분자(; 탭 |)로 나뉘어 있으면 그 구분자를 알려 주는 오류입니다.
    preamble : 머리글 앞에 있다고 문서화된 설명 줄 수 (행정안전부 0, 국토교통부 실거래가 15).
        실제 줄 수가 다르면 경고(:class:`SejongDataWarning`)를 냅니다. ``None`` 이면 줄 수를 따지지 않습니다.
    numeric : 숫자로 바꿀 열 이름 목록이나, 열 이름을 받아 True/False 를 돌려주는 함수.
        천 단위 쉼표를 지우고 바꾸며, 못 바꾸는 값이 있으면 오류입니다 (:func:`to_number`).
    max_scan : 머리글을 찾아볼 앞쪽 줄 수.
    allow_empty : 데이터 행이 없어도 되는지. 기본은 오류(잘린 파일로 봄).

    빈 칸은 결측값(NA)이 됩니다. 빈 줄은 데이터가 아니므로 건너뛰고 ``info.blank_lines`` 에 셉니다.
    필드 수가 머리글보다 적은 행은 오류입니다(잘린 파일). 줄 끝의 빈 필드(쉼표만 더 있는 경우)는 허용합니다.

    예::

        df, info = read_table("apt_trade.csv", required=["시군구", "거래금액(만원)"], preamble=15,
                              numeric=["거래금액(만원)"])
    """
    path = Path(path)
    required = list(required)
    text, encoding = read_text(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index, header_line, header_fields = _find_header(path, text, lines, required, delimiter, max_scan)
    columns = _clean_header(path, header_fields, required, header_line)
    skipped = lines[: header_line - 1]
    if preamble is not None and len(skipped) != preamble:
        shown = next((s for s in skipped if s.strip()), "")
        warnings.warn(
            f"파일 '{path.name}': 머리글(header) 앞에 설명 줄(preamble) {len(skipped)}줄을 건너뛰었습니다 "
            f"(문서화된 줄 수 {preamble}줄). 첫 줄: {shown[:60]!r}", SejongDataWarning, stacklevel=2)

    rows, blank = _data_rows(path, text, delimiter, index, columns)
    if not rows and not allow_empty:
        raise SejongDataError(path, "데이터 행(row)이 없습니다: 머리글만 있습니다 (잘린 파일일 수 있습니다).",
                              expected="머리글 다음에 데이터 행 1개 이상",
                              found=f"{header_line}번째 줄 머리글 뒤에 데이터 없음")

    frame = pd.DataFrame(rows, columns=columns).replace("", np.nan)   # 빈 칸 → 결측값(NA)
    for column in _numeric_columns(path, numeric, columns):
        frame[column] = to_number(frame[column], column, path)
    info = TableInfo(path=path, encoding=encoding, delimiter=delimiter, header_line=header_line,
                     skipped_lines=skipped, blank_lines=blank, n_rows=len(frame))
    return frame, info


def _numeric_columns(path, numeric, columns: list[str]) -> list[str]:
    """read_table 의 numeric 인자를 실제 열 이름 목록으로 바꿉니다. 목록에 있는데 파일에 없는 열은 오류."""
    if numeric is None:
        return []
    if callable(numeric):
        return [c for c in columns if numeric(c)]
    by_key = {normalize_header(c): c for c in columns}
    missing = [n for n in numeric if normalize_header(n) not in by_key]
    if missing:
        raise SejongDataError(path, f"필수 열(column)이 없습니다: {', '.join(missing)}", expected=list(numeric),
                              found=columns)
    return [by_key[normalize_header(n)] for n in numeric]


# ---------------------------------------------------------------------------
# 숫자와 날짜
# ---------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[+-]?\.\d+$")


def to_number(values: pd.Series, column: str, path=None) -> pd.Series:
    """글자 열을 숫자 열로 바꿉니다. 천 단위 쉼표('56,500')와 '-.3' 같은 소수를 받아들입니다.

    결측값(빈 칸)은 그대로 NA 입니다. 모든 값이 정수이면 ``Int64``, 아니면 ``float64`` 입니다.
    숫자가 아닌 값('1,2x3', '12,34')이 있으면 열 이름과 문제 값 몇 개를 담은 :class:`SejongDataError` 입니다.
    """
    series = pd.Series(values)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return _as_int_if_whole(series.astype("float64"), series.index)
    text = pd.Series([None if pd.isna(v) else str(v).strip() for v in series.tolist()],
                     index=series.index, dtype="object")
    present = text.map(lambda v: v not in (None, "")).astype(bool)
    good = text[present].map(lambda v: bool(_NUMBER.match(v))).astype(bool)
    bad = text[present][~good]
    if len(bad):
        examples = list(dict.fromkeys(bad.tolist()))[:5]
        raise SejongDataError(path, f"열(column) '{column}' 에 숫자가 아닌 값이 {len(bad)}개 있습니다.",
                              expected="숫자 (천 단위 쉼표 허용, 예: 1,234)", found=examples,
                              hint="값에 글자나 잘못된 쉼표가 들어 있지 않은지 확인하세요.")
    numbers = pd.Series(np.nan, index=series.index, dtype="float64")
    cleaned = [v.replace(",", "") for v in text[present]]
    numbers[present] = [float(v) for v in cleaned]
    has_point = any("." in v for v in cleaned)
    return numbers if has_point else _as_int_if_whole(numbers, series.index)


def to_number_columns(frame: pd.DataFrame, columns: list[str], path=None) -> dict[str, pd.Series]:
    """여러 열을 한 번에 숫자로 바꿉니다 (:func:`to_number` 와 같은 규칙, 열이 수백 개인 넓은 표용).

    값 검사를 모든 칸에 한 번에 하므로 열마다 :func:`to_number` 를 부르는 것보다 훨씬 빠릅니다.
    숫자가 아닌 값이 있으면 그 열을 :func:`to_number` 로 다시 읽어 같은 오류 메시지를 냅니다.
    """
    if not columns:
        return {}
    raw = frame[columns].to_numpy(dtype=object)
    flat = pd.Series(raw.ravel(order="F"), dtype="object")
    missing = flat.isna().to_numpy()
    text = flat.where(missing, flat.astype(str).str.strip())
    present = ~missing & text.ne("").to_numpy()
    good = text[present].str.match(_NUMBER).fillna(False).to_numpy(dtype=bool)
    if not good.all():
        where = np.flatnonzero(present)[~good][0] // len(frame)
        to_number(frame[columns[where]], columns[where], path)  # 열 이름을 담은 오류를 냅니다
    cleaned = text.str.replace(",", "", regex=False)
    numbers = np.full(len(flat), np.nan)
    numbers[present] = cleaned[present].astype(float).to_numpy()
    points = np.zeros(len(flat), dtype=bool)
    points[present] = cleaned[present].str.contains(".", regex=False).to_numpy(dtype=bool)
    numbers = numbers.reshape(len(frame), len(columns), order="F")
    points = points.reshape(len(frame), len(columns), order="F")
    out = {}
    for j, column in enumerate(columns):
        series = pd.Series(numbers[:, j], index=frame.index, dtype="float64")
        out[column] = series if points[:, j].any() else _as_int_if_whole(series, frame.index)
    return out


def _as_int_if_whole(numbers: pd.Series, index) -> pd.Series:
    finite = numbers.dropna()
    if len(finite) and (finite % 1 == 0).all() and finite.abs().max() < 2**53:
        return numbers.astype("Int64")
    if len(finite) == 0:
        return numbers.astype("Int64")
    return numbers.astype("float64")


_MONTH_PATTERNS = (
    re.compile(r"^\s*(\d{4})\s*년\s*(\d{1,2})\s*월"),          # 2019년01월, 2019년 1월
    re.compile(r"^\s*(\d{4})\s*[-./]\s*(\d{1,2})(?:\D|$)"),     # 2019-01, 2019.1, 2019. 1. 31.
    re.compile(r"^\s*(\d{4})(\d{2})(?:\d{2})?\s*$"),            # 201901, 20190131
)


def parse_month(text) -> pd.Timestamp | None:
    """'2019년01월', '2019-01', '2019. 7. 31.', '201901' 같은 글자를 그 달 1일로 바꿉니다. 못 읽으면 None."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    if isinstance(text, pd.Timestamp):
        return pd.Timestamp(text.year, text.month, 1)
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(str(text))
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1 <= month <= 12:
                return pd.Timestamp(year, month, 1)
            return None
    return None


def parse_month_column(values: pd.Series, column: str, path=None) -> pd.Series:
    """열 전체를 :func:`parse_month` 로 바꿉니다. 결측값은 NaT, 못 읽는 값이 있으면 오류입니다."""
    series = pd.Series(values)
    parsed = series.map(lambda v: None if pd.isna(v) else parse_month(v))
    bad = series[series.notna() & parsed.isna()]
    if len(bad):
        raise SejongDataError(path, f"열(column) '{column}' 에 연월(year-month)로 읽을 수 없는 값이 {len(bad)}개 있습니다.",
                              expected="YYYY-MM, YYYYMM 또는 YYYY년MM월",
                              found=list(dict.fromkeys(bad.astype(str)))[:5])
    return pd.to_datetime(parsed)
