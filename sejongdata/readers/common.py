"""여러 리더가 함께 쓰는 작은 도구 (shared helpers of the readers).

장마다의 리더 모듈(예: :mod:`.bike`, :mod:`.weather`, :mod:`.pm`)은 서로를 가져오지 않고 이 모듈과
:mod:`sejongdata.textio`, :mod:`.columns`, :mod:`.project` 만 가져옵니다.

- :func:`warn_file` — 파일 이름을 붙인 :class:`~sejongdata.errors.SejongDataWarning`
- :func:`english_columns` — 한국어 머리글을 영어 열 이름으로
- :func:`parse_times` — 여러 날짜 형식을 차례로 시도하는 벡터 변환
- :func:`rows_where`, :func:`show_value` — 오류 메시지에 보일 행 목록과 값
- :func:`numbers`, :func:`text_column`, :func:`between` — 열 변환
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SejongDataError, SejongDataWarning
from ..textio import normalize_header, to_number
from .columns import COLUMN_MAPS

__all__ = ["warn_file", "english_columns", "parse_times", "rows_where", "show_value", "numbers",
           "text_column", "between", "SEJONG_BBOX", "KOREA_LAT", "KOREA_LON"]

#: 세종시를 둘러싼 네모 (위도 최소, 위도 최대, 경도 최소, 경도 최대)
SEJONG_BBOX = (36.40, 36.75, 127.10, 127.45)
#: 한국 땅의 위도·경도 범위. 좌표가 뒤바뀌었는지 값으로 알아낼 때 씁니다.
KOREA_LAT = (33.0, 39.0)
KOREA_LON = (124.0, 132.0)


def warn_file(path: Path, message: str) -> None:
    """파일 이름을 앞에 붙여 SejongDataWarning 을 냅니다. 경고 위치는 패키지 밖(학생의 코드)을 가리킵니다."""
    frame, level = sys._getframe(1), 2
    while frame is not None and frame.f_globals.get("__name__", "").startswith("sejongdata."):
        frame, level = frame.f_back, level + 1
    warnings.warn(f"파일 '{path.name}': {message}", SejongDataWarning, stacklevel=level)


def rows_where(mask: pd.Series, values: pd.Series | None = None, limit: int = 5) -> list[str]:
    """오류·경고에 보일 '데이터 N번째 행: 값' 목록 (N 은 머리글 다음부터 1로 셈)."""
    index = mask[mask].index[:limit]
    if values is None:
        return [f"데이터 {i + 1}번째 행" for i in index]
    return [f"데이터 {i + 1}번째 행: {show_value(values[i])}" for i in index]


def show_value(value) -> str:
    return "(빈 칸)" if value is None or (not isinstance(value, str) and pd.isna(value)) else repr(value)


def english_columns(frame: pd.DataFrame, kind: str, path) -> tuple[pd.DataFrame, list[str]]:
    """COLUMN_MAPS[kind] 로 열 이름을 영어로 바꾸고 (표, 사전에 없는 열 목록) 을 돌려줍니다.

    공백은 무시하고 맞춥니다. 두 열이 같은 영어 이름이 되면(예: '주행거리' 와 '주행거리(m)') 오류입니다.
    사전에 없는 열은 이름을 바꾸지 않고 그대로 둡니다 (지우지 않음).

    예::

        frame, extra = english_columns(frame, "eoulling_trips", path)
    """
    mapping = {normalize_header(k): v for k, v in COLUMN_MAPS[kind].items()}
    renames = {c: mapping[normalize_header(c)] for c in frame.columns if normalize_header(c) in mapping}
    clashes = pd.Series(list(renames.values()))
    clashes = sorted(set(clashes[clashes.duplicated()]))
    if clashes:
        found = [c for c, e in renames.items() if e in clashes]
        raise SejongDataError(path, "같은 뜻의 열(column)이 두 번 있습니다.",
                              expected=f"{', '.join(clashes)} 에 해당하는 열 하나", found=found)
    unknown = [c for c in frame.columns if c not in renames]
    return frame.rename(columns=renames), unknown


def parse_times(values: pd.Series, column: str, path, formats: dict[str, str]) -> pd.Series:
    """글자 열을 datetime64 로 바꿉니다. formats 의 형식을 차례로 시도합니다 (벡터 연산, 행마다 Python 을 돌지 않음).

    빈 칸은 NaT 입니다. 어느 형식으로도 읽을 수 없는 값이 있으면 열 이름, 행 번호, 값을 담은
    :class:`SejongDataError` 입니다.

    예::

        parse_times(frame["시작대여일자"], "시작대여일자", path, {"%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS"})
    """
    text = pd.Series(values, dtype="object").str.strip()
    present = text.notna() & text.ne("")
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = present & result.isna()
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce").astype("datetime64[ns]")
        result[todo] = parsed
    bad = present & result.isna()
    if bad.any():
        raise SejongDataError(path, f"열(column) '{column}' 에 날짜·시각(datetime)으로 읽을 수 없는 값이 {int(bad.sum())}개 있습니다.",
                              expected=" 또는 ".join(formats.values()), found=rows_where(bad, text),
                              hint="엑셀에서 열어 저장하면 날짜 모양이 바뀔 수 있습니다. 내려받은 원본을 쓰세요.")
    return result


def numbers(frame: pd.DataFrame, column: str, korean: str, path) -> pd.Series:
    """열을 float64 로. 열이 없으면 모두 NaN. 숫자가 아닌 값은 to_number 가 오류를 냅니다.

    12만 행 파일을 빨리 읽으려고 쉼표 없는 열은 pd.to_numeric 으로 한 번에 바꾸고, 못 바꾼 값이 하나라도
    있을 때만 to_number 로 다시 읽어 같은 오류 메시지를 냅니다.
    """
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype="float64")
    values = frame[column]
    if not values.astype("str").str.contains(",", regex=False).any():
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        if not (values.notna() & ~np.isfinite(numbers)).any():
            return numbers
    return to_number(values, korean, path).astype("float64")


def text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="str")
    return frame[column].astype("str")


def between(values: pd.Series, bounds: tuple[float, float]) -> pd.Series:
    return values.between(*bounds).fillna(False).astype(bool)
