"""열 이름 사전 (column mapping registry).

공식 파일의 한국어 열 이름을 코드에서 쓰는 영어 snake_case 이름으로 바꾸는 표입니다.
파일 종류(kind)마다 사전이 하나씩 있습니다. 학생은 :func:`column_map` 으로 표를 출력해 볼 수 있습니다.

예::

    from sejongdata.readers import column_map, available_kinds
    print(available_kinds())
    column_map("population_monthly")
"""
from __future__ import annotations

import warnings

import pandas as pd

from ..errors import SejongDataError, SejongDataWarning
from ..textio import normalize_header

__all__ = ["COLUMN_MAPS", "column_map", "available_kinds", "rename_columns"]

COLUMN_MAPS: dict[str, dict[str, str]] = {
    # 국토교통부 실거래가 공개시스템 아파트(매매). 판마다 열이 다르며 이름으로 찾습니다.
    "molit_apt_trades": {
        "NO": "row_no", "시군구": "address", "번지": "jibun", "본번": "bonbeon", "부번": "bubeon",
        "단지명": "complex_name", "전용면적(㎡)": "area_m2", "계약년월": "contract_ym", "계약일": "contract_day",
        "거래금액(만원)": "price_10k_won", "동": "building_dong", "층": "floor", "매수자": "buyer",
        "매도자": "seller", "건축년도": "build_year", "도로명": "road_name", "해제사유발생일": "cancel_date",
        "거래유형": "deal_type", "중개사소재지": "broker_location", "등기일자": "registration_date",
    },
    # 국토교통부 실거래가 공개시스템 아파트(전월세)
    "molit_apt_rents": {
        "NO": "row_no", "시군구": "address", "번지": "jibun", "본번": "bonbeon", "부번": "bubeon",
        "단지명": "complex_name", "전월세구분": "rent_type", "전용면적(㎡)": "area_m2",
        "계약년월": "contract_ym", "계약일": "contract_day", "보증금(만원)": "deposit_10k_won",
        "월세금(만원)": "monthly_rent_10k_won", "층": "floor", "건축년도": "build_year", "도로명": "road_name",
        "계약기간": "contract_term", "계약구분": "contract_kind", "갱신요구권 사용": "renewal_right",
        "종전계약 보증금(만원)": "prev_deposit_10k_won", "종전계약 월세(만원)": "prev_monthly_rent_10k_won",
        "주택유형": "house_type",
    },
    # 행정안전부 주민등록 인구 및 세대현황 (월간). 열 이름 '2019년01월_총인구수' 의 '_' 뒤 부분입니다.
    "population_monthly": {
        "행정구역": "region",
        "총인구수": "population",
        "세대수": "households",
        "세대당 인구": "persons_per_household",
        "남자 인구수": "male",
        "여자 인구수": "female",
        "남여 비율": "sex_ratio",
    },
    # 행정안전부 연령별 인구현황. 열 이름 '2019년12월_계_0~9세' 의 가운데(성별)와 끝(값) 부분입니다.
    "population_age": {
        "행정구역": "region",
        "계": "total",
        "남": "male",
        "여": "female",
        "총인구수": "population_all_ages",
        "연령구간인구수": "population_in_bands",
    },
    # 세종특별자치시 월별 인구 현황 엑셀 (가장 아래 머리글 칸 기준, 공백 무시)
    "city_population_xlsx": {
        "구분": "emd_name",
        "전체인구(내국인+외국인)": "population_total",
        "내국인 계": "population_korean",
        "남": "male",
        "여": "female",
        "외국인 계": "population_foreign",
        "세대수(외국인제외)": "households",
        "세대당 인구": "persons_per_household",
        "비고": "note",
    },
    # 행정동 경계 GeoJSON 의 속성(property)
    "boundaries": {
        "adm_cd2": "emd_code",
        "adm_nm": "emd_name",
        "adm_cd": "adm_cd7",
        "schematic": "schematic",
    },
    # 국토교통부 실거래가 공개시스템 아파트(매매) 내려받기 (옛 형식과 새 형식의 열을 모두 적었습니다)
    "molit_apt_trade": {
        "NO": "no",
        "시군구": "sigungu",
        "번지": "lot_number",
        "본번": "main_no",
        "부번": "sub_no",
        "단지명": "complex_name",
        "전용면적(㎡)": "area_m2",
        "계약년월": "contract_ym",
        "계약일": "contract_day",
        "거래금액(만원)": "price_10k_won",
        "동": "building",
        "층": "floor",
        "매수자": "buyer_type",
        "매도자": "seller_type",
        "건축년도": "built_year",
        "도로명": "road_name",
        "해제사유발생일": "cancel_date",
        "거래유형": "trade_type",
        "중개사소재지": "agent_location",
        "등기일자": "registration_date",
    },
    # 기상청 기상자료개방포털 종관기상관측(ASOS) 시간 자료 (OBS_ASOS_TIM). 고른 요소만 열로 나옵니다.
    # 'QC플래그' 열은 그 요소의 품질 표시(quality-control flag)입니다: 빈 칸 정상, 1 오류(error), 9 결측(missing).
    "kma_asos": {
        "지점": "station_id",
        "지점명": "station_name",
        "일시": "time",
        "기온(°C)": "temp_c",
        "기온 QC플래그": "temp_qc",
        "강수량(mm)": "precip_mm",
        "강수량 QC플래그": "precip_qc",
        "풍속(m/s)": "wind_ms",
        "풍속 QC플래그": "wind_qc",
        "풍향(16방위)": "wind_dir_16",
        "풍향 QC플래그": "wind_dir_qc",
        "습도(%)": "humidity_pct",
        "습도 QC플래그": "humidity_qc",
        "증기압(hPa)": "vapor_hpa",
        "이슬점온도(°C)": "dewpoint_c",
        "현지기압(hPa)": "pressure_hpa",
        "현지기압 QC플래그": "pressure_qc",
        "해면기압(hPa)": "sea_pressure_hpa",
        "해면기압 QC플래그": "sea_pressure_qc",
        "일조(hr)": "sunshine_hr",
        "일조 QC플래그": "sunshine_qc",
        "일사(MJ/m2)": "radiation_mj",
        "일사 QC플래그": "radiation_qc",
        "적설(cm)": "snow_cm",
        "3시간신적설(cm)": "new_snow_3h_cm",
        "전운량(10분위)": "cloud_10",
        "중하층운량(10분위)": "cloud_low_10",
        "운형(운형약어)": "cloud_type",
        "최저운고(100m )": "cloud_base_100m",
        "시정(10m)": "visibility_10m",
        "지면상태(지면상태코드)": "ground_state",
        "현상번호(국내식)": "phenomenon",
        "지면온도(°C)": "ground_temp_c",
        "지면온도 QC플래그": "ground_temp_qc",
        "5cm 지중온도(°C)": "soil_temp_5cm_c",
        "10cm 지중온도(°C)": "soil_temp_10cm_c",
        "20cm 지중온도(°C)": "soil_temp_20cm_c",
        "30cm 지중온도(°C)": "soil_temp_30cm_c",
    },
    # 세종특별자치시 공영자전거(어울링) 대여소 현황 (공공데이터포털 파일데이터)
    "eoulling_stations": {
        "대여소 번호": "station_no",
        "대여소 아이디": "station_id",
        "대여소 이름": "station_name",
        "사용유무": "in_use",
        "주소(구)": "addr_gu",
        "주소(동)": "addr_dong",
        "상세주소": "address",
        "위도": "lat",
        "경도": "lon",
        "권역": "zone",
        "지오펜스 거리": "geofence_m",
        "등록일": "registered",
        "수정일": "modified",
    },
    # 세종특별자치시 공영자전거(어울링) 이용 현황 (대여 한 건이 한 줄). 단위를 붙인 철자도 받습니다.
    "eoulling_trips": {
        "자전거번호": "bike_id",
        "시작대여일자": "start_time",
        "시작대여소": "start_station",
        "종료대여일자": "end_time",
        "종료대여소": "end_station",
        "주행거리": "distance_m",
        "주행거리(m)": "distance_m",
        "주행시간": "duration_min",
        "주행시간(분)": "duration_min",
    },
    # SNS·블로그·커뮤니티 게시글 내보내기 (소셜 리스닝 서비스, 수집기). 서비스마다 이름이 달라 여러 철자를 적었습니다.
    # read_sns_posts 는 공백과 영어 대소문자를 무시하고 맞춥니다. 날짜와 본문 열은 꼭 있어야 합니다.
    "sns_posts": {
        "게시물ID": "post_id", "게시글ID": "post_id", "글번호": "post_id", "번호": "post_id", "id": "post_id",
        "post_id": "post_id", "No": "post_id",
        "작성일시": "created_at", "작성일": "created_at", "작성시간": "created_at", "등록일시": "created_at",
        "등록일": "created_at", "게시일": "created_at", "게시일시": "created_at", "날짜": "created_at",
        "일자": "created_at", "일시": "created_at", "date": "created_at", "datetime": "created_at",
        "created_at": "created_at", "timestamp": "created_at", "published": "created_at",
        "채널": "channel", "출처": "channel", "매체": "channel", "사이트": "channel", "channel": "channel",
        "source": "channel", "site": "channel", "platform": "channel",
        "작성자": "author", "글쓴이": "author", "닉네임": "author", "계정": "author", "author": "author",
        "user": "author", "username": "author", "writer": "author",
        "제목": "title", "title": "title",
        "본문": "text", "내용": "text", "본문내용": "text", "게시글": "text", "원문": "text", "text": "text",
        "content": "text", "body": "text", "message": "text",
        "URL": "url", "주소": "url", "링크": "url", "link": "url",
        "좋아요": "likes", "좋아요수": "likes", "공감": "likes", "공감수": "likes", "likes": "likes",
        "like_count": "likes",
        "댓글": "comments", "댓글수": "comments", "comments": "comments", "comment_count": "comments",
        "공유": "shares", "공유수": "shares", "리트윗": "shares", "shares": "shares", "retweets": "shares",
        "share_count": "shares",
    },
    # 소상공인시장진흥공단 상가(상권)정보 (공공데이터포털 파일데이터, 시도별 CSV; 2023년 이후 판의 39열)
    "stores": {
        "상가업소번호": "store_id",
        "상호명": "name",
        "지점명": "branch",
        "상권업종대분류코드": "lcls_code",
        "상권업종대분류명": "lcls_name",
        "상권업종중분류코드": "mcls_code",
        "상권업종중분류명": "mcls_name",
        "상권업종소분류코드": "scls_code",
        "상권업종소분류명": "scls_name",
        "표준산업분류코드": "ksic_code",
        "표준산업분류명": "ksic_name",
        "시도코드": "sido_code",
        "시도명": "sido_name",
        "시군구코드": "sigungu_code",
        "시군구명": "sigungu_name",
        "행정동코드": "emd_code",
        "행정동명": "emd_name",
        "법정동코드": "legal_dong_code",
        "법정동명": "legal_dong_name",
        "지번코드": "lot_code",
        "대지구분코드": "land_type_code",
        "대지구분명": "land_type_name",
        "지번본번지": "lot_main_no",
        "지번부번지": "lot_sub_no",
        "지번주소": "lot_address",
        "도로명코드": "road_code",
        "도로명": "road_name",
        "건물본번지": "building_main_no",
        "건물부번지": "building_sub_no",
        "건물관리번호": "building_id",
        "건물명": "building_name",
        "도로명주소": "road_address",
        "구우편번호": "old_zip_code",
        "신우편번호": "zip_code",
        "동정보": "block",
        "층정보": "floor",
        "호정보": "unit",
        "경도": "lon",
        "위도": "lat",
    },
    # KOSIS(국가통계포털) 통계표 내려받기의 분류 열 (이름이 '…별' 로 끝남, 공백 무시).
    # 계층이 여러 단계로 나뉜 파일의 '행정구역별(1)', '행정구역별(2)' 는 region_1, region_2 가 됩니다.
    "kosis_dims": {
        "행정구역(시군구)별": "region",
        "행정구역(시도)별": "region",
        "행정구역별": "region",
        "시도별": "region",
        "시군구별": "region",
        "읍면동별": "region",
        "전출지별": "origin",
        "전입지별": "destination",
        "전출지(읍면동)별": "origin",
        "전입지(읍면동)별": "destination",
        "성별": "sex",
        "연령별": "age_band",
        "5세별": "age_band",
        "전입사유별": "reason",
    },
    # KOSIS 국내인구이동통계·주민등록인구 항목 (단위 '(명)' 은 떼고 적음, 공백 무시).
    "kosis_items": {
        "총전입": "in_total",
        "총전출": "out_total",
        "순이동": "net",
        "시도내이동-시군구내": "within_sgg",
        "시도내이동-시군구간 전입": "intra_sido_in",
        "시도내이동-시군구간 전출": "intra_sido_out",
        "시도간전입": "inter_sido_in",
        "시도간전출": "inter_sido_out",
        "이동자수": "movers",
        "순이동자수": "net_movers",
        "총인구수": "population",
        "출생": "births",
        "사망": "deaths",
        "시군구내전입": "within_sgg_in",
        "시군구내전출": "within_sgg_out",
        "행정구역변경": "boundary_change",
    },
    # 여민전 결제 집계 (이 책의 형식; 시가 공개하는 지역화폐 결제 집계를 본뜸). 결제금액 열의 단위는 리더가 읽습니다.
    "yeominjeon_spending": {
        "기준일자": "date",
        "기준월": "month",
        "기준분기": "quarter",
        "가맹점행정동코드": "emd_code",
        "업종": "sector",
        "가맹점규모": "size_class",
        "연령대": "age_band",
        "성별": "sex",
        "거주생활권": "home_zone",
        "결제건수": "transactions",
        "결제금액": "amount",
    },
    # 여민전 가맹점 등록부 (이 책이 정한 형식)
    "yeominjeon_merchants": {
        "가맹점번호": "merchant_id",
        "상가업소번호": "store_id",
        "행정동코드": "emd_code",
        "상권업종소분류코드": "scls_code",
        "여민전업종": "sector",
        "가맹점규모": "size_class",
        "가맹여부": "member",
        "가맹일": "joined",
        "해지일": "left",
        "비고": "note",
    },
    # 여민전 정책 달력 (달마다 한 줄)
    "yeominjeon_policy": {
        "기준월": "month",
        "캐시백률(%)": "cashback_pct",
        "월구매한도(만원)": "limit_month_manwon",
        "연구매한도(만원)": "limit_year_manwon",
        "발행액(억원)": "issued_eok",
        "판매방식": "sale",
        "조기마감": "sold_out",
        "마감소요시간(시간)": "sellout_hours",
        "구매자수(명)": "buyers",
        "가입자수(명)": "cardholders",
        "비고": "note",
    },
    # 여민전 연말 가입자 수
    "yeominjeon_cardholders": {
        "기준연도": "year",
        "거주생활권": "home_zone",
        "연령대": "age_band",
        "성별": "sex",
        "가입자수(명)": "cardholders",
    },
}


