"""Jalali (Solar Hijri) dates: read them as staff type them, show them as the public reads them.

Data files carry Jalali dates (`1400-05-27`), the calendar of the meetings. The portal converts to
Gregorian only where a machine needs it (the `datetime` attribute of <time>, build timestamps).
Conversion uses jdatetime, which agrees with persiantools on every day 1925–2124.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

import jdatetime

from generator.lang.messages import t
from generator.lang.persian import ascii_digits, persian_digits

GREGORIAN_MONTHS_FA = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
                      "نوامبر", "دسامبر")
MONTHS_FA = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
             "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


@dataclass(frozen=True, order=True)
class JDate:
    """A Jalali calendar day. Ordered, hashable, and printable as the ASCII id `1400-05-27`."""

    year: int
    month: int
    day: int

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso

    def to_gregorian(self) -> dt.date:
        return jdatetime.date(self.year, self.month, self.day).togregorian()

    @classmethod
    def from_gregorian(cls, day: dt.date) -> JDate:
        j = jdatetime.date.fromgregorian(date=day)
        return cls(j.year, j.month, j.day)

    def plus_days(self, days: int) -> JDate:
        return JDate.from_gregorian(self.to_gregorian() + dt.timedelta(days=days))

    def fa(self) -> str:
        """۲۷ مرداد ۱۴۰۰"""
        return persian_digits(f"{self.day} {MONTHS_FA[self.month - 1]} {self.year}")

    def gregorian_fa(self) -> str:
        """The same day in the Gregorian calendar, in Persian: «۱۸ اوت ۲۰۲۱»."""
        g = self.to_gregorian()
        return persian_digits(f"{g.day} {GREGORIAN_MONTHS_FA[g.month - 1]} {g.year}")

    def fa_short(self) -> str:
        """۱۴۰۰/۰۵/۲۷ — for dense tables."""
        return persian_digits(f"{self.year:04d}/{self.month:02d}/{self.day:02d}")


@dataclass(frozen=True, order=True)
class JMonth:
    """A Jalali calendar month: `1400-07` as an id, «مهر ۱۴۰۰» for the public."""

    year: int
    month: int

    @classmethod
    def of(cls, day: JDate) -> JMonth:
        return cls(day.year, day.month)

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.iso

    def fa(self) -> str:
        return persian_digits(f"{MONTHS_FA[self.month - 1]} {self.year}")


class DateError(ValueError):
    def __init__(self, code: str, message: str, fix: str):
        super().__init__(message)
        self.code, self.message, self.fix = code, message, fix


def month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def _check_year_month(text: str, year: int, month: int, day: int = 1) -> None:
    """The checks a Jalali date and a Jalali month share: a Jalali year (a Gregorian one is named as
    such, with its Jalali equivalent when there is one), and a month from 1 to 12. Whether the year is one the
    site covers is the data's to say (validate/rules/dates.py, `years` in data/site.yaml)."""
    if year >= 1700:
        hint = ""
        with contextlib.suppress(ValueError):  # not a real Gregorian date either
            hint = JDate.from_gregorian(dt.date(year, month, day)).iso
        raise DateError("gregorian-date",
                        t("«{text}» looks like a Gregorian date (in Jalali that is {jalali})", text=text, jalali=hint)
                        if hint else t("«{text}» looks like a Gregorian date", text=text),
                        t("write dates in the Jalali calendar, e.g. 1400-05-27"))
    if not 1 <= month <= 12:
        raise DateError("impossible-date", t("month {month} does not exist (months are 1–12)", month=month),
                        t("check the month, e.g. 1400-05-27 is 27 Mordad 1400"))


_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")


def parse_jalali_month(text: str) -> JMonth:
    """`1400-06`, `1400/6` or `۱۴۰۰-۰۶` → JMonth; a DateError says what is wrong and how to fix it."""
    m = _MONTH.match(ascii_digits(text.strip()))
    if not m:
        raise DateError("invalid-date", t("«{text}» is not a month written as YYYY-MM", text=text),
                        t("write the Jalali month as year-month, e.g. 1400-06"))
    year, month = int(m.group(1)), int(m.group(2))
    _check_year_month(text, year, month)
    return JMonth(year, month)


def parse_jalali(text: str) -> JDate:
    """`1400-05-27`, `1400/5/27` or `۱۴۰۰/۰۵/۲۷` → JDate; a DateError says what is wrong and how to fix it."""
    m = _DATE.match(ascii_digits(text.strip()))
    if not m:
        _day_first(text)
        raise DateError("invalid-date", t("«{text}» is not a date written as YYYY-MM-DD", text=text),
                        t("write the Jalali date as year-month-day, e.g. 1400-05-27"))
    year, month, day = (int(g) for g in m.groups())
    _check_year_month(text, year, month, day)
    length = month_length(year, month)
    if not 1 <= day <= length:
        leap = month == 12 and day == 30
        raise DateError("impossible-date",
                        t("{month} {year} has {length} days, so day {day} does not exist"
                          + (" (it is not a leap year)" if leap else ""),
                          month=MONTHS_FA[month - 1], year=year, length=length, day=day),
                        t("check the day; the last day of that month is {last}",
                          last=f"{year:04d}-{month:02d}-{length:02d}"))
    return JDate(year, month, day)


_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def _day_first(text: str) -> None:
    """A date written day first (27/05/1400, or 18/08/2021 as Excel shows a Gregorian date in many regional
    settings) is named as such, with the date to write instead; anything else passes."""
    m = _DAY_FIRST.match(ascii_digits(text.strip()))
    if not m:
        return
    day, month, year = (int(g) for g in m.groups())
    if year >= 1700:
        if day <= 12 and month <= 12 and day != month:
            # 03/04/2021: 3 April or, as Excel writes it in the United States, 4 March; no guess
            raise DateError("gregorian-date",
                            t("«{text}» looks like a Gregorian date, day and month in an order that cannot be "
                              "told", text=text),
                            t("write dates in the Jalali calendar, e.g. 1400-05-27"))
        try:  # a real Gregorian date, day first (the day is over 12): say which Jalali date it is
            jalali = JDate.from_gregorian(dt.date(year, month, day)).iso
        except ValueError:
            return
        raise DateError("gregorian-date",
                        t("«{text}» looks like a Gregorian date written day first (in Jalali that is {jalali})",
                          text=text, jalali=jalali),
                        t("write dates in the Jalali calendar, year first: {jalali}", jalali=jalali))
    if 1300 <= year <= 1500 and 1 <= month <= 12 and 1 <= day <= month_length(year, month):
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        raise DateError("invalid-date", t("«{text}» is written day first", text=text),
                        t("write the year first, then the month and the day: {iso}", iso=iso))
