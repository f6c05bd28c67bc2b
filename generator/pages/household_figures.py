"""The figures of the household tables (from the registers): the households page and the county table of
each province page. Built like pages/figures.py's, from the published (protected) household stats, for one
edition (lang/edition.py)."""

from __future__ import annotations

from generator.aggregate.households import ALL as ALL_GROUPS
from generator.aggregate.households import UNKNOWN, HouseholdStats, PlaceCount
from generator.aggregate.totals import Aggregates
from generator.charts.spec import PALETTE, bars, over_time, stacked_bars
from generator.lang.edition import FA, Edition
from generator.lang.vocabulary_en import AGE_BANDS_EN, GENDERS_EN
from generator.model.dataset import Dataset
from generator.model.figures import INT, TEXT, Column, Figure, KeyItem
from generator.model.publication import largest_first
from generator.pages.figures import PDI, RLI, as_text, period_span, short, shown, steps_of
from generator.schema.files import AGE_BANDS, GENDERS

HOUSEHOLDS_SOURCE = "فهرست خانوارهای حمایت‌شده در داده‌های قرارگاه (هر خانوار با کدی مستعار، بی نام و نشانی)"
HOUSEHOLD_DEFINITION = ("شمار خانوارهای جدا از هم؛ هر خانوار یک بار شمرده می‌شود، در استان، شهرستان و گروهی "
                        "که آخرین ردیف آن در فهرست می‌گوید.")
HOUSEHOLDS_SOURCE_EN = ("the headquarters' register of the households supported (each household under a pseudonymous "
                        "code, without name or address)")
HOUSEHOLD_DEFINITION_EN = ("Distinct households; each is counted once, in the province, county and group that its "
                           "latest row of the register gives.")


def _source(ed: Edition) -> str:
    return ed.pick(HOUSEHOLDS_SOURCE, HOUSEHOLDS_SOURCE_EN)


def _definition(ed: Edition) -> str:
    return ed.pick(HOUSEHOLD_DEFINITION, HOUSEHOLD_DEFINITION_EN)


def _households(ed: Edition) -> str:
    return ed.pick("خانوار", "Households")


def households_by_province(h: HouseholdStats, ds: Dataset, agg: Aggregates, paths: dict[str, str],
                           ed: Edition = FA) -> Figure:
    pid = h.programme.id
    order = largest_first(h.by_province, lambda p: p.households, lambda p: p.code)
    names = {p.iso_code: ed.name(p) for p in ds.provinces}
    rows = tuple({"province": names[p.code], "households": p.households} for p in order)
    values = [{"name": r["province"], "value": r["households"]} for r in rows if shown(r["households"])]
    name = short(ed, h.programme)
    if ed.fa:
        alt = (f"نمودار میله‌ای شمار خانوارهای حمایت‌شدهٔ «{name}» در "
               f"{ed.number(len(rows))} استان؛ روی هم {as_text(h.households)} خانوار" + (
                   f"؛ بیشترین در {rows[0]['province']} با {as_text(rows[0]['households'])} خانوار."
                   if values else "."))
    else:
        alt = (f"Bar chart of the households supported by {name} in {len(rows)} provinces; "
               f"{as_text(h.households, ed=ed)} households in all" + (
                   f"; the most in {rows[0]['province']}, with {as_text(rows[0]['households'], ed=ed)}."
                   if values else "."))
    return Figure(
        id=f"households-{pid}-provinces", title_fa=ed.pick(f"{name}: خانوارها به تفکیک استان",
                                                           f"{name}: households by province"),
        columns=(Column("province", ed.pick("استان", "Province"), TEXT),
                 Column("households", _households(ed), INT, True)),
        rows=rows, axis_fa=_households(ed), chart=bars(values, ltr=not ed.fa), plotted=("households",), alt_fa=alt,
        source_fa=_source(ed), definition_fa=_definition(ed),
        updated=agg.latest_week,
        synthetic_rows=tuple(p.synthetic for p in order) if h.synthetic else (),
        row_links=tuple(paths[p.code] for p in order))


