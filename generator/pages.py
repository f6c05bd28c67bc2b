"""Which pages the site has, and what each page's template receives.

Every template gets `page` (its context, one of the dataclasses below), `title`, `ln` (links from this
page, render.Links), and the common values: `ds` (the Dataset), `agg` (the Aggregates) and `site`.
A test renders every template and checks that each context field is used, so this list stays true.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import household_figures as hf
from . import page_figures as pf
from .aggregate import Aggregates, CentreTable, ProgrammeStats, ProvinceStats
from .figures import Figure
from .households import HouseholdStats
from .model import Centre, Dataset, Indicator, Meeting, Programme, Province
from .render import Page

PROGRAMMES, PROVINCES, MEETINGS = "programmes", "provinces", "meetings"


def programme_path(pid: str) -> str:
    return f"{PROGRAMMES}/{pid}.md"


def province_path(p: Province) -> str:
    return f"{PROVINCES}/{p.slug}.md"


def meeting_path(mid: str) -> str:
    return f"{MEETINGS}/{mid}.md"


@dataclass(frozen=True)
class HomeContext:
    headline: tuple[ProgrammeStats, ...]  # every programme, in data order
    latest: Meeting | None  # the latest meeting
    provinces_with_data: int
    centres: int
    synthetic: bool  # any figure on the page is synthetic
    trends: Figure | None  # share of each pledge delivered, week by week


@dataclass(frozen=True)
class ProgrammesContext:
    stats: tuple[ProgrammeStats, ...]


@dataclass(frozen=True)
class ProgrammeContext:
    stats: ProgrammeStats
    pledged_at: Meeting  # the meeting that made the pledge
    over_time: Figure | None  # weekly and cumulative deliveries against the pledge
    by_province: Figure | None  # deliveries per province
    map: Figure | None  # deliveries per 100,000 people, all 31 provinces


@dataclass(frozen=True)
class ProvincesContext:
    rows: tuple[tuple[ProvinceStats, str], ...]  # every province with its page path, in ISO order
    without_data: int


@dataclass(frozen=True)
class ProvinceContext:
    stats: ProvinceStats
    county_names: dict[str, str]  # county id -> Persian name
    national_population: int
    over_time: Figure | None  # weekly deliveries per programme
    per_capita: Figure | None  # deliveries per 100,000 people here and in the whole country
    households: tuple[Figure, ...]  # households supported here, by county, one figure per programme


@dataclass(frozen=True)
class HouseholdSection:
    stats: HouseholdStats
    by_province: Figure
    heads: Figure
    months: Figure | None  # only with two months or more


@dataclass(frozen=True)
class HouseholdsContext:
    sections: tuple[HouseholdSection, ...]  # one per programme with a register, in programme order


@dataclass(frozen=True)
class CentresContext:
    table: CentreTable
    by_type: Figure | None  # centres per province and type
    by_province: tuple[tuple[Province, str, tuple[Centre, ...]], ...]  # province, page path, its centres
    county_names: dict[str, str]
    synthetic: int  # how many centres are synthetic


@dataclass(frozen=True)
class MeetingsContext:
    meetings: tuple[Meeting, ...]  # newest first


@dataclass(frozen=True)
class MeetingContext:
    meeting: Meeting
    previous: Meeting | None
    next: Meeting | None
    province_paths: dict[str, str]
    indicators: dict[str, Indicator]
    programmes: dict[str, Programme]


@dataclass(frozen=True)
class MethodologyContext:
    indicators: tuple[Indicator, ...]
    programmes: tuple[Programme, ...]
    synthetic_deliveries: int
    deliveries: int
    synthetic_centres: int
    synthetic_meetings: int
    population_total: int


def plan(ds: Dataset, agg: Aggregates, topology: dict) -> list[Page]:
    """Every generated page of the site, in a stable order."""
    province_paths = {p.iso_code: province_path(p) for p in ds.provinces}
    county_names = {c.id: c.name_fa for c in ds.counties}
    stats = tuple(agg.programmes[p.id] for p in ds.programmes)
    meetings_by_id = {m.id: m for m in ds.meetings}
    indicators = {i.id: i for i in ds.indicators}
    programmes = {p.id: p for p in ds.programmes}
    latest = ds.meetings[-1] if ds.meetings else None

    pages = [
        Page("index.md", "home.md.j2", "درگاه شفافیت کمک‌های قرارگاه", HomeContext(
            headline=stats, latest=latest,
            provinces_with_data=sum(1 for s in agg.provinces.values() if s.has_data),
            centres=agg.centres.total,
            synthetic=any(s.synthetic for s in stats) or bool(latest and latest.synthetic),
            trends=pf.home_trends(ds, agg))),
        Page(f"{PROGRAMMES}/index.md", "programmes.md.j2", "برنامه‌ها", ProgrammesContext(stats)),
    ]
    for s in stats:
        pages.append(Page(programme_path(s.programme.id), "programme.md.j2", s.programme.short_name_fa,
                          ProgrammeContext(s, meetings_by_id[s.programme.pledged_at], pf.programme_over_time(s, agg),
                                           pf.programme_by_province(s, agg, province_paths),
                                           pf.programme_map(s, ds, agg, topology, province_paths))))
    pages.append(Page(f"{PROVINCES}/index.md", "provinces.md.j2", "استان‌ها", ProvincesContext(
        tuple((agg.provinces[p.iso_code], province_paths[p.iso_code]) for p in ds.provinces),
        sum(1 for s in agg.provinces.values() if not s.has_data))))
    national = sum(p.population_2016 for p in ds.provinces)
    for p in ds.provinces:
        pages.append(Page(province_paths[p.iso_code], "province.md.j2", f"استان {p.name_fa}",
                          ProvinceContext(agg.provinces[p.iso_code], county_names, national,
                                          pf.province_over_time(agg.provinces[p.iso_code], ds, agg),
                                          pf.province_per_capita(agg.provinces[p.iso_code], ds, agg),
                                          tuple(f for h in agg.households.values()
                                                if (f := hf.province_households(h, p, county_names, agg))))))
    by_province = tuple((p, province_paths[p.iso_code], agg.provinces[p.iso_code].centres)
                        for p in ds.provinces if agg.provinces[p.iso_code].centres)
    pages.append(Page("centres/index.md", "centres.md.j2", "مراکز", CentresContext(
        agg.centres, pf.centres_by_province(agg.centres, agg, province_paths), by_province, county_names,
        sum(c.synthetic for c in ds.centres))))
    pages.append(Page("households.md", "households.md.j2", "خانوارهای حمایت‌شده", HouseholdsContext(tuple(
        HouseholdSection(h, hf.households_by_province(h, ds, agg, province_paths), hf.households_by_head(h, agg),
                         hf.households_by_month(h, agg)) for h in agg.households.values()))))
    pages.append(Page(f"{MEETINGS}/index.md", "meetings.md.j2", "جلسات",
                      MeetingsContext(tuple(reversed(ds.meetings)))))
    for i, m in enumerate(ds.meetings):
        pages.append(Page(meeting_path(m.id), "meeting.md.j2", f"جلسهٔ {m.date.fa()}", MeetingContext(
            m, ds.meetings[i - 1] if i else None, ds.meetings[i + 1] if i + 1 < len(ds.meetings) else None,
            province_paths, indicators, programmes)))
    pages.append(Page("methodology.md", "methodology.md.j2", "روش‌شناسی و منابع", MethodologyContext(
        ds.indicators, ds.programmes, int(ds.deliveries.synthetic.sum()), len(ds.deliveries),
        sum(c.synthetic for c in ds.centres), sum(m.synthetic for m in ds.meetings), national)))
    return pages
