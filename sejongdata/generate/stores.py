"""도시의 상가 (stores) — 5·6·7장이 함께 쓰는 기반층 자료.

- stores_sejong.csv   모의 소상공인시장진흥공단 「상가(상권)정보」 세종 파일 (2024년 6월 기준, 2023년 개편 업종분류)

:func:`base.build_city` 의 한 도시 위에 쌓습니다: 신도시 14개 동의 상가 중심·BRT 정류장·아파트 단지 상가,
조치원읍의 역 앞 원도심·대학가·단지, 9개 면의 면 소재지와 길가에 상가 건물을 놓고, 건물마다 점포를 채웁니다.
점포 한 곳이 한 행이고 ``상가업소번호`` 가 5~7장이 잇는 열쇠(store id)입니다. 여민전 가맹 여부는 여기서 정하지
않습니다 (5장이 정함).

보정 (데이터 카드 stores_sejong.md 에 표로):
- 신도시 9개 생활편의시설 수는 행정중심복합도시건설청 2022년 6월 말 발표값(음식점 2,128, 부동산중개 918,
  학원 898, 이·미용 578, 커피숍 420, 나머지 4종 합 512 = 5,454)에 맞춥니다 (2024년까지 그대로라고 가정).
- 신도시 전체 점포 수는 9개 시설이 전체의 52 % 라는 가정으로 정하고, 조치원읍·면 지역은 인구 1,000명당
  점포 수 가정으로 정합니다 (세종 전체 점포 수의 공개 출처는 찾지 못함).

모든 가정값(대문자 상수)은 교재용으로 정한 값입니다. 다른 장의 생성기는 :func:`build_stores` 로 파일의 열과
모형 열(emd_code, lifezone, site_kind, building_no, opened_ym, lon, lat …)을 함께 받습니다.
"""
from __future__ import annotations

import csv
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import city as facts
from .base import (_ipf, _round_to_total, City, build_city, locate, month_index, month_label,
                   rng, sample_points)

STORES_FILE = "stores_sejong.csv"
STDR_YM = "2024-06"                 # 자료 기준 연월 (파일 이름의 202406)
ENCODING = "utf-8-sig"              # 공공데이터포털의 최근 상가(상권)정보 CSV: UTF-8, BOM 있음
JOCHIWON, YEONGI = "3611025000", "3611031000"

#: 실제 파일의 열 (2023년 이후 판, 39열, 이 순서)
COLUMNS: tuple[str, ...] = (
    "상가업소번호", "상호명", "지점명", "상권업종대분류코드", "상권업종대분류명", "상권업종중분류코드",
    "상권업종중분류명", "상권업종소분류코드", "상권업종소분류명", "표준산업분류코드", "표준산업분류명",
    "시도코드", "시도명", "시군구코드", "시군구명", "행정동코드", "행정동명", "법정동코드", "법정동명",
    "지번코드", "대지구분코드", "대지구분명", "지번본번지", "지번부번지", "지번주소", "도로명코드", "도로명",
    "건물본번지", "건물부번지", "건물관리번호", "건물명", "도로명주소", "구우편번호", "신우편번호", "동정보",
    "층정보", "호정보", "경도", "위도",
)

# ---------------------------------------------------------------------------
# 업종 분류 (2023년 개편 상권업종분류: 대분류 10, 중분류 75, 소분류 247 가운데 이 도시에 쓰는 것)
# ---------------------------------------------------------------------------
LCLS: dict[str, str] = {
    "G2": "소매", "I1": "숙박", "I2": "음식", "L1": "부동산", "M1": "과학·기술",
    "N1": "시설관리·임대", "P1": "교육", "Q1": "보건의료", "R1": "예술·스포츠", "S2": "수리·개인",
}
MCLS: dict[str, str] = {
    "G204": "종합 소매", "G205": "식료품 소매", "G208": "가전·통신 소매", "G209": "섬유·의복·신발 소매",
    "G210": "철물·건설자재 소매", "G211": "가구 소매", "G212": "기타 생활용품 소매", "G213": "문화·오락 용품 소매",
    "G214": "연료 소매", "G215": "의약·화장품 소매", "G216": "안경·정밀기기 소매", "G217": "시계·귀금속 소매",
    "G219": "식물 소매", "G220": "애완동물·용품 소매",
    "I101": "일반 숙박", "I102": "기타 숙박",
    "I201": "한식", "I202": "중식", "I203": "일식", "I204": "서양식", "I205": "동남아시아",
    "I207": "구내식당·뷔페", "I210": "기타 간이", "I211": "주점", "I212": "비알코올",
    "L102": "부동산 서비스",
    "M103": "법무 서비스", "M104": "회계·세무 서비스", "M105": "광고", "M109": "기술 서비스",
    "M111": "수의", "M112": "전문 디자인", "M113": "사진 촬영",
    "N102": "청소·방제", "N104": "고용 알선", "N105": "여행사·보조", "N109": "운송장비 대여",
    "P105": "일반 교육", "P106": "기타 교육",
    "Q101": "병원", "Q102": "의원",
    "R102": "도서관·사적지", "R103": "스포츠 서비스", "R104": "유원지·오락",
    "S201": "컴퓨터 수리", "S203": "자동차 수리·세차", "S205": "가전제품 수리", "S206": "기타 가정용품 수리",
    "S207": "이용·미용", "S208": "욕탕·신체관리", "S209": "세탁",
}

