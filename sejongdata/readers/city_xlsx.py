"""세종특별자치시 월별 「인구 현황」 엑셀 리더 (city population release, xlsx)."""
from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import pandas as pd

from ..errors import SejongDataError, SejongDataWarning
from ..textio import normalize_header
from .codes import CITY_CODE, CITY_NAME, SEJONG_EMD_CODES
from .columns import COLUMN_MAPS

__all__ = ["read_city_population_xlsx"]

_COUNT_COLUMNS = ["population_total", "population_korean", "male", "female", "population_foreign", "households"]
_OUTPUT = ["emd_code", "emd_name", "level", "month", *_COUNT_COLUMNS, "persons_per_household", "note", "sheet"]
_CITY_LABELS = {"계", "합계", "총계", "세종특별자치시", "세종시"}
_BASIS = re.compile(r"(\d{4})\s*\.\s*(\d{1,2})\s*\.")            # 작성기준 : 2024. 7. 31.
_TITLE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월")              # 2024년 7월 세종특별자치시 인구 현황
_SHEET = re.compile(r"^\s*(\d{2}|\d{4})\s*년\s*(\d{1,2})\s*월")    # '24년 7월', '23년 9월 (2)'
_FOOTNOTE = re.compile(r"^\s*\d+\)")
_FOOTNOTE_ITEM = re.compile(r"(\d+)\)\s*(.*?)\s*(?=\d+\)|$)")
_MARKER = re.compile(r"^(?P<name>.*?)\s*(?P<marker>\d+)\)\s*$")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$")
_HEADER_SCAN = 20


class _NotMonthSheet(SejongDataError):
    """월별 인구 시트가 아닌 시트 (sheet=None 이면 경고하고 건너뜀)."""


def read_city_population_xlsx(path, sheet=None, *, skip_bad_sheets: bool = False) -> pd.DataFrame:
    """세종특별자치시가 매달 내는 「○년 ○월 세종특별자치시 인구 현황」 엑셀 파일을 긴(tidy) 표로 읽습니다.

    어디서: 세종특별자치시가 달마다 누리집(www.sejong.go.kr)에 올리는 인구 현황 엑셀.
    한 파일에 달마다 시트가 하나씩 있고('24년 7월', '24년 6월', …), 시트마다 제목 줄, '작성기준 : 2024. 7. 31.' 줄,
    세 줄짜리 병합 머리글(구분, 전체인구(내국인+외국인), 내국인 계, 남, 여, 외국인 계, 세대수, 세대당 인구 …),
    '계' 행, 읍면동 행('한솔동1)' 처럼 각주 표시가 붙기도 함), 각주 줄이 있습니다.
    수식 칸은 엑셀이 저장해 둔 값(cached value)을 읽습니다.

    Parameters
    ----------
    sheet : None 이면 월별 시트로 보이는 시트를 모두 읽어 잇습니다(월별이 아닌 시트는 경고하고 건너뜀).
        시트 이름(글자)이나 이름 목록을 주면 그 시트만 읽습니다.
    skip_bad_sheets : True 이면 월별 시트처럼 보이지만 내용이 깨진 시트(모르는 읍면동 이름, 숫자가 아닌 값 …)를
        오류 대신 경고하고 건너뜁니다. 기본은 오류입니다.

    돌려주는 표: emd_code, emd_name(각주 표시를 뗀 이름), level('city' = '계' 행, 'emd'), month(작성기준 달의 1일),
    population_total, population_korean, male, female(내국인 남·여), population_foreign, households(외국인 제외),
    persons_per_household, note(각주 내용, 예: '가람동 포함'), sheet(시트 이름). 읍면동 이름을 코드표에서 찾지 못하면
    :class:`SejongDataError` 입니다 (행을 조용히 버리지 않습니다).

    예::

        pop = read_city_population_xlsx("2024년_7월_인구현황.xlsx", sheet="24년 7월")
        pop[pop.level == "emd"].sort_values("population_total", ascending=False).head()
    """
    path = Path(path)
    workbook = _open_workbook(path)
    names = workbook.sheetnames
    if sheet is None:
        wanted, explicit = names, False
    else:
        wanted, explicit = ([sheet] if isinstance(sheet, str) else list(sheet)), True
        missing = [s for s in wanted if s not in names]
        if missing:
            raise SejongDataError(path, f"시트(sheet)가 없습니다: {missing}", expected=missing, found=names)

    frames, skipped, broken = [], [], []
    for name in wanted:
        try:
            frames.append(_read_sheet(workbook[name], path))
        except _NotMonthSheet as err:
            if explicit:
                raise
            skipped.append(f"'{name}' ({err.problem})")
        except SejongDataError as err:
            if not skip_bad_sheets:
                if explicit:
                    raise
                hint = (err.hint + " / " if err.hint else "") + "이 시트를 건너뛰려면 skip_bad_sheets=True 를 주세요."
                raise SejongDataError(err.path, err.problem, err.expected, err.found, hint=hint) from None
            broken.append(f"'{name}' ({err.problem} 찾은 것: {_short(err.found)})")
    if skipped:
        warnings.warn(f"파일 '{path.name}': 월별 인구 시트가 아닌 시트 {len(skipped)}개를 건너뛰었습니다: {'; '.join(skipped)}",
                      SejongDataWarning, stacklevel=2)
    if broken:
        warnings.warn(f"파일 '{path.name}': 내용이 깨진 시트 {len(broken)}개를 건너뛰었습니다 (skip_bad_sheets=True): "
                      f"{'; '.join(broken)}", SejongDataWarning, stacklevel=2)
    if not frames:
        raise SejongDataError(path, "월별 인구 시트(month sheet)를 하나도 읽지 못했습니다.",
                              expected="'구분' 머리글과 작성기준 날짜가 있는 시트", found=skipped + broken or names)
    _check_duplicate_months(frames, path)
    result = pd.concat(frames, ignore_index=True)
    result["month"] = pd.to_datetime(result["month"])
    return result.sort_values("month", kind="stable").reset_index(drop=True)


