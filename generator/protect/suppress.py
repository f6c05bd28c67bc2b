"""Protect: the aggregates → the aggregates the public may see, with disclosure control applied.

Every figure about people that a page, chart or download shows is first a cell here (publication.py), named
by a key that says what it counts:

    deliveries/<programme>/<province ISO code>/<period>   a province's deliveries in a week or month
    deliveries/<programme>/<province>/all                 a province's deliveries to date
    deliveries/<programme>/country/<period>               the whole country in a week or month
    deliveries/<programme>/to-date/<period>               the running total at the end of the period
    deliveries/<programme>/country/all                    the whole country to date

with the relations between them (country = sum of provinces, to date = previous to date + this period,
province to date = sum of its periods), and from the registers (households.py), distinct households:

    households/<programme>/country                        every household supported
    households/<programme>/<province>                     by province (the latest row of each household)
    households/<programme>/<province>/<county id|unknown> by county, on the province page
    households/<programme>/head/<age band|all>/<gender|all>  by the head's age band and gender
    households/<programme>/month/<month>                  households supported in a month
    rials/<programme>/country                             the amount paid (p% rule; hidden with its count
                                                          and with any hidden month)

(country = Σ provinces = Σ age bands = Σ genders, province = Σ counties; a band's or a gender's households
split by the other attribute are a breakdown by a household attribute, where one group holding everyone
is itself a disclosure). The cells are protected together, with the previous publication's
suppressions carried forward, and the aggregates are rebuilt from the published values: a suppressed figure
becomes SUPPRESSED, and every share or rate computed from it is SUPPRESSED too. Lists ordered by size are
re-ordered by the published figures, so a hidden figure's place in the order does not betray its size.

Figures about people that officials reported in the minutes (an indicator counted in persons or families)
are cells too, `minutes/<meeting>/<province or country>/<indicator>/<place in the minutes>`, each on its
own: one of 1 to k−1 is shown as SUPPRESSED on the meeting and province pages.

Not protected, and why: meetings held (they count meetings, not people) and centres (public facilities).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.aggregate.households import ALL as HEAD_ALL
from generator.aggregate.households import HouseholdStats, PlaceCount
from generator.aggregate.totals import Aggregates, PlaceRow, ProvinceProgrammeRow, ProvinceWeekRow, WeekRow
from generator.model.dataset import Dataset
from generator.model.publication import AMOUNT, SUPPRESSED, Cells, Publication, largest_first
from generator.model.reuse import Reuse, reused
from generator.protect.disclosure import P_PERCENT, p_percent_unsafe, protect
from generator.schema.files import PEOPLE_UNITS

DELIVERIES, HOUSEHOLDS, RIALS, MINUTES = "deliveries", "households", "rials", "minutes"
COUNTRY, TO_DATE, ALL = "country", "to-date", "all"


@dataclass(frozen=True)
class Protected:
    dataset: Dataset  # the meetings' figures about people protected
    aggregates: Aggregates  # what the pages show
    publication: Publication  # every protected cell, published or suppressed (downloads/cells.json)


def protected(ds: Dataset, agg: Aggregates, previous: Publication | None = None, reuse: Reuse | None = None
              ) -> Protected:
    """`reuse`: the last protection (model/reuse.py: the live preview), used again while every cell, the
    rules and the previous publication are equal to what they were then."""
    k, p = ds.site.disclosure_threshold, ds.site.dominance_percent
    cells = all_cells(ds, agg)
    pub = reused(reuse, "protected cells", lambda: protect(cells, k, p, previous), equal=(cells, k, p, previous))
    minutes = published_minutes(ds, pub)
    published = published_households(published_aggregates(agg, pub), pub)
    return Protected(minutes, _with_reports(published, ds, minutes), pub)


def all_cells(ds: Dataset, agg: Aggregates) -> Cells:
    """Every protected cell of the site, before protection: deliveries, households and the figures about
    people that officials reported in the minutes, together."""
    return minutes_cells(ds, household_cells(agg, ds.site.dominance_percent, delivery_cells(ds, agg)))


def _minutes_figures(ds: Dataset):
    """(key, figure) for each figure about people reported in the minutes: nationally or by a province."""
    units = {i.id: i.unit for i in ds.indicators}
    for m in ds.meetings:
        for n, f in enumerate(m.national_figures):
            if units.get(f.indicator) in PEOPLE_UNITS:
                yield (MINUTES, m.id, COUNTRY, f.indicator, str(n + 1)), f
        for i, r in enumerate(m.reports):  # a province may report twice in a meeting: the report's place too
            for n, f in enumerate(r.figures):
                if units.get(f.indicator) in PEOPLE_UNITS:
                    yield (MINUTES, m.id, r.province, f.indicator, f"{i + 1}.{n + 1}"), f


def minutes_cells(ds: Dataset, cells: Cells) -> Cells:
    """Each figure about people in the minutes is a cell of its own (no published relation ties it to
    another): a figure of 1 to k−1 is hidden."""
    for key, f in _minutes_figures(ds):
        cells.add(key, f.value)
    return cells


def published_minutes(ds: Dataset, pub: Publication) -> Dataset:
    hidden = {id(f) for key, f in _minutes_figures(ds) if pub.value(key) is SUPPRESSED}
    if not hidden:
        return ds

    def figures(fs):
        return tuple(replace(f, value=SUPPRESSED) if id(f) in hidden else f for f in fs)

    meetings = tuple(replace(m, national_figures=figures(m.national_figures),
                             reports=tuple(replace(r, figures=figures(r.figures)) for r in m.reports))
                     for m in ds.meetings)
    return replace(ds, meetings=meetings)


def _protected_programmes(ds: Dataset, agg: Aggregates) -> list[str]:
    return [p.id for p in ds.programmes if p.delivered_from == "deliveries" and agg.programmes[p.id].weekly]


def delivery_cells(ds: Dataset, agg: Aggregates) -> Cells:
    cells = Cells()
    for pid in _protected_programmes(ds, agg):
        s = agg.programmes[pid]
        base = (DELIVERIES, pid)
        by_period: dict[str, list[tuple]] = {}
        totals = []
        for st in agg.provinces.values():
            j = next((i for i, r in enumerate(st.by_programme) if r.programme.id == pid), None)
            if j is None:
                continue
            code = st.province.iso_code
            parts = []
            for w in st.weekly:
                if w.delivered[j] is not None:
                    key = (*base, code, w.period.iso)
                    cells.add(key, w.delivered[j])
                    parts.append(key)
                    by_period.setdefault(w.period.iso, []).append(key)
            cells.add((*base, code, ALL), st.by_programme[j].delivered)
            cells.relate((*base, code, ALL), parts)
            totals.append((*base, code, ALL))
        previous = None
        for w in s.weekly:
            iso = w.period.iso
            cells.add((*base, COUNTRY, iso), w.delivered)
            cells.relate((*base, COUNTRY, iso), by_period.get(iso, []))
            cells.add((*base, TO_DATE, iso), w.cumulative)
            cells.relate((*base, TO_DATE, iso), [(*base, COUNTRY, iso), *([previous] if previous else [])])
            previous = (*base, TO_DATE, iso)
        cells.add((*base, COUNTRY, ALL), s.delivered)
        cells.relate((*base, COUNTRY, ALL), totals)
        cells.relate((*base, COUNTRY, ALL), [previous])
    return cells


def _ratio(numerator, denominator) -> float | object | None:
    if numerator is SUPPRESSED or denominator is SUPPRESSED:
        return SUPPRESSED
    return numerator / denominator if denominator else None


def published_aggregates(agg: Aggregates, pub: Publication) -> Aggregates:
    programmes = dict(agg.programmes)
    provinces = dict(agg.provinces)
    covered = {key[1] for key in pub.keys if key[0] == DELIVERIES}
    for pid in sorted(covered):
        s = agg.programmes[pid]
        base = (DELIVERIES, pid)
        pledged = s.programme.pledged
        delivered = pub.value((*base, COUNTRY, ALL))
        weekly = tuple(WeekRow(w.period, pub.value((*base, COUNTRY, w.period.iso)),
                               pub.value((*base, TO_DATE, w.period.iso)),
                               _ratio(pub.value((*base, TO_DATE, w.period.iso)), pledged) if pledged else None,
                               w.synthetic) for w in s.weekly)
        by_province = tuple(largest_first(
            (PlaceRow(r.province, pub.value((*base, r.province.iso_code, ALL)),
                      _ratio(pub.value((*base, r.province.iso_code, ALL)), delivered), r.synthetic)
             for r in s.by_province), lambda r: r.delivered, lambda r: r.province.iso_code))
        programmes[pid] = replace(s, delivered=delivered, share=_ratio(delivered, pledged) if pledged else None,
                                  weekly=weekly, by_province=by_province)
    for code, st in agg.provinces.items():
        if not st.by_programme:
            continue
        rows, columns = [], []
        for r in st.by_programme:
            pid = r.programme.id
            if pid in covered:
                rows.append(ProvinceProgrammeRow(r.programme, pub.value((DELIVERIES, pid, code, ALL)), r.synthetic))
            else:
                rows.append(r)
            columns.append(pid in covered)
        weekly = tuple(ProvinceWeekRow(w.period, tuple(
            pub.value((DELIVERIES, r.programme.id, code, w.period.iso)) if covered_ and v is not None else v
            for r, v, covered_ in zip(st.by_programme, w.delivered, columns, strict=True)), w.synthetic)
            for w in st.weekly)
        provinces[code] = replace(st, by_programme=tuple(rows), weekly=weekly)
    return replace(agg, programmes=programmes, provinces=provinces)


def household_cells(agg: Aggregates, p: float, cells: Cells) -> Cells:
    for pid, h in agg.households.items():
        base, money = (HOUSEHOLDS, pid), (RIALS, pid)

        def amount(key, total: int, largest: tuple[int, int]) -> None:
            unsafe = p_percent_unsafe(total, largest[0], largest[1], p)
            cells.add(key, total, AMOUNT, reason=P_PERCENT if unsafe else None)

        cells.add((*base, COUNTRY), h.households)
        for place in h.by_province:
            cells.add((*base, place.code), place.households)
            for county in h.by_county[place.code]:
                cells.add((*base, place.code, county.code), county.households)
            cells.relate((*base, place.code), [(*base, place.code, c.code) for c in h.by_county[place.code]])
        cells.relate((*base, COUNTRY), [(*base, place.code) for place in h.by_province])
        head, every = (*base, "head"), HEAD_ALL
        for (band, gender), n in h.heads.items():
            cells.add((*head, band, gender), n)
        for band in h.bands:
            cells.relate((*head, band, every), [(*head, band, g) for g in h.genders], attribute=True)
        for gender in h.genders:
            cells.relate((*head, every, gender), [(*head, b, gender) for b in h.bands], attribute=True)
        cells.relate((*base, COUNTRY), [(*head, b, every) for b in h.bands])
        cells.relate((*base, COUNTRY), [(*head, every, g) for g in h.genders])
        for month, n in h.by_month:
            cells.add((*base, "month", month.iso), n)
        # The amount paid is published for the whole country only. Where every household gets the same sum
        # each month, an amount is a count of household-months in disguise: by province it gave away how
        # many households each province had in each month. The country's amount is hidden with its count
        # and with any hidden month (the months add up to the household-months it reveals).
        amount((*money, COUNTRY), h.rials, h.largest)
        cells.link((*base, COUNTRY), (*money, COUNTRY))
        for month, _ in h.by_month:
            cells.link((*base, "month", month.iso), (*money, COUNTRY))
    return cells


def _with_reports(agg: Aggregates, before: Dataset, after: Dataset) -> Aggregates:
    """The province pages' reports, taken from the protected meetings."""
    if before is after:
        return agg
    meetings = {m.id: m for m in after.meetings}
    old = {m.id: m for m in before.meetings}
    provinces = {code: replace(st, reports=tuple((meetings[m.id], meetings[m.id].reports[old[m.id].reports.index(r)])
                                                 for m, r in st.reports))
                 for code, st in agg.provinces.items()}
    return replace(agg, provinces=provinces)


def published_households(agg: Aggregates, pub: Publication) -> Aggregates:
    out = {}
    for pid, h in agg.households.items():
        base, money = (HOUSEHOLDS, pid), (RIALS, pid)
        provinces = tuple(PlaceCount(pl.code, pub.value((*base, pl.code)), synthetic=pl.synthetic)
                          for pl in h.by_province)
        counties = {code: tuple(PlaceCount(c.code, pub.value((*base, code, c.code)), synthetic=c.synthetic)
                                for c in cs) for code, cs in h.by_county.items()}
        out[pid] = HouseholdStats(
            programme=h.programme, households=pub.value((*base, COUNTRY)), rials=pub.value((*money, COUNTRY)),
            largest=(0, 0), by_province=provinces, by_county=counties,
            by_month=tuple((m, pub.value((*base, "month", m.iso))) for m, _ in h.by_month),
            heads={key: pub.value((*base, "head", *key)) for key in h.heads}, synthetic=h.synthetic)
    return replace(agg, households=out)