# 소분류: (코드, 이름, 표준산업분류(10차) 코드, 이름, 신도시·조치원·면의 상대 비중, 자리 성향, 층 성향)
# 상대 비중은 '점포 1만 곳 중 몇 곳' 쯤의 교재용 가정값이며, 신도시의 9개 생활편의시설은 아래
# NEWTOWN_TARGETS 로 다시 맞춥니다. 자리 성향: street(상가 중심·BRT), local(단지 상가), office(업무),
# big(큰 점포), road(길가). 층 성향: ground(주로 1층), mixed, upper(주로 2층 위).
SCLS: tuple[tuple, ...] = (
    # 음식 I2
    ("I20101", "백반/한정식", "I56111", "한식 일반 음식점업", 560, 560, 650, "street", "ground"),
    ("I20102", "국/탕/찌개", "I56111", "한식 일반 음식점업", 230, 260, 260, "street", "ground"),
    ("I20105", "국수/칼국수", "I56112", "한식 면 요리 전문점", 130, 130, 120, "street", "ground"),
    ("I20106", "냉면/밀면", "I56112", "한식 면 요리 전문점", 45, 45, 40, "street", "ground"),
    ("I20107", "돼지고기 구이/찜", "I56113", "한식 육류 요리 전문점", 190, 190, 170, "street", "ground"),
    ("I20108", "소고기 구이/찜", "I56113", "한식 육류 요리 전문점", 70, 70, 80, "street", "ground"),
    ("I20109", "곱창/막창/양", "I56113", "한식 육류 요리 전문점", 45, 45, 20, "street", "ground"),
    ("I20110", "닭/오리고기 구이/찜", "I56113", "한식 육류 요리 전문점", 55, 60, 110, "street", "ground"),
    ("I20111", "횟집", "I56114", "한식 해산물 요리 전문점", 70, 80, 60, "street", "ground"),
    ("I20201", "중국집", "I56121", "중식 음식점업", 150, 170, 150, "street", "ground"),
    ("I20301", "일식 회/초밥", "I56122", "일식 음식점업", 70, 40, 10, "street", "ground"),
    ("I20302", "돈가스", "I56122", "일식 음식점업", 45, 25, 5, "street", "ground"),
    ("I20401", "양식", "I56123", "서양식 음식점업", 90, 30, 10, "street", "mixed"),
    ("I20501", "베트남식", "I56129", "기타 외국식 음식점업", 40, 20, 5, "street", "ground"),
    ("I20701", "구내식당", "I56130", "기관 구내식당업", 15, 10, 30, "office", "mixed"),
    ("I21001", "빵/도넛", "I56191", "제과점업", 100, 70, 40, "street", "ground"),
    ("I21003", "피자", "I56192", "피자, 햄버거, 샌드위치 및 유사 음식점업", 75, 50, 15, "local", "ground"),
    ("I21004", "버거", "I56192", "피자, 햄버거, 샌드위치 및 유사 음식점업", 35, 25, 5, "street", "ground"),
    ("I21005", "토스트/샌드위치/샐러드", "I56192", "피자, 햄버거, 샌드위치 및 유사 음식점업", 45, 25, 5,
     "street", "ground"),
    ("I21006", "치킨", "I56193", "치킨 전문점", 150, 170, 90, "local", "ground"),
    ("I21007", "김밥/만두/분식", "I56194", "김밥 및 기타 간이 음식점업", 190, 210, 110, "local", "ground"),
    ("I21008", "아이스크림/빙수", "I56199", "간이 음식 포장 판매 전문점", 35, 15, 5, "local", "ground"),
    ("I21101", "일반 유흥 주점", "I56211", "일반 유흥 주점업", 30, 110, 40, "street", "mixed"),
    ("I21103", "생맥주 전문", "I56213", "생맥주 전문점", 70, 90, 30, "street", "ground"),
    ("I21104", "요리 주점", "I56219", "기타 주점업", 140, 150, 40, "street", "mixed"),
    ("I21201", "카페", "I56221", "커피 전문점", 420, 260, 160, "street", "ground"),
    # 숙박 I1
    ("I10101", "호텔", "I55101", "호텔업", 4, 3, 2, "big", "mixed"),
    ("I10102", "여관/모텔", "I55102", "여관업", 8, 120, 70, "street", "mixed"),
    ("I10105", "펜션", "I55104", "민박업", 0, 0, 120, "road", "ground"),
    ("I10201", "고시원", "I55901", "기숙사 및 고시원 운영업", 30, 90, 5, "street", "upper"),
    # 소매 G2
    ("G20402", "대형마트", "G47112", "대형 마트", 2, 3, 0, "big", "ground"),
    ("G20404", "슈퍼마켓", "G47121", "슈퍼마켓", 150, 230, 420, "local", "ground"),
    ("G20405", "편의점", "G47122", "체인화 편의점", 330, 230, 260, "local", "ground"),
    ("G20501", "과일/채소 소매", "G47214", "채소, 과실 및 뿌리작물 소매업", 70, 160, 90, "local", "ground"),
    ("G20503", "정육점", "G47212", "육류 소매업", 90, 120, 90, "local", "ground"),
    ("G20504", "수산물 소매", "G47213", "수산물 소매업", 30, 90, 30, "local", "ground"),
    ("G20506", "반찬/식료품 소매", "G47219", "기타 식료품 소매업", 110, 110, 60, "local", "ground"),
    ("G20508", "건강식품 소매", "G47216", "건강보조식품 소매업", 60, 80, 30, "street", "ground"),
    ("G20801", "컴퓨터/주변기기 소매", "G47311", "컴퓨터 및 주변장치, 소프트웨어 소매업", 35, 40, 5,
     "street", "mixed"),
    ("G20802", "휴대폰 소매", "G47312", "통신기기 소매업", 120, 90, 20, "street", "ground"),
    ("G20901", "여성 의류 소매", "G47412", "여자용 겉옷 소매업", 190, 260, 30, "street", "ground"),
    ("G20903", "유아 의류 소매", "G47417", "유아용 의류 소매업", 70, 40, 5, "street", "ground"),
    ("G21001", "철물/공구 소매", "G47521", "철물 및 난방용구 소매업", 40, 130, 160, "road", "ground"),
    ("G21101", "가구 소매", "G47591", "가구 소매업", 45, 70, 60, "road", "ground"),
    ("G21201", "생활용품/잡화 소매", "G47599", "그 외 기타 가정용품 소매업", 140, 170, 60, "street", "ground"),
    ("G21301", "서점", "G47611", "서적, 신문 및 잡지류 소매업", 30, 30, 5, "street", "mixed"),
    ("G21302", "문구 소매", "G47612", "문구용품 및 회화용품 소매업", 60, 60, 20, "local", "ground"),
    ("G21304", "운동용품 소매", "G47631", "운동 및 경기용품 소매업", 40, 40, 10, "street", "ground"),
    ("G21401", "주유소", "G47711", "차량용 주유소 운영업", 5, 20, 60, "road", "ground"),
    ("G21402", "가스 충전소", "G47712", "차량용 가스 충전업", 2, 5, 10, "road", "ground"),
    ("G21501", "약국", "G47811", "의약품 및 의료용품 소매업", 80, 90, 50, "street", "ground"),
    ("G21503", "화장품 소매", "G47813", "화장품, 비누 및 방향제 소매업", 90, 90, 15, "street", "ground"),
    ("G21602", "안경 소매", "G47821", "안경 및 렌즈 소매업", 60, 70, 20, "street", "ground"),
    ("G21701", "시계/귀금속 소매", "G47830", "시계 및 귀금속 소매업", 25, 70, 10, "street", "ground"),
    ("G21901", "꽃집", "G47851", "화초 및 산식물 소매업", 60, 60, 50, "street", "ground"),
    ("G22001", "애완동물/애완용품 소매", "G47852", "애완용 동물 및 관련용품 소매업", 40, 30, 15, "local", "ground"),
    # 부동산 L1
    ("L10201", "부동산 중개/대리", "L68221", "부동산 중개 및 대리업", 918, 220, 130, "local", "ground"),
    # 과학·기술 M1
    ("M10301", "법무사 사무소", "M71103", "법무사업", 50, 40, 10, "office", "upper"),
    ("M10302", "변호사 사무소", "M71101", "변호사업", 30, 10, 0, "office", "upper"),
    ("M10401", "세무사 사무소", "M71202", "세무사업", 60, 30, 10, "office", "upper"),
    ("M10402", "회계사 사무소", "M71201", "공인회계사업", 15, 5, 0, "office", "upper"),
    ("M10501", "광고 대행", "M71310", "광고 대행업", 45, 30, 10, "office", "upper"),
    ("M10901", "건축 설계", "M72111", "건축 설계 및 관련 서비스업", 90, 40, 20, "office", "upper"),
    ("M11101", "동물병원", "M73100", "수의업", 45, 20, 20, "street", "ground"),
    ("M11201", "인테리어 디자인", "M73201", "인테리어 디자인업", 70, 50, 20, "street", "mixed"),
    ("M11301", "사진관", "M73301", "인물 사진 및 행사용 영상 촬영업", 40, 30, 5, "street", "mixed"),
    # 시설관리·임대 N1
    ("N10201", "건물 청소", "N74211", "건축물 일반 청소업", 30, 25, 15, "office", "upper"),
    ("N10401", "직업 소개소", "N75110", "고용 알선업", 15, 40, 15, "office", "mixed"),
    ("N10501", "여행사", "N75210", "여행사업", 40, 20, 5, "office", "mixed"),
    ("N10901", "자동차 대여", "N76110", "자동차 임대업", 20, 15, 10, "road", "ground"),
    # 교육 P1
    ("P10501", "입시·교과학원", "P85501", "일반 교과 학원", 540, 110, 20, "street", "upper"),
    ("P10502", "외국어학원", "P85503", "외국어학원", 110, 20, 5, "street", "upper"),
    ("P10601", "태권도/무술", "P85611", "태권도 및 무술 교육기관", 80, 30, 10, "local", "upper"),
    ("P10603", "요가/필라테스 학원", "P85612", "기타 스포츠 교육기관", 70, 15, 5, "street", "upper"),
    ("P10604", "음악학원", "P85621", "음악학원", 60, 25, 5, "local", "upper"),
    ("P10605", "미술학원", "P85622", "미술학원", 40, 15, 5, "local", "upper"),
    # 보건의료 Q1
    ("Q10102", "일반 병원", "Q86102", "일반 병원", 12, 8, 3, "big", "mixed"),
    ("Q10201", "내과/소아과 의원", "Q86201", "일반 의원", 90, 70, 40, "street", "upper"),
    ("Q10202", "이비인후과 의원", "Q86201", "일반 의원", 30, 15, 2, "street", "upper"),
    ("Q10203", "정형외과 의원", "Q86201", "일반 의원", 35, 20, 5, "street", "upper"),
    ("Q10204", "피부과 의원", "Q86201", "일반 의원", 25, 8, 0, "street", "upper"),
    ("Q10206", "안과 의원", "Q86201", "일반 의원", 15, 8, 0, "street", "upper"),
    ("Q10210", "치과 의원", "Q86202", "치과 의원", 90, 40, 15, "street", "upper"),
    ("Q10211", "한의원", "Q86203", "한의원", 65, 40, 20, "street", "upper"),
    # 예술·스포츠 R1
    ("R10202", "독서실/스터디 카페", "R90212", "독서실 운영업", 90, 25, 2, "street", "upper"),
    ("R10307", "헬스장", "R91131", "체력 단련시설 운영업", 80, 30, 10, "street", "upper"),
    ("R10310", "당구장", "R91134", "당구장 운영업", 35, 45, 15, "street", "upper"),
    ("R10312", "골프 연습장", "R91136", "골프연습장 운영업", 45, 20, 20, "street", "upper"),
    ("R10404", "전자 게임장", "R91222", "전자 게임장 운영업", 15, 20, 5, "street", "mixed"),
    ("R10406", "PC방", "R91221", "컴퓨터 게임방 운영업", 45, 45, 5, "street", "upper"),
    ("R10407", "노래방", "R91223", "노래 연습장 운영업", 60, 90, 20, "street", "upper"),
    # 수리·개인 S2
    ("S20101", "컴퓨터 수리", "S95110", "컴퓨터 및 주변 기기 수리업", 20, 25, 5, "street", "mixed"),
    ("S20301", "자동차 정비", "S95211", "자동차 종합 수리업", 30, 120, 220, "road", "ground"),
    ("S20302", "자동차 세차", "S95213", "자동차 세차업", 15, 30, 40, "road", "ground"),
    ("S20501", "가전제품 수리", "S95310", "가전제품 수리업", 10, 25, 20, "road", "ground"),
    ("S20601", "의류 수선", "S95392", "의복 및 기타 가정용 직물제품 수리업", 50, 40, 10, "local", "ground"),
    ("S20701", "미용실", "S96112", "두발 미용업", 400, 260, 150, "local", "ground"),
    ("S20702", "피부 관리실", "S96113", "피부 미용업", 100, 50, 10, "street", "upper"),
    ("S20703", "네일숍", "S96119", "기타 미용업", 70, 25, 5, "street", "mixed"),
    ("S20704", "이발소", "S96111", "이용업", 15, 60, 50, "local", "ground"),
    ("S20801", "목욕탕/사우나", "S96121", "욕탕업", 8, 15, 10, "big", "mixed"),
    ("S20802", "마사지", "S96122", "마사지업", 30, 40, 5, "street", "upper"),
    ("S20901", "세탁소", "S96911", "가정용 세탁업", 110, 90, 40, "local", "ground"),
    ("S20902", "빨래방", "S96911", "가정용 세탁업", 45, 40, 10, "local", "ground"),
)

