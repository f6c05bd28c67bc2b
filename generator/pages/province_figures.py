"""The figures of the province pages and of the centres page: a province's deliveries week by week, its
deliveries per head against the country's, and the centres per province and type. Built as
pages/figures.py's are, for one edition (lang/edition.py)."""

from __future__ import annotations

from generator.aggregate.totals import Aggregates, CentreTable, ProvinceStats
from generator.charts.spec import COUNTRY, PALETTE, bars, row_bars, stacked_bars
from generator.lang.edition import FA, Edition
from generator.lang.vocabulary_en import CENTRE_TYPES_EN
from generator.model.dataset import Dataset
from generator.model.figures import DECIMAL, INT, TEXT, Column, Figure, KeyItem
from generator.model.publication import SUPPRESSED
from generator.pages.figures import (
    CENSUS,
    CENSUS_EN,
    DELIVERIES_SOURCE,
    DELIVERIES_SOURCE_EN,
    _style,
    as_text,
    deliveries_source,
    per_100k,
    period_span,
    short,
    shown,
    steps_of,
    unit_of,
)
from generator.schema.files import CENTRE_TYPES


def province_over_time(st: ProvinceStats, ds: Dataset, agg: Aggregates, ed: Edition = FA) -> Figure | None:
    if not st.weekly:
        return None
    programmes = [r.programme for r in st.by_programme]
    periods = [w.period for w in st.weekly]
    steps = steps_of(periods, agg.monthly, ed)
    rows, values, hidden = [], [], []
    for order, w in enumerate(st.weekly):
        row: dict = {steps.column.key: w.period}
        for p, value in zip(programmes, w.delivered, strict=True):
            row[p.id] = value
            if shown(value):
                values.append({"week": steps.labels[w.period], "order": order, "panel": short(ed, p),
                               "value": value})
            elif value is SUPPRESSED:
                hidden.append({"week": steps.labels[w.period], "order": order, "panel": short(ed, p)})
        rows.append(row)
    synthetic = [w.synthetic for w in st.weekly]
    name = ed.name(st.province)
    every = steps.every_fa
    between = ed.pick(" روی هم ", ": ")
    totals = ed.pick("، ", ", ").join(
        f"{short(ed, r.programme)}{between}{as_text(r.delivered, ed=ed)} {unit_of(ed, r.programme.unit)}"
        for r in st.by_programme)
    alt = ed.pick(f"نمودار میله‌ای تحویل {steps.adverb_fa} در استان {name} {period_span(periods)}، یک ردیف برای هر "
                  f"برنامه: {totals}.",
                  f"Bar chart of deliveries {steps.adverb_fa} in {name} province, {period_span(periods, ed)}, one row "
                  f"per programme: {totals}.")
    return Figure(
        id=f"province-{st.province.slug}-over-time", title_fa=ed.pick(f"استان {name}: تحویل {steps.adverb_fa}",
                                                                      f"{name}: deliveries {steps.adverb_fa}"),
        columns=(steps.column, *(Column(p.id, f"{short(ed, p)} ({unit_of(ed, p.unit)})", INT, True)
                                 for p in programmes)),
        rows=tuple(rows),
        axis_fa=ed.pick(f"تحویل در هر {every}، هر برنامه با مقیاس خودش",
                        f"Delivered each {every}, each programme on its own scale"),
        chart=row_bars(values, rows=[(short(ed, p), _style(ds, p.id)[0]) for p in programmes], hidden=hidden,
                       ltr=not ed.fa),
        plotted=tuple(p.id for p in programmes), alt_fa=alt, source_fa=deliveries_source(ed),
        definition_fa=ed.pick(f"شمار تحویل‌شده در هر {every}؛ «—» یعنی آن {every} رقمی گزارش نشده است. "
                              "در نمودار، میله‌های هر برنامه با بیشترین مقدار همان برنامه سنجیده می‌شوند.",
                              f"The number delivered in each {every}; «—» means no figure was reported for that "
                              f"{every}. In the chart, each programme's bars are scaled to its own largest value."),
        updated=agg.latest_week, synthetic_rows=tuple(synthetic) if any(synthetic) else ())