def households_by_head(h: HouseholdStats, agg: Aggregates, ed: Edition = FA) -> Figure:
    pid = h.programme.id
    bands, genders = (AGE_BANDS, GENDERS) if ed.fa else (AGE_BANDS_EN, GENDERS_EN)
    heads = (lambda g: f"سرپرست {genders[g]}") if ed.fa else (lambda g: f"Heads: {genders[g]}")
    rows, values = [], []
    for band in h.bands:
        row = {"band": bands[band], **{g: h.heads[(band, g)] for g in h.genders},
               "total": h.heads[(band, ALL_GROUPS)]}
        rows.append(row)
        # isolated as right-to-left text: «۳۰ تا ۴۴ سال» inside the left-to-right chart
        label = RLI + row["band"] + PDI if ed.fa else row["band"]
        values += [{"name": label, "series": genders[g], "sorder": i, "value": row[g]}
                   for i, g in enumerate(h.genders) if shown(row[g]) and row[g]]
    names = [genders[g] for g in h.genders]
    totals = ed.pick("، ", ", ").join(f"{heads(g)} {as_text(h.heads[(ALL_GROUPS, g)], ed=ed)}" for g in h.genders)
    name = short(ed, h.programme)
    alt = ed.pick(f"نمودار میله‌ای انباشتهٔ خانوارهای «{name}» به تفکیک گروه سنی و جنس سرپرست؛ روی هم {totals}.",
                  f"Stacked bar chart of the households of {name} by the age and sex of their head; in all, "
                  f"{totals}.")
    return Figure(
        id=f"households-{pid}-heads", title_fa=ed.pick(f"{name}: سرپرست خانوار، سن و جنس",
                                                       f"{name}: heads of household, age and sex"),
        columns=(Column("band", ed.pick("سن سرپرست", "Age of the head"), TEXT),
                 *(Column(g, heads(g), INT, True) for g in h.genders),
                 Column("total", ed.pick("جمع", "Total"), INT, True)),
        rows=tuple(rows), axis_fa=_households(ed),
        chart=stacked_bars(values, series=names, colours=PALETTE[:len(names)],
                           by_value=False, ltr=not ed.fa),  # age bands in their own order
        key=tuple(KeyItem(heads(g), PALETTE[i]) for i, g in enumerate(h.genders)), plotted=h.genders,
        alt_fa=alt, source_fa=_source(ed),
        definition_fa=ed.pick(f"{HOUSEHOLD_DEFINITION} روی هم: {totals} خانوار.",
                              f"{HOUSEHOLD_DEFINITION_EN} In all: {totals} households."), updated=agg.latest_week,
        synthetic_rows=(True,) * len(rows) if h.synthetic else ())


def households_by_month(h: HouseholdStats, agg: Aggregates, ed: Edition = FA) -> Figure | None:
    if not h.by_month:
        return None
    pid = h.programme.id
    months = [m for m, _ in h.by_month]
    steps = steps_of(months, True, ed)
    rows = tuple({"month": m, "households": n} for m, n in h.by_month)
    values = [{"week": steps.labels[m], "order": i, "value": n} for i, (m, n) in enumerate(h.by_month) if shown(n)]
    each = ed.pick("، ", ", ").join(f"{ed.month_short(m)} {as_text(n, ed=ed)}" for m, n in h.by_month)
    name = short(ed, h.programme)
    alt = ed.pick(f"نمودار خطی شمار خانوارهای حمایت‌شدهٔ «{name}» در هر ماه {period_span(months)}: {each}.",
                  f"Line chart of the households supported by {name} each month, {period_span(months, ed)}: {each}.")
    return Figure(
        id=f"households-{pid}-months",
        title_fa=ed.pick(f"{name}: خانوارها در هر ماه", f"{name}: households each month"),
        columns=(steps.column, Column("households", _households(ed), INT, True)), rows=rows, axis_fa=_households(ed),
        chart=over_time(values, ltr=not ed.fa), plotted=("households",), alt_fa=alt, source_fa=_source(ed),
        definition_fa=ed.pick(
            "شمار خانوارهای جدا از هم که در آن ماه حمایت گرفته‌اند؛ خانواری که در چند ماه حمایت گرفته "
            "در هر ماه شمرده می‌شود، پس جمع ماه‌ها از شمار کل خانوارها بیشتر است.",
            "Distinct households supported in that month; a household supported in several months is counted in "
            "each, so the months add up to more than the households in all."),
        updated=agg.latest_week, synthetic_rows=(True,) * len(rows) if h.synthetic else ())


def province_households(h: HouseholdStats, province, county_names: dict[str, str], agg: Aggregates,
                        ed: Edition = FA) -> Figure | None:
    counties = h.by_county.get(province.iso_code)
    if not counties:
        return None
    pid = h.programme.id
    unknown = ed.pick("نامشخص", "Not known")

    def name(c: PlaceCount) -> str:
        return unknown if c.code == UNKNOWN else county_names[c.code]

    order = largest_first((c for c in counties if c.code != UNKNOWN), lambda c: c.households, name) + [
        c for c in counties if c.code == UNKNOWN]
    rows = tuple({"county": name(c), "households": c.households} for c in order)
    total = next(p.households for p in h.by_province if p.code == province.iso_code)
    programme = short(ed, h.programme)
    # a table only: a province has a handful of counties, many of them hidden; a chart would say little more
    # than the table and cost as much to draw as the rest of the page
    return Figure(
        id=f"province-{province.slug}-households-{pid}",
        title_fa=ed.pick(f"{programme}: خانوارهای استان {province.name_fa} به تفکیک شهرستان",
                         f"{programme}: households of {province.name_en} by county"),
        columns=(Column("county", ed.pick("شهرستان", "County"), TEXT),
                 Column("households", _households(ed), INT, True)),
        rows=rows, chart=None, plotted=(),
        alt_fa=ed.pick(f"روی هم {as_text(total)} خانوار.", f"{as_text(total, ed=ed)} households in all."),
        source_fa=_source(ed),
        definition_fa=ed.pick(HOUSEHOLD_DEFINITION + " «نامشخص»: خانوارهایی که شهرستانشان در فهرست نیامده است.",
                              HOUSEHOLD_DEFINITION_EN + " «Not known»: households whose county the register does "
                              "not give."),
        updated=agg.latest_week, synthetic_rows=tuple(c.synthetic for c in order) if h.synthetic else ())
