"""The figures of each page: aggregates → rows → a `Figure` (rows, columns, chart spec, note).

Rows are rounded here to what the table shows (one decimal place for rates and shares), and the chart is
built from the same rows, so chart, table and downloads agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.aggregate.totals import Aggregates, Period, ProgrammeStats
from generator.charts.spec import DASHES, MAP_RANGE, PALETTE, bars, choropleth, over_time
from generator.lang.edition import FA, Edition
from generator.lang.jalali import JDate
from generator.lang.persian import format_number
from generator.lang.vocabulary_en import unit_en
from generator.model.dataset import Dataset, Programme
from generator.model.figures import DATE, DECIMAL, INT, MONTH, PERCENT, TEXT, Column, Figure, Gradient, KeyItem
from generator.model.publication import SUPPRESSED, SYMBOL
from generator.schema.files import UNITS

DELIVERIES_SOURCE = "تحویل‌های هفتگی ثبت‌شده در داده‌های قرارگاه"
CENSUS = "جمعیت: سرشماری ۱۳۹۵ مرکز آمار ایران"
DELIVERIES_SOURCE_EN = "weekly deliveries recorded in the headquarters' data"
CENSUS_EN = "population: the 2016 (1395) census of the Statistical Centre of Iran"


RLI, PDI = "\u2067", "\u2069"


def deliveries_source(ed: Edition) -> str:
    return ed.pick(DELIVERIES_SOURCE, DELIVERIES_SOURCE_EN)


def census(ed: Edition) -> str:
    return ed.pick(CENSUS, CENSUS_EN)


def short(ed: Edition, p: Programme) -> str:
    """A programme's short name: «اکسیژن‌ساز» / its English name (its `short_name_en` where staff gave one)."""
    return p.short_name_fa if ed.fa else (p.short_name_en or p.name_en)


def unit_of(ed: Edition, unit: str, count: float | None = 2) -> str:
    """A unit's word after a number: «خانوار» / «families» («family» for exactly one)."""
    return UNITS[unit] if ed.fa else unit_en(unit, count)


def _week_label(d: JDate, with_year: bool, ed: Edition = FA) -> str:
    """«۳ شهریور», isolated as right-to-left text: the chart itself is laid out left to right, where the
    day would otherwise be drawn on the wrong side of the month. English: «25 Aug»."""
    text = ed.day_month(d, with_year)
    return RLI + text + PDI if ed.fa else text


def _style(ds: Dataset, pid: str) -> tuple[str, list[int]]:
    """A programme's colour and dash pattern, the same on every chart of the site."""
    i = next(k for k, p in enumerate(ds.programmes) if p.id == pid)
    return PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]


def period_span(periods: list[Period], ed: Edition = FA) -> str:
    if not periods:
        return ""
    if ed.fa:
        return f"از {periods[0].fa()} تا {periods[-1].fa()}"
    return f"from {ed.period(periods[0])} to {ed.period(periods[-1])}"


@dataclass(frozen=True)
class _Steps:
    """The periods of a series (aggregate/totals.py decides weeks or months, for the whole site) as a figure
    shows them."""

    labels: dict[Period, str]  # the chart's label for each period
    column: Column  # the table's first column
    every_fa: str  # «هفته» or «ماه»: "delivered in the ..." (English: "week", "month")
    adverb_fa: str  # «هفته‌به‌هفته» or «ماه‌به‌ماه» (English: "week by week")


def steps_of(periods: list[Period], monthly: bool, ed: Edition = FA) -> _Steps:
    if monthly:
        labels = {m: (RLI + m.fa() + PDI) if ed.fa else ed.month_short(m) for m in periods}
        return _Steps(labels, Column("month", ed.pick("ماه", "Month"), MONTH), ed.pick("ماه", "month"),
                      ed.pick("ماه‌به‌ماه", "month by month"))
    with_year = len({w.year for w in periods}) > 1
    return _Steps({w: _week_label(w, with_year, ed) for w in periods},
                  Column("week", ed.pick("هفتهٔ منتهی به", "Week ending"), DATE),
                  ed.pick("هفته", "week"), ed.pick("هفته‌به‌هفته", "week by week"))


def shown(value) -> bool:
    """Whether a figure is drawn: published (not suppressed) and reported."""
    return value is not None and value is not SUPPRESSED


