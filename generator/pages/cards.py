"""Each page's link preview (model/card.py): its headline figures, as the page prints them, and the date
they are true to. The figures are the page's own (the aggregates as published: a hidden figure stays «×»),
and a card's date is its figures' date, not the build's: a rebuild with one more meeting changes, and so
redraws (charts/card.py), only the cards whose figures changed. Each edition has its own cards, in its
language (the English edition's drawn left to right).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.aggregate.totals import Aggregates, ProgrammeStats
from generator.aggregate.tracker import STATUSES
from generator.lang.edition import FA, Edition
from generator.lang.jalali import JDate, JMonth, month_length, parse_jalali
from generator.lang.vocabulary_en import CENTRE_TYPES_PLURAL_EN, STATUSES_EN, unit_en
from generator.model.card import MOST_LINES, Card, CardLine
from generator.model.dataset import Dataset
from generator.model.page import Page
from generator.model.publication import SUPPRESSED, SYMBOL
from generator.pages import plan as p
from generator.pages.figures import short
from generator.schema.files import CENTRE_TYPES, UNITS


class _Say:
    """How one edition's card writes a figure, a count and a date."""

    def __init__(self, ed: Edition):
        self.ed = ed

    def n(self, value: Any) -> str:
        return SYMBOL if value is SUPPRESSED or value is None else self.ed.number(value)

    def when(self, period: Any) -> str:
        if isinstance(period, JDate):
            return self.ed.date(period)
        return self.ed.month(period) if isinstance(period, JMonth) else ""

    def unit(self, key: str, n: Any = 2) -> str:
        return UNITS[key] if self.ed.fa else unit_en(key, n)

    def counted(self, n: int, fa: tuple[str, str], en: tuple[str, str, str]) -> CardLine:
        """A count: Persian (unit, label), English (singular, plural, label)."""
        if self.ed.fa:
            return CardLine(fa[1], f"{self.ed.number(n)} {fa[0]}")
        return CardLine(en[2], f"{self.ed.number(n)} {en[0] if n == 1 else en[1]}")

    def pledge(self, s: ProgrammeStats) -> CardLine:
        name, unit = short(self.ed, s.programme), self.unit(s.programme.unit, s.delivered)
        if s.programme.pledged is None or s.delivered is SUPPRESSED:
            return CardLine(name, f"{self.n(s.delivered)} {unit}")
        share = s.share if isinstance(s.share, float) else None
        unit = self.unit(s.programme.unit, s.programme.pledged)
        of = self.ed.pick("از", "of")
        return CardLine(name, f"{self.n(s.delivered)} {of} {self.n(s.programme.pledged)} {unit}", share)


def _iso(period: Any) -> str:
    """The Gregorian day (ISO 8601) a period's figures are true to: a week's day, a month's last day."""
    if isinstance(period, JMonth):
        period = JDate(period.year, period.month, month_length(period.year, period.month))
    return period.to_gregorian().isoformat() if isinstance(period, JDate) else ""


PROVINCE = ("استان", "province", "provinces")
CENTRE = ("مرکز", "centre", "centres")
DECISION = ("تصمیم", "decision", "decisions")


def _en(words: tuple[str, str, str], label: str) -> tuple[str, str, str]:
    return words[1], words[2], label


