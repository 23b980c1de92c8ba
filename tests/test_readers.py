"""공식 형식 파일 리더와 textio 도구의 테스트.

좋은 파일과 나쁜 파일은 모두 테스트 안에서 tmp_path 에 만듭니다 (저장소에 고정 파일을 두지 않음).
실제 공개 파일 테스트는 ../shared/realdata (또는 환경 변수 SEJONG_REALDATA) 가 있을 때만 돌고,
없으면 건너뜁니다(skip).
"""
from __future__ import annotations

import csv
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from conftest import assert_error

from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import (
    available_kinds,
    column_map,
    read_apartments,
    read_boundaries,
    read_city_population_xlsx,
    read_emd_master,
    read_places,
    read_population_age,
    read_population_monthly,
    rename_columns,
)
from sejongdata.textio import detect_encoding, parse_month, read_table, to_number

pytestmark = pytest.mark.chapter("00")

REPO = Path(__file__).resolve().parents[1]


def realdata_dir() -> Path:
    env = os.environ.get("SEJONG_REALDATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "realdata"


def real_file(name: str) -> Path:
    path = realdata_dir() / name
    if not path.exists():
        pytest.skip(f"실제 공개 파일이 없어 건너뜁니다: {path} (SEJONG_REALDATA 로 폴더를 지정할 수 있습니다)")
    return path


def dataset_file(name: str) -> Path:
    path = REPO / "datasets" / name
    if not path.exists():
        pytest.skip(f"생성된 데이터 파일이 아직 없습니다: datasets/{name} ('make data' 뒤에 다시 실행)")
    return path




# ---------------------------------------------------------------------------
# 고정 파일 만들기 (fixtures built in code)
# ---------------------------------------------------------------------------

MEASURES = ["총인구수", "세대수", "세대당 인구", "남자 인구수", "여자 인구수", "남여 비율"]


def quoted(fields, delimiter=","):
    return delimiter.join(f'"{f}"' for f in fields)


def write_lines(path: Path, lines, encoding="cp949") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def monthly_lines(months=("2019년01월", "2019년02월"), measures=MEASURES, rows=None, delimiter=","):
    header = ["행정구역"] + [f"{m}_{x}" for m in months for x in measures]
    values = {
        "총인구수": ["342,328", "42,000", "0"], "세대수": ["140,210", "20,000", "0"],
        "세대당 인구": ["2.44", "2.10", "0"], "남자 인구수": ["171,000", "21,000", "0"],
        "여자 인구수": ["171,328", "21,000", "0"], "남여 비율": ["1.00", "1.00", "0"],
    }
    regions = ["세종특별자치시  (3611000000)", "세종특별자치시 조치원읍(3611025000)", "세종특별자치시 다정동(3611058000)"]
    body = rows or [[r] + [values.get(x, ["1", "1", "0"])[i] if (i < 2 or m != months[-1]) else "5" for m in months for x in measures]
                    for i, r in enumerate(regions)]
    return [quoted(header, delimiter)] + [quoted(r, delimiter) for r in body]


@pytest.fixture
def monthly_csv(tmp_path):
    return write_lines(tmp_path / "population_monthly.csv", monthly_lines())


# ---------------------------------------------------------------------------
# textio: 인코딩
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, expected", [("cp949", "cp949"), ("euc-kr", "cp949"),
                                                ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")])
def test_detect_encoding_good(tmp_path, encoding, expected):
    path = write_lines(tmp_path / "a.csv", ['"행정구역","값"', '"세종특별자치시 조치원읍(3611025000)","1"'], encoding)
    assert detect_encoding(path) == expected


@pytest.mark.parametrize("data, found", [
    ('"행정구역"\r\n"조치원읍"'.encode("utf-16"), "UTF-16"),               # BOM 있는 UTF-16
    ('"행정구역"'.encode("utf-16-le"), "0x00"),                             # BOM 없는 UTF-16
    (b"abc,\xff\xfe\xff\r\n", "0xFF"),                                      # 세 인코딩 모두 아님
])
def test_detect_encoding_bad(tmp_path, data, found):
    path = tmp_path / "bad_encoding.csv"
    path.write_bytes(data)
    for reader in (detect_encoding, read_population_monthly, read_population_age):
        with pytest.raises(SejongDataError) as excinfo:
            reader(path)
        assert_error(excinfo, path, "인코딩(encoding)", "UTF-8, UTF-8 BOM, CP949/EUC-KR", found)


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", b"\xef\xbb\xbf\r\n"])
def test_empty_file(tmp_path, data):
    path = tmp_path / "empty.csv"
    path.write_bytes(data)
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "빈 파일(empty file)")


def test_missing_file(tmp_path):
    path = tmp_path / "nothing.csv"
    with pytest.raises(SejongDataError) as excinfo:
        read_table(path, required=["a"])
    assert_error(excinfo, path, "파일이 없습니다")


