"""Stage 2, validate: every file against its schema, then the rules that span files.

Returns every problem at once (errors and warnings). Changes nothing: the normalise stage builds the
dataset from what this stage parsed, and only when it found no error.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from . import personal_data
from .date_rules import dates_in_window
from .decision_rules import follow_ups, small_people_quantities
from .fields import Columns, ListOf, Mapping, Rec, mappings, parse_node, parse_table, typed_columns, typed_in_rec
from .jalali import DateError, parse_jalali, parse_jalali_month
from .messages import t
from .places import PlaceIndex
from .problems import Problem, errors_in
from .publication import DEFAULT_K
from .raw import Node, RawData, RawFile, Table
from .reference_rules import ISO_CODE, reference_files, renamed_codes
from .schema import IDENTIFYING_COLUMNS, SCHEMAS
from .tables import check_deliveries, check_registers, delivery_frame, problems_on_rows, register_frame
from .text_rules import small_counts_in_texts


@dataclass
class Parsed:
    """One file as parsed against its schema: a Rec for a mapping file, a list of Recs otherwise."""

    file: RawFile
    value: Any

    @property
    def records(self) -> Iterator[Rec] | list[Rec]:
        if isinstance(self.value, Columns):
            return self.value.records()
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
    # the delivery rows, column by column (see delivery_frame): millions of rows are checked as columns
    deliveries: pd.DataFrame = field(default_factory=pd.DataFrame)
    # every text staff marked private (`((خصوصی …))`): gone from the dataset, and the audit checks that it
    # appears nowhere on the built site
    private_texts: list[str] = field(default_factory=list)
    # every household key of the registers: pseudonyms, never published; the audit checks none is on the site
    register_keys: list[str] = field(default_factory=list)
    # the register rows, column by column (see register_frame)
    registers: pd.DataFrame = field(default_factory=pd.DataFrame)
    # the province boundaries as read (TopoJSON), checked against the provinces by reference_rules.py
    boundaries: dict | None = None

    def records(self, kind: str) -> Iterator[tuple[str, Rec]]:
        for parsed in self.files.get(kind, []):
            for rec in parsed.records:
                yield parsed.file.path, rec

    def setting(self, name: str, default: Any) -> Any:
        """A setting of data/site.yaml as read (the default while it is missing or unreadable)."""
        return next((rec.get(name) for _, rec in self.records("site")), None) or default

    def problems_in_values(self, wanted: Callable[[Any], bool], problems_of: Callable[[str, int, str, Any],
                           list[Problem]], skip: frozenset[str] = frozenset()) -> Iterator[Problem]:
        """What `problems_of(path, line, field, value)` finds in each value of a field whose type is `wanted`,
        in every file but those of the kinds in `skip`. A CSV column's distinct values are looked at once,
        and a problem is put on every row that holds its value."""
        for kind, files in self.files.items():
            if kind in skip:
                continue
            shape = SCHEMAS[kind].shape
            row = shape.item if isinstance(shape, ListOf) else shape
            for parsed in files:
                path = parsed.file.path
                if isinstance(parsed.value, Columns):
                    for name, values, codes in typed_columns(parsed.value, row, wanted):
                        found = {i: problems_of(path, 0, name, value) for i, value in enumerate(values)
                                 if value is not None}
                        yield from problems_on_rows(found, codes, parsed.value.lines)
                    continue
                for rec in parsed.records:
                    for line, where, value in typed_in_rec(rec, row, wanted):
                        yield from problems_of(path, line, where, value)

    @property
    def threshold(self) -> int:
        """k: the smallest count of people that is published (site.yaml `disclosure_threshold`)."""
        return self.setting("disclosure_threshold", DEFAULT_K)


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
            files[f.kind].append(Parsed(f, parse_table(f.root, schema.shape.item, f.path, problems)))
        else:
            files[f.kind].append(Parsed(f, parse_node(f.root, schema.shape, f.path, "", problems)))
    names = {PurePosixPath(f.path).stem for f in raw.files if f.kind == "meetings"}
    places = _place_index(files, raw.boundaries)
    v = Validated(dict(files), places, problems, names, delivery_frame(files.get("deliveries", []), places),
                  _private_texts(raw), boundaries=raw.boundaries)
    for rule in RULES:
        problems.extend(rule(v))
    v.register_keys = sorted({str(k) for parsed in files.get("registers", [])
                              for k in parsed.value.values.get("household", ()) if k})
    if not errors_in(problems):
        v.registers = register_frame(files.get("registers", []), places)
    return v


def _private_texts(raw: RawData) -> list[str]:
    """The private spans of every file, as typed (read from the raw texts: parsing removes them)."""
    found: list[str] = []

    def walk(node: Node) -> None:
        if isinstance(node.value, str):
            if "((" in node.value:
                found.extend(personal_data.private_spans(node.value))
        else:
            for child in node.value.values() if isinstance(node.value, dict) else node.value:
                walk(child)

    for f in raw.files:
        if isinstance(f.root, Table):
            for column in f.root.cells.values():
                for text in column.categories:
                    if "((" in str(text):
                        found.extend(personal_data.private_spans(str(text)))
        elif f.root is not None:
            walk(f.root)
    return sorted(set(found))


def _check_header(f: RawFile, row: Mapping, problems: list[Problem]) -> bool:
    columns = f.root.columns or []
    known = [fl.name for fl in row.fields]
    identifying = [name for name in columns if f.kind == "registers" and _identifying(name)]
    for name in identifying:
        problems.append(Problem(f.path, 1, name, "personal-data",
                                t("column «{name}» could identify a person; a register holds pseudonymised rows "
                                  "only, and this file is not read at all", name=name),
                                t("delete the column (and keep the file with it out of the repository); identify "
                                  "households by the pseudonymous key in «household»")))
    if identifying:
        return False
    for name in columns:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            columns_are = ", ".join(known)
            problems.append(Problem(f.path, 1, name, "csv-header", t("unknown column «{name}»", name=name),
                                    t("did you mean «{close}»? the columns are: {columns}", close=close[0],
                                      columns=columns_are) if close
                                    else t("the columns are: {columns}", columns=columns_are)))
    missing = [fl.name for fl in row.fields if fl.required and fl.name not in columns]
    for name in missing:
        problems.append(Problem(f.path, 1, name, "csv-header", t("required column «{name}» is missing", name=name),
                                t("add a column named {name} to the header line", name=name)))
    return not missing


def _identifying(column: str) -> bool:
    key = column.strip().lower().replace(" ", "_").replace("-", "_").replace("\u200c", "_")
    return key in IDENTIFYING_COLUMNS or any(key.startswith(c + "_") or key.endswith("_" + c)
                                             for c in IDENTIFYING_COLUMNS if len(c) > 4)


def _place_index(files: dict[str, list[Parsed]], boundaries: dict | None) -> PlaceIndex:
    """The places that data may name: the reference's provinces, and the aliases and counties of those
    provinces (one of another code is reported by reference_rules.py, and means nothing here; one of a
    province whose code was changed in provinces.csv alone is still that province's)."""
    def rows(kind: str) -> list[dict]:
        return [r for p in files.get(kind, []) for r in p.records
                if all(v is not None for v in r.values())]
    every = rows("provinces")
    renamed = renamed_codes(every, boundaries)
    # a code typed wrong («IR-1») stands for the code its boundary and counties use, which is reported
    mistyped = {new: old for old, new in renamed.items() if not ISO_CODE.match(new)}
    provinces = [r if ISO_CODE.match(str(r["iso_code"]).upper()) else {**r, "iso_code": mistyped[str(r["iso_code"])
                                                                                               .upper()]}
                 for r in every if ISO_CODE.match(str(r["iso_code"]).upper()) or str(r["iso_code"]).upper() in mistyped]
    codes = {str(r["iso_code"]).upper() for r in provinces}
    changed = {old: new for old, new in renamed.items() if ISO_CODE.match(new)}

    def of(row: dict, key: str) -> dict | None:
        code = str(row[key]).upper()
        code = changed.get(code, code)
        return {**row, key: code} if code in codes else None

    return PlaceIndex(provinces, [r for a in rows("province_aliases") if (r := of(a, "iso_code"))],
                      [r for c in rows("counties") if (r := of(c, "province"))])


# ---- cross-file rules: each takes the validated data and yields problems -------------------------------

def _unique_ids(v: Validated) -> Iterator[Problem]:
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


def _meeting_files(v: Validated) -> Iterator[Problem]:
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


def _revisions(v: Validated) -> Iterator[Problem]:
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


def _personal_data(v: Validated) -> Iterator[Problem]:
    """Every text of every file, scanned for personal data (private spans are already gone)."""
    def found(path: str, line: int, where: str, value: Any) -> list[Problem]:
        return [_personal_problem(path, line, where, f) for f in personal_data.find(value)] \
            if isinstance(value, str) else []
    yield from v.problems_in_values(lambda shape: True, found)


def _personal_problem(path: str, line: int, where: str, found: personal_data.Finding) -> Problem:
    return Problem(path, line, where, "personal-data",
                   t("the text holds what looks like {kind} ({masked}); personal data is never published",
                     kind=t(found.kind), masked=found.masked),
                   t("delete it, or keep it in the text as a private span: ((خصوصی …)) (it never reaches "
                     "the site)"))


RULES = (reference_files, _unique_ids, _meeting_files, _references, _revisions, follow_ups, small_people_quantities,
         check_deliveries, check_registers, _personal_data, small_counts_in_texts, dates_in_window)