def _short(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value[:6])) + (" …" if len(value) > 6 else "")
    return str(value)


def _open_workbook(path: Path):
    import openpyxl  # 무거운 모듈이라 필요할 때만 불러옵니다
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise SejongDataError(path, "파일이 없습니다(file not found).", expected="엑셀 파일(.xlsx)", found="없음")
    if path.stat().st_size == 0:
        raise SejongDataError(path, "빈 파일(empty file)입니다.", expected="엑셀 파일(.xlsx)", found="0 바이트(byte)")
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as err:
        raise SejongDataError(path, "엑셀 파일(xlsx)로 열 수 없습니다.", expected="엑셀 2007 이후 형식(.xlsx)",
                              found=f"{type(err).__name__}: {err}",
                              hint="옛 형식(.xls)이면 엑셀에서 .xlsx 로 다시 저장하세요.") from None


def _check_duplicate_months(frames, path) -> None:
    seen = {}
    for frame in frames:
        month, name = frame["month"].iloc[0], frame["sheet"].iloc[0]
        if month in seen:
            raise SejongDataError(path, f"같은 달({month:%Y-%m})의 시트가 두 개 있습니다.",
                                  expected="달마다 시트 하나", found=[seen[month], name],
                                  hint="sheet= 로 읽을 시트를 고르세요.")
        seen[month] = name


# ---------------------------------------------------------------------------
# 시트 하나
# ---------------------------------------------------------------------------

def _find_header(rows):
    """'구분' 칸의 (행 번호, 열 번호) — 0부터 셈."""
    for r, row in enumerate(rows[:_HEADER_SCAN]):
        for c, value in enumerate(row):
            if isinstance(value, str) and normalize_header(value) == "구분":
                return r, c
    return None


def _sheet_month(rows, header_row: int, sheet_name: str, path):
    """작성기준 날짜(없으면 제목, 그것도 없으면 시트 이름)에서 달을 정합니다."""
    inside = None
    for source, pattern in (("작성기준", _BASIS), ("제목", _TITLE)):
        for row in rows[:header_row]:
            for value in row:
                if isinstance(value, str) and (source != "작성기준" or "작성기준" in value):
                    match = pattern.search(value)
                    if match and 1 <= int(match.group(2)) <= 12:
                        inside = pd.Timestamp(int(match.group(1)), int(match.group(2)), 1)
                        break
            if inside is not None:
                break
        if inside is not None:
            break
    from_name = None
    match = _SHEET.match(sheet_name)
    if match and 1 <= int(match.group(2)) <= 12:
        year = int(match.group(1))
        from_name = pd.Timestamp(year + 2000 if year < 100 else year, int(match.group(2)), 1)
    if inside is not None and from_name is not None and inside != from_name:
        warnings.warn(f"파일 '{path.name}', 시트 '{sheet_name}': 시트 이름의 달({from_name:%Y-%m})과 "
                      f"작성기준 달({inside:%Y-%m})이 다릅니다. 작성기준 달을 씁니다.", SejongDataWarning, stacklevel=4)
    return inside if inside is not None else from_name


