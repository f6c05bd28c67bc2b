"""The figures of each page: aggregates → rows → a `Figure` (rows, columns, chart spec, note).

Rows are rounded here to what the table shows (one decimal place for rates and shares), and the chart is
built from the same rows, so chart, table and downloads agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.aggregate.totals import Aggregates, CentreTable, Period, ProgrammeStats, ProvinceStats
from generator.charts.spec import (
    COUNTRY,
    DASHES,
    MAP_RANGE,
    PALETTE,
    bars,
    choropleth,
    over_time,
    row_bars,
    stacked_bars,
)
from generator.lang.jalali import MONTHS_FA, JDate
from generator.lang.persian import format_number, format_percent, persian_digits
from generator.model.dataset import Dataset
from generator.model.figures import DATE, DECIMAL, INT, MONTH, PERCENT, TEXT, Column, Figure, Gradient, KeyItem
from generator.model.publication import SUPPRESSED, SYMBOL
from generator.schema.files import CENTRE_TYPES, UNITS

DELIVERIES_SOURCE = "تحویل‌های هفتگی ثبت‌شده در داده‌های قرارگاه"
CENSUS = "جمعیت: سرشماری ۱۳۹۵ مرکز آمار ایران"


RLI, PDI = "\u2067", "\u2069"


def _week_label(d: JDate, with_year: bool) -> str:
    """«۳ شهریور», isolated as right-to-left text: the chart itself is laid out left to right, where the
    day would otherwise be drawn on the wrong side of the month."""
    text = f"{d.day} {MONTHS_FA[d.month - 1]}" + (f" {d.year}" if with_year else "")
    return RLI + persian_digits(text) + PDI


def _style(ds: Dataset, pid: str) -> tuple[str, list[int]]:
    """A programme's colour and dash pattern, the same on every chart of the site."""
    i = next(k for k, p in enumerate(ds.programmes) if p.id == pid)
    return PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]


def period_span(periods: list[Period]) -> str:
    return f"از {periods[0].fa()} تا {periods[-1].fa()}" if periods else ""


@dataclass(frozen=True)
class _Steps:
    """The periods of a series (aggregate/totals.py decides weeks or months, for the whole site) as a figure
    shows them."""

    labels: dict[Period, str]  # the chart's label for each period
    column: Column  # the table's first column
    every_fa: str  # «هفته» or «ماه»: "delivered in the ..."
    adverb_fa: str  # «هفته‌به‌هفته» or «ماه‌به‌ماه»


def steps_of(periods: list[Period], monthly: bool) -> _Steps:
    if monthly:
        return _Steps({m: RLI + m.fa() + PDI for m in periods}, Column("month", "ماه", MONTH), "ماه", "ماه‌به‌ماه")
    with_year = len({w.year for w in periods}) > 1
    return _Steps({w: _week_label(w, with_year) for w in periods}, Column("week", "هفتهٔ منتهی به", DATE),
                  "هفته", "هفته‌به‌هفته")


def shown(value) -> bool:
    """Whether a figure is drawn: published (not suppressed) and reported."""
    return value is not None and value is not SUPPRESSED


def _percent_text(value) -> str:
    return SYMBOL if value is SUPPRESSED else format_percent(value)


def as_text(value, digits: int = 0) -> str:
    """A figure in running text: Persian digits, or the suppression symbol."""
    return SYMBOL if value is SUPPRESSED else format_number(value, digits) if digits else format_number(value)


def _per_100k(value, population: int):
    return SUPPRESSED if value is SUPPRESSED else round(value * 100_000 / population, 1)


def _pct(value):
    return value if value is None or value is SUPPRESSED else round(100 * value, 1)


