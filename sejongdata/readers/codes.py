"""세종특별자치시 읍면동 이름 → 10자리 행정기관코드 (administrative codes).

출처: 코드·이름은 vuski/admdongkor (통계청 SGIS 행정경계, CC BY 4.0) 의 행정동 경계·중심점 파일(adm_cd2),
읍면동 목록은 세종특별자치시 「2024년 7월 인구현황」 엑셀 (tjehdgus/sejong_kmeans data/raw/2024년_7월_인구현황.xlsx)
— 프로젝트 사실 파일 §1 의 표와 같습니다 (2024년 기준 24개 읍면동: 1읍 9면 14동).
값은 sejongdata/city.py 의 EMDS 에서 가져옵니다.
"""
from __future__ import annotations

from ..city import CITY_CODE, CITY_NAME, EMDS

#: 읍면동 이름 → 10자리 코드 (2024-07 기준 24개). 표는 sejongdata.city.EMDS 한 곳에만 있습니다.
SEJONG_EMD_CODES: dict[str, str] = {emd.name: emd.code for emd in EMDS}


def code_level(code: str) -> str:
    """10자리 코드의 단계: 읍면동 자리(6~8번째)가 000 이면 'city', 아니면 'emd'."""
    return "city" if code[5:8] == "000" else "emd"