def _leaf_headers(rows, first: int, last: int, width: int) -> list[str]:
    """머리글 여러 줄에서 열마다 가장 아래(가장 구체적인) 글자를 고릅니다."""
    leaves = []
    for c in range(width):
        text = ""
        for r in range(first, last + 1):
            value = rows[r][c] if c < len(rows[r]) else None
            if value is not None and str(value).strip():
                text = str(value)
        leaves.append(text)
    return leaves


def _column_positions(leaves, sheet_name, path) -> dict[str, int]:
    mapping = {normalize_header(k): v for k, v in COLUMN_MAPS["city_population_xlsx"].items()
               if v not in ("emd_name", "note")}
    positions = {}
    for c, leaf in enumerate(leaves):
        english = mapping.get(normalize_header(leaf))
        if english is None:
            continue
        if english in positions:
            raise SejongDataError(path, f"시트 '{sheet_name}': 같은 뜻의 열(column)이 두 번 있습니다: {leaf!r}",
                                  expected="열마다 한 번", found=[l for l in leaves if normalize_header(l) == normalize_header(leaf)])
        positions[english] = c
    if "population_total" not in positions:
        raise SejongDataError(path, f"시트 '{sheet_name}': 필수 열(column)이 없습니다: 전체인구(내국인+외국인)",
                              expected=[k for k in COLUMN_MAPS["city_population_xlsx"] if k not in ("구분", "비고")],
                              found=[normalize_header(l) for l in leaves if l])
    return positions