# ---------------------------------------------------------------------------
# textio: read_table
# ---------------------------------------------------------------------------

def test_read_table_documented_preamble_and_numbers(tmp_path):
    preamble = [quoted([f"□ 안내 문장 {i}"]) for i in range(13)] + ['""', quoted(["계약일자 : 20210101 ~ 20210331"])]
    lines = preamble + [quoted(["시군구", "단지명", "거래금액(만원)", "해제사유발생일"]),
                        quoted(["세종특별자치시 도담동", "도램마을", "56,500", ""]),
                        quoted(["세종특별자치시 보람동", "호려울마을", "1,234,000", "20210315"])]
    path = write_lines(tmp_path / "apt.csv", lines)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        frame, info = read_table(path, required=["시군구", "거래금액(만원)"], preamble=15, numeric=["거래금액(만원)"])
    assert info.encoding == "cp949" and info.header_line == 16 and len(info.skipped_lines) == 15
    assert info.delimiter == "," and info.n_rows == 2
    assert frame["거래금액(만원)"].tolist() == [56500, 1234000]
    assert str(frame["거래금액(만원)"].dtype) == "Int64"
    assert frame["해제사유발생일"].isna().tolist() == [True, False]       # 빈 칸 → 결측값
    assert "cp949" in info.describe()


def test_read_table_undocumented_preamble_warns(tmp_path):
    lines = [quoted(["2024년 인구 통계"]), quoted(["(단위: 명)"])] + monthly_lines()
    path = write_lines(tmp_path / "with_title.csv", lines, "utf-8")
    with pytest.warns(SejongDataWarning, match=r"설명 줄\(preamble\) 2줄"):
        frame, info = read_table(path, required=["행정구역"])
    assert info.header_line == 3 and len(frame) == 3


def test_read_table_header_absent(tmp_path):
    path = write_lines(tmp_path / "no_header.csv", ['"세종특별자치시 조치원읍(3611025000)","42,000"', '"x","1"'])
    with pytest.raises(SejongDataError) as excinfo:
        read_table(path, required=["행정구역"])
    assert_error(excinfo, path, "머리글 줄(header)", "행정구역", "조치원읍")


def test_read_table_missing_required_column(tmp_path):
    path = write_lines(tmp_path / "apt.csv", [quoted(["시군구", "단지명"]), quoted(["세종특별자치시 도담동", "도램마을"])])
    with pytest.raises(SejongDataError) as excinfo:
        read_table(path, required=["시군구", "거래금액(만원)"])
    assert_error(excinfo, path, "필수 열(column)이 없습니다: 거래금액(만원)", "단지명")


@pytest.mark.parametrize("delimiter, name", [(";", "세미콜론(;)"), ("\t", "탭(tab)")])
def test_read_table_wrong_delimiter(tmp_path, delimiter, name):
    path = write_lines(tmp_path / "semi.csv", monthly_lines(delimiter=delimiter))
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "구분자(delimiter)", name, "쉼표(,)")


def test_read_table_other_delimiter_when_asked(tmp_path):
    path = write_lines(tmp_path / "centroids.tsv", ["SERIAL\tADMCD\tX", "0\t3611025000\t1,234"], "utf-8")
    frame, info = read_table(path, required=["ADMCD"], delimiter="\t", numeric=["X"])
    assert frame["ADMCD"].iloc[0] == "3611025000" and frame["X"].iloc[0] == 1234 and info.delimiter == "\t"


def test_read_table_header_only(tmp_path):
    path = write_lines(tmp_path / "header_only.csv", monthly_lines()[:1])
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "데이터 행(row)이 없습니다", "머리글만")


def test_read_table_short_row(tmp_path):
    lines = monthly_lines()
    fields = next(csv.reader([lines[2]]))
    lines[2] = quoted(fields[:5])                                  # 둘째 데이터 행이 잘림
    path = write_lines(tmp_path / "truncated.csv", lines)
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "3번째 줄", "필드 수(field count)", "13개 필드", "5개 필드")


def test_read_table_trailing_delimiter_and_blank_lines(tmp_path):
    path = write_lines(tmp_path / "trailing.csv", ["a,b,", "1,2,", "", "3,4,", ""], "utf-8")
    frame, info = read_table(path, required=["a", "b"], numeric=["a", "b"])
    assert list(frame.columns) == ["a", "b"] and frame["b"].tolist() == [2, 4] and info.blank_lines == 2


def test_read_table_duplicate_columns(tmp_path):
    path = write_lines(tmp_path / "dup.csv", ["a,b,a", "1,2,3"], "utf-8")
    with pytest.raises(SejongDataError) as excinfo:
        read_table(path, required=["a"])
    assert_error(excinfo, path, "중복", "a")


