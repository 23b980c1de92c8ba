"""국토교통부 실거래가 아파트(매매·전월세) 리더: 판마다 다른 열, 안내문 줄, 해제 거래, 잘못된 파일."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import assert_error, realdata_dir
from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers.molit import read_molit_apt_rents, read_molit_apt_trades, split_address

pytestmark = pytest.mark.chapter("06")

PREAMBLE = [
    "□ 본 서비스에서 제공하는 정보는 법적인 효력이 없으므로 참고용으로만 활용하시기 바랍니다.",
    "",
    "□ 검색조건",
    "계약일자 : 20200101 ~ 20201231",
    "실거래구분 : 아파트(매매)",
    "시도 : 세종특별자치시",
]
OLD = ["시군구", "번지", "본번", "부번", "단지명", "전용면적(㎡)", "계약년월", "계약일", "거래금액(만원)", "층",
       "건축년도", "도로명", "해제사유발생일"]
MID = OLD + ["거래유형", "중개사소재지"]
NEW = ["NO", "시군구", "번지", "본번", "부번", "단지명", "전용면적(㎡)", "계약년월", "계약일", "거래금액(만원)", "동",
       "층", "매수자", "매도자", "건축년도", "도로명", "해제사유발생일", "거래유형", "중개사소재지", "등기일자"]
ROW = {"시군구": "세종특별자치시 어진동", "번지": "591", "본번": "0591", "부번": "0000", "단지명": "한뜰마을 4단지",
       "전용면적(㎡)": "84.98", "계약년월": "202007", "계약일": "3", "거래금액(만원)": "61,500", "층": "12",
       "건축년도": "2014", "도로명": "어진7로 25", "해제사유발생일": "", "거래유형": "중개거래",
       "중개사소재지": "세종 세종시", "NO": "1", "동": "-", "매수자": "개인", "매도자": "개인", "등기일자": "-"}


def write(tmp_path, columns, rows, name="apt.csv", encoding="cp949", preamble=PREAMBLE):
    lines = [f'"{p}"' for p in preamble] + [",".join(f'"{c}"' for c in columns)]
    lines += [",".join(f'"{r.get(c, "")}"' for c in columns) for r in rows]
    path = tmp_path / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


@pytest.mark.parametrize("columns", [OLD, MID, NEW], ids=["13열", "15열", "20열"])
def test_every_layout_reads_by_column_name(tmp_path, columns):
    rows = [ROW, dict(ROW, 번지="산12-3", 본번="0012", 거래금액="3,000", 층="-1", 단지명="조치원 e편한세상",
                      시군구="세종특별자치시 조치원읍 신흥리")]
    trades = read_molit_apt_trades(write(tmp_path, columns, rows))
    assert len(trades) == 2
    first = trades.iloc[0]
    assert first["price_10k_won"] == 61500 and first["area_m2"] == 84.98
    assert first["contract_date"] == pd.Timestamp("2020-07-03")
    assert first["legal_dong"] == "어진동" and pd.isna(first["sigungu"])
    assert trades.iloc[1]["jibun"] == "산12-3" and trades.iloc[1]["bonbeon"] == "0012"
    assert trades.iloc[1]["floor"] == -1 and trades.iloc[1]["legal_dong"] == "조치원읍 신흥리"
    if "거래유형" in columns:
        assert first["deal_type"] == "중개거래"
    if "등기일자" in columns:
        assert pd.isna(first["registration_date"]) and pd.isna(first["building_dong"])  # '-' 는 빈 값


def test_cancelled_deals_are_flagged_not_dropped(tmp_path):
    rows = [ROW, dict(ROW, 해제사유발생일="20200815"), dict(ROW, 해제사유발생일="20.09.01")]
    with pytest.warns(SejongDataWarning, match="해제된 거래 2건"):
        trades = read_molit_apt_trades(write(tmp_path, MID, rows))
    assert len(trades) == 3
    assert trades["cancelled"].tolist() == [False, True, True]
    assert trades["cancel_date"].iloc[2] == pd.Timestamp("2020-09-01")


def test_utf8_and_any_preamble_length(tmp_path):
    path = write(tmp_path, OLD, [ROW], encoding="utf-8-sig", preamble=PREAMBLE * 3)
    assert len(read_molit_apt_trades(path)) == 1
    assert len(read_molit_apt_trades(write(tmp_path, OLD, [ROW], name="b.csv", preamble=[]))) == 1


def test_unknown_columns_are_kept(tmp_path):
    trades = read_molit_apt_trades(write(tmp_path, OLD + ["새열"], [dict(ROW, 새열="x")]))
    assert trades["새열"].tolist() == ["x"]


def test_split_address():
    parts = split_address(pd.Series(["서울특별시 구로구 가리봉동", "세종특별자치시 부강면 부강리"]))
    assert parts.iloc[0].tolist() == ["서울특별시", "구로구", "가리봉동"]
    assert parts.iloc[1]["sido"] == "세종특별자치시" and pd.isna(parts.iloc[1]["sigungu"])


def test_real_molit_download_reads(recwarn):
    folder = realdata_dir()
    if folder is None or not (folder / "molit_apt_trade_guro_2021q1.csv").exists():
        pytest.skip("../shared/realdata 의 실제 국토교통부 파일이 없습니다.")
    trades = read_molit_apt_trades(folder / "molit_apt_trade_guro_2021q1.csv")
    assert len(trades) == 811  # 파일의 데이터 행 수: 한 행도 지우지 않습니다
    assert set(trades["sigungu"]) == {"구로구"}
    assert trades["contract_date"].between("2021-01-01", "2021-03-31").all()
    assert trades["cancelled"].sum() > 0 and trades["price_10k_won"].min() > 0
    assert trades["jibun"].str.contains(r"\D", regex=True).any()  # '가-246' 같은 번지가 글자로 남음


RENT = ["시군구", "번지", "본번", "부번", "단지명", "전월세구분", "전용면적(㎡)", "계약년월", "계약일", "보증금(만원)",
        "월세금(만원)", "층", "건축년도", "도로명", "계약기간", "계약구분", "갱신요구권 사용", "종전계약 보증금(만원)",
        "종전계약 월세(만원)"]
RENT_ROW = dict(ROW, 전월세구분="전세", **{"보증금(만원)": "30,000", "월세금(만원)": "0", "계약기간": "202008~202208",
                                       "계약구분": "신규", "갱신요구권 사용": "", "종전계약 보증금(만원)": "",
                                       "종전계약 월세(만원)": ""})


def test_rents_read(tmp_path):
    rows = [RENT_ROW, dict(RENT_ROW, 전월세구분="월세", **{"보증금(만원)": "5,000", "월세금(만원)": "70"})]
    rents = read_molit_apt_rents(write(tmp_path, RENT, rows))
    assert rents["rent_type"].tolist() == ["전세", "월세"]
    assert rents["deposit_10k_won"].tolist() == [30000, 5000]
    assert rents["monthly_rent_10k_won"].tolist() == [0, 70]
    assert rents["prev_deposit_10k_won"].isna().all()


# ---------------------------------------------------------------------------
# 잘못된 파일: 오류 하나, 파일 이름·기대한 것·찾은 것
# ---------------------------------------------------------------------------

def test_not_a_molit_file(tmp_path):
    path = tmp_path / "population.csv"
    path.write_text('"행정구역","2020년01월_총인구수"\n"세종특별자치시 (3600000000)","342,328"\n', encoding="cp949")
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "아파트(매매)", "거래금액(만원)", "rt.molit.go.kr")


def test_rent_file_given_to_trade_reader_names_the_right_reader(tmp_path):
    path = write(tmp_path, RENT, [RENT_ROW])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "전월세", "read_molit_apt_rents")


def test_trade_file_given_to_rent_reader(tmp_path):
    path = write(tmp_path, OLD, [ROW])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "매매", "read_molit_apt_trades")


def test_price_that_is_not_a_number(tmp_path):
    path = write(tmp_path, OLD, [ROW, dict(ROW, **{"거래금액(만원)": "6억1500"})])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "거래금액(만원)", "6억1500")


def test_contract_month_in_another_shape(tmp_path):
    path = write(tmp_path, OLD, [dict(ROW, 계약년월="2020-07")])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "계약년월", "YYYYMM", "2020-07")


def test_impossible_date(tmp_path):
    path = write(tmp_path, OLD, [dict(ROW, 계약년월="202002", 계약일="30")])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "없는 날짜", "202002-30")


def test_area_out_of_range(tmp_path):
    path = write(tmp_path, OLD, [dict(ROW, **{"전용면적(㎡)": "0"})])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "전용면적(㎡)", "1,000")


def test_cancel_date_garbage(tmp_path):
    path = write(tmp_path, OLD, [dict(ROW, 해제사유발생일="8월 15일")])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "해제사유발생일", "YYYYMMDD", "8월 15일")


def test_header_only(tmp_path):
    path = write(tmp_path, OLD, [])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_trades(path)
    assert_error(error, path, "데이터 행")


def test_bad_rent_type(tmp_path):
    path = write(tmp_path, RENT, [dict(RENT_ROW, 전월세구분="반전세")])
    with pytest.raises(SejongDataError) as error:
        read_molit_apt_rents(path)
    assert_error(error, path, "전월세구분", "반전세")
