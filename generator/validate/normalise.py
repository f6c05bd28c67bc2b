"""Normalise: validated data → the typed `Dataset` every later stage reads.

Texts are already folded to Persian letters and numbers read from any digits by the schema's value types
(schema/files.py, persian.py); here every province name becomes its ISO code, every county name its county id,
meetings are put in date order and given their ids; delivery rows stay columns (a pandas frame, already
resolved by validation). Runs only on data that validated without errors, so
nothing here reports problems.
"""

from __future__ import annotations

from typing import Any

from generator.lang.jalali import parse_jalali, parse_jalali_month
from generator.model.dataset import (
    Attendee,
    Centre,
    County,
    Dataset,
    Decision,
    Figure,
    FollowUp,
    Indicator,
    Meeting,
    Programme,
    Province,
    Report,
    Retention,
    Revision,
    Site,
    Source,
)
from generator.model.reuse import reused
from generator.schema.fields import Rec
from generator.schema.files import CENTRE_TYPES
from generator.validate.tables import DELIVERY_COLUMNS
from generator.validate.validated import Validated


def _build(cls, rec: Rec, **overrides: Any):
    values = {name: rec[name] for name in cls.__dataclass_fields__ if name in rec}
    values.update(overrides)
    return cls(**values)


def _figures(recs: list[Rec]) -> tuple[Figure, ...]:
    return tuple(_build(Figure, r) for r in recs or [])


def _period(text: str) -> str:
    """A revision's period as the downloads write it: «1400-05-20» or «1400-05» (any digits typed)."""
    if not text:
        return ""
    return (parse_jalali(text) if len(text) > 7 else parse_jalali_month(text)).iso


def normalise(v: Validated) -> Dataset:
    places = v.places

    def province(name: str) -> str:
        code = places.province(name)
        assert code is not None, f"unvalidated province {name!r}"
        return code

    def county(code: str, name: str) -> str:
        return places.county(code, name) if name else ""

    site_rec = next(rec for _, rec in v.records("site"))
    site = _build(Site, site_rec, sources=tuple(_build(Source, s) for s in site_rec["sources"]),
                  retention=_build(Retention, site_rec["retention"]) if site_rec.get("retention") else None,
                  budget_mb=(site_rec.get("publish") or {}).get("budget_mb", 1000))
    provinces = sorted((_build(Province, r, iso_code=r["iso_code"].upper())
                        for _, r in v.records("provinces")), key=lambda p: p.iso_code)
    counties = tuple(_build(County, r, province=r["province"].upper()) for _, r in v.records("counties"))
    programmes = tuple(_build(Programme, r) for _, r in v.records("programmes"))
    indicators = tuple(_build(Indicator, r) for _, r in v.records("indicators"))

    meetings = []
    for _, m in v.records("meetings"):
        reports = tuple(_build(Report, r, province=province(r["province"]), figures=_figures(r["figures"]),
                               issues_fa=tuple(r["issues_fa"]), actions_fa=tuple(r["actions_fa"]),
                               requests_fa=tuple(r["requests_fa"]), issues_en=tuple(r["issues_en"]),
                               actions_en=tuple(r["actions_en"]), requests_en=tuple(r["requests_en"]))
                        for r in m["reports"])
        # a province named twice (or by its name and its code) is one province
        decisions = tuple(_build(Decision, d, provinces=tuple(dict.fromkeys(province(p) for p in d["provinces"])))
                          for d in m["decisions"])
        meetings.append(_build(Meeting, m, id=m["date"].iso, national_figures=_figures(m["national_figures"]),
                               attendees=tuple(_build(Attendee, a) for a in m["attendees"]),
                               decisions=decisions, reports=reports,
                               follow_ups=tuple(_build(FollowUp, f) for f in m["follow_ups"])))
    meetings.sort(key=lambda m: m.date)

    deliveries = reused(v.reuse, "deliveries sorted",
                        lambda: (v.deliveries.loc[:, list(DELIVERY_COLUMNS)]
                                 .sort_values(["week", "programme", "province", "county"], kind="stable",
                                              ignore_index=True)),
                        same=(v.deliveries,))

    centres = []
    for _, r in v.records("centres"):
        code = province(r["province"])
        centres.append(_build(Centre, r, province=code, county=county(code, r["county"])))
    types = list(CENTRE_TYPES)
    centres.sort(key=lambda c: (c.province, types.index(c.type), c.id))

    revisions = sorted((_build(Revision, r, province=province(r["province"]) if r["province"] else "",
                               period=_period(r["period"]))
                        for _, r in v.records("revisions")), key=lambda r: (r.date, r.id))

    return Dataset(site=site, provinces=tuple(provinces), counties=counties, programmes=programmes,
                   indicators=indicators, meetings=tuple(meetings), deliveries=deliveries,
                   centres=tuple(centres), registers=v.registers,
                   revisions=tuple(revisions), boundaries=v.boundaries or {})
