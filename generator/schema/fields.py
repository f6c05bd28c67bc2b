"""The schema language's structures (Field, Mapping, ListOf) and the walks that parse a file against them:
`parse_node` for a YAML tree, `parse_table` for a CSV table (column by column). Both collect every
problem. The value types (Text, Count, Date, …) are in value_types.py; the schema of each kind of data
file, written in this language, is schema/files.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from generator.lang.messages import t
from generator.load.raw import Node, Table
from generator.model.problems import Problem
from generator.schema.value_types import FieldError

# ---- structures ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    name: str
    type: Any  # a value type, a Mapping or a ListOf
    doc: str
    required: bool = True
    default: Any = None


@dataclass(frozen=True)
class Mapping:
    fields: tuple[Field, ...]

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)


@dataclass(frozen=True)
class ListOf:
    item: Any


class Rec(dict):
    """A parsed mapping: its values, the line it starts on, and the line of each field."""

    def __init__(self, values: dict[str, Any], line: int, lines: dict[str, int], where: str,
                 unfilled: frozenset[str] = frozenset(), item_lines: dict[str, list[int]] | None = None):
        super().__init__(values)
        self.line = line
        self.lines = lines
        self.where = where  # the dotted path of this mapping in its file ("" for the top level)
        self.unfilled = unfilled  # fields written as "" (already reported as unfilled-field)
        self.item_lines = item_lines or {}  # a list field: the line of each of its items

    def line_of(self, name: str, item: int | None = None) -> int:
        """The line of a field, or of one item of a list field (each `- …` on its own line)."""
        if item is not None and item < len(self.item_lines.get(name, ())):
            return self.item_lines[name][item]
        return self.lines.get(name, self.line)

    def path_of(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name


def parse_node(node: Node, shape: Any, rel: str, where: str, problems: list[Problem]) -> Any:
    """Parse `node` against `shape`; append a Problem for every fault; return what could be parsed."""
    if isinstance(shape, Mapping):
        if not isinstance(node.value, dict):
            problems.append(Problem(rel, node.line, where, "wrong-type",
                                    t("expected a mapping of fields, found {found}", found=_shape_name(node)),
                                    t("write `field: value` lines, indented under this key")))
            return None
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        unfilled: set[str] = set()
        item_lines: dict[str, list[int]] = {}
        for name, child in node.value.items():
            if shape.field(name) is None:
                known = ", ".join(f.name for f in shape.fields)
                problems.append(Problem(rel, child.line, _join(where, name), "unknown-field",
                                        t("«{name}» is not a field here", name=name),
                                        t("use one of: {choices}", choices=known)))
        for f in shape.fields:
            child = node.value.get(f.name)
            lines[f.name] = child.line if child is not None else node.line
            if child is not None and child.unfilled:
                problems.append(_unfilled(rel, child.line, _join(where, f.name), f))
                values[f.name] = f.default() if callable(f.default) else f.default
                unfilled.add(f.name)
                continue
            if child is None or child.is_empty or (isinstance(child.value, list) and not child.value
                                                   and f.required):
                if f.required:
                    problems.append(Problem(rel, lines[f.name], _join(where, f.name), "missing-field",
                                            t("«{name}» is required ({doc})", name=f.name, doc=f.doc),
                                            t("add it, e.g. {name}: {example}", name=f.name,
                                              example=_example(f.type))))
                values[f.name] = f.default() if callable(f.default) else f.default
                continue
            values[f.name] = parse_node(child, f.type, rel, _join(where, f.name), problems)
            if isinstance(f.type, ListOf) and isinstance(child.value, list):
                item_lines[f.name] = [item.line for item in child.value]
        return Rec(values, node.line, lines, where, frozenset(unfilled), item_lines)
    if isinstance(shape, ListOf):
        if not isinstance(node.value, list):
            problems.append(Problem(rel, node.line, where, "wrong-type",
                                    t("expected a list, found {found}", found=_shape_name(node)),
                                    t("write one `- item` line per entry")))
            return []
        items = []
        for i, item in enumerate(node.value):
            if item.unfilled:  # reported; None keeps the items after it at their own index
                problems.append(_unfilled(rel, item.line, f"{where}[{i}]", None))
                items.append(None)
                continue
            items.append(parse_node(item, shape.item, rel, f"{where}[{i}]", problems))
        return items
    if not isinstance(node.value, str):
        problems.append(Problem(rel, node.line, where, "wrong-type",
                                t("expected a single value, found {found}", found=_shape_name(node)),
                                t("write one value, e.g. {example}", example=_example(shape))))
        return None
    ok, result = _parse(shape, node.value)
    if ok:
        return result
    problems.append(Problem(rel, node.line, where, result.code, result.message, result.fix))
    return None


@dataclass
class Columns:
    """A CSV file parsed against its row schema, column by column: for each field, the parsed value of
    each distinct text (`values`) and, for each row, which one it holds (`codes`). Rows that lack a
    required value are marked in `complete`."""

    codes: dict[str, np.ndarray]
    values: dict[str, np.ndarray]  # object arrays: parsed value (None when unreadable) per distinct text
    lines: np.ndarray
    complete: np.ndarray  # bool per row: every required field has a readable value

    def __len__(self) -> int:
        return len(self.lines)

    def column(self, name: str, convert: Any = None) -> np.ndarray:
        """The field's value on every row (an object array), optionally through `convert`, which is called
        once per distinct value."""
        values = self.values[name]
        if convert is not None:
            values = object_array([convert(v) for v in values])
        return values[self.codes[name]]

    def distinct(self, *names: str) -> tuple[list[tuple], np.ndarray]:
        """The distinct combinations of these fields' values, and which one each row holds."""
        if len(names) == 1:
            return [(v,) for v in self.values[names[0]]], self.codes[names[0]]
        key = np.zeros(len(self), dtype=np.int64)
        for n in names:
            key = key * len(self.values[n]) + self.codes[n]
        combos, rows = np.unique(key, return_inverse=True)
        found = []
        for combo in combos.tolist():
            parts = []
            for n in reversed(names):
                combo, code = divmod(combo, len(self.values[n]))
                parts.append(self.values[n][code])
            found.append(tuple(reversed(parts)))
        return found, rows.reshape(-1)

    def records(self) -> Iterator[Rec]:
        """Each row as a Rec (made on demand: for small files and for rules that read whole rows)."""
        names = list(self.codes)
        for i in range(len(self)):
            yield Rec({n: self.values[n][self.codes[n][i]] for n in names}, int(self.lines[i]), {}, "")