def test_read_table_required_spelling_is_normalised(tmp_path):
    path = write_lines(tmp_path / "spaces.csv", ['"세대당  인구","x"', '"2.3","1"'], "utf-8")
    frame, _ = read_table(path, required=["세대당 인구"], numeric=["세대당 인구"])
    assert frame["세대당 인구"].iloc[0] == pytest.approx(2.3)


def test_to_number():
    values = pd.Series(["1,234", "-.3", "12", None, "1,234.5", " 7 "])
    result = to_number(values, "x")
    assert result.dtype == "float64" and result.iloc[1] == pytest.approx(-0.3) and pd.isna(result.iloc[3])
    assert str(to_number(pd.Series(["1", "2,000"]), "y").dtype) == "Int64"
    with pytest.raises(SejongDataError) as excinfo:
        to_number(pd.Series(["1", "12,34", "abc"]), "z", "f.csv")
    assert "'z'" in str(excinfo.value) and "12,34" in str(excinfo.value) and "f.csv" in str(excinfo.value)


@pytest.mark.parametrize("text, expected", [
    ("2019년01월", "2019-01-01"), ("2019년 1월", "2019-01-01"), ("2021-03", "2021-03-01"),
    ("202103", "2021-03-01"), ("2024. 7. 31.", "2024-07-01"), ("20240731", "2024-07-01"),
    ("2019년13월", None), ("3월", None), (None, None)])
def test_parse_month(text, expected):
    result = parse_month(text)
    assert (result is None) if expected is None else result == pd.Timestamp(expected)


# ---------------------------------------------------------------------------
# 열 이름 사전
# ---------------------------------------------------------------------------

def test_column_map_registry():
    kinds = available_kinds()
    assert {"population_monthly", "population_age", "city_population_xlsx", "boundaries"} <= set(kinds)
    table = column_map("population_monthly")
    assert list(table.columns) == ["원래 열 이름", "english"]
    assert dict(zip(table["원래 열 이름"], table["english"]))["세대당 인구"] == "persons_per_household"
    for kind in kinds:
        english = column_map(kind)["english"]
        assert english.str.fullmatch(r"[a-z][a-z0-9_]*").all(), kind
    with pytest.raises(SejongDataError, match="kind"):
        column_map("nope")


def test_rename_columns_warns_on_unknown():
    frame = pd.DataFrame(columns=["시군구", "거래금액 (만원)", "기타"])
    with pytest.warns(SejongDataWarning, match="기타"):
        renamed = rename_columns(frame, "molit_apt_trade")
    assert list(renamed.columns) == ["sigungu", "price_10k_won", "기타"]


# ---------------------------------------------------------------------------
# 행정안전부 주민등록 인구 (월간)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-8-sig"])
def test_population_monthly_good(tmp_path, encoding):
    path = write_lines(tmp_path / f"pop_{encoding}.csv", monthly_lines(), encoding)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        pop = read_population_monthly(path)
    assert len(pop) == 3 * 2                                        # 행정구역 3 × 달 2
    assert list(pop.columns[:5]) == ["emd_code", "emd_name", "level", "month", "exists"]
    assert {"population", "households", "persons_per_household", "male", "female", "sex_ratio"} <= set(pop.columns)
    assert pd.api.types.is_datetime64_any_dtype(pop["month"])
    assert pop["emd_code"].map(type).eq(str).all()
    city = pop[pop.level == "city"].iloc[0]
    assert (city.emd_code, city.emd_name, city.population) == ("3611000000", "세종특별자치시", 342328)
    jochiwon = pop[pop.emd_name == "조치원읍"]
    assert jochiwon["level"].eq("emd").all() and jochiwon["households"].eq(20000).all()
    assert str(pop["population"].dtype) in ("Int64", "int64")
    assert pop["persons_per_household"].dtype == "float64"
    dajeong = pop[pop.emd_name == "다정동"].set_index("month")
    assert not dajeong.loc["2019-01-01", "exists"] and dajeong.loc["2019-01-01", "population"] == 0
    assert dajeong.loc["2019-02-01", "exists"] and dajeong.loc["2019-02-01", "population"] == 5


def test_population_monthly_some_measures(tmp_path):
    path = write_lines(tmp_path / "pop_two.csv", monthly_lines(measures=["총인구수", "세대수"]))
    pop = read_population_monthly(path)
    assert [c for c in pop.columns if c not in ("emd_code", "emd_name", "level", "month", "exists")] == \
        ["population", "households"]


def test_population_monthly_requires_population(tmp_path):
    path = write_lines(tmp_path / "pop_no_total.csv", monthly_lines(measures=["세대수", "남자 인구수"]))
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "필수 열(column)이 없습니다", "2019년01월_총인구수", "2019년01월_세대수")


