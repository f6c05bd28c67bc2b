"""Aggregate, for the registers: household rows → the household tables the site shows (before protection).

The unit is the distinct household. A household that moved or whose head changed band is counted once,
where and as its latest row says, so that every table adds up: the provinces to the country, the counties
to their province, the groups of heads to the country. Months are the exception (a household supported in
two months is counted in each), and are shown only when there are two or more of them, since with one
month the month's count would be the country's.

Amounts (rials) are summed per household first: the p% rule looks at each household's share of a cell
(`largest`, the two largest household sums in it, is for protection only and never published).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from generator.lang.jalali import JMonth
from generator.model.dataset import Dataset, Programme
from generator.schema.files import AGE_BANDS, GENDERS

ALL, UNKNOWN = "all", "unknown"  # a margin; a county not given in the register


@dataclass(frozen=True)
class PlaceCount:
    code: str  # province ISO code, or county id (UNKNOWN: not given)
    households: object  # int, or SUPPRESSED once protected
    rials: object = None  # the amount paid (for the p% rule; published for the whole country only)
    largest: tuple[int, int] = (0, 0)  # the two largest household amounts in the cell (p% rule)
    synthetic: bool = False


@dataclass(frozen=True)
class HouseholdStats:
    programme: Programme
    households: object  # distinct households in the whole period
    rials: object
    largest: tuple[int, int]
    by_province: tuple[PlaceCount, ...]  # provinces with households, in ISO order
    by_county: dict[str, tuple[PlaceCount, ...]]  # province code → its counties (UNKNOWN last)
    by_month: tuple[tuple[JMonth, object], ...]  # distinct households per month; empty with a single month
    heads: dict[tuple[str, str], object]  # (age band, gender) → households; ALL in either place: a margin
    synthetic: bool

    @property
    def bands(self) -> tuple[str, ...]:
        return tuple(AGE_BANDS)

    @property
    def genders(self) -> tuple[str, ...]:
        return tuple(GENDERS)


def _two_largest(values: pd.Series) -> tuple[int, int]:
    top = [*sorted((int(v) for v in values), reverse=True)[:2], 0, 0]
    return top[0], top[1]


def household_stats(ds: Dataset) -> dict[str, HouseholdStats]:
    """One HouseholdStats per programme with register rows, in programme order."""
    reg = ds.registers
    out: dict[str, HouseholdStats] = {}
    if not len(reg):
        return out
    for p in ds.programmes:
        rows = reg[reg.programme == p.id]
        if not len(rows):
            continue
        # columns stay categoricals (one small code per row): a national register has a million rows
        latest = rows.sort_values(["household", "month"], kind="stable").drop_duplicates("household", keep="last")
        paid = rows.groupby("household", observed=True).amount_rials.sum()
        latest = latest.assign(paid=paid.reindex(latest.household).to_numpy())
        by_province, by_county = [], {}
        for code, group in latest.groupby("province", observed=True, sort=True):
            code = str(code)
            by_province.append(PlaceCount(code, len(group), int(group.paid.sum()), _two_largest(group.paid),
                                          bool(group.synthetic.any())))
            counties = [PlaceCount(str(county) or UNKNOWN, int(n), None, (0, 0), bool(synthetic))
                        for county, n, synthetic in group.groupby("county", observed=True, sort=True).agg(
                            n=("paid", "size"), synthetic=("synthetic", "any")).itertuples()]
            by_county[code] = tuple(sorted(counties, key=lambda c: (c.code == UNKNOWN, c.code)))
        months = rows.groupby("month", observed=True).household.nunique()
        by_month = tuple((JMonth(int(str(m)[:4]), int(str(m)[5:])), int(n)) for m, n in months.items())
        pairs = latest.groupby(["head_age_band", "head_gender"], observed=True).size()
        counts = {(str(band), str(gender)): int(n) for (band, gender), n in pairs.items()}
        heads: dict[tuple[str, str], object] = {}
        for band in AGE_BANDS:
            for gender in GENDERS:
                heads[(band, gender)] = counts.get((band, gender), 0)
            heads[(band, ALL)] = sum(heads[(band, g)] for g in GENDERS)
        for gender in GENDERS:
            heads[(ALL, gender)] = sum(heads[(b, gender)] for b in AGE_BANDS)
        out[p.id] = HouseholdStats(
            programme=p, households=len(latest), rials=int(latest.paid.sum()), largest=_two_largest(latest.paid),
            by_province=tuple(by_province), by_county=by_county,
            by_month=by_month if len(by_month) > 1 else (), heads=heads, synthetic=bool(rows.synthetic.any()))
    return out
