"""The schema language: value types that read text, and the structures (Mapping, ListOf) built from them.

Each value type reads the text a file holds (`parse`) and either returns the value or raises `FieldError`
with a problem code, what was found and how to fix it. `parse_node` walks a loaded tree against a schema,
collecting every problem. The schema of each kind of data file, written in this language, is schema.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .jalali import DateError, JDate, parse_jalali
from .load import Node
from .persian import fold_text, has_control_characters, parse_integer
from .problems import Problem


class FieldError(ValueError):
    def __init__(self, code: str, message: str, fix: str):
        super().__init__(message)
        self.code, self.message, self.fix = code, message, fix


# ---- value types ---------------------------------------------------------------------------------------

class Text:
    kind = "text"

    def __init__(self, example: str = "متن فارسی"):
        self.example = example

    def parse(self, raw: str) -> str:
        if has_control_characters(raw):
            raise FieldError("invalid-text", "the text contains control characters",
                             "retype the text; copy-pasting from PDFs sometimes brings them in")
        return fold_text(raw)

    def describe(self) -> str:
        return "text"


class Id:
    kind = "id"
    _PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

    def __init__(self, example: str = "oxygen-concentrators"):
        self.example = example

    def parse(self, raw: str) -> str:
        value = raw.strip()
        if not self._PATTERN.match(value):
            raise FieldError("invalid-id", f"«{raw}» is not a valid id",
                             f"use lowercase English letters, digits and hyphens, e.g. {self.example}")
        return value

    def describe(self) -> str:
        return "id: lowercase ASCII letters, digits and hyphens"


class Count:
    kind = "count"

    def __init__(self, example: str = "1000"):
        self.example = example

    def parse(self, raw: str) -> int:
        value = parse_integer(raw)
        if value is None:
            raise FieldError("invalid-number", f"«{raw}» is not a whole number",
                             f"write digits only (Persian or Latin), e.g. {self.example}")
        if value < 0:
            raise FieldError("negative-count", f"{value} is negative; a count cannot be below zero",
                             "write the number delivered or counted, 0 or more; correct an earlier "
                             "figure by editing it, not with a negative row")
        return value

    def describe(self) -> str:
        return "whole number ≥ 0 (Persian or Latin digits, thousands separators allowed)"


class Date:
    kind = "date"
    example = "1400-05-27"

    def parse(self, raw: str) -> JDate:
        try:
            return parse_jalali(raw)
        except DateError as exc:
            raise FieldError(exc.code, exc.message, exc.fix) from None

    def describe(self) -> str:
        return "Jalali date YYYY-MM-DD"


class Choice:
    kind = "choice"

    def __init__(self, choices: dict[str, str]):
        self.choices = choices  # value -> Persian label shown to the public
        self.example = next(iter(choices))

    def parse(self, raw: str) -> str:
        value = raw.strip()
        if value not in self.choices:
            raise FieldError("invalid-choice", f"«{raw}» is not one of the allowed values",
                             "use one of: " + ", ".join(self.choices))
        return value

    def describe(self) -> str:
        return "one of: " + ", ".join(f"`{k}`" for k in self.choices)


class Flag:
    kind = "flag"
    example = "yes"
    _TRUE = frozenset({"yes", "true", "بله", "بلی", "آری"})
    _FALSE = frozenset({"no", "false", "خیر", "نه"})

    def parse(self, raw: str) -> bool:
        value = fold_text(raw).lower()
        if value in self._TRUE:
            return True
        if value in self._FALSE:
            return False
        raise FieldError("invalid-choice", f"«{raw}» is not yes or no", "write yes or no")

    def describe(self) -> str:
        return "`yes` or `no` (`true`/`false` and `بله`/`خیر` also work)"


class Ref(Text):
    """A reference to something defined elsewhere; resolved by the cross-file rules in validate.py."""

    kind = "ref"

    def __init__(self, target: str, example: str):
        super().__init__(example)
        self.target = target  # what it refers to, in words, for the documentation

    def describe(self) -> str:
        return f"reference: {self.target}"


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

    def __init__(self, values: dict[str, Any], line: int, lines: dict[str, int], where: str):
        super().__init__(values)
        self.line = line
        self.lines = lines
        self.where = where  # the dotted path of this mapping in its file ("" for the top level)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    def path_of(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name


def parse_node(node: Node, shape: Any, rel: str, where: str, problems: list[Problem]) -> Any:
    """Parse `node` against `shape`; append a Problem for every fault; return what could be parsed."""
    if isinstance(shape, Mapping):
        if not isinstance(node.value, dict):
            problems.append(Problem(rel, node.line, where, "wrong-type",
                                    f"expected a mapping of fields, found {_shape_name(node)}",
                                    "write `field: value` lines, indented under this key"))
            return None
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for name, child in node.value.items():
            if shape.field(name) is None:
                known = ", ".join(f.name for f in shape.fields)
                problems.append(Problem(rel, child.line, _join(where, name), "unknown-field",
                                        f"«{name}» is not a field here", f"use one of: {known}"))
        for f in shape.fields:
            child = node.value.get(f.name)
            lines[f.name] = child.line if child is not None else node.line
            if child is None or child.is_empty or (isinstance(child.value, list) and not child.value
                                                   and f.required):
                if f.required:
                    problems.append(Problem(rel, lines[f.name], _join(where, f.name), "missing-field",
                                            f"«{f.name}» is required ({f.doc})",
                                            f"add it, e.g. {f.name}: {_example(f.type)}"))
                values[f.name] = f.default() if callable(f.default) else f.default
                continue
            values[f.name] = parse_node(child, f.type, rel, _join(where, f.name), problems)
        return Rec(values, node.line, lines, where)
    if isinstance(shape, ListOf):
        if not isinstance(node.value, list):
            problems.append(Problem(rel, node.line, where, "wrong-type",
                                    f"expected a list, found {_shape_name(node)}",
                                    "write one `- item` line per entry"))
            return []
        return [parse_node(item, shape.item, rel, f"{where}[{i}]", problems)
                for i, item in enumerate(node.value)]
    if not isinstance(node.value, str):
        problems.append(Problem(rel, node.line, where, "wrong-type",
                                f"expected a single value, found {_shape_name(node)}",
                                f"write one value, e.g. {_example(shape)}"))
        return None
    ok, result = _parse(shape, node.value)
    if ok:
        return result
    problems.append(Problem(rel, node.line, where, result.code, result.message, result.fix))
    return None


@functools.lru_cache(maxsize=1 << 16)
def _parse(shape: Any, raw: str) -> tuple[bool, Any]:
    """A value type's reading of `raw`, remembered: data files repeat the same dates, names and ids on
    thousands of rows. Value types are pure, so a remembered answer is the answer."""
    try:
        return True, shape.parse(raw)
    except FieldError as exc:
        return False, exc


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _shape_name(node: Node) -> str:
    if isinstance(node.value, dict):
        return "a mapping"
    if isinstance(node.value, list):
        return "a list"
    return f"«{node.value}»"


def _example(shape: Any) -> str:
    if isinstance(shape, ListOf):
        return "a list of entries"
    if isinstance(shape, Mapping):
        return "a mapping of fields"
    return str(shape.example)
