"""여민전 리더(sejongdata/readers/yeominjeon.py) 시험.

좋은 파일과 나쁜 파일은 모두 테스트 안에서 tmp_path 에 만듭니다. 저장소의 모의 파일(datasets/)이나 실제
공개 파일(../shared/realdata)이 없으면 그 테스트는 건너뜁니다(skip). 여민전 결제 집계의 실제 공개 파일은
realdata 에 없으므로, 실제 파일 시험은 '다른 종류의 공공 파일을 넣으면 분명한 오류 하나' 를 확인합니다.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO_ROOT, assert_error, realdata_dir

from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import (column_map, read_yeominjeon_cardholders, read_yeominjeon_crosstab,
                                read_yeominjeon_daily, read_yeominjeon_merchants, read_yeominjeon_policy,
                                read_yeominjeon_spending)

pytestmark = pytest.mark.chapter("05")

DATA = REPO_ROOT / "datasets"
DAILY_HEADER = "기준일자,업종,가맹점규모,결제건수,결제금액(천원)"
CROSS_HEADER = "기준분기,가맹점행정동코드,업종,연령대,성별,거주생활권,결제건수,결제금액(천원)"
MERCHANT_HEADER = "가맹점번호,상가업소번호,행정동코드,상권업종소분류코드,여민전업종,가맹점규모,가맹여부,가맹일,해지일,비고"


def write(path: Path, lines: list[str], encoding: str = "cp949") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def daily_lines() -> list[str]:
    return [DAILY_HEADER, "2021-07-01,음식점,영세,812,21543", "2021-07-01,음식점,중소,1020,28811",
            "2021-07-01,교육,일반,X,X", "2021-07-02,음식점,영세,790,20980"]


def cross_lines() -> list[str]:
    return [CROSS_HEADER, "2021년 1분기,3611052000,음식점,40대,여,1생활권,1532,41877",
            "2021년 1분기,3611052000,음식점,40대,남,1생활권,1290,36120",
            "2021년 1분기,3611034000,보건의료,60세 이상,여,읍면지역,X,X",
            "2021년 2분기,3611052000,음식점,40대,여,1생활권,1611,44002"]


def merchant_lines() -> list[str]:
    return [MERCHANT_HEADER,
            "YM0000001,,3611025000,I20101,음식점,영세,Y,2020-03-03,2021-08-24,폐업",
            "YM0000002,MA010120220800012345,3611052000,I21201,카페·제과,영세,Y,2020-03-03,,",
            ",MA010120220800012346,3611052000,G20402,식료품·마트,일반,N,,,대규모 점포"]


def quiet(reader, path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        return reader(path)


# ---------------------------------------------------------------------------
# 좋은 파일
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-8-sig"])
def test_good_daily_file_in_each_encoding(tmp_path, encoding):
    daily = quiet(read_yeominjeon_daily, write(tmp_path / f"d_{encoding}.csv", daily_lines(), encoding))
    assert list(daily.columns) == ["date", "sector", "size_class", "transactions", "amount_won", "suppressed",
                                   "suspect"]
    assert daily["date"].iloc[0] == pd.Timestamp("2021-07-01")
    assert daily["amount_won"].iloc[0] == 21_543_000                       # 천원 → 원
    assert str(daily["transactions"].dtype) == "Int64" and daily["suppressed"].tolist() == [False, False, True, False]
    assert pd.isna(daily["transactions"].iloc[2]) and pd.isna(daily["amount_won"].iloc[2])   # 0 이 아니라 NA
    assert len(daily) == 4                                                  # 비공개 행도 지우지 않음


def test_good_crosstab_file(tmp_path):
    cross = quiet(read_yeominjeon_crosstab, write(tmp_path / "c.csv", cross_lines()))
    assert list(cross.columns) == ["quarter", "emd_code", "emd_name", "sector", "age_band", "sex", "home_zone",
                                   "transactions", "amount_won", "suppressed", "suspect"]
    assert cross["quarter"].tolist() == ["2021Q1", "2021Q1", "2021Q1", "2021Q2"]
    assert cross["emd_name"].iloc[0] == "도담동" and cross["emd_code"].iloc[2] == "3611034000"
    assert cross["suppressed"].sum() == 1


def test_other_period_and_unit_spellings(tmp_path):
    lines = ["기준월,업종,결제건수,결제금액(원)", "2021-07,음식점,\"1,812\",\"51,543,000\"", "202108,음식점,1700,48000000"]
    monthly = quiet(read_yeominjeon_spending, write(tmp_path / "m.csv", lines, "utf-8"))
    assert monthly["month"].tolist() == [pd.Timestamp("2021-07-01"), pd.Timestamp("2021-08-01")]
    assert monthly["transactions"].tolist() == [1812, 1700] and monthly["amount_won"].iloc[0] == 51_543_000
    lines = ["기준분기,업종,결제건수,결제금액(만원)", "2021Q3,교육,120,2400", "2021.4/4,교육,130,2500"]
    quarterly = quiet(read_yeominjeon_spending, write(tmp_path / "q.csv", lines))
    assert quarterly["quarter"].tolist() == ["2021Q3", "2021Q4"] and quarterly["amount_won"].iloc[0] == 24_000_000


def test_small_public_cells_and_odd_tickets_warn_but_stay(tmp_path):
    lines = daily_lines() + ["2021-07-03,교육,일반,3,540", "2021-07-03,음식점,영세,500,5"]
    with pytest.warns(SejongDataWarning) as record:
        daily = read_yeominjeon_daily(write(tmp_path / "warn.csv", lines))
    text = " | ".join(str(w.message) for w in record)
    assert "5건 미만인데 공개된 칸이 1개" in text and "warn.csv" in text
    assert "suspect=True" in text and daily["suspect"].tolist() == [False] * 5 + [True]
    assert len(daily) == 6


def test_good_merchants_file(tmp_path):
    m = quiet(read_yeominjeon_merchants, write(tmp_path / "m.csv", merchant_lines()))
    assert m["member"].tolist() == [True, True, False]
    assert pd.isna(m["store_id"].iloc[0]) and m["in_stores"].tolist() == [False, True, True]
    assert m["left"].iloc[0] == pd.Timestamp("2021-08-24") and pd.isna(m["left"].iloc[1])
    assert pd.isna(m["merchant_id"].iloc[2]) and m["note"].iloc[2] == "대규모 점포"
    assert m["emd_name"].iloc[0] == "조치원읍"


def test_merchant_dates_out_of_order_are_flagged(tmp_path):
    lines = merchant_lines() + ["YM0000003,,3611025000,I20101,음식점,영세,Y,2021-05-01,2021-03-01,폐업"]
    with pytest.warns(SejongDataWarning, match="dates_inconsistent=True"):
        m = read_yeominjeon_merchants(write(tmp_path / "order.csv", lines))
    assert m["dates_inconsistent"].tolist() == [False, False, False, True] and len(m) == 4


def test_good_policy_and_cardholder_files(tmp_path):
    lines = ["기준월,캐시백률(%),월구매한도(만원),연구매한도(만원),발행액(억원),판매방식,조기마감,마감소요시간(시간),구매자수(명),가입자수(명),비고",
             "2020-07,10,50,500,150,월별 선착순,Y,12,\"41,668\",\"64,837\",7월분 매진", "2021-01,10,50,500,230,상시 충전,N,,,\"97,161\","]
    policy = quiet(read_yeominjeon_policy, write(tmp_path / "p.csv", lines))
    assert policy["buyers"].iloc[0] == 41_668 and pd.isna(policy["buyers"].iloc[1])
    assert policy["sold_out"].tolist() == [True, False] and policy["month"].iloc[1] == pd.Timestamp("2021-01-01")
    lines = ["기준연도,거주생활권,연령대,성별,가입자수(명)", "2021,1생활권,40대,여,\"12,034\"", "2021,읍면지역,60세 이상,남,310"]
    holders = quiet(read_yeominjeon_cardholders, write(tmp_path / "h.csv", lines))
    assert holders["cardholders"].tolist() == [12_034, 310] and holders["year"].iloc[0] == 2021


def test_column_maps_are_listed():
    assert "결제건수" in set(column_map("yeominjeon_spending")["원래 열 이름"])
    assert "store_id" in set(column_map("yeominjeon_merchants")["english"])


@pytest.mark.skipif(not (DATA / "yeominjeon_spending_2021.csv").exists(), reason="datasets/ 의 모의 파일이 없음")
def test_committed_files_read_cleanly():
    cross = quiet(read_yeominjeon_crosstab, None)
    daily = quiet(read_yeominjeon_daily, None)
    merchants = quiet(read_yeominjeon_merchants, None)
    policy = quiet(read_yeominjeon_policy, None)
    holders = quiet(read_yeominjeon_cardholders, None)
    assert cross["suppressed"].any() and not cross["suspect"].any()
    assert cross.loc[cross["suppressed"], "transactions"].isna().all()
    assert daily["date"].min() == pd.Timestamp("2020-03-03") and len(policy) == 58
    assert merchants["store_id"].dropna().is_unique and holders["cardholders"].sum() > 0
    assert set(merchants.loc[merchants["in_stores"], "store_id"].str[:6]) == {"MA0101"}


# ---------------------------------------------------------------------------
# 나쁜 파일: 저마다 분명한 오류 하나
# ---------------------------------------------------------------------------
def test_bad_not_a_spending_file(tmp_path):
    path = write(tmp_path / "other.csv", ["행정구역,2021년01월_총인구수", "세종특별자치시 (3611000000),\"357,871\""])
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "여민전 결제 집계 파일이 아닙니다", "결제건수")


def test_bad_amount_without_unit(tmp_path):
    lines = [DAILY_HEADER.replace("결제금액(천원)", "결제금액")] + daily_lines()[1:]
    path = write(tmp_path / "nounit.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "단위(unit)를 알 수 없습니다", "결제금액(천원)")


def test_bad_suppression_mark_in_one_column_only(tmp_path):
    lines = daily_lines()[:3] + ["2021-07-01,교육,일반,X,540"]
    path = write(tmp_path / "half.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "한쪽에만", "데이터 3번째 행")


def test_bad_suppressed_cell_written_as_blank(tmp_path):
    lines = daily_lines()[:3] + ["2021-07-01,교육,일반,,"]
    path = write(tmp_path / "blank.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "빈 행이 1개", "'X'")


def test_bad_text_in_counts(tmp_path):
    lines = daily_lines()[:2] + ["2021-07-01,음식점,중소,약 1000,28811"]
    path = write(tmp_path / "text.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "숫자가 아닌 값", "약 1000")


def test_bad_negative_amount(tmp_path):
    lines = daily_lines()[:2] + ["2021-07-01,음식점,중소,1020,-28811"]
    path = write(tmp_path / "negative.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "음수이거나 정수가 아닌 값", "-28811")


def test_bad_unknown_age_band(tmp_path):
    lines = cross_lines()[:2] + ["2021년 1분기,3611052000,음식점,40~49세,남,1생활권,1290,36120"]
    path = write(tmp_path / "age.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_crosstab(path)
    assert_error(err, path, "'연령대' 에 모르는 값", "40~49세", "29세 이하")


def test_bad_duplicate_cells(tmp_path):
    lines = cross_lines() + [cross_lines()[1]]
    path = write(tmp_path / "twice.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_crosstab(path)
    assert_error(err, path, "같은 칸", "2021Q1 / 3611052000 / 음식점")


def test_bad_quarter_and_dates(tmp_path):
    lines = cross_lines()[:2] + ["2021년 5분기,3611052000,음식점,40대,남,1생활권,1290,36120"]
    path = write(tmp_path / "quarter.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_crosstab(path)
    assert_error(err, path, "분기로 읽을 수 없는 값이 1개", "2021년 5분기")
    lines = daily_lines()[:2] + ["2021/07/01,음식점,중소,1020,28811"]
    path = write(tmp_path / "date.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "날짜·시각(datetime)으로 읽을 수 없는 값이 1개", "YYYY-MM-DD")


def test_bad_emd_code_turned_into_a_number(tmp_path):
    lines = cross_lines()[:2] + ["2021년 1분기,3.61105E+09,음식점,40대,남,1생활권,1290,36120"]
    path = write(tmp_path / "excel.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_crosstab(path)
    assert_error(err, path, "10자리 코드가 아닌 값이 1개", "3.61105E+09")


def test_bad_merchant_flag_and_keys(tmp_path):
    path = write(tmp_path / "flag.csv", merchant_lines()[:2] + ["YM0000002,,3611052000,I21201,카페·제과,영세,예,2020-03-03,,"])
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_merchants(path)
    assert_error(err, path, "Y/N 이 아닌 값이 1개", "'예'")
    path = write(tmp_path / "dup.csv", merchant_lines() + ["YM0000002,,3611052000,I21201,카페·제과,영세,Y,2020-05-01,,"])
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_merchants(path)
    assert_error(err, path, "같은 가맹점번호", "YM0000002")
    path = write(tmp_path / "nokey.csv", merchant_lines() + [",,3611052000,I21201,카페·제과,영세,Y,2020-05-01,,"])
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_merchants(path)
    assert_error(err, path, "가맹점번호나 가맹일이 빈 행이 1개")


def test_bad_policy_rate_as_fraction(tmp_path):
    lines = ["기준월,캐시백률(%),월구매한도(만원)", "2021-01,0.1,50", "2021-01,0.1,50"]
    path = write(tmp_path / "twice.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_policy(path)
    assert_error(err, path, "같은 기준월이 두 번", "2021-01")
    lines = ["기준월,캐시백률(%),월구매한도(만원)", "2021-01,110,50"]
    path = write(tmp_path / "rate.csv", lines)
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_policy(path)
    assert_error(err, path, "0~100 밖", "110")


def test_bad_cardholder_file(tmp_path):
    path = write(tmp_path / "zone.csv", ["기준연도,거주생활권,연령대,성별,가입자수(명)", "2021,5생활권,40대,여,120"])
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_cardholders(path)
    assert_error(err, path, "'거주생활권' 에 모르는 값", "5생활권", "6생활권")


def test_real_public_file_of_another_kind_gives_one_clear_error():
    folder = realdata_dir()
    path = folder / "kosis_economic_index_monthly.csv" if folder else None
    if path is None or not path.exists():
        pytest.skip("../shared/realdata 의 실제 공개 파일이 없음")
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_daily(path)
    assert_error(err, path, "여민전 결제 집계 파일이 아닙니다")
    with pytest.raises(SejongDataError) as err:
        read_yeominjeon_merchants(path)
    assert_error(err, path, "여민전 가맹점 등록부 파일이 아닙니다")


def test_repeated_reads_give_independent_equal_tables_and_follow_file_changes(tmp_path):
    path = write(tmp_path / "again.csv", daily_lines())
    first = read_yeominjeon_daily(path)
    first.loc[0, "amount_won"] = -1                                  # 학생이 돌려받은 표를 고쳐도
    second = read_yeominjeon_daily(path)
    assert second["amount_won"].iloc[0] == 21_543_000                 # 다음 읽기는 파일 그대로
    write(path, daily_lines() + ["2021-07-03,교육,영세,40,5400"])
    assert len(read_yeominjeon_daily(path)) == 5                      # 파일이 바뀌면 새로 읽음


def test_warnings_repeat_on_every_read(tmp_path):
    path = write(tmp_path / "twice_warn.csv", daily_lines() + ["2021-07-03,교육,일반,3,540"])
    for _ in range(2):
        with pytest.warns(SejongDataWarning, match="5건 미만인데 공개된 칸"):
            read_yeominjeon_daily(path)