def _percent_text(value, ed: Edition = FA) -> str:
    return SYMBOL if value is SUPPRESSED else ed.percent(value)


def as_text(value, digits: int = 0, ed: Edition = FA) -> str:
    """A figure in running text: the edition's digits, or the suppression symbol."""
    return SYMBOL if value is SUPPRESSED else ed.number(value, digits)


def per_100k(value, population: int):
    return SUPPRESSED if value is SUPPRESSED else round(value * 100_000 / population, 1)


def pct(value):
    return value if value is None or value is SUPPRESSED else round(100 * value, 1)


def home_trends(ds: Dataset, agg: Aggregates, ed: Edition = FA) -> Figure | None:
    stats = [agg.programmes[p.id] for p in ds.programmes if p.pledged and agg.programmes[p.id].weekly]
    if not stats:
        return None
    periods = sorted({w.period for s in stats for w in s.weekly})
    steps = steps_of(periods, agg.monthly, ed)
    share = {(s.programme.id, w.period): w.share for s in stats for w in s.weekly}
    synthetic_periods = {w.period for s in stats for w in s.weekly if w.synthetic}
    last_share = dict.fromkeys((s.programme.id for s in stats), 0.0)
    rows, values, synthetic = [], [], []
    for order, period in enumerate(periods):
        row: dict = {steps.column.key: period}
        for s in stats:
            pid = s.programme.id
            if (pid, period) in share:  # else nothing new: the running total stands
                last_share[pid] = pct(share[(pid, period)])
            row[pid] = last_share[pid]
            if shown(row[pid]):
                values.append({"week": steps.labels[period], "order": order, "series": short(ed, s.programme),
                               "value": row[pid]})
        rows.append(row)
        synthetic.append(period in synthetic_periods)
    last = rows[-1]
    each = ed.pick("، ", ", ").join(f"{short(ed, s.programme)} {_percent_text(last[s.programme.id], ed)}"
                                    for s in stats)
    alt = ed.pick(f"نمودار خطی درصد تحقق وعده‌ها {period_span(periods)}: {each}.",
                  f"Line chart of the share of each pledge delivered, {period_span(periods, ed)}: {each}.")
    return Figure(
        id="home-trends", title_fa=ed.pick(f"درصد تحقق وعده‌ها، {steps.adverb_fa}",
                                           f"Share of each pledge delivered, {steps.adverb_fa}"),
        columns=(steps.column, *(Column(s.programme.id, short(ed, s.programme), PERCENT, running=True)
                                 for s in stats)),
        rows=tuple(rows),
        axis_fa=ed.pick("درصد وعده", "% of the pledge"), chart=over_time(
            values, kind="percent", series=[(short(ed, s.programme), *_style(ds, s.programme.id)) for s in stats],
            ltr=not ed.fa),
        key=tuple(KeyItem(short(ed, s.programme), _style(ds, s.programme.id)[0], "line",
                          tuple(_style(ds, s.programme.id)[1])) for s in stats),
        plotted=tuple(s.programme.id for s in stats), alt_fa=alt, source_fa=deliveries_source(ed),
        definition_fa=ed.pick(f"جمع تحویل هر برنامه تا پایان آن {steps.every_fa}، به درصدی از رقم وعده‌داده‌شده.",
                              f"Each programme's deliveries up to the end of that {steps.every_fa}, as a share of "
                              "its pledge."),
        updated=agg.latest_week, synthetic_rows=tuple(synthetic) if any(synthetic) else ())


