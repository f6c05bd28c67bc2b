"""Which pages the site has, and what each page's template receives.

Every template gets `page` (its context, one of the dataclasses below), `title`, `ln` (links from this
page, render.Links), and the common values: `ds` (the Dataset), `agg` (the Aggregates) and `site`.
A test renders every template and checks that each context field is used, so this list stays true.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.aggregate.households import HouseholdStats
from generator.aggregate.totals import Aggregates, CentreCountRow, CentreTable, ProgrammeStats, ProvinceStats
from generator.aggregate.tracker import STATUSES, Tracked
from generator.history.archive import Entry
from generator.history.changes import Changes, reasons
from generator.lang.edition import FA, Edition
from generator.lang.persian import sort_key
from generator.lang.vocabulary_en import CENTRE_STATUS_EN, CENTRE_TYPES_EN, CENTRE_TYPES_PLURAL_EN
from generator.model.dataset import Centre, Dataset, Indicator, Meeting, Programme, Province, Retention, Revision
from generator.model.figures import Figure
from generator.model.page import Page
from generator.pages import figures as pf
from generator.pages import household_figures as hf
from generator.pages import province_figures as vf
from generator.pages.decision_figures import decisions_table
from generator.schema.files import CENTRE_STATUS, CENTRE_TYPES

PROGRAMMES, PROVINCES, MEETINGS, CENTRES = "programmes", "provinces", "meetings", "centres"
DECISIONS = "decisions.md"
CHANGES = "changes.md"
ARCHIVE = "archive.md"
OPEN_DATA = "open-data.md"
SEARCH = "search.md"  # not in the navigation: the header's search button leads to it

STATUS_MEANINGS = {
    "pledged": "هنوز تحویلی پس از تصمیم گزارش نشده و جلسه‌ها آغاز کار را اعلام نکرده‌اند",
    "in-progress": "تحویل پس از تصمیم آغاز شده یا جلسه‌ای آغاز کار را اعلام کرده است",
    "delivered": "تحویل به هدف رسیده یا جلسه‌ای انجام آن را اعلام کرده است",
    "overdue": "مهلت گذشته و تصمیم هنوز انجام یا لغو نشده است",
    "cancelled": "جلسه‌ای آن را، با ذکر دلیل، لغو کرده است",
}
STATUS_MEANINGS_EN = {
    "pledged": "no delivery reported since the decision, and no meeting has said that work began",
    "in-progress": "deliveries have begun since the decision, or a meeting said that work began",
    "delivered": "deliveries reached the target, or a meeting said it was done",
    "overdue": "the due date has passed, and the decision is neither done nor cancelled",
    "cancelled": "a meeting cancelled it, giving its reason",
}


def programme_path(pid: str) -> str:
    return f"{PROGRAMMES}/{pid}.md"


def province_path(p: Province) -> str:
    return f"{PROVINCES}/{p.slug}.md"


def centres_path(p: Province) -> str:
    """A province's list of centres: a page of its own, so that neither the province's page nor the
    national list of centres grows with every centre the country opens."""
    return f"{CENTRES}/{p.slug}.md"


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
    decisions: tuple[Tracked, ...]  # the decisions about this programme, as tracked
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
    national_population: int
    over_time: Figure | None  # weekly deliveries per programme
    per_capita: Figure | None  # deliveries per 100,000 people here and in the whole country
    households: tuple[Figure, ...]  # households supported here, by county, one figure per programme
    decisions: tuple[Tracked, ...]  # the decisions that name this province, as tracked
    centres_path: str  # the page listing this province's centres
    centres_by_type: tuple[tuple[str, int], ...]  # its centres per type (Persian name, count), largest first


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
    by_province: tuple[tuple[CentreCountRow, str], ...]  # each province with centres, and its centres' page
    synthetic: int  # how many centres are synthetic


@dataclass(frozen=True)
class ProvinceCentresContext:
    province: Province
    province_page: str  # the province's own page
    centres: tuple[Centre, ...]  # its centres, in the order the province's figures list them
    county_names: dict[str, str]
    by_status: tuple[tuple[str, int], ...]  # (Persian status, count): open, planned, then closed
    synthetic: int  # how many of them are synthetic


@dataclass(frozen=True)
class MeetingsContext:
    meetings: tuple[Meeting, ...]  # newest first


@dataclass(frozen=True)
class MeetingContext:
    meeting: Meeting
    previous: Meeting | None
    next: Meeting | None
    indicators: dict[str, Indicator]
    decisions: tuple[Tracked, ...]  # the decisions made in this meeting, as tracked now
    followed: tuple[tuple[Tracked, object], ...]  # decisions of earlier meetings followed up here, with the follow-up
    provinces: tuple[Province, ...]  # every province the meeting concerns: reports and decisions
    concerned: tuple[Programme, ...]  # every programme its decisions and follow-ups concern


@dataclass(frozen=True)
class DecisionsContext:
    tracked: tuple[Tracked, ...]  # every decision, in the order made
    as_of: object  # the date of the latest meeting (JDate), or None
    counts: dict[str, int]  # decisions per status
    meanings: dict[str, str]  # what each status means, in Persian
    progress: dict[str, str]  # decision id -> share of the target delivered ("" when unknown), for sorting
    programmes: tuple[Programme, ...]  # the filter's choices
    provinces: tuple[Province, ...]
    monthly: bool  # series are monthly: the decision's month counts whole
    table: Figure | None


@dataclass(frozen=True)
class MethodologyContext:
    indicators: tuple[Indicator, ...]
    programmes: tuple[Programme, ...]
    synthetic_deliveries: int
    deliveries: int
    synthetic_centres: int
    synthetic_meetings: int
    population_total: int


@dataclass(frozen=True)
class ChangesContext:
    changes: Changes  # figures revised, updated and new since the previous publication
    made: tuple[Tracked, ...]  # decisions made since the previous publication
    closed: tuple[Tracked, ...]  # decisions closed since
    revised: tuple[Tracked, ...]  # decisions whose target or due date changed since
    notes: tuple[Revision, ...]  # entries of data/revisions.yaml that this publication publishes first
    reasons: tuple[tuple[Revision, ...], ...]  # for each of changes.revisions: the notes whose reasons it matches
    corrects: Entry | None  # for a correction: the publication it corrects


def changes_page(changes: Changes, ds: Dataset, agg: Aggregates, tracked: tuple[Tracked, ...],
                 log: tuple[Entry, ...] = (), ed: Edition = FA) -> Page:
    """What changed since the previous publication (changes.py), with the reasons staff gave for the
    revised figures; decisions by the meetings held since; for a correction, what it corrects. `log`: every
    publication up to this one (archive.py), empty for a local build."""
    since = changes.before.day if changes.before else None
    this = log[-1] if log else None
    first = set(this.revisions) if this and changes.before else set()
    notes = tuple(r for r in ds.revisions if r.id in first)

    def after(m: Meeting) -> bool:
        return since is not None and m.date > since

    return Page(CHANGES, "changes.md.j2", ed.pick("چه چیزی تغییر کرد", "What changed"), ChangesContext(
        changes, tuple(t for t in tracked if after(t.meeting)),
        tuple(t for t in tracked if t.closed_at and after(t.closed_at)),
        tuple(t for t in tracked if any(after(r.meeting) for r in t.revisions)), notes,
        reasons(notes, changes.revisions, ds),
        next((e for e in log if this and e.version == this.corrects), None)))


@dataclass(frozen=True)
class ArchiveContext:
    log: tuple[Entry, ...]  # every publication, newest first; empty for a build that is not published
    this: Entry | None  # this publication
    titles: dict[str, str]  # version -> its Persian title, for the removed-in and corrects columns
    retention: Retention | None


def archive_page(ds: Dataset, log: tuple[Entry, ...], ed: Edition = FA) -> Page:
    """Every publication ever made, those taken off the branch by the retention policy included."""
    return Page(ARCHIVE, "archive.md.j2", ed.pick("بایگانی انتشارها", "Archive of publications"), ArchiveContext(
        tuple(reversed(log)), log[-1] if log else None, {e.version: e.title for e in log}, ds.site.retention))


STATUS_ORDER = ("open", "planned", "closed", *CENTRE_STATUS)  # as told


def _by_type(row: CentreCountRow | None, table: CentreTable, ed: Edition = FA) -> tuple[tuple[str, int], ...]:
    """A province's centres per type (the aggregates' count), by name (English: the plural's), the largest
    first."""
    if row is None:
        return ()
    names = CENTRE_TYPES if ed.fa else CENTRE_TYPES_PLURAL_EN
    singular = CENTRE_TYPES if ed.fa else CENTRE_TYPES_EN
    counted = [((singular if n == 1 else names)[kind], n) for kind, n in zip(table.types, row.counts, strict=True)
               if n]
    return tuple(sorted(counted, key=lambda kv: -kv[1]))


def _by_status(centres: tuple[Centre, ...], ed: Edition = FA) -> tuple[tuple[str, int], ...]:
    """How many of `centres` are open, planned and closed (the statuses none has left out)."""
    names = CENTRE_STATUS if ed.fa else CENTRE_STATUS_EN
    counts = {key: sum(c.status == key for c in centres) for key in dict.fromkeys(STATUS_ORDER)}
    return tuple((names[k], n) for k, n in counts.items() if n)


def plan(ds: Dataset, agg: Aggregates, tracked: tuple[Tracked, ...], topology: dict, ed: Edition = FA) -> list[Page]:
    """Every generated page of the site in the edition `ed`, in a stable order (the same paths in both)."""
    province_paths = {p.iso_code: province_path(p) for p in ds.provinces}
    county_names = {c.id: ed.name(c) for c in ds.counties}
    stats = tuple(agg.programmes[p.id] for p in ds.programmes)
    meetings_by_id = {m.id: m for m in ds.meetings}
    indicators = {i.id: i for i in ds.indicators}
    latest = ds.meetings[-1] if ds.meetings else None
    by_programme: dict[str, list[Tracked]] = {}
    by_province: dict[str, list[Tracked]] = {}
    for t in tracked:
        if t.programme:
            by_programme.setdefault(t.programme.id, []).append(t)
        for code in t.decision.provinces:
            by_province.setdefault(code, []).append(t)

    pages = [
        Page("index.md", "home.md.j2", ed.pick("درگاه شفافیت کمک‌های قرارگاه", "Aid transparency portal"), HomeContext(
            headline=stats, latest=latest,
            provinces_with_data=sum(1 for s in agg.provinces.values() if s.has_data),
            centres=agg.centres.total,
            synthetic=any(s.synthetic for s in stats) or bool(latest and latest.synthetic),
            trends=pf.home_trends(ds, agg, ed))),
        Page(f"{PROGRAMMES}/index.md", "programmes.md.j2", ed.pick("برنامه‌ها", "Programmes"),
             ProgrammesContext(stats)),
    ]
    for s in stats:
        pages.append(Page(programme_path(s.programme.id), "programme.md.j2", pf.short(ed, s.programme),
                          ProgrammeContext(s, tuple(by_programme.get(s.programme.id, ())),
                                           meetings_by_id[s.programme.pledged_at],
                                           pf.programme_over_time(s, agg, ed),
                                           pf.programme_by_province(s, agg, province_paths, ed),
                                           pf.programme_map(s, ds, agg, topology, province_paths, ed))))
    pages.append(Page(f"{PROVINCES}/index.md", "provinces.md.j2", ed.pick("استان‌ها", "Provinces"), ProvincesContext(
        tuple((agg.provinces[p.iso_code], province_paths[p.iso_code]) for p in ds.provinces),
        sum(1 for s in agg.provinces.values() if not s.has_data))))
    national = sum(p.population_2016 for p in ds.provinces)
    centre_rows = {row.province.iso_code: row for row in agg.centres.rows}
    for p in ds.provinces:
        pages.append(Page(province_paths[p.iso_code], "province.md.j2",
                          ed.pick(f"استان {p.name_fa}", f"{p.name_en} province"),
                          ProvinceContext(agg.provinces[p.iso_code], national,
                                          vf.province_over_time(agg.provinces[p.iso_code], ds, agg, ed),
                                          vf.province_per_capita(agg.provinces[p.iso_code], ds, agg, ed),
                                          tuple(f for h in agg.households.values()
                                                if (f := hf.province_households(h, p, county_names, agg, ed))),
                                          tuple(by_province.get(p.iso_code, ())), centres_path(p),
                                          _by_type(centre_rows.get(p.iso_code), agg.centres, ed))))
    pages.append(Page(f"{CENTRES}/index.md", "centres.md.j2", ed.pick("مراکز", "Centres"), CentresContext(
        agg.centres, vf.centres_by_province(agg.centres, agg, province_paths, ed),
        tuple((row, centres_path(row.province)) for row in agg.centres.rows),
        sum(c.synthetic for c in ds.centres))))
    for row in agg.centres.rows:
        p, mine = row.province, agg.provinces[row.province.iso_code].centres
        pages.append(Page(centres_path(p), "province-centres.md.j2",
                          ed.pick(f"مراکز استان {p.name_fa}", f"Centres in {p.name_en} province"),
                          ProvinceCentresContext(p, province_paths[p.iso_code], mine, county_names,
                                                 _by_status(mine, ed), sum(c.synthetic for c in mine))))
    pages.append(Page("households.md", "households.md.j2", ed.pick("خانوارهای حمایت‌شده", "Households supported"),
                      HouseholdsContext(tuple(
                          HouseholdSection(h, hf.households_by_province(h, ds, agg, province_paths, ed),
                                           hf.households_by_head(h, agg, ed), hf.households_by_month(h, agg, ed))
                          for h in agg.households.values()))))
    pages.append(Page(f"{MEETINGS}/index.md", "meetings.md.j2", ed.pick("جلسات", "Meetings"),
                      MeetingsContext(tuple(reversed(ds.meetings)))))
    by_id = {t.id: t for t in tracked}
    provinces_by_code = {p.iso_code: p for p in ds.provinces}
    for i, m in enumerate(ds.meetings):
        made = tuple(by_id[d.id] for d in m.decisions)
        followed = tuple((by_id[f.decision], f) for f in m.follow_ups)
        codes = {r.province for r in m.reports} | {c for t in made + tuple(t for t, _ in followed)
                                                   for c in t.decision.provinces}
        concerned = {t.programme.id for t in made + tuple(t for t, _ in followed) if t.programme}
        pages.append(Page(meeting_path(m.id), "meeting.md.j2",
                          ed.pick(f"جلسهٔ {m.date.fa()}", f"Meeting of {ed.date_plain(m.date)}"), MeetingContext(
            m, ds.meetings[i - 1] if i else None, ds.meetings[i + 1] if i + 1 < len(ds.meetings) else None,
            indicators, made, followed, tuple(provinces_by_code[c] for c in sorted(codes)),
            tuple(p for p in ds.programmes if p.id in concerned))))
    pages.append(Page(DECISIONS, "decisions.md.j2", ed.pick("تصمیم‌ها و پیگیری آن‌ها", "Decisions and their follow-up"),
                      DecisionsContext(
        tracked, latest.date if latest else None,
        {key: sum(1 for t in tracked if t.status == key) for key in STATUSES},
        STATUS_MEANINGS if ed.fa else STATUS_MEANINGS_EN,
        {t.id: f"{t.share:.4f}" if isinstance(t.share, float) else "" for t in tracked},
        tuple(p for p in ds.programmes if p.id in by_programme),
        tuple(sorted(ds.provinces, key=lambda p: sort_key(p.name_fa) if ed.fa else p.name_en)), agg.monthly,
        decisions_table(tracked, ds, agg.latest_week, ed))))
    pages.append(Page("methodology.md", "methodology.md.j2", ed.pick("روش‌شناسی و منابع", "Methodology and sources"),
                      MethodologyContext(
        ds.indicators, ds.programmes, int(ds.deliveries.synthetic.sum()), len(ds.deliveries),
        sum(c.synthetic for c in ds.centres), sum(m.synthetic for m in ds.meetings), national)))
    return pages


@dataclass(frozen=True)
class DatasetGroup:
    page: str  # the page's path under content/
    title: str  # the page's title
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class OpenDataContext:
    groups: tuple[DatasetGroup, ...]  # every published table, by the page it is on, in site order
    count: int  # tables
    example_programme: Programme | None  # for the API examples
    example_province: Province | None
    example_meeting: Meeting | None


def open_data_page(ds: Dataset, planned: list[Page], ed: Edition = FA) -> Page:
    """Every published table with its three formats, the data package and the JSON API (open_data.py)."""
    groups = tuple(DatasetGroup(p.path, p.title, tuple(p.figures)) for p in planned if p.figures)
    return Page(OPEN_DATA, "open-data.md.j2", ed.pick("داده‌های باز", "Open data"), OpenDataContext(
        groups, sum(len(g.figures) for g in groups), ds.programmes[0] if ds.programmes else None,
        ds.provinces[0] if ds.provinces else None, ds.meetings[-1] if ds.meetings else None))


@dataclass(frozen=True)
class SearchContext:
    examples: tuple[str, ...]  # queries that find something on this site, shown as examples


def search_page(ds: Dataset, ed: Edition = FA) -> Page:
    """The search page (Pagefind, through assets/javascripts/search.js); its examples come from the data."""
    examples = []
    if ds.provinces:
        examples.append(ed.name(ds.provinces[0]))
    if ds.programmes:
        examples.append(pf.short(ed, ds.programmes[0]))
    if ds.meetings:
        examples.append(ds.meetings[-1].date.fa() if ed.fa else ed.date_plain(ds.meetings[-1].date))
    return Page(SEARCH, "search.md.j2", ed.pick("جستجو", "Search"), SearchContext(tuple(examples)))
