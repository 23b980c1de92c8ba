"""textio.to_number_columns: 넓은 표를 한 번에 숫자로 (to_number 와 같은 결과·같은 오류)."""
import pandas as pd
import pytest

from sejongdata.errors import SejongDataError
from sejongdata.textio import to_number, to_number_columns


def test_matches_to_number_column_by_column():
    frame = pd.DataFrame({"a": ["1,234", "56", None], "b": ["1.5", "-.3", ""], "c": [" 7 ", "8", "9"]})
    fast = to_number_columns(frame, ["a", "b", "c"], "x.csv")
    for column in frame.columns:
        pd.testing.assert_series_equal(fast[column], to_number(frame[column], column, "x.csv"),
                                       check_names=False)


def test_bad_value_names_the_column_like_to_number():
    frame = pd.DataFrame({"a": ["1", "2"], "b": ["3", "1,2x3"]})
    with pytest.raises(SejongDataError) as error:
        to_number_columns(frame, ["a", "b"], "x.csv")
    assert "'b'" in str(error.value) and "1,2x3" in str(error.value)