def _cell_number(value, where: str, column: str, sheet_name: str, path):
    """칸 값 하나를 숫자로. None 은 결측값, 숫자가 아니면 오류."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip()
    if _NUMBER.match(text):
        return float(text.replace(",", ""))
    raise SejongDataError(path, f"시트 '{sheet_name}': 열(column) '{column}' 에 숫자가 아닌 값이 있습니다.",
                          expected="숫자 (수식이면 엑셀에 저장된 계산 결과)", found=f"{where} = {value!r}",
                          hint="엑셀에서 파일을 열어 수식 오류(#REF! 등)를 고친 뒤 다시 저장하세요.")


def _parse_footnotes(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2).strip() for m in _FOOTNOTE_ITEM.finditer(text) if m.group(2).strip()}


def _read_sheet(ws, path) -> pd.DataFrame:
    from openpyxl.utils import get_column_letter

    name = ws.title
    rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
    found = _find_header(rows)
    if found is None:
        raise _NotMonthSheet(path, "'구분' 머리글이 없음", expected="'구분' 머리글", found=name)
    header_row, label_col = found
    month = _sheet_month(rows, header_row, name, path)
    if month is None:
        raise _NotMonthSheet(path, "작성기준 날짜·제목·시트 이름에서 달을 찾지 못함", expected="YYYY. M. D. 또는 YY년 M월", found=name)
    data_start = next((r for r in range(header_row + 1, len(rows)) if rows[r][label_col] is not None), None)
    if data_start is None:
        raise SejongDataError(path, f"시트 '{name}': 데이터 행(row)이 없습니다.", expected="'계'와 읍면동 행",
                              found="머리글 뒤에 아무것도 없음")
    width = max(len(r) for r in rows)
    leaves = _leaf_headers(rows, header_row, data_start - 1, width)
    positions = _column_positions(leaves, name, path)

    records, footnotes, unknown, blank_labels, missing = [], {}, [], [], 0
    for r in range(data_start, len(rows)):
        row = rows[r] + [None] * (width - len(rows[r]))
        label = row[label_col]
        values = {k: row[c] for k, c in positions.items()}
        has_values = any(v is not None and str(v).strip() for v in values.values())
        if label is None or not str(label).strip():
            if has_values:
                blank_labels.append(f"{r + 1}행")
            continue
        if isinstance(label, str) and _FOOTNOTE.match(label) and not has_values:
            footnotes.update(_parse_footnotes(label))
            continue
        if isinstance(label, str) and label.strip().startswith(("※", "*", "주)")) and not has_values:
            continue                                           # 설명 줄 (데이터 아님)
        text = str(label).strip()
        match = _MARKER.match(text)
        short, marker = (match.group("name"), match.group("marker")) if match else (text, None)
        short = normalize_header(short)
        if short in _CITY_LABELS:
            code, level, short = CITY_CODE, "city", CITY_NAME
        elif short in SEJONG_EMD_CODES:
            code, level = SEJONG_EMD_CODES[short], "emd"
        else:
            unknown.append(f"{label!r} ({r + 1}행)")
            continue
        record = {"emd_code": code, "emd_name": short, "level": level, "month": month, "marker": marker, "sheet": name}
        for english, c in positions.items():
            where = f"{get_column_letter(c + 1)}{r + 1}"
            record[english] = _cell_number(row[c], where, leaves[c].replace("\n", " "), name, path)
            missing += record[english] is None
        records.append(record)
    if unknown:
        raise SejongDataError(path, f"시트 '{name}': 코드표에 없는 읍면동 이름(unit name)이 {len(unknown)}개 있습니다.",
                              expected=["계", *SEJONG_EMD_CODES], found=unknown,
                              hint="이름이 바뀌었거나 새로 생긴 읍면동이면 sejongdata.readers.codes.SEJONG_EMD_CODES 에 추가하세요.")
    if blank_labels:
        raise SejongDataError(path, f"시트 '{name}': 구분(이름) 칸이 비었는데 숫자가 있는 행이 있습니다.",
                              expected="행마다 읍면동 이름", found=blank_labels)
    if not records:
        raise SejongDataError(path, f"시트 '{name}': 데이터 행(row)이 없습니다.", expected="'계'와 읍면동 행", found="없음")
    frame = _to_frame(records, footnotes, name, path)
    if missing:
        warnings.warn(f"파일 '{path.name}', 시트 '{name}': 빈 칸 {missing}개를 결측값(NA)으로 읽었습니다.",
                      SejongDataWarning, stacklevel=3)
    _check_total(frame, name, path)
    return frame


def _to_frame(records, footnotes, sheet_name, path) -> pd.DataFrame:
    frame = pd.DataFrame(records)
    dups = frame["emd_name"][frame["emd_name"].duplicated()].tolist()
    if dups:
        raise SejongDataError(path, f"시트 '{sheet_name}': 같은 읍면동이 두 번 나옵니다.", expected="읍면동마다 한 행",
                              found=dups)
    unmatched = sorted({m for m in frame["marker"].dropna() if m not in footnotes})
    if unmatched:
        warnings.warn(f"파일 '{path.name}', 시트 '{sheet_name}': 각주 표시 {unmatched})에 해당하는 각주 줄이 없어 note 를 비웠습니다.",
                      SejongDataWarning, stacklevel=4)
    frame["note"] = pd.Series([footnotes.get(m) if isinstance(m, str) else None for m in frame["marker"]],
                              index=frame.index)
    for column in _COUNT_COLUMNS:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column]).round().astype("Int64")
    if "persons_per_household" in frame:
        frame["persons_per_household"] = pd.to_numeric(frame["persons_per_household"]).astype("float64")
    columns = [c for c in _OUTPUT if c in frame.columns]
    return frame[columns]


def _check_total(frame: pd.DataFrame, sheet_name: str, path) -> None:
    """'계' 행과 읍면동 합이 다르면 경고합니다 (빠진 읍면동이 있다는 신호)."""
    city = frame[frame["level"] == "city"]
    if city.empty:
        warnings.warn(f"파일 '{path.name}', 시트 '{sheet_name}': '계' 행이 없어 읍면동 합을 확인하지 못했습니다.",
                      SejongDataWarning, stacklevel=4)
        return
    units = frame[frame["level"] == "emd"]
    differ = [f"{c}: 읍면동 합 {int(units[c].sum())} ≠ 계 {int(city[c].iloc[0])}"
              for c in _COUNT_COLUMNS
              if c in frame and pd.notna(city[c].iloc[0]) and units[c].notna().all() and units[c].sum() != city[c].iloc[0]]
    if differ:
        warnings.warn(f"파일 '{path.name}', 시트 '{sheet_name}': 읍면동 합이 '계' 행과 다릅니다: {'; '.join(differ)}",
                      SejongDataWarning, stacklevel=4)
