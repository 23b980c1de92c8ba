"""여민전 자료 생성기(sejongdata/generate/yeominjeon.py) 시험.

임시 폴더에 여민전 자료만 다시 만들어(캐시를 비우고) 저장소의 파일·MANIFEST 와 바이트로 비교하고,
저장소의 datasets/ 파일을 pandas 만으로 읽어 형식·보정(사실 파일 §6)·파일 사이의 일관성을 확인합니다
(리더 모듈과 독립).
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from sejongdata.generate import base, build_city, stores, yeominjeon as ym
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("05")

DATA = REPO_ROOT / "datasets"
FILES = [fn for _, fn, _ in ym.DATASETS]
BUDGET_BYTES = 8_000_000


def _manifest() -> dict[str, str]:
    pairs = [line.split("  ", 1) for line in (DATA / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()]
    return {name: digest for digest, name in pairs}


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="cp949", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def merchants() -> pd.DataFrame:
    return _csv(ym.MERCHANTS_FILE)


@pytest.fixture(scope="module")
def daily() -> pd.DataFrame:
    return _csv(ym.DAILY_FILE)


@pytest.fixture(scope="module")
def cross() -> pd.DataFrame:
    return _csv(ym.CROSSTAB_FILE)


@pytest.fixture(scope="module")
def policy() -> pd.DataFrame:
    return _csv(ym.POLICY_FILE)


@pytest.fixture(scope="module")
def holders() -> pd.DataFrame:
    return _csv(ym.CARDHOLDERS_FILE)


def _numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.str.replace(",", ""), errors="coerce")


# ---------------------------------------------------------------------------
# 결정성, 크기, 형식
# ---------------------------------------------------------------------------
def test_regenerated_files_equal_committed_and_manifest(regenerated):
    out = regenerated("yeominjeon")        # 캐시 없이 새로 만든 폴더 (conftest, make test 한 번에 한 번)
    manifest = _manifest()
    for name in FILES:
        raw = (out / name).read_bytes()
        assert raw == (DATA / name).read_bytes(), f"datasets/{name} 가 생성기와 다릅니다 (python -m sejongdata.generate)"
        assert hashlib.sha256(raw).hexdigest() == manifest[name], name


def test_chapter_data_fit_the_budget():
    total = sum((DATA / name).stat().st_size for name in FILES)
    assert total <= BUDGET_BYTES, f"5장 자료가 {total:,} 바이트로 예산 8 MB 를 넘습니다."


def test_headers_and_encoding(merchants, daily, cross, policy, holders):
    assert list(merchants.columns) == ym.MERCHANT_HEADER
    assert list(daily.columns) == ym.DAILY_HEADER
    assert list(cross.columns) == ym.CROSSTAB_HEADER
    assert list(policy.columns) == ym.POLICY_HEADER
    assert list(holders.columns) == ym.CARDHOLDER_HEADER
    for name in FILES:
        (DATA / name).read_bytes().decode("cp949")          # CP949 로 풀려야 함
        with pytest.raises(UnicodeDecodeError):
            (DATA / name).read_bytes().decode("utf-8")     # 한글이 있으므로 UTF-8 은 아님


def test_suppressed_cells_are_marked_not_dropped_or_zero(daily, cross):
    for table in (daily, cross):
        hidden = table["결제건수"].eq("X")
        assert hidden.any()
        assert (table.loc[hidden, "결제금액(천원)"] == "X").all()          # 두 값 열이 함께 가려짐
        shown = _numbers(table.loc[~hidden, "결제건수"])
        assert shown.notna().all() and (shown >= ym.SUPPRESS_BELOW).all()  # 공개 칸은 5건 이상
        assert not table["결제건수"].eq("0").any()                          # 0건 칸은 행이 없음
        amounts = _numbers(table.loc[~hidden, "결제금액(천원)"])
        assert amounts.notna().all() and (amounts > 0).all()
    share = cross["결제건수"].eq("X").mean()
    assert 0.05 < share < 0.30, f"교차표의 비공개 칸 비율 {share:.1%}"


def test_categories_and_codes(daily, cross, holders, merchants):
    assert set(daily["업종"]) == set(ym.SECTORS) and set(daily["가맹점규모"]) <= set(ym.SIZE_CLASSES)
    assert set(cross["업종"]) == set(ym.SECTORS) and set(cross["연령대"]) == set(ym.AGE_BANDS)
    assert set(cross["성별"]) == set(ym.SEXES) and set(cross["거주생활권"]) == set(ym.HOME_ZONES)
    assert set(cross["기준분기"]) == {f"2021년 {q}분기" for q in range(1, 5)}
    codes = set(build_city().emd["emd_code"])
    assert set(cross["가맹점행정동코드"]) <= codes and set(merchants["행정동코드"]) <= codes
    assert set(holders["기준연도"]) == {"2020", "2021", "2022", "2023", "2024"}
    assert len(holders) == 5 * len(ym.HOME_ZONES) * len(ym.AGE_BANDS) * len(ym.SEXES)
    dates = pd.to_datetime(daily["기준일자"], format="%Y-%m-%d")
    assert dates.min() == ym.LAUNCH and dates.max() == ym.LAST_DAY


# ---------------------------------------------------------------------------
# 가맹점과 상가 기반층
# ---------------------------------------------------------------------------
def test_merchants_cover_every_store_and_exclusions_hold(merchants):
    layer = pd.read_csv(DATA / stores.STORES_FILE, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    listed = merchants.loc[merchants["상가업소번호"] != "", "상가업소번호"]
    assert listed.is_unique and set(listed) == set(layer["상가업소번호"])
    scls = merchants.set_index("상가업소번호")["상권업종소분류코드"]
    assert (scls[layer["상가업소번호"]].to_numpy() == layer["상권업종소분류코드"].to_numpy()).all()
    member = merchants["가맹여부"] == "Y"
    assert merchants.loc[member, "가맹점번호"].str.fullmatch(r"YM\d{7}").all()
    assert merchants.loc[member, "가맹점번호"].is_unique
    assert (merchants.loc[~member, "가맹점번호"] == "").all()
    excluded = merchants["상권업종소분류코드"].isin(list(ym.EXCLUDED_SCLS))
    assert not (excluded & member).any(), "대규모 점포·유흥·사행업소는 가맹점이 될 수 없습니다."
    assert set(merchants.loc[~member, "비고"]) <= set(ym.EXCLUDED_SCLS.values()) | {"기업형 슈퍼마켓", "카드 단말기 없음"}
    closed = merchants["상가업소번호"] == ""
    assert (merchants.loc[closed, "비고"] == "폐업").all() and (merchants.loc[closed, "해지일"] != "").all()
    assert (merchants.loc[closed, "해지일"] <= "2024-06-30").all()
    assert (merchants.loc[~closed & member, "해지일"] == "").all()
    joined = merchants.loc[member, "가맹일"]
    assert (joined >= "2020-03-03").all() and (merchants.loc[closed, "해지일"] > merchants.loc[closed, "가맹일"]).all()


def test_merchants_at_launch_match_the_report(merchants):
    member = merchants["가맹여부"] == "Y"
    at_launch = member & (merchants["가맹일"] == "2020-03-03")
    assert abs(at_launch.sum() / ym.MERCHANTS_AT_LAUNCH - 1) <= 0.05      # 사실 파일 §6: 약 1만 2천 곳


def test_sector_mapping():
    assert ym.sector_of("I20101") == "음식점" and ym.sector_of("I21201") == "카페·제과"
    assert ym.sector_of("I21001") == "카페·제과" and ym.sector_of("G20405") == "식료품·마트"
    assert ym.sector_of("G21401") == "주유·자동차" and ym.sector_of("S20301") == "주유·자동차"
    assert ym.sector_of("G21501") == "보건의료" and ym.sector_of("Q10201") == "보건의료"
    assert ym.sector_of("P10501") == "교육" and ym.sector_of("G20901") == "생활소매"
    assert ym.sector_of("S20701") == "생활서비스" and ym.sector_of("L10201") == "생활서비스"


# ---------------------------------------------------------------------------
# 보정 (사실 파일 §6)
# ---------------------------------------------------------------------------
def _daily_won(daily: pd.DataFrame) -> pd.Series:
    shown = daily[daily["결제건수"] != "X"]
    return pd.Series(_numbers(shown["결제금액(천원)"]).to_numpy() * 1000.0,
                     index=pd.to_datetime(shown["기준일자"]))


def test_spending_2021_matches_issuance_and_top_sector(daily):
    won = _daily_won(daily)
    total_2021 = won[won.index.year == 2021].sum()
    assert abs(total_2021 / 3_000e8 - 1) <= 0.05                     # §6: 2021년 발행 약 3,000억 원
    by_sector = daily[(daily["결제건수"] != "X") & daily["기준일자"].str.startswith("2021")]
    top = by_sector.assign(v=_numbers(by_sector["결제금액(천원)"])).groupby("업종")["v"].sum().idxmax()
    assert top == "음식점"                                            # §6: 음식점이 가장 많이 쓰인 업종


def test_policy_calendar_matches_the_facts(policy):
    p = policy.set_index("기준월")
    issued = _numbers(p["발행액(억원)"])
    assert issued["2020-03":"2020-06"].sum() == 300                    # §6: 3~6월 300억
    assert issued["2020-07"] == 150 and p.loc["2020-07", "마감소요시간(시간)"] == "12"
    assert p.loc["2020-07", "구매자수(명)"] == "41,668" and p.loc["2020-07", "가입자수(명)"] == "64,837"
    assert issued["2020-03":"2020-10"].sum() >= 1_000                  # §6: 10월까지 1,000억 돌파
    ratio = issued[[m for m in issued.index if m.startswith("2021")]].sum() / issued["2020-03":"2020-12"].sum()
    assert abs(ratio / 1.71 - 1) <= 0.05                                # §6: 2021년 +71 %
    rate = _numbers(p["캐시백률(%)"])
    assert (rate["2020-03":"2022-12"] == 10).all() and (rate["2023-01":"2023-12"] == 7).all()
    assert set(rate["2024-01":"2024-12"]) == {5, 7} and (_numbers(p["월구매한도(만원)"])["2024-01":] == 30).all()
    assert (_numbers(p["월구매한도(만원)"])["2020-03"] == 50) and (_numbers(p["연구매한도(만원)"])["2020-03"] == 500)


def test_cardholders_match_the_facts(holders):
    h = holders.assign(n=_numbers(holders["가입자수(명)"]))
    total = h.groupby("기준연도")["n"].sum()
    assert total["2021"] == 144_000                                     # §6: 2021년 가입자 144,000명
    assert abs(total["2021"] / total["2020"] / 1.55 - 1) <= 0.05        # §6: +55 %
    y21 = h[h["기준연도"] == "2021"]
    share = y21.loc[y21["연령대"] == "40대", "n"].sum() / y21["n"].sum()
    assert abs(share / 0.46 - 1) <= 0.05                                # §6: 이용자의 46 %가 40대


# ---------------------------------------------------------------------------
# 파일 사이의 일관성과 들어 있는 정책 효과
# ---------------------------------------------------------------------------
def test_crosstab_margins_equal_the_daily_file():
    world = ym.build_yeominjeon(base.SEED)
    d = world.daily[world.daily["date"].dt.year == 2021]
    daily_q = d.groupby([d["date"].dt.to_period("Q").astype(str), "sector"])[["transactions", "amount_won"]].sum()
    cross_q = world.crosstab.groupby(["quarter", "sector"])[["transactions", "amount_won"]].sum()
    assert (daily_q["transactions"] == cross_q["transactions"]).all()
    assert np.allclose(daily_q["amount_won"], cross_q["amount_won"], rtol=1e-9)


def test_published_crosstab_differs_from_margin_only_by_hidden_cells(cross, daily):
    """공개 칸의 합 + 가린 칸(1~4건) 경계 안에 일별 파일의 분기 합계가 듭니다 (차분으로 가린 합을 되살림)."""
    hidden = cross["결제건수"] == "X"
    shown = _numbers(cross.loc[~hidden, "결제건수"]).sum()
    d = daily[daily["기준일자"].str.startswith("2021")]
    margin = _numbers(d.loc[d["결제건수"] != "X", "결제건수"]).sum()
    d_hidden = (d["결제건수"] == "X").sum()
    assert shown + hidden.sum() <= margin + 4 * d_hidden and margin <= shown + 4 * hidden.sum()


def test_policy_effect_is_what_the_card_says():
    days = pd.date_range("2022-12-01", "2024-12-31")
    effect = pd.Series(ym.policy_effect(days), index=days)
    assert effect["2022-12-01"] == 0 and effect["2022-12-20"] == pytest.approx(0.06)
    assert effect["2023-06-01"] == pytest.approx(-0.13) and effect["2024-03-01"] == pytest.approx(-0.33)
    assert effect["2024-09-10"] == pytest.approx(-0.28)
    assert effect["2024-12-31"] < np.log(0.35)


def test_daily_series_shows_the_built_in_cut(daily):
    won = _daily_won(daily).groupby(level=0).sum()
    before = won["2022-03-01":"2022-11-30"].mean()
    after = won["2023-03-01":"2023-11-30"].mean()
    growth = np.exp(ym.GROWTH)                                         # 1년 성장을 빼고 보면 −12 % 안팎
    assert after / before / growth == pytest.approx(np.exp(ym.EFFECT_2023), rel=0.04)