def test_population_monthly_region_without_code(tmp_path):
    lines = monthly_lines()
    lines[2] = lines[2].replace("(3611025000)", "")
    path = write_lines(tmp_path / "pop_nocode.csv", lines)
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "10자리 행정기관코드", "세종특별자치시 조치원읍", "데이터 2번째 행")


def test_population_monthly_non_numeric(tmp_path):
    lines = monthly_lines()
    lines[2] = lines[2].replace('"42,000"', '"1,2x3"', 1)
    path = write_lines(tmp_path / "pop_bad_number.csv", lines)
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "2019년01월_총인구수", "1,2x3", "숫자가 아닌 값")


def test_population_monthly_blank_count(tmp_path):
    lines = monthly_lines()
    lines[2] = lines[2].replace('"42,000"', '""', 1)
    path = write_lines(tmp_path / "pop_blank.csv", lines)
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "빈 값", "2019년01월_총인구수", "조치원읍")


@pytest.mark.parametrize("month, needle", [("2019년13월", "1~12"), ("2019-01", "해석할 수 없습니다")])
def test_population_monthly_bad_month_header(tmp_path, month, needle):
    path = write_lines(tmp_path / "pop_bad_month.csv", monthly_lines(months=("2019년01월", month)))
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, needle, month)


def test_population_monthly_unknown_measure(tmp_path):
    path = write_lines(tmp_path / "pop_unknown.csv", monthly_lines(measures=["총인구수", "외국인수"]))
    with pytest.raises(SejongDataError) as excinfo:
        read_population_monthly(path)
    assert_error(excinfo, path, "2019년01월_외국인수", "세대당 인구")


def test_population_monthly_extra_title_lines(tmp_path):
    lines = [quoted(["주민등록 인구 및 세대현황"]), ""] + monthly_lines()
    path = write_lines(tmp_path / "pop_title.csv", lines)
    with pytest.warns(SejongDataWarning, match="2줄"):
        pop = read_population_monthly(path)
    assert len(pop) == 6


# ---------------------------------------------------------------------------
# 행정안전부 연령별 인구
# ---------------------------------------------------------------------------

BANDS = [f"{a}~{a + 9}세" for a in range(0, 100, 10)] + ["100세 이상"]


def age_lines(break_sum=False):
    header = ["행정구역"]
    for sex in ("계", "남", "여"):
        header += [f"2019년12월_{sex}_총인구수", f"2019년12월_{sex}_연령구간인구수"] + [f"2019년12월_{sex}_{b}" for b in BANDS]
    rows = []
    for region, base in (("세종특별자치시  (3611000000)", 300), ("세종특별자치시 조치원읍(3611025000)", 100)):
        male = [base + i for i in range(11)]
        female = [base + 2 * i for i in range(11)]
        total = [m + f for m, f in zip(male, female)]
        row = [region]
        for bands in (total, male, female):
            row += [f"{sum(bands):,}", f"{sum(bands) + (7 if break_sum and bands is male else 0):,}"] + [f"{v:,}" for v in bands]
        rows.append(row)
    return [quoted(header)] + [quoted(r) for r in rows]


def test_population_age_good(tmp_path):
    path = write_lines(tmp_path / "age.csv", age_lines())
    age = read_population_age(path)
    assert len(age) == 2 * 3 * 11
    assert list(age.columns) == ["emd_code", "emd_name", "level", "month", "sex", "age_band", "population"]
    assert age["age_band"].cat.ordered and list(age["age_band"].cat.categories) == BANDS
    assert set(age["sex"]) == {"total", "male", "female"}
    one = age[(age.emd_name == "조치원읍") & (age.sex == "male")]
    assert one["population"].sum() == sum(100 + i for i in range(11))
    assert one.sort_values("age_band")["age_band"].iloc[-1] == "100세 이상"


def test_population_age_sum_mismatch(tmp_path):
    path = write_lines(tmp_path / "age_bad.csv", age_lines(break_sum=True))
    with pytest.raises(SejongDataError) as excinfo:
        read_population_age(path)
    assert_error(excinfo, path, "연령구간인구수", "male", "세종특별자치시 조치원읍(3611025000)")


# ---------------------------------------------------------------------------
# 세종시 월별 인구 현황 엑셀 (합성 파일)
# ---------------------------------------------------------------------------