def object_array(items: list) -> np.ndarray:
    """A numpy array of Python objects (numpy would turn a list of tuples or strings into something else)."""
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def parse_table(table: Table, row: Mapping, rel: str, problems: list[Problem]) -> Columns:
    """Parse every column of `table` against the row schema: each distinct text is read once, and a
    problem is reported on every row that holds an unreadable one. A CSV problem is named by its column
    alone: the line already says which row."""
    codes: dict[str, np.ndarray] = {}
    values: dict[str, np.ndarray] = {}
    complete = np.ones(len(table), dtype=bool)
    for f in row.fields:
        cat = table.cells.get(f.name)
        default = f.default() if callable(f.default) else f.default
        if cat is None:  # an optional column that the file leaves out (a missing required one stops it)
            codes[f.name] = np.zeros(len(table), dtype=np.int8)
            values[f.name] = object_array([default])
            complete &= not f.required
            continue
        parsed, failed = [], []
        for k, raw in enumerate(cat.categories):
            if raw.strip() == "":
                parsed.append(default)
                if f.required:
                    failed.append((k, "missing-field", t("«{name}» is required ({doc})", name=f.name, doc=f.doc),
                                   t("fill in the {name} column, e.g. {example}", name=f.name,
                                     example=_example(f.type))))
                continue
            ok, result = _parse(f.type, raw)
            parsed.append(result if ok else None)
            if not ok:
                failed.append((k, result.code, result.message, result.fix))
        codes[f.name] = np.asarray(cat.codes)
        values[f.name] = object_array(parsed)
        for k, code, message, fix in failed:
            rows = np.flatnonzero(codes[f.name] == k)
            complete[rows] = False
            problems.extend(Problem(rel, int(table.lines[i]), f.name, code, message, fix) for i in rows)
    return Columns(codes, values, table.lines, complete)


@functools.lru_cache(maxsize=1 << 16)
def _parse(shape: Any, raw: str) -> tuple[bool, Any]:
    """A value type's reading of `raw`, remembered: data files repeat the same dates, names and ids on
    thousands of rows. Value types are pure, so a remembered answer is the answer."""
    try:
        return True, shape.parse(raw)
    except FieldError as exc:
        return False, exc


def _unfilled(rel: str, line: int, where: str, f: Field | None) -> Problem:
    """A quoted empty value (""): left to fill in, and nothing is published until it is."""
    what = t("the field «{name}» ({doc})", name=f.name, doc=f.doc) if f else t("this entry")
    return Problem(rel, line, where, "unfilled-field", t("{what} is left empty (\"\") to fill in",
                                                         what=what),
                   t("write it in, or delete the line if it does not apply to this meeting")
                   if f is None or not f.required else t("write it in, e.g. {name}: {example}", name=f.name,
                                                           example=_example(f.type)))


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _shape_name(node: Node) -> str:
    if isinstance(node.value, dict):
        return t("a mapping")
    if isinstance(node.value, list):
        return t("a list")
    return f"«{node.value}»"


def _example(shape: Any) -> str:
    if isinstance(shape, ListOf):
        return t("a list of entries")
    if isinstance(shape, Mapping):
        return t("a mapping of fields")
    return str(shape.example)


def typed_in_rec(rec: Rec, shape: Mapping, wanted: Callable[[Any], bool]) -> Iterator[tuple[int, str, Any]]:
    """(line, field path, value) of every value of `rec` whose field's type is `wanted`, nested ones too."""
    for f in shape.fields:
        value = rec.get(f.name)
        if value is None:
            continue
        kind = f.type.item if isinstance(f.type, ListOf) else f.type
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(kind, Mapping) and isinstance(item, Rec):
                yield from typed_in_rec(item, kind, wanted)
            elif not isinstance(kind, Mapping) and wanted(kind) and item is not None:
                listed = isinstance(value, list)
                where = f"{rec.path_of(f.name)}[{i}]" if listed else rec.path_of(f.name)
                yield rec.line_of(f.name, i if listed else None), where, item


def typed_columns(columns: Columns, row: Mapping, wanted: Callable[[Any], bool]) -> Iterator[tuple[str, np.ndarray,
                                                                                                  np.ndarray]]:
    """(column, its distinct parsed values, each row's code) of every column whose type is `wanted`."""
    for f in row.fields:
        if wanted(f.type) and f.name in columns.values:
            yield f.name, columns.values[f.name], columns.codes[f.name]


def mappings(items) -> list[Rec]:
    """The items of a list field that are mappings; the schema already reported any other (a bare id)."""
    return [item for item in items or [] if isinstance(item, Rec)]