# 행정중심복합도시건설청 「행복도시 생활편의시설 현황」 2022년 6월 말 (디트뉴스24 2022-07-01 보도):
# 9개 시설 5,454곳 = 음식점 2,128 + 부동산중개 918 + 학원 898 + 이·미용 578 + 커피숍 420 + 나머지 512
# (병·의원, 약국, 제과점, 주유소; 이 넷의 나눔은 보도에 없음). 나성동 911곳.
NEWTOWN_TARGETS: dict[str, int] = {
    "음식점": 2_128, "부동산중개": 918, "학원": 898, "이·미용": 578, "커피숍": 420,
    "병·의원·약국·제과점·주유소": 512,
}
NEWTOWN_TOTAL_9 = 5_454
NASEONG_9 = 911
#: 9개 시설에 드는 소분류 (행복청 분류를 상권업종 소분류로 옮긴 교재의 대응)
NINE_TYPES: dict[str, tuple[str, ...]] = {
    "음식점": tuple(c for c, *_ in SCLS if c.startswith("I2") and c not in ("I21001", "I21201")),
    "부동산중개": ("L10201",),
    "학원": tuple(c for c, *_ in SCLS if c[:4] in ("P105", "P106")),
    "이·미용": tuple(c for c, *_ in SCLS if c[:4] == "S207"),
    "커피숍": ("I21201",),
    "병·의원·약국·제과점·주유소": tuple(c for c, *_ in SCLS if c[:4] in ("Q101", "Q102"))
    + ("G21501", "I21001", "G21401", "G21402"),
}
NINE_SHARE = 0.52          # 가정: 신도시 점포 가운데 9개 생활편의시설의 비율 (출처 없음)
JOCHIWON_PER_1000 = 57     # 가정: 조치원읍 인구 1,000명당 점포 (원도심·전통시장·대학가)
MYEON_PER_1000 = 33        # 가정: 면 지역 인구 1,000명당 점포

