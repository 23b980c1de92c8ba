"""SNS·블로그·커뮤니티 게시글 파일 리더 (4장).

- :func:`read_sns_posts` — 소셜 리스닝 서비스나 수집기(crawler)가 내보낸 '게시글 CSV' (날짜와 본문이 있는 표)
- :func:`read_sns_labels` — 이 책의 민원 표본 표 ``datasets/sns_minwon_labels.csv``

게시글 파일은 서비스마다 열 이름이 다릅니다 ('작성일' / 'date' / '등록일시', '본문' / 'content' / '내용').
:data:`~sejongdata.readers.columns.COLUMN_MAPS` 의 ``"sns_posts"`` 사전이 알려진 이름을 영어 열 이름으로
바꾸고(``column_map("sns_posts")`` 로 볼 수 있음), 사전에 없는 이름은 ``date=``, ``text=`` 인자로 직접 알려
줍니다.
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
from .common import parse_times, rows_where, warn_file
from .project import PROJECT_SCHEMAS, read_project_table

__all__ = ["read_sns_posts", "read_sns_labels", "SNS_COLUMNS"]

#: read_sns_posts 가 돌려주는 열 (파일에 없는 선택 열은 빈 값으로 채움)
SNS_COLUMNS = ["post_id", "created_at", "channel", "author", "title", "text", "url", "likes", "comments",
               "shares", "empty_text"]
_COUNTS = ("likes", "comments", "shares")
_KOREAN = {"created_at": "작성일시", "text": "본문", "likes": "좋아요", "comments": "댓글", "shares": "공유"}
_TIME_FORMATS = {
    "%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS", "%Y-%m-%d %H:%M": "YYYY-MM-DD HH:MM",
    "%Y-%m-%dT%H:%M:%S": "YYYY-MM-DDTHH:MM:SS", "%Y-%m-%d": "YYYY-MM-DD",
    "%Y.%m.%d. %H:%M": "YYYY.MM.DD. HH:MM", "%Y.%m.%d %H:%M": "YYYY.MM.DD HH:MM", "%Y.%m.%d.": "YYYY.MM.DD.",
    "%Y.%m.%d": "YYYY.MM.DD", "%Y/%m/%d %H:%M": "YYYY/MM/DD HH:MM", "%Y/%m/%d": "YYYY/MM/DD",
    "%Y%m%d%H%M%S": "YYYYMMDDHHMMSS", "%Y%m%d": "YYYYMMDD",
}
_AMPM_FORMATS = {
    "%Y-%m-%d %p %I:%M:%S": "YYYY-MM-DD 오후 H:MM:SS", "%Y-%m-%d %p %I:%M": "YYYY-MM-DD 오후 H:MM",
    "%Y. %m. %d. %p %I:%M:%S": "YYYY. M. D. 오후 H:MM:SS", "%Y. %m. %d. %p %I:%M": "YYYY. M. D. 오후 H:MM",
}
_TZ = re.compile(r"\d[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$")
_RELATIVE = re.compile(r"(?:\d+\s*(?:초|분|시간|일|주)\s*전|어제|방금|그제)")
_COUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(천|만|[kK]|[mM])?$")
_UNITS = {None: 1, "천": 1_000, "만": 10_000, "k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000}
_DELIMITERS = {",": "쉼표(,)", "\t": "탭(tab)", ";": "세미콜론(;)", "|": "세로 막대(|)"}


def _aliases() -> dict[str, str]:
    """'sns_posts' 열 이름 사전을 비교용 키(공백 없앰, 소문자)로."""
    return {normalize_header(k).lower(): v for k, v in COLUMN_MAPS["sns_posts"].items()}


def _names_for(english: str) -> list[str]:
    return [k for k, v in COLUMN_MAPS["sns_posts"].items() if v == english]


def _records(text: str, delimiter: str, limit: int = 30) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out, start = [], 1
    try:
        for fields in reader:
            out.append((start, fields))
            start = reader.line_num + 1
            if len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


def _find_header(path: Path, text: str, date: str | None, body: str | None):
    """(구분자, 날짜 열 이름, 본문 열 이름) 을 찾습니다. 못 찾으면 까닭을 밝힌 오류."""
    aliases = _aliases()
    want = {"created_at": normalize_header(date).lower() if date else None,
            "text": normalize_header(body).lower() if body else None}

    def columns_in(fields):
        found = {}
        for field in fields:
            key = normalize_header(field).lower()
            for english in ("created_at", "text"):
                if (want[english] == key) if want[english] else aliases.get(key) == english:
                    found.setdefault(english, field.replace("\ufeff", "").strip())
        return found

    best = None
    for delimiter in _DELIMITERS:
        for line_no, fields in _records(text, delimiter):
            found = columns_in(fields)
            if len(found) == 2 and delimiter in (",", "\t"):
                return delimiter, line_no, found["created_at"], found["text"]
            if len(found) == 2:
                raise SejongDataError(path, "구분자(delimiter)가 다릅니다: 머리글이 한 열(column)로 읽힙니다.",
                                      expected="쉼표(,) 또는 탭(tab)으로 나뉜 머리글",
                                      found=f"{_DELIMITERS[delimiter]} 로 나뉜 {line_no}번째 줄: {fields[:4]}",
                                      hint="엑셀에서 'CSV UTF-8(쉼표로 분리)' 형식으로 다시 저장하세요.")
            if found and delimiter in (",", "\t") and (best is None or len(fields) > len(best[1])):
                best = (line_no, fields, found)
    if best is None:
        first = next((f for _n, f in _records(text, ",", 5) if any(x.strip() for x in f)), [])
        raise SejongDataError(path, "게시글 파일의 머리글(header)을 찾지 못했습니다: 날짜 열도 본문 열도 없습니다.",
                              expected=f"날짜 열 ({', '.join(_names_for('created_at')[:6])} …)과 "
                                       f"본문 열 ({', '.join(_names_for('text')[:6])} …)",
                              found=[f.strip() for f in first][:12],
                              hint="열 이름이 다르면 read_sns_posts(path, date='열 이름', text='열 이름') 으로 알려 주세요.")
    line_no, fields, found = best
    missing = "created_at" if "created_at" not in found else "text"
    label = {"created_at": "날짜(작성일시)", "text": "본문(text)"}[missing]
    given = date if missing == "created_at" else body
    expected = f"'{given}' 열" if given else f"{label} 열: {', '.join(_names_for(missing))}"
    raise SejongDataError(path, f"{label} 열(column)이 없습니다.", expected=expected,
                          found=[f.strip() for f in fields],
                          hint=f"{line_no}번째 줄을 머리글로 보았습니다. 이름이 다르면 "
                               f"read_sns_posts(path, {'date' if missing == 'created_at' else 'text'}='열 이름') 으로 "
                               "알려 주세요. 사전은 column_map('sns_posts') 로 볼 수 있습니다.")


def _english(frame: pd.DataFrame, date_col: str, text_col: str, path: Path,
             chosen: set[str]) -> tuple[pd.DataFrame, list[str]]:
    """열 이름을 영어로. 같은 뜻의 열이 둘이면(예: '작성일' 과 'date') 오류입니다.

    ``chosen`` 은 호출한 사람이 date=, text= 로 직접 고른 열의 영어 이름: 같은 뜻의 다른 열은 원래 이름으로 둡니다.
    """
    aliases = _aliases()
    renames = {date_col: "created_at", text_col: "text"}
    for column in frame.columns:
        if column in renames:
            continue
        english = aliases.get(normalize_header(column).lower())
        if english is not None and english not in chosen:
            renames[column] = english
    targets = pd.Series(list(renames.values()))
    clashes = sorted(set(targets[targets.duplicated()]))
    if clashes:
        found = [c for c, e in renames.items() if e in clashes]
        raise SejongDataError(path, "같은 뜻의 열(column)이 두 번 있습니다.",
                              expected=f"{', '.join(clashes)} 에 해당하는 열 하나", found=found,
                              hint="어느 열을 쓸지 date=, text= 인자로 고르고, 다른 열은 이름을 바꾸거나 지우세요.")
    extra = [c for c in frame.columns if c not in renames]
    return frame.rename(columns=renames), extra


def _parse_created(values: pd.Series, path: Path) -> pd.Series:
    """작성일시를 한국 표준시의 datetime64 로. 시간대가 붙은 ISO 값(…Z, …+09:00)은 한국 시각으로 바꿉니다."""
    text = pd.Series(values, dtype="object").str.strip()
    relative = text.fillna("").str.fullmatch(r".*" + _RELATIVE.pattern + r".*")
    if relative.any():
        raise SejongDataError(path, f"열(column) '작성일시' 에 상대 시각이 {int(relative.sum())}개 있습니다.",
                              expected="절대 날짜·시각 (예: 2020-07-21 15:05)", found=rows_where(relative, text),
                              hint="'3시간 전' 같은 값은 수집한 날짜를 기준으로 절대 시각으로 바꾼 뒤 읽으세요.")
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    tz = text.fillna("").str.contains(_TZ)
    if tz.any():
        parsed = pd.to_datetime(text[tz], utc=True, errors="coerce", format="ISO8601")
        bad = tz & parsed.reindex(text.index).isna()
        if bad.any():
            raise SejongDataError(path, "열(column) '작성일시' 에 시간대가 붙은 값 가운데 읽을 수 없는 것이 있습니다.",
                                  expected="ISO 8601 (예: 2020-07-21T15:05:00+09:00)", found=rows_where(bad, text))
        result[tz] = parsed.dt.tz_convert("Asia/Seoul").dt.tz_localize(None).astype("datetime64[ns]")
    ampm = ~tz & text.fillna("").str.contains("오전|오후")
    if ampm.any():
        converted = text[ampm].str.replace("오전", "AM").str.replace("오후", "PM")
        result[ampm] = parse_times(converted, "작성일시", path, _AMPM_FORMATS)
    rest = ~tz & ~ampm
    if rest.any():
        result[rest] = parse_times(text[rest], "작성일시", path, _TIME_FORMATS)
    return result


def _counts(values: pd.Series, column: str, path: Path) -> pd.Series:
    """'1,234', '1.2만', '3천', '1.5K' 를 정수로. 빈 칸은 NA."""
    text = pd.Series(values, dtype="object").str.strip().str.replace(",", "", regex=False)
    present = text.notna() & text.ne("")
    parts = text[present].str.extract(_COUNT)
    bad = present.copy()
    bad[present] = parts[0].isna().to_numpy()
    if bad.any():
        raise SejongDataError(path, f"열(column) '{_KOREAN.get(column, column)}' 에 숫자가 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="0 이상의 정수 (1,234 / 1.2만 / 3천 / 1.5K 도 받음)", found=rows_where(bad, values))
    units = parts[1].map(lambda u: _UNITS[u if isinstance(u, str) else None])
    numbers = pd.Series(pd.NA, index=text.index, dtype="Int64")
    numbers[present] = np.round(parts[0].astype(float) * units.astype(float)).astype("int64").to_numpy()
    return numbers


def read_sns_posts(path, date: str | None = None, text: str | None = None) -> pd.DataFrame:
    """게시글 CSV(소셜 리스닝 서비스·수집기 내보내기)를 글 한 편이 한 줄인 표로 읽습니다.

    어디서: 썸트렌드 같은 소셜 리스닝 서비스의 '원문 내려받기', 블로그·카페 검색 API 나 수집기(crawler)로
    모은 표. 이 책의 모의 파일 ``datasets/sns_posts_2019_2024.csv`` 도 같은 모양입니다 (UTF-8 BOM, 한국어
    머리글 ``게시물ID,채널,작성일시,작성자,본문,URL,좋아요,댓글,공유``, 최근 글이 위).

    형식: UTF-8(BOM 있어도 됨) 또는 CP949, 쉼표나 탭으로 나뉜 표. 머리글 앞의 설명 줄(검색어, 기간)은 건너뛰고
    경고합니다. 꼭 있어야 하는 것은 **날짜 열**과 **본문 열** 하나씩입니다. 열 이름은
    ``column_map("sns_posts")`` 의 사전으로 찾고(공백·대소문자 무시: '작성일', '등록일시', 'date', 'created_at' …
    / '본문', '내용', 'text', 'content' …), 사전에 없으면 ``date="열 이름"``, ``text="열 이름"`` 으로 알려 줍니다.
    본문 안의 줄바꿈은 따옴표로 감싸면 됩니다.

    작성일시는 ``YYYY-MM-DD HH:MM(:SS)``, ``YYYY.MM.DD. HH:MM``, ``YYYY/MM/DD``, ``YYYYMMDD``, 엑셀식
    ``2020. 7. 21. 오후 3:05`` 를 받고, 시간대가 붙은 ISO 값(``…Z``, ``…+09:00``)은 한국 시각으로 바꿉니다.
    '3시간 전' 같은 상대 시각이나 읽을 수 없는 값은 행 번호와 값을 담은 :class:`SejongDataError` 입니다.
    좋아요·댓글·공유는 ``1,234``, ``1.2만``, ``3천``, ``1.5K`` 를 정수로 바꿉니다.

    돌려주는 표: post_id, created_at(datetime64), channel, author, title, text, url, likes, comments, shares
    (Int64), empty_text(bool). 파일에 없는 선택 열은 빈 값으로 채워 열 구성이 늘 같습니다. 사전에 없는 열은
    원래 이름 그대로 뒤에 붙습니다. 행 순서는 파일 그대로입니다(정렬하지 않음). 본문이 빈 글은 지우지 않고
    empty_text=True 로 표시하며, 같은 게시물 ID 가 두 번 이상 나오면 경고합니다 (지우지 않음).

    예::

        posts = read_sns_posts(data_path("sns_posts_2019_2024.csv"))
        posts = read_sns_posts("export.csv", date="등록 시각", text="글 내용")   # 사전에 없는 이름
    """
    path = Path(path)
    raw, _encoding = read_text(path)
    delimiter, _line, date_col, text_col = _find_header(path, raw, date, text)
    frame, info = read_table(path, required=[date_col, text_col], delimiter=delimiter, preamble=None,
                             allow_empty=False)
    if info.skipped_lines:
        shown = next((s for s in info.skipped_lines if s.strip()), "")
        warn_file(path, f"머리글(header) 앞의 설명 줄 {len(info.skipped_lines)}줄을 건너뛰었습니다. 첫 줄: {shown[:60]!r}")
    chosen = {name for name, given in (("created_at", date), ("text", text)) if given}
    frame, extra = _english(frame, date_col, text_col, path, chosen)
    out = pd.DataFrame(index=frame.index)
    for column in SNS_COLUMNS:
        if column == "created_at":
            out[column] = _parse_created(frame[column], path)
        elif column in _COUNTS:
            values = frame[column] if column in frame.columns else pd.Series(pd.NA, index=frame.index)
            out[column] = _counts(values, column, path)
        elif column == "empty_text":
            out[column] = out["text"].isna() | out["text"].fillna("").str.strip().eq("")
        else:
            values = frame[column] if column in frame.columns else pd.Series(pd.NA, index=frame.index)
            out[column] = values.astype("str")
    _check(out, path)
    for column in extra:
        out[column] = frame[column]
    return out.reset_index(drop=True)


def _check(out: pd.DataFrame, path: Path) -> None:
    blank_time = out["created_at"].isna()
    if blank_time.any():
        raise SejongDataError(path, f"작성일시가 빈 행이 {int(blank_time.sum())}개 있습니다.",
                              expected="모든 행에 작성일시", found=rows_where(blank_time))
    if out["empty_text"].any():
        warn_file(path, f"본문이 빈 글 {int(out['empty_text'].sum())}건을 지우지 않고 empty_text=True 로 표시했습니다.")
    ids = out["post_id"]
    dups = ids[ids.notna() & ids.duplicated(keep=False)]
    if len(dups):
        warn_file(path, f"같은 게시물 ID 가 두 번 이상 나옵니다 ({len(dups)}개 행, 지우지 않음): "
                        f"{list(dict.fromkeys(dups))[:5]}")


PROJECT_SCHEMAS["sns_minwon_labels.csv"] = {"text": ["post_id", "labeler"], "int": ["minwon"]}


def read_sns_labels(path=None) -> pd.DataFrame:
    """이 책의 민원 표본 ``datasets/sns_minwon_labels.csv`` 를 읽습니다 (모의 자료).

    시 담당자가 무작위로 고른 게시글에 민원 여부를 붙인 표를 흉내 냈습니다. 열: post_id,
    minwon(1 = 민원: 시가 고칠 수 있는 불편을 알리거나 처리를 요구하는 글, 0 = 아님), labeler(붙인 사람 A/B/C).
    minwon 이 0·1 이 아닌 값이면 :class:`SejongDataError` 입니다.

    예::

        labels = read_sns_labels()
        labels["minwon"].mean()
    """
    table = read_project_table(path, "sns_minwon_labels.csv")
    source = Path(path) if path is not None else Path("sns_minwon_labels.csv")
    bad = table["minwon"].isna() | ~table["minwon"].isin([0, 1])
    if bad.any():
        raise SejongDataError(source, f"열(column) 'minwon' 에 0·1 이 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="1 (민원) 또는 0 (아님)", found=rows_where(bad, table["minwon"]))
    return table