def write_city_sheet(ws, year, month, units, footnote="1) 가람동 포함  2) 집현동, 다솜동, 합강동 포함", total=None):
    """실제 배포 파일과 같은 모양의 시트: 제목, 작성기준, 3줄 병합 머리글, 계, 읍면동, 각주."""
    ws["B2"] = f"{year}년 {month}월 세종특별자치시 인구 현황"
    ws.merge_cells("B2:T2")
    ws["B4"] = f"작성기준 : {year}. {month}. 30. "
    ws["T4"] = "(단위 : 명, 세대)"
    ws["B5"] = "구         분"
    ws.merge_cells("B5:B7")
    ws["Q5"], ws["S5"], ws["T5"] = "세  대  수", "세대당\n인   구", "비      고"
    ws["C6"], ws["D6"], ws["E6"], ws["L6"] = "전체인구\n(내국인+\n외국인)", "지역별\n전체인구\n비율", "내  국  인", "외국인"
    ws["Q6"], ws["R6"] = "세대수\n(외국인제외)", "전월대비\n증   감"
    for cell, text in zip("EFGHIJKLMNOP", ["내국인 계", "지역별\n내국인 비율", "전월대비\n증   감", "남", "구성비(남)\n(%)",
                                           "여", "구성비(여)\n(%)", "외국인 계", "지역별\n외국인 비율", "전월대비\n증   감",
                                           "외국인 남", "외국인 여"]):
        ws[f"{cell}7"] = text
    for rng in ("C6:C7", "D6:D7", "E5:K5", "E6:K6", "L6:P6", "Q5:R5", "Q6:Q7", "R6:R7", "S5:S7", "T5:T7"):
        ws.merge_cells(rng)
    rows = [("계", *(total or [sum(u[i] for u in units.values()) for i in range(6)]), 2.4)] + \
           [(name, *vals, 2.5) for name, vals in units.items()]
    for r, (name, tot, kor, male, female, foreign, hh, pph) in enumerate(rows, start=8):
        ws.cell(r, 2, name)
        for col, value in zip((3, 5, 8, 10, 12, 17, 19), (tot, kor, male, female, foreign, hh, pph)):
            ws.cell(r, col, value)
        ws.cell(r, 7, "#REF!")                      # 쓰지 않는 열의 깨진 수식 값은 무시해야 함
    if footnote:
        ws.cell(8 + len(rows) + 1, 2, footnote)


UNITS = {"조치원읍": (100, 90, 45, 45, 10, 50), "한솔동1)": (200, 190, 95, 95, 10, 80),
         "반곡동2)": (300, 290, 145, 145, 10, 120)}


def make_city_xlsx(path: Path, sheets=(("24년 7월", 2024, 7), ("24년 6월", 2024, 6)), units=UNITS,
                   extra_sheet=True, **kwargs) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, year, month in sheets:
        write_city_sheet(workbook.create_sheet(title), year, month, units, **kwargs)
    if extra_sheet:
        workbook.create_sheet("Sheet1")["B3"] = "계"
    workbook.save(path)
    return path


def test_city_xlsx_good(tmp_path):
    path = make_city_xlsx(tmp_path / "city.xlsx")
    with pytest.warns(SejongDataWarning, match="Sheet1"):
        pop = read_city_population_xlsx(path)
    assert len(pop) == 2 * 4
    assert list(pop.columns) == ["emd_code", "emd_name", "level", "month", "population_total", "population_korean",
                                 "male", "female", "population_foreign", "households", "persons_per_household",
                                 "note", "sheet"]
    july = pop[pop.month == "2024-07-01"].set_index("emd_name")
    assert july.loc["세종특별자치시", "population_total"] == 600 and july.loc["세종특별자치시", "level"] == "city"
    assert july.loc["한솔동", "emd_code"] == "3611051000" and july.loc["한솔동", "note"] == "가람동 포함"
    assert july.loc["반곡동", "note"] == "집현동, 다솜동, 합강동 포함" and pd.isna(july.loc["조치원읍", "note"])
    assert july.loc["반곡동", "households"] == 120 and july.loc["반곡동", "persons_per_household"] == 2.5
    assert str(pop["population_total"].dtype) == "Int64"
    assert pop["month"].min() == pd.Timestamp("2024-06-01")