# 가정: 신도시 동의 상업 배율 (인구에 곱해 점포 수 비중을 정함). 나성동은 중심상업지역(2-4생활권),
# 어진동은 정부세종청사, 보람동은 시청, 도담동은 일찍 자란 1-4생활권 상권. 나성동 값은 9개 시설
# 911곳(2022-06)에 가깝게 고름.
DONG_MULT: dict[str, float] = {
    "3611051000": 1.25, "3611051500": 1.0, "3611051800": 5.0, "3611052000": 1.55,
    "3611052300": 2.3, "3611052500": 0.6, "3611053000": 0.95, "3611054000": 0.95,
    "3611055000": 0.75, "3611055500": 1.0, "3611055600": 0.75, "3611056000": 1.35,
    "3611057000": 1.3, "3611058000": 0.8,
}
# 가정: 동마다 업종군의 상대 배율 (대분류 또는 중분류 앞자리). 9개 시설의 신도시 합계는 그대로 둔 채
# 어느 동에 몰리는지만 바꿉니다 (반복 비례 맞춤의 사전값).
DONG_TILT: dict[str, dict[str, float]] = {
    "3611051800": {"I211": 2.0, "I1": 3.0, "L1": 1.4, "R104": 1.6, "P1": 0.6, "M1": 1.3},     # 나성
    "3611052300": {"I2": 1.3, "I212": 3.0, "P1": 0.4, "M10": 1.6, "L1": 0.8, "N105": 2.0},  # 어진
    "3611052000": {"I2": 1.2, "I212": 0.7},                                                    # 도담
    "3611056000": {"M10": 1.5, "I2": 1.1},                                                    # 보람
    "3611053000": {"P1": 1.9, "R102": 1.5, "Q10": 1.3},                                                   # 아름
    "3611051500": {"P1": 1.9, "R102": 1.4},                                                   # 새롬
    "3611055000": {"P1": 1.3},                                                                # 고운
    "3611054000": {"Q10": 1.5, "P1": 1.2},                                                    # 종촌
    "3611055600": {"L1": 1.8, "M109": 1.5},                                                   # 반곡
    "3611052500": {"L1": 2.0, "I211": 0.5},                                                   # 해밀
    "3611057000": {"G20402": 3.0, "I2": 1.1},                                                 # 대평
}

# 자리 종류별 (상가 중심, BRT 정류장, 단지 상가) 비율 — 신도시. 성향 이름은 SCLS 의 자리 성향.
SITE_PREF: dict[str, tuple[float, float, float]] = {
    "street": (0.55, 0.33, 0.12), "local": (0.25, 0.20, 0.55), "office": (0.70, 0.28, 0.02),
    "big": (0.75, 0.25, 0.0), "road": (0.55, 0.45, 0.0),
}
FLOOR_PREF = {"ground": 0.88, "mixed": 0.55, "upper": 0.15}   # 1층일 확률
FLOOR_BLANK = 0.18         # 가정: 층정보가 빈 행의 비율 (실제 파일에도 빈 칸이 흔함)
UNIT_SHARE = 0.40          # 가정: 여러 점포가 든 건물에서 호정보가 있는 행의 비율
# 건물 하나에 드는 평균 점포 수와 건물 점의 흩어짐(m), 건물 층수 범위
BUILDING = {
    "centre": (14.0, 170.0, (3, 8)), "brt": (10.0, 80.0, (3, 7)), "complex": (6.0, 35.0, (2, 3)),
    "gov": (9.0, 120.0, (3, 6)), "station": (2.6, 330.0, (1, 4)), "campus": (2.2, 160.0, (1, 4)),
    "town": (1.8, 520.0, (1, 3)), "myeon": (1.5, 320.0, (1, 2)), "road": (1.15, 1500.0, (1, 2)),
}
STORE_AGE_MONTHS = 72.0    # 가정: 점포 나이(개월)의 평균 (지수분포; 동의 첫 입주 6개월 뒤보다 오래될 수 없음)
ID_START = "2022-08"       # 이 달 이전에 있던 점포는 모두 번호의 연월이 202208 (모의 번호 체계의 시작)


def classification() -> pd.DataFrame:
    """이 도시에서 쓰는 소분류 표 (대·중·소분류 코드와 이름, 표준산업분류, 비중, 성향)."""
    rows = []
    for code, name, ksic, ksic_name, w_nt, w_jo, w_my, site, floor in SCLS:
        rows.append({"scls_code": code, "scls_name": name, "mcls_code": code[:4], "mcls_name": MCLS[code[:4]],
                     "lcls_code": code[:2], "lcls_name": LCLS[code[:2]], "ksic_code": ksic,
                     "ksic_name": ksic_name, "w_newtown": float(w_nt), "w_jochiwon": float(w_jo),
                     "w_myeon": float(w_my), "site": site, "floor": floor})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# 1. 점포 수: 신도시 소분류 합계 → 동별 (반복 비례 맞춤), 조치원·면은 비중대로
# ---------------------------------------------------------------------------
def newtown_scls_totals(cls: pd.DataFrame) -> pd.Series:
    """신도시 소분류별 점포 수 (9개 시설은 행복청 값과 정확히 같게, 나머지는 비중대로)."""
    total = round(NEWTOWN_TOTAL_9 / NINE_SHARE)
    weights = cls.set_index("scls_code")["w_newtown"]
    out = pd.Series(0, index=weights.index, dtype=int)
    nine = set()
    for group, codes in NINE_TYPES.items():
        w = weights[list(codes)].to_numpy()
        out[list(codes)] = _round_to_total(w, NEWTOWN_TARGETS[group])
        nine.update(codes)
    rest = [c for c in weights.index if c not in nine]
    out[rest] = _round_to_total(weights[rest].to_numpy(), total - NEWTOWN_TOTAL_9)
    return out


def _tilt(code: str, scls: str) -> float:
    """동 × 소분류 사전 배율 (가장 긴 앞자리가 맞는 항목)."""
    table = DONG_TILT.get(code, {})
    keys = [k for k in table if scls.startswith(k)]
    return table[max(keys, key=len)] if keys else 1.0


def newtown_matrix(city: City, cls: pd.DataFrame) -> pd.DataFrame:
    """신도시 동 × 소분류 점포 수 (행: 동, 열: 소분류; 열 합은 newtown_scls_totals 와 정확히 같음)."""
    emd = city.emd.set_index("emd_code")
    codes = list(DONG_MULT)
    cols = newtown_scls_totals(cls)
    rows = np.array([emd.loc[c, "pop_2024_07"] * DONG_MULT[c] for c in codes], dtype=float)
    rows = rows / rows.sum() * cols.sum()
    used = cols[cols > 0]
    prior = np.array([[_tilt(c, s) for s in used.index] for c in codes])
    prior = prior * cls.set_index("scls_code").loc[used.index, "w_newtown"].to_numpy()[None, :]
    mat = _ipf(prior.T, used.to_numpy(dtype=float), rows).T   # 열(소분류) 합을 정확히
    counts = pd.DataFrame(0, index=codes, columns=cols.index)
    for j, scls in enumerate(used.index):
        counts[scls] = _round_to_total(mat[:, j], int(used.iloc[j]))
    return counts


def old_town_counts(city: City, cls: pd.DataFrame) -> pd.DataFrame:
    """조치원읍·면 × 소분류 점포 수 (인구 1,000명당 가정값 × 비중)."""
    emd = city.emd[city.emd["emd_type"] != "동"]
    rows = {}
    for code, kind, pop in zip(emd["emd_code"], emd["emd_type"], emd["pop_2024_07"]):
        per = JOCHIWON_PER_1000 if kind == "읍" else MYEON_PER_1000
        w = cls["w_jochiwon" if kind == "읍" else "w_myeon"].to_numpy()
        rows[code] = _round_to_total(w, round(pop * per / 1000))
    return pd.DataFrame(rows, index=cls["scls_code"]).T