def available_kinds() -> list[str]:
    """열 이름 사전이 있는 파일 종류(kind) 목록."""
    return sorted(COLUMN_MAPS)


def _lookup(kind: str) -> dict[str, str]:
    if kind not in COLUMN_MAPS:
        raise SejongDataError(None, f"열 이름 사전에 없는 파일 종류(kind)입니다: {kind!r}",
                              expected=available_kinds(), found=kind)
    return COLUMN_MAPS[kind]


def column_map(kind: str) -> pd.DataFrame:
    """파일 종류 하나의 열 이름 대응표를 표(DataFrame)로 돌려줍니다 (열: '원래 열 이름', 'english').

    예::

        column_map("population_monthly")
    """
    mapping = _lookup(kind)
    return pd.DataFrame({"원래 열 이름": list(mapping), "english": list(mapping.values())})


def rename_columns(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """표의 한국어 열 이름을 사전에 따라 영어로 바꾼 새 표를 돌려줍니다 (공백은 무시하고 맞춤).

    사전에 없는 열은 이름을 그대로 두고, 그런 열이 있으면 경고로 알려 줍니다.
    """
    mapping = {normalize_header(k): v for k, v in _lookup(kind).items()}
    renames, unknown = {}, []
    for column in frame.columns:
        key = normalize_header(column)
        if key in mapping:
            renames[column] = mapping[key]
        else:
            unknown.append(column)
    if unknown:
        warnings.warn(f"열 이름 사전 '{kind}' 에 없는 열 {len(unknown)}개는 이름을 바꾸지 않았습니다: {unknown[:8]}",
                      SejongDataWarning, stacklevel=2)
    return frame.rename(columns=renames)
