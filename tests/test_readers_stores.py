"""상가(상권)정보 리더(sejongdata/readers/stores.py) 시험.

좋은 파일과 나쁜 파일은 모두 테스트 안에서 tmp_path 에 만듭니다. 생성된 모의 파일(datasets/)이나 실제
공개 파일(../shared/realdata)이 없으면 그 테스트는 건너뜁니다(skip).
"""
from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO_ROOT, assert_error, realdata_dir

from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import STORE_COLUMNS, column_map, read_stores

pytestmark = pytest.mark.chapter("05", "06", "07")

HEADER = ["상가업소번호", "상호명", "지점명", "상권업종대분류코드", "상권업종대분류명", "상권업종중분류코드",
          "상권업종중분류명", "상권업종소분류코드", "상권업종소분류명", "표준산업분류코드", "표준산업분류명",
          "시도코드", "시도명", "시군구코드", "시군구명", "행정동코드", "행정동명", "법정동코드", "법정동명",
          "지번코드", "대지구분코드", "대지구분명", "지번본번지", "지번부번지", "지번주소", "도로명코드", "도로명",
          "건물본번지", "건물부번지", "건물관리번호", "건물명", "도로명주소", "구우편번호", "신우편번호", "동정보",
          "층정보", "호정보", "경도", "위도"]
SEJONG = "세종특별자치시"


def store(sid, name, codes=("I2", "음식", "I201", "한식", "I20101", "백반/한정식"), emd=("3611052000", "도담동"),
          lon="127.263451", lat="36.515623", branch="", floor="1", zip_new="30098"):
    """한 행 (39열). 코드 열은 실제 파일처럼 글자 그대로."""
    big, big_name, mid, mid_name, small, small_name = codes
    return [sid, name, branch, big, big_name, mid, mid_name, small, small_name, "I56111", "한식 일반 음식점업",
            "36", SEJONG, "36110", SEJONG, emd[0], emd[1], "3611011400", "도담동", "3611011400105730000", "1",
            "대지", "573", "", f"{SEJONG} 도담동 573", "361104193023", f"{SEJONG} 도움3로", "105", "",
            "3611011400105730000000123", "도램프라자", f"{SEJONG} 도움3로 105", "339010", zip_new, "", floor, "",
            lon, lat]


def good_rows():
    return [store("MA010120220800012345", "한빛식당"),
            store("MA010120220800012346", "하루25", ("G2", "소매", "G204", "종합 소매", "G20405", "편의점"),
                  branch="세종도담점", floor=""),
            store("MA010120231100000077", "별빛커피", ("I2", "음식", "I212", "비알코올", "I21201", "카페"),
                  emd=("3611025000", "조치원읍"), lon="127.296021", lat="36.601302")]