# ---------------------------------------------------------------------------
# 2. 자리와 건물 (sites and buildings)
# ---------------------------------------------------------------------------
def _sites(city: City, code: str) -> dict[str, list[tuple[str, tuple[float, float], float]]]:
    """읍면동의 상가 자리: 자리 종류 → [(이름, (경도, 위도), 비중)]."""
    pl = city.places
    here = pl[pl["emd_code"] == code]
    cx = city.complexes
    cx = cx[(cx["emd_code"] == code) & (cx["completion_ym"] <= "2024-03")]
    info = city.emd.set_index("emd_code").loc[code]
    centre = (float(info["lon"]), float(info["lat"]))
    brt = [(n, (x, y), 1.0) for n, x, y in zip(here.loc[here.category == "brt_stop", "name"],
                                                here.loc[here.category == "brt_stop", "lon"],
                                                here.loc[here.category == "brt_stop", "lat"])]
    complexes = [(n, (x, y), float(h)) for n, x, y, h in zip(cx["complex_name"], cx["lon"], cx["lat"],
                                                            cx["households"])]
    if info["emd_type"] == "동":
        c = here[here.category == "commercial_center"].iloc[0]
        sites = {"centre": [(c["name"], (c["lon"], c["lat"]), 1.0)], "brt": brt, "complex": complexes}
        gov = here[here.category.isin(["government", "city_hall"])]
        if len(gov):
            sites["gov"] = [(g["name"], (g["lon"], g["lat"]), 1.0) for _, g in gov.iterrows()]
        return sites
    if code == JOCHIWON:
        st = here[here.category == "rail_station"].iloc[0]
        uni = here[here.category == "university"]
        return {"station": [(st["name"], (st["lon"], st["lat"]), 1.0)],
                "campus": [(u["name"], (u["lon"], u["lat"]), 1.0) for _, u in uni.iterrows()],
                "complex": complexes, "town": [("조치원읍 시가지", centre, 1.0)]}
    return {"myeon": [(f"{info['emd_name']} 소재지", centre, 1.0)], "brt": brt, "complex": complexes,
            "road": [(f"{info['emd_name']} 길가", centre, 1.0)]}


def _kind_shares(code: str, emd_type: str, site: str, sites: dict) -> dict[str, float]:
    """소분류 한 곳이 이 읍면동에서 각 자리 종류에 갈 비율."""
    if emd_type == "동":
        c, b, x = SITE_PREF[site]
        shares = {"centre": c, "brt": b if sites["brt"] else 0.0, "complex": x if sites["complex"] else 0.0}
        if "gov" in sites and site in ("street", "office"):
            shares["gov"] = 0.35
    elif code == JOCHIWON:
        shares = {"station": 0.55, "campus": 0.13, "complex": 0.12, "town": 0.20}
        if site == "road":
            shares = {"town": 0.8, "station": 0.2}
        elif site == "local":
            shares = {"station": 0.35, "campus": 0.10, "complex": 0.30, "town": 0.25}
    else:
        shares = {"myeon": 0.72, "road": 0.18, "complex": 0.05 if sites["complex"] else 0.0,
                  "brt": 0.25 if sites["brt"] else 0.0}
        if site == "road":
            shares = {"myeon": 0.25, "road": 0.75}
    total = sum(shares.values())
    return {k: v / total for k, v in shares.items() if v > 0}


def _allocate_sites(gen, counts: pd.Series, code: str, emd_type: str, cls: pd.DataFrame,
                    sites: dict) -> pd.DataFrame:
    """읍면동 하나의 점포 목록: 소분류, 자리 종류, 자리 번호."""
    site_of = cls.set_index("scls_code")["site"]
    rows = []
    for scls, n in counts[counts > 0].items():
        shares = _kind_shares(code, emd_type, site_of[scls], sites)
        kinds = list(shares)
        per_kind = _round_to_total(np.array([shares[k] for k in kinds]), int(n))
        for kind, m in zip(kinds, per_kind):
            if m == 0:
                continue
            w = np.array([s[2] for s in sites[kind]], dtype=float)
            picks = gen.choice(len(w), size=int(m), p=w / w.sum())
            rows.extend((scls, kind, int(p)) for p in picks)
    return pd.DataFrame(rows, columns=["scls_code", "site_kind", "site_no"])


def _buildings(gen, city: City, code: str, stores: pd.DataFrame, sites: dict) -> pd.DataFrame:
    """자리마다 건물 점을 뽑고 점포를 건물에 나눠 담습니다 (건물 점 = 그 건물 점포들의 좌표)."""
    poly = city.polygon(code)
    stores = stores.copy()
    stores["building_no"] = -1
    stores["floors"] = 1
    stores["lon"], stores["lat"] = np.nan, np.nan
    next_no = 0
    for (kind, site_no), idx in stores.groupby(["site_kind", "site_no"], sort=True).groups.items():
        mean, sd, (f_lo, f_hi) = BUILDING[kind]
        if kind == "centre" and code == "3611051800":
            sd = 260.0                                     # 나성동 중심상업지역은 넓게
        n = len(idx)
        n_b = max(1, int(np.ceil(n / mean)))
        centre = sites[kind][site_no][1]
        pts = sample_points(gen, poly, centre, n_b, sd_m=sd, margin_m=25.0)
        sizes = gen.dirichlet(np.full(n_b, 1.6))
        which = gen.choice(n_b, size=n, p=sizes)
        floors = gen.integers(f_lo, f_hi + 1, n_b)
        order = np.asarray(idx)
        stores.loc[order, "building_no"] = next_no + which
        stores.loc[order, "floors"] = floors[which]
        stores.loc[order, "lon"] = pts[which, 0]
        stores.loc[order, "lat"] = pts[which, 1]
        next_no += n_b
    return stores


# ---------------------------------------------------------------------------
# 3. 이름·주소·번호 (names, addresses, ids)
# ---------------------------------------------------------------------------
PREFIXES = ("세종", "한빛", "참", "새봄", "들꽃", "소나무", "해뜰", "가온", "미소", "행복", "다온", "늘푸른",
            "바른", "하늘", "별빛", "모아", "우리", "푸른", "솔", "큰", "맑은", "착한", "고향", "엄마손",
            "청춘", "동네", "이음", "나래", "누리", "한결", "초록", "햇살", "봄날", "단골", "제일", "으뜸",
            "금강", "원조", "온", "꽃길", "달빛", "두레", "강변", "호수", "다움", "새빛", "한울", "정든")
