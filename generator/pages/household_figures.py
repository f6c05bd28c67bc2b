"""The figures of the household tables (from the registers): the households page and the county table of
each province page. Built like pages/figures.py's, from the published (protected) household stats."""

from __future__ import annotations

from generator.aggregate.households import ALL as ALL_GROUPS
from generator.aggregate.households import UNKNOWN, HouseholdStats, PlaceCount
from generator.aggregate.totals import Aggregates
from generator.charts.spec import PALETTE, bars, over_time, stacked_bars
from generator.lang.persian import format_number
from generator.model.dataset import Dataset
from generator.model.figures import INT, TEXT, Column, Figure, KeyItem
from generator.model.publication import largest_first
from generator.pages.figures import PDI, RLI, as_text, period_span, shown, steps_of
from generator.schema.files import AGE_BANDS, GENDERS

HOUSEHOLDS_SOURCE = "فهرست خانوارهای حمایت‌شده در داده‌های قرارگاه (هر خانوار با کدی مستعار، بی نام و نشانی)"
HOUSEHOLD_DEFINITION = ("شمار خانوارهای جدا از هم؛ هر خانوار یک بار شمرده می‌شود، در استان، شهرستان و گروهی "
                        "که آخرین ردیف آن در فهرست می‌گوید.")


def households_by_province(h: HouseholdStats, ds: Dataset, agg: Aggregates, paths: dict[str, str]) -> Figure:
    pid = h.programme.id
    order = largest_first(h.by_province, lambda p: p.households, lambda p: p.code)
    names = {p.iso_code: p.name_fa for p in ds.provinces}
    rows = tuple({"province": names[p.code], "households": p.households} for p in order)
    values = [{"name": r["province"], "value": r["households"]} for r in rows if shown(r["households"])]
    alt_fa = (f"نمودار میله‌ای شمار خانوارهای حمایت‌شدهٔ «{h.programme.short_name_fa}» در "
              f"{format_number(len(rows))} استان؛ روی هم {as_text(h.households)} خانوار" + (
                  f"؛ بیشترین در {rows[0]['province']} با {as_text(rows[0]['households'])} خانوار." if values else "."))
    return Figure(
        id=f"households-{pid}-provinces", title_fa=f"{h.programme.short_name_fa}: خانوارها به تفکیک استان",
        columns=(Column("province", "استان", TEXT), Column("households", "خانوار", INT, True)),
        rows=rows, axis_fa="خانوار", chart=bars(values), plotted=("households",), alt_fa=alt_fa,
        source_fa=HOUSEHOLDS_SOURCE, definition_fa=HOUSEHOLD_DEFINITION,
        updated=agg.latest_week,
        synthetic_rows=tuple(p.synthetic for p in order) if h.synthetic else (),
        row_links=tuple(paths[p.code] for p in order))


def households_by_head(h: HouseholdStats, agg: Aggregates) -> Figure:
    pid = h.programme.id
    rows, values = [], []
    for band in h.bands:
        row = {"band": AGE_BANDS[band], **{g: h.heads[(band, g)] for g in h.genders},
               "total": h.heads[(band, ALL_GROUPS)]}
        rows.append(row)
        # isolated as right-to-left text: «۳۰ تا ۴۴ سال» inside the left-to-right chart
        values += [{"name": RLI + row["band"] + PDI, "series": GENDERS[g], "sorder": i, "value": row[g]}
                   for i, g in enumerate(h.genders) if shown(row[g]) and row[g]]
    names = [GENDERS[g] for g in h.genders]
    totals = "، ".join(f"سرپرست {GENDERS[g]} {as_text(h.heads[(ALL_GROUPS, g)])}" for g in h.genders)
    alt_fa = (f"نمودار میله‌ای انباشتهٔ خانوارهای «{h.programme.short_name_fa}» به تفکیک گروه سنی و جنس سرپرست؛ "
              f"روی هم {totals}.")
    return Figure(
        id=f"households-{pid}-heads", title_fa=f"{h.programme.short_name_fa}: سرپرست خانوار، سن و جنس",
        columns=(Column("band", "سن سرپرست", TEXT), *(Column(g, f"سرپرست {GENDERS[g]}", INT, True) for g in h.genders),
                 Column("total", "جمع", INT, True)),
        rows=tuple(rows), axis_fa="خانوار", chart=stacked_bars(values, series=names, colours=PALETTE[:len(names)],
                                                        by_value=False),  # age bands in their own order
        key=tuple(KeyItem(f"سرپرست {n}", PALETTE[i]) for i, n in enumerate(names)), plotted=h.genders,
        alt_fa=alt_fa, source_fa=HOUSEHOLDS_SOURCE,
        definition_fa=f"{HOUSEHOLD_DEFINITION} روی هم: {totals} خانوار.", updated=agg.latest_week,
        synthetic_rows=(True,) * len(rows) if h.synthetic else ())


