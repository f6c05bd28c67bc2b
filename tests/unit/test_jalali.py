"""Jalali dates: reading, refusing impossible or Gregorian dates, converting, formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.lang.jalali import DateError, JDate, month_length, parse_jalali


@pytest.mark.parametrize("text", ["1400-05-27", "1400/05/27", "1400/5/27", "۱۴۰۰-۰۵-۲۷", "1400.05.27"])
def test_parse_accepts_common_spellings(text: str) -> None:
    assert parse_jalali(text) == JDate(1400, 5, 27)


@pytest.mark.parametrize("text, code", [
    ("1400-12-30", "impossible-date"),  # 1400 is a common year
    ("1400-13-01", "impossible-date"),
    ("1400-07-31", "impossible-date"),  # months 7-11 have 30 days
    ("1400-00-10", "impossible-date"),
    ("2021-08-18", "gregorian-date"),
    ("18/08/2021", "gregorian-date"),  # day first, as Excel shows dates in many regional settings
    ("27/05/1400", "invalid-date"),  # day first: named as such, with the date to write
    ("31/02/2021", "invalid-date"),  # day first but no date at all
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


def test_a_date_written_day_first_is_named_with_the_date_to_write() -> None:
    with pytest.raises(DateError) as jalali:
        parse_jalali("27/05/1400")
    assert jalali.value.message == "«27/05/1400» is written day first"
    assert jalali.value.fix == "write the year first, then the month and the day: 1400-05-27"
    with pytest.raises(DateError) as gregorian:
        parse_jalali("18.08.2021")
    assert "(in Jalali that is 1400-05-27)" in gregorian.value.message and gregorian.value.code == "gregorian-date"


def test_a_gregorian_date_whose_day_and_month_cannot_be_told_apart_is_not_guessed() -> None:
    with pytest.raises(DateError) as both:
        parse_jalali("03/04/2021")  # 3 April, or 4 March as Excel writes it in the United States
    assert both.value.code == "gregorian-date" and "cannot be told" in both.value.message
    assert "Jalali that is" not in both.value.message
