"""KOSIS 통계표 리더(sejongdata/readers/kosis.py) 시험: 좋은 파일(이 책의 자료, 실제 KOSIS 내려받기,
모양이 조금씩 다른 변형)과 나쁜 파일(하나마다 분명한 SejongDataError 하나)."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from conftest import assert_error, realdata_dir
from sejongdata import data_path
from sejongdata.errors import SejongDataError, SejongDataWarning
from sejongdata.readers import (parse_periods, read_kosis_long, read_kosis_wide, split_item)

pytestmark = pytest.mark.chapter("03")

LONG_HEADER = '"행정구역(시군구)별","시점","총전입 (명)","총전출 (명)","순이동 (명)"'


def _write(path, text: str, encoding: str = "cp949", newline: str = "\n"):
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def _quiet(reader, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SejongDataWarning)
        return reader(*args, **kwargs)


# ---------------------------------------------------------------------------
# 이 책의 자료
# ---------------------------------------------------------------------------
def test_sgg_monthly_file():
    with pytest.warns(SejongDataWarning, match="청원군 72행, 연기군 72행"):
        sgg = read_kosis_long(data_path("kosis_migration_sgg_monthly.csv"))
    assert list(sgg.columns) == ["region", "period", "provisional", "in_total", "out_total", "net",
                                 "within_sgg", "intra_sido_in", "intra_sido_out", "inter_sido_in",
                                 "inter_sido_out", "all_zero"]
    assert len(sgg) == 16 * 72 and sgg["period"].dtype == "period[M]"
    assert sgg.attrs["units"]["in_total"] == "명" and sgg.attrs["items"]["net"] == "순이동"
    assert sgg.loc[sgg["provisional"], "period"].astype(str).unique().tolist() == ["2024-11", "2024-12"]
    # 폐지된 군(청원군, 연기군)은 지우지 않고 표시만 합니다
    gone = sgg[sgg["region"].isin(["청원군", "연기군"])]
    assert len(gone) == 144 and gone["all_zero"].all() and sgg["all_zero"].sum() == 144
    # 세종은 시군구가 하나뿐이라 시군구간 이동이 '-' (결측값) 입니다
    sejong = sgg[sgg["region"] == "세종특별자치시"]
    assert sejong["intra_sido_in"].isna().all() and sejong["inter_sido_in"].notna().all()
    assert (sejong["in_total"] - sejong["out_total"] == sejong["net"]).all()


def test_wide_od_file_matches_long_file():
    od = read_kosis_wide(data_path("kosis_migration_od_sido_monthly.csv"))
    assert list(od.columns) == ["origin", "destination", "period", "provisional", "movers",
                                "net_movers", "all_zero"]
    assert len(od) == 18 * 18 * 72 and od["movers"].dtype == "Int64"
    assert od.loc[od["provisional"], "period"].astype(str).unique().tolist() == ["2024-11", "2024-12"]
    sgg = _quiet(read_kosis_long, data_path("kosis_migration_sgg_monthly.csv"))
    into = od[(od["destination"] == "세종특별자치시")
              & ~od["origin"].isin(["전국", "세종특별자치시"])].groupby("period")["movers"].sum()
    sejong = sgg[sgg["region"] == "세종특별자치시"].set_index("period")
    assert (into == sejong["inter_sido_in"]).all()
    total = od[(od["origin"] == "전국") & (od["destination"] == "세종특별자치시")].set_index("period")
    assert (total["movers"] == sejong["in_total"]).all()
    assert (total["net_movers"] == sejong["net"]).all()


@pytest.mark.parametrize("name, rows, dims", [
    ("kosis_migration_age_yearly.csv", 3 * 18 * 6, ["region", "sex", "age_band"]),
    ("kosis_migration_reason_yearly.csv", 9 * 6, ["region", "reason"]),
    ("kosis_population_sido_yearly.csv", 18 * 6, ["region"]),
])
def test_yearly_files(name, rows, dims):
    df = read_kosis_long(data_path(name))
    assert len(df) == rows and list(df.columns[: len(dims)]) == dims
    assert df["period"].dtype == "period[Y-DEC]"
    assert df.loc[df["provisional"], "period"].astype(str).unique().tolist() == ["2024"]
    assert not df["all_zero"].any()


def test_emd_files():
    od = read_kosis_long(data_path("migration_emd_od_monthly.csv"))
    assert list(od.columns) == ["origin", "destination", "period", "provisional", "movers", "all_zero"]
    assert (od["movers"] > 0).all() and (od["origin"] != od["destination"]).all()
    with pytest.warns(SejongDataWarning, match="나성동 50행"):
        comp = read_kosis_long(data_path("migration_emd_components_monthly.csv"))
    assert len(comp) == 24 * 72 and comp["boundary_change"].min() < 0
    assert comp.attrs["items"]["boundary_change"] == "행정구역변경"


# ---------------------------------------------------------------------------
# 실제 KOSIS 내려받기 (../shared/realdata, 없으면 건너뜀)
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_index():
    folder = realdata_dir()
    path = folder / "kosis_economic_index_monthly.csv" if folder else None
    if path is None or not path.exists():
        pytest.skip("실제 KOSIS 파일(../shared/realdata/kosis_economic_index_monthly.csv)이 없습니다.")
    return path


def test_real_kosis_download(real_index):
    df = read_kosis_long(real_index, items={"선행종합지수": "leading_index",
                                            "동행종합지수": "coincident_index"})
    assert len(df) == 644 and df.shape[1] == 2 + 22 + 1
    assert str(df["period"].iloc[0]) == "1970-01" and str(df["period"].iloc[-1]) == "2023-08"
    assert df["provisional"].sum() == 3 and df["provisional"].iloc[-3:].all()
    assert df["leading_index"].iloc[-1] == pytest.approx(111.4)
    assert df.attrs["units"]["leading_index"] == "2020=100"
    assert df.attrs["units"]["장단기금리차"] == "%p" and df.attrs["units"]["건설수주액(실질)"] == "십억원"
    assert df.attrs["units"]["경제심리지수"] is None
    assert df["재고순환지표"].isna().sum() > 0 and df["재고순환지표"].dtype == "float64"  # '-' → NA
    assert not df["all_zero"].any()


def test_real_kosis_download_requires_named_items(real_index, tmp_path):
    with pytest.raises(SejongDataError) as excinfo:
        read_kosis_long(real_index, items=["선행종합지수", "총전입"])
    assert_error(excinfo, real_index, "필요한 항목(item)이 없습니다: 총전입", "선행종합지수")


# ---------------------------------------------------------------------------
# 모양이 조금 다른 좋은 파일 (너그럽게 읽을 것)
# ---------------------------------------------------------------------------
def test_long_tolerates_quoting_spacing_trailing_commas_and_commas_in_numbers(tmp_path):
    text = ('시점 , 행정구역(시군구)별, 시도간 전입[명], 총전출 (명),\n'
            '2019. 01,"  유성구",1,234,"2,000",\n'
            '"2019.02", 유성구 , 17 , - ,\n'
            '2019.03 p),"세종특별자치시",0,0,\n')
    path = _write(tmp_path / "variant.csv", text.replace("1,234", '"1,234"'), newline="\r\n")
    with pytest.warns(SejongDataWarning, match="세종특별자치시 1행"):
        df = read_kosis_long(path)
    assert list(df.columns) == ["region", "period", "provisional", "inter_sido_in", "out_total",
                                "all_zero"]
    assert df["region"].tolist() == ["유성구", "유성구", "세종특별자치시"]
    assert df["inter_sido_in"].tolist() == [1234, 17, 0] and df["inter_sido_in"].dtype == "Int64"
    assert pd.isna(df["out_total"].iloc[1]) and df["provisional"].tolist() == [False, False, True]
    assert df["all_zero"].tolist() == [False, False, True]
    assert df.attrs["units"] == {"inter_sido_in": "명", "out_total": "명"}


@pytest.mark.parametrize("labels, expected, freq", [
    (["2019.01", "2019. 02", "2019-03", "201904", "2019년 05월", "2019.6 p)"],
     ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"], "M"),
    (["2019", "2020 년", "2021년", "2022 p)"], ["2019", "2020", "2021", "2022"], "Y"),
])
def test_period_forms(labels, expected, freq):
    periods, provisional = parse_periods(pd.Series(labels))
    assert periods.astype(str).tolist() == expected and str(periods.dtype).startswith(f"period[{freq}")
    assert provisional.tolist() == [False] * (len(labels) - 1) + [True]


def test_item_units():
    assert split_item("총전입 (명)") == ("총전입", "명")
    assert split_item("총전입[천명]") == ("총전입", "천명")
    assert split_item(" 코스피(1980.1.4=100)") == ("코스피", "1980.1.4=100")
    assert split_item("소비자물가지수변화율(서비스)") == ("소비자물가지수변화율(서비스)", None)
    assert split_item("건설수주액(실질)(십억원)") == ("건설수주액(실질)", "십억원")


def test_long_utf8_bom_with_hierarchy_levels(tmp_path):
    text = ('"행정구역별(1)","행정구역별(2)","시점","총인구수 (명)"\n'
            '"대전광역시","유성구","2023","350,000"\n"세종특별자치시","세종시","2023","388000"\n')
    path = _write(tmp_path / "levels.csv", text, encoding="utf-8-sig")
    df = read_kosis_long(path)
    assert list(df.columns[:2]) == ["region_1", "region_2"]
    assert df["population"].tolist() == [350000, 388000]


def test_wide_single_header_row_and_items_dict(tmp_path):
    text = ('"행정구역(시도)별","2019 년","2020 년","2021 p)"\n'
            '"세종특별자치시","23724","13025",""\n')
    path = _write(tmp_path / "one_item.csv", text)
    df = read_kosis_wide(path, item="순이동")
    assert df["net"].tolist()[:2] == [23724, 13025] and pd.isna(df["net"].iloc[2])
    assert df["period"].astype(str).tolist() == ["2019", "2020", "2021"]
    assert df["provisional"].tolist() == [False, False, True]


def test_wide_two_rows_with_trailing_empty_fields(tmp_path):
    text = ('"전출지별","전입지별","2020.01","2020.01","2020.02","2020.02",\n'
            '"전출지별","전입지별","이동자수 (명)","순이동자수 (명)","이동자수 (명)","순이동자수 (명)",\n'
            '"대전광역시"," 세종특별자치시 ","1500","700","1600","800",,\n'
            '"세종특별자치시","대전광역시","800","-700","800","-800"\n')
    df = read_kosis_wide(_write(tmp_path / "od.csv", text))
    assert len(df) == 4 and df["destination"].iloc[0] == "세종특별자치시"
    assert df["movers"].tolist() == [1500, 1600, 800, 800]
    assert df["net_movers"].tolist() == [700, 800, -700, -800]


# ---------------------------------------------------------------------------
# 나쁜 파일: 하나마다 분명한 오류 하나
# ---------------------------------------------------------------------------
BAD_LONG = {
    "no_period": ('"행정구역(시군구)별","기간","총전입 (명)"\n"세종특별자치시","2019.01","10"\n',
                  {}, ["'시점' 열이 없습니다", "read_kosis_wide"]),
    "bad_period": (LONG_HEADER + '\n"세종특별자치시","2019.13","1","1","0"\n'
                   '"세종특별자치시","2019 1/4","1","1","0"\n', {},
                   ["시점 을 월·연으로 읽을 수 없는 값이 2가지", "2019.13", "2019 1/4"]),
    "mixed_frequency": (LONG_HEADER + '\n"세종특별자치시","2019.01","1","1","0"\n'
                        '"세종특별자치시","2019","12","12","0"\n', {}, ["월 자료와 연 자료가 섞여"]),
    "not_a_number": (LONG_HEADER + '\n"세종특별자치시","2019.01","1,2a3","1","0"\n', {},
                     ["항목 '총전입 (명)' 에 숫자가 아닌 값이 1개", "데이터 1번째 행: '1,2a3'"]),
    "missing_item": (LONG_HEADER + '\n"세종특별자치시","2019.01","1","1","0"\n',
                     {"items": ["총전입", "시도간전입"]}, ["필요한 항목(item)이 없습니다: 시도간전입"]),
    "duplicate_item": ('"행정구역(시군구)별","시점","총전입 (명)","총전입[명]"\n'
                       '"세종특별자치시","2019.01","1","1"\n', {}, ["같은 항목(item)이 두 번"]),
    "blank_period": (LONG_HEADER + '\n"세종특별자치시","","1","1","0"\n', {}, ["시점 이 빈 칸인 행이 1개"]),
    "truncated": (LONG_HEADER + '\n"세종특별자치시","2019.01","1"\n', {}, ["필드 수(field count)"]),
}


@pytest.mark.parametrize("case", sorted(BAD_LONG))
def test_bad_long_files(tmp_path, case):
    text, kwargs, needles = BAD_LONG[case]
    path = _write(tmp_path / f"{case}.csv", text)
    with pytest.raises(SejongDataError) as excinfo:
        read_kosis_long(path, **kwargs)
    assert_error(excinfo, path, *needles)


WIDE_HEAD = '"전출지별","전입지별","2020.01","2020.01","2020.02","2020.02"\n'
WIDE_ITEMS = '"전출지별","전입지별","이동자수 (명)","순이동자수 (명)","이동자수 (명)","순이동자수 (명)"\n'
BAD_WIDE = {
    "long_file": (LONG_HEADER + '\n"세종특별자치시","2019.01","1","1","0"\n',
                  ["시점(period)을 찾지 못했습니다", "read_kosis_long"]),
    "items_differ": (WIDE_HEAD + '"전출지별","전입지별","이동자수 (명)","순이동자수 (명)",'
                     '"순이동자수 (명)","이동자수 (명)"\n"대전광역시","세종특별자치시","1","1","1","1"\n',
                     ["시점 '2020.02' 의 항목이 첫 시점과 다릅니다"]),
    "truncated_row": (WIDE_HEAD + WIDE_ITEMS + '"대전광역시","세종특별자치시","1","1"\n',
                      ["3번째 줄의 칸 수가 머리글과 다릅니다", "6칸"]),
    "dim_after_periods": ('"전출지별","2020.01","전입지별"\n"대전광역시","1","세종특별자치시"\n',
                          ["시점이 아닌 칸", "전입지별"]),
    "bad_value": (WIDE_HEAD + WIDE_ITEMS + '"대전광역시","세종특별자치시","1","1","abc","1"\n',
                  ["항목 '이동자수 (명)' 에 숫자가 아닌 값", "데이터 1번째 행, 시점 2020.02: 'abc'"]),
    "header_only": (WIDE_HEAD + WIDE_ITEMS, ["데이터 행(row)이 없습니다"]),
}


@pytest.mark.parametrize("case", sorted(BAD_WIDE))
def test_bad_wide_files(tmp_path, case):
    text, needles = BAD_WIDE[case]
    path = _write(tmp_path / f"{case}.csv", text)
    with pytest.raises(SejongDataError) as excinfo:
        read_kosis_wide(path)
    assert_error(excinfo, path, *needles)


def test_empty_file(tmp_path):
    path = _write(tmp_path / "empty.csv", "")
    for reader in (read_kosis_long, read_kosis_wide):
        with pytest.raises(SejongDataError) as excinfo:
            reader(path)
        assert_error(excinfo, path, "빈 파일")


def test_no_row_is_dropped(tmp_path):
    """빈 값·0·'-' 가 섞인 행도 모두 남고, 모두 0 인 행은 표시만 됩니다."""
    rows = ['"연기군","2019.01","0","0","0"', '"세종특별자치시","2019.01","-","-","-"',
            '"세종특별자치시","2019.02","","","0"', '"세종특별자치시","2019.03","5","3","2"']
    path = _write(tmp_path / "zeros.csv", LONG_HEADER + "\n" + "\n\n".join(rows) + "\n")
    with pytest.warns(SejongDataWarning, match="연기군 1행"):
        df = read_kosis_long(path)
    assert len(df) == 4 and df["all_zero"].tolist() == [True, False, True, False]
    assert np.isnan(df["in_total"].astype("float64").iloc[1])
