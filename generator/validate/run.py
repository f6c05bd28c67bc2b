"""Validate: every file against its schema, then the rules that span files.

Returns every problem at once (errors and warnings). Changes nothing: the normalise stage builds the
dataset from what this stage parsed, and only when it found no error.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from generator.lang import personal_data
from generator.lang.messages import t
from generator.load.raw import Node, RawData, RawFile, Table
from generator.model.problems import Problem, errors_in
from generator.model.reuse import Reuse, reused
from generator.schema.fields import Mapping, parse_node, parse_table
from generator.schema.files import IDENTIFYING_COLUMNS, SCHEMAS
from generator.schema.value_types import Digest
from generator.validate.places import PlaceIndex
from generator.validate.rules.dates import dates_in_window
from generator.validate.rules.decisions import follow_ups, small_people_quantities
from generator.validate.rules.files import meeting_files, references, revisions, unique_ids
from generator.validate.rules.references import ISO_CODE, reference_files, renamed_codes
from generator.validate.rules.texts import english_missing, small_counts_in_texts
from generator.validate.tables import (
    check_deliveries,
    check_registers,
    delivery_frame,
    register_frame,
)
from generator.validate.validated import Parsed, Validated

REFERENCE_KINDS = ("provinces", "province_aliases", "counties")  # what the places are read from (and the boundaries)


def validate(raw: RawData, reuse: Reuse | None = None) -> Validated:
    """`reuse`: what the last validation made of the same tables (model/reuse.py: the live preview); the
    large tables' frames and checks are made again only when those tables were read again."""
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
    renamed = renamed_codes(_complete_rows(files, "provinces"), raw.boundaries)
    places = _place_index(files, renamed)
    # a frame is made from its files and the places (the reference files and the boundaries) alone
    references = (*(f.root for f in raw.files if f.kind in REFERENCE_KINDS), raw.boundaries)
    deliveries = files.get("deliveries", [])
    frame = reused(reuse, "delivery frame", lambda: delivery_frame(deliveries, places),
                   same=(*(p.file.root for p in deliveries), *references))
    v = Validated(dict(files), places, problems, names, frame, _private_texts(raw), boundaries=raw.boundaries,
                  renamed=renamed, reuse=reuse)
    for rule in RULES:
        problems.extend(rule(v))
    if not errors_in(problems):  # said once the data are right: beside their errors it is only noise
        problems.extend(english_missing(v))
    v.register_keys = sorted({str(k) for parsed in files.get("registers", [])
                              for k in parsed.value.values.get("household", ()) if k})
    if not errors_in(problems):
        registers = files.get("registers", [])
        v.registers = reused(reuse, "register frame", lambda: register_frame(registers, places),
                             same=(*(p.file.root for p in registers), *references))
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


def _complete_rows(files: dict[str, list[Parsed]], kind: str) -> list[dict]:
    """The rows of a reference file whose every field could be read."""
    return [r for p in files.get(kind, []) for r in p.records if all(v is not None for v in r.values())]


def _place_index(files: dict[str, list[Parsed]], renamed: dict[str, str]) -> PlaceIndex:
    """The places that data may name: the reference's provinces, and the aliases and counties of those
    provinces (one of another code is reported by validate/rules/references.py, and means nothing here; one of a
    province whose code was changed in provinces.csv alone is still that province's)."""
    def rows(kind: str) -> list[dict]:
        return _complete_rows(files, kind)
    every = rows("provinces")
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


def _personal_data(v: Validated) -> Iterator[Problem]:
    """Every text of every file, scanned for personal data (private spans are already gone)."""
    def found(path: str, line: int, where: str, value: Any) -> list[Problem]:
        return [_personal_problem(path, line, where, f) for f in personal_data.find(value)] \
            if isinstance(value, str) else []
    yield from v.problems_in_values(lambda shape: not isinstance(shape, Digest), found, reuse_as="personal data")


def _personal_problem(path: str, line: int, where: str, found: personal_data.Finding) -> Problem:
    return Problem(path, line, where, "personal-data",
                   t("the text holds what looks like {kind} ({masked}); personal data is never published",
                     kind=t(found.kind), masked=found.masked),
                   t("delete it, or keep it in the text as a private span: ((خصوصی …)) (it never reaches "
                     "the site)"))


RULES = (reference_files, unique_ids, meeting_files, references, revisions, follow_ups, small_people_quantities,
         check_deliveries, check_registers, _personal_data, small_counts_in_texts, dates_in_window)
