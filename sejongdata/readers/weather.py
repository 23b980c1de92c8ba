"""기상청 종관기상관측(ASOS) 시간 자료 리더 (KMA ASOS hourly observations)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import SejongDataError
from ..textio import normalize_header, read_table, to_number
from .common import english_columns, parse_times, warn_file
from .columns import COLUMN_MAPS

__all__ = ["read_asos_hourly", "ASOS_ELEMENTS"]

_ID_COLUMNS = {"지점": "station_id", "지점명": "station_name", "일시": "time"}
#: 파일에 나올 수 있는 관측 요소(element)의 한국어 → 영어 이름 (QC플래그 열과 지점·일시 열 제외)
ASOS_ELEMENTS = {k: v for k, v in COLUMN_MAPS["kma_asos"].items()
                 if k not in _ID_COLUMNS and not v.endswith("_qc")}
_TEXT_ELEMENTS = {"cloud_type", "phenomenon"}          # 운형 약어(예: 'ScAc'), 현상번호 코드는 글자로 둡니다
_TIME_FORMATS = {"%Y-%m-%d %H:%M": "YYYY-MM-DD HH:MM", "%Y-%m-%d %H:%M:%S": "YYYY-MM-DD HH:MM:SS"}


def _require_element(columns: list[str], path) -> None:
    """지점·일시 말고 관측 요소 열이 하나는 있어야 합니다 (columns 는 파일의 한국어 열 이름)."""
    known = {normalize_header(k) for k in ASOS_ELEMENTS}
    if not any(normalize_header(c) in known for c in columns):
        raise SejongDataError(path, "관측 요소(element) 열이 하나도 없습니다: 지점, 일시 말고 값 열이 있어야 합니다.",
                              expected=f"{', '.join(list(ASOS_ELEMENTS)[:6])} 등 하나 이상", found=columns,
                              hint="기상자료개방포털에서 내려받을 때 '기온' 같은 요소를 하나 이상 고르세요.")


def _station_ids(values: pd.Series, path) -> pd.Series:
    numbers = to_number(values, "지점", path)
    bad = numbers.isna() | (numbers.astype("float64") % 1 != 0)
    if bad.any():
        raise SejongDataError(path, f"열(column) '지점' 에 지점 번호가 아닌 값이나 빈 칸이 {int(bad.sum())}개 있습니다.",
                              expected="정수 지점 번호 (예: 239 세종)",
                              found=[f"데이터 {i + 1}번째 행: {values[i]!r}" for i in bad[bad].index[:5]])
    return numbers.astype("int64")


def _hourly_times(values: pd.Series, path) -> pd.Series:
    """일시를 datetime64 로. 빈 칸이나 정시(HH:00)가 아닌 값은 오류입니다."""
    times = parse_times(values, "일시", path, _TIME_FORMATS)
    blank = times.isna()
    if blank.any():
        raise SejongDataError(path, f"열(column) '일시' 가 빈 행이 {int(blank.sum())}개 있습니다.",
                              expected="모든 행에 YYYY-MM-DD HH:MM", found=[f"데이터 {i + 1}번째 행" for i in blank[blank].index[:5]])
    off_hour = times.ne(times.dt.floor("h"))
    if off_hour.any():
        raise SejongDataError(path, f"정시(on the hour)가 아닌 일시가 {int(off_hour.sum())}개 있습니다: 시간 자료(hourly)가 아닌 것 같습니다.",
                              expected="YYYY-MM-DD HH:00 (시간 자료)",
                              found=[f"데이터 {i + 1}번째 행: {values[i]!r}" for i in off_hour[off_hour].index[:5]],
                              hint="분 자료(OBS_ASOS_MNH)나 일 자료가 아닌 '시간 자료'를 내려받았는지 확인하세요.")
    return times


def _check_time_axis(out: pd.DataFrame, path) -> None:
    """지점마다 같은 시각이 두 번 나오면 오류, 빠진 시각이 있으면 개수를 경고합니다 (빈 행을 만들지 않음)."""
    dup = out.duplicated(["station_id", "time"], keep=False)
    if dup.any():
        shown = [f"데이터 {i + 1}번째 행: 지점 {out.at[i, 'station_id']} {out.at[i, 'time']:%Y-%m-%d %H:%M}"
                 for i in dup[dup].index[:6]]
        raise SejongDataError(path, f"같은 지점·시각의 행이 두 번 이상 나옵니다 ({int(dup.sum())}개 행).",
                              expected="지점마다 한 시각에 한 줄", found=shown,
                              hint="여러 번 내려받은 파일을 이어 붙였다면 겹치는 기간을 지우세요.")
    missing, examples = 0, []
    for station, times in out.groupby("station_id", sort=False)["time"]:
        expected = pd.date_range(times.min(), times.max(), freq="h")
        gaps = expected.difference(pd.DatetimeIndex(times))
        missing += len(gaps)
        examples += [f"지점 {station} {t:%Y-%m-%d %H:%M}" for t in gaps[:3]]
    if missing:
        warn_file(path, f"시각 축(time axis)에 빠진 시각이 {missing}개 있습니다 (예: {', '.join(examples[:5])}). "
                    f"빈 행을 만들어 넣지 않았습니다: 시각을 이어 붙여 계산할 때 주의하세요.")


def _precipitation(out: pd.DataFrame, path) -> None:
    """강수량 빈 칸을 0.0 으로, 빈 칸이었는지를 precip_recorded 로 남깁니다 (표 안에서 바꿈)."""
    recorded = out["precip_mm"].notna()
    out["precip_mm"] = out["precip_mm"].fillna(0.0)
    out.insert(out.columns.get_loc("precip_mm") + 1, "precip_recorded", recorded.astype(bool))
    if "temp_c" in out.columns:
        outage = ~recorded & out["temp_c"].isna()
        if outage.any():
            warn_file(path, f"강수량과 기온이 함께 빈 행이 {int(outage.sum())}개 있습니다 (예: "
                        f"{[f'{t:%Y-%m-%d %H:%M}' for t in out.loc[outage, 'time'].head(3)]}). 관측이 빠졌을 수 있지만 "
                        f"precip_mm 은 0.0 으로 두었습니다: precip_recorded=False 와 temp_c 결측으로 가려낼 수 있습니다.")


def _convert(frame: pd.DataFrame, path) -> pd.DataFrame:
    """요소 열은 float64, QC플래그 열은 Int64, 글자 요소는 str 로 바꿉니다."""
    korean = {v: k for k, v in COLUMN_MAPS["kma_asos"].items()}
    out = pd.DataFrame(index=frame.index)
    out["station_id"] = _station_ids(frame["station_id"], path)
    if "station_name" in frame.columns:
        out["station_name"] = frame["station_name"].astype("str")
    out["time"] = _hourly_times(frame["time"], path)
    for column in frame.columns:
        if column in out.columns:
            continue
        if column.endswith("_qc"):
            out[column] = to_number(frame[column], korean[column], path).astype("Int64")
        elif column in _TEXT_ELEMENTS or column not in korean:
            out[column] = frame[column]
        else:
            out[column] = to_number(frame[column], korean[column], path).astype("float64")
    return out


def read_asos_hourly(path) -> pd.DataFrame:
    """기상청 종관기상관측(ASOS) 시간 자료 내려받기 파일을 시각 한 줄씩의 표로 읽습니다.

    어디서: 기상청 기상자료개방포털(data.kma.go.kr) → 데이터 → 기상관측 → 지상 → 종관기상관측(ASOS) →
    자료형태 '시간 자료' → 지점과 요소를 골라 CSV 내려받기 (파일 이름 OBS_ASOS_TIM_*.csv).
    세종시 지점은 239(세종)입니다. 이 책의 모의 파일 ``datasets/asos_hourly_sejong_2020.csv`` 도 같은 형식입니다.

    형식: CP949 (UTF-8, UTF-8 BOM 도 받음). 머리글은 ``지점,지점명,일시`` 다음에 고른 요소만
    (``기온(°C),강수량(mm),풍속(m/s),풍향(16방위),습도(%),…``), 때로는 ``기온 QC플래그`` 같은 품질 표시 열이
    함께 옵니다. 꼭 있어야 하는 열은 지점, 일시, 그리고 요소 하나 이상입니다. 소수는 ``-.3``, ``.5`` 처럼
    앞의 0 없이 적혀 있어도 읽습니다. 영어 이름 전체는 ``column_map("kma_asos")`` 로 볼 수 있습니다.

    돌려주는 표 (파일에 있는 열만): station_id(int), station_name, time(datetime64), temp_c, precip_mm,
    precip_recorded, wind_ms, wind_dir_16(풍향, 16방위를 도(degree)로 적은 값), humidity_pct, vapor_hpa,
    dewpoint_c, pressure_hpa, sunshine_hr, radiation_mj, snow_cm, cloud_10, cloud_type(글자), ground_temp_c …
    요소 값은 float64 이고 빈 칸은 NaN 입니다.

    QC플래그 열은 지우지 않고 ``temp_qc``, ``precip_qc`` … (Int64: 빈 칸 정상, 1 오류, 9 결측)로 남깁니다.
    값을 믿을지 판단하는 근거이기 때문입니다. 필요 없으면 ``df.filter(regex="_qc$")`` 로 골라 지우세요.

    강수량: 기상청은 비가 오지 않은 시각의 강수량 칸을 비워 둡니다 (0 이 아니라 빈 칸; 실제 파일은 빈 칸이
    대부분이고 '0' 은 비가 조금 왔다 그친 시각 등에만 있습니다). 그래서 precip_mm 은 빈 칸을 0.0 으로 채워
    합계·평균을 바로 낼 수 있게 하고, 원래 칸에 값이 있었는지는 precip_recorded(bool)로 남깁니다. 다른 요소의
    빈 칸은 관측이 없다는 뜻이므로 NaN 그대로입니다. 강수량과 기온이 함께 빈 행은 관측이 빠졌을 수 있어 경고합니다.

    시각 축: 지점마다 같은 시각이 두 번 나오면 :class:`SejongDataError`, 빠진 시각이 있으면 개수를 경고만 하고
    빈 행을 만들어 넣지 않습니다. 사전에 없는 열은 이름과 값을 그대로 두고 경고합니다.

    예::

        weather = read_asos_hourly(data_path("asos_hourly_sejong_2020.csv"))
        weather.set_index("time")["temp_c"].resample("D").mean().plot()
    """
    path = Path(path)
    frame, _info = read_table(path, required=["지점", "일시"], preamble=0)
    _require_element(list(frame.columns), path)
    frame, unknown = english_columns(frame, "kma_asos", path)
    if unknown:
        warn_file(path, f"열 이름 사전 'kma_asos' 에 없는 열 {len(unknown)}개는 이름과 값(글자)을 그대로 두었습니다: {unknown[:8]}")
    out = _convert(frame, path)
    _check_time_axis(out, path)
    if "precip_mm" in out.columns:
        _precipitation(out, path)
    return out.reset_index(drop=True)