SURNAMES = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권")
GIVEN = ("민수", "지영", "현우", "서연", "준호", "은정", "성민", "혜진", "동현", "수진", "재훈", "미경")
# 소분류별 상호 끝말 (모의). 이름 = 앞말 + 끝말, 사무소·의원은 사람 이름을 쓰기도 함.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "I20101": ("식당", "밥상", "한정식", "집밥", "백반"), "I20102": ("해장국", "국밥", "찌개", "감자탕"),
    "I20105": ("칼국수", "국수", "손칼국수"), "I20106": ("냉면", "면옥"), "I20107": ("삼겹살", "갈비", "고깃집"),
    "I20108": ("한우", "소갈비", "숯불구이"), "I20109": ("곱창", "막창"), "I20110": ("닭갈비", "오리", "닭볶음탕"),
    "I20111": ("횟집", "수산", "회센터"), "I20201": ("반점", "짬뽕", "중화요리", "각"), "I20301": ("스시", "초밥"),
    "I20302": ("돈까스", "카츠"), "I20401": ("파스타", "키친", "비스트로", "레스토랑"), "I20501": ("쌀국수", "포"),
    "I20701": ("구내식당", "푸드코트"), "I21001": ("베이커리", "제과", "빵집"), "I21003": ("피자",),
    "I21004": ("버거",), "I21005": ("토스트", "샌드위치", "샐러드"), "I21006": ("치킨", "통닭"),
    "I21007": ("김밥", "분식", "떡볶이", "만두"), "I21008": ("아이스크림", "빙수"), "I21101": ("주점", "노래주점"),
    "I21103": ("호프", "맥주"), "I21104": ("포차", "이자카야", "술집", "주막"), "I21201": ("커피", "카페", "다방"),
    "I10101": ("호텔",), "I10102": ("모텔", "장"), "I10105": ("펜션",), "I10201": ("고시원", "원룸텔"),
    "G20402": ("마트",), "G20404": ("마트", "슈퍼", "할인마트"), "G20405": ("편의점",),
    "G20501": ("과일", "청과", "야채"), "G20503": ("정육점", "축산", "한우"), "G20504": ("수산", "생선"),
    "G20506": ("반찬", "반찬가게", "식품"), "G20508": ("건강원", "홍삼"), "G20801": ("컴퓨터",),
    "G20802": ("모바일", "텔레콤", "폰"), "G20901": ("옷가게", "부티크", "의류"), "G20903": ("키즈", "아동복"),
    "G21001": ("철물", "공구"), "G21101": ("가구",), "G21201": ("생활용품", "잡화", "할인점"),
    "G21301": ("서점", "문고"), "G21302": ("문구", "문방구"), "G21304": ("스포츠", "레저"),
    "G21401": ("주유소",), "G21402": ("충전소",), "G21501": ("약국",), "G21503": ("화장품",),
    "G21602": ("안경", "안경원"), "G21701": ("금은방", "주얼리"), "G21901": ("꽃집", "플라워"),
    "G22001": ("펫샵", "애견"), "L10201": ("공인중개사사무소", "부동산", "공인중개사"),
    "M10301": ("법무사사무소",), "M10302": ("법률사무소",), "M10401": ("세무회계", "세무사사무소"),
    "M10402": ("회계사무소",), "M10501": ("애드", "기획", "광고"), "M10901": ("건축사사무소", "건축"),
    "M11101": ("동물병원",), "M11201": ("인테리어", "디자인"), "M11301": ("사진관", "스튜디오"),
    "N10201": ("클린", "청소"), "N10401": ("인력", "직업소개소"), "N10501": ("여행사", "투어"),
    "N10901": ("렌터카", "렌트카"), "P10501": ("학원", "수학학원", "영수학원", "교습소"),
    "P10502": ("영어학원", "어학원"), "P10601": ("태권도", "합기도"), "P10603": ("필라테스", "요가"),
    "P10604": ("음악학원", "피아노"), "P10605": ("미술학원", "화실"), "Q10102": ("병원",),
    "Q10201": ("내과의원", "소아청소년과의원", "가정의학과의원"), "Q10202": ("이비인후과의원",),
    "Q10203": ("정형외과의원",), "Q10204": ("피부과의원",), "Q10206": ("안과의원",),
    "Q10210": ("치과의원", "치과"), "Q10211": ("한의원",), "R10202": ("독서실", "스터디카페"),
    "R10307": ("헬스", "피트니스", "짐"), "R10310": ("당구장", "당구클럽"), "R10312": ("스크린골프", "골프"),
    "R10404": ("오락실",), "R10406": ("PC방", "PC카페"), "R10407": ("노래연습장", "코인노래방"),
    "S20101": ("컴퓨터",), "S20301": ("카센터", "자동차공업사", "모터스"), "S20302": ("세차장", "손세차"),
    "S20501": ("전자서비스", "가전수리"), "S20601": ("수선", "옷수선"), "S20701": ("헤어", "미용실", "헤어샵"),
    "S20702": ("피부관리", "에스테틱"), "S20703": ("네일",), "S20704": ("이용원", "이발관"),
    "S20801": ("사우나", "목욕탕"), "S20802": ("마사지", "발마사지"), "S20901": ("세탁소", "크린토피아"),
    "S20902": ("빨래방", "코인세탁"),
}
PERSON_NAMED = ("M10301", "M10302", "M10401", "M10402", "Q10201", "Q10202", "Q10203", "Q10210",
                "Q10211", "P10501", "P10601")
# 모의 체인 이름 (가상의 상표; 실제 상표와 우연히 같을 수 있음): 소분류 → (이름들, 체인일 확률)
CHAINS: dict[str, tuple[tuple[str, ...], float]] = {
    "G20405": (("하루25", "늘봄24", "이웃편의점"), 0.95), "I21201": (("커피온", "빈스토리", "카페세모"), 0.35),
    "I21006": (("바삭치킨", "황금닭", "꼬꼬치킨"), 0.55), "I21001": (("햇살베이커리", "밀밭제과"), 0.45),
    "I21003": (("피자공방", "화덕피자"), 0.6), "I21004": (("버거하우스",), 0.6), "G20402": (("한가득마트", "모두마트"), 1.0),
    "G20404": (("알뜰마트", "이웃슈퍼"), 0.25), "G21503": (("뷰티온",), 0.5), "G20802": (("모바일플러스",), 0.4),
    "G21602": (("밝은안경",), 0.4), "S20901": (("크린하우스",), 0.3), "R10307": (("바디업피트니스",), 0.3),
}
ROADS_MAIN = ("한누리대로", "절재로", "갈매로", "보듬로", "다솜로")   # 신도시 간선 (모의 주소에 씀)
# 신도시 법정동 (23곳; 사실 파일 §9) 과 행정동이 맡는 법정동의 상대 비중 (가정)
LEGAL_NEWTOWN = ("반곡동", "소담동", "보람동", "대평동", "가람동", "한솔동", "나성동", "새롬동", "다정동",
                 "어진동", "종촌동", "고운동", "아름동", "도담동", "산울동", "해밀동", "합강동", "집현동",
                 "세종동", "누리동", "한별동", "다솜동", "용호동")
LEGAL_SHARE: dict[str, dict[str, float]] = {
    "3611051000": {"한솔동": 0.8, "가람동": 0.2}, "3611051800": {"나성동": 0.9, "세종동": 0.1},
    "3611052500": {"해밀동": 0.6, "산울동": 0.25, "한별동": 0.1, "누리동": 0.05},
    "3611055600": {"반곡동": 0.55, "집현동": 0.3, "합강동": 0.1, "다솜동": 0.05},
}
# 읍면의 리 (이름은 실제 리 이름; 어느 점포가 어느 리에 드는지는 도식)
JOCHIWON_CORE_RI = ("원리", "교리", "정리", "상리", "남리", "평리", "명리")
MYEON_RI: dict[str, str] = {
    "3611031000": "연기리", "3611032000": "응암리", "3611033000": "부강리", "3611034000": "용포리",
    "3611035000": "금암리", "3611036000": "봉암리", "3611037000": "읍내리", "3611038000": "노장리",
    "3611039000": "소정리",
}
SIDO_NAME = facts.CITY_NAME        # 세종은 시군구가 없어 시군구명도 '세종특별자치시'


def _is_dong(code: str) -> bool:
    """신도시 동인가 (행정동코드 6번째 자리 5: 36110 5xxxx)."""
    return code[5] == "5"


