"""빅데이터로 보는 세종 — 교재용 패키지.

- 모의 데이터 생성기: ``python -m sejongdata.generate``
- 공식 형식 파일 리더: :mod:`sejongdata.readers`
- 그림·지도 설정: :mod:`sejongdata.plotting`, :mod:`sejongdata.maps`
"""
from .errors import SejongDataError, SejongDataWarning, install_warning_format
from .paths import data_dir, data_path

install_warning_format()

__version__ = "0.1.0"
__all__ = ["SejongDataError", "SejongDataWarning", "data_dir", "data_path", "__version__"]
