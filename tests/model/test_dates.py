import pytest

from model import dates


@pytest.mark.parametrize(
    "value,rng,gran",
    [
        ("2023-02-22", ("2023-02-22", "2023-02-22"), "day"),
        ("2023-02-22T10:00", ("2023-02-22", "2023-02-22"), "day"),
        ("2024-02", ("2024-02-01", "2024-02-29"), "month"),
        ("2024-W20", ("2024-05-13", "2024-05-19"), "week"),
        ("2023-Q1", ("2023-01-01", "2023-03-31"), "quarter"),
        ("2023-WI", ("2023-12-01", "2024-02-29"), "season"),
        ("2022", ("2022-01-01", "2022-12-31"), "year"),
        ("199", ("1990-01-01", "1999-12-31"), "decade"),
        ("P3Y", None, None),
        ("PAST_REF", None, None),
        (None, None, None),
        ("2023-13", None, None),
    ],
)
def test_value_range_and_granularity(value, rng, gran):
    assert dates.value_range(value) == rng
    assert dates.granularity(value) == gran


def test_parse_iso_day():
    assert dates.parse_iso_day("2024-05-16") == "2024-05-16"
    assert dates.parse_iso_day("2024-5-16") is None
    assert dates.parse_iso_day("2024-02-30") is None
