"""Each page's link preview (model/card.py): its headline figures, as the page prints them, and the date
they are true to. The figures are the page's own (the aggregates as published: a hidden figure stays «×»),
and a card's date is its figures' date, not the build's: a rebuild with one more meeting changes, and so
redraws (charts/card.py), only the cards whose figures changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.aggregate.totals import Aggregates, ProgrammeStats
from generator.aggregate.tracker import STATUSES
from generator.lang.jalali import JDate, JMonth, month_length, parse_jalali
from generator.lang.persian import format_number
from generator.model.card import MOST_LINES, Card, CardLine
from generator.model.dataset import Dataset
from generator.model.page import Page
from generator.model.publication import SUPPRESSED, SYMBOL
from generator.pages import plan as p
from generator.schema.files import CENTRE_TYPES, UNITS


def _n(value: Any) -> str:
    return SYMBOL if value is SUPPRESSED or value is None else format_number(value)


def _fa(period: Any) -> str:
    return period.fa() if isinstance(period, (JDate, JMonth)) else ""


def _iso(period: Any) -> str:
    """The Gregorian day (ISO 8601) a period's figures are true to: a week's day, a month's last day."""
    if isinstance(period, JMonth):
        period = JDate(period.year, period.month, month_length(period.year, period.month))
    return period.to_gregorian().isoformat() if isinstance(period, JDate) else ""


def _pledge(s: ProgrammeStats) -> CardLine:
    unit = UNITS[s.programme.unit]
    if s.programme.pledged is None or s.delivered is SUPPRESSED:
        return CardLine(s.programme.short_name_fa, f"{_n(s.delivered)} {unit}")
    share = s.share if isinstance(s.share, float) else None
    return CardLine(s.programme.short_name_fa, f"{_n(s.delivered)} از {_n(s.programme.pledged)} {unit}", share)


def _counted(n: int, unit: str, label: str) -> CardLine:
    return CardLine(label, f"{format_number(n)} {unit}")


def _home(c: Any, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    stats = c.headline if isinstance(c, p.HomeContext) else c.stats
    return tuple(_pledge(s) for s in stats), agg.latest_week


def _programme(c: p.ProgrammeContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    s = c.stats
    lines = [_pledge(s)]
    if s.by_province:
        lines.append(_counted(len(s.by_province), "استان", "استان‌هایی که تحویل گزارش کرده‌اند"))
    return tuple(lines), s.weekly[-1].period if s.weekly else None


def _province(c: p.ProvinceContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    s = c.stats
    lines = [CardLine(r.programme.short_name_fa, f"{_n(r.delivered)} {UNITS[r.programme.unit]}")
             for r in s.by_programme]
    if s.centres:
        lines.append(_counted(len(s.centres), "مرکز", "مراکز در این استان"))
    return tuple(lines), s.weekly[-1].period if s.weekly else None


def _provinces(c: p.ProvincesContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    return (CardLine("استان‌هایی که داده دارند", f"{format_number(len(c.rows) - c.without_data)} از "
                                                 f"{format_number(len(c.rows))} استان"),), agg.latest_week


def _centres(c: p.CentresContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    t = c.table
    kinds = sorted(zip(t.types, t.totals, strict=True), key=lambda kv: -kv[1])
    return (_counted(t.total, "مرکز", "همهٔ مراکز"),
            *(_counted(n, "مرکز", CENTRE_TYPES[kind]) for kind, n in kinds if n)), ""


def _province_centres(c: p.ProvinceCentresContext, ds: Dataset, agg: Aggregates
                      ) -> tuple[tuple[CardLine, ...], str]:
    return (_counted(len(c.centres), "مرکز", f"مراکز استان {c.province.name_fa}"),
            *(_counted(n, "مرکز", status) for status, n in c.by_status)), ""


def _households(c: p.HouseholdsContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    lines = tuple(CardLine(s.stats.programme.short_name_fa, f"{_n(s.stats.households)} خانوار") for s in c.sections)
    months = [s.stats.by_month[-1][0] for s in c.sections if s.stats.by_month]
    return lines, max(months) if months else None


def _meetings(c: p.MeetingsContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    if not c.meetings:
        return (), ""
    return (_counted(len(c.meetings), "جلسه", "جلسه‌های هفتگی قرارگاه"),
            _counted(sum(len(m.decisions) for m in c.meetings), "تصمیم", "تصمیم‌ها")), c.meetings[0].date


def _meeting(c: p.MeetingContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    m = c.meeting
    lines = [_counted(len(c.decisions), "تصمیم", "تصمیم‌های این جلسه")]
    if c.followed:
        lines.append(_counted(len(c.followed), "پیگیری", "پیگیری تصمیم‌های پیشین"))
    if m.reports:
        lines.append(_counted(len({r.province for r in m.reports}), "استان", "گزارش‌های استانی"))
    return tuple(lines), m.date


def _decisions(c: p.DecisionsContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    lines = [_counted(len(c.tracked), "تصمیم", "همهٔ تصمیم‌ها")]
    lines += [_counted(n, "تصمیم", STATUSES[key]) for key, n in sorted(c.counts.items(), key=lambda kv: -kv[1]) if n]
    return tuple(lines), c.as_of


def _changes(c: p.ChangesContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    ch = c.changes
    if ch.before is None:
        return (), ""
    lines = [_counted(len(ch.revisions), "رقم", "ارقام بازنگری‌شده"),
             _counted(sum(ch.new_rows.values()), "ردیف", "ردیف‌های تازه"),
             _counted(len(c.made), "تصمیم", "تصمیم‌های تازه")]
    return tuple(lines), agg.latest_week


def _archive(c: p.ArchiveContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    if not c.log:
        return (), ""
    return (_counted(len(c.log), "انتشار", "انتشارهای هفتگی"),), parse_jalali(c.this.meeting) if c.this else None


def _open_data(c: p.OpenDataContext, ds: Dataset, agg: Aggregates) -> tuple[tuple[CardLine, ...], str]:
    return (_counted(c.count, "جدول", "جدول‌ها با CSV، JSON و XLSX"),), agg.latest_week


_BY_CONTEXT: dict[type, Callable] = {
    p.HomeContext: _home, p.ProgrammesContext: _home, p.ProgrammeContext: _programme,
    p.ProvincesContext: _provinces, p.ProvinceContext: _province, p.CentresContext: _centres,
    p.ProvinceCentresContext: _province_centres,
    p.HouseholdsContext: _households, p.MeetingsContext: _meetings, p.MeetingContext: _meeting,
    p.DecisionsContext: _decisions, p.ChangesContext: _changes, p.ArchiveContext: _archive,
    p.OpenDataContext: _open_data,
}


def card(page: Page, ds: Dataset, agg: Aggregates) -> Card:
    """The page's preview: its headline figures (at most MOST_LINES) and their date; a page without figures
    (methodology, search) says what the site is."""
    lines, period = _BY_CONTEXT.get(type(page.context), lambda *_: ((), None))(page.context, ds, agg)
    if not lines:
        return Card(page.title, (), summary=ds.site.description_fa)
    return Card(page.title, tuple(lines[:MOST_LINES]), _fa(period), ds.site.description_fa, _iso(period))