def home_trends(ds: Dataset, agg: Aggregates) -> Figure | None:
    stats = [agg.programmes[p.id] for p in ds.programmes if p.pledged and agg.programmes[p.id].weekly]
    if not stats:
        return None
    periods = sorted({w.period for s in stats for w in s.weekly})
    steps = steps_of(periods, agg.monthly)
    share = {(s.programme.id, w.period): w.share for s in stats for w in s.weekly}
    synthetic_periods = {w.period for s in stats for w in s.weekly if w.synthetic}
    last_share = dict.fromkeys((s.programme.id for s in stats), 0.0)
    rows, values, synthetic = [], [], []
    for order, period in enumerate(periods):
        row: dict = {steps.column.key: period}
        for s in stats:
            pid = s.programme.id
            if (pid, period) in share:  # else nothing new: the running total stands
                last_share[pid] = _pct(share[(pid, period)])
            row[pid] = last_share[pid]
            if shown(row[pid]):
                values.append({"week": steps.labels[period], "order": order, "series": s.programme.short_name_fa,
                               "value": row[pid]})
        rows.append(row)
        synthetic.append(period in synthetic_periods)
    last = rows[-1]
    alt_fa = ("نمودار خطی درصد تحقق وعده‌ها " + period_span(periods) + ": " + "، ".join(
        f"{s.programme.short_name_fa} {_percent_text(last[s.programme.id])}" for s in stats) + ".")
    return Figure(
        id="home-trends", title_fa=f"درصد تحقق وعده‌ها، {steps.adverb_fa}",
        columns=(steps.column, *(Column(s.programme.id, s.programme.short_name_fa, PERCENT, running=True)
                                 for s in stats)),
        rows=tuple(rows),
        axis_fa="درصد وعده", chart=over_time(values, kind="percent",
                        series=[(s.programme.short_name_fa, *_style(ds, s.programme.id)) for s in stats]),
        key=tuple(KeyItem(s.programme.short_name_fa, _style(ds, s.programme.id)[0], "line",
                          tuple(_style(ds, s.programme.id)[1])) for s in stats),
        plotted=tuple(s.programme.id for s in stats), alt_fa=alt_fa, source_fa=DELIVERIES_SOURCE,
        definition_fa=f"جمع تحویل هر برنامه تا پایان آن {steps.every_fa}، به درصدی از رقم وعده‌داده‌شده.",
        updated=agg.latest_week, synthetic_rows=tuple(synthetic) if any(synthetic) else ())


def programme_over_time(s: ProgrammeStats, agg: Aggregates) -> Figure | None:
    p = s.programme
    if not s.weekly:
        return None
    periods = [w.period for w in s.weekly]
    steps = steps_of(periods, agg.monthly)
    unit = UNITS[p.unit]
    rows, values = [], []
    for order, w in enumerate(s.weekly):
        rows.append({steps.column.key: w.period, "delivered": w.delivered, "cumulative": w.cumulative,
                     **({"share": _pct(w.share)} if p.pledged else {})})
        if shown(w.cumulative):
            values.append({"week": steps.labels[w.period], "order": order, "value": w.cumulative})
    synthetic = [w.synthetic for w in s.weekly]
    counted = "جلسه‌های برگزارشده" if p.delivered_from == "meetings" else "تحویل"
    every = steps.every_fa
    people = p.delivered_from == "deliveries"
    columns = [steps.column, Column("delivered", f"{counted} در {every} ({unit})", INT, people),
               Column("cumulative", f"جمع تا پایان {every} ({unit})", INT, people, running=True)]
    if p.pledged:
        columns.append(Column("share", "درصد وعده", PERCENT, running=True))
    target = f"وعده: {format_number(p.pledged)} {unit}" if p.pledged else ""
    alt_fa = (f"نمودار خطی جمع {counted} «{p.short_name_fa}» {period_span(periods)}: "
              f"از {as_text(rows[0]['cumulative'])} به {as_text(rows[-1]['cumulative'])} {unit} "
              "رسیده است" + (f"، در برابر وعدهٔ {format_number(p.pledged)} {unit}." if p.pledged else "."))
    return Figure(
        id=f"programme-{p.id}-over-time", title_fa=f"{p.short_name_fa}: وعده و تحویل در طول زمان",
        columns=tuple(columns), rows=tuple(rows),
        axis_fa=f"جمع ({unit})", chart=over_time(values, target=p.pledged),
        plotted=("cumulative",), alt_fa=alt_fa,
        key=(KeyItem(f"جمع {counted} تا پایان هر {every}", PALETTE[0], "line", (1, 0)),
             *((KeyItem(target, PALETTE[2], "line", (6, 4)),) if p.pledged else ())),
        source_fa="جلسه‌های ثبت‌شده در این درگاه" if p.delivered_from == "meetings" else DELIVERIES_SOURCE,
        definition_fa=p.description_fa, updated=agg.latest_week,
        synthetic_rows=tuple(synthetic) if any(synthetic) else ())