def province_per_capita(st: ProvinceStats, ds: Dataset, agg: Aggregates, ed: Edition = FA) -> Figure | None:
    if not st.by_programme:
        return None
    population = st.province.population_2016
    national_population = sum(p.population_2016 for p in ds.provinces)
    name = ed.name(st.province)
    rows, values = [], []
    for r in st.by_programme:
        national = agg.programmes[r.programme.id].delivered
        row = {"programme": short(ed, r.programme), "delivered": r.delivered,
               "province": per_100k(r.delivered, population), "country": per_100k(national, national_population)}
        if SUPPRESSED in (row["province"], row["country"]):
            row["index"] = SUPPRESSED
        else:
            row["index"] = round(100 * row["province"] / row["country"]) if row["country"] else None
        rows.append(row)
        if shown(row["index"]):
            values.append({"name": row["programme"], "value": row["index"]})
    each = ed.pick("، ", ", ").join(f"{r['programme']} {ed.number(r['index'])}" for r in rows if shown(r["index"]))
    alt = ed.pick(f"نمودار میله‌ای تحویل سرانه در استان {name} در برابر کل کشور (کل کشور = ۱۰۰): {each}.",
                  f"Bar chart of deliveries per head in {name} against the whole country (country = 100): {each}.")
    return Figure(
        id=f"province-{st.province.slug}-per-capita",
        title_fa=ed.pick(f"استان {name} و کل کشور: تحویل در هر ۱۰۰ هزار نفر",
                         f"{name} and the whole country: deliveries per 100,000 people"),
        # the point first (what the chart plots), then what it is made of
        columns=(Column("programme", ed.pick("برنامه", "Programme"), TEXT),
                 Column("index", ed.pick("نسبت به کل کشور (کشور = ۱۰۰)", "Against the country (country = 100)"),
                        INT),
                 Column("province", ed.pick(f"{name}: در ۱۰۰ هزار نفر", f"{name}: per 100,000 people"), DECIMAL),
                 Column("country", ed.pick("کل کشور: در ۱۰۰ هزار نفر", "Whole country: per 100,000 people"), DECIMAL),
                 Column("delivered", ed.pick("تحویل‌شده در استان", "Delivered in the province"), INT, True)),
        rows=tuple(rows),
        axis_fa=ed.pick("سرانه نسبت به کل کشور (کشور = ۱۰۰)", "Per head, against the country (country = 100)"),
        chart=bars(values, reference=100, reference_colour=COUNTRY, ltr=not ed.fa),
        key=(KeyItem(name, PALETTE[0]), KeyItem(ed.pick("کل کشور = ۱۰۰", "Whole country = 100"), COUNTRY, "line",
                                                (4, 3))),
        plotted=("index",), alt_fa=alt,
        source_fa=ed.pick(f"{DELIVERIES_SOURCE}؛ {CENSUS}", f"{DELIVERIES_SOURCE_EN}; {CENSUS_EN}"),
        definition_fa=ed.pick(
            "تحویل‌شده تقسیم بر جمعیت سرشماری ۱۳۹۵، ضرب در ۱۰۰٬۰۰۰. «کل کشور» همهٔ تحویل‌های برنامه را بر "
            "جمعیت همهٔ کشور تقسیم می‌کند، از جمله استان‌هایی که تحویلی گزارش نکرده‌اند. نسبت ۱۵۰ یعنی "
            "سرانهٔ استان یک‌ونیم برابر سرانهٔ کشور است؛ ۵۰ یعنی نصف آن.",
            "Delivered, divided by the 2016 census population, times 100,000. «Whole country» divides all of the "
            "programme's deliveries by the whole country's population, provinces that reported none included. "
            "150 means the province received one and a half times the country's level per head; 50, half of it."),
        updated=agg.latest_week,
        synthetic_rows=tuple(r.synthetic for r in st.by_programme) if any(r.synthetic for r in st.by_programme)
        else ())


def centres_by_province(table: CentreTable, agg: Aggregates, paths: dict[str, str], ed: Edition = FA) -> Figure | None:
    if not table.rows:
        return None
    types = CENTRE_TYPES if ed.fa else CENTRE_TYPES_EN
    names = [types[t] for t in table.types]
    rows, values = [], []
    for r in table.rows:
        row = {"province": ed.name(r.province), **dict(zip(table.types, r.counts, strict=True)), "total": r.total}
        rows.append(row)
        values += [{"name": row["province"], "series": names[i], "sorder": i, "value": n}
                   for i, n in enumerate(r.counts) if n]
    each = ed.pick("، ", ", ").join(f"{names[i]} {ed.number(n)}" for i, n in enumerate(table.totals))
    alt = ed.pick(f"نمودار میله‌ای انباشته شمار مراکز در {ed.number(len(rows))} استان به تفکیک نوع؛ روی هم "
                  f"{ed.number(table.total)} مرکز: {each}.",
                  f"Stacked bar chart of the centres in {len(rows)} provinces by type; {ed.number(table.total)} "
                  f"centres in all: {each}.")
    return Figure(
        id="centres-by-province", title_fa=ed.pick("شمار مراکز به تفکیک استان و نوع", "Centres by province and type"),
        columns=(Column("province", ed.pick("استان", "Province"), TEXT), Column("total", ed.pick("جمع", "Total"), INT),
                 *(Column(t, types[t], INT) for t in table.types)),
        rows=tuple(rows),
        axis_fa=ed.pick("شمار مراکز", "Centres"),
        chart=stacked_bars(values, series=names, colours=PALETTE[:len(names)], ltr=not ed.fa),
        key=tuple(KeyItem(n, PALETTE[i]) for i, n in enumerate(names)),
        plotted=table.types, alt_fa=alt,
        source_fa=ed.pick("فهرست مراکز در داده‌های قرارگاه و گزارش جلسات",
                          "the list of centres in the headquarters' data and the meetings' reports"),
        definition_fa=ed.pick("هر مرکز فعال، در دست احداث یا بسته‌شده یک بار شمرده شده است.",
                              "Each centre, open, being built or closed, is counted once."),
        updated=agg.latest_week,
        synthetic_rows=tuple(r.synthetic for r in table.rows) if any(r.synthetic for r in table.rows) else (),
        row_links=tuple(paths[r.province.iso_code] for r in table.rows))
