"""6장 리더: 개별공시지가, 건축물대장 표제부, 아파트(전월세) — 좋은 파일과 잘못된 파일 (오류 하나, 파일·기대·찾은 것)."""
from __future__ import annotations

import pytest

from conftest import assert_error
from sejongdata import data_path
from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import read_building_titles, read_land_prices, read_molit_apt_rents

pytestmark = pytest.mark.chapter("06")

LAND = ["고유번호", "법정동코드", "법정동명", "특수지구분코드", "특수지구분명", "지번", "기준연도", "기준월", "공시지가",
        "공시일자", "표준지여부", "데이터기준일자"]
LAND_ROW = {"고유번호": "3611011000105910000", "법정동코드": "3611011000", "법정동명": "세종특별자치시 어진동",
            "특수지구분코드": "1", "특수지구분명": "일반", "지번": "591", "기준연도": "2021", "기준월": "01",
            "공시지가": "1,234,000", "공시일자": "20210531", "표준지여부": "N", "데이터기준일자": "20210601"}
TITLE = ["관리_건축물대장_PK", "대지_위치", "건물_명", "동_명", "대지_면적(㎡)", "연면적(㎡)", "주_용도_코드_명",
         "세대_수(세대)", "지상_층_수", "사용승인_일"]
TITLE_ROW = {"관리_건축물대장_PK": "36110-1", "대지_위치": "세종특별자치시 어진동 591번지", "건물_명": "한뜰마을 4단지",
             "동_명": "101동", "대지_면적(㎡)": "40000.5", "연면적(㎡)": "10080", "주_용도_코드_명": "공동주택",
             "세대_수(세대)": "90", "지상_층_수": "25", "사용승인_일": "20141226"}
RENT = ["시군구", "번지", "본번", "부번", "단지명", "전월세구분", "전용면적(㎡)", "계약년월", "계약일", "보증금(만원)",
        "월세금(만원)", "층", "건축년도", "도로명"]
RENT_ROW = {"시군구": "세종특별자치시 어진동", "번지": "591", "본번": "0591", "부번": "0000", "단지명": "한뜰마을 4단지",
            "전월세구분": "전세", "전용면적(㎡)": "84.98", "계약년월": "202009", "계약일": "7", "보증금(만원)": "35,000",
            "월세금(만원)": "0", "층": "9", "건축년도": "2014", "도로명": "어진7로 25"}


def write(tmp_path, columns, rows, name="x.csv", quote=True, preamble=(), encoding="cp949"):
    q = (lambda v: f'"{v}"') if quote else (lambda v: str(v))
    lines = [q(p) for p in preamble] + [",".join(q(c) for c in columns)]
    lines += [",".join(q(r.get(c, "")) for c in columns) for r in rows]
    path = tmp_path / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


# --- 개별공시지가 -----------------------------------------------------------
def test_land_prices_read(tmp_path):
    land = read_land_prices(write(tmp_path, LAND, [LAND_ROW, dict(LAND_ROW, 기준연도="2022", 표준지여부="Y")]))
    first = land.iloc[0]
    assert first["pnu"] == "3611011000105910000" and first["price_won_m2"] == 1_234_000
    assert first["legal_dong"] == "어진동" and first["jibun"] == "591" and first["year"] == 2021
    assert land["standard_parcel"].tolist() == [False, True]


def test_land_prices_utf8_and_reordered_columns(tmp_path):
    row = dict(LAND_ROW, 공시지가="1234000")       # 따옴표 없는 파일에는 천 단위 쉼표가 없음
    land = read_land_prices(write(tmp_path, list(reversed(LAND)), [row], encoding="utf-8-sig", quote=False))
    assert land.iloc[0]["price_won_m2"] == 1_234_000


def test_land_committed_file():
    land = read_land_prices(data_path("land_price_individual_2017_2023.csv"))
    assert land["year"].between(2017, 2023).all() and land["pnu"].str.fullmatch(r"\d{19}").all()


def test_land_not_a_land_file(tmp_path):
    path = write(tmp_path, RENT, [RENT_ROW])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "개별공시지가", "공시지가", "nsdi.go.kr")


def test_land_pnu_in_exponent_form(tmp_path):
    path = write(tmp_path, LAND, [dict(LAND_ROW, 고유번호="3.61101E+18")])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "19자리", "3.61101E+18", "엑셀")


def test_land_price_not_a_number(tmp_path):
    path = write(tmp_path, LAND, [dict(LAND_ROW, 공시지가="123만")])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "공시지가", "123만")


def test_land_price_zero(tmp_path):
    path = write(tmp_path, LAND, [dict(LAND_ROW, 공시지가="0")])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "0 이하", "양수 (원/㎡)")


def test_land_bad_year(tmp_path):
    path = write(tmp_path, LAND, [dict(LAND_ROW, 기준연도="21")])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "기준연도", "네 자리 연도", "'21'")


def test_land_duplicate_parcel_year(tmp_path):
    path = write(tmp_path, LAND, [LAND_ROW, LAND_ROW])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "두 번 이상", "고유번호 × 기준연도")