def _legal_dongs(gen, city: City, b: pd.DataFrame) -> list[str]:
    """건물마다 법정동(리) 이름."""
    names = []
    cx_ri = dict(zip(city.complexes["complex_name"], city.complexes["village"]))
    emd_names = city.emd.set_index("emd_code")["emd_name"]
    for code, kind, site_name in zip(b["emd_code"], b["site_kind"], b["site_name"]):
        emd_name = emd_names[code]
        if code in LEGAL_SHARE:
            opts = LEGAL_SHARE[code]
            names.append(str(gen.choice(list(opts), p=np.array(list(opts.values())))))
        elif code == JOCHIWON:
            if kind == "complex":
                names.append(cx_ri[site_name])
            elif kind == "campus":
                names.append("서창리")
            else:
                names.append(str(gen.choice(JOCHIWON_CORE_RI)))
        elif code == YEONGI and kind == "brt":
            names.append("세종리")
        elif code in MYEON_RI:
            names.append(cx_ri[site_name] if kind == "complex" else MYEON_RI[code])
        else:
            names.append(emd_name)
    return names


def _legal_codes(codes: pd.Series, legal: pd.Series) -> list[str]:
    """모의 법정동코드 (10자리; 앞 5자리 36110 은 실제, 나머지는 이 도시의 번호).

    신도시 법정동은 LEGAL_NEWTOWN 순서로 3611010100, 3611010200, …; 읍면의 리는 읍면 코드 앞 8자리 +
    리 이름 가나다순 번호(21부터).
    """
    ri = {}
    for code in sorted(set(codes)):
        names = sorted(set(legal[codes == code]) - set(LEGAL_NEWTOWN))
        ri.update({(code, n): f"{code[:8]}{21 + i:02d}" for i, n in enumerate(names)})
    return [f"36110{101 + LEGAL_NEWTOWN.index(n):03d}00" if n in LEGAL_NEWTOWN else ri[(c, n)]
            for c, n in zip(codes, legal)]


def _road_code(road: str) -> str:
    """모의 도로명코드 (12자리 = 시군구코드 36110 + 7자리)."""
    return f"{facts.SGG_CODE}{zlib.crc32(road.encode('utf-8')) % 10_000_000:07d}"


def _roads(gen, b: pd.DataFrame, emd_names: pd.Series) -> list[str]:
    """건물마다 도로명 (모의): 신도시 '<동 앞 글자><번호>로' 또는 간선, 읍면 '<리 앞 글자>길'."""
    out = []
    for code, kind, legal in zip(b["emd_code"], b["site_kind"], b["legal_name"]):
        name = emd_names[code]
        if _is_dong(code):                                      # 신도시 동
            if kind in ("centre", "brt", "gov") and gen.random() < 0.35:
                out.append(str(gen.choice(ROADS_MAIN)))
            else:
                out.append(f"{legal[:-1]}{int(gen.integers(1, 9))}로")
        elif kind == "road":
            out.append(f"{name[:-1]}로")
        else:                                                   # 신흥리 → 신흥길, 교리 → 교리길
            out.append(f"{legal}길" if len(legal) == 2 or legal == "세종리" else f"{legal[:-1]}길")
    return out


def _address_columns(gen, city: City, b: pd.DataFrame) -> pd.DataFrame:
    """건물 표에 법정동·지번·도로명·건물관리번호·건물명·우편번호 열을 붙입니다."""
    emd_names = city.emd.set_index("emd_code")["emd_name"]
    b = b.copy()
    b["legal_name"] = _legal_dongs(gen, city, b)
    b["legal_code"] = _legal_codes(b["emd_code"], b["legal_name"])
    b["land_code"] = np.where(gen.random(len(b)) < np.where(b["site_kind"] == "road", 0.12, 0.004), "2", "1")
    b["lot_main"] = gen.integers(1, 1000, len(b))
    b["lot_sub"] = np.where(gen.random(len(b)) < 0.45, gen.integers(1, 40, len(b)), 0)
    b["road"] = _roads(gen, b, emd_names)
    b["bld_main"] = gen.integers(1, 160, len(b)) * 2 - gen.integers(0, 2, len(b))
    b["bld_sub"] = np.where(gen.random(len(b)) < 0.08, gen.integers(1, 10, len(b)), 0)
    b["building_id"] = [f"{lc}{land}{m:04d}{s:04d}{i:06d}" for i, (lc, land, m, s)
                        in enumerate(zip(b["legal_code"], b["land_code"], b["lot_main"], b["lot_sub"]), 1)]
    b["building_name"] = _building_names(gen, b)
    b["zip_new"] = [f"30{(zlib.crc32((c + n).encode()) % 150):03d}" for c, n in zip(b["emd_code"], b["legal_name"])]
    b["zip_old"] = np.where(gen.random(len(b)) < 0.7,
                            [f"339{(zlib.crc32(n.encode()) % 900 + 100):03d}" for n in b["legal_name"]], "")
    return b


def _building_names(gen, b: pd.DataFrame) -> list[str]:
    """건물명: 신도시 상가 건물 대부분, 단지 상가는 '<단지> 상가', 읍면은 드물게."""
    tails = ("프라자", "타워", "빌딩", "스퀘어", "센터", "메디컬", "애비뉴", "시티")
    out = []
    for kind, site, emd in zip(b["site_kind"], b["site_name"], b["emd_code"]):
        if kind == "complex" and _is_dong(emd):
            out.append(f"{site} 상가" if gen.random() < 0.8 else "")
        elif kind in ("centre", "brt", "gov"):
            out.append(f"{gen.choice(PREFIXES)}{gen.choice(tails)}" if gen.random() < 0.75 else "")
        elif kind in ("station", "campus") and gen.random() < 0.2:
            out.append(f"{gen.choice(PREFIXES)}빌딩")
        else:
            out.append("")
    return out


def _store_names(gen, s: pd.DataFrame) -> tuple[list[str], list[str]]:
    """상호명과 지점명 (체인이면 지점명 '세종<법정동 또는 읍면>점', 같은 곳에 또 있으면 '…2호점')."""
    names, branches, seen = [], [], {}
    for scls, legal, code, emd_name in zip(s["scls_code"], s["legal_name"], s["emd_code"], s["emd_name"]):
        chain = CHAINS.get(scls)
        if chain and gen.random() < chain[1]:
            brand = str(gen.choice(chain[0]))
            base = f"세종{legal[:-1] if _is_dong(code) else emd_name[:-1]}"   # 세종나성점, 세종조치원점
            k = seen.get((brand, base), 0) + 1
            seen[(brand, base)] = k
            names.append(brand)
            branches.append(f"{base}점" if k == 1 else f"{base}{k}호점")
            continue
        suffix = str(gen.choice(SUFFIXES[scls]))
        if scls in PERSON_NAMED and gen.random() < 0.4:
            names.append(f"{gen.choice(SURNAMES)}{gen.choice(GIVEN)}{suffix}")
        else:
            names.append(f"{gen.choice(PREFIXES)}{suffix}")
        branches.append("")
    return names, branches


def _opened(gen, s: pd.DataFrame, city: City) -> list[str]:
    """모형의 개업 연월 (파일에는 없음): 동의 첫 입주 6개월 뒤 ~ 2024-06, 평균 나이 72개월."""
    first = city.complexes.groupby("emd_code")["completion_ym"].min()
    end = month_index(STDR_YM)
    out = []
    for code in s["emd_code"]:
        start = month_index(first[code]) + 6 if _is_dong(code) else month_index("1985-01")
        span = end - start
        age = gen.exponential(STORE_AGE_MONTHS)
        if age > span:
            age = gen.uniform(0, span)
        out.append(month_label(end - int(age)))
    return out