def programme_over_time(s: ProgrammeStats, agg: Aggregates, ed: Edition = FA) -> Figure | None:
    p = s.programme
    if not s.weekly:
        return None
    periods = [w.period for w in s.weekly]
    steps = steps_of(periods, agg.monthly, ed)
    unit = unit_of(ed, p.unit)
    rows, values = [], []
    for order, w in enumerate(s.weekly):
        rows.append({steps.column.key: w.period, "delivered": w.delivered, "cumulative": w.cumulative,
                     **({"share": pct(w.share)} if p.pledged else {})})
        if shown(w.cumulative):
            values.append({"week": steps.labels[w.period], "order": order, "value": w.cumulative})
    synthetic = [w.synthetic for w in s.weekly]
    meetings = p.delivered_from == "meetings"
    counted = ed.pick("جلسه‌های برگزارشده" if meetings else "تحویل", "meetings held" if meetings else "delivered")
    every = steps.every_fa
    people = p.delivered_from == "deliveries"
    name = short(ed, p)
    if ed.fa:
        columns = [steps.column, Column("delivered", f"{counted} در {every} ({unit})", INT, people),
                   Column("cumulative", f"جمع تا پایان {every} ({unit})", INT, people, running=True)]
        target = f"وعده: {format_number(p.pledged)} {unit}" if p.pledged else ""
        alt = (f"نمودار خطی جمع {counted} «{name}» {period_span(periods)}: "
               f"از {as_text(rows[0]['cumulative'])} به {as_text(rows[-1]['cumulative'])} {unit} "
               "رسیده است" + (f"، در برابر وعدهٔ {format_number(p.pledged)} {unit}." if p.pledged else "."))
    else:
        columns = [steps.column, Column("delivered", f"{counted.capitalize()} in the {every} ({unit})", INT, people),
                   Column("cumulative", f"Total to the {every}'s end ({unit})", INT, people, running=True)]
        target = f"Pledge: {ed.number(p.pledged)} {unit}" if p.pledged else ""
        alt = (f"Line chart of the running total of {name} ({counted}), {period_span(periods, ed)}: from "
               f"{as_text(rows[0]['cumulative'], ed=ed)} to {as_text(rows[-1]['cumulative'], ed=ed)} {unit}"
               + (f", against a pledge of {ed.number(p.pledged)} {unit}." if p.pledged else "."))
    if p.pledged:
        columns.append(Column("share", ed.pick("درصد وعده", "% of the pledge"), PERCENT, running=True))
    definition = p.description_fa if ed.fa else (p.description_en or
                                                 f"{p.name_en}: {counted}, as the headquarters' data record them.")
    return Figure(
        id=f"programme-{p.id}-over-time", title_fa=ed.pick(f"{name}: وعده و تحویل در طول زمان",
                                                           f"{name}: pledge and deliveries over time"),
        columns=tuple(columns), rows=tuple(rows),
        axis_fa=ed.pick(f"جمع ({unit})", f"Total ({unit})"), chart=over_time(values, target=p.pledged, ltr=not ed.fa),
        plotted=("cumulative",), alt_fa=alt,
        key=(KeyItem(ed.pick(f"جمع {counted} تا پایان هر {every}", f"Total {counted} to the end of each {every}"),
                     PALETTE[0], "line", (1, 0)),
             *((KeyItem(target, PALETTE[2], "line", (6, 4)),) if p.pledged else ())),
        source_fa=ed.pick("جلسه‌های ثبت‌شده در این درگاه", "the meetings recorded on this portal") if meetings
        else deliveries_source(ed),
        definition_fa=definition, updated=agg.latest_week,
        synthetic_rows=tuple(synthetic) if any(synthetic) else ())


def programme_by_province(s: ProgrammeStats, agg: Aggregates, paths: dict[str, str],
                          ed: Edition = FA) -> Figure | None:
    p = s.programme
    if not s.by_province:
        return None
    unit = unit_of(ed, p.unit)
    rows = tuple({"province": ed.name(r.province), "delivered": r.delivered,
                  "share": pct(r.share_of_total)} for r in s.by_province)
    values = [{"name": r["province"], "value": r["delivered"]} for r in rows if shown(r["delivered"])]
    top = s.by_province[0]
    name = short(ed, p)
    alt = ed.pick(f"نمودار میله‌ای تحویل «{name}» در {format_number(len(rows))} استان؛ بیشترین در "
                  f"{top.province.name_fa} با {as_text(top.delivered)} {unit}.",
                  f"Bar chart of {name} delivered in {len(rows)} provinces; the most in "
                  f"{top.province.name_en}, with {as_text(top.delivered, ed=ed)} {unit}.")
    return Figure(
        id=f"programme-{p.id}-provinces", title_fa=ed.pick(f"{name}: تحویل به تفکیک استان",
                                                           f"{name}: deliveries by province"),
        columns=(Column("province", ed.pick("استان", "Province"), TEXT),
                 Column("delivered", ed.pick(f"تحویل‌شده ({unit})", f"Delivered ({unit})"), INT, True),
                 Column("share", ed.pick("سهم از کل تحویل", "Share of all deliveries"), PERCENT)),
        rows=rows, axis_fa=ed.pick(f"تحویل‌شده ({unit})", f"Delivered ({unit})"), chart=bars(values, ltr=not ed.fa),
        plotted=("delivered",), alt_fa=alt,
        source_fa=deliveries_source(ed), definition_fa=_definition(p, ed), updated=agg.latest_week,
        synthetic_rows=tuple(r.synthetic for r in s.by_province) if s.synthetic else (),
        row_links=tuple(paths[r.province.iso_code] for r in s.by_province))


