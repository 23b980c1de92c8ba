"""4장 게시글 리더(read_sns_posts)와 민원 표본 리더(read_sns_labels) 시험.

좋은 파일과 나쁜 파일은 테스트 안에서 tmp_path 에 만듭니다. 세종시 SNS 게시글의 공개된 실제 파일은 없어
(사실 파일 §8) 실제 파일 시험은 없고, 대신 소셜 리스닝 서비스·수집기에서 흔한 모양(영어 머리글, 탭 구분,
설명 줄, 엑셀 '오후' 시각, 시간대 붙은 ISO 시각, '1.2만' 같은 수)을 만들어 읽습니다.
"""
from __future__ import annotations

import warnings

import pandas as pd
import pytest
from conftest import REPO_ROOT, assert_error

from sejongdata import SejongDataError, SejongDataWarning
from sejongdata.readers import column_map, read_sns_labels, read_sns_posts

pytestmark = pytest.mark.chapter("04")

HEADER = "게시물ID,채널,작성일시,작성자,본문,URL,좋아요,댓글,공유\n"
ROW1 = "P1,SNS,2020-07-21 15:05,u1,크린넷 냄새가 너무 심해요 #크린넷,https://sns.example.com/u1/1,3,1,0\n"
ROW2 = 'P2,블로그,2020-07-20 09:00,u2,"어울링 타고 출근\n정말 편해요",https://blog.example.com/u2/2,"1,234",2,1\n'


def write(tmp_path, text, name="posts.csv", encoding="utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def quiet(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SejongDataWarning)
        return read_sns_posts(path, **kwargs)


# ---------------------------------------------------------------------------
# 좋은 파일
# ---------------------------------------------------------------------------
def test_korean_export_reads_with_fixed_columns(tmp_path):
    posts = quiet(write(tmp_path, HEADER + ROW1 + ROW2))
    assert list(posts.columns[:11]) == ["post_id", "created_at", "channel", "author", "title", "text", "url",
                                        "likes", "comments", "shares", "empty_text"]
    assert posts.loc[0, "created_at"] == pd.Timestamp("2020-07-21 15:05")
    assert posts.loc[1, "text"] == "어울링 타고 출근\n정말 편해요"          # 따옴표 안의 줄바꿈
    assert posts["likes"].tolist() == [3, 1234] and str(posts["likes"].dtype) == "Int64"
    assert posts["title"].isna().all() and not posts["empty_text"].any()


def test_english_headers_tabs_counts_and_time_zones(tmp_path):
    text = ("id\tdate\tsource\tcontent\tlike_count\tretweets\n"
            "a1\t2021-09-28T05:30:00Z\tSNS\t세종의사당 법안 통과!\t1.2만\t3천\n"
            "a2\t2021-09-28T14:30:00+09:00\tSNS\t드디어\t1.5K\t0\n")
    posts = quiet(write(tmp_path, text, "export.tsv", encoding="utf-8"))
    assert posts["created_at"].tolist() == [pd.Timestamp("2021-09-28 14:30")] * 2   # UTC 05:30 = 한국 14:30
    assert posts["likes"].tolist() == [12_000, 1_500] and posts["shares"].tolist() == [3_000, 0]
    assert posts["channel"].tolist() == ["SNS", "SNS"] and posts["comments"].isna().all()


def test_excel_ampm_times_cp949_title_and_extra_columns(tmp_path):
    text = ("번호,등록일,제목,내용,조회수\n"
            "1,2020. 7. 21. 오후 3:05,여민전 질문,여민전 캐시백 언제까지인가요?,15\n"
            "2,2020. 7. 21. 오전 9:05:30,,크린넷 고장,7\n")
    posts = quiet(write(tmp_path, text, encoding="cp949"))
    assert posts["created_at"].tolist() == [pd.Timestamp("2020-07-21 15:05"), pd.Timestamp("2020-07-21 09:05:30")]
    assert posts.loc[0, "title"] == "여민전 질문" and pd.isna(posts.loc[1, "title"])
    assert posts["조회수"].tolist() == ["15", "7"]                          # 사전에 없는 열은 그대로 붙음


def test_date_and_text_can_be_named_by_hand(tmp_path):
    text = "글 내용,등록 시각,작성일\n크린넷 냄새,2020/07/21 15:05,2020-07-22\n"
    posts = quiet(write(tmp_path, text), date="등록 시각", text="글 내용")
    assert posts.loc[0, "created_at"] == pd.Timestamp("2020-07-21 15:05")
    assert posts.loc[0, "text"] == "크린넷 냄새" and posts.loc[0, "작성일"] == "2020-07-22"


def test_preamble_empty_text_and_duplicate_ids_are_kept_with_warnings(tmp_path):
    text = "검색어: 세종\n기간: 2020-07-01 ~ 2020-07-31\n" + HEADER + ROW1 + ROW1.replace("크린넷 냄새가 너무 심해요 #크린넷", "")
    with pytest.warns(SejongDataWarning) as record:
        posts = read_sns_posts(write(tmp_path, text))
    shown = " ".join(str(w.message) for w in record)
    assert "설명 줄 2줄" in shown and "본문이 빈 글 1건" in shown and "같은 게시물 ID" in shown
    assert len(posts) == 2 and posts["empty_text"].tolist() == [False, True]


def test_column_map_documents_the_aliases():
    table = column_map("sns_posts")
    assert {"작성일시", "date", "본문", "content"} <= set(table["원래 열 이름"])
    assert {"created_at", "text", "likes"} <= set(table["english"])


def test_simulated_file_reads():
    path = REPO_ROOT / "datasets" / "sns_posts_2019_2024.csv"
    if not path.exists():
        pytest.skip("datasets/sns_posts_2019_2024.csv 가 아직 없습니다 ('make data').")
    posts = quiet(path)
    assert 20_000 <= len(posts) <= 30_000 and posts["post_id"].is_unique
    assert posts["created_at"].min() >= pd.Timestamp("2019-01-01")
    assert posts["created_at"].max() < pd.Timestamp("2025-01-01")
    assert posts["created_at"].is_monotonic_decreasing                   # 내보내기는 최근 글이 위
    labels = read_sns_labels()
    assert len(labels) == 4_000 and labels["post_id"].isin(posts["post_id"]).all()


# ---------------------------------------------------------------------------
# 나쁜 파일: 저마다 분명한 오류 하나
# ---------------------------------------------------------------------------
def test_missing_date_column(tmp_path):
    path = write(tmp_path, "게시물ID,본문\nP1,크린넷 냄새\n")
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "날짜(작성일시) 열", "작성일시", "게시물ID", "date=")


