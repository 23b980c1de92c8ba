"""SNS 게시글 자료 2종 — 4장 「SNS로 본 시민 관심사」.

- sns_posts_2019_2024.csv   모의 SNS·블로그·카페·지역 커뮤니티 게시글 2019~2024 (소셜 리스닝 내려받기 형식)
- sns_minwon_labels.csv     그 가운데 무작위 4,000건에 시 담당자가 민원 여부를 붙인 표 (모의)

세종시의 실제 SNS 말뭉치는 공개된 것이 없습니다(사실 파일 §8). 그래서 이 모듈은 한국어 문장을
**문법**으로 만듭니다: 주제마다 절(clause) 틀 × 자리 채움말(장소, 노선, 숫자, 시각, 금액) × 어미
(반말/존댓말, 활용형 여러 가지) × 글 길이(SNS 한 줄 ~ 블로그 여러 줄)를 조합하고, 그 위에 실제 게시글의
잡음(띄어쓰기 누락, 흔한 맞춤법 오류, 이모지, 해시태그, 주소(URL), ㅋㅋㅋ 같은 반복 글자, 광고·스팸,
퍼 나른 글, 두 번 올린 글)을 얹습니다.

주제의 비중은 날마다 바뀝니다: 주제마다 기본 비중 × 계절 × 연도 추세 × 사건 효과. 사건(세종의사당
국회법 통과, 행정수도 발언과 2020년 집값 급등, 여민전 출시, 공유 PM 시작, 세종축제, BRT 노선 개편,
크린넷 50ℓ 봉투 제한 시범 …)은 :data:`EVENTS` 에 날짜와 출처를 적었고, 출처가 없는 것은 ``"가정"`` 입니다.

장소는 기초 도시(:func:`base.build_city`)의 읍면동(그 달의 인구에 비례)과 주요 장소 이름을 씁니다.
게시글의 주제·민원 여부·언급 장소 같은 정답은 :func:`build_posts` 가 돌려주는 표에만 있고, 파일에는
실제 내려받기 파일처럼 본문과 메타데이터만 들어갑니다 (민원 표본의 표시는 따로).

모든 가정값(대문자 상수)은 교재용으로 정한 값이며 데이터 카드(datasets/sns_posts_2019_2024.md,
sns_minwon_labels.md)에 같은 내용을 표로 적었습니다.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import text as text_tools
from .base import SEED, City, build_city, rng

POSTS_FILE = "sns_posts_2019_2024.csv"
LABELS_FILE = "sns_minwon_labels.csv"
FIRST_DAY, LAST_DAY = "2019-01-01", "2024-12-31"
POSTS_HEADER = ["게시물ID", "채널", "작성일시", "작성자", "본문", "URL", "좋아요", "댓글", "공유"]

# ---------------------------------------------------------------------------
# 0. 규모와 채널 (가정)
# ---------------------------------------------------------------------------
BASE_POSTS_PER_DAY = 7.5            # 2019-01 의 일반 게시글 기대 건수 (가정; 인구에 비례해 늘어남)
SPAM_SHARE = 0.075                  # 광고·스팸 비중 (가정)
REPOST_SHARE = 0.045                # 다른 사람이 퍼 나른 글 (가정)
DOUBLE_SHARE = 0.012                # 같은 사람이 두 번 올린 글 (가정)
N_AUTHORS = 5_200                   # 일반 작성자 수 (가정, 글 수는 지프 분포)
N_BOTS = 24                         # 광고 계정 수 (가정)
LABEL_SAMPLE = 4_000                # 민원 여부를 붙인 무작위 표본 크기 (가정)
MINWON_CLAUSE_WEIGHT = 0.5         # 민원 절을 고를 상대 비중 (가정: 민원 글이 일반 글의 약 4분의 1)
LABEL_ERROR = 0.03                  # 담당자가 잘못 붙인 비율 (가정)
CHANNELS = ("SNS", "커뮤니티", "카페", "블로그")
CHANNEL_SHARE = (0.36, 0.27, 0.22, 0.15)
POLITE = {"SNS": 0.25, "커뮤니티": 0.35, "카페": 0.85, "블로그": 0.92}   # 존댓말을 쓸 확률
N_CLAUSES = {"SNS": ((1, 2), (0.65, 0.35)), "커뮤니티": ((1, 2, 3), (0.45, 0.4, 0.15)),
             "카페": ((1, 2, 3), (0.3, 0.45, 0.25)), "블로그": ((3, 4, 5), (0.45, 0.35, 0.2))}
DOMAINS = {"SNS": "sns.example.com", "커뮤니티": "community.example.com",
           "카페": "cafe.example.com", "블로그": "blog.example.com"}
# 시간대별 상대 비중 0~23시 (가정: 출근길, 점심, 밤 9~11시에 많음)
HOUR_WEIGHT = np.array([2.0, 1.2, 0.6, 0.3, 0.2, 0.3, 0.8, 2.0, 3.2, 2.6, 2.4, 2.6,
                        3.4, 2.8, 2.4, 2.4, 2.6, 2.8, 3.2, 3.4, 3.8, 4.4, 4.6, 3.6])

# ---------------------------------------------------------------------------
# 1. 주제와 사건 (topics and dated events)
# ---------------------------------------------------------------------------
TOPICS = ("transport", "capital", "housing", "festival", "mobility", "cleannet", "yeominjeon",
          "school", "daily")
TOPIC_NAMES = {"transport": "교통·BRT", "capital": "행정수도(의사당·집무실)", "housing": "집값·아파트",
               "festival": "축제·공원", "mobility": "어울링·킥보드", "cleannet": "크린넷",
               "yeominjeon": "여민전", "school": "학교·육아", "daily": "일상·맛집"}
BASE_WEIGHT = {"transport": 0.15, "capital": 0.06, "housing": 0.10, "festival": 0.08,
               "mobility": 0.085, "cleannet": 0.075, "yeominjeon": 0.08, "school": 0.11,
               "daily": 0.17}
# 달마다 배율 (1~12월, 가정)
SEASON = {
    "transport": (1.25, 1.15, 1.05, 0.95, 0.95, 0.95, 1.0, 0.9, 1.0, 1.0, 1.0, 1.25),
    "festival": (0.4, 0.5, 0.9, 1.7, 1.6, 1.0, 0.9, 0.9, 1.0, 1.4, 0.8, 0.6),
    "mobility": (0.5, 0.6, 1.0, 1.4, 1.5, 1.3, 1.0, 0.9, 1.3, 1.4, 1.0, 0.6),
    "cleannet": (0.7, 0.7, 0.8, 0.9, 1.1, 1.5, 1.9, 1.9, 1.3, 0.9, 0.8, 0.7),
    "school": (1.1, 1.4, 2.2, 1.2, 0.9, 0.8, 0.8, 1.1, 1.0, 0.8, 0.8, 1.2),
}
# 연도 추세 (가정: 어울링은 2020년에 대여가 두 배로 늘었고(사실 파일 §2), 여민전은 2020-03 출시)
TREND = {"mobility": {2019: 0.6, 2020: 1.1, 2021: 1.2, 2022: 1.1, 2023: 1.1, 2024: 1.0},
         "yeominjeon": {2019: 0.0, 2020: 1.0, 2021: 1.3, 2022: 1.0, 2023: 0.9, 2024: 1.0},
         "festival": {2019: 1.0, 2020: 0.6, 2021: 0.7, 2022: 1.0, 2023: 1.0, 2024: 1.0}}


@dataclass(frozen=True)
class Event:
    """날짜가 있는 사건: 그날부터 주제 비중이 ``(1 + lift × 감쇠)`` 배가 됩니다."""

    topic: str
    start: str                 # YYYY-MM-DD
    lift: float                # 첫날의 추가 배율
    days: float                # 감쇠의 반감기(일). window=True 면 이 날수 동안 일정하게
    label: str
    source: str                # 출처 (URL 이나 사실 파일 절) 또는 "가정"
    window: bool = False


EVENTS: tuple[Event, ...] = (
    Event("yeominjeon", "2020-03-03", 5.0, 20, "여민전 출시 (70억, 캐시백 최대 10 %)",
          "사실 파일 §6 (kmib.co.kr/article/view.asp?arcid=0924126067)"),
    Event("yeominjeon", "2020-07-01", 5.0, 6, "여민전 7월분 150억 12시간 만에 판매 끝 (날짜는 7월 초로 가정)",
          "사실 파일 §6 (ygnews.net/news/articleView.html?idxno=43675)"),
    Event("yeominjeon", "2020-11-01", 1.5, 20, "여민전 11~12월 800억 추가 발행",
          "사실 파일 §6 (daejeonpress.co.kr/news/view.php?idx=38920)"),
    Event("yeominjeon", "2024-01-02", 2.5, 15, "여민전 할인율 5~7 %, 월 30만 원 한도로 바뀜 (날짜는 1월 초로 가정)",
          "사실 파일 §6 (news1.kr/amp/local/sejong-chungbuk/5645257)"),
    Event("capital", "2020-07-20", 9.0, 25, "여당 원내대표 '국회·청와대 세종 이전' 교섭단체 연설",
          "daejonilbo.com/news/articleView.html?idxno=2121965"),
    Event("housing", "2020-07-20", 3.0, 45, "행정수도 발언 뒤 집값 급등 (2020-07 +6.53 %, 08 +9.20 %)",
          "사실 파일 §4 (daejonilbo.com/news/newsitem.asp?pk_no=1502641)"),
    Event("housing", "2021-07-26", 1.2, 60, "주간 아파트값 하락 시작 (2021-07-26 부터)",
          "사실 파일 §4 (daejonilbo.com/news/newsitem.asp?pk_no=1502641)"),
    Event("capital", "2021-08-30", 3.0, 8, "세종의사당 국회법 개정안 운영위원회 통과",
          "daejonilbo.com/news/newsitem.asp?pk_no=1485640"),
    Event("capital", "2021-09-28", 9.0, 15, "세종의사당 설치 국회법 개정안 본회의 통과",
          "news1.kr/articles/?4445820"),
    Event("capital", "2022-03-21", 4.0, 15, "대통령 당선인 측 '세종 제2집무실 약속 지킬 것'",
          "fntimes.com (2022-03-22 기사)"),
    Event("capital", "2024-03-27", 5.0, 10, "여당 '국회 세종 완전 이전' 총선 공약",
          "daejonilbo.com/news/articleView.html?idxno=2121965"),
    Event("capital", "2024-04-02", 4.0, 10, "대통령 세종청사 국무회의에서 '세종 제2집무실' 언급",
          "mobile.newsis.com/view/NISX20240402_0002684524"),
    Event("transport", "2021-02-05", 1.5, 15, "내부순환 보조 BRT(B5) 시범 운행",
          "asiae.co.kr/article/2021020409220895905"),
    Event("transport", "2022-07-15", 1.5, 15, "B5 노선·배차 조정",
          "busan.fnnews.com/news/202207130758537336"),
    Event("transport", "2024-05-11", 2.0, 20, "B0 증차(배차 4~15분)와 B6(세종터미널~오송역) 신설",
          "donga.com/news/amp/all/20240506/124808693/1"),
    Event("mobility", "2020-08-01", 1.0, 60, "공유 PM(전동킥보드) 서비스 시작",
          "사실 파일 §3 (weekly.newsis.com/view/?id=NISX20211130_0001670367)"),
    Event("mobility", "2023-08-29", 1.0, 15, "무선충전 PM스테이션 109곳",
          "사실 파일 §3 (m.newspim.com/news/view/20230829000265)"),
    Event("festival", "2019-10-04", 3.0, 4, "세종축제 (2019년 날짜는 가정: 10월 첫 주말 4일)", "가정", window=True),
    Event("festival", "2022-10-07", 3.5, 4, "세종축제 3년 만에 열림 (10월 7~10일, 호수공원·중앙공원)",
          "m.newspim.com/news/view/20220930000592", window=True),
    Event("festival", "2023-10-06", 3.5, 4, "세종축제 (10월 6~9일, 호수공원·중앙공원·이응다리)",
          "daejeonpress.co.kr/news/view.php?idx=56604", window=True),
    Event("festival", "2024-10-10", 3.5, 4, "세종축제 (2024년 날짜는 가정: 10월 둘째 주 4일)", "가정", window=True),
    Event("cleannet", "2024-06-01", 2.5, 61, "도담동 50ℓ 봉투 투입 제한 시범 (6~7월)",
          "사실 파일 §7 (inews365.com/mobile/article.html?no=815849)", window=True),
)
N_BREAKDOWN_CLUSTERS = 9           # 크린넷 고장 글이 며칠 몰리는 일 (날짜·동 모두 가정, 난수로 정함)
HOUSING_FALL_FROM = "2021-07-26"   # 이날부터 집값 글은 '하락' 틀을 씀 (사실 파일 §4)
PM_FROM = "2020-08-01"             # 킥보드 틀은 이날부터 (사실 파일 §3)
YEOMINJEON_FROM = "2020-02-15"     # 여민전 글은 출시 예고부터 (가정)
B5_FROM, B6_FROM = "2021-02-05", "2024-05-11"
PM_STATION_FROM = "2023-08-29"
BRIDGE_FROM = "2022-10-01"         # 이응다리(금강보행교) 이름은 2022년 축제 기사부터 보임 (가정)
FESTIVAL_YEARS = (2019, 2022, 2023, 2024)   # 2020·2021년은 열리지 않음 ('3년 만에', newspim 2022-09-30)


# ---------------------------------------------------------------------------
# 2. 한국어 활용 (a small conjugator for the predicates the templates use)
# ---------------------------------------------------------------------------
_NO, _N, _L, _LM, _M, _B = 0, 4, 8, 10, 16, 17       # 받침 번호: 없음, ㄴ, ㄹ, ㄻ, ㅁ, ㅂ


def _final(ch: str) -> int:
    return (ord(ch) - 0xAC00) % 28


def _set_final(ch: str, final: int) -> str:
    code = ord(ch) - 0xAC00
    return chr(0xAC00 + code - code % 28 + final)


@dataclass(frozen=True)
class Pred:
    """서술어 하나. ``stem`` 은 어간(과거는 '났' 까지), ``hae`` 는 해체('심해', '좋아', '막혀').

    규칙으로 만들 수 없는 꼴(ㅂ 불규칙의 명사형 '아쉬움', 모음 뒤 서술격 '최고예요')은 덮어씁니다.
    """

    stem: str
    hae: str
    kind: str = "adj"          # adj / verb / past
    haeyo: str = ""            # 해요체를 덮어쓸 때
    formal: str = ""           # 합니다체를 덮어쓸 때
    nominal: str = ""          # 명사형(-음)을 덮어쓸 때

    def _plain(self) -> str:
        last = self.stem[-1]
        if self.kind != "verb":
            return self.stem + "다"
        if _final(last) == _NO:
            return self.stem[:-1] + _set_final(last, _N) + "다"
        if _final(last) == _L:
            return self.stem[:-1] + _set_final(last, _N) + "다"
        return self.stem + "는다"

    def _drop_l(self) -> str:
        last = self.stem[-1]
        return self.stem[:-1] + _set_final(last, _NO) if _final(last) == _L else self.stem

    def _nominal(self) -> str:
        if self.nominal:
            return self.nominal
        last, f = self.stem[-1], _final(self.stem[-1])
        if f == _NO:
            return self.stem[:-1] + _set_final(last, _M)
        if f == _L:
            return self.stem[:-1] + _set_final(last, _LM)
        return self.stem + "음"

    def _formal(self) -> str:
        if self.formal:
            return self.formal
        base = self._drop_l()
        last = base[-1]
        if _final(last) == _NO:
            return base[:-1] + _set_final(last, _B) + "니다"
        return base + "습니다"

    def forms(self, polite: bool) -> tuple[str, ...]:
        if polite:
            haeyo = self.haeyo or self.hae + "요"
            return (haeyo, self._formal(), self._drop_l() + "네요", self.stem + "더라고요", haeyo)
        return (self._plain(), self.hae, self._drop_l() + "네", self.stem + "더라", self._nominal(),
                self._plain())


def P(stem: str, hae: str, kind: str = "adj", **over) -> Pred:
    return Pred(stem, hae, kind, **over)


PREDS: dict[str, Pred] = {
    "심하다": P("심하", "심해"), "많다": P("많", "많아"), "적다": P("적", "적어"),
    "좋다": P("좋", "좋아"), "멀다": P("멀", "멀어"), "불편하다": P("불편하", "불편해"),
    "편하다": P("편하", "편해"), "답답하다": P("답답하", "답답해"), "예쁘다": P("예쁘", "예뻐"),
    "길다": P("길", "길어"), "비싸다": P("비싸", "비싸"), "심각하다": P("심각하", "심각해"),
    "위험하다": P("위험하", "위험해"), "시끄럽다": P("시끄럽", "시끄러워", nominal="시끄러움"), "괜찮다": P("괜찮", "괜찮아"),
    "맛있다": P("맛있", "맛있어"), "없다": P("없", "없어"), "부족하다": P("부족하", "부족해"),
    "아쉽다": P("아쉽", "아쉬워", nominal="아쉬움"), "궁금하다": P("궁금하", "궁금해"), "걱정이다": P("걱정이", "걱정이야", haeyo="걱정이에요"),
    "대박이다": P("대박이", "대박이야", haeyo="대박이에요"),
    "최고다": P("최고", "최고야", haeyo="최고예요", formal="최고입니다"),
    "지옥이다": P("지옥이", "지옥이야", haeyo="지옥이에요"),
    "난리다": P("난리", "난리야", haeyo="난리예요", formal="난리입니다"), "빠르다": P("빠르", "빨라"), "느리다": P("느리", "느려"),
    "멋지다": P("멋지", "멋져"), "깨끗하다": P("깨끗하", "깨끗해"), "더럽다": P("더럽", "더러워", nominal="더러움"),
    "막히다": P("막히", "막혀", "verb"), "오르다": P("오르", "올라", "verb"),
    "떨어지다": P("떨어지", "떨어져", "verb"), "안 오다": P("안 오", "안 와", "verb"),
    "기다리다": P("기다리", "기다려", "verb"), "나다": P("나", "나", "verb"),
    "줄다": P("줄", "줄어", "verb"), "늘다": P("늘", "늘어", "verb"), "바뀌다": P("바뀌", "바뀌어", "verb"),
    "열리다": P("열리", "열려", "verb"), "안 열리다": P("안 열리", "안 열려", "verb"),
    "넘치다": P("넘치", "넘쳐", "verb"), "생기다": P("생기", "생겨", "verb"),
    "올랐다": P("올랐", "올랐어", "past"), "떨어졌다": P("떨어졌", "떨어졌어", "past"),
    "막혔다": P("막혔", "막혔어", "past"), "고장났다": P("고장났", "고장났어", "past"),
    "다녀왔다": P("다녀왔", "다녀왔어", "past"), "됐다": P("됐", "됐어", "past"),
    "생겼다": P("생겼", "생겼어", "past"), "바뀌었다": P("바뀌었", "바뀌었어", "past"),
    "끝났다": P("끝났", "끝났어", "past"), "샀다": P("샀", "샀어", "past"),
    "넣었다": P("넣었", "넣었어", "past"), "봤다": P("봤", "봤어", "past"),
    "받았다": P("받았", "받았어", "past"), "썼다": P("썼", "썼어", "past"),
    "통과됐다": P("통과됐", "통과됐어", "past"), "탔다": P("탔", "탔어", "past"),
    "왔다": P("왔", "왔어", "past"), "먹었다": P("먹었", "먹었어", "past"),
    "세워져 있다": P("세워져 있", "세워져 있어"), "붐비다": P("붐비", "붐벼", "verb"),
}

# 질문·요청처럼 활용이 정해진 말: 반말 후보 | 존댓말 후보
FIXED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "요청": (("좀 해줘라", "빨리 해결해라", "제발 좀 고쳐라", "해결 좀 하자"),
             ("조치 부탁드립니다", "빨리 해결해 주세요", "개선해 주셨으면 합니다", "확인 부탁드려요")),
    "고쳐": (("언제 고쳐줌?", "빨리 고쳐라", "고치긴 하냐"),
             ("빨리 고쳐 주세요", "언제 고쳐지나요?", "수리 부탁드립니다")),
    "민원": (("민원 넣었다", "민원 넣음", "110에 전화함", "시청에 민원 넣었는데 답이 없네"),
             ("민원 넣었어요", "시청에 민원 접수했습니다", "국민신문고에 민원 넣었어요", "민원 넣었는데 답이 없네요")),
    "아는사람": (("아는 사람?", "아는 사람 있음?", "누구 아냐"),
                 ("혹시 아시는 분 계실까요?", "아시는 분 알려 주세요", "정보 있으신 분 계신가요?")),
    "어때": (("어떰?", "어떤데?", "괜찮냐?"), ("어떤가요?", "어떠세요?", "괜찮을까요?")),
    "추천": (("추천 좀", "추천해 줘", "어디가 좋음?"), ("추천 부탁드려요", "추천해 주세요", "어디가 좋을까요?")),
    "언제": (("언제 됨?", "언제 되냐", "언제쯤 되려나"), ("언제쯤 될까요?", "언제 되나요?", "언제쯤일까요?")),
    "하자": (("가자", "가 보자", "가야지"), ("가 보려고요", "가 보세요", "가 볼 생각이에요")),
}


# ---------------------------------------------------------------------------
# 3. 절 틀 (clause templates). {자리}: 채움말, <서술어>: 활용, <@고정>: 정해진 말
#    m=True 인 절이 하나라도 있으면 민원 (시가 고칠 수 있는 불편을 알리거나 처리를 요구하는 글)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Clause:
    text: str
    m: bool = False            # 민원 절
    since: str = ""            # 이날부터 (YYYY-MM-DD)
    until: str = ""            # 이날 전까지
    w: float = 1.0             # 상대 비중
    months: tuple = ()         # 이 달에만 (비면 언제나)
    fest: bool = False         # 세종축제 기간(앞 5일 ~ 끝난 뒤 3일)에만


def C(text: str, m: bool = False, since: str = "", until: str = "", w: float = 1.0,
      months: tuple = (), fest: bool = False) -> Clause:
    return Clause(text, m, since, until, w, months, fest)


CLAUSES: dict[str, tuple[Clause, ...]] = {
    "transport": (
        C("{time} {line} 배차 간격이 {wait}분이나 <됐다>"),
        C("{stop}에서 {line} {wait}분째 <안 오다>", m=True),
        C("출근길 {line} 사람이 너무 <많다>"),
        C("{line} 타고 {hub}까지 {min}분이면 가니까 <편하다>"),
        C("{dong}에서 BRT 정류장까지 너무 <멀다>"),
        C("{dong} 사거리 신호가 너무 <길다>"),
        C("{dong} 사거리 신호등이 <고장났다> <@고쳐>", m=True),
        C("{dong} 상가 앞 불법 주차 때문에 길이 <막히다> <@요청>", m=True),
        C("{line} 배차 간격 좀 줄여 달라고 <@민원>", m=True),
        C("{dong} 주차장이 너무 <부족하다>"),
        C("퇴근 시간에 {dong} 앞 도로가 <막히다>"),
        C("세종은 그래도 BRT 전용차로 덕분에 버스가 <빠르다>"),
        C("{dong} 버스 정류장 눈이 안 치워져서 <위험하다>", m=True, months=(12, 1, 2), w=1.5),
        C("B5 시범 운행 한다던데 {dong} 사는 사람들은 좀 <편하겠다>", since=B5_FROM, until="2021-06-30", w=3),
        C("B5 노선 <바뀌었다> 배차도 줄었다던데 <@어때>", since="2022-07-15", until="2022-10-31", w=3),
        C("B0 배차가 {min}분 간격으로 <줄었다>", since=B6_FROM, w=2),
        C("오송역 가는 B6 생겨서 <편하다>", since=B6_FROM, w=2),
        C("{dong}에서 대전 가는 {line} 너무 <붐비다>"),
        C("조치원역에서 신도시 들어가는 버스가 너무 <적다>", w=0.8),
        C("밤늦게 {hub} 앞 택시 잡기가 너무 <답답하다>", w=0.7),
        C("행복청이 {dong} 쪽 BRT 노선 계획을 <발표했다>", w=0.6),
    ),
    "capital": (
        C("행정수도 이전 얘기가 또 <나오다>", until="2021-01-01", w=2),
        C("국회가 통째로 세종으로 온다니 <대박이다>", since="2020-07-20", until="2020-10-01", w=3),
        C("세종의사당 법안 이번엔 <통과됐다>", since="2021-09-28", until="2021-11-01", w=4),
        C("세종의사당 운영위 <통과됐다> 본회의는 <@언제>", since="2021-08-30", until="2021-09-28", w=4),
        C("세종의사당 들어오면 {dong} 쪽이 많이 <바뀌다>", since="2020-07-20"),
        C("세종의사당 건립 계획이 자꾸 늦어지는 것 같아서 <아쉽다>", since="2021-10-01"),
        C("대통령 세종집무실 공약 이번엔 지킨다니 <궁금하다>", since="2022-03-01", w=2),
        C("대통령 세종집무실 설계 어떻게 되고 있는지 <궁금하다>", since="2022-06-01"),
        C("정부세종청사에서 국무회의 한다고 기사가 <나오다>", since="2022-03-01"),
        C("국회 세종 완전 이전 공약이 또 <나오다>", since="2024-03-27", until="2024-05-01", w=4),
        C("세종집무실 얘기 나올 때마다 집값만 <오르다>", since="2022-03-01"),
        C("선거철만 되면 행정수도 공약이 <나오다>"),
        C("세종청사 공무원들 서울 출장 너무 <많다>"),
        C("행정수도 완성은 <@언제>"),
        C("행복청에서 세종의사당 부지 설명회를 <한다>", since="2021-10-01", w=0.8),
        C("행복청 발표 보니까 {dong} 쪽 개발이 <빠르다>", w=0.6),
    ),
    "housing": (
        C("{apt} 호가가 또 {price}억 <올랐다>", until=HOUSING_FALL_FROM, w=2),
        C("집값 너무 올라서 {dong} 전세도 <비싸다>", until=HOUSING_FALL_FROM, w=2),
        C("{dong} 아파트 실거래가가 {price}억을 <넘다>", until=HOUSING_FALL_FROM),
        C("청약 경쟁률이 너무 <심하다>", until=HOUSING_FALL_FROM),
        C("지금이라도 {dong} 아파트 사야 하나 <궁금하다>", until=HOUSING_FALL_FROM),
        C("{apt} 실거래가가 {price}억까지 <떨어졌다>", since=HOUSING_FALL_FROM, w=2),
        C("집값 하락이 언제까지 갈지 <걱정이다>", since=HOUSING_FALL_FROM, w=2),
        C("{dong} 아파트 매물만 쌓이고 거래가 <없다>", since=HOUSING_FALL_FROM),
        C("전세 시세가 {dong}부터 <떨어지다>", since=HOUSING_FALL_FROM),
        C("{apt} 관리비가 생각보다 <비싸다>"),
        C("{dong} 신축 아파트 입주 시작하니까 동네가 <붐비다>"),
        C("공무원 특공 폐지된다던데 청약 분위기가 <바뀌다>", since="2021-05-01", until="2021-12-31"),
        C("{dong}에 아파트 더 들어온다던데 <@어때>"),
        C("이사 갈 집 {dong}이랑 {dong2} 중에 <@추천>"),
    ),
    "festival": (
        C("{lake} 불꽃놀이 진짜 <대박이다>", fest=True, w=3),
        C("세종축제 보러 {lake} 왔는데 사람이 <많다>", fest=True, w=4),
        C("세종축제 때 {lake} 주차는 완전 <지옥이다>", m=True, fest=True, w=2),
        C("축제 끝나고 {lake}에 쓰레기가 <넘치다> <@요청>", m=True, fest=True, w=2),
        C("{park} 산책하기 딱 <좋다>"),
        C("{park} 벚꽃 지금 제일 <예쁘다>", months=(3, 4), w=3),
        C("주말에 아이랑 {park} <다녀왔다>"),
        C("{park} 화장실이 너무 <부족하다> <@요청>", m=True),
        C("이응다리 야경 진짜 <멋지다>", since=BRIDGE_FROM),
        C("낙화놀이 보러 중앙공원 <@하자>", fest=True, since="2022-10-01"),
        C("국립세종수목원 온실 <좋다>"),
        C("밤에 {park} 조명이 다 꺼져 있어서 <위험하다>", m=True, w=0.6),
        C("{park} 근처 카페 <괜찮다>"),
        C("이번 주말 {park} 행사 <@어때>"),
    ),
    "mobility": (
        C("어울링 타고 {dong}까지 출근하니까 <편하다>"),
        C("{dong} 어울링 대여소에 자전거가 하나도 <없다>", m=True),
        C("뉴어울링 앱이 자꾸 <멈추다> <@고쳐>", m=True),
        C("어울링 요금 이 정도면 <괜찮다>"),
        C("{lake} 한 바퀴 어울링으로 <탔다>"),
        C("어울링 자전거 브레이크가 <고장났다> <@요청>", m=True),
        C("{dong} 인도에 킥보드가 아무렇게나 <세워져 있다> <@요청>", m=True, since=PM_FROM, w=2),
        C("전동킥보드 둘이 타는 학생들 진짜 <위험하다>", since=PM_FROM),
        C("킥보드 때문에 {dong} 길 걷기가 <불편하다>", m=True, since=PM_FROM),
        C("전동킥보드 견인 좀 해 달라고 <@민원>", m=True, since=PM_FROM),
        C("킥보드 타고 {hub}까지 {min}분이면 <되다>", since=PM_FROM),
        C("{dong} PM스테이션 생겨서 킥보드 정리가 좀 <됐다>", since=PM_STATION_FROM, w=2),
        C("자전거 도로가 끊겨 있어서 <위험하다>", m=True, w=0.7),
        C("어울링 대여소 {dong}에도 <생겼다>"),
        C("주말 아침에 어울링 타고 금강 자전거길 달리니까 <좋다>"),
        C("어울링 정기권 끊었더니 교통비가 <줄었다>"),
        C("어울링 처음 타 봤는데 생각보다 <편하다>"),
        C("킥보드 요금이 생각보다 <비싸다>", since=PM_FROM),
    ),
    "cleannet": (
        C("{dong} 크린넷 냄새가 너무 <심하다>", m=True, w=2),
        C("{dong} 크린넷 투입구가 또 <막혔다>", m=True, w=1.5),
        C("크린넷 고장 {days}일째인데 <@고쳐>", m=True, w=1.5),
        C("{dong} 음식물 크린넷이 <안 열리다>", m=True),
        C("크린넷 앞에 쓰레기봉투가 <쌓이다> <@요청>", m=True),
        C("크린넷 고장 나서 <@민원>", m=True),
        C("크린넷 덕분에 쓰레기 버리기는 <편하다>"),
        C("여름만 되면 크린넷 냄새가 <올라오다>", m=True),
        C("크린넷 소음 때문에 밤에 <시끄럽다>", m=True, w=0.7),
        C("크린넷 향기 덕분에 아침마다 정신이 번쩍 <들다>^^", m=True, w=0.6),
        C("{dong} 크린넷 관리가 잘 돼서 <깨끗하다>"),
        C("크린넷 있어서 음식물 쓰레기 냄새 걱정은 <없다>"),
        C("서울 친구가 크린넷 보고 신기하다고 <하다>"),
        C("크린넷 투입구 카드 어디서 받는지 <@아는사람>"),
        C("크린넷에 50리터 봉투 못 넣게 한다던데 <불편하다>", since="2024-05-20", until="2024-09-01", w=4),
        C("도담동은 이제 큰 봉투 안 된다고 해서 <@아는사람>", since="2024-05-20", until="2024-09-01", w=3),
        C("크린넷 투입구에 큰 봉투 넣지 말라는 안내문이 <붙었다>", since="2024-05-20", until="2024-09-01", w=2),
    ),
    "yeominjeon": (
        C("여민전 캐시백 {pct} <좋다>", w=2),
        C("여민전 이번 달 한도 {amt}만원 다 <썼다>"),
        C("여민전 충전하려는데 앱 오류가 <났다> <@고쳐>", m=True),
        C("{dong} {shop}도 여민전 <되다>"),
        C("여민전 되는 {shop} <@추천>"),
        C("여민전으로 장 보니까 <좋다>"),
        C("여민전 카드 <받았다>", until="2020-06-30", w=2),
        C("여민전 드디어 <나오다>", since="2020-03-01", until="2020-03-31", w=3),
        C("여민전 이번 달 물량 벌써 <끝났다>", since="2020-07-01", until="2020-07-20", w=5),
        C("여민전 판매 시작하자마자 <끝났다> 너무 <아쉽다>", since="2020-07-01", until="2020-08-15", w=3),
        C("여민전 할인율 <줄었다>", since="2024-01-01", until="2024-03-01", w=4),
        C("큰 마트는 여민전 안 되는 게 <아쉽다>"),
        C("여민전 가맹점 표시가 없어서 <불편하다>", m=True, w=0.6),
    ),
    "school": (
        C("{dong} {school} 과밀학급이 너무 <심각하다> <@요청>", m=True),
        C("{school} 통학로에 신호등이 <없다> <@요청>", m=True),
        C("{dong}에 고등학교 생기는 거 <@언제>"),
        C("어린이집 대기가 {n}번째라서 <답답하다>"),
        C("개학하니까 {school} 앞 아침에 차가 <막히다>", months=(3, 8, 9), w=2),
        C("{kid} 학원 차 때문에 {dong} 상가 앞이 <붐비다>"),
        C("{school} 새로 생겨서 <좋다>"),
        C("{dong} 초등학교 배정 결과 <나오다>", months=(12, 1), w=3),
        C("{school} 앞 스쿨존 과속 차량이 <많다> <@요청>", m=True),
        C("돌봄교실 자리가 너무 <부족하다>", m=True),
        C("{kid} 유치원 추첨 <됐다>"),
        C("{dong} 소아과 대기가 너무 <길다>"),
        C("{kid} 방과후 수업 <@추천>"),
    ),
    "daily": (
        C("{dong}에 새로 생긴 카페 <맛있다>"),
        C("오늘 세종 날씨 진짜 <좋다>"),
        C("{dong} 상가에 공실이 너무 <많다>"),
        C("주말에 {dong} 빵집 <다녀왔다>"),
        C("{dong} 맛집 <@추천>"),
        C("{dong} 헬스장 <@어때>"),
        C("세종 살기 <괜찮다>"),
        C("{dong} 국밥집 진짜 <맛있다>"),
        C("조치원 전통시장 구경 <다녀왔다>", w=0.6),
        C("세종은 밤에 너무 <조용하다>"),
        C("{dong} 상가 1층 가게가 또 <바뀌었다>"),
        C("오늘 {dong} 마트에서 장 <봤다>"),
        C("미세먼지 때문에 하늘이 <뿌옇다>", w=0.6),
        C("세종 이사 온 지 {n}년인데 <좋다>"),
    ),
}
for _key, _stem, _hae, _kind in (("넘다", "넘", "넘어", "verb"), ("되다", "되", "돼", "verb"),
                                  ("바뀌다", "바뀌", "바뀌어", "verb"), ("쌓이다", "쌓이", "쌓여", "verb"),
                                  ("올라오다", "올라오", "올라와", "verb"), ("들다", "들", "들어", "verb"),
                                  ("붙다", "붙", "붙어", "verb"), ("나오다", "나오", "나와", "verb"),
                                  ("조용하다", "조용하", "조용해", "adj"), ("멈추다", "멈추", "멈춰", "verb"),
                                  ("줄었다", "줄었", "줄었어", "past"), ("붙었다", "붙었", "붙었어", "past"),
                                  ("났다", "났", "났어", "past"), ("편하겠다", "편하겠", "편하겠어", "past"),
                                  ("하다", "하", "해", "verb"), ("한다", "하", "해", "verb"),
                                  ("발표했다", "발표했", "발표했어", "past")):
    PREDS[_key] = P(_stem, _hae, _kind)
PREDS["뿌옇다"] = P("뿌옇", "뿌예", nominal="뿌염")

_POSITIVE = re.compile(r"<(편하다|좋다|괜찮다|깨끗하다|빠르다|멋지다|예쁘다|대박이다|맛있다)>|걱정은 <없다>")


def _positive(clause: Clause) -> bool:
    """칭찬하는 절인지 (민원 글에는 섞지 않음)."""
    return bool(_POSITIVE.search(clause.text))


OPENERS = (("", "아", "와", "헐", "진짜", "요즘", "오늘", "하", "근데"),
           ("", "안녕하세요.", "{dong} 사는 주민입니다.", "세종 이사 온 지 {n}년 됐는데요,",
            "오늘 있었던 일이에요.", "요즘"))
CLOSERS = (("", "", "에휴", "휴", "답답하다", "ㄹㅇ", "레알"),
           ("", "", "감사합니다.", "다들 어떻게 생각하세요?", "참고하세요~", "좋은 하루 보내세요 :)"))
BLOG_OPENERS = ("안녕하세요 세종 사는 {name}입니다 :)", "오늘은 {dong} 이야기를 해 볼게요.",
                "세종 일상 기록 {n}번째 글입니다.", "안녕하세요! 세종맘 {name}이에요.")
BLOG_CLOSERS = ("오늘도 좋은 하루 보내세요!", "공감과 댓글은 힘이 됩니다 :)", "다음 글에서 또 만나요~",
                "궁금한 점은 댓글로 남겨 주세요.")
BLOG_NAMES = ("세종댁", "호수맘", "도담러", "세종살이", "새롬아빠", "보람이네", "첫마을러")

EMOJI = {"transport": "🚌😤😡⏰🙄", "capital": "🏛️👍🤔😮📰", "housing": "🏠📈📉😱💸",
         "festival": "🎆🎉🌸😍📸", "mobility": "🚲🛴😅⚠️👍", "cleannet": "🤢😷🗑️😡😭",
         "yeominjeon": "💳💰👍😊🛒", "school": "🏫👧👦😢🙏", "daily": "☕🍞😋🌤️😊"}
HASHTAGS = {"transport": ("#세종BRT", "#출근길", "#세종교통", "#바로타"),
            "capital": ("#세종의사당", "#행정수도", "#세종집무실"),
            "housing": ("#세종아파트", "#세종부동산", "#세종집값"),
            "festival": ("#세종축제", "#호수공원", "#세종나들이", "#세종가볼만한곳"),
            "mobility": ("#어울링", "#뉴어울링", "#세종자전거", "#킥보드"),
            "cleannet": ("#크린넷", "#세종생활", "#세종민원"),
            "yeominjeon": ("#여민전", "#세종지역화폐", "#캐시백"),
            "school": ("#세종맘", "#세종육아", "#세종학교"),
            "daily": ("#세종맛집", "#세종카페", "#세종일상", "#세종빵집")}
TAG_FROM = {"#킥보드": PM_FROM, "#세종집무실": "2022-03-01", "#여민전": YEOMINJEON_FROM}
COMMON_TAGS = ("#세종", "#세종시", "#세종일상", "#세종특별자치시")
# 흔한 맞춤법 오류 (옳은 말 → 틀린 말; 가정으로 고른 예)
TYPOS = (("됐", "됬"), ("안 돼", "안되"), ("며칠", "몇일"), ("어떡해", "어떻해"), ("금세", "금새"),
         ("웬만", "왠만"), ("너무", "넘"), ("진짜", "ㄹㅇ"), ("했어요", "했어용"), ("좋아요", "조아요"),
         ("버스", "뻐스"), ("근데", "근대"))
# 고유명사의 흔한 다른 표기 (가정): 정리 규칙이 표준 표기로 바꿉니다 (sejongdata.text.SPELLING_VARIANTS)
VARIANTS = (("크린넷", "클린넷", 0.25), ("세종의사당", "세종 의사당", 0.2), ("호수공원", "호수 공원", 0.08),
            ("뉴어울링", "뉴 어울링", 0.2), ("세종집무실", "세종 집무실", 0.25))

INTENSIFIERS = ("진짜", "완전", "엄청", "정말", "넘", "너무너무", "좀", "되게", "많이")
TIME_WORDS = ("오늘", "어제", "요즘", "이번 주", "아까", "방금", "주말에", "저녁에", "며칠째", "올해도")
SHOPS = ("빵집", "카페", "정육점", "반찬가게", "미용실", "꽃집", "분식집", "편의점", "안경점", "세탁소")
KIDS = ("아이", "첫째", "둘째", "딸", "아들", "우리 애")
TIMES = ("아침 8시", "출근 시간", "퇴근길", "밤 10시", "점심때", "주말 오후", "아침")
# 글에 쓰는 이름 → 표준 이름 (표준 이름의 읍면동은 places.csv 와 sejongdata.text.EXTRA_PLACES 에서)
HUBS = (("정부세종청사", "정부세종청사"), ("세종청사", "정부세종청사"), ("세종시청", "세종특별자치시청"),
        ("시청", "세종특별자치시청"), ("조치원역", "조치원역"), ("호수공원", "세종호수공원"))
PARKS = (("호수공원", "세종호수공원", 5), ("세종호수공원", "세종호수공원", 2), ("중앙공원", "세종중앙공원", 2),
         ("세종중앙공원", "세종중앙공원", 1), ("이응다리", "이응다리", 1.2), ("국립세종수목원", "국립세종수목원", 1))
LAKES = (("호수공원", "세종호수공원", 3), ("세종호수공원", "세종호수공원", 1))
# 절 틀과 고정된 말에 글자 그대로 든 장소 (채움말이 아닌 것)
LITERAL_PLACES = (("조치원역", "조치원역"), ("조치원 전통시장", "조치원읍"), ("국립세종수목원", "국립세종수목원"),
                  ("중앙공원", "세종중앙공원"), ("이응다리", "이응다리"), ("세종청사", "정부세종청사"),
                  ("시청", "세종특별자치시청"), ("도담동은", "도담동"))

# 광고·스팸 틀 (가정). 전화번호는 010-0으로 시작해 실제로 없는 번호입니다.
SPAM = (
    "[분양] {dong} 신규 오피스텔 선착순 분양 중 ☎ {phone} 카톡 상담 환영",
    "세종 입주청소 전문 업체 최저가 보장!! {dong} 입주 예정이신 분 문의 주세요 {phone}",
    "하루 30분 부업으로 월 {n}00만원 수익 👉 {url}",
    "무료 주식 리딩방 입장하세요 오픈채팅 {url} 수익 인증 多",
    "세종 이사 견적 비교 무료 {phone} #세종이사 #포장이사",
    "{dong} 상가 임대 문의 {phone} 권리금 없음 즉시 입주",
    "신용 대출 한도 조회 1분 완료 {url} 직장인 무직자 가능",
    "{dong} {shop} 다녀왔어요! 분위기도 좋고 맛도 최고였어요 😍 본 포스팅은 소정의 원고료를 받아 작성되었습니다.",
    "[체험단 모집] 세종 {shop} 체험단 {n}명 모집합니다 협찬 제품 제공 {url}",
)


# ---------------------------------------------------------------------------
# 4. 자리 채움 (slot fillers that depend on date and place)
# ---------------------------------------------------------------------------
def _price_level(day: pd.Timestamp) -> float:
    """대표 아파트 값(억 원) 수준: 2019 약 3.8억 → 2020-12 약 6.2억 → 2021-07 약 6.8억 → 2022~ 4.5억.

    사실 파일 §4 의 2020년 +44.93 %, 2021-07 중위 6억7,841만, 2022년 하락(고운뜰파크 6.04 → 3.95억)을
    대략 따라간 교재용 곡선입니다 (가정).
    """
    t = (day - pd.Timestamp("2019-01-01")).days / 365.25
    points = [(0.0, 3.8), (1.45, 4.2), (1.75, 5.6), (2.0, 6.2), (2.55, 6.8), (3.5, 5.0), (4.5, 4.4),
              (6.0, 4.6)]
    xs, ys = zip(*points)
    return float(np.interp(t, xs, ys))


def _cashback(day: pd.Timestamp) -> tuple[str, ...]:
    """여민전 캐시백·할인율 글자 (2020년 10 %, 2024년 5~7 %: 사실 파일 §6; 2021~2023년 값은 가정)."""
    if day.year == 2020:
        return ("10%", "10프로", "10퍼센트")
    if day.year >= 2024:
        return ("5%", "7%", "5프로")
    return ("10%", "6%", "10프로")


def _lines(day: pd.Timestamp) -> tuple[str, ...]:
    lines = ["B0", "B0", "B1", "B2", "B4", "BRT", "BRT"]
    if day < pd.Timestamp("2021-01-01"):
        lines.append("900번")
    if day >= pd.Timestamp(B5_FROM):
        lines.append("B5")
    if day >= pd.Timestamp(B6_FROM):
        lines.append("B6")
    return tuple(lines)


class _Places:
    """읍면동과 주요 장소를 그 달의 인구에 비례해 고르는 도구 (기초 도시에서 만듦)."""

    def __init__(self, city: City):
        emd = city.emd.set_index("emd_code")
        self.name = emd["emd_name"].to_dict()
        self.code_of = {name: code for code, name in self.name.items()} | {"조치원읍": "3611025000"}
        pop = city.population.pivot(index="month", columns="emd_code", values="population")
        self.pop = pop
        self.dong_codes = [c for c in pop.columns if emd.loc[c, "emd_type"] == "동"]
        self.rural_codes = [c for c in pop.columns if emd.loc[c, "emd_type"] != "동"]
        first = {}
        for code in self.dong_codes:
            month = emd.loc[code, "first_month"]
            first[code] = month if isinstance(month, str) and month else ""
        self.first_month = first
        cx = city.complexes
        self.apts = {code: cx.loc[cx["emd_code"] == code, ["complex_name", "completion_ym"]]
                     for code in self.dong_codes + self.rural_codes}

    @lru_cache(maxsize=None)
    def _weights(self, month: str, topic: str) -> np.ndarray:
        weights = self.pop.loc[month, self.dong_codes].to_numpy(float)
        tilt = TILT.get(topic, {})
        weights = weights * np.array([tilt.get(c, 1.0) for c in self.dong_codes])
        return np.cumsum(weights / weights.sum())

    def dong(self, gen, month: str, topic: str = "") -> str:
        """그 달 인구에 비례해 신도시 동 하나 (주제별 배율 TILT 를 곱함)."""
        cum = self._weights(month, topic)
        return self.dong_codes[min(int(np.searchsorted(cum, gen.random(), side="right")), len(cum) - 1)]

    def area(self, gen, month: str) -> str:
        """신도시 동 또는 읍면 (인구 비례)."""
        codes = self.dong_codes + self.rural_codes
        weights = self.pop.loc[month, codes].to_numpy(float)
        return codes[gen.choice(len(codes), p=weights / weights.sum())]

    def apartment(self, gen, code: str, month: str) -> str:
        names = self._built(code, month)
        return names[gen.integers(len(names))] if names else f"{self.name[code]} 아파트"

    @lru_cache(maxsize=None)
    def _built(self, code: str, month: str) -> tuple[str, ...]:
        table = self.apts[code]
        built = table[table["completion_ym"] <= month]["complex_name"].tolist() or table["complex_name"].tolist()
        return tuple(built)


def _school(gen, dong_name: str) -> str:
    stem = dong_name.removesuffix("동")
    return stem + ("초", "초", "초등학교", "중", "중학교", "고")[gen.integers(6)]


# 주제별 동 배율 (가정): 크린넷은 오래된 동일수록, 학교는 새 동일수록, 교통은 BRT 에서 먼 동에서 많이 씀
TILT = {
    "cleannet": {"3611051000": 2.2, "3611052000": 1.6, "3611053000": 1.6, "3611054000": 1.5,
                 "3611055000": 1.3, "3611052500": 0.6, "3611055600": 0.7, "3611051800": 0.7},
    "school": {"3611052500": 2.4, "3611055600": 2.0, "3611058000": 1.4, "3611051000": 0.6,
               "3611052000": 0.8},
    "transport": {"3611055000": 1.6, "3611053000": 1.4, "3611052500": 1.5, "3611055600": 1.3},
    "housing": {"3611051800": 1.5, "3611051500": 1.3, "3611058000": 1.3, "3611052300": 1.2},
}


# ---------------------------------------------------------------------------
# 5. 하루하루의 주제 비중
# ---------------------------------------------------------------------------
def _breakdown_events(gen: np.random.Generator, places: _Places) -> list[tuple[str, str]]:
    """크린넷 고장이 며칠 몰리는 날과 동 (가정, 난수)."""
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    picks = np.sort(gen.choice(len(days), size=N_BREAKDOWN_CLUSTERS, replace=False))
    out = []
    for i in picks:
        month = days[i].strftime("%Y-%m")
        out.append((days[i].strftime("%Y-%m-%d"), places.dong(gen, month, "cleannet")))
    return out


def topic_intensity(city: City, breakdowns: list[tuple[str, str]]) -> pd.DataFrame:
    """날짜 × 주제의 기대 게시글 수 (일반 글만)."""
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    month_pop = city.population.groupby("month")["population"].sum()
    pop = month_pop.reindex(days.strftime("%Y-%m")).to_numpy(float)
    scale = BASE_POSTS_PER_DAY * pop / pop[0]
    out = pd.DataFrame(index=days)
    for topic in TOPICS:
        season = np.array(SEASON.get(topic, (1.0,) * 12))[days.month - 1]
        trend = np.array([TREND.get(topic, {}).get(y, 1.0) for y in days.year])
        out[topic] = scale * BASE_WEIGHT[topic] * season * trend
    out.loc[out.index < YEOMINJEON_FROM, "yeominjeon"] = 0.0
    for year in (2020, 2021):                  # 축제가 없던 해의 10월은 평소처럼 (가정)
        mask = (out.index.year == year) & (out.index.month == 10)
        out.loc[mask, "festival"] /= SEASON["festival"][9]
    weekend = days.day_of_week >= 5
    out.loc[weekend, ["daily", "festival"]] *= 1.35
    out.loc[weekend, ["transport", "school"]] *= 0.7
    lift = pd.DataFrame(0.0, index=days, columns=list(TOPICS))
    for ev in EVENTS:
        age = (days - pd.Timestamp(ev.start)).days.to_numpy(float)
        if ev.window:
            bump = ((age >= -5) & (age < ev.days)) * np.where(age < 0, 0.3, 1.0)
        else:
            bump = np.where(age >= 0, 0.5 ** (np.maximum(age, 0) / ev.days), 0.0)
        lift[ev.topic] += ev.lift * bump
    for day, _code in breakdowns:
        age = (days - pd.Timestamp(day)).days.to_numpy(float)
        lift["cleannet"] += 2.0 * np.where(age >= 0, 0.5 ** (np.maximum(age, 0) / 2.0), 0.0)
    return out * (1.0 + lift)


# ---------------------------------------------------------------------------
# 6. 글 만들기
# ---------------------------------------------------------------------------
_SLOT = re.compile(r"\{(\w+)\}")
_PRED = re.compile(r"<([^>]+)>")


class _Writer:
    """주제·날짜·채널을 받아 글 한 편을 만드는 도구."""

    def __init__(self, city: City, gen: np.random.Generator, breakdowns):
        self.gen = gen
        self.places = _Places(city)
        self.breakdowns = {pd.Timestamp(d): c for d, c in breakdowns}
        codes = dict(zip(city.places["name"], city.places["emd_code"]))
        codes.update(text_tools.EXTRA_PLACES)
        self.place_code = codes
        fest = set()
        for ev in EVENTS:
            if ev.topic == "festival":
                start = pd.Timestamp(ev.start)
                fest.update(pd.date_range(start - pd.Timedelta(days=5), start + pd.Timedelta(days=ev.days + 2)))
        self.festival_days = fest

    def _mention(self, state: dict, canonical: str, code: str) -> None:
        state.setdefault("places", [])
        if canonical not in state["places"]:
            state["places"].append(canonical)
        state.setdefault("place_codes", [])
        if code not in state["place_codes"]:
            state["place_codes"].append(code)

    # -- 고르기 -------------------------------------------------------------
    def pick(self, options):
        return options[self.gen.integers(len(options))]

    def weighted(self, items, weights):
        w = np.asarray(weights, float)
        return items[self.gen.choice(len(items), p=w / w.sum())]

    # -- 자리 채우기 --------------------------------------------------------
    def fill(self, template: str, topic: str, day: pd.Timestamp, state: dict) -> str:
        month = day.strftime("%Y-%m")

        def one(match):
            slot = match.group(1)
            if slot in ("dong", "stop", "apt", "school", "dong2"):
                code = self._dong_code(slot, topic, month, state)
                name = self.places.name[code]
                if slot in ("dong", "stop", "dong2"):            # 단지·학교 이름에는 동 이름이 없으므로 언급이 아님
                    self._mention(state, name, code)
                if slot == "stop":
                    return name + self.pick((" BRT 정류장", " 정류장", " 버스 정류장"))
                if slot == "apt":
                    return self.places.apartment(self.gen, code, month)
                if slot == "school":
                    return _school(self.gen, name)
                return name
            if slot == "hub":
                alias, canonical = self.pick(HUBS)
                self._mention(state, canonical, self.place_code[canonical])
                return alias
            if slot in ("park", "lake"):
                pool = PARKS if slot == "park" else LAKES
                usable = [p for p in pool if p[0] != "이응다리" or day >= pd.Timestamp(BRIDGE_FROM)]
                i = self.gen.choice(len(usable), p=np.array([p[2] for p in usable]) / sum(p[2] for p in usable))
                self._mention(state, usable[i][1], self.place_code[usable[i][1]])
                return usable[i][0]
            if slot == "line":
                return self.pick(_lines(day))
            if slot == "time":
                return self.pick(TIMES)
            if slot == "min":
                return str(int(self.gen.choice([5, 10, 15, 20, 25, 30, 40])))
            if slot == "wait":
                return str(int(self.gen.choice([15, 20, 25, 30, 40])))
            if slot == "days":
                return str(int(self.gen.integers(2, 8)))
            if slot == "n":
                return str(int(self.gen.integers(2, 10)))
            if slot == "price":
                level = _price_level(day) * self.gen.lognormal(0, 0.15)
                return f"{level:.1f}".rstrip("0").rstrip(".")
            if slot == "pct":
                return self.pick(_cashback(day))
            if slot == "amt":
                return str(int(self.gen.choice([10, 20, 30, 50] if day.year < 2024 else [10, 20, 30])))
            if slot == "shop":
                return self.pick(SHOPS)
            if slot == "kid":
                return self.pick(KIDS)
            if slot == "name":
                return self.pick(BLOG_NAMES)
            if slot == "phone":
                return f"010-0{self.gen.integers(100, 1000)}-{self.gen.integers(1000, 10000)}"
            if slot == "url":
                return f"https://t.example.com/{self._token(6)}"
            raise KeyError(slot)

        return _SLOT.sub(one, template)

    def _dong_code(self, slot: str, topic: str, month: str, state: dict) -> str:
        """글 안에서는 같은 동을 다시 쓰기 쉽고(80 %), 크린넷 고장이 몰린 날에는 그 동을 먼저 씁니다."""
        current = state.get("dong_code")
        if slot != "dong2" and current is not None and self.gen.random() < 0.8:
            return current
        forced = state.pop("forced_dong", None)
        tilt = "school" if slot == "school" else topic
        code = forced if forced is not None and slot != "dong2" else self.places.dong(self.gen, month, tilt)
        if slot == "dong2":
            while code == current:
                code = self.places.dong(self.gen, month, tilt)
        state.setdefault("dong_code", code)
        return code

    def conjugate(self, template: str, polite: bool) -> str:
        def one(match):
            key = match.group(1)
            if key.startswith("@"):
                return self.pick(FIXED[key[1:]][1 if polite else 0])
            forms = PREDS[key].forms(polite)
            return self.pick(forms)
        return _PRED.sub(one, template)

    def _token(self, n: int) -> str:
        letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "".join(letters[i] for i in self.gen.integers(len(letters), size=n))

    # -- 글 한 편 -----------------------------------------------------------
    @lru_cache(maxsize=None)
    def clauses_for(self, topic: str, day: pd.Timestamp) -> tuple[tuple[Clause, ...], np.ndarray]:
        """그날 쓸 수 있는 절과 누적 비중."""
        iso = day.strftime("%Y-%m-%d")
        in_fest = day in self.festival_days
        usable = tuple(c for c in CLAUSES[topic]
                       if (not c.since or iso >= c.since) and (not c.until or iso < c.until)
                       and (not c.months or day.month in c.months) and (not c.fest or in_fest))
        weights = np.array([c.w * (MINWON_CLAUSE_WEIGHT if c.m else 1.0) for c in usable])
        return usable, weights / weights.sum()

    def post(self, topic: str, day: pd.Timestamp, channel: str) -> dict:
        gen = self.gen
        polite = bool(gen.random() < POLITE[channel])
        sizes, probs = N_CLAUSES[channel]
        n = int(sizes[np.searchsorted(np.cumsum(probs), gen.random() * 0.999999)])
        usable, weights = self.clauses_for(topic, day)
        picked = gen.choice(len(usable), size=min(n, len(usable)), replace=False, p=weights)
        chosen = [(topic, usable[i]) for i in picked]
        if any(c.m for _t, c in chosen):                      # 불편을 말하는 글에는 칭찬 절을 섞지 않음
            chosen = [(t, c) for t, c in chosen if c.m or not _positive(c)] or chosen[:1]
        state: dict = {}
        if topic == "cleannet" and day in self.breakdowns and gen.random() < 0.7:
            state["forced_dong"] = self.breakdowns[day]
        if channel == "블로그" and gen.random() < 0.4:          # 블로그는 일상 절을 섞기도 함
            extra, _w = self.clauses_for("daily", day)
            chosen.append(("daily", extra[gen.integers(len(extra))]))
        sentences = [self.conjugate(self.fill(self.vary(clause.text), t, day, state), polite)
                     for t, clause in chosen]
        for sentence in sentences:                              # 틀에 글자 그대로 든 장소 이름도 언급으로 기록
            for alias, canonical in LITERAL_PLACES:
                if alias in sentence:
                    self._mention(state, canonical, self.place_code.get(canonical) or self.places.code_of[canonical])
        minwon = any(clause.m for _t, clause in chosen)
        body = self._join(sentences, polite, channel)
        opener, closer = self._frame(polite, channel, day, topic, state)
        text = " ".join(p for p in (opener, body, closer) if p)
        return {"text": text, "topic": topic, "minwon": minwon, "polite": polite,
                "places": "|".join(state.get("places", [])),
                "place_codes": "|".join(state.get("place_codes", []))}

    def vary(self, template: str) -> str:
        """같은 틀도 글마다 조금씩 다르게: 정도 부사를 바꾸고, 때를 나타내는 말을 앞에 붙이기도 함 (가정)."""
        gen = self.gen
        if "너무 " in template and gen.random() < 0.6:
            template = template.replace("너무 ", self.pick(INTENSIFIERS) + " ", 1)
        if gen.random() < 0.3 and not template.startswith(TIME_WORDS):
            template = self.pick(TIME_WORDS) + " " + template
        return template

    def _join(self, sentences: list[str], polite: bool, channel: str) -> str:
        gen = self.gen
        out = []
        for s in sentences:
            if polite:
                end = self.pick((".", ".", "!", "", "..", "ㅎㅎ", "^^"))
            else:
                end = self.pick(("", "", ".", "..", "!!", "ㅋㅋ", "ㅠㅠ", "~"))
            if s.endswith("?") or s.endswith("^^"):
                end = ""
            out.append(s + end)
        sep = "\n" if channel == "블로그" and gen.random() < 0.6 else " "
        return sep.join(out)

    def _frame(self, polite: bool, channel: str, day, topic: str, state: dict) -> tuple[str, str]:
        gen = self.gen
        if channel == "블로그":
            opener = self.pick(BLOG_OPENERS) if gen.random() < 0.7 else ""
            closer = self.pick(BLOG_CLOSERS) if gen.random() < 0.6 else ""
        else:
            opener = self.pick(OPENERS[polite]) if gen.random() < 0.35 else ""
            closer = self.pick(CLOSERS[polite]) if gen.random() < 0.3 else ""
        opener = self.fill(opener, topic, day, state) if opener else ""
        return opener, closer

    # -- 잡음 ---------------------------------------------------------------
    def noise(self, text: str, topic: str, channel: str, polite: bool, day: pd.Timestamp) -> str:
        gen = self.gen
        for right, wrong, p in VARIANTS:
            if right in text and gen.random() < p:
                text = text.replace(right, wrong)
        if gen.random() < 0.10:
            hits = [(r, w) for r, w in TYPOS if r in text]
            if hits:
                r, w = hits[gen.integers(len(hits))]
                text = text.replace(r, w, 1)
        if gen.random() < (0.18 if channel in ("SNS", "커뮤니티") else 0.05):
            text = self._squash_spaces(text)
        laugh_p = 0.15 if polite else 0.38
        if gen.random() < laugh_p:
            mark = self.pick(("ㅋ", "ㅋ", "ㅎ", "ㅠ", "ㅜ")) * int(gen.integers(2, 9))
            text = f"{text} {mark}" if gen.random() < 0.7 else f"{mark} {text}"
        if gen.random() < 0.12:
            text = text + self.pick(("!", "?", "~", ".")) * int(gen.integers(2, 6))
        emoji_p = {"SNS": 0.45, "커뮤니티": 0.1, "카페": 0.2, "블로그": 0.3}[channel]
        if gen.random() < emoji_p:
            chars = [ch for ch in EMOJI[topic] if ch != "\ufe0f"]
            picks = "".join(chars[i] for i in gen.integers(len(chars), size=int(gen.integers(1, 4))))
            text = f"{text} {picks}"
        tag_p = {"SNS": 0.6, "커뮤니티": 0.03, "카페": 0.05, "블로그": 0.5}[channel]
        if gen.random() < tag_p:
            pool = tuple(t for t in HASHTAGS[topic] + COMMON_TAGS
                         if day >= pd.Timestamp(TAG_FROM.get(t, FIRST_DAY)))
            k = int(gen.integers(1, 5))
            tags = [pool[i] for i in gen.choice(len(pool), size=min(k, len(pool)), replace=False)]
            text = f"{text} {' '.join(tags)}"
        url_p = {"SNS": 0.03, "커뮤니티": 0.08, "카페": 0.03, "블로그": 0.12}[channel]
        if gen.random() < url_p:
            site = self.pick(("https://news.example.com/articles/", "http://news.example.com/view?id=",
                              "https://www.example.go.kr/board/"))
            text = f"{text} {site}{int(gen.integers(100000, 999999))}"
        return text

    def _squash_spaces(self, text: str) -> str:
        parts = text.split(" ")
        keep = self.gen.random(len(parts) - 1) < 0.4
        out = parts[0]
        for part, k in zip(parts[1:], keep):
            out += (" " if k else "") + part
        return out

    def spam(self, day: pd.Timestamp) -> str:
        template = self.pick(SPAM)
        return self.fill(template, "daily", day, {})


# ---------------------------------------------------------------------------
# 7. 말뭉치 전체
# ---------------------------------------------------------------------------
def _authors(gen: np.random.Generator, n: int) -> np.ndarray:
    letters = np.array(list("0123456789abcdef"))
    ids = ["u" + "".join(letters[gen.integers(16, size=7)]) for _ in range(n)]
    return np.array(ids, dtype=object)


def _times(gen: np.random.Generator, days: pd.DatetimeIndex) -> pd.DatetimeIndex:
    hours = gen.choice(24, size=len(days), p=HOUR_WEIGHT / HOUR_WEIGHT.sum())
    minutes = gen.integers(0, 60, size=len(days))
    return days + pd.to_timedelta(hours, unit="h") + pd.to_timedelta(minutes, unit="m")


def _engagement(gen: np.random.Generator, channel: np.ndarray, kind: np.ndarray,
                boost: np.ndarray) -> tuple[np.ndarray, ...]:
    mean = np.select([channel == "SNS", channel == "커뮤니티", channel == "카페"], [9.0, 6.0, 3.5], 5.0)
    mean = mean * boost * np.where(kind == "spam", 0.08, 1.0)
    likes = gen.negative_binomial(1.2, 1.2 / (1.2 + mean))
    comments = gen.negative_binomial(1.0, 1.0 / (1.0 + mean * 0.35))
    shares = gen.negative_binomial(0.6, 0.6 / (0.6 + mean * np.where(channel == "SNS", 0.25, 0.08)))
    return likes, comments, shares


@lru_cache(maxsize=2)
def build_posts(seed: int = SEED) -> pd.DataFrame:
    """모의 게시글 전체와 정답 열 (topic, minwon, kind, dong_code …). 작성 시각 순."""
    city = build_city(seed)
    gen = rng("sns", seed)
    places = _Places(city)
    breakdowns = _breakdown_events(gen, places)
    intensity = topic_intensity(city, breakdowns)
    writer = _Writer(city, gen, breakdowns)
    counts = gen.poisson(intensity.to_numpy())
    rows = []
    for d, day in enumerate(intensity.index):
        for t, topic in enumerate(TOPICS):
            for _ in range(int(counts[d, t])):
                channel = CHANNELS[gen.choice(4, p=CHANNEL_SHARE)]
                post = writer.post(topic, day, channel)
                post["text"] = writer.noise(post["text"], topic, channel, post["polite"], day)
                rows.append({"day": day, "channel": channel, "kind": "normal", **post})
    normal = pd.DataFrame(rows)
    normal["created_at"] = _times(gen, pd.DatetimeIndex(normal["day"]))
    authors = _authors(gen, N_AUTHORS)
    zipf = 1.0 / np.arange(1, N_AUTHORS + 1) ** 0.9
    normal["author"] = authors[gen.choice(N_AUTHORS, size=len(normal), p=zipf / zipf.sum())]

    n_spam = int(round(len(normal) * SPAM_SHARE))
    bots = np.array([f"ad{a[1:]}" for a in _authors(gen, N_BOTS)], dtype=object)
    bot_of = gen.integers(N_BOTS, size=n_spam)
    # 광고 계정마다 활동 기간이 있어 글이 몰립니다 (가정: 계정마다 시작일과 30~200일의 기간)
    all_days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    bot_start = gen.integers(0, len(all_days) - 200, size=N_BOTS)
    bot_len = gen.integers(30, 200, size=N_BOTS)
    spam_day = all_days[bot_start[bot_of] + (gen.random(n_spam) * bot_len[bot_of]).astype(int)]
    spam = pd.DataFrame({
        "day": spam_day, "channel": [CHANNELS[i] for i in gen.choice(4, size=n_spam, p=(0.3, 0.2, 0.15, 0.35))],
        "kind": "spam", "text": [writer.spam(d) for d in spam_day], "topic": "spam",
        "minwon": False, "polite": True, "places": "", "place_codes": "", "author": bots[bot_of]})
    spam["created_at"] = _times(gen, pd.DatetimeIndex(spam["day"]))

    # 퍼 나른 글: 좋아요가 많을 만한 일반 글을 다른 사람이 0~3일 안에 다시 올림
    n_repost = int(round(len(normal) * REPOST_SHARE))
    source = gen.choice(len(normal), size=n_repost, replace=False)
    reposts = normal.iloc[source].copy()
    prefix = np.array(["[펌] ", "공유합니다 ", "퍼옴) ", "", "RT "], dtype=object)
    suffix = np.array(["", " 출처: 지역 커뮤니티", " (펌)", " #세종", " 👀"], dtype=object)
    reposts["text"] = (prefix[gen.integers(5, size=n_repost)] + reposts["text"].to_numpy()
                       + suffix[gen.integers(5, size=n_repost)])
    reposts["created_at"] = reposts["created_at"] + pd.to_timedelta(gen.integers(10, 72 * 60, size=n_repost),
                                                                    unit="m")
    reposts["author"] = authors[gen.integers(N_AUTHORS, size=n_repost)]
    reposts["kind"] = "repost"
    n_double = int(round(len(normal) * DOUBLE_SHARE))
    doubles = normal.iloc[gen.choice(len(normal), size=n_double, replace=False)].copy()
    doubles["created_at"] = doubles["created_at"] + pd.to_timedelta(gen.integers(1, 30, size=n_double), unit="m")
    doubles["kind"] = "double"

    posts = pd.concat([normal, spam, reposts, doubles], ignore_index=True)
    posts = posts[posts["created_at"] <= pd.Timestamp(LAST_DAY) + pd.Timedelta(hours=23, minutes=59)]
    posts = posts.sort_values(["created_at", "author", "text"], kind="stable").reset_index(drop=True)
    posts["post_id"] = [f"P{i:06d}" for i in range(1, len(posts) + 1)]
    boost = 1.0 + 0.6 * posts["minwon"].to_numpy(float)
    likes, comments, shares = _engagement(gen, posts["channel"].to_numpy(), posts["kind"].to_numpy(), boost)
    posts["likes"], posts["comments"], posts["shares"] = likes, comments, shares
    posts["url"] = [f"https://{DOMAINS[c]}/{a}/{int(n)}" for c, a, n in
                    zip(posts["channel"], posts["author"], gen.integers(10**8, 10**9, size=len(posts)))]
    cols = ["post_id", "created_at", "channel", "author", "text", "url", "likes", "comments", "shares",
            "kind", "topic", "minwon", "polite", "places", "place_codes"]
    return posts[cols]


@lru_cache(maxsize=2)
def build_labels(seed: int = SEED) -> pd.DataFrame:
    """민원 표본: 무작위 4,000건, 담당자 세 사람(A, B, C)이 나눠 붙임. 3 % 는 잘못 붙임 (가정)."""
    posts = build_posts(seed)
    gen = rng("sns-labels", seed)
    pick = np.sort(gen.choice(len(posts), size=LABEL_SAMPLE, replace=False))
    sample = posts.iloc[pick]
    truth = sample["minwon"].to_numpy(bool)
    flip = gen.random(LABEL_SAMPLE) < LABEL_ERROR
    label = np.where(flip, ~truth, truth).astype(int)
    labeler = np.array(["A", "B", "C"], dtype=object)[gen.integers(3, size=LABEL_SAMPLE)]
    return pd.DataFrame({"post_id": sample["post_id"].to_numpy(), "minwon": label, "labeler": labeler,
                         "truth": truth.astype(int)})


# ---------------------------------------------------------------------------
# 8. 파일 쓰기
# ---------------------------------------------------------------------------
def write_posts(city: City, out: Path) -> None:
    """소셜 리스닝 내려받기 형식: UTF-8 BOM, 한국어 머리글, 최근 글이 위 (작성일시 내림차순)."""
    posts = build_posts(city.seed).iloc[::-1]
    with open(out / POSTS_FILE, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(POSTS_HEADER)
        for row in posts.itertuples(index=False):
            writer.writerow([row.post_id, row.channel, row.created_at.strftime("%Y-%m-%d %H:%M"), row.author,
                             row.text, row.url, int(row.likes), int(row.comments), int(row.shares)])


def write_labels(city: City, out: Path) -> None:
    """민원 표본 표 (이 책의 정돈된 형식, UTF-8): post_id, minwon(1 민원 / 0 아님), labeler."""
    labels = build_labels(city.seed)[["post_id", "minwon", "labeler"]]
    labels.to_csv(out / LABELS_FILE, index=False, encoding="utf-8", lineterminator="\n")


DATASETS = [
    ("sns_posts", POSTS_FILE, write_posts),
    ("sns_minwon_labels", LABELS_FILE, write_labels),
]