def households_by_month(h: HouseholdStats, agg: Aggregates) -> Figure | None:
    if not h.by_month:
        return None
    pid = h.programme.id
    months = [m for m, _ in h.by_month]
    steps = steps_of(months, True)
    rows = tuple({"month": m, "households": n} for m, n in h.by_month)
    values = [{"week": steps.labels[m], "order": i, "value": n} for i, (m, n) in enumerate(h.by_month) if shown(n)]
    alt_fa = (f"نمودار خطی شمار خانوارهای حمایت‌شدهٔ «{h.programme.short_name_fa}» در هر ماه {period_span(months)}: "
              + "، ".join(f"{m.fa()} {as_text(n)}" for m, n in h.by_month) + ".")
    return Figure(
        id=f"households-{pid}-months", title_fa=f"{h.programme.short_name_fa}: خانوارها در هر ماه",
        columns=(steps.column, Column("households", "خانوار", INT, True)), rows=rows, axis_fa="خانوار",
        chart=over_time(values), plotted=("households",), alt_fa=alt_fa, source_fa=HOUSEHOLDS_SOURCE,
        definition_fa="شمار خانوارهای جدا از هم که در آن ماه حمایت گرفته‌اند؛ خانواری که در چند ماه حمایت گرفته "
                      "در هر ماه شمرده می‌شود، پس جمع ماه‌ها از شمار کل خانوارها بیشتر است.",
        updated=agg.latest_week, synthetic_rows=(True,) * len(rows) if h.synthetic else ())


def province_households(h: HouseholdStats, province, county_names: dict[str, str], agg: Aggregates) -> Figure | None:
    counties = h.by_county.get(province.iso_code)
    if not counties:
        return None
    pid = h.programme.id

    def name(c: PlaceCount) -> str:
        return "نامشخص" if c.code == UNKNOWN else county_names[c.code]

    order = largest_first((c for c in counties if c.code != UNKNOWN), lambda c: c.households, name) + [
        c for c in counties if c.code == UNKNOWN]
    rows = tuple({"county": name(c), "households": c.households} for c in order)
    total = next(p.households for p in h.by_province if p.code == province.iso_code)
    # a table only: a province has a handful of counties, many of them hidden; a chart would say little more
    # than the table and cost as much to draw as the rest of the page
    return Figure(
        id=f"province-{province.slug}-households-{pid}",
        title_fa=f"{h.programme.short_name_fa}: خانوارهای استان {province.name_fa} به تفکیک شهرستان",
        columns=(Column("county", "شهرستان", TEXT), Column("households", "خانوار", INT, True)), rows=rows,
        chart=None, plotted=(), alt_fa=f"روی هم {as_text(total)} خانوار.", source_fa=HOUSEHOLDS_SOURCE,
        definition_fa=HOUSEHOLD_DEFINITION + " «نامشخص»: خانوارهایی که شهرستانشان در فهرست نیامده است.",
        updated=agg.latest_week, synthetic_rows=tuple(c.synthetic for c in order) if h.synthetic else ())