def programme_by_province(s: ProgrammeStats, agg: Aggregates, paths: dict[str, str]) -> Figure | None:
    p = s.programme
    if not s.by_province:
        return None
    unit = UNITS[p.unit]
    rows = tuple({"province": r.province.name_fa, "delivered": r.delivered,
                  "share": _pct(r.share_of_total)} for r in s.by_province)
    values = [{"name": r["province"], "value": r["delivered"]} for r in rows if shown(r["delivered"])]
    top = s.by_province[0]
    alt_fa = (f"نمودار میله‌ای تحویل «{p.short_name_fa}» در {format_number(len(rows))} استان؛ بیشترین در "
              f"{top.province.name_fa} با {as_text(top.delivered)} {unit}.")
    return Figure(
        id=f"programme-{p.id}-provinces", title_fa=f"{p.short_name_fa}: تحویل به تفکیک استان",
        columns=(Column("province", "استان", TEXT), Column("delivered", f"تحویل‌شده ({unit})", INT, True),
                 Column("share", "سهم از کل تحویل", PERCENT)),
        rows=rows, axis_fa=f"تحویل‌شده ({unit})", chart=bars(values), plotted=("delivered",), alt_fa=alt_fa,
        source_fa=DELIVERIES_SOURCE, definition_fa=p.description_fa, updated=agg.latest_week,
        synthetic_rows=tuple(r.synthetic for r in s.by_province) if s.synthetic else (),
        row_links=tuple(paths[r.province.iso_code] for r in s.by_province))


def programme_map(s: ProgrammeStats, ds: Dataset, agg: Aggregates, topology: dict,
                  paths: dict[str, str]) -> Figure | None:
    p = s.programme
    if not s.by_province:
        return None
    unit = UNITS[p.unit]
    delivered = {r.province.iso_code: r for r in s.by_province}
    rows = []
    for province in ds.provinces:
        r = delivered.get(province.iso_code)
        rows.append({"iso": province.iso_code, "province": province.name_fa, "population": province.population_2016,
                     "delivered": r.delivered if r else None,
                     "per_100k": _per_100k(r.delivered, province.population_2016) if r else None})
    values = [{"iso": r["iso"], "name": r["province"], "value": r["per_100k"] if shown(r["per_100k"]) else None}
              for r in rows]
    ranked = sorted((r for r in rows if shown(r["per_100k"])), key=lambda r: -r["per_100k"])
    if not ranked:
        return None
    alt_fa = (f"نقشهٔ ۳۱ استان کشور، رنگ‌شده بر پایهٔ تحویل «{p.short_name_fa}» در هر ۱۰۰ هزار نفر؛ بیشترین در "
              f"{ranked[0]['province']} ({format_number(ranked[0]['per_100k'], 1)} {unit}) و "
              f"{format_number(sum(1 for r in rows if not shown(r['per_100k'])))} استان بدون داده یا با رقم پنهان "
              "(سفید).")
    return Figure(
        id=f"programme-{p.id}-map", title_fa=f"{p.short_name_fa}: تحویل در هر ۱۰۰ هزار نفر جمعیت",
        columns=(Column("province", "استان", TEXT), Column("population", "جمعیت (۱۳۹۵)", INT),
                 Column("delivered", f"تحویل‌شده ({unit})", INT, True),
                 Column("per_100k", f"در ۱۰۰ هزار نفر ({unit})", DECIMAL)),
        rows=tuple({k: v for k, v in r.items() if k != "iso"} for r in rows),
        chart=choropleth(values, topology), plotted=("per_100k",),
        key=(KeyItem(f"بدون داده یا پنهان ({SYMBOL})", "#ffffff", "empty"),),
        gradient=Gradient(ranked[-1]["per_100k"], ranked[0]["per_100k"], tuple(MAP_RANGE)),
        alt_fa=alt_fa, source_fa=f"{DELIVERIES_SOURCE}؛ {CENSUS}",
        definition_fa="تحویل‌شده تقسیم بر جمعیت استان در سرشماری ۱۳۹۵، ضرب در ۱۰۰٬۰۰۰. استان‌های بی‌داده خاکستری‌اند.",
        updated=agg.latest_week,
        synthetic_rows=tuple(bool(delivered.get(r["iso"]) and delivered[r["iso"]].synthetic) for r in rows)
        if s.synthetic else (),
        row_links=tuple(paths[r["iso"]] for r in rows))