def test_city_xlsx_one_sheet_no_warning(tmp_path):
    path = make_city_xlsx(tmp_path / "city.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        pop = read_city_population_xlsx(path, sheet="24년 6월")
    assert set(pop["sheet"]) == {"24년 6월"} and len(pop) == 4


def test_city_xlsx_unknown_unit(tmp_path):
    path = make_city_xlsx(tmp_path / "city_unknown.xlsx", units={**UNITS, "세종동": (1, 1, 1, 0, 0, 1)})
    with pytest.raises(SejongDataError) as excinfo:
        read_city_population_xlsx(path, sheet="24년 7월")
    assert_error(excinfo, path, "코드표에 없는 읍면동 이름", "세종동", "24년 7월")


def test_city_xlsx_bad_value_and_skip(tmp_path):
    path = make_city_xlsx(tmp_path / "city_ref.xlsx", sheets=(("24년 7월", 2024, 7),), extra_sheet=False)
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook["24년 7월"]["E9"] = "#REF!"
    workbook.save(path)
    with pytest.raises(SejongDataError) as excinfo:
        read_city_population_xlsx(path)
    assert_error(excinfo, path, "E9", "#REF!", "내국인 계", "skip_bad_sheets")
    with pytest.raises(SejongDataError, match="하나도 읽지 못했습니다"), pytest.warns(SejongDataWarning):
        read_city_population_xlsx(path, skip_bad_sheets=True)


def test_city_xlsx_total_mismatch_and_missing_footnote(tmp_path):
    path = make_city_xlsx(tmp_path / "city_sum.xlsx", sheets=(("24년 7월", 2024, 7),), extra_sheet=False,
                          footnote=None, total=[999, 570, 285, 285, 30, 250])
    with pytest.warns(SejongDataWarning) as record:
        pop = read_city_population_xlsx(path)
    text = " ".join(str(w.message) for w in record)
    assert "읍면동 합 600 ≠ 계 999" in text and "각주" in text
    assert pop["note"].isna().all()


def test_city_xlsx_duplicate_months(tmp_path):
    path = make_city_xlsx(tmp_path / "city_dup.xlsx", sheets=(("23년 9월", 2023, 9), ("23년 9월 (2)", 2023, 9)),
                          extra_sheet=False)
    with pytest.raises(SejongDataError) as excinfo:
        read_city_population_xlsx(path)
    assert_error(excinfo, path, "2023-09", "23년 9월 (2)")


def test_city_xlsx_formula_without_cached_value(tmp_path):
    path = make_city_xlsx(tmp_path / "city_formula.xlsx", sheets=(("24년 7월", 2024, 7),), extra_sheet=False)
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook["24년 7월"]["C9"] = "=E9+L9"                 # openpyxl 은 계산값을 저장하지 않음
    workbook.save(path)
    with pytest.warns(SejongDataWarning, match="빈 칸 1개"):
        pop = read_city_population_xlsx(path)
    assert pop["population_total"].isna().sum() == 1


@pytest.mark.parametrize("content, needle", [(b"", "빈 파일(empty file)"), (b"a,b\n1,2\n", "엑셀 파일(xlsx)로 열 수 없습니다")])
def test_city_xlsx_not_excel(tmp_path, content, needle):
    path = tmp_path / "not_excel.xlsx"
    path.write_bytes(content)
    with pytest.raises(SejongDataError) as excinfo:
        read_city_population_xlsx(path)
    assert_error(excinfo, path, needle)


def test_city_xlsx_missing_sheet(tmp_path):
    path = make_city_xlsx(tmp_path / "city.xlsx")
    with pytest.raises(SejongDataError) as excinfo:
        read_city_population_xlsx(path, sheet="24년 8월")
    assert_error(excinfo, path, "24년 8월", "24년 7월")
    with pytest.raises(SejongDataError) as excinfo:
        read_city_population_xlsx(path, sheet="Sheet1")
    assert_error(excinfo, path, "'구분' 머리글")


# ---------------------------------------------------------------------------
# 행정동 경계 GeoJSON (합성 파일)
# ---------------------------------------------------------------------------

def feature(name, code, coords, **extra):
    props = {"adm_nm": f"세종특별자치시 세종시 {name}", "adm_cd": "2901011", "adm_cd2": code,
             "sgg": "36110", "sido": code[:2], "sidonm": "세종특별자치시", "sggnm": "세종시", **extra}
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [coords]}}


SQUARE = [[127.25, 36.48], [127.26, 36.48], [127.26, 36.49], [127.25, 36.49], [127.25, 36.48]]
BOWTIE = [[127.25, 36.50], [127.26, 36.51], [127.26, 36.50], [127.25, 36.51], [127.25, 36.50]]


def write_geojson(path: Path, features) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_boundaries_schematic(tmp_path):
    path = write_geojson(tmp_path / "schematic.geojson", [
        feature("한솔동", "3611051000", SQUARE, schematic=True),
        feature("조치원읍", "3611025000", [[x + 0.1, y] for x, y in SQUARE], schematic=True)])
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        gdf = read_boundaries(path)
    assert list(gdf.columns) == ["emd_code", "emd_name", "schematic", "in_sejong", "geometry"]
    assert gdf["schematic"].all() and gdf["in_sejong"].all() and gdf.crs.to_epsg() == 4326
    assert gdf["emd_name"].tolist() == ["한솔동", "조치원읍"] and gdf["emd_code"].iloc[0] == "3611051000"


def test_boundaries_missing_property(tmp_path):
    bad = feature("한솔동", "3611051000", SQUARE)
    del bad["properties"]["adm_cd2"]
    path = write_geojson(tmp_path / "no_code.geojson", [bad])
    with pytest.raises(SejongDataError) as excinfo:
        read_boundaries(path)
    assert_error(excinfo, path, "필수 속성(property)이 없습니다: adm_cd2", "adm_nm", "sggnm")


