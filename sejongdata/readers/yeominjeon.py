"""세종 지역화폐 여민전 리더 (5장 「지역화폐 여민전 교차분석」).

- :func:`read_yeominjeon_daily` — 일별 결제 집계 (기준일자 × 업종 × 가맹점 규모)
- :func:`read_yeominjeon_crosstab` — 분기별 교차표 (기준분기 × 가맹점 읍면동 × 업종 × 연령대 × 성별 × 거주 생활권)
- :func:`read_yeominjeon_spending` — 두 집계를 모두 읽는 본체 (기간 열이 기준일자·기준월·기준분기 가운데 무엇이든)
- :func:`read_yeominjeon_merchants` — 가맹점 등록부 (상가업소번호로 상가(상권)정보와 이음)
- :func:`read_yeominjeon_policy` — 정책 달력 (캐시백률, 구매 한도, 발행액, 판매 마감)
- :func:`read_yeominjeon_cardholders` — 연말 가입자 수

결제 집계의 비공개 칸(결제 5건 미만)은 결제건수·결제금액이 ``X`` 입니다. 리더는 그 행을 지우지 않고
``suppressed=True`` 로 표시하며 값은 결측값(NA)으로 둡니다. 결제금액은 머리글의 단위(천원·원·만원)를 읽어
언제나 **원** 단위 ``amount_won`` 으로 돌려줍니다.

여러 리더가 함께 쓰는 도구는 :mod:`.common` 에 있습니다.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SejongDataError
from ..paths import data_path
from ..textio import normalize_header, parse_month_column, read_table, to_number
from .codes import SEJONG_EMD_CODES
from .columns import COLUMN_MAPS
from .common import english_columns, parse_times, rows_where, show_value, warn_file

__all__ = ["read_yeominjeon_daily", "read_yeominjeon_crosstab", "read_yeominjeon_spending",
           "read_yeominjeon_merchants", "read_yeominjeon_policy", "read_yeominjeon_cardholders",
           "SECTORS", "SIZE_CLASSES", "AGE_BANDS", "SEXES", "HOME_ZONES", "SUPPRESS_BELOW", "SUPPRESSED_MARK"]

DAILY_FILE = "yeominjeon_spending_daily.csv"
CROSSTAB_FILE = "yeominjeon_spending_2021.csv"
MERCHANTS_FILE = "yeominjeon_merchants.csv"
POLICY_FILE = "yeominjeon_policy_monthly.csv"
CARDHOLDERS_FILE = "yeominjeon_cardholders.csv"

#: 여민전 업종 (이 책의 8개 묶음; 상권업종 소분류에서 묶는 규칙은 데이터 카드에)
SECTORS: tuple[str, ...] = ("음식점", "카페·제과", "식료품·마트", "생활소매", "주유·자동차", "보건의료", "교육",
                            "생활서비스")
#: 가맹점 규모: 연 매출 3억 원 이하 영세, 3억 원 초과 30억 원 이하 중소, 30억 원 초과 일반
SIZE_CLASSES: tuple[str, ...] = ("영세", "중소", "일반")
AGE_BANDS: tuple[str, ...] = ("29세 이하", "30대", "40대", "50대", "60세 이상")
SEXES: tuple[str, ...] = ("남", "여")
HOME_ZONES: tuple[str, ...] = ("1생활권", "2생활권", "3생활권", "4생활권", "6생활권", "읍면지역")
SUPPRESS_BELOW = 5          #: 결제 5건 미만 칸은 비공개
SUPPRESSED_MARK = "X"       #: 비공개 칸의 표시 (통계청·KOSIS 의 비밀보호 표시와 같음)

_CATEGORIES: dict[str, tuple[str, ...]] = {"sector": SECTORS, "size_class": SIZE_CLASSES, "age_band": AGE_BANDS,
                                           "sex": SEXES, "home_zone": HOME_ZONES}
_PERIODS = {"기준일자": "date", "기준월": "month", "기준분기": "quarter"}
_AMOUNT_UNITS = {"원": 1, "천원": 1_000, "만원": 10_000, "백만원": 1_000_000}
_DIMENSIONS = ["emd_code", "sector", "size_class", "age_band", "sex", "home_zone"]
_QUARTER = re.compile(r"^\s*(\d{4})\s*(?:년\s*([1-4])\s*분기|[-.]?\s*Q([1-4])|\.([1-4])/4)\s*$")
_EMD_NAMES = {code: name for name, code in SEJONG_EMD_CODES.items()}


# ---------------------------------------------------------------------------
# 같은 파일을 한 번만 읽기 (채점기의 숨은 테스트가 같은 파일을 여러 번 새로 읽습니다)
# ---------------------------------------------------------------------------
_CACHE: dict[tuple, pd.DataFrame] = {}


def _cached(reader, path: Path) -> pd.DataFrame:
    """파일의 경로·크기·수정 시각이 같으면 앞서 읽은 표의 **사본**을 돌려줍니다 (읽은 결과는 언제나 같음).

    경고가 난 파일은 담아 두지 않고 매번 새로 읽으므로, 경고는 읽을 때마다 다시 보입니다.
    """
    try:
        stat = path.stat()
    except OSError:
        return reader(path)                     # 없는 파일 등: 리더가 분명한 오류를 냅니다
    key = (reader.__name__, str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _CACHE:
        return _CACHE[key].copy(deep=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = reader(path)
    for w in caught:                            # 경고는 그대로 다시 냅니다 (사용자의 경고 필터를 따름)
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if not caught:
        _CACHE[key] = frame.copy(deep=True)
    return frame


def _korean(kind: str) -> dict[str, str]:
    return {v: k for k, v in COLUMN_MAPS[kind].items()}


def _read(path: Path, required: list[str], what: str, hint: str) -> pd.DataFrame:
    """머리글을 찾아 읽습니다. 이 형식의 머리글이 없으면 '<what> 파일이 아님' 오류 하나."""
    try:
        frame, _info = read_table(path, required=required, preamble=0)
    except SejongDataError as err:
        if err.problem.startswith(("머리글 줄(header)을 찾지 못했습니다", "필수 열(column)이 없습니다")):
            raise SejongDataError(path, f"{what} 파일이 아닙니다: 이 형식의 머리글(header)이 없습니다.",
                                  expected=required, found=err.found, hint=hint) from None
        raise
    return frame


def _codes(values: pd.Series, column: str, path) -> pd.Series:
    """10자리 행정동코드 (글자). 모양이 다르면 오류, 세종 밖 코드는 경고만."""
    text = values.fillna("").astype("str").str.strip()
    bad = ~text.str.fullmatch(r"\d{10}")
    if bad.any():
        raise SejongDataError(path, f"열(column) '{column}' 에 10자리 코드가 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected="10자리 행정동코드 (예: 3611052000)", found=rows_where(bad, text),
                              hint="엑셀로 열었다 저장하면 코드가 숫자(3.61105E+09)로 바뀔 수 있습니다. 내려받은 원본을 쓰세요.")
    outside = ~text.isin(set(SEJONG_EMD_CODES.values()))
    if outside.any():
        warn_file(path, f"열 '{column}' 에 2024년 세종 24개 읍면동이 아닌 코드가 {int(outside.sum())}행 있습니다 "
                        f"(지우지 않음): {list(dict.fromkeys(text[outside]))[:5]}. 다른 시기의 행정동 코드일 수 있습니다.")
    return text


def _categories(frame: pd.DataFrame, path, korean: dict[str, str]) -> None:
    """범주 열의 값이 정해진 이름인지 봅니다 (공백은 지움). 모르는 값이 있으면 오류."""
    for column, allowed in _CATEGORIES.items():
        if column not in frame.columns:
            continue
        values = frame[column].astype("str")
        unknown = values.isna() | ~values.isin(allowed)
        if unknown.any():
            raise SejongDataError(path, f"열(column) '{korean[column]}' 에 모르는 값이 {int(unknown.sum())}개 있습니다.",
                                  expected=list(allowed), found=list(dict.fromkeys(values[unknown].map(show_value)))[:6],
                                  hint="다른 분류(예: 10세 단위 연령, 상권업종 대분류)로 만든 파일인지 확인하세요.")
        frame[column] = values


def _amount_unit(columns: list[str], path) -> tuple[str, int]:
    """결제금액 열과 단위 배율: '결제금액(천원)' → ('결제금액(천원)', 1000)."""
    found = [c for c in columns if normalize_header(c).startswith("결제금액")]
    if not found:
        raise SejongDataError(path, "결제금액 열(column)이 없습니다.", expected="결제금액(천원) 또는 결제금액(원)",
                              found=columns)
    if len(found) > 1:
        raise SejongDataError(path, "결제금액 열(column)이 두 개 있습니다.", expected="결제금액 열 하나", found=found)
    match = re.fullmatch(r"결제금액\((.+)\)", normalize_header(found[0]))
    unit = match.group(1) if match else ""
    if unit not in _AMOUNT_UNITS:
        raise SejongDataError(path, f"결제금액 열의 단위(unit)를 알 수 없습니다: '{found[0]}'",
                              expected=[f"결제금액({u})" for u in _AMOUNT_UNITS], found=found[0],
                              hint="단위가 없는 머리글은 원인지 천 원인지 알 수 없으므로 읽지 않습니다.")
    return found[0], _AMOUNT_UNITS[unit]


def _values(text: pd.Series, column: str, path) -> tuple[pd.Series, pd.Series]:
    """'X' 는 비공개(True), 나머지는 0 이상의 정수. 빈 칸·음수·소수는 오류."""
    raw = text.astype("str")
    hidden = raw.eq(SUPPRESSED_MARK).fillna(False).astype(bool)
    blank = raw.isna() | raw.eq("")
    if blank.any():
        raise SejongDataError(path, f"열(column) '{column}' 이 빈 행이 {int(blank.sum())}개 있습니다.",
                              expected=f"0 이상의 정수, 비공개 칸은 '{SUPPRESSED_MARK}'", found=rows_where(blank),
                              hint="비공개 칸을 빈 칸이나 0 으로 바꾸면 합계가 틀어집니다. 원본 파일을 쓰세요.")
    shown = raw.where(~hidden)
    numbers = pd.to_numeric(shown, errors="coerce")             # 빠른 길: 쉼표 없는 정수
    if (numbers.isna() & ~hidden).any():                        # 쉼표·글자가 있으면 to_number 가 읽거나 오류
        numbers = to_number(shown, column, path).astype("float64")
    odd = numbers.notna() & ((numbers < 0) | (numbers % 1 != 0))
    if odd.any():
        raise SejongDataError(path, f"열(column) '{column}' 에 음수이거나 정수가 아닌 값이 {int(odd.sum())}개 있습니다.",
                              expected="0 이상의 정수", found=rows_where(odd, raw))
    return numbers.astype("Int64"), hidden


def _quarter(text: str) -> str | None:
    """'2021년 1분기', '2021Q1', '2021-Q1', '2021.1/4' → '2021Q1' (못 읽으면 None)."""
    match = _QUARTER.match(text)
    if not match:
        return None
    return f"{match.group(1)}Q{match.group(2) or match.group(3) or match.group(4)}"


def _period(frame: pd.DataFrame, path) -> str:
    """기간 열을 읽어 바꾸고 그 영어 이름(date, month, quarter)을 돌려줍니다."""
    present = [k for k in _PERIODS if k in frame.columns]
    if len(present) != 1:
        raise SejongDataError(path, "기간 열(period column)이 하나여야 합니다.", expected=list(_PERIODS),
                              found=present or list(frame.columns)[:6])
    korean = present[0]
    name = _PERIODS[korean]
    if name == "date":
        frame[korean] = parse_times(frame[korean], korean, path, {"%Y-%m-%d": "YYYY-MM-DD", "%Y%m%d": "YYYYMMDD"})
    elif name == "month":
        frame[korean] = parse_month_column(frame[korean], korean, path)
    else:
        text = frame[korean].astype("str")
        seen = {v: _quarter(v) for v in text.dropna().unique()}
        parsed = text.map(seen)
        bad = text.notna() & parsed.isna()
        if bad.any():
            raise SejongDataError(path, f"열(column) '{korean}' 에 분기로 읽을 수 없는 값이 {int(bad.sum())}개 있습니다.",
                                  expected="'2021년 1분기', '2021Q1' 또는 '2021.1/4'", found=rows_where(bad, text))
        frame[korean] = parsed.astype("str")
    missing = frame[korean].isna()
    if missing.any():
        raise SejongDataError(path, f"열(column) '{korean}' 이 빈 행이 {int(missing.sum())}개 있습니다.",
                              expected="모든 행에 기간", found=rows_where(missing))
    return name


def read_yeominjeon_spending(path) -> pd.DataFrame:
    """여민전 결제 집계 파일(일별·월별·분기별 어느 것이든)을 한 칸이 한 줄인 표로 읽습니다.

    형식: CP949 또는 UTF-8 CSV, 첫 줄 머리글. 기간 열 하나(기준일자 YYYY-MM-DD, 기준월 YYYY-MM, 기준분기
    '2021년 1분기'), 있으면 차원 열(가맹점행정동코드, 업종, 가맹점규모, 연령대, 성별, 거주생활권), 결제건수,
    결제금액(단위는 머리글 괄호 안: 천원·원·만원). 비공개 칸은 두 값 열이 모두 ``X`` 입니다.

    돌려주는 표: 기간 열(``date`` 는 Timestamp, ``month`` 는 그 달 1일, ``quarter`` 는 '2021Q1' 글자), 파일에
    있는 차원 열(``emd_code`` 가 있으면 ``emd_name`` 도), ``transactions``(Int64), ``amount_won``(Int64, 원 단위),
    ``suppressed``(bool). 비공개 칸의 값은 NA 입니다 (0 이 아님).

    오류(:class:`SejongDataError`): 결제 집계 파일이 아님, 기간 열이 없거나 둘 이상, 결제금액 단위를 모름,
    날짜·분기를 못 읽음, 값이 빈 칸이거나 숫자·``X`` 가 아님, 음수, 비공개 표시가 한 열에만 있음, 모르는 범주 값,
    같은 칸이 두 번 나옴, 10자리가 아닌 행정동코드.
    경고만 하는 것(행은 지우지 않음): 5건 미만인데 공개된 칸, 건당 금액이 100원 미만이거나 100만 원 넘는 칸
    (``suspect`` 로 표시), 2024년 세종 읍면동이 아닌 코드.

    예::

        daily = read_yeominjeon_spending(data_path("yeominjeon_spending_daily.csv"))
        daily[~daily.suppressed].groupby("sector")["amount_won"].sum()
    """
    return _cached(_read_spending, Path(path))


def _read_spending(path: Path) -> pd.DataFrame:
    frame = _read(path, ["결제건수"], "여민전 결제 집계",
                  "기준일자(또는 기준월·기준분기), 업종 … 결제건수, 결제금액(천원) 열이 있는 파일인지 확인하세요.")
    amount_column, factor = _amount_unit(list(frame.columns), path)
    frame = frame.rename(columns={amount_column: "결제금액"})
    period = _period(frame, path)
    mapping = {normalize_header(k): v for k, v in COLUMN_MAPS["yeominjeon_spending"].items()}
    korean = {v: k for k, v in COLUMN_MAPS["yeominjeon_spending"].items()} | {"amount": amount_column}
    frame = frame.rename(columns={c: mapping[normalize_header(c)] for c in frame.columns
                                  if normalize_header(c) in mapping})
    count, hidden_count = _values(frame["transactions"], "결제건수", path)
    amount, hidden_amount = _values(frame["amount"], amount_column, path)
    half = hidden_count != hidden_amount
    if half.any():
        raise SejongDataError(path, f"비공개 표시('{SUPPRESSED_MARK}')가 두 값 열 가운데 한쪽에만 있는 행이 {int(half.sum())}개 있습니다.",
                              expected="결제건수와 결제금액이 함께 비공개이거나 함께 공개", found=rows_where(half),
                              hint="한쪽 값만 남아 있으면 가린 값을 되살릴 수 있습니다. 원본 파일을 쓰세요.")
    dims = [c for c in _DIMENSIONS if c in frame.columns]
    if "emd_code" in frame.columns:
        frame["emd_code"] = _codes(frame["emd_code"], korean["emd_code"], path)
    _categories(frame, path, korean)
    keys = [period] + dims
    dup = frame.duplicated(subset=keys, keep=False)
    if dup.any():
        shown = frame.loc[dup, keys].head(4).astype("str").agg(" / ".join, axis=1).tolist()
        raise SejongDataError(path, f"같은 칸(기간·차원 조합)이 두 번 이상 나오는 행이 {int(dup.sum())}개 있습니다.",
                              expected="칸마다 한 행", found=shown,
                              hint="같은 파일을 두 번 이어 붙였거나 다른 판의 파일이 섞였는지 확인하세요.")
    out = frame[keys].copy()
    if "emd_code" in out.columns:
        out.insert(out.columns.get_loc("emd_code") + 1, "emd_name", out["emd_code"].map(_EMD_NAMES).astype("str"))
    out["transactions"] = count
    out["amount_won"] = (amount * factor).astype("Int64")
    out["suppressed"] = hidden_count.to_numpy()
    _check_plausible(out, path)
    return out.reset_index(drop=True)


def _check_plausible(out: pd.DataFrame, path) -> None:
    """공개 기준보다 작은 공개 칸과 건당 금액이 이상한 칸을 경고합니다 (지우지 않고 suspect 로 표시)."""
    shown = ~out["suppressed"]
    small = shown & (out["transactions"] < SUPPRESS_BELOW).fillna(False).astype(bool)
    if small.any():
        warn_file(path, f"결제 {SUPPRESS_BELOW}건 미만인데 공개된 칸이 {int(small.sum())}개 있습니다 (비공개 기준과 다름; "
                        f"지우지 않음): {rows_where(small, out['transactions'], limit=3)}")
    per = out["amount_won"].astype("float64") / out["transactions"].astype("float64").replace(0, np.nan)
    odd = shown & ((per < 100) | (per > 1_000_000) | (out["transactions"].eq(0) & out["amount_won"].gt(0)))
    out["suspect"] = odd.fillna(False).astype(bool).to_numpy()
    if out["suspect"].any():
        warn_file(path, f"건당 금액이 100원 미만이거나 100만 원을 넘는 칸이 {int(out['suspect'].sum())}개 있어 "
                        f"suspect=True 로 표시했습니다 (단위를 확인하세요): {rows_where(out['suspect'], per.round(0), limit=3)}")


def read_yeominjeon_daily(path=None) -> pd.DataFrame:
    """여민전 일별 결제 집계 (기준일자 × 업종 × 가맹점 규모). ``path`` 가 없으면 이 책의 모의 파일.

    열: date, sector, size_class, transactions, amount_won(원), suppressed, suspect.
    자세한 형식과 오류는 :func:`read_yeominjeon_spending`.

    예::

        daily = read_yeominjeon_daily()
        daily.groupby("date")["amount_won"].sum()
    """
    return read_yeominjeon_spending(Path(path) if path is not None else data_path(DAILY_FILE))


def read_yeominjeon_crosstab(path=None) -> pd.DataFrame:
    """여민전 분기별 교차표 (기준분기 × 가맹점 읍면동 × 업종 × 연령대 × 성별 × 거주 생활권).

    ``path`` 가 없으면 이 책의 모의 파일(2021년). 열: quarter('2021Q1'), emd_code, emd_name, sector, age_band,
    sex, home_zone, transactions, amount_won(원), suppressed, suspect.

    예::

        cross = read_yeominjeon_crosstab()
        cross.pivot_table(index="sector", columns="age_band", values="amount_won", aggfunc="sum")
    """
    return read_yeominjeon_spending(Path(path) if path is not None else data_path(CROSSTAB_FILE))


# ---------------------------------------------------------------------------
# 가맹점 등록부
# ---------------------------------------------------------------------------
def _dates(frame: pd.DataFrame, column: str, korean: str, path) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return parse_times(frame[column], korean, path, {"%Y-%m-%d": "YYYY-MM-DD", "%Y%m%d": "YYYYMMDD"})


def _unique(values: pd.Series, korean: str, path) -> None:
    present = values.notna() & values.astype("str").str.strip().ne("")
    dup = present & values.duplicated(keep=False)
    if dup.any():
        raise SejongDataError(path, f"같은 {korean}가 두 번 이상 나옵니다: {int(dup.sum())}개 행.",
                              expected=f"행마다 다른 {korean}", found=list(dict.fromkeys(values[dup]))[:6])


def read_yeominjeon_merchants(path=None) -> pd.DataFrame:
    """여민전 가맹점 등록부를 읽습니다 (가맹점 한 곳 또는 가맹하지 않은 점포 한 곳이 한 줄).

    형식(이 책이 정한 것; 시가 공개하는 가맹점 목록은 지금 가맹점만 싣습니다): CP949 또는 UTF-8 CSV,
    열 가맹점번호, 상가업소번호, 행정동코드, 상권업종소분류코드, 여민전업종, 가맹점규모, 가맹여부(Y/N),
    가맹일, 해지일(YYYY-MM-DD, 해지하지 않았으면 빈 칸), 비고(가맹 제외·해지 사유).
    ``path`` 가 없으면 이 책의 모의 파일.

    돌려주는 표: merchant_id, store_id(상가(상권)정보의 상가업소번호, 없으면 NA), emd_code, emd_name, scls_code,
    sector, size_class, member(bool), joined, left(Timestamp/NaT), note, in_stores(상가업소번호가 있음),
    dates_inconsistent(해지일이 가맹일보다 이르거나 같음).

    오류: 이 형식의 머리글이 없음, 가맹여부가 Y/N 이 아님, 가맹점인데 가맹점번호나 가맹일이 없음, 가맹점번호·
    상가업소번호 중복, 날짜를 못 읽음, 10자리가 아닌 행정동코드, 모르는 업종·규모 값.
    경고만: 해지일이 가맹일보다 이른 행(dates_inconsistent), 세종 밖 행정동코드.

    예::

        merchants = read_yeominjeon_merchants()
        on = merchants.member & (merchants.joined <= "2021-12-31") & ~(merchants.left <= "2021-12-31")
    """
    return _cached(_read_merchants, Path(path) if path is not None else data_path(MERCHANTS_FILE))


def _read_merchants(path: Path) -> pd.DataFrame:
    korean = _korean("yeominjeon_merchants")
    frame = _read(path, ["가맹점번호", "행정동코드", "가맹여부", "가맹일"], "여민전 가맹점 등록부",
                  "가맹점번호, 상가업소번호, 행정동코드, 가맹여부, 가맹일, 해지일 열이 있는 파일인지 확인하세요.")
    frame, extra = english_columns(frame, "yeominjeon_merchants", path)
    flag = frame["member"].astype("str").str.strip().str.upper()
    bad = flag.isna() | ~flag.isin(["Y", "N"])
    if bad.any():
        raise SejongDataError(path, f"열(column) '가맹여부' 에 Y/N 이 아닌 값이 {int(bad.sum())}개 있습니다.",
                              expected=["Y", "N"], found=rows_where(bad, frame["member"]))
    member = flag.eq("Y").astype(bool)
    frame["emd_code"] = _codes(frame["emd_code"], "행정동코드", path)
    _categories(frame, path, korean)
    joined = _dates(frame, "joined", "가맹일", path)
    left = _dates(frame, "left", "해지일", path)
    ids = frame["merchant_id"].astype("str").str.strip()
    no_key = member & (ids.isna() | ids.eq("") | joined.isna())
    if no_key.any():
        raise SejongDataError(path, f"가맹점(가맹여부 Y)인데 가맹점번호나 가맹일이 빈 행이 {int(no_key.sum())}개 있습니다.",
                              expected="가맹점마다 가맹점번호와 가맹일", found=rows_where(no_key))
    _unique(ids, "가맹점번호", path)
    stores = frame["store_id"].astype("str").str.strip() if "store_id" in frame.columns else \
        pd.Series(pd.NA, index=frame.index, dtype="str")
    _unique(stores, "상가업소번호", path)
    out = pd.DataFrame({"merchant_id": ids, "store_id": stores, "emd_code": frame["emd_code"]}, index=frame.index)
    out["emd_name"] = out["emd_code"].map(_EMD_NAMES).astype("str")
    for column in ("scls_code", "sector", "size_class", "note"):
        out[column] = frame[column].astype("str") if column in frame.columns else pd.Series(pd.NA, index=frame.index,
                                                                                            dtype="str")
    out["member"], out["joined"], out["left"] = member.to_numpy(), joined, left
    out["in_stores"] = out["store_id"].notna().to_numpy()
    out["dates_inconsistent"] = (left.notna() & joined.notna() & (left <= joined)).to_numpy()
    if out["dates_inconsistent"].any():
        warn_file(path, f"해지일이 가맹일보다 이르거나 같은 행이 {int(out['dates_inconsistent'].sum())}개 있어 "
                        f"dates_inconsistent=True 로 표시했습니다 (지우지 않음): "
                        f"{rows_where(out['dates_inconsistent'], out['merchant_id'], limit=3)}")
    for column in extra:
        out[column] = frame[column]
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------
# 정책 달력과 가입자
# ---------------------------------------------------------------------------
_POLICY_NUMBERS = ["cashback_pct", "limit_month_manwon", "limit_year_manwon", "issued_eok", "sellout_hours",
                   "buyers", "cardholders"]


def read_yeominjeon_policy(path=None) -> pd.DataFrame:
    """여민전 정책 달력(달마다 한 줄)을 읽습니다. ``path`` 가 없으면 이 책의 파일.

    열: month(그 달 1일), cashback_pct, limit_month_manwon, limit_year_manwon, issued_eok(발행액, 억 원), sale,
    sold_out(bool), sellout_hours, buyers, cardholders, note. 숫자 열은 천 단위 쉼표를 지우고 읽으며 빈 칸은 NA.
    오류: 머리글이 없음, 연월을 못 읽음, 같은 달이 두 번, 숫자가 아닌 값, 캐시백률이 0~100 % 밖, 조기마감이 Y/N 이 아님.

    예::

        policy = read_yeominjeon_policy()
        policy[policy.cashback_pct.diff() != 0]
    """
    return _cached(_read_policy, Path(path) if path is not None else data_path(POLICY_FILE))


def _read_policy(path: Path) -> pd.DataFrame:
    frame = _read(path, ["기준월", "캐시백률(%)"], "여민전 정책 달력",
                  "기준월, 캐시백률(%), 월구매한도(만원) … 열이 있는 파일인지 확인하세요.")
    frame, extra = english_columns(frame, "yeominjeon_policy", path)
    frame["month"] = parse_month_column(frame["month"], "기준월", path)
    dup = frame["month"].duplicated(keep=False)
    if dup.any():
        raise SejongDataError(path, f"같은 기준월이 두 번 이상 나옵니다: {int(dup.sum())}개 행.", expected="달마다 한 행",
                              found=sorted({m.strftime("%Y-%m") for m in frame.loc[dup, "month"]})[:6])
    korean = _korean("yeominjeon_policy")
    for column in _POLICY_NUMBERS:
        if column in frame.columns:
            frame[column] = to_number(frame[column], korean[column], path)
    rate = frame["cashback_pct"].astype("float64")
    off = rate.notna() & ((rate < 0) | (rate > 100))
    if off.any():
        raise SejongDataError(path, "캐시백률(%)이 0~100 밖인 행이 있습니다.", expected="0~100 사이의 퍼센트",
                              found=rows_where(off, frame["cashback_pct"]),
                              hint="비율(0.1)이 아니라 퍼센트(10)로 적은 파일입니다.")
    if "sold_out" in frame.columns:
        flag = frame["sold_out"].astype("str").str.strip().str.upper()
        bad = flag.notna() & ~flag.isin(["Y", "N"])
        if bad.any():
            raise SejongDataError(path, "열(column) '조기마감' 에 Y/N 이 아닌 값이 있습니다.", expected=["Y", "N"],
                                  found=rows_where(bad, frame["sold_out"]))
        frame["sold_out"] = flag.eq("Y").fillna(False).astype(bool)
    order = [c for c in COLUMN_MAPS["yeominjeon_policy"].values() if c in frame.columns]
    return frame[order + extra].reset_index(drop=True)


def read_yeominjeon_cardholders(path=None) -> pd.DataFrame:
    """여민전 연말 가입자 수 (기준연도 × 거주생활권 × 연령대 × 성별). ``path`` 가 없으면 이 책의 파일.

    열: year(Int64), home_zone, age_band, sex, cardholders(Int64). 오류: 머리글이 없음, 모르는 범주 값,
    숫자가 아닌 값, 음수, 같은 칸이 두 번.

    예::

        holders = read_yeominjeon_cardholders()
        holders[holders.year == 2021].groupby("age_band")["cardholders"].sum()
    """
    return _cached(_read_cardholders, Path(path) if path is not None else data_path(CARDHOLDERS_FILE))


def _read_cardholders(path: Path) -> pd.DataFrame:
    frame = _read(path, ["기준연도", "가입자수(명)"], "여민전 가입자",
                  "기준연도, 거주생활권, 연령대, 성별, 가입자수(명) 열이 있는 파일인지 확인하세요.")
    frame, extra = english_columns(frame, "yeominjeon_cardholders", path)
    korean = _korean("yeominjeon_cardholders")
    frame["year"] = to_number(frame["year"], "기준연도", path).astype("Int64")
    frame["cardholders"] = to_number(frame["cardholders"], "가입자수(명)", path)
    negative = frame["cardholders"].notna() & (frame["cardholders"] < 0)
    if negative.any():
        raise SejongDataError(path, "가입자수(명)가 음수인 행이 있습니다.", expected="0 이상의 정수",
                              found=rows_where(negative, frame["cardholders"]))
    _categories(frame, path, korean)
    keys = [c for c in ("year", "home_zone", "age_band", "sex") if c in frame.columns]
    dup = frame.duplicated(subset=keys, keep=False)
    if dup.any():
        raise SejongDataError(path, f"같은 칸이 두 번 이상 나오는 행이 {int(dup.sum())}개 있습니다.", expected="칸마다 한 행",
                              found=frame.loc[dup, keys].head(4).astype("str").agg(" / ".join, axis=1).tolist())
    frame["cardholders"] = frame["cardholders"].astype("Int64")
    return frame[keys + ["cardholders"] + extra].reset_index(drop=True)