def test_land_missing_column(tmp_path):
    path = write(tmp_path, [c for c in LAND if c != "공시지가"], [LAND_ROW])
    with pytest.raises(SejongDataError) as error:
        read_land_prices(path)
    assert_error(error, path, "개별공시지가", "공시지가")


# --- 건축물대장 표제부 -------------------------------------------------------
def test_titles_read(tmp_path):
    rows = [TITLE_ROW, dict(TITLE_ROW, **{"관리_건축물대장_PK": "36110-2", "동_명": "관리동", "세대_수(세대)": "0",
                                          "주_용도_코드_명": "제1종근린생활시설"})]
    titles = read_building_titles(write(tmp_path, TITLE, rows, quote=False))
    first = titles.iloc[0]
    assert first["site_area_m2"] == 40000.5 and first["households"] == 90 and first["approval_year"] == 2014
    assert first["legal_dong"] == "어진동" and first["jibun"] == "591"
    assert titles["main_use"].tolist() == ["공동주택", "제1종근린생활시설"]


def test_titles_committed_file():
    titles = read_building_titles(data_path("building_register_title.csv"))
    assert titles["approval_date"].notna().all() and (titles["households"] >= 0).all()


def test_titles_missing_approval_is_flagged_not_dropped(tmp_path):
    rows = [TITLE_ROW, dict(TITLE_ROW, **{"관리_건축물대장_PK": "36110-2", "사용승인_일": ""})]
    with pytest.warns(SejongDataWarning, match="사용승인_일이 빈 건물 1곳"):
        titles = read_building_titles(write(tmp_path, TITLE, rows))
    assert len(titles) == 2 and titles["approval_date"].isna().sum() == 1


def test_titles_not_a_title_file(tmp_path):
    path = write(tmp_path, LAND, [LAND_ROW])
    with pytest.raises(SejongDataError) as error:
        read_building_titles(path)
    assert_error(error, path, "건축물대장 표제부", "사용승인_일", "공공데이터포털")


def test_titles_bad_approval_date(tmp_path):
    path = write(tmp_path, TITLE, [dict(TITLE_ROW, 사용승인_일="2014-12-26")])
    with pytest.raises(SejongDataError) as error:
        read_building_titles(path)
    assert_error(error, path, "사용승인_일", "YYYYMMDD", "2014-12-26")


def test_titles_negative_area(tmp_path):
    path = write(tmp_path, TITLE, [dict(TITLE_ROW, **{"대지_면적(㎡)": "-5"})])
    with pytest.raises(SejongDataError) as error:
        read_building_titles(path)
    assert_error(error, path, "대지_면적(㎡)", "음수", "0 이상")


def test_titles_fractional_households(tmp_path):
    path = write(tmp_path, TITLE, [dict(TITLE_ROW, **{"세대_수(세대)": "90.5"})])
    with pytest.raises(SejongDataError) as error:
        read_building_titles(path)
    assert_error(error, path, "세대_수(세대)", "정수", "90.5")


def test_titles_duplicate_pk(tmp_path):
    path = write(tmp_path, TITLE, [TITLE_ROW, TITLE_ROW])
    with pytest.raises(SejongDataError) as error:
        read_building_titles(path)
    assert_error(error, path, "관리_건축물대장_PK", "겹치는", "36110-1")


def test_titles_area_text(tmp_path):
    path = write(tmp_path, TITLE, [dict(TITLE_ROW, **{"연면적(㎡)": "약 1만"})])
    with pytest.raises(SejongDataError) as error:
        read_building_titles(path)
    assert_error(error, path, "연면적(㎡)", "약 1만")


# --- 아파트(전월세): molit 리더의 잘못된 파일 더 ------------------------------
def test_rents_committed_files_every_layout():
    for year, extra in [(2017, None), (2021, "contract_kind"), (2023, "row_no")]:
        rents = read_molit_apt_rents(data_path(f"molit_apt_rents_{year}.csv"))
        assert set(rents["rent_type"]) == {"전세", "월세"}
        if extra:
            assert rents[extra].notna().any()


def test_rents_missing_deposit_column(tmp_path):
    path = write(tmp_path, [c for c in RENT if c != "보증금(만원)"], [RENT_ROW])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "아파트(전월세)", "보증금(만원)")


def test_rents_deposit_not_a_number(tmp_path):
    path = write(tmp_path, RENT, [dict(RENT_ROW, **{"보증금(만원)": "3억5천"})])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "보증금(만원)", "3억5천")


def test_rents_empty_monthly_rent(tmp_path):
    path = write(tmp_path, RENT, [dict(RENT_ROW, **{"월세금(만원)": ""})])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "월세금(만원)", "빈 칸")


def test_rents_bad_contract_month(tmp_path):
    path = write(tmp_path, RENT, [dict(RENT_ROW, 계약년월="2020-09")])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "계약년월", "YYYYMM")


def test_rents_area_zero(tmp_path):
    path = write(tmp_path, RENT, [dict(RENT_ROW, **{"전용면적(㎡)": "0"})])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "전용면적(㎡)", "1,000 이하")
