"""The years a site covers (part of the validate stage): every Jalali date and month of the data falls in
the window of `years` in data/site.yaml (default 1398–1430). A date that exists but is far off («1500-01-01»,
a year typed 1040 for 1400) is a typing slip that would put a week decades away on every chart.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from generator.lang.jalali import JDate, JMonth
from generator.lang.messages import t
from generator.model.problems import Problem
from generator.schema.value_types import Date, Month

if TYPE_CHECKING:
    from generator.validate.validated import Validated

FIRST_YEAR, LAST_YEAR = 1398, 1430  # the epidemic and the years after it, when site.yaml does not say


def window(v: Validated) -> tuple[int, int]:
    years = v.setting("years", None)
    if not years:
        return FIRST_YEAR, LAST_YEAR
    return years.get("first") or FIRST_YEAR, years.get("last") or LAST_YEAR


def _dated(shape: Any) -> bool:
    return isinstance(shape, Date | Month)


def dates_in_window(v: Validated) -> Iterator[Problem]:
    first, last = window(v)
    if first > last:
        path, rec = next(v.records("site"))
        yield Problem(path, rec["years"].line_of("last"), "years.last", "date-out-of-range",
                      t("the last year {last} is before the first year {first}", last=last, first=first),
                      t("give the first and the last Jalali year the site covers, e.g. first: 1398, last: 1430"))
        return

    def problem(path: str, line: int, where: str, value: JDate | JMonth) -> Problem:
        return Problem(path, line, where, "date-out-of-range",
                       t("{date}: the year {year} is outside the years this site covers ({first}–{last})",
                         date=value.iso, year=value.year, first=first, last=last),
                       t("check the year (a Jalali year, e.g. 1400); if the site does cover it, widen `years` in "
                         "data/site.yaml"))

    def outside(path: str, line: int, where: str, value: Any) -> list[Problem]:
        return [problem(path, line, where, value)] if isinstance(value, JDate | JMonth) and \
            not first <= value.year <= last else []

    yield from v.problems_in_values(_dated, outside)