def _definition(p: Programme, ed: Edition) -> str:
    if ed.fa:
        return p.description_fa
    return p.description_en or f"{p.name_en}, counted in {unit_en(p.unit)}."


def programme_map(s: ProgrammeStats, ds: Dataset, agg: Aggregates, topology: dict,
                  paths: dict[str, str], ed: Edition = FA) -> Figure | None:
    p = s.programme
    if not s.by_province:
        return None
    unit = unit_of(ed, p.unit)
    delivered = {r.province.iso_code: r for r in s.by_province}
    rows = []
    for province in ds.provinces:
        r = delivered.get(province.iso_code)
        rows.append({"iso": province.iso_code, "province": ed.name(province), "population": province.population_2016,
                     "delivered": r.delivered if r else None,
                     "per_100k": per_100k(r.delivered, province.population_2016) if r else None})
    values = [{"iso": r["iso"], "name": r["province"], "value": r["per_100k"] if shown(r["per_100k"]) else None}
              for r in rows]
    ranked = sorted((r for r in rows if shown(r["per_100k"])), key=lambda r: -r["per_100k"])
    if not ranked:
        return None
    name = short(ed, p)
    blank = sum(1 for r in rows if not shown(r["per_100k"]))
    alt = ed.pick(
        f"نقشهٔ ۳۱ استان کشور، رنگ‌شده بر پایهٔ تحویل «{name}» در هر ۱۰۰ هزار نفر؛ بیشترین در "
        f"{ranked[0]['province']} ({format_number(ranked[0]['per_100k'], 1)} {unit}) و "
        f"{format_number(blank)} استان بدون داده یا با رقم پنهان (سفید).",
        f"Map of the 31 provinces, shaded by {name} delivered per 100,000 people; the most in "
        f"{ranked[0]['province']} ({ed.number(ranked[0]['per_100k'], 1)} {unit}), and {blank} provinces without "
        "data or with a hidden figure (white).")
    return Figure(
        id=f"programme-{p.id}-map", title_fa=ed.pick(f"{name}: تحویل در هر ۱۰۰ هزار نفر جمعیت",
                                                     f"{name}: deliveries per 100,000 people"),
        columns=(Column("province", ed.pick("استان", "Province"), TEXT),
                 Column("population", ed.pick("جمعیت (۱۳۹۵)", "Population (2016)"), INT),
                 Column("delivered", ed.pick(f"تحویل‌شده ({unit})", f"Delivered ({unit})"), INT, True),
                 Column("per_100k", ed.pick(f"در ۱۰۰ هزار نفر ({unit})", f"Per 100,000 people ({unit})"), DECIMAL)),
        rows=tuple({k: v for k, v in r.items() if k != "iso"} for r in rows),
        chart=choropleth(values, topology, ltr=not ed.fa), plotted=("per_100k",),
        key=(KeyItem(ed.pick(f"بدون داده یا پنهان ({SYMBOL})", f"No data or hidden ({SYMBOL})"), "#ffffff", "empty"),),
        gradient=Gradient(ranked[-1]["per_100k"], ranked[0]["per_100k"], tuple(MAP_RANGE)),
        alt_fa=alt, source_fa=ed.pick(f"{DELIVERIES_SOURCE}؛ {CENSUS}", f"{DELIVERIES_SOURCE_EN}; {CENSUS_EN}"),
        definition_fa=ed.pick(
            "تحویل‌شده تقسیم بر جمعیت استان در سرشماری ۱۳۹۵، ضرب در ۱۰۰٬۰۰۰. استان‌های بی‌داده خاکستری‌اند.",
            "Delivered, divided by the province's population in the 2016 census, times 100,000. Provinces without "
            "data are white with a grey edge."),
        updated=agg.latest_week,
        synthetic_rows=tuple(bool(delivered.get(r["iso"]) and delivered[r["iso"]].synthetic) for r in rows)
        if s.synthetic else (),
        row_links=tuple(paths[r["iso"]] for r in rows))
