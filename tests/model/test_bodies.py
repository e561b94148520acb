import pytest

from model.bodies import country_prefix


@pytest.mark.parametrize(
    "name, expected",
    [
        ("US Trade Office", ("United States", "Trade Office")),
        ("U.S. Trade Office", ("United States", "Trade Office")),
        ("American Trade Office", ("United States", "Trade Office")),
        ("China's Commerce Ministry", ("China", "Commerce Ministry")),
        ("China’s Commerce Ministry", ("China", "Commerce Ministry")),
        ("Chinese Commerce Ministry", ("China", "Commerce Ministry")),
        ("Russian Commerce Ministry", ("Russia", "Commerce Ministry")),
        ("North Korean Commerce Ministry", ("North Korea", "Commerce Ministry")),
        ("Commerce Ministry", None),  # no country
        ("Saudi Arabia", None),  # a country itself
        ("Russian officials", None),  # no name after the country
        ("US", None),
        ("Mexico City Council", None),  # a place named after the country: not listed
    ],
)
def test_country_at_the_head_of_a_body_name(name, expected):
    assert country_prefix(name) == expected
