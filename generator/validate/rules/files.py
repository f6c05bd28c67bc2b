"""Rules across the data files (part of the validate stage; validate/run.py runs them with the others): ids given
once, meeting files named by their date and numbered in date order, decision and revision ids made of their
date, and every reference resolved: provinces, counties, programmes, indicators, meetings and sources.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from generator.lang.jalali import DateError, parse_jalali, parse_jalali_month
from generator.lang.messages import t
from generator.model.problems import Problem
from generator.schema.fields import Rec, mappings
from generator.validate.validated import problems_on_rows

if TYPE_CHECKING:
    from generator.validate.validated import Validated


def unique_ids(v: Validated) -> Iterator[Problem]:
    checks = [("programmes", "id"), ("indicators", "id"), ("centres", "id"), ("counties", "id"),
              ("provinces", "iso_code"), ("revisions", "id")]
    for kind, key in checks:
        yield from _unique(((path, rec, key) for path, rec in v.records(kind)), _ONE[kind])
    sources = [(path, rec, "id") for path, site in v.records("site") for rec in site["sources"] or []]
    yield from _unique(sources, t("source"))
    # an item that is not a mapping (a bare id under `decisions:`) has its own message from the schema
    decisions = [(path, d, "id") for path, m in v.records("meetings") for d in mappings(m["decisions"])]
    yield from _unique(decisions, t("decision"))


_ONE = {"programmes": t("programme"), "indicators": t("indicator"), "centres": t("centre"),
        "counties": t("county"), "provinces": t("province"), "revisions": t("revision")}


def _unique(items: Iterator[tuple[str, Rec, str]], what: str) -> Iterator[Problem]:
    first: dict[Any, tuple[str, int]] = {}
    for path, rec, key in items:
        value = rec.get(key)
        if value is None:
            continue
        if value in first:
            fpath, fline = first[value]
            yield Problem(path, rec.line_of(key), rec.path_of(key), "duplicate-id",
                          t("{what} id «{value}» is already used at {place}", what=what, value=value,
                            place=f"{fpath}:{fline}"),
                          t("give each one its own id"))
        else:
            first[value] = (path, rec.line_of(key))


def meeting_files(v: Validated) -> Iterator[Problem]:
    dated = []
    for parsed in v.files.get("meetings", []):
        for rec in parsed.records:
            stem = PurePosixPath(parsed.file.path).stem
            if rec["date"] is not None and rec["date"].iso != stem:
                yield Problem(parsed.file.path, rec.line_of("date"), "date", "meeting-file-name",
                              t("the file is named {stem} but the meeting is dated {date}", stem=stem,
                                date=rec["date"].iso),
                              t("rename the file to {date}.yaml, or correct the date", date=rec["date"].iso))
            if rec["date"] is not None and rec["number"] is not None:
                dated.append((rec["date"], rec["number"], parsed.file.path, rec))
            for d in mappings(rec["decisions"]):
                if rec["date"] is not None and d.get("id") and not d["id"].startswith(rec["date"].iso + "-d"):
                    yield Problem(parsed.file.path, d.line_of("id"), d.path_of("id"), "invalid-id",
                                  t("decision id «{id}» does not start with the meeting's date", id=d["id"]),
                                  t("number this meeting's decisions {date}-d1, {date}-d2, …",
                                    date=rec["date"].iso))
    dated.sort(key=lambda t: (t[0], t[1]))
    for (d0, n0, p0, _), (d1, n1, p1, rec) in itertools.pairwise(dated):
        if n1 <= n0:
            yield Problem(p1, rec.line_of("number"), "number", "meetings-out-of-order",
                          t("meeting {n1} is dated {d1}, after meeting {n0} ({p0}, {d0})", n1=n1, d1=d1.iso,
                            n0=n0, p0=p0, d0=d0.iso),
                          t("number meetings in the order they were held: this one should be {next} or more, "
                            "or check its date", next=n0 + 1))


def revisions(v: Validated) -> Iterator[Problem]:
    """data/revisions.yaml: ids made of the date, the programme and province known, the period a week or
    a month."""
    programmes = _ids(v, "programmes")
    meetings = {rec["date"].iso for _, rec in v.records("meetings") if rec.get("date")}
    for path, rec in v.records("revisions"):
        if rec.get("date") is not None and rec.get("id") and not re.fullmatch(
                re.escape(rec["date"].iso) + r"-r[0-9]+", rec["id"]):
            yield Problem(path, rec.line_of("id"), rec.path_of("id"), "invalid-id",
                          t("revision id «{id}» is not its date, -r and a number", id=rec["id"]),
                          t("number the revisions of that day {date}-r1, {date}-r2, …", date=rec["date"].iso))
        yield from _ref(path, rec, "programme", programmes, "unknown-programme", "programme",
                        "data/programmes.yaml")
        yield from _province(v, path, rec, "province")[1]
        if period := rec.get("period"):
            try:
                week = (parse_jalali if len(period) > 7 else parse_jalali_month)(period)
            except DateError as exc:
                yield Problem(path, rec.line_of("period"), rec.path_of("period"), exc.code,
                              t("period «{period}»: {problem}", period=period, problem=exc.message),
                              t("write the week as its meeting's date (1400-05-20) or the month (1400-05)"))
                continue
            if len(period) > 7 and week.iso not in meetings:
                close = sorted(meetings, key=lambda m: abs(parse_jalali(m).to_gregorian().toordinal()
                                                          - week.to_gregorian().toordinal()))[:1]
                yield Problem(path, rec.line_of("period"), rec.path_of("period"), "unknown-meeting",
                              t("period «{period}» is not a week of the site: weeks are named by the meeting "
                                "that reported them", period=period),
                              t("use a meeting's date, e.g. {close}, or the month ({month})", close=close[0],
                                month=week.iso[:7]) if close
                              else t("use a meeting's date, or the month ({month})", month=week.iso[:7]))


def _ids(v: Validated, kind: str, key: str = "id") -> set:
    return {rec[key] for _, rec in v.records(kind) if rec.get(key) is not None}


def _province(v: Validated, path: str, rec: Rec, key: str, value: str | None = None,
              where: str | None = None, item: int | None = None) -> tuple[str | None, list[Problem]]:
    name = rec.get(key) if value is None else value
    if not name:
        return None, []
    code = v.places.province(name)
    if code:
        return code, []
    within = [v.places.names_fa.get(c, c) for c in v.places.county_provinces(name)]
    if within:  # a county's name where its province belongs: say which province it is in
        return None, [Problem(path, rec.line_of(key, item), where or rec.path_of(key), "unknown-province",
                              t("«{name}» is a county of {province}, not a province", name=name,
                                province="، ".join(within)),
                              t("write the province, «{province}», and the county in its own column (county)",
                                province=within[0]))]
    return None, [Problem(path, rec.line_of(key, item), where or rec.path_of(key), "unknown-province",
                          t("«{name}» is not one of the 31 provinces", name=name),
                          t("write the province's name as in data/reference/provinces.csv, e.g. «{example}»",
                            example=v.places.suggest_province(name)))]


def _county(v: Validated, path: str, rec: Rec, province: str | None) -> list[Problem]:
    name = rec.get("county")
    if not name or province is None:
        return []
    if v.places.county(province, name):
        return []
    elsewhere = v.places.county_provinces(name)
    line, where = rec.line_of("county"), rec.path_of("county")
    if elsewhere:
        other = "، ".join(v.places.names_fa[c] for c in elsewhere)
        return [Problem(path, line, where, "county-province-mismatch",
                        t("county «{name}» is in {other}, not in {province}", name=name, other=other,
                          province=v.places.names_fa[province]),
                        t("correct the province or the county"))]
    return [Problem(path, line, where, "unknown-county",
                    t("«{name}» is not a county of {province} in the county reference", name=name,
                      province=v.places.names_fa[province]),
                    t("check the spelling against data/reference/counties.csv, or add the county there; "
                      "leave the cell empty for a province-wide figure"))]


def _ref(path: str, rec: Rec, key: str, known: set, code: str, what: str, file: str) -> list[Problem]:
    value = rec.get(key)
    if not value or value in known:
        return []
    close = [k for k in sorted(known) if value in k or k in value]
    close = close or difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.4)
    example = close[0] if close else (sorted(known)[0] if known else "…")
    return [Problem(path, rec.line_of(key), rec.path_of(key), code,
                    t("no {what} has the id «{value}»", what=t(what), value=value),
                    t("use an id from {file}, e.g. {example}", file=file, example=example))]


def references(v: Validated) -> Iterator[Problem]:
    programmes = _ids(v, "programmes")
    indicators = _ids(v, "indicators")
    meetings = {rec["date"].iso for _, rec in v.records("meetings") if rec.get("date")}
    sources = {s["id"] for _, site in v.records("site") for s in site["sources"] or [] if s.get("id")}
    by_meeting = "data/meetings/"
    for path, rec in v.records("programmes"):
        yield from _ref(path, rec, "pledged_at", meetings, "unknown-meeting", "meeting", by_meeting)
    for path, m in v.records("meetings"):
        yield from _ref(path, m, "source", sources, "unknown-source", "source", "data/site.yaml sources")
        figures = mappings(m["national_figures"])
        for report in mappings(m["reports"]):
            _, problems = _province(v, path, report, "province")
            yield from problems
            figures += mappings(report["figures"])
        for fig in figures:
            yield from _ref(path, fig, "indicator", indicators, "unknown-indicator", "indicator",
                            "data/indicators.yaml")
        for d in mappings(m["decisions"]):
            yield from _ref(path, d, "programme", programmes, "unknown-programme", "programme",
                            "data/programmes.yaml")
            for i, name in enumerate(d["provinces"] or []):
                if not isinstance(name, str):
                    continue  # a blank ("") left to fill in: reported as such
                _, problems = _province(v, path, d, "provinces", name, f"{d.path_of('provinces')}[{i}]", i)
                yield from problems
    for kind, key, known, code, what, file in (
            ("deliveries", "programme", programmes, "unknown-programme", "programme", "data/programmes.yaml"),
            ("centres", "reported_at", meetings, "unknown-meeting", "meeting", by_meeting),
            ("registers", "programme", programmes, "unknown-programme", "programme", "data/programmes.yaml")):
        for parsed in v.files.get(kind, []):
            columns, path = parsed.value, parsed.file.path
            # each distinct place and reference is checked once; its problems go on every row that has it
            combos, rows = columns.distinct("province", "county")
            found = {}
            for k, (province, county) in enumerate(combos):
                rec = Rec({"province": province, "county": county}, 0, {}, "")
                resolved, problems = _province(v, path, rec, "province")
                found[k] = problems + _county(v, path, rec, resolved)
            yield from problems_on_rows(found, rows, columns.lines)
            combos, rows = columns.distinct(key)
            found = {k: _ref(path, Rec({key: value}, 0, {}, ""), key, known, code, what, file)
                     for k, (value,) in enumerate(combos)}
            yield from problems_on_rows(found, rows, columns.lines)
