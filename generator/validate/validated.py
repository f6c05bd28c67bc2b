"""What validation found: each file as parsed against its schema (`Parsed`) and everything the rules need
(`Validated`), the one type the validate stage's modules share (run.py fills it, the rules read it)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from generator.load.raw import RawFile
from generator.model.problems import Problem
from generator.model.publication import DEFAULT_K
from generator.model.reuse import Reuse, reused
from generator.schema.fields import Columns, ListOf, Rec, typed_columns, typed_in_rec
from generator.schema.files import SCHEMAS
from generator.validate.places import PlaceIndex


def problems_on_rows(found: dict[int, list[Problem]], rows: np.ndarray, lines: np.ndarray) -> Iterator[Problem]:
    """Each problem found for a distinct value, on every row (by its line) that holds that value."""
    for k, problems in found.items():
        if problems:
            for i in np.flatnonzero(rows == k):
                for problem in problems:
                    yield dataclasses.replace(problem, line=int(lines[i]))



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
    # the province boundaries as read (TopoJSON), checked against the provinces by validate/rules/references.py
    boundaries: dict | None = None
    # {old code: code in provinces.csv} for a province whose code changed there alone (validate/rules/references.py)
    renamed: dict[str, str] = field(default_factory=dict)
    # what the last validation made of the same tables (model/reuse.py), for the live preview; None: none
    reuse: Reuse | None = None

    def records(self, kind: str) -> Iterator[tuple[str, Rec]]:
        for parsed in self.files.get(kind, []):
            for rec in parsed.records:
                yield parsed.file.path, rec

    def setting(self, name: str, default: Any) -> Any:
        """A setting of data/site.yaml as read (the default while it is missing or unreadable)."""
        return next((rec.get(name) for _, rec in self.records("site")), None) or default

    def problems_in_values(self, wanted: Callable[[Any], bool], problems_of: Callable[[str, int, str, Any],
                           list[Problem]], skip: frozenset[str] = frozenset(), reuse_as: str = "") -> Iterator[Problem]:
        """What `problems_of(path, line, field, value)` finds in each value of a field whose type is `wanted`,
        in every file but those of the kinds in `skip`. A CSV column's distinct values are looked at once,
        and a problem is put on every row that holds its value. `reuse_as`: a name under which each file's
        problems are reused while its table is the one read last time (`reuse`): for a `problems_of` that
        reads the value alone."""
        for kind, files in self.files.items():
            if kind in skip:
                continue
            shape = SCHEMAS[kind].shape
            row = shape.item if isinstance(shape, ListOf) else shape
            for parsed in files:
                if reuse_as:
                    yield from reused(self.reuse, f"{reuse_as}: {parsed.file.path}",
                                      lambda: list(_file_problems(parsed, row, wanted, problems_of)),  # noqa: B023
                                      same=(parsed.file.root,))
                else:
                    yield from _file_problems(parsed, row, wanted, problems_of)

    @property
    def threshold(self) -> int:
        """k: the smallest count of people that is published (site.yaml `disclosure_threshold`)."""
        return self.setting("disclosure_threshold", DEFAULT_K)


def _file_problems(parsed: Parsed, row, wanted: Callable[[Any], bool],
                   problems_of: Callable[[str, int, str, Any], list[Problem]]) -> Iterator[Problem]:
    path = parsed.file.path
    if isinstance(parsed.value, Columns):
        for name, values, codes in typed_columns(parsed.value, row, wanted):
            found = {i: problems_of(path, 0, name, value) for i, value in enumerate(values) if value is not None}
            yield from problems_on_rows(found, codes, parsed.value.lines)
        return
    for rec in parsed.records:
        for line, where, value in typed_in_rec(rec, row, wanted):
            yield from problems_of(path, line, where, value)
