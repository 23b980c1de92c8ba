"""공식 형식 파일 리더 (readers of official file formats).

공공기관이 내려받기로 주는 파일을 읽어, 분석하기 좋은 긴(tidy) 표로 돌려줍니다. 형식이 맞지 않으면
언제나 :class:`~sejongdata.errors.SejongDataError` 를 던지고, 메시지에 파일 이름·기대한 것·찾은 것을 적습니다.
행을 지우거나 고친 일이 있으면 :class:`~sejongdata.errors.SejongDataWarning` 경고로 알립니다.

=================================  ==========================================================
리더                                읽는 파일
=================================  ==========================================================
:func:`read_population_monthly`    행정안전부 주민등록 인구 및 세대현황 (월간 CSV)
:func:`read_population_age`        행정안전부 연령별 인구현황 (10세 단위 CSV)
:func:`read_city_population_xlsx`  세종특별자치시 월별 인구 현황 (엑셀, 달마다 시트)
:func:`read_boundaries`            행정동 경계 GeoJSON (실제 경계, 이 책의 도식 경계)
:func:`read_eoulling_stations`     세종시 공영자전거 어울링 대여소 현황 (공공데이터포털 CSV)
:func:`read_eoulling_trips`        세종시 공영자전거 어울링 이용 현황 (대여 기록 CSV)
:func:`read_asos_hourly`           기상청 종관기상관측(ASOS) 시간 자료 (기상자료개방포털 CSV)
:func:`read_ebike_trips`           공유 전기자전거 운영사 이용 기록 (공식 공개 형식 없음)
:func:`read_sns_posts`             SNS·블로그·커뮤니티 게시글 CSV (소셜 리스닝 서비스·수집기 내보내기)
:func:`read_sns_labels`            이 책의 민원 표본 표 (게시글마다 민원 여부)
:func:`read_kosis_long`            KOSIS 통계표 세로형 CSV (분류·시점·항목 열; 인구이동, 인구 …)
:func:`read_kosis_wide`            KOSIS 통계표 가로형 CSV (시점이 열로 펼쳐진 두 줄 머리글)
:func:`read_stores`                소상공인시장진흥공단 상가(상권)정보 (공공데이터포털 시도별 CSV)
:func:`read_molit_apt_trades`      국토교통부 실거래가 공개시스템 아파트(매매) CSV (전월세: read_molit_apt_rents)
:func:`read_land_prices`           국가공간정보포털 개별공시지가정보 CSV (표제부: read_building_titles)
:func:`read_yeominjeon_daily` 등    여민전 결제 집계(일별·분기별 교차표), 가맹점 등록부, 정책 달력, 가입자
:func:`read_cleannet_inputs` 등     자동크린넷 운영 기록 (공식 공개 형식 없음: 이 책의 형식; 집하장·구역·투입·저장률·배출·사건)
:func:`read_emd_master` 등          이 책의 datasets/ 정돈된 표 (read_pm_sites, read_grid 포함)
=================================  ==========================================================

열 이름 대응표는 :func:`column_map` 으로 볼 수 있습니다. 일반 CSV 읽기 도구는 :mod:`sejongdata.textio` 에 있습니다.
"""
from ..errors import SejongDataError, SejongDataWarning
from ..textio import TableInfo, detect_encoding, read_table
from .bike import read_eoulling_stations, read_eoulling_trips
from .boundaries import read_boundaries
from .city_xlsx import read_city_population_xlsx
from .cleannet import (read_cleannet_discharges, read_cleannet_events, read_cleannet_fill, read_cleannet_inputs,
                       read_cleannet_monthly, read_cleannet_plants, read_cleannet_sections)
from .codes import CITY_CODE, CITY_NAME, SEJONG_EMD_CODES
from .columns import COLUMN_MAPS, available_kinds, column_map, rename_columns
from .kosis import parse_periods, read_kosis_long, read_kosis_wide, split_item
from .population import parse_regions, read_population_age, read_population_monthly
from .project import PROJECT_SCHEMAS, read_apartments, read_emd_master, read_places
from .pm import read_ebike_trips, read_grid, read_pm_sites
from .sns import read_sns_labels, read_sns_posts
from .stores import STORE_COLUMNS, read_stores
from .weather import read_asos_hourly
from .molit import read_molit_apt_rents, read_molit_apt_trades
from .housing import read_building_titles, read_land_prices
from .yeominjeon import (read_yeominjeon_cardholders, read_yeominjeon_crosstab, read_yeominjeon_daily,
                         read_yeominjeon_merchants, read_yeominjeon_policy, read_yeominjeon_spending)

__all__ = [
    "SejongDataError", "SejongDataWarning", "TableInfo", "detect_encoding", "read_table",
    "read_population_monthly", "read_population_age", "read_city_population_xlsx", "read_boundaries",
    "read_emd_master", "read_places", "read_apartments", "PROJECT_SCHEMAS",
    "read_eoulling_stations", "read_eoulling_trips", "read_asos_hourly",
    "read_ebike_trips", "read_pm_sites", "read_grid", "read_stores", "STORE_COLUMNS",
    "read_sns_posts", "read_sns_labels",
    "read_kosis_long", "read_kosis_wide", "parse_periods", "split_item",
    "read_yeominjeon_daily", "read_yeominjeon_crosstab", "read_yeominjeon_spending", "read_yeominjeon_merchants",
    "read_yeominjeon_policy", "read_yeominjeon_cardholders",
    "read_molit_apt_trades", "read_molit_apt_rents", "read_land_prices", "read_building_titles",
    "read_cleannet_plants", "read_cleannet_sections", "read_cleannet_inputs", "read_cleannet_monthly",
    "read_cleannet_fill", "read_cleannet_discharges", "read_cleannet_events",
    "COLUMN_MAPS", "column_map", "available_kinds", "rename_columns", "parse_regions",
    "CITY_CODE", "CITY_NAME", "SEJONG_EMD_CODES",
]
