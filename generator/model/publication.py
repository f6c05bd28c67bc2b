"""What a publication is: its cells (one figure each, named by a key such as
`("deliveries", "family-support", "IR-01", "1400-06")`), the additive relations among them (a total equals
the sum of its parts), the links (cells shown or hidden together) and the one symbol that marks a hidden
figure everywhere. Every table of the site is a view of these cells, so a cell shown on two pages (linked
tables) is one cell and is protected once. disclosure.py decides what is hidden; attack.py proves it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from generator.model.errors import PortalError

DEFAULT_K, DEFAULT_P = 10, 10  # PRIVACY.md's defaults; data/site.yaml may tighten them
SYMBOL = "×"  # a suppressed figure, on pages, charts and downloads alike
COUNT, AMOUNT = "count", "amount"

Key = tuple[str, ...]


class _Suppressed:
    """The value of a suppressed cell. Any arithmetic on it fails, so no total or share is computed from
    a figure that must not be published."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "SUPPRESSED"

    def __str__(self) -> str:
        return SYMBOL

    def __bool__(self) -> bool:
        raise TypeError("a suppressed figure has no truth value; test `is SUPPRESSED`")


SUPPRESSED = _Suppressed()


def is_suppressed(value: object) -> bool:
    return value is SUPPRESSED


def largest_first(rows, value, name) -> list:
    """Rows by their published figure (`value(row)`), largest first; the hidden ones last, by `name(row)`: a
    fixed order that says nothing of their size."""
    rows = list(rows)
    shown = sorted((r for r in rows if value(r) is not SUPPRESSED), key=lambda r: (-value(r), name(r)))
    return shown + sorted((r for r in rows if value(r) is SUPPRESSED), key=name)


class ProtectionError(PortalError):
    """The tables are inconsistent (a total differs from the sum of its parts): nothing is published."""


@dataclass
class Cells:
    """The figures a publication would show, before protection. Builders add cells and relations."""

    keys: list[Key] = field(default_factory=list)
    values: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)  # primary reasons known to the builder
    relations: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    attribute: list[bool] = field(default_factory=list)  # per relation: parts are groups of households
    links: list[tuple[int, int]] = field(default_factory=list)  # cells suppressed together
    index: dict[Key, int] = field(default_factory=dict)

    def add(self, key: Key, value: int, kind: str = COUNT, reason: str | None = None) -> int:
        i = self.index.get(key)
        if i is not None:
            if self.values[i] != value:
                raise ProtectionError(f"cell {'/'.join(key)} given two values: {self.values[i]} and {value}")
            return i
        i = self.index[key] = len(self.keys)
        self.keys.append(key)
        self.values.append(int(value))
        self.kinds.append(kind)
        if reason:
            self.reasons[i] = reason
        return i

    def relate(self, total: Key, parts: list[Key], attribute: bool = False) -> None:
        t = self.index[total]
        ps = tuple(self.index[p] for p in parts)
        if self.values[t] != sum(self.values[p] for p in ps):
            raise ProtectionError(f"cell {'/'.join(total)} is {self.values[t]} but its {len(ps)} parts add up "
                                  f"to {sum(self.values[p] for p in ps)}")
        self.relations.append((t, ps))
        self.attribute.append(attribute)

    def link(self, a: Key, b: Key) -> None:
        self.links.append((self.index[a], self.index[b]))


@dataclass(frozen=True)
class Publication:
    """What the public gets: every cell's key, its value unless suppressed, and the relations."""

    keys: tuple[Key, ...]
    values: tuple[int | None, ...]  # None: suppressed
    kinds: tuple[str, ...]
    relations: tuple[tuple[int, tuple[int, ...]], ...]
    attribute: tuple[bool, ...]
    reasons: dict[int, str] = field(default_factory=dict)  # why each suppressed cell is (not published)
    links: tuple[tuple[int, int], ...] = ()  # cells shown or hidden together (an amount and its count)

    def value(self, key: Key) -> int | _Suppressed:
        v = self.values[self.index[key]]
        return SUPPRESSED if v is None else v

    @property
    def index(self) -> dict[Key, int]:
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {k: i for i, k in enumerate(self.keys)}
            object.__setattr__(self, "_index", cached)
        return cached

    def suppressed_keys(self) -> set[Key]:
        return {k for k, v in zip(self.keys, self.values, strict=True) if v is None}

    def to_json(self) -> str:
        """The machine-readable publication (downloads/cells.json): cells and relations, no reasons."""
        return json.dumps({
            "symbol": SYMBOL,
            "cells": [["/".join(k), v if v is not None else SYMBOL, kind]
                      for k, v, kind in zip(self.keys, self.values, self.kinds, strict=True)],
            "relations": [[t, list(ps), int(a)] for (t, ps), a in zip(self.relations, self.attribute, strict=True)],
            "links": [list(pair) for pair in self.links],
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Publication:
        doc = json.loads(text)
        symbol = doc["symbol"]
        keys = tuple(tuple(c[0].split("/")) for c in doc["cells"])
        values = tuple(None if c[1] == symbol else int(c[1]) for c in doc["cells"])
        kinds = tuple(c[2] for c in doc["cells"])
        relations = tuple((int(r[0]), tuple(int(x) for x in r[1])) for r in doc["relations"])
        return cls(keys, values, kinds, relations, tuple(bool(r[2]) for r in doc["relations"]),
                   links=tuple((int(a), int(b)) for a, b in doc.get("links", [])))
