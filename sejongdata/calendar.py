"""한국의 공휴일 (public holidays) — 모의 데이터 생성기와 장 노트북이 함께 씁니다.

출처: 「관공서의 공휴일에 관한 규정」 제2조·제3조 (설·추석 연휴, 대체공휴일, 선거일, 정부가 지정한
임시공휴일 2020-08-17·2023-10-02·2024-10-01 포함). 2021년 8월부터 대체공휴일이 국경일로, 2023년 5월부터
부처님오신날·기독탄신일로 넓어진 것을 따랐습니다.
주말과 겹친 공휴일도 그대로 적었습니다 (요일은 pandas 로 따로 확인할 수 있습니다).

- :func:`holidays` — 그해 공휴일 표, :func:`is_holiday` — 공휴일인가
- :func:`festival_days` — 설·추석 연휴 날짜, :func:`day_features` — 일별 자료 분석용 달력 변수
  (요일, 공휴일, 설·추석 연휴와 그 앞 일주일, 공무원 보수 지급일)
"""
from __future__ import annotations

import pandas as pd

HOLIDAYS: dict[int, dict[str, str]] = {
    2019: {
        "2019-01-01": "1월 1일",
        "2019-02-04": "설날 전날",
        "2019-02-05": "설날",
        "2019-02-06": "설날 다음날",
        "2019-03-01": "삼일절",
        "2019-05-05": "어린이날",
        "2019-05-06": "대체공휴일(어린이날)",
        "2019-05-12": "부처님오신날",
        "2019-06-06": "현충일",
        "2019-08-15": "광복절",
        "2019-09-12": "추석 전날",
        "2019-09-13": "추석",
        "2019-09-14": "추석 다음날",
        "2019-10-03": "개천절",
        "2019-10-09": "한글날",
        "2019-12-25": "기독탄신일",
    },
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
    2021: {
        "2021-01-01": "1월 1일",
        "2021-02-11": "설날 전날",
        "2021-02-12": "설날",
        "2021-02-13": "설날 다음날",
        "2021-03-01": "삼일절",
        "2021-05-05": "어린이날",
        "2021-05-19": "부처님오신날",
        "2021-06-06": "현충일",
        "2021-08-15": "광복절",
        "2021-08-16": "대체공휴일(광복절)",
        "2021-09-20": "추석 전날",
        "2021-09-21": "추석",
        "2021-09-22": "추석 다음날",
        "2021-10-03": "개천절",
        "2021-10-04": "대체공휴일(개천절)",
        "2021-10-09": "한글날",
        "2021-10-11": "대체공휴일(한글날)",
        "2021-12-25": "기독탄신일",
    },
    2022: {
        "2022-01-01": "1월 1일",
        "2022-01-31": "설날 전날",
        "2022-02-01": "설날",
        "2022-02-02": "설날 다음날",
        "2022-03-01": "삼일절",
        "2022-03-09": "제20대 대통령선거일",
        "2022-05-05": "어린이날",
        "2022-05-08": "부처님오신날",
        "2022-06-01": "제8회 전국동시지방선거일",
        "2022-06-06": "현충일",
        "2022-08-15": "광복절",
        "2022-09-09": "추석 전날",
        "2022-09-10": "추석",
        "2022-09-11": "추석 다음날",
        "2022-09-12": "대체공휴일(추석)",
        "2022-10-03": "개천절",
        "2022-10-09": "한글날",
        "2022-10-10": "대체공휴일(한글날)",
        "2022-12-25": "기독탄신일",
    },
    2023: {
        "2023-01-01": "1월 1일",
        "2023-01-21": "설날 전날",
        "2023-01-22": "설날",
        "2023-01-23": "설날 다음날",
        "2023-01-24": "대체공휴일(설날)",
        "2023-03-01": "삼일절",
        "2023-05-05": "어린이날",
        "2023-05-27": "부처님오신날",
        "2023-05-29": "대체공휴일(부처님오신날)",
        "2023-06-06": "현충일",
        "2023-08-15": "광복절",
        "2023-09-28": "추석 전날",
        "2023-09-29": "추석",
        "2023-09-30": "추석 다음날",
        "2023-10-02": "임시공휴일",
        "2023-10-03": "개천절",
        "2023-10-09": "한글날",
        "2023-12-25": "기독탄신일",
    },
    2024: {
        "2024-01-01": "1월 1일",
        "2024-02-09": "설날 전날",
        "2024-02-10": "설날",
        "2024-02-11": "설날 다음날",
        "2024-02-12": "대체공휴일(설날)",
        "2024-03-01": "삼일절",
        "2024-04-10": "제22대 국회의원선거일",
        "2024-05-05": "어린이날",
        "2024-05-06": "대체공휴일(어린이날)",
        "2024-05-15": "부처님오신날",
        "2024-06-06": "현충일",
        "2024-08-15": "광복절",
        "2024-09-16": "추석 전날",
        "2024-09-17": "추석",
        "2024-09-18": "추석 다음날",
        "2024-10-01": "임시공휴일(국군의 날)",
        "2024-10-03": "개천절",
        "2024-10-09": "한글날",
        "2024-12-25": "기독탄신일",
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


def _festival_map() -> dict[pd.Timestamp, str]:
    """설·추석 연휴 날짜 → "설"/"추석" (대체공휴일·임시공휴일은 넣지 않음)."""
    kinds = {}
    for year in HOLIDAYS:
        for day, name in HOLIDAYS[year].items():
            if name.startswith("설날"):
                kinds[pd.Timestamp(day)] = "설"
            elif name.startswith("추석"):
                kinds[pd.Timestamp(day)] = "추석"
    return kinds


def festival_days(dates) -> pd.Series:
    """설·추석 연휴 날짜이면 "설" 또는 "추석", 아니면 "" (대체공휴일·임시공휴일은 연휴에 넣지 않음)."""
    days = pd.to_datetime(pd.Series(dates)).dt.normalize()
    return days.map(_festival_map()).fillna("").astype("str")


def payday(dates, day: int = 20) -> pd.Series:
    """공무원 보수 지급일(매달 20일, 그날이 토·일·공휴일이면 그 앞의 평일)이면 True."""
    days = pd.to_datetime(pd.Series(dates)).dt.normalize()
    known = {d for year in HOLIDAYS for d in pd.to_datetime(list(HOLIDAYS[year]))}
    paid = set()
    for month in days.dt.to_period("M").unique():
        d = pd.Timestamp(year=month.year, month=month.month, day=day)
        while d.day_of_week >= 5 or d in known:
            d -= pd.Timedelta(days=1)
        paid.add(d)
    return days.isin(paid)


def day_features(dates) -> pd.DataFrame:
    """일별 자료 분석에 쓰는 달력 변수 표 (행 순서는 dates 와 같음).

    열: date, year, month(1~12), day(1~31), dow(월 0 … 일 6), holiday(공휴일),
    festival(설·추석 연휴 날이면 "설"/"추석", 아니면 ""), pre_festival(연휴 첫날 앞 7일 안),
    payday(20일 공무원 보수 지급일, 주말·공휴일이면 앞당김).

    예::

        day_features(pd.date_range("2021-01-01", "2021-12-31"))
    """
    days = pd.to_datetime(pd.Series(dates)).dt.normalize().reset_index(drop=True)
    festival = sorted(_festival_map())
    starts = [d for d in festival if d - pd.Timedelta(days=1) not in set(festival)]
    pre = pd.Series(False, index=days.index)
    for start in starts:
        pre |= (days >= start - pd.Timedelta(days=7)) & (days < start)
    return pd.DataFrame({
        "date": days, "year": days.dt.year, "month": days.dt.month, "day": days.dt.day,
        "dow": days.dt.day_of_week, "holiday": is_holiday(days).to_numpy(),
        "festival": festival_days(days).to_numpy(), "pre_festival": pre.to_numpy(),
        "payday": payday(days).to_numpy(),
    })