def test_boundaries_invalid_geometry_fixed(tmp_path):
    path = write_geojson(tmp_path / "bowtie.geojson", [feature("한솔동", "3611051000", SQUARE),
                                                      feature("도담동", "3611052000", BOWTIE)])
    with pytest.warns(SejongDataWarning, match=r"잘못된 도형\(invalid geometry\) 1개"):
        gdf = read_boundaries(path)
    assert gdf.geometry.is_valid.all() and len(gdf) == 2 and not gdf["schematic"].any()


def test_boundaries_outside_sejong_kept(tmp_path):
    path = write_geojson(tmp_path / "mixed.geojson", [feature("한솔동", "3611051000", SQUARE),
                                                     feature("유성구", "3020000000", SQUARE)])
    with pytest.warns(SejongDataWarning, match="1개"):
        gdf = read_boundaries(path)
    assert len(gdf) == 2 and gdf["in_sejong"].tolist() == [True, False]


@pytest.mark.parametrize("content, needle", [("", "빈 파일"), ("{not json", "GeoJSON")])
def test_boundaries_broken_file(tmp_path, content, needle):
    path = tmp_path / "broken.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SejongDataError) as excinfo:
        read_boundaries(path)
    assert_error(excinfo, path, needle)


def test_boundaries_bad_code(tmp_path):
    path = write_geojson(tmp_path / "short_code.geojson", [feature("한솔동", "36110510", SQUARE)])
    with pytest.raises(SejongDataError) as excinfo:
        read_boundaries(path)
    assert_error(excinfo, path, "10자리", "36110510")


# ---------------------------------------------------------------------------
# 이 책의 정돈된 파일 (작은 고정 파일)
# ---------------------------------------------------------------------------

def test_read_emd_master_fixture(tmp_path):
    path = write_lines(tmp_path / "emd_master.csv", [
        "emd_code,emd_name,emd_type,lifezone,subzone,lat,lon,established,parent_code,first_month,pop_2024_07",
        "3611025000,조치원읍,읍,읍면지역,,36.6076,127.2855,,,,42154",
        "3611058000,다정동,동,2생활권,2-1,36.4940,127.2468,2020-08-14,3611051500,2020-08,28312"], "utf-8")
    emd = read_emd_master(path)
    assert emd["emd_code"].tolist() == ["3611025000", "3611058000"] and emd["emd_code"].map(type).eq(str).all()
    assert pd.isna(emd["established"].iloc[0]) and emd["established"].iloc[1] == pd.Timestamp("2020-08-14")
    assert pd.isna(emd["parent_code"].iloc[0]) and emd["parent_code"].iloc[1] == "3611051500"
    assert emd["first_month"].iloc[1] == pd.Timestamp("2020-08-01")
    assert str(emd["pop_2024_07"].dtype) == "Int64" and emd["lat"].dtype == "float64"


def test_read_apartments_fixture_and_bad_code(tmp_path):
    header = "complex_id,village,complex_name,emd_code,lat,lon,households,completion_ym,share_small,share_mid,share_large,floors_max"
    path = write_lines(tmp_path / "apartment_complexes.csv", [
        header, "A001,첫마을,첫마을1단지,3611051000,36.48,127.25,\"1,582\",2011-12,0.2,0.7,0.1,20"], "utf-8")
    apt = read_apartments(path)
    assert apt["completion_ym"].iloc[0] == pd.Timestamp("2011-12-01") and apt["households"].iloc[0] == 1582
    bad = write_lines(tmp_path / "bad_apartments.csv", [
        header, "A001,첫마을,첫마을1단지,361105100,36.48,127.25,1582,2011-12,0.2,0.7,0.1,20"], "utf-8")
    with pytest.raises(SejongDataError) as excinfo:
        read_apartments(bad)
    assert_error(excinfo, bad, "emd_code", "361105100", "10자리")


def test_read_places_fixture_missing_column(tmp_path):
    path = write_lines(tmp_path / "places.csv", [
        "place_id,name,category,lat,lon,emd_code,lifezone", "P01,정부세종청사,행정,36.50,127.26,3611052300,1생활권"],
        "utf-8")
    assert read_places(path)["emd_code"].iloc[0] == "3611052300"
    bad = write_lines(tmp_path / "places_bad.csv", ["place_id,name,category,lat,lon,emd_code", "P01,a,b,1,2,3611052300"],
                      "utf-8")
    with pytest.raises(SejongDataError) as excinfo:
        read_places(bad)
    assert_error(excinfo, bad, "필수 열(column)이 없습니다: lifezone")