def _store_ids(gen, opened: list[str]) -> list[str]:
    """상가업소번호 'MA0101' + 연월(6) + 일련번호(8). 연월은 max(개업 달, 2022-08)."""
    months = [max(m, ID_START).replace("-", "") for m in opened]
    serial = gen.integers(0, 100_000_000, len(months))
    while True:                                         # 겹친 번호만 다시 뽑음 (결정적)
        dup = pd.Series(serial).duplicated().to_numpy()
        if not dup.any():
            break
        serial[dup] = gen.integers(0, 100_000_000, int(dup.sum()))
    return [f"MA0101{m}{n:08d}" for m, n in zip(months, serial)]


def _floors(gen, s: pd.DataFrame, cls: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """층정보·호정보·동정보 (빈 칸이 흔함)."""
    pref = s["scls_code"].map(cls.set_index("scls_code")["floor"]).map(FLOOR_PREF).to_numpy()
    floors_max = s["floors"].to_numpy()
    ground = (gen.random(len(s)) < pref) | (floors_max == 1)
    upper = 2 + np.floor(gen.random(len(s)) * np.maximum(floors_max - 1, 1)).astype(int)
    floor = np.where(ground, 1, np.minimum(upper, floors_max))
    blank = gen.random(len(s)) < FLOOR_BLANK
    many = s.groupby("building_no")["building_no"].transform("size").to_numpy() > 2
    unit_on = many & ~blank & (gen.random(len(s)) < UNIT_SHARE)
    unit_no = gen.integers(1, 16, len(s))
    floor_txt = np.where(blank, "", floor.astype(str))
    unit_txt = [f"{f}{u:02d}" if on else "" for f, u, on in zip(floor, unit_no, unit_on)]
    block = np.where((s["site_kind"] == "complex").to_numpy() & (gen.random(len(s)) < 0.2), "상가동", "")
    return list(floor_txt), unit_txt, list(block)


# ---------------------------------------------------------------------------
# 4. 조립 (assembly)
# ---------------------------------------------------------------------------
@lru_cache(maxsize=2)
def build_stores(seed: int) -> pd.DataFrame:
    """2024년 6월 기준 점포 표: 파일의 39열 + 모형 열 (emd_code, lifezone, site_kind, site_name,
    building_no, opened_ym, lon, lat). 상가업소번호 순."""
    city = build_city(seed)
    gen = rng("stores", seed)
    cls = classification()
    counts = pd.concat([newtown_matrix(city, cls), old_town_counts(city, cls)])
    emd = city.emd.set_index("emd_code")
    parts, buildings, b_offset = [], [], 0
    for code in emd.index:
        sites = _sites(city, code)
        s = _allocate_sites(gen, counts.loc[code], code, emd.loc[code, "emd_type"], cls, sites)
        s = _buildings(gen, city, code, s, sites)
        s["emd_code"] = code
        s["site_name"] = [sites[k][i][0] for k, i in zip(s["site_kind"], s["site_no"])]
        s["building_no"] += b_offset
        b_offset = int(s["building_no"].max()) + 1
        parts.append(s)
    stores = pd.concat(parts, ignore_index=True)
    b = stores.groupby("building_no", sort=True).first()[["emd_code", "site_kind", "site_name"]]
    b = _address_columns(gen, city, b.reset_index())
    stores = stores.merge(b.drop(columns=["emd_code", "site_kind", "site_name"]), on="building_no")
    stores["emd_name"] = stores["emd_code"].map(emd["emd_name"])
    stores["opened_ym"] = _opened(gen, stores, city)
    stores["store_id"] = _store_ids(gen, list(stores["opened_ym"]))
    names, branches = _store_names(gen, stores)
    stores["name"], stores["branch"] = names, branches
    stores["floor"], stores["unit"], stores["block"] = _floors(gen, stores, cls)
    stores = stores.merge(cls[["scls_code", "scls_name", "mcls_code", "mcls_name", "lcls_code", "lcls_name",
                               "ksic_code", "ksic_name"]], on="scls_code")
    stores["lifezone"] = stores["emd_code"].map(emd["lifezone"])
    stores = stores.sort_values("store_id", kind="mergesort").reset_index(drop=True)
    _check(city, stores)
    return stores


def _check(city: City, stores: pd.DataFrame) -> None:
    where = locate(city.boundaries, stores["lon"], stores["lat"])
    if not (where == stores["emd_code"].to_numpy()).all():
        raise RuntimeError("자기 읍면동 도식 다각형 밖에 있는 점포가 있습니다.")
    if not stores["store_id"].is_unique:
        raise RuntimeError("상가업소번호가 겹칩니다.")


def _lot_text(main: int, sub: int) -> str:
    return f"{main}-{sub}" if sub else f"{main}"


def file_rows(stores: pd.DataFrame) -> list[list[str]]:
    """점포 표 → 파일의 39열 글자 행."""
    rows = []
    for r in stores.itertuples(index=False):
        lot = _lot_text(int(r.lot_main), int(r.lot_sub))
        bld = _lot_text(int(r.bld_main), int(r.bld_sub))
        area = r.legal_name if _is_dong(r.emd_code) else f"{r.emd_name} {r.legal_name}"
        lot_addr = f"{SIDO_NAME} {area} {'산' if r.land_code == '2' else ''}{lot}"
        rows.append([
            r.store_id, r.name, r.branch, r.lcls_code, r.lcls_name, r.mcls_code, r.mcls_name,
            r.scls_code, r.scls_name, r.ksic_code, r.ksic_name, facts.SIDO_CODE, SIDO_NAME,
            facts.SGG_CODE, SIDO_NAME, r.emd_code, r.emd_name, r.legal_code, r.legal_name,
            f"{r.legal_code}{r.land_code}{int(r.lot_main):04d}{int(r.lot_sub):04d}", r.land_code,
            "산" if r.land_code == "2" else "대지", str(int(r.lot_main)),
            str(int(r.lot_sub)) if r.lot_sub else "", lot_addr, _road_code(r.road),
            f"{SIDO_NAME} {r.road}", str(int(r.bld_main)), str(int(r.bld_sub)) if r.bld_sub else "",
            r.building_id, r.building_name, f"{SIDO_NAME} {r.road} {bld}", r.zip_old, r.zip_new,
            r.block, r.floor, r.unit, f"{r.lon:.6f}", f"{r.lat:.6f}",
        ])
    return rows


def write_stores(city: City, out: Path) -> None:
    """모의 상가(상권)정보 CSV: UTF-8 (BOM 있음), 쉼표, 필요할 때만 따옴표, 줄바꿈 LF."""
    stores = build_stores(city.seed)
    with open(out / STORES_FILE, "w", encoding=ENCODING, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(file_rows(stores))


# 이 모듈이 만드는 자료 (이름, 파일, 함수). generate/__init__.py 의 목록에 등록됩니다.
DATASETS = (
    ("stores_sejong", STORES_FILE, write_stores),
)

__all__ = ["STORES_FILE", "COLUMNS", "LCLS", "MCLS", "SCLS", "NEWTOWN_TARGETS", "NINE_TYPES",
           "classification", "newtown_scls_totals", "newtown_matrix", "old_town_counts", "build_stores",
           "file_rows", "write_stores", "DATASETS"]