def _home(c: Any, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    stats = c.headline if isinstance(c, p.HomeContext) else c.stats
    return tuple(say.pledge(s) for s in stats), agg.latest_week


def _programme(c: p.ProgrammeContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    s = c.stats
    lines = [say.pledge(s)]
    if s.by_province:
        lines.append(say.counted(len(s.by_province), ("استان", "استان‌هایی که تحویل گزارش کرده‌اند"),
                                 _en(PROVINCE, "Provinces that reported deliveries")))
    return tuple(lines), s.weekly[-1].period if s.weekly else None


def _province(c: p.ProvinceContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    s = c.stats
    lines = [CardLine(short(say.ed, r.programme), f"{say.n(r.delivered)} {say.unit(r.programme.unit, r.delivered)}")
             for r in s.by_programme]
    if s.centres:
        lines.append(say.counted(len(s.centres), ("مرکز", "مراکز در این استان"),
                                 _en(CENTRE, "Centres in this province")))
    return tuple(lines), s.weekly[-1].period if s.weekly else None


def _provinces(c: p.ProvincesContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    have, of = say.ed.number(len(c.rows) - c.without_data), say.ed.number(len(c.rows))
    line = say.ed.pick(CardLine("استان‌هایی که داده دارند", f"{have} از {of} استان"),
                       CardLine("Provinces with data", f"{have} of {of} provinces"))
    return (line,), agg.latest_week


def _centres(c: p.CentresContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    t = c.table
    kinds = sorted(zip(t.types, t.totals, strict=True), key=lambda kv: -kv[1])
    return (say.counted(t.total, ("مرکز", "همهٔ مراکز"), _en(CENTRE, "All centres")),
            *(say.counted(n, ("مرکز", CENTRE_TYPES[kind]), _en(CENTRE, CENTRE_TYPES_PLURAL_EN[kind].capitalize()))
              for kind, n in kinds if n)), ""


def _province_centres(c: p.ProvinceCentresContext, ds: Dataset, agg: Aggregates, say: _Say
                      ) -> tuple[tuple[CardLine, ...], Any]:
    return (say.counted(len(c.centres), ("مرکز", f"مراکز استان {c.province.name_fa}"),
                        _en(CENTRE, f"Centres in {c.province.name_en} province")),
            *(say.counted(n, ("مرکز", status), _en(CENTRE, status.capitalize())) for status, n in c.by_status)), ""


def _households(c: p.HouseholdsContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    unit = say.ed.pick("خانوار", "households")
    lines = tuple(CardLine(short(say.ed, s.stats.programme), f"{say.n(s.stats.households)} {unit}")
                  for s in c.sections)
    months = [s.stats.by_month[-1][0] for s in c.sections if s.stats.by_month]
    return lines, max(months) if months else None


def _meetings(c: p.MeetingsContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    if not c.meetings:
        return (), ""
    return (say.counted(len(c.meetings), ("جلسه", "جلسه‌های هفتگی قرارگاه"),
                        ("meeting", "meetings", "Weekly meetings of the headquarters")),
            say.counted(sum(len(m.decisions) for m in c.meetings), ("تصمیم", "تصمیم‌ها"),
                        _en(DECISION, "Decisions"))), c.meetings[0].date


def _meeting(c: p.MeetingContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    m = c.meeting
    lines = [say.counted(len(c.decisions), ("تصمیم", "تصمیم‌های این جلسه"), _en(DECISION, "This meeting's decisions"))]
    if c.followed:
        lines.append(say.counted(len(c.followed), ("پیگیری", "پیگیری تصمیم‌های پیشین"),
                                 ("follow-up", "follow-ups", "Earlier decisions followed up")))
    if m.reports:
        lines.append(say.counted(len({r.province for r in m.reports}), ("استان", "گزارش‌های استانی"),
                                 _en(PROVINCE, "Provincial reports")))
    return tuple(lines), m.date


def _decisions(c: p.DecisionsContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    lines = [say.counted(len(c.tracked), ("تصمیم", "همهٔ تصمیم‌ها"), _en(DECISION, "All decisions"))]
    lines += [say.counted(n, ("تصمیم", STATUSES[key]), _en(DECISION, STATUSES_EN[key].capitalize()))
              for key, n in sorted(c.counts.items(), key=lambda kv: -kv[1]) if n]
    return tuple(lines), c.as_of


def _changes(c: p.ChangesContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    ch = c.changes
    if ch.before is None:
        return (), ""
    lines = [say.counted(len(ch.revisions), ("رقم", "ارقام بازنگری‌شده"), ("figure", "figures", "Figures revised")),
             say.counted(sum(ch.new_rows.values()), ("ردیف", "ردیف‌های تازه"), ("row", "rows", "New rows")),
             say.counted(len(c.made), ("تصمیم", "تصمیم‌های تازه"), _en(DECISION, "New decisions"))]
    return tuple(lines), agg.latest_week


def _archive(c: p.ArchiveContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    if not c.log:
        return (), ""
    return (say.counted(len(c.log), ("انتشار", "انتشارهای هفتگی"),
                        ("publication", "publications", "Weekly publications")),), \
        parse_jalali(c.this.meeting) if c.this else None


def _open_data(c: p.OpenDataContext, ds: Dataset, agg: Aggregates, say: _Say) -> tuple[tuple[CardLine, ...], Any]:
    return (say.counted(c.count, ("جدول", "جدول‌ها با CSV، JSON و XLSX"),
                        ("table", "tables", "Tables as CSV, JSON and XLSX")),), agg.latest_week


_BY_CONTEXT: dict[type, Callable] = {
    p.HomeContext: _home, p.ProgrammesContext: _home, p.ProgrammeContext: _programme,
    p.ProvincesContext: _provinces, p.ProvinceContext: _province, p.CentresContext: _centres,
    p.ProvinceCentresContext: _province_centres,
    p.HouseholdsContext: _households, p.MeetingsContext: _meetings, p.MeetingContext: _meeting,
    p.DecisionsContext: _decisions, p.ChangesContext: _changes, p.ArchiveContext: _archive,
    p.OpenDataContext: _open_data,
}


def card(page: Page, ds: Dataset, agg: Aggregates, ed: Edition = FA) -> Card:
    """The page's preview in the edition `ed`: its headline figures (at most MOST_LINES) and their date; a
    page without figures (methodology, search) says what the site is."""
    say = _Say(ed)
    lines, period = _BY_CONTEXT.get(type(page.context), lambda *_: ((), None))(page.context, ds, agg, say)
    summary = ds.site.description_fa if ed.fa else (ds.site.description_en or ds.site.description_fa)
    if not lines:
        return Card(page.title, (), summary=summary, lang=ed.code)
    return Card(page.title, tuple(lines[:MOST_LINES]), say.when(period), summary, _iso(period), lang=ed.code)
