"""SNS 게시글 생성기(sejongdata/generate/sns.py) 시험.

임시 폴더에 다시 만들어 커밋된 파일(MANIFEST)과 바이트로 비교하고, 생성기의 정답 열(주제, 민원, 종류,
언급 장소)로 사건 효과·날짜가 있는 낱말·잡음·표본을 확인합니다. 파일 형식은 pandas 만으로 읽습니다.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd
import pytest

from sejongdata import text
from sejongdata.generate import base, build_city, sns
from sejongdata.paths import REPO_ROOT
from sejongdata.readers import read_emd_master, read_places

pytestmark = pytest.mark.chapter("04")

DATA = REPO_ROOT / "datasets"
FILES = [sns.POSTS_FILE, sns.LABELS_FILE]


def _manifest() -> dict[str, str]:
    pairs = [line.split("  ", 1) for line in (DATA / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()]
    return {name: digest for digest, name in pairs}


@pytest.fixture(scope="module")
def posts() -> pd.DataFrame:
    return sns.build_posts(base.SEED)


@pytest.fixture(scope="module")
def normal(posts) -> pd.DataFrame:
    return posts[posts["kind"] == "normal"]


@pytest.fixture(scope="module")
def monthly(normal) -> pd.DataFrame:
    month = normal["created_at"].dt.strftime("%Y-%m")
    return normal.groupby([month, "topic"]).size().unstack(fill_value=0)


def test_regenerated_files_equal_the_committed_ones(regenerated):
    out = regenerated("sns")               # 캐시 없이 새로 만든 폴더 (conftest, make test 한 번에 한 번)
    committed = _manifest()
    for name in FILES:
        raw = (out / name).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == committed[name], \
            f"{name}: datasets/ 가 생성기와 다릅니다 (python -m sejongdata.generate --only sns)"
        assert raw == (DATA / name).read_bytes()


def test_posts_file_looks_like_an_export():
    raw = (DATA / sns.POSTS_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    assert len(raw) <= 8_000_000, f"{len(raw):,} 바이트 (예산 8 MB)"
    assert raw.decode("utf-8-sig").split("\n", 1)[0] == ",".join(sns.POSTS_HEADER)
    df = pd.read_csv(DATA / sns.POSTS_FILE, encoding="utf-8-sig", dtype=str)
    assert 20_000 <= len(df) <= 30_000
    assert df["게시물ID"].str.fullmatch(r"P\d{6}").all() and df["게시물ID"].is_unique
    times = pd.to_datetime(df["작성일시"], format="%Y-%m-%d %H:%M")
    assert times.is_monotonic_decreasing and times.min().year == 2019 and times.max().year == 2024
    assert set(df["채널"]) == set(sns.CHANNELS)
    assert df["본문"].str.contains("\n").any()                   # 블로그 글의 줄바꿈 (따옴표 안)
    for column in ("좋아요", "댓글", "공유"):
        assert df[column].str.fullmatch(r"\d+").all()


def test_noise_and_kinds(posts):
    share = posts["kind"].value_counts(normalize=True)
    assert 0.05 < share["spam"] < 0.10 and 0.03 < share["repost"] < 0.07 and 0.005 < share["double"] < 0.02
    body = posts["text"]
    for pattern, low in ((r"#\S+", 0.2), (r"https?://", 0.04), (r"[ㅋㅎ]{2,}", 0.15), (r"[\U0001F300-\U0001FAFF]", 0.15),
                         (r"클린넷", 0.005), (r"됬|몇일|어떻해|넘 ", 0.003)):
        assert body.str.contains(pattern).mean() > low, pattern
    assert posts["author"][posts["kind"] == "spam"].str.startswith("ad").all()
    assert posts["text"].str.len().between(5, 800).all()


def test_cleaning_rules_catch_spam_without_dropping_ordinary_posts(posts):
    clean, _report = text.clean_posts(posts)
    kept = posts["post_id"].isin(clean["post_id"])
    assert kept[posts["kind"] == "spam"].mean() < 0.01
    assert not kept[posts["kind"].isin(["repost", "double"])].any()
    assert kept[posts["kind"] == "normal"].mean() > 0.9
    assert not text._is_ad(posts.loc[posts["kind"] == "normal", "text"]).any()


def test_dated_events_move_their_topics(monthly):
    peak = monthly.idxmax()
    assert peak["yeominjeon"] in ("2020-03", "2020-07")
    assert peak["capital"] in ("2020-07", "2020-08", "2021-09", "2021-10")
    assert peak["housing"] in ("2020-07", "2020-08")
    assert peak["festival"] in ("2022-10", "2023-10", "2024-10", "2019-10")
    assert peak["cleannet"] in ("2024-06", "2024-07")
    assert monthly.loc["2019-01":"2020-01", "yeominjeon"].sum() == 0
    share = monthly.div(monthly.sum(axis=1), axis=0)
    assert share.loc["2020-08":"2020-12", "mobility"].mean() > share.loc["2019-08":"2019-12", "mobility"].mean()
    october = share["festival"][share.index.str.endswith("-10")]
    assert october[["2022-10", "2023-10"]].min() > october[["2020-10", "2021-10"]].max()


def test_words_appear_only_after_their_dates(normal):
    times = normal["created_at"]
    for pattern, start in (("여민전", sns.YEOMINJEON_FROM), ("킥보드", sns.PM_FROM), ("이응다리", sns.BRIDGE_FROM),
                           ("B6", sns.B6_FROM), ("PM스테이션", sns.PM_STATION_FROM), ("50리터", "2024-05-20")):
        hits = normal["text"].str.contains(pattern, regex=False)
        assert hits.any(), pattern
        assert times[hits].min() >= pd.Timestamp(start), pattern
    fall = normal["text"].str.contains("까지 떨어졌") & normal["topic"].eq("housing")
    assert times[fall].min() >= pd.Timestamp(sns.HOUSING_FALL_FROM)


def test_gazetteer_finds_the_places_the_generator_used(normal):
    gaz = text.place_gazetteer(read_emd_master(), read_places())
    with_place = normal[normal["places"] != ""]
    assert 0.5 < len(with_place) / len(normal) < 0.9
    spelled = text._normalise_spelling(with_place["text"])           # '호수 공원' → '호수공원' (정리 규칙)
    found = text.find_places(spelled.tolist(), gaz)["place"].to_numpy()
    truth = with_place["places"].str.split("|").tolist()
    hit = np.mean([f in t for f, t in zip(found, truth)])
    assert hit > 0.97, hit


def test_places_follow_population_and_topic_tilt(normal):
    city = build_city(base.SEED)
    codes = normal["place_codes"].str.split("|").str[0]
    codes = codes[codes != ""]
    newtown = set(city.emd.loc[city.emd["emd_type"] == "동", "emd_code"])
    topic = normal.loc[codes.index, "topic"]
    assert codes[topic == "cleannet"].isin(newtown).mean() > 0.99   # 크린넷은 신도시에만 (블로그의 일상 절 빼고)
    hansol = "3611051000"
    assert (codes[topic == "cleannet"] == hansol).mean() > (codes[topic == "daily"] == hansol).mean()


def test_labels_are_a_random_sample_with_a_few_errors(posts):
    labels = sns.build_labels(base.SEED)
    assert len(labels) == sns.LABEL_SAMPLE and labels["post_id"].is_unique
    assert set(labels["labeler"]) == {"A", "B", "C"}
    assert 0.15 < labels["minwon"].mean() < 0.30
    assert 0.015 < (labels["minwon"] != labels["truth"]).mean() < 0.05
    merged = labels.merge(posts, on="post_id")
    assert (merged["truth"] == merged["minwon_y"].astype(int)).all()
    written = pd.read_csv(DATA / sns.LABELS_FILE, dtype={"post_id": str})
    assert list(written.columns) == ["post_id", "minwon", "labeler"]
    assert written["minwon"].tolist() == labels["minwon"].tolist()


def test_conjugation_rules():
    forms = {k: sns.PREDS[k].forms(False) + sns.PREDS[k].forms(True) for k in ("심하다", "멀다", "막히다", "고장났다", "최고다")}
    assert {"심하다", "심해", "심하네", "심함", "심해요", "심합니다", "심하네요"} <= set(forms["심하다"])
    assert {"멀다", "머네", "멂", "멉니다", "머네요"} <= set(forms["멀다"])
    assert {"막힌다", "막혀", "막힘", "막힙니다"} <= set(forms["막히다"])
    assert {"고장났다", "고장났음", "고장났습니다"} <= set(forms["고장났다"])
    assert {"최고예요", "최고입니다"} <= set(forms["최고다"])
    assert all(not re.search(r"[<>{}]", t) for t in sns.build_posts(base.SEED)["text"].head(3000))
