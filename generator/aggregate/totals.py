"""Aggregate: the dataset → the tables the pages show (totals, weekly series, breakdowns).

Pure arithmetic on the normalised dataset with pandas; nothing here formats or knows about pages. Every
aggregate remembers whether any synthetic figure went into it, so pages can say so.

Series are in the periods the site shows, the same on every page: weeks while the figures span up to a
year of weeks (WEEKLY_UP_TO), Jalali months after that (so a phone screen shows bars, not hairlines, and a
page stays light after years of meetings). Disclosure control (protect/suppress.py) works on these same periods.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from generator.aggregate.households import HouseholdStats, household_stats
from generator.lang.jalali import JDate, JMonth
from generator.model.dataset import Centre, Dataset, Decision, Meeting, Programme, Province, Report
from generator.model.publication import SUPPRESSED
from generator.model.reuse import Reuse, reused
from generator.schema.files import CENTRE_TYPES

WEEKLY_UP_TO = 53

Period = JDate | JMonth  # the week (its meeting's date) or the Jalali month


@dataclass(frozen=True)
class WeekRow:
    period: Period
    delivered: int
    cumulative: int
    share: float | None  # cumulative / pledged, None for an open-ended pledge
    synthetic: bool


@dataclass(frozen=True)
class PlaceRow:
    province: Province
    delivered: int
    share_of_total: float  # of everything delivered in the programme
    synthetic: bool


@dataclass(frozen=True)
class ProgrammeStats:
    programme: Programme
    delivered: int
    share: float | None  # delivered / pledged
    synthetic: bool
    weekly: tuple[WeekRow, ...]
    by_province: tuple[PlaceRow, ...]  # largest first; empty for a programme counted from meetings
    decisions: tuple[tuple[Meeting, Decision], ...]

    @property
    def over_pledge(self) -> bool:
        return (self.programme.pledged is not None and self.delivered is not SUPPRESSED
                and self.delivered > self.programme.pledged)


@dataclass(frozen=True)
class ProvinceProgrammeRow:
    programme: Programme
    delivered: int
    synthetic: bool


@dataclass(frozen=True)
class ProvinceWeekRow:
    period: Period
    delivered: tuple[int | None, ...]  # one per programme of ProvinceStats.by_programme; None: not reported
    synthetic: bool


@dataclass(frozen=True)
class ProvinceStats:
    province: Province
    by_programme: tuple[ProvinceProgrammeRow, ...]  # programmes with deliveries here
    weekly: tuple[ProvinceWeekRow, ...]
    centres: tuple[Centre, ...]
    reports: tuple[tuple[Meeting, Report], ...]
    decisions: tuple[tuple[Meeting, Decision], ...]  # decisions that name this province

    @property
    def has_data(self) -> bool:
        return bool(self.by_programme or self.centres or self.reports or self.decisions)

    @property
    def synthetic(self) -> bool:
        return (any(r.synthetic for r in self.by_programme) or any(c.synthetic for c in self.centres)
                or any(m.synthetic for m, _ in self.reports))


@dataclass(frozen=True)
class CentreCountRow:
    province: Province
    counts: tuple[int, ...]  # one per centre type, in CentreTable.types order
    total: int
    synthetic: bool


@dataclass(frozen=True)
class CentreTable:
    types: tuple[str, ...]
    rows: tuple[CentreCountRow, ...]  # provinces with at least one centre
    totals: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class Aggregates:
    programmes: dict[str, ProgrammeStats]
    provinces: dict[str, ProvinceStats]
    centres: CentreTable
    latest_week: JDate | None  # the latest date any figure refers to
    monthly: bool = False  # series are by Jalali month (else by week)
    households: dict[str, HouseholdStats] = field(default_factory=dict)  # from the registers, by programme


def _programme_stats(ds: Dataset, p: Programme, frame: pd.DataFrame,
                     decisions: dict[str, list], monthly: bool) -> ProgrammeStats:
    if p.delivered_from == "meetings":
        counts: dict[str, list] = {}
        for m in ds.meetings:
            row = counts.setdefault(_period_key(m.date.iso, monthly), [0, False])
            row[0] += 1
            row[1] |= m.synthetic
        weekly_pairs = [(_period(key), n, synthetic) for key, (n, synthetic) in counts.items()]
        by_province: tuple[PlaceRow, ...] = ()
    else:
        sub = frame[frame.programme == p.id]
        week = sub.groupby("period", observed=True).agg(quantity=("quantity", "sum"), synthetic=("synthetic", "any"))
        weekly_pairs = [(_period(w), int(q), bool(s)) for w, q, s
                        in zip(week.index, week.quantity.to_numpy(), week.synthetic.to_numpy(), strict=True)]
        prov = sub.groupby("province", observed=True).agg(quantity=("quantity", "sum"),
                                                          synthetic=("synthetic", "any"))
        total = int(prov.quantity.sum())
        by_province = tuple(sorted(
            (PlaceRow(ds.province(code), int(q), int(q) / total if total else 0.0, bool(s))
             for code, q, s in zip(prov.index, prov.quantity.to_numpy(), prov.synthetic.to_numpy(), strict=True)),
            key=lambda row: (-row.delivered, row.province.iso_code)))
    weekly, cumulative = [], 0
    for week_ending, delivered, synthetic in weekly_pairs:
        cumulative += delivered
        share = cumulative / p.pledged if p.pledged else None
        weekly.append(WeekRow(week_ending, delivered, cumulative, share, synthetic))
    return ProgrammeStats(
        programme=p, delivered=cumulative, share=cumulative / p.pledged if p.pledged else None,
        synthetic=any(w.synthetic for w in weekly), weekly=tuple(weekly), by_province=by_province,
        decisions=tuple(decisions.get(p.id, [])))


def _jdate(iso: str) -> JDate:
    y, m, d = (int(x) for x in iso.split("-"))
    return JDate(y, m, d)


def _period_key(week_iso: str, monthly: bool) -> str:
    return week_iso[:7] if monthly else week_iso


def _period(key: str) -> Period:
    """«1400-06-03» is a week, «1400-06» a month."""
    if len(key) == 7:
        return JMonth(int(key[:4]), int(key[5:]))
    return _jdate(key)


def _province_stats(ds: Dataset, province: Province, tables: dict[str, tuple],
                    reports: dict, decisions: dict, centres: dict) -> ProvinceStats:
    by_programme, weekly = [], []
    if province.iso_code in tables:
        per, wide, synthetic = tables[province.iso_code]
        order = [p for p in ds.programmes if p.id in per.index]
        by_programme = [ProvinceProgrammeRow(p, int(per.loc[p.id].quantity), bool(per.loc[p.id].synthetic))
                        for p in order]
        values = wide.reindex(columns=[p.id for p in order]).to_numpy(dtype=float)
        weekly = [ProvinceWeekRow(_period(w), tuple(None if np.isnan(x) else int(x) for x in row), bool(s))
                  for w, row, s in zip(wide.index, values, synthetic, strict=True)]
    return ProvinceStats(province, tuple(by_programme), tuple(weekly),
                         tuple(centres.get(province.iso_code, [])), tuple(reports.get(province.iso_code, [])),
                         tuple(decisions.get(province.iso_code, [])))


def _province_tables(frame: pd.DataFrame) -> dict[str, tuple]:
    """For each province with deliveries: totals per programme, a week × programme table (NaN: not
    reported), and whether each week holds a synthetic figure. Computed for all provinces at once."""
    per = frame.groupby(["province", "programme"], observed=True).agg(
        quantity=("quantity", "sum"), synthetic=("synthetic", "any"))
    wide = frame.pivot_table(index=["province", "period"], columns="programme", values="quantity", aggfunc="sum",
                             observed=True)
    synthetic = frame.groupby(["province", "period"], observed=True).synthetic.any().reindex(wide.index)
    tables = {}
    for code in per.index.get_level_values(0).unique():
        rows = wide.index.get_level_values(0) == code
        tables[str(code)] = (per.xs(code, level=0), wide[rows].droplevel(0),
                             synthetic[rows].to_numpy())
    return tables


def _summed(deliveries: pd.DataFrame, monthly: bool) -> pd.DataFrame:
    """The deliveries summed per period (a week, or a month when `monthly`), province and programme."""
    periods = deliveries.week.map(lambda w: str(w)[:7]) if monthly else deliveries.week
    return deliveries.assign(period=periods).groupby(
        ["period", "province", "programme"], observed=True, sort=True).agg(
        quantity=("quantity", "sum"), synthetic=("synthetic", "any")).reset_index()


def _centre_table(ds: Dataset) -> CentreTable:
    types = tuple(t for t in CENTRE_TYPES if any(c.type == t for c in ds.centres))
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(types))
    synthetic: dict[str, bool] = defaultdict(bool)
    for c in ds.centres:
        counts[c.province][types.index(c.type)] += 1
        synthetic[c.province] |= c.synthetic
    rows = tuple(CentreCountRow(p, tuple(counts[p.iso_code]), sum(counts[p.iso_code]), synthetic[p.iso_code])
                 for p in ds.provinces if p.iso_code in counts)
    totals = tuple(sum(r.counts[i] for r in rows) for i in range(len(types)))
    return CentreTable(types, rows, totals, sum(totals))


def aggregate(ds: Dataset, reuse: Reuse | None = None) -> Aggregates:
    """`reuse`: the sums of the last aggregation (model/reuse.py: the live preview), made again only when
    the deliveries or the registers changed."""
    # every table below is a sum over counties: sum them once (a million county rows become a few
    # thousand province rows), then each programme and province reads its own part
    deliveries = ds.deliveries
    weeks = reused(reuse, "delivery weeks", lambda: set(deliveries.week.unique()), same=(deliveries,)) \
        | {m.id for m in ds.meetings}
    monthly = len(weeks) > WEEKLY_UP_TO
    frame = reused(reuse, "deliveries summed", lambda: _summed(deliveries, monthly), same=(deliveries,),
                   equal=(monthly,))
    by_programme: dict[str, list] = defaultdict(list)
    by_province_decisions: dict[str, list] = defaultdict(list)
    reports: dict[str, list] = defaultdict(list)
    for m in ds.meetings:
        for d in m.decisions:
            if d.programme:
                by_programme[d.programme].append((m, d))
            for code in d.provinces:
                by_province_decisions[code].append((m, d))
        for r in m.reports:
            reports[r.province].append((m, r))
    centres: dict[str, list] = defaultdict(list)
    for c in ds.centres:
        centres[c.province].append(c)
    dates = [m.date for m in ds.meetings] + ([_jdate(str(ds.deliveries.week.max()))] if len(frame) else [])
    tables = reused(reuse, "province tables", lambda: _province_tables(frame), same=(frame,))
    return Aggregates(
        programmes={p.id: _programme_stats(ds, p, frame, by_programme, monthly) for p in ds.programmes},
        provinces={p.iso_code: _province_stats(ds, p, tables, reports, by_province_decisions, centres)
                   for p in ds.provinces},
        centres=_centre_table(ds),
        latest_week=max(dates) if dates else None,
        monthly=monthly,
        households=reused(reuse, "households", lambda: household_stats(ds), same=(ds.registers,),
                          equal=(ds.programmes,)),
    )
