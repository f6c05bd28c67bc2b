"""The normalised dataset: typed, frozen records that every later stage reads.

Built by normalise.py from validated data. Provinces and counties are resolved to their reference records,
texts are folded to Persian letters, dates are `JDate`s. Nothing here knows about files any more, except
`where` fields kept for messages.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from generator.lang.jalali import JDate


@dataclass(frozen=True)
class Source:
    id: str
    title_fa: str
    publisher_fa: str
    file: str
    note_fa: str
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    title_en: str = ""
    publisher_en: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Retention:
    """Which old publications stay online (publish.py thins the others; the archive lists them all)."""

    every_week_for_days: int
    then: str  # "month", "season", "year": the last publication of each Jalali month, season, year; "all": every one


@dataclass(frozen=True)
class Site:
    organisation_fa: str
    organisation_en: str
    description_fa: str
    licence_fa: str
    licence_id: str  # "CC-BY-4.0", or ""
    hxl: bool  # a row of HXL hashtags in the CSV downloads
    sources: tuple[Source, ...]
    synthetic_seed: int
    disclosure_threshold: int  # k
    dominance_percent: int  # p of the p% rule
    retention: Retention | None = None  # None: every publication stays online
    site_url: str = ""  # where the site is published, with a final «/»; "" when not known (relative links)
    budget_mb: int = 1000  # the most the publish branch may take as a host serves it (publish.budget_mb)
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    description_en: str = ""
    licence_en: str = ""


@dataclass(frozen=True)
class Province:
    iso_code: str
    name_fa: str
    name_en: str
    population_2016: int
    source: str

    @property
    def slug(self) -> str:
        return self.name_en.lower().replace(" and ", "-").replace(" ", "-")


@dataclass(frozen=True)
class County:
    id: str
    province: str  # ISO code
    name_fa: str
    name_en: str


@dataclass(frozen=True)
class Programme:
    id: str
    name_fa: str
    short_name_fa: str
    name_en: str
    unit: str
    pledged: int | None
    pledge_fa: str
    pledged_at: str  # meeting id
    delivered_from: str  # "deliveries" or "meetings"
    description_fa: str
    # the English edition's (empty when staff gave none: the English pages then show the Persian, marked so)
    short_name_en: str = ""
    pledge_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class Indicator:
    id: str
    name_fa: str
    name_en: str
    unit: str
    definition_fa: str
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    definition_en: str = ""


@dataclass(frozen=True)
class Figure:
    indicator: str
    value: int
    qualifier: str
    period_fa: str
    note_fa: str
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    period_en: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Attendee:
    role_fa: str
    attendance: str
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    role_en: str = ""


@dataclass(frozen=True)
class Report:
    province: str  # ISO code
    reporter_role_fa: str
    summary_fa: str
    figures: tuple[Figure, ...]
    issues_fa: tuple[str, ...]
    actions_fa: tuple[str, ...]
    requests_fa: tuple[str, ...]
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    reporter_role_en: str = ""
    summary_en: str = ""
    issues_en: tuple[str, ...] = ()
    actions_en: tuple[str, ...] = ()
    requests_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    id: str
    text_fa: str
    programme: str  # "" when none
    quantity: int | None
    owner_role_fa: str
    due: JDate | None
    provinces: tuple[str, ...]  # ISO codes; empty = whole country
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    text_en: str = ""
    owner_role_en: str = ""


@dataclass(frozen=True)
class FollowUp:
    """A later meeting's word on an earlier decision: its status, a revised quantity or due date (with the
    reason), or only what was said."""

    decision: str  # the decision's id
    status: str  # "" (no change), "in-progress", "delivered" or "cancelled"
    quantity: int | None  # the revised quantity, if revised
    due: JDate | None  # the revised due date, if revised
    reason_fa: str  # why it was revised or cancelled
    note_fa: str
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    reason_en: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Meeting:
    id: str  # the Jalali date, ASCII: 1400-05-27
    date: JDate
    number: int
    title_fa: str
    synthetic: bool
    source: str
    date_estimated: bool
    date_note_fa: str
    summary_fa: str
    attendees: tuple[Attendee, ...]
    national_figures: tuple[Figure, ...]
    decisions: tuple[Decision, ...]
    reports: tuple[Report, ...]
    follow_ups: tuple[FollowUp, ...] = ()
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    title_en: str = ""
    date_note_en: str = ""
    summary_en: str = ""


@dataclass(frozen=True)
class Centre:
    id: str
    type: str
    province: str  # ISO code
    county: str  # county id or ""
    name_fa: str
    status: str
    opened: JDate | None
    capacity: int | None
    reported_at: str  # meeting id or ""
    synthetic: bool
    note_fa: str


@dataclass(frozen=True)
class Revision:
    """Why published figures were revised (data/revisions.yaml); a correction is published at once."""

    id: str
    date: JDate
    reason_fa: str
    programme: str  # programme id, or "" for any
    province: str  # ISO code, or "" for any
    period: str  # "1400-05-20" (a week), "1400-05" (a month), or "" for any
    correction: bool
    # the English edition's ("" when staff gave none: the English pages show the Persian, marked so)
    reason_en: str = ""


@dataclass(frozen=True)
class Dataset:
    site: Site
    provinces: tuple[Province, ...]  # in ISO code order
    counties: tuple[County, ...]
    programmes: tuple[Programme, ...]  # in file order
    indicators: tuple[Indicator, ...]
    meetings: tuple[Meeting, ...]  # in date order
    # one row per delivery figure, as columns (there may be millions): week (the ISO-style Jalali date of
    # the meeting, "1400-05-27"), province (ISO code), county (county id, "" for a province-wide figure),
    # programme (id), quantity (int64), synthetic (bool), note_fa; sorted by week, programme, province, county
    deliveries: pd.DataFrame
    centres: tuple[Centre, ...]
    # one row per household, programme and month (tables.REGISTER_COLUMNS): household (pseudonymous key),
    # province (ISO code), county (id, "" when not given), programme, month («1400-06»), head_gender,
    # head_age_band, household_size, amount_rials, synthetic. Microdata: only protected tables leave it.
    registers: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    revisions: tuple[Revision, ...] = ()  # in date order
    # the provinces' boundaries (TopoJSON: object `provinces`, geometry ids the ISO codes), for the map
    boundaries: dict = dataclasses.field(default_factory=dict)

    def province(self, iso_code: str) -> Province:
        return next(p for p in self.provinces if p.iso_code == iso_code)

    def programme(self, pid: str) -> Programme:
        return next(p for p in self.programmes if p.id == pid)

    def county(self, cid: str) -> County:
        return next(c for c in self.counties if c.id == cid)

    def indicator(self, iid: str) -> Indicator:
        return next(i for i in self.indicators if i.id == iid)

    def meeting(self, mid: str) -> Meeting:
        return next(m for m in self.meetings if m.id == mid)
