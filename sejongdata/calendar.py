"""한국의 공휴일 (public holidays) — 모의 데이터 생성기와 장 노트북이 함께 씁니다.

출처: 「관공서의 공휴일에 관한 규정」 제2조·제3조 (설·추석 연휴, 대체공휴일 1/27, 국회의원 선거일 4/15,
정부가 지정한 임시공휴일 8/17 포함).
주말과 겹친 공휴일도 그대로 적었습니다 (요일은 pandas 로 따로 확인할 수 있습니다).
"""
from __future__ import annotations

import pandas as pd

HOLIDAYS: dict[int, dict[str, str]] = {
    2020: {
        "2020-01-01": "1월 1일",
        "2020-01-24": "설날 전날",
        "2020-01-25": "설날",
        "2020-01-26": "설날 다음날",
        "2020-01-27": "대체공휴일(설날)",
        "2020-03-01": "삼일절",
        "2020-04-15": "제21대 국회의원선거일",
        "2020-04-30": "부처님오신날",
        "2020-05-05": "어린이날",
        "2020-06-06": "현충일",
        "2020-08-15": "광복절",
        "2020-08-17": "임시공휴일",
        "2020-09-30": "추석 전날",
        "2020-10-01": "추석",
        "2020-10-02": "추석 다음날",
        "2020-10-03": "개천절",
        "2020-10-09": "한글날",
        "2020-12-25": "기독탄신일",
    },
}


def holidays(year: int) -> pd.DataFrame:
    """그해 공휴일 표 (date, name). 목록이 없는 해는 분명한 오류를 냅니다."""
    if year not in HOLIDAYS:
        raise ValueError(f"{year}년 공휴일 목록이 없습니다 (있는 해: {sorted(HOLIDAYS)}).")
    items = HOLIDAYS[year]
    return pd.DataFrame({"date": pd.to_datetime(list(items)), "name": list(items.values())})


def is_holiday(dates) -> pd.Series:
    """날짜(또는 시각) 배열이 공휴일인지 (True/False). 시각은 날짜로 잘라 봅니다."""
    days = pd.to_datetime(pd.Series(dates)).dt.normalize()
    known = {d for year in HOLIDAYS for d in pd.to_datetime(list(HOLIDAYS[year]))}
    return days.isin(known)
