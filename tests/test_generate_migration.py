"""인구이동 자료 생성기(sejongdata/generate/migration.py) 시험.

저장소의 datasets/ 파일을 pandas 만으로 읽어(리더 모듈과 독립) 항등식, 파일 사이의 일관성, 보정 목표,
형식을 확인하고, 임시 폴더에 두 번 만들어 바이트로 비교합니다.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from sejongdata.generate import build_city
from sejongdata.generate import migration as mg
from sejongdata.paths import REPO_ROOT

pytestmark = pytest.mark.chapter("03")

DATA = REPO_ROOT / "datasets"
FILES = [f for _, f, _ in mg.DATASETS]
ITEMS = [f"{i} (명)" for i in mg.ITEMS]


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="cp949", dtype=str, keep_default_na=False)


def _num(frame: pd.DataFrame, cols) -> pd.DataFrame:
    return frame[cols].replace("-", "0").astype(int)


@pytest.fixture(scope="module")
def sgg() -> pd.DataFrame:
    df = _read(mg.SGG_FILE)
    df["month"] = df["시점"].str[:7].str.replace(".", "-")
    return df


@pytest.fixture(scope="module")
def comp() -> pd.DataFrame:
    return _read(mg.EMD_COMP_FILE)


def test_generation_is_deterministic_and_matches_committed(regenerated):
    out = regenerated("migration")         # 캐시 없이 새로 만든 폴더 (conftest, make test 한 번에 한 번)
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(FILES)
    for name in FILES:
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), name


def test_files_are_kosis_shaped_and_within_budget():
    total = 0
    for name in FILES:
        raw = (DATA / name).read_bytes()
        total += len(raw)
        text = raw.decode("cp949")
        assert b"\r" not in raw and raw.endswith(b"\n")
        head = text.split("\n", 2)[:2]
        assert head[0].startswith('"') and '","' in head[0], name    # 모든 칸 큰따옴표
        assert re.search(r"\(명\)\"", "\n".join(head)), name         # 단위가 붙은 항목
    assert total < 6_000_000, f"3장 자료가 {total / 1e6:.1f} MB 입니다 (예산 6 MB)."


def test_emd_identity_holds_exactly(comp):
    """읍면동마다: 인구 변화 = 출생 − 사망 + 시도간 순이동 + 시군구내 순이동 + 행정구역 변경 (2019-02 부터)."""
    pop = pd.read_csv(DATA / "population_emd_monthly.csv", encoding="cp949", dtype=str)
    names = dict(zip(build_city().emd["emd_name"], build_city().emd["emd_code"]))
    values = comp[[c for c in comp.columns if c.endswith("(명)")]].astype(int)
    change = (values["출생 (명)"] - values["사망 (명)"] + values["시도간전입 (명)"]
              - values["시도간전출 (명)"] + values["시군구내전입 (명)"] - values["시군구내전출 (명)"]
              + values["행정구역변경 (명)"])
    checked = 0
    for name, code in names.items():
        row = pop[pop["행정구역"].str.endswith(f"({code})")].iloc[0]
        series = np.array([int(row[f"{m[:4]}년{m[5:]}월_총인구수"].replace(",", ""))
                           for m in mg.MONTHS])
        sel = (comp["읍면동별"] == name).to_numpy()
        assert (np.diff(series) == change[sel].to_numpy()[1:]).all(), name
        checked += 1
    assert checked == 24


def test_components_add_up_to_the_city_rows(sgg, comp):
    sejong = sgg[sgg["행정구역(시군구)별"] == "세종특별자치시"]
    city = _num(sejong, ITEMS).reset_index(drop=True)
    by_month = comp.assign(m=comp["시점"]).groupby("m", sort=True)[
        ["시도간전입 (명)", "시도간전출 (명)", "시군구내전입 (명)", "시군구내전출 (명)"]].agg(
        lambda s: s.astype(int).sum()).reset_index(drop=True)
    assert (by_month["시도간전입 (명)"] == city["시도간전입 (명)"]).all()
    assert (by_month["시도간전출 (명)"] == city["시도간전출 (명)"]).all()
    assert (by_month["시군구내전입 (명)"] == city["시도내이동-시군구내 (명)"]).all()
    assert (by_month["시군구내전출 (명)"] == city["시도내이동-시군구내 (명)"]).all()
    emd_od = _read(mg.EMD_OD_FILE)
    intra = emd_od.groupby("시점")["이동자수 (명)"].agg(lambda s: s.astype(int).sum())
    assert (intra.to_numpy() == city["시도내이동-시군구내 (명)"].to_numpy()).all()


def test_sgg_rows_are_internally_consistent(sgg):
    v = _num(sgg, ITEMS)
    assert (v["총전입 (명)"] - v["총전출 (명)"] == v["순이동 (명)"]).all()
    assert (v["총전입 (명)"] == v["시도내이동-시군구내 (명)"] + v["시도내이동-시군구간 전입 (명)"]
            + v["시도간전입 (명)"]).all()
    nation = sgg["행정구역(시군구)별"] == "전국"
    assert (v.loc[nation, "순이동 (명)"] == 0).all()
    gone = sgg["행정구역(시군구)별"].isin(["청원군", "연기군"])
    assert gone.sum() == 144 and (v[gone] == 0).all().all()
    sejong = sgg["행정구역(시군구)별"] == "세종특별자치시"
    assert (sgg.loc[sejong, "시도내이동-시군구간 전입 (명)"] == "-").all()
    gu = sgg["행정구역(시군구)별"].isin(mg.DAEJEON_GU)
    daejeon = sgg["행정구역(시군구)별"] == "대전광역시"
    for item in ("시도간전입 (명)", "시도간전출 (명)", "시도내이동-시군구내 (명)"):
        summed = v[gu].groupby(sgg.loc[gu, "month"]).sum()[item].to_numpy()
        assert (summed == v.loc[daejeon, item].to_numpy()).all(), item


def test_yearly_tables_match_the_monthly_rows(sgg):
    sejong = sgg[sgg["행정구역(시군구)별"] == "세종특별자치시"]
    yearly = _num(sejong, ITEMS).groupby(sejong["month"].str[:4].to_numpy()).sum()
    age = _read(mg.AGE_FILE)
    total = age[(age["성별"] == "계") & (age["연령별"] == "계")]
    reason = _read(mg.REASON_FILE)
    reason = reason[reason["전입사유별"] == "계"]
    for table in (total, reason):
        values = _num(table, ITEMS).to_numpy()
        assert (values == yearly.to_numpy()).all()
    bands = age[(age["성별"] == "계") & (age["연령별"] != "계")]
    summed = _num(bands, ITEMS).groupby(bands["시점"].to_numpy()).sum().to_numpy()
    assert (summed == yearly.to_numpy()).all()
    sexes = age[(age["성별"] != "계") & (age["연령별"] == "계")]
    assert (_num(sexes, ITEMS).groupby(sexes["시점"].to_numpy()).sum().to_numpy()
            == yearly.to_numpy()).all()


def test_wide_od_rows_and_totals():
    raw = (DATA / mg.OD_FILE).read_text(encoding="cp949").splitlines()
    head1, head2 = raw[0].split('","'), raw[1].split('","')
    assert head1[2] == "2019. 01" and head1[3] == "2019. 01" and head1[-1].startswith("2024. 12 p)")
    assert head2[2] == "이동자수 (명)" and head2[3] == "순이동자수 (명)"
    assert len(raw) == 2 + 18 * 18


def test_population_file_uses_the_base_city():
    pop = _read(mg.POP_FILE)
    sejong = pop[pop["행정구역(시도)별"] == "세종특별자치시"]
    base = build_city().population.groupby("month")["population"].sum()
    assert sejong["총인구수 (명)"].astype(int).tolist() == [int(base[f"{y}-12"]) for y in mg.YEARS]


def test_calibration_targets_within_5_percent_and_stated_in_the_cards():
    table = mg.calibration(mg.build_migration(build_city().seed))
    known_miss = {"2021-10 순이동"}      # 기반층의 2021년 10월 인구 증가가 정하는 값 (카드에 설명)
    for row in table.itertuples():
        limit = 10.0 if row.target in known_miss else 5.0
        assert abs(row.error_pct) <= limit, (row.target, round(row.error_pct, 2))
    card = (DATA / "kosis_migration_sgg_monthly.md").read_text(encoding="utf-8")
    for row in table.itertuples():
        assert row.target in card, f"카드에 보정 목표 '{row.target}' 가 없습니다."
        assert f"{row.error_pct:+.1f} %" in card, f"카드의 '{row.target}' 오차가 생성기와 다릅니다."