def province_over_time(st: ProvinceStats, ds: Dataset, agg: Aggregates) -> Figure | None:
    if not st.weekly:
        return None
    programmes = [r.programme for r in st.by_programme]
    periods = [w.period for w in st.weekly]
    steps = steps_of(periods, agg.monthly)
    rows, values, hidden = [], [], []
    for order, w in enumerate(st.weekly):
        row: dict = {steps.column.key: w.period}
        for p, value in zip(programmes, w.delivered, strict=True):
            row[p.id] = value
            if shown(value):
                values.append({"week": steps.labels[w.period], "order": order, "panel": p.short_name_fa,
                               "value": value})
            elif value is SUPPRESSED:
                hidden.append({"week": steps.labels[w.period], "order": order, "panel": p.short_name_fa})
        rows.append(row)
    synthetic = [w.synthetic for w in st.weekly]
    name = st.province.name_fa
    alt_fa = (f"نمودار میله‌ای تحویل {steps.adverb_fa} در استان {name} {period_span(periods)}، یک ردیف برای هر برنامه: "
              + "، ".join(f"{r.programme.short_name_fa} روی هم {as_text(r.delivered)} {UNITS[r.programme.unit]}"
                          for r in st.by_programme) + ".")
    return Figure(
        id=f"province-{st.province.slug}-over-time", title_fa=f"استان {name}: تحویل {steps.adverb_fa}",
        columns=(steps.column, *(Column(p.id, f"{p.short_name_fa} ({UNITS[p.unit]})", INT, True)
                                 for p in programmes)),
        rows=tuple(rows),
        axis_fa=f"تحویل در هر {steps.every_fa}، هر برنامه با مقیاس خودش",
        chart=row_bars(values, rows=[(p.short_name_fa, _style(ds, p.id)[0]) for p in programmes], hidden=hidden),
        plotted=tuple(p.id for p in programmes), alt_fa=alt_fa, source_fa=DELIVERIES_SOURCE,
        definition_fa=f"شمار تحویل‌شده در هر {steps.every_fa}؛ «—» یعنی آن {steps.every_fa} رقمی گزارش نشده است. "
                      "در نمودار، میله‌های هر برنامه با بیشترین مقدار همان برنامه سنجیده می‌شوند.",
        updated=agg.latest_week, synthetic_rows=tuple(synthetic) if any(synthetic) else ())