# ---------------------------------------------------------------------------
# 실제 공개 파일 (../shared/realdata, 없으면 건너뜀)
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_city_population():
    path = real_file("sejong_population_by_emd_2024.xlsx")
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        pop = read_city_population_xlsx(path, skip_bad_sheets=True)
    return path, pop, [str(w.message) for w in record]


def test_real_city_xlsx_strict_default_names_broken_sheet():
    path = real_file("sejong_population_by_emd_2024.xlsx")
    with pytest.raises(SejongDataError) as excinfo, warnings.catch_warnings():
        warnings.simplefilter("ignore", SejongDataWarning)
        read_city_population_xlsx(path)
    # '23년 9월 (2)' 시트는 '계'와 9개 읍면 행 자리에 1~9월 시 합계(이름 칸이 숫자 9…1)가 들어 있습니다.
    assert_error(excinfo, path, "23년 9월 (2)", "코드표에 없는 읍면동 이름", "skip_bad_sheets")


def test_real_city_xlsx(real_city_population):
    _path, pop, messages = real_city_population
    assert pop["month"].nunique() == 7                              # 2024-01 … 2024-07 (깨진 2023-09 시트 제외)
    assert pop["month"].min() == pd.Timestamp("2024-01-01") and pop["month"].max() == pd.Timestamp("2024-07-01")
    assert any("Sheet1" in m for m in messages) and any("23년 9월 (2)" in m for m in messages)
    assert not any("읍면동 합" in m for m in messages)              # 모든 달에 '계' = 읍면동 합
    july = pop[pop.month == "2024-07-01"]
    city = july[july.level == "city"].iloc[0]
    assert city.population_total == 394_630 and city.population_korean == 388_788 and city.population_foreign == 5_842
    units = july[july.level == "emd"]
    assert len(units) == 24 and units["emd_code"].str.fullmatch(r"3611\d{6}").all()
    assert units["population_total"].sum() == 394_630
    assert units.set_index("emd_name").loc["반곡동", "note"] == "집현동, 다솜동, 합강동 포함"
    assert units.set_index("emd_name").loc["조치원읍", "population_total"] == 42_154


def test_real_city_xlsx_single_sheet():
    path = real_file("sejong_population_by_emd_2024.xlsx")
    pop = read_city_population_xlsx(path, sheet="24년 1월")
    assert len(pop) == 25 and pop.set_index("emd_name").loc["해밀동", "note"] == "산울동 포함"


def test_real_boundaries():
    gdf = read_boundaries(real_file("sejong_hangjeongdong_2021.geojson"))
    assert len(gdf) == 20 and gdf["emd_code"].str.fullmatch(r"\d{10}").all()
    assert gdf["in_sejong"].all() and not gdf["schematic"].any() and gdf.crs.to_epsg() == 4326
    assert "조치원읍" in set(gdf["emd_name"]) and "반곡동" not in set(gdf["emd_name"])
    assert set(gdf.geom_type) == {"MultiPolygon"}


def test_real_molit_with_read_table():
    path = real_file("molit_apt_trade_guro_2021q1.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        frame, info = read_table(path, required=["시군구", "단지명", "거래금액(만원)"], preamble=15,
                                 numeric=["거래금액(만원)", "전용면적(㎡)"])
    assert info.encoding == "cp949" and info.header_line == 16 and len(frame) == 811
    assert frame["거래금액(만원)"].iloc[0] == 56_500 and frame["본번"].iloc[0] == "0139"


def test_real_asos_with_read_table():
    path = real_file("asos_hourly_seoul108_2014.csv")
    frame, info = read_table(path, required=["지점", "일시", "기온(°C)"], numeric=["기온(°C)", "지면온도(°C)", "강수량(mm)"])
    assert info.encoding == "cp949" and len(frame) == 8760
    assert frame["지면온도(°C)"].iloc[0] == pytest.approx(-0.3) and frame["강수량(mm)"].isna().iloc[0]


# ---------------------------------------------------------------------------
# 생성된 데이터 (datasets/, 아직 없으면 건너뜀)
# ---------------------------------------------------------------------------

def test_generated_population_monthly():
    pop = read_population_monthly(dataset_file("population_emd_monthly.csv"))
    assert (pop["level"] == "city").any() and pop["emd_code"].str.fullmatch(r"\d{10}").all()
    assert pop.groupby("month")["emd_code"].count().nunique() == 1


def test_generated_emd_master():
    emd = read_emd_master(dataset_file("emd_master.csv"))
    assert len(emd) == 24 and emd["emd_code"].str.fullmatch(r"3611\d{6}").all()


def test_generated_places_and_apartments():
    places = read_places(dataset_file("places.csv"))
    apartments = read_apartments(dataset_file("apartment_complexes.csv"))
    assert len(places) > 0 and len(apartments) > 0
    assert pd.api.types.is_datetime64_any_dtype(apartments["completion_ym"])
