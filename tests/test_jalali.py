"""Jalali dates: reading, refusing impossible or Gregorian dates, converting, formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.jalali import DateError, JDate, month_length, parse_jalali


@pytest.mark.parametrize("text", ["1400-05-27", "1400/05/27", "1400/5/27", "۱۴۰۰-۰۵-۲۷", "1400.05.27"])
def test_parse_accepts_common_spellings(text: str) -> None:
    assert parse_jalali(text) == JDate(1400, 5, 27)


@pytest.mark.parametrize("text, code", [
    ("1400-12-30", "impossible-date"),  # 1400 is a common year
    ("1400-13-01", "impossible-date"),
    ("1400-07-31", "impossible-date"),  # months 7-11 have 30 days
    ("1400-00-10", "impossible-date"),
    ("2021-08-18", "gregorian-date"),
    ("18/08/2021", "invalid-date"),
    ("27 مرداد", "invalid-date"),
])
def test_parse_refuses_with_a_code(text: str, code: str) -> None:
    with pytest.raises(DateError) as exc:
        parse_jalali(text)
    assert exc.value.code == code


def test_leap_year_esfand_30_exists() -> None:
    assert parse_jalali("1403-12-30") == JDate(1403, 12, 30)
    assert month_length(1403, 12) == 30 and month_length(1400, 12) == 29


def test_gregorian_date_error_gives_the_jalali_equivalent() -> None:
    with pytest.raises(DateError) as exc:
        parse_jalali("2021-08-18")
    assert "1400-05-27" in exc.value.message


def test_conversion_and_formatting() -> None:
    d = JDate(1400, 5, 27)
    assert d.to_gregorian() == dt.date(2021, 8, 18)
    assert JDate.from_gregorian(dt.date(2021, 8, 19)) == JDate(1400, 5, 28)  # Ashura 1400
    assert d.plus_days(7) == JDate(1400, 6, 3)
    assert d.fa() == "۲۷ مرداد ۱۴۰۰"
    assert d.fa_short() == "۱۴۰۰/۰۵/۲۷"
    assert str(d) == "1400-05-27"