def test_missing_text_column(tmp_path):
    path = write(tmp_path, "게시물ID,작성일시,좋아요\nP1,2020-07-21 15:05,3\n")
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "본문(text) 열", "content", "text=")


def test_no_header_at_all(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,3\n")
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "머리글(header)을 찾지 못했습니다", "a, b, c")


def test_two_date_columns_clash(tmp_path):
    path = write(tmp_path, "작성일,date,본문\n2020-07-21,2020-07-21,크린넷\n")
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "같은 뜻의 열(column)이 두 번", "created_at")


def test_relative_times_are_refused(tmp_path):
    path = write(tmp_path, HEADER + ROW1.replace("2020-07-21 15:05", "3시간 전"))
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "상대 시각", "3시간 전", "절대 시각")


def test_unreadable_date(tmp_path):
    path = write(tmp_path, HEADER + ROW1.replace("2020-07-21 15:05", "7월 21일"))
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "작성일시", "7월 21일", "YYYY-MM-DD HH:MM")


def test_bad_count(tmp_path):
    path = write(tmp_path, HEADER + ROW1.replace(",3,1,0", ",많음,1,0"))
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "좋아요", "많음", "1.2만")


def test_semicolon_delimiter(tmp_path):
    path = write(tmp_path, "작성일시;본문\n2020-07-21 15:05;크린넷\n")
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "구분자(delimiter)", "세미콜론(;)")


def test_utf16_excel_unicode_text(tmp_path):
    path = tmp_path / "posts.txt"
    path.write_bytes("작성일시\t본문\n2020-07-21 15:05\t크린넷\n".encode("utf-16"))
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "인코딩(encoding)", "UTF-16")


def test_truncated_row(tmp_path):
    path = write(tmp_path, HEADER + ROW1 + "P3,SNS,2020-07-22 10:00,u3,잘린 줄\n")
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "필드 수(field count)", "9개 필드")


def test_header_only(tmp_path):
    path = write(tmp_path, HEADER)
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path)
    assert_error(info, path, "데이터 행(row)이 없습니다")


def test_named_column_not_in_file(tmp_path):
    path = write(tmp_path, HEADER + ROW1)
    with pytest.raises(SejongDataError) as info:
        read_sns_posts(path, text="글 내용")
    assert_error(info, path, "본문(text) 열", "'글 내용' 열")


def test_labels_must_be_zero_or_one(tmp_path):
    path = write(tmp_path, "post_id,minwon,labeler\nP1,1,A\nP2,2,B\n", name="labels.csv", encoding="utf-8")
    with pytest.raises(SejongDataError) as info:
        read_sns_labels(path)
    assert_error(info, path, "minwon", "0·1 이 아닌 값이 1개")
