"""The site's two editions: Persian (at the root, right to left, the public's own) and English (under en/,
left to right, for partners, donors, journalists and researchers abroad). One `Edition` says how a page of
its language writes what the data hold: digits and number separators, dates (Jalali in Persian; Gregorian
first with the Jalali date beside it in English, «19 August 2021 (27 Mordad 1400)»), and which of a
record's texts it shows (`name_fa` or `name_en`).

Every stage after aggregation that writes words for the public takes an Edition; the numbers, the cells and
their protection are the same for both (one set of cells), only their words differ.

English is written, never machine-translated: a text staff gave only in Persian is shown in Persian on the
English page, in a block that says so (`fallback`; render/filters.py marks it up).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.lang.jalali import MONTHS_FA, JDate, JMonth
from generator.lang.persian import format_number, format_percent, persian_digits

# the Jalali months as English writes them (the Library of Congress romanisation, without diacritics)
MONTHS_EN = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey",
             "Bahman", "Esfand")
GREGORIAN_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _gregorian(day: dt.date, year: bool = True) -> str:
    return f"{day.day} {GREGORIAN_EN[day.month - 1]}" + (f" {day.year}" if year else "")


@dataclass(frozen=True)
class Edition:
    code: str  # "fa" or "en": the pages' `lang`, and the suffix of a record's texts (`name_fa`, `name_en`)
    dir: str  # "rtl" or "ltr"
    folder: str  # where its pages are, below content/ and the site's root: "" (Persian) or "en"
    locale: str  # Open Graph's og:locale
    own_name: str  # the language's own name, as the language switch writes it

    @property
    def fa(self) -> bool:
        return self.code == "fa"

    @property
    def prefix(self) -> str:
        """Its folder as a path's start: "" or "en/"."""
        return self.folder + "/" if self.folder else ""

    def pick(self, fa: Any, en: Any) -> Any:
        """One of the two, as this edition writes it."""
        return fa if self.fa else en

    # ---- numbers ----

    def digits(self, text: str) -> str:
        """Text from data as this edition's pages write it: Persian digits in Persian, as typed in English."""
        return persian_digits(text) if self.fa else text

    def number(self, value: int | float, decimals: int = 0) -> str:
        """«۷۵۰٬۰۰۰» / «750,000»; `decimals` places («۱۲٫۵» / «12.5»)."""
        if self.fa:
            return format_number(value, decimals)
        if isinstance(value, bool):
            raise TypeError("a boolean is not a number to show")
        return f"{value:,.{decimals}f}"

    def percent(self, value: float) -> str:
        """A share already in percent, to one place: «۴۵٫۳٪» / «45.3%»."""
        return format_percent(value) if self.fa else f"{value:,.1f}%"

    # ---- dates ----

    def date(self, day: JDate) -> str:
        """«۲۷ مرداد ۱۴۰۰» / «18 August 2021 (27 Mordad 1400)»."""
        if self.fa:
            return day.fa()
        return f"{_gregorian(day.to_gregorian())} ({day.day} {MONTHS_EN[day.month - 1]} {day.year})"

    def date_plain(self, day: JDate) -> str:
        """The day in this edition's own calendar only, for a title or a chart's label: «۲۷ مرداد ۱۴۰۰» /
        «18 August 2021»."""
        return day.fa() if self.fa else _gregorian(day.to_gregorian())

    def day_month(self, day: JDate, year: bool = False) -> str:
        """A chart's week label: «۳ شهریور» / «25 Aug» (with the year when a series spans two)."""
        if self.fa:
            return persian_digits(f"{day.day} {MONTHS_FA[day.month - 1]}" + (f" {day.year}" if year else ""))
        g = day.to_gregorian()
        return f"{g.day} {GREGORIAN_EN[g.month - 1][:3]}" + (f" {g.year}" if year else "")

    def short_date(self, day: JDate) -> str:
        """For dense tables: «۱۴۰۰/۰۵/۲۷» / «2021-08-18»."""
        return day.fa_short() if self.fa else day.to_gregorian().isoformat()

    def month(self, month: JMonth) -> str:
        """«مهر ۱۴۰۰» / «Sep–Oct 2021 (Mehr 1400)»: a Jalali month spans two Gregorian ones."""
        if self.fa:
            return month.fa()
        first = JDate(month.year, month.month, 1).to_gregorian()
        last = (JDate(month.year + (month.month == 12), month.month % 12 + 1, 1).to_gregorian()
                - dt.timedelta(days=1))
        a, b = GREGORIAN_EN[first.month - 1][:3], GREGORIAN_EN[last.month - 1][:3]
        span = f"{a} {first.year}–{b} {last.year}" if first.year != last.year else f"{a}–{b} {last.year}"
        return f"{span} ({MONTHS_EN[month.month - 1]} {month.year})"

    def month_short(self, month: JMonth) -> str:
        """A chart's month label: «مهر ۱۴۰۰» / «Mehr 1400»."""
        return month.fa() if self.fa else f"{MONTHS_EN[month.month - 1]} {month.year}"

    def period(self, period: JDate | JMonth) -> str:
        return self.date(period) if isinstance(period, JDate) else self.month(period)

    # ---- texts of the data ----

    def text(self, record: Any, field: str) -> str:
        """A record's text in this edition (`field` without its suffix: "name" → `name_en`); "" when the
        record has none in this language (see `fallback` for what the page shows then)."""
        return getattr(record, f"{field}_{self.code}", "") or ""

    def fallback(self, record: Any, field: str) -> tuple[str, bool]:
        """The record's text in this edition, or else its Persian text, with whether it is the Persian
        (then the English page shows it as Persian, marked so: never machine-translated)."""
        own = self.text(record, field)
        if own or self.fa:
            return own, False
        return getattr(record, f"{field}_fa", "") or "", True

    def name(self, record: Any, field: str = "name") -> str:
        """A name every record has in both languages (provinces, counties, programmes, indicators)."""
        return self.text(record, field) or getattr(record, f"{field}_fa")


FA = Edition("fa", "rtl", "", "fa_IR", "فارسی")
EN = Edition("en", "ltr", "en", "en_GB", "English")
EDITIONS = (FA, EN)  # Persian first: the public's, at the site's root