def write_csv(path: Path, rows, header=HEADER, encoding="utf-8", delimiter=",") -> Path:
    """CSV 를 씁니다 (값에 구분자가 있을 때만 따옴표; 실제 내려받기와 같음)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read_quietly(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        return read_stores(path)


def messages(record) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, SejongDataWarning)]


# ---------------------------------------------------------------------------
# 좋은 파일
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_good_file_in_each_encoding(tmp_path, encoding):
    stores = read_quietly(write_csv(tmp_path / f"stores_{encoding}.csv", good_rows(), encoding=encoding))
    assert list(stores.columns) == STORE_COLUMNS + ["has_coords", "in_sejong"]
    assert stores["store_id"].tolist() == ["MA010120220800012345", "MA010120220800012346", "MA010120231100000077"]
    assert stores["name"].tolist() == ["한빛식당", "하루25", "별빛커피"]                 # BOM·CP949 도 한글 그대로
    assert stores["scls_name"].tolist() == ["백반/한정식", "편의점", "카페"]
    assert stores["emd_code"].tolist() == ["3611052000", "3611052000", "3611025000"]
    assert stores["lon"].dtype == "float64" and stores["lon"].iloc[0] == pytest.approx(127.263451)
    assert stores["lat"].iloc[2] == pytest.approx(36.601302)
    assert str(stores["lot_main_no"].dtype) == "Int64" and stores["lot_main_no"].iloc[0] == 573
    assert pd.isna(stores["lot_sub_no"].iloc[0]) and pd.isna(stores["branch"].iloc[0])
    assert stores["branch"].iloc[1] == "세종도담점" and pd.isna(stores["floor"].iloc[1])
    assert stores["building_id"].iloc[0] == "3611011400105730000000123"              # 25자리 글자 그대로
    assert stores["has_coords"].all() and stores["in_sejong"].all()


def test_codes_keep_leading_zeros_and_other_sido_warns(tmp_path):
    rows = good_rows() + [store("MA010120220800099999", "강남식당", emd=("1168064000", "역삼1동"),
                                lon="127.0366", lat="37.5001", zip_new="06236")]
    rows[-1][11:15] = ["11", "서울특별시", "11680", "강남구"]
    with pytest.warns(SejongDataWarning) as record:
        stores = read_stores(write_csv(tmp_path / "mixed.csv", rows))
    assert stores["zip_code"].iloc[3] == "06236" and stores["sido_code"].iloc[3] == "11"
    assert stores["in_sejong"].tolist() == [True, True, True, False] and len(stores) == 4
    text = " | ".join(messages(record))
    assert "시도코드가 36(세종)이 아닌 행이 1개" in text and "in_sejong=False" in text and "MA010120220800099999" in text


def test_missing_and_outside_coordinates_are_flagged_not_dropped(tmp_path):
    rows = good_rows() + [store("MA010120220800000001", "좌표없음", lon="", lat=""),
                          store("MA010120220800000002", "뒤바뀜", lon="36.50", lat="127.26"),
                          store("MA010120220800000003", "영점", lon="0", lat="0")]
    with pytest.warns(SejongDataWarning) as record:
        stores = read_stores(write_csv(tmp_path / "coords.csv", rows))
    assert len(stores) == 6
    assert stores["has_coords"].tolist() == [True, True, True, False, True, True]
    assert stores["in_sejong"].tolist() == [True, True, True, False, False, False]
    flagged = [m for m in messages(record) if "in_sejong=False" in m]
    assert len(flagged) == 1
    assert "경도·위도가 빈 행 1개" in flagged[0] and "밖의 행 2개" in flagged[0] and "뒤바뀐 것으로 보이는 행 1개" in flagged[0]
    assert "coords.csv" in flagged[0]


def test_required_columns_only_in_any_order(tmp_path):
    header = ["위도", "경도", "행정동코드", "상권업종소분류코드", "상권업종중분류코드", "상권업종대분류코드", "상호명",
              "상가업소번호", "비고"]
    rows = [["36.5156", "127.2634", "3611052000", "I20101", "I201", "I2", "한빛식당", "MA010120220800012345", "메모"]]
    stores = read_quietly(write_csv(tmp_path / "short.csv", rows, header=header))
    assert stores.columns[-1] == "비고" and stores["비고"].iloc[0] == "메모"
    assert stores[["branch", "ksic_code", "road_address", "floor"]].isna().all().all()
    assert str(stores["building_main_no"].dtype) == "Int64" and stores["lat"].iloc[0] == pytest.approx(36.5156)


def test_old_classification_and_eight_digit_codes_warn(tmp_path):
    rows = [store("17163092", "옛날식당", ("Q", "음식", "Q01", "한식", "Q01A01", "한식/백반/한정식"), emd=("36110520", "도담동")),
            store("MA010120220800012346", "어긋남", ("I2", "음식", "G204", "종합 소매", "I20101", "백반/한정식"))]
    with pytest.warns(SejongDataWarning) as record:
        stores = read_stores(write_csv(tmp_path / "old.csv", rows))
    text = " | ".join(messages(record))
    assert stores["emd_code"].tolist() == ["3611052000", "3611052000"]
    assert "8자리인 행 1개" in text and "36110520" in text
    assert "개편 전 모양" in text and "2023년 개편 분류" in text
    assert "앞자리가 서로 맞지 않는 행이 1개" in text and "I2/G204/I20101" in text


def test_column_map_is_registered():
    table = column_map("stores")
    assert len(table) == 39 and table["english"].is_unique
    assert table.set_index("원래 열 이름")["english"]["상가업소번호"] == "store_id"


# ---------------------------------------------------------------------------
# 나쁜 파일: 저마다 분명한 오류 하나
# ---------------------------------------------------------------------------
def test_bad_missing_required_column(tmp_path):
    header = [h for h in HEADER if h != "위도"]
    path = write_csv(tmp_path / "no_lat.csv", [r[:-1] for r in good_rows()], header=header)
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "필수 열(column)이 없습니다: 위도", "상가업소번호")


def test_bad_other_portal_file(tmp_path):
    header = ["대여소 번호", "대여소 아이디", "대여소 이름", "사용유무", "위도", "경도"]
    path = write_csv(tmp_path / "eoulling_stations.csv", [["1", "SJ_00001", "도담동_중심상가", "Y", "127.26", "36.51"]],
                     header=header, encoding="cp949")
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "상가(상권)정보 파일이 아닙니다", "상가업소번호", "대여소 번호")


def test_bad_non_numeric_longitude(tmp_path):
    rows = good_rows()
    rows[1][-2] = "동경127.26"
    path = write_csv(tmp_path / "bad_lon.csv", rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "'경도'", "숫자가 아닌 값", "동경127.26")


def test_bad_duplicate_store_id(tmp_path):
    rows = good_rows()
    rows[2][0] = rows[0][0]
    path = write_csv(tmp_path / "dup.csv", rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "같은 상가업소번호(duplicate store id)", "MA010120220800012345", "2개 행")


def test_bad_blank_store_id(tmp_path):
    rows = good_rows()
    rows[1][0] = ""
    path = write_csv(tmp_path / "blank_id.csv", rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "'상가업소번호' 가 빈 행이 1개", "데이터 2번째 행")


def test_bad_emd_code_mangled_by_excel(tmp_path):
    rows = good_rows()
    rows[0][15] = "3.61105E+09"
    path = write_csv(tmp_path / "excel.csv", rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "'행정동코드' 에 10자리 코드가 아닌 값이 1개", "3.61105E+09", "엑셀")


def test_bad_delimiter(tmp_path):
    path = write_csv(tmp_path / "tabs.csv", good_rows(), delimiter="\t")
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "구분자(delimiter)", "탭(tab)", "쉼표(,)")


def test_bad_truncated_file(tmp_path):
    path = write_csv(tmp_path / "cut.csv", good_rows())
    path.write_bytes(path.read_bytes()[:-60])                  # 마지막 행이 중간에 끊김
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "필드 수(field count)", "39개 필드")


def test_bad_non_integer_lot_number(tmp_path):
    rows = good_rows()
    rows[0][22] = "573.5"
    path = write_csv(tmp_path / "lot.csv", rows)
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "'지번본번지' 에 정수가 아닌 값이 1개", "573.5")


def test_bad_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(SejongDataError) as excinfo:
        read_stores(path)
    assert_error(excinfo, path, "빈 파일(empty file)")


# ---------------------------------------------------------------------------
# 이 책의 모의 파일과 실제 파일
# ---------------------------------------------------------------------------
def test_reads_committed_dataset_without_warnings():
    path = REPO_ROOT / "datasets" / "stores_sejong.csv"
    if not path.exists():
        pytest.skip("생성된 데이터 파일이 아직 없습니다: datasets/stores_sejong.csv ('make data' 뒤에 다시 실행)")
    stores = read_quietly(path)
    assert len(stores) > 12_000 and stores["store_id"].is_unique
    assert stores["in_sejong"].all() and stores["lcls_code"].str.fullmatch(r"[A-Z]\d").all()
    assert stores["emd_code"].str.fullmatch(r"\d{10}").all() and stores["sido_code"].eq("36").all()
    assert read_stores().equals(stores)                         # 경로를 주지 않으면 같은 파일


def test_real_file_if_present():
    folder = realdata_dir()
    found = sorted(folder.glob("*상가*정보*세종*.csv")) if folder else []
    if not found:
        pytest.skip("실제 상가(상권)정보 세종 파일이 ../shared/realdata 에 없어 건너뜁니다")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SejongDataWarning)
        stores = read_stores(found[0])
    assert len(stores) > 1000 and stores["store_id"].is_unique and stores["in_sejong"].mean() > 0.99
