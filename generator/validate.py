"""Stage 2, validate: every file against its schema, then the rules that span files.

Returns every problem at once (errors and warnings). Changes nothing: the normalise stage builds the
dataset from what this stage parsed, and only when it found no error.
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .fields import Mapping, Rec, parse_node
from .load import RawData, RawFile
from .places import PlaceIndex
from .problems import WARNING, Problem
from .schema import SCHEMAS


@dataclass
class Parsed:
    """One file as parsed against its schema: a Rec for a mapping file, a list of Recs otherwise."""

    file: RawFile
    value: Any

    @property
    def records(self) -> list[Rec]:
        if isinstance(self.value, list):
            return [r for r in self.value if isinstance(r, Rec)]
        return [self.value] if isinstance(self.value, Rec) else []


@dataclass
class Validated:
    files: dict[str, list[Parsed]]
    places: PlaceIndex
    problems: list[Problem] = field(default_factory=list)
    # the names of all meeting files, readable or not: a broken meeting file is reported once, not again
    # by every delivery of its week
    meeting_names: set[str] = field(default_factory=set)

    def records(self, kind: str) -> Iterator[tuple[str, Rec]]:
        for parsed in self.files.get(kind, []):
            for rec in parsed.records:
                yield parsed.file.path, rec


def validate(raw: RawData) -> Validated:
    problems = list(raw.problems)
    files: dict[str, list[Parsed]] = defaultdict(list)
    for f in raw.files:
        if f.root is None:
            continue
        schema = SCHEMAS[f.kind]
        if schema.csv:
            if not _check_header(f, schema.shape.item, problems):
                continue
            # a CSV problem is named by its column alone: the line already says which row
            rows = [parse_node(row, schema.shape.item, f.path, "", problems) for row in f.root.value]
            files[f.kind].append(Parsed(f, rows))
        else:
            files[f.kind].append(Parsed(f, parse_node(f.root, schema.shape, f.path, "", problems)))
    names = {PurePosixPath(f.path).stem for f in raw.files if f.kind == "meetings"}
    v = Validated(dict(files), _place_index(files), problems, names)
    for rule in RULES:
        problems.extend(rule(v))
    return v


def _check_header(f: RawFile, row: Mapping, problems: list[Problem]) -> bool:
    columns = f.root.columns or []
    known = [fl.name for fl in row.fields]
    for name in columns:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean «{close[0]}»? " if close else ""
            problems.append(Problem(f.path, 1, name, "csv-header", f"unknown column «{name}»",
                                    f"{hint}the columns are: {', '.join(known)}"))
    missing = [fl.name for fl in row.fields if fl.required and fl.name not in columns]
    for name in missing:
        problems.append(Problem(f.path, 1, name, "csv-header", f"required column «{name}» is missing",
                                f"add a column named {name} to the header line"))
    for row_node in f.root.value:  # drop unknown columns so each row does not repeat the header problem
        row_node.value = {k: v for k, v in row_node.value.items() if k in known}
    return not missing


def _place_index(files: dict[str, list[Parsed]]) -> PlaceIndex:
    def rows(kind: str) -> list[dict]:
        return [r for p in files.get(kind, []) for r in p.records
                if all(v is not None for v in r.values())]
    return PlaceIndex(rows("provinces"), rows("province_aliases"), rows("counties"))


# ---- cross-file rules: each takes the validated data and yields problems -------------------------------

def _unique_ids(v: Validated) -> Iterator[Problem]:
    checks = [("programmes", "id"), ("indicators", "id"), ("centres", "id"), ("counties", "id"),
              ("provinces", "iso_code")]
    for kind, key in checks:
        yield from _unique(((path, rec, key) for path, rec in v.records(kind)), kind)
    sources = [(path, rec, "id") for path, site in v.records("site") for rec in site["sources"] or []]
    yield from _unique(sources, "sources")
    decisions = [(path, d, "id") for path, m in v.records("meetings") for d in m["decisions"] or []]
    yield from _unique(decisions, "decisions")


def _unique(items: Iterator[tuple[str, Rec, str]], what: str) -> Iterator[Problem]:
    first: dict[Any, tuple[str, int]] = {}
    for path, rec, key in items:
        value = rec.get(key)
        if value is None:
            continue
        if value in first:
            fpath, fline = first[value]
            yield Problem(path, rec.line_of(key), rec.path_of(key), "duplicate-id",
                          f"{what} id «{value}» is already used at {fpath}:{fline}",
                          "give each one its own id")
        else:
            first[value] = (path, rec.line_of(key))


def _meeting_files(v: Validated) -> Iterator[Problem]:
    dated = []
    for parsed in v.files.get("meetings", []):
        for rec in parsed.records:
            stem = PurePosixPath(parsed.file.path).stem
            if rec["date"] is not None and rec["date"].iso != stem:
                yield Problem(parsed.file.path, rec.line_of("date"), "date", "meeting-file-name",
                              f"the file is named {stem} but the meeting is dated {rec['date'].iso}",
                              f"rename the file to {rec['date'].iso}.yaml, or correct the date")
            if rec["date"] is not None and rec["number"] is not None:
                dated.append((rec["date"], rec["number"], parsed.file.path, rec))
            for d in rec["decisions"] or []:
                if rec["date"] is not None and d.get("id") and not d["id"].startswith(rec["date"].iso + "-d"):
                    yield Problem(parsed.file.path, d.line_of("id"), d.path_of("id"), "invalid-id",
                                  f"decision id «{d['id']}» does not start with the meeting's date",
                                  f"number this meeting's decisions {rec['date'].iso}-d1, {rec['date'].iso}-d2, …")
    dated.sort(key=lambda t: (t[0], t[1]))
    for (d0, n0, p0, _), (d1, n1, p1, rec) in itertools.pairwise(dated):
        if n1 <= n0:
            yield Problem(p1, rec.line_of("number"), "number", "meetings-out-of-order",
                          f"meeting {n1} is dated {d1.iso}, after meeting {n0} ({p0}, {d0.iso})",
                          "number meetings in the order they were held: "
                          f"this one should be {n0 + 1} or more, or check its date")


def _ids(v: Validated, kind: str, key: str = "id") -> set:
    return {rec[key] for _, rec in v.records(kind) if rec.get(key) is not None}


def _province(v: Validated, path: str, rec: Rec, key: str, value: str | None = None,
              where: str | None = None) -> tuple[str | None, list[Problem]]:
    name = rec.get(key) if value is None else value
    if not name:
        return None, []
    code = v.places.province(name)
    if code:
        return code, []
    return None, [Problem(path, rec.line_of(key), where or rec.path_of(key), "unknown-province",
                          f"«{name}» is not one of the 31 provinces",
                          f"write the province's name as in data/reference/provinces.csv, "
                          f"e.g. «{v.places.suggest_province(name)}»")]


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
                        f"county «{name}» is in {other}, not in {v.places.names_fa[province]}",
                        "correct the province or the county")]
    return [Problem(path, line, where, "unknown-county",
                    f"«{name}» is not a county of {v.places.names_fa[province]} in the county reference",
                    "check the spelling against data/reference/counties.csv, or add the county there; "
                    "leave the cell empty for a province-wide figure")]


def _ref(path: str, rec: Rec, key: str, known: set, code: str, what: str, file: str) -> list[Problem]:
    value = rec.get(key)
    if not value or value in known:
        return []
    close = [k for k in sorted(known) if value in k or k in value]
    close = close or difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.4)
    example = close[0] if close else (sorted(known)[0] if known else "…")
    return [Problem(path, rec.line_of(key), rec.path_of(key), code, f"no {what} has the id «{value}»",
                    f"use an id from {file}, e.g. {example}")]


def _references(v: Validated) -> Iterator[Problem]:
    programmes = _ids(v, "programmes")
    indicators = _ids(v, "indicators")
    meetings = {rec["date"].iso for _, rec in v.records("meetings") if rec.get("date")}
    sources = {s["id"] for _, site in v.records("site") for s in site["sources"] or [] if s.get("id")}
    by_meeting = "data/meetings/"
    for path, rec in v.records("programmes"):
        yield from _ref(path, rec, "pledged_at", meetings, "unknown-meeting", "meeting", by_meeting)
    for path, m in v.records("meetings"):
        yield from _ref(path, m, "source", sources, "unknown-source", "source", "data/site.yaml sources")
        figures = list(m["national_figures"] or [])
        for report in m["reports"] or []:
            _, problems = _province(v, path, report, "province")
            yield from problems
            figures += report["figures"] or []
        for fig in figures:
            yield from _ref(path, fig, "indicator", indicators, "unknown-indicator", "indicator",
                            "data/indicators.yaml")
        for d in m["decisions"] or []:
            yield from _ref(path, d, "programme", programmes, "unknown-programme", "programme",
                            "data/programmes.yaml")
            for i, name in enumerate(d["provinces"] or []):
                _, problems = _province(v, path, d, "provinces", name, f"{d.path_of('provinces')}[{i}]")
                yield from problems
    for kind in ("deliveries", "centres"):
        for path, rec in v.records(kind):
            code, problems = _province(v, path, rec, "province")
            yield from problems
            yield from _county(v, path, rec, code)
            if kind == "deliveries":
                yield from _ref(path, rec, "programme", programmes, "unknown-programme", "programme",
                                "data/programmes.yaml")
            else:
                yield from _ref(path, rec, "reported_at", meetings, "unknown-meeting", "meeting", by_meeting)


def _deliveries(v: Validated) -> Iterator[Problem]:
    meetings = {rec["date"].iso for _, rec in v.records("meetings") if rec.get("date")} | v.meeting_names
    programmes: dict[str, Rec] = {}
    for _, rec in v.records("programmes"):
        if rec.get("id"):
            programmes.setdefault(rec["id"], rec)  # a duplicate id is reported by _unique_ids
    seen: dict[tuple, tuple[str, int]] = {}
    level: dict[tuple, dict[str, tuple[str, int]]] = {}
    rows = []
    for path, rec in v.records("deliveries"):
        if any(rec.get(k) is None for k in ("week_ending", "province", "programme", "quantity")):
            continue
        code = v.places.province(rec["province"])
        county = v.places.county(code, rec["county"]) if code and rec["county"] else ""
        key = (rec["week_ending"], code, county, rec["programme"])
        if code and key in seen:
            fpath, fline = seen[key]
            yield Problem(path, rec.line, "", "duplicate-row",
                          f"a figure for {rec['programme']} in {rec['province']} "
                          f"{('/ ' + rec['county'] + ' ') if rec['county'] else ''}for the week ending "
                          f"{rec['week_ending'].iso} is already given at {fpath}:{fline}",
                          "keep one row per week, place and programme; add the quantities together")
        seen[key] = (path, rec.line)
        if code:
            levels = level.setdefault((rec["week_ending"], code, rec["programme"]), {})
            other = levels.get("province" if county else "county")
            if other:
                yield Problem(path, rec.line, "county", "duplicate-row",
                              f"{rec['province']} has both a province-wide figure and county figures for "
                              f"{rec['programme']} in the week ending {rec['week_ending'].iso} "
                              f"(see {other[0]}:{other[1]}); the total would count them twice",
                              "give either one province-wide row (county empty) or one row per county")
            levels.setdefault("county" if county else "province", (path, rec.line))
        if rec["week_ending"].iso not in meetings:
            yield Problem(path, rec.line_of("week_ending"), "week_ending", "unknown-meeting",
                          f"no meeting was held on {rec['week_ending'].iso}; a week's figures are dated by the "
                          "meeting that reported them",
                          "use the date of a meeting in data/meetings/, or add that meeting's file")
        rows.append((rec["week_ending"], path, rec))
        programme = programmes.get(rec["programme"])
        if programme is not None and programme.get("delivered_from") == "meetings":
            yield Problem(path, rec.line_of("programme"), "programme", "unknown-programme",
                          f"programme «{rec['programme']}» is counted from meetings, not from deliveries",
                          "remove this row; the portal counts the meetings held itself")
    totals: dict[str, int] = defaultdict(int)
    for _, path, rec in sorted(rows, key=lambda t: (t[0], t[1], t[2].line)):
        pid = rec["programme"]
        programme = programmes.get(pid)
        before = totals[pid]
        totals[pid] += rec["quantity"]
        pledged = programme.get("pledged") if programme else None
        if pledged is not None and before <= pledged < totals[pid]:
            yield Problem(path, rec.line_of("quantity"), "quantity", "over-pledge",
                          f"with this row, {pid} has delivered {totals[pid]:,} in all, more than the "
                          f"{pledged:,} pledged",
                          "check the quantity; if the pledge was raised, update «pledged» in "
                          "data/programmes.yaml", severity=WARNING)


RULES = (_unique_ids, _meeting_files, _references, _deliveries)