def province_per_capita(st: ProvinceStats, ds: Dataset, agg: Aggregates) -> Figure | None:
    if not st.by_programme:
        return None
    population = st.province.population_2016
    national_population = sum(p.population_2016 for p in ds.provinces)
    name = st.province.name_fa
    rows, values = [], []
    for r in st.by_programme:
        national = agg.programmes[r.programme.id].delivered
        row = {"programme": r.programme.short_name_fa, "delivered": r.delivered,
               "province": _per_100k(r.delivered, population), "country": _per_100k(national, national_population)}
        if SUPPRESSED in (row["province"], row["country"]):
            row["index"] = SUPPRESSED
        else:
            row["index"] = round(100 * row["province"] / row["country"]) if row["country"] else None
        rows.append(row)
        if shown(row["index"]):
            values.append({"name": row["programme"], "value": row["index"]})
    alt_fa = (f"نمودار میله‌ای تحویل سرانه در استان {name} در برابر کل کشور (کل کشور = ۱۰۰): " + "، ".join(
        f"{r['programme']} {format_number(r['index'])}" for r in rows if shown(r["index"])) + ".")
    return Figure(
        id=f"province-{st.province.slug}-per-capita", title_fa=f"استان {name} و کل کشور: تحویل در هر ۱۰۰ هزار نفر",
        # the point first (what the chart plots), then what it is made of
        columns=(Column("programme", "برنامه", TEXT), Column("index", "نسبت به کل کشور (کشور = ۱۰۰)", INT),
                 Column("province", f"{name}: در ۱۰۰ هزار نفر", DECIMAL),
                 Column("country", "کل کشور: در ۱۰۰ هزار نفر", DECIMAL),
                 Column("delivered", "تحویل‌شده در استان", INT, True)),
        rows=tuple(rows),
        axis_fa="سرانه نسبت به کل کشور (کشور = ۱۰۰)", chart=bars(values, reference=100, reference_colour=COUNTRY),
        key=(KeyItem(name, PALETTE[0]), KeyItem("کل کشور = ۱۰۰", COUNTRY, "line", (4, 3))),
        plotted=("index",), alt_fa=alt_fa, source_fa=f"{DELIVERIES_SOURCE}؛ {CENSUS}",
        definition_fa="تحویل‌شده تقسیم بر جمعیت سرشماری ۱۳۹۵، ضرب در ۱۰۰٬۰۰۰. «کل کشور» همهٔ تحویل‌های برنامه را بر "
                      "جمعیت همهٔ کشور تقسیم می‌کند، از جمله استان‌هایی که تحویلی گزارش نکرده‌اند. نسبت ۱۵۰ یعنی "
                      "سرانهٔ استان یک‌ونیم برابر سرانهٔ کشور است؛ ۵۰ یعنی نصف آن.",
        updated=agg.latest_week,
        synthetic_rows=tuple(r.synthetic for r in st.by_programme) if any(r.synthetic for r in st.by_programme)
        else ())


def centres_by_province(table: CentreTable, agg: Aggregates, paths: dict[str, str]) -> Figure | None:
    if not table.rows:
        return None
    names = [CENTRE_TYPES[t] for t in table.types]
    rows, values = [], []
    for r in table.rows:
        row = {"province": r.province.name_fa, **dict(zip(table.types, r.counts, strict=True)), "total": r.total}
        rows.append(row)
        values += [{"name": r.province.name_fa, "series": names[i], "sorder": i, "value": n}
                   for i, n in enumerate(r.counts) if n]
    alt_fa = (f"نمودار میله‌ای انباشته شمار مراکز در {format_number(len(rows))} استان به تفکیک نوع؛ روی هم "
              f"{format_number(table.total)} مرکز: " + "، ".join(
                  f"{names[i]} {format_number(n)}" for i, n in enumerate(table.totals)) + ".")
    return Figure(
        id="centres-by-province", title_fa="شمار مراکز به تفکیک استان و نوع",
        columns=(Column("province", "استان", TEXT), Column("total", "جمع", INT),
                 *(Column(t, CENTRE_TYPES[t], INT) for t in table.types)),
        rows=tuple(rows),
        axis_fa="شمار مراکز", chart=stacked_bars(values, series=names, colours=PALETTE[:len(names)]),
        key=tuple(KeyItem(n, PALETTE[i]) for i, n in enumerate(names)),
        plotted=table.types, alt_fa=alt_fa, source_fa="فهرست مراکز در داده‌های قرارگاه و گزارش جلسات",
        definition_fa="هر مرکز فعال، در دست احداث یا بسته‌شده یک بار شمرده شده است.", updated=agg.latest_week,
        synthetic_rows=tuple(r.synthetic for r in table.rows) if any(r.synthetic for r in table.rows) else (),
        row_links=tuple(paths[r.province.iso_code] for r in table.rows))
