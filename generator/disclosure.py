"""Statistical disclosure control: which published figures are withheld, and the attack that proves it.

A publication is a set of *cells* (one figure each, named by a key such as
`("deliveries", "family-support", "province", "IR-01", "1400-06")`) and the additive *relations* among
them (a total equals the sum of its parts: a country's week is the sum of its provinces, a running total is
the previous running total plus this week, a province is the sum of its counties). Every table of the site
is a view of these cells, so a cell shown on two pages (linked tables) is one cell here and is protected once.

`protect` decides which cells are suppressed (shown as SYMBOL everywhere), following PRIVACY.md:

1. primary: a count of 1 to k−1; an amount failing the p% rule (the builder says so, with the reason);
   a breakdown by a household attribute where every household of the total falls in one group; and every
   cell the previous publication suppressed (carried forward, so the same period stays hidden);
2. secondary: while the attack below finds a suppressed cell pinned to an interval narrower than its
   protection (k for counts, p% of the value for amounts), suppress a partner cell in one of its relations:
   a part before a total, the smallest non-zero first, then by key, so the result is deterministic.

`attack` is what an outsider can do with everything published, including the previous publication: for
every suppressed cell, minimise and maximise it subject to every published cell, every relation and
non-negativity, with linear programming (scipy's HiGHS). Equations with a single unknown are solved first
without an LP; the rest is cut into independent blocks, each solved on its own.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

DEFAULT_K, DEFAULT_P = 10, 10  # PRIVACY.md's defaults; data/site.yaml may tighten them
SYMBOL = "×"  # a suppressed figure, on pages, charts and downloads alike
COUNT, AMOUNT = "count", "amount"
SMALL, P_PERCENT, ONE_GROUP, CARRIED, SECONDARY = "small", "p-percent", "one-group", "carried", "secondary"
REASONS_FA = {
    SMALL: "کمتر از آستانه",
    P_PERCENT: "چیرگی یک یا دو دریافت‌کننده بر مبلغ",
    ONE_GROUP: "همهٔ خانوارها در یک گروه",
    CARRIED: "پنهان در انتشار پیشین",
    SECONDARY: "پنهان‌سازی تکمیلی",
}

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


class ProtectionError(Exception):
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


@dataclass(frozen=True, order=True)
class Exposure:
    """A suppressed cell an outsider can pin down: it lies in [low, high], narrower than `needed`."""

    key: Key
    low: float
    high: float
    needed: float

    def format(self) -> str:
        exact = self.high - self.low < 1e-6
        what = f"is exactly {_fmt(self.low)}" if exact else f"lies in [{_fmt(self.low)}, {_fmt(self.high)}]"
        return (f"suppressed cell {'/'.join(self.key)} {what}, from what is published "
                f"(it needs an interval of at least {_fmt(self.needed)})")


def _fmt(x: float) -> str:
    return str(round(x)) if abs(x - round(x)) < 1e-6 else f"{x:.1f}"


def needed_width(kind: str, value: float | None, k: int, p: float) -> float:
    """The protection a suppressed cell needs: k households for a count; p% of the amount (at least one
    rial) for an amount."""
    if kind == AMOUNT:
        return max(1.0, p / 100 * (value or 0))
    return float(k)


# --- the attack --------------------------------------------------------------------------------------------

def attack(pub: Publication, k: int, p: float, previous: Publication | None = None,
           truth: dict[Key, int] | None = None, cache: dict | None = None) -> list[Exposure]:
    """Every suppressed cell (of this publication, and of the previous one still online) that an outsider
    can pin to an interval narrower than its protection, using both publications together.

    The outsider assumes a suppressed cell did not change between the two publications (most do not); a
    figure published in both with different values (a correction) is two figures, each in its own
    publication's relations. If the two together admit no solution at all (a suppressed figure was
    corrected), each publication is attacked on its own. `truth` (the unsuppressed values, when the caller
    has them) sets the protection amounts need; `cache` keeps each block's result for the next call."""
    if previous is None:
        return _attack([pub], k, p, truth, cache)
    try:
        return _attack([previous, pub], k, p, truth, cache)
    except ProtectionError:
        return sorted(set(_attack([previous], k, p, truth, cache)) | set(_attack([pub], k, p, truth, cache)),
                      key=lambda e: e.key)


def _attack(publications: list[Publication], k: int, p: float, truth: dict[Key, int] | None,
            cache: dict | None) -> list[Exposure]:
    """The attack on the current publication (the last), with the previous one when given.

    A figure shown in both with the same value is one known figure. A figure the previous publication
    showed and this one hides or shows differently (a correction) is two figures: the old one, known, in
    the old relations, and the new one in the new relations; so the difference between the two
    publications is used. A figure hidden in both is assumed unchanged: one unknown."""
    current = publications[-1]
    shown_now = {key: v for key, v in zip(current.keys, current.values, strict=True) if v is not None}
    kinds: dict[Key, str] = {}
    for source in publications:
        kinds.update(zip(source.keys, source.kinds, strict=True))
    known: dict[Key, float] = dict(shown_now)
    relations: list[tuple[Key, tuple[Key, ...]]] = []
    for source in publications:
        if source is current:
            relations += [(source.keys[t], tuple(source.keys[i] for i in ps)) for t, ps in source.relations]
            continue
        shown_then = {key: v for key, v in zip(source.keys, source.values, strict=True) if v is not None}
        names: dict[Key, Key] = {}
        for key, value in shown_then.items():
            if shown_now.get(key) == value:
                names[key] = key
            else:  # the old figure, in the old relations only
                names[key] = ("previous", *key)
                known[names[key]] = value
        relations += [(names.get(source.keys[t], source.keys[t]), tuple(names.get(source.keys[i], source.keys[i])
                                                                      for i in ps)) for t, ps in source.relations]
        relations += _bridges(source, current, names)
    checked = {key for key in kinds if key not in known}

    def need(key: Key) -> float | None:  # None: known only once the interval is (an amount, no truth)
        if kinds[key] == AMOUNT and (truth is None or key not in truth):
            return None
        return needed_width(kinds[key], (truth or {}).get(key), k, p)

    found = []
    for key, (low, high) in intervals(relations, known, checked, need, cache).items():
        need = needed_width(kinds[key], (truth or {}).get(key, low), k, p)
        if high - low < need - 1e-6:
            found.append(Exposure(key, low, high, need))
    return sorted(found, key=lambda e: e.key)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _bridges(before: Publication, now: Publication, names: dict[Key, Key]) -> list[tuple[Key, tuple[Key, ...]]]:
    """When a publication shows months where the one before showed weeks (a series grew past a year), the
    two are tied: a month is the sum of the weeks the old publication showed in it (the same key but for a
    day in place of the month). Only for months the old publication had seen to their end: a later week of
    the old publication's own series falls after them."""
    weeks: dict[Key, list[Key]] = defaultdict(list)
    last: dict[Key, str] = {}
    for key in before.keys:
        if key and _DAY.match(key[-1]):
            weeks[(*key[:-1], key[-1][:7])].append(key)
            last[key[:-1]] = max(last.get(key[:-1], ""), key[-1])
    old = set(before.keys)
    return [(key, tuple(names.get(w, w) for w in sorted(weeks[key]))) for key in now.keys
            if key and _MONTH.match(key[-1]) and key not in old and key in weeks
            and last[key[:-1]][:7] > key[-1]]


def intervals(relations: list[tuple[Key, tuple[Key, ...]]], known: dict[Key, float], checked: set[Key],
              need=None, cache: dict | None = None) -> dict[Key, tuple[float, float]]:
    """The interval each checked cell is confined to by the relations, the known values and
    non-negativity. Cells in no relation with an unknown are unconstrained ([0, ∞)).

    With `need` (key → the width that is enough, or None), a cell is settled as soon as two solutions
    already found for other cells of its block differ by that much in it: the interval returned is then
    the part seen so far, at least `need` wide, and its two LPs are not run."""
    var: dict[Key, int] = {}
    equations: list[tuple[list[tuple[int, float]], float]] = []
    for total, parts in relations:
        terms: dict[int, float] = defaultdict(float)
        rhs = 0.0
        for key, coef in ((total, 1.0), *((q, -1.0) for q in parts)):
            if key in known:
                rhs -= coef * known[key]
            else:
                terms[var.setdefault(key, len(var))] += coef
        terms = {j: c for j, c in terms.items() if c}
        if terms:
            equations.append((list(terms.items()), rhs))
        elif abs(rhs) > 1e-6:
            raise ProtectionError(f"published figures contradict each other: {'/'.join(total)} is not the sum "
                                  f"of its {len(parts)} parts")
    keys = list(var)
    result: dict[Key, tuple[float, float]] = {key: (0.0, math.inf) for key in checked if key not in var}
    fixed = _solve_singletons(equations, len(keys))
    for block_vars, block_eqs in _blocks(equations, len(keys), fixed):
        mine = {j for j in block_vars if keys[j] in checked}
        signature = (tuple(sorted((tuple(sorted((keys[j], c) for j, c in terms)), rhs) for terms, rhs in block_eqs)),
                     tuple(sorted(keys[j] for j in mine)))
        if cache is not None and signature in cache:
            result.update(cache[signature])
            continue
        bounds = _bounds(block_vars, block_eqs, mine, {j: need(keys[j]) for j in mine} if need else {})
        found = {keys[j]: interval for j, interval in bounds.items()}
        if cache is not None:
            cache[signature] = found
        result.update(found)
    for j, value in fixed.items():
        if keys[j] in checked:
            result[keys[j]] = (value, value)
    return result


def _solve_singletons(equations, n: int) -> dict[int, float]:
    """Values an outsider gets by plain subtraction: repeatedly solve equations with one unknown."""
    fixed: dict[int, float] = {}
    by_var: dict[int, list[int]] = defaultdict(list)
    for e, (terms, _) in enumerate(equations):
        for j, _c in terms:
            by_var[j].append(e)
    queue = [e for e, (terms, _) in enumerate(equations) if len(terms) == 1]
    while queue:
        e = queue.pop()
        terms, rhs = equations[e]
        free = [(j, c) for j, c in terms if j not in fixed]
        if len(free) != 1:
            continue
        j, c = free[0]
        fixed[j] = (rhs - sum(cc * fixed[jj] for jj, cc in terms if jj in fixed)) / c
        for e2 in by_var[j]:
            if sum(1 for jj, _ in equations[e2][0] if jj not in fixed) == 1:
                queue.append(e2)
    return fixed


def _blocks(equations, n: int, fixed: dict[int, float]):
    """Independent groups of unknowns (those sharing an equation), each with its equations."""
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for terms, _ in equations:
        free = [j for j, _ in terms if j not in fixed]
        for j in free[1:]:
            parent[find(j)] = find(free[0])
    groups: dict[int, list[int]] = defaultdict(list)
    for j in range(n):
        if j not in fixed:
            groups[find(j)].append(j)
    eqs: dict[int, list] = defaultdict(list)
    for terms, rhs in equations:
        free = [(j, c) for j, c in terms if j not in fixed]
        if free:
            eqs[find(free[0][0])].append((free, rhs - sum(c * fixed[j] for j, c in terms if j in fixed)))
    for root in sorted(groups, key=lambda r: groups[r][0]):
        yield groups[root], eqs[root]


def _bounds(block_vars: list[int], block_eqs, checked: set[int],
            needs: dict[int, float | None]) -> dict[int, tuple[float, float]]:
    # imported here: pages and chart workers use this module's SUPPRESSED without loading scipy
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    if not checked:
        return {}
    col = {j: i for i, j in enumerate(block_vars)}
    if not block_eqs:
        return {j: (0.0, math.inf) for j in checked}
    rows, cols, data, b = [], [], [], []
    for r, (terms, rhs) in enumerate(block_eqs):
        for j, c in terms:
            rows.append(r)
            cols.append(col[j])
            data.append(c)
        b.append(rhs)
    a = csr_matrix((data, (rows, cols)), shape=(len(block_eqs), len(block_vars)))
    seen_low = np.full(len(block_vars), math.inf)
    seen_high = np.full(len(block_vars), -math.inf)
    out = {}
    for j in sorted(checked):
        i = col[j]
        need = needs.get(j)
        if need is not None and seen_high[i] - seen_low[i] >= need - 1e-6:
            out[j] = (float(seen_low[i]), float(seen_high[i]))
            continue
        c = np.zeros(len(block_vars))
        c[i] = 1.0
        low = linprog(c, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
        if low.status == 2:
            raise ProtectionError("published figures contradict each other (no non-negative values fit them)")
        high = linprog(-c, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
        for res in (low, high):
            if res.status == 0:
                np.minimum(seen_low, res.x, out=seen_low)
                np.maximum(seen_high, res.x, out=seen_high)
        out[j] = (float(low.fun), math.inf if high.status == 3 else float(-high.fun))
    return out


# --- protection ---------------------------------------------------------------------------------------------

def primary(cells: Cells, k: int, previous: Publication | None = None) -> dict[int, str]:
    """The cells suppressed for what they are, with the reason."""
    out: dict[int, str] = {}
    for i, (v, kind) in enumerate(zip(cells.values, cells.kinds, strict=True)):
        if kind == COUNT and 0 < v < k:
            out[i] = SMALL
    for i, reason in cells.reasons.items():
        out.setdefault(i, reason)
    for (_t, ps), attribute in zip(cells.relations, cells.attribute, strict=True):
        nonzero = [i for i in ps if cells.values[i]]
        if attribute and len(ps) > 1 and len(nonzero) == 1:
            out.setdefault(nonzero[0], ONE_GROUP)
    if previous:
        for key in previous.suppressed_keys():
            i = cells.index.get(key)
            if i is not None:
                out.setdefault(i, CARRIED)
    return out


def p_percent_unsafe(total: int, largest: int, second: int, p: float) -> bool:
    """The p% rule: an amount is unsafe when, after taking away its two largest contributions, what is
    left is less than p% of the largest (the second largest contributor could then estimate the largest
    within p%)."""
    return total > 0 and total - largest - second < p / 100 * largest


def protect(cells: Cells, k: int, p: float, previous: Publication | None = None) -> Publication:
    """Primary, then secondary suppression until the attack (with the previous publication) finds nothing
    it can pin down, or nothing more can be suppressed."""
    suppressed = primary(cells, k, previous)
    _follow_links(cells, suppressed)
    partners = _neighbours(cells)
    truth = dict(zip(cells.keys, cells.values, strict=True))
    # a figure the previous publication showed, with the value it has now, is public: hiding it now would
    # protect nothing (a corrected figure is another figure: hiding its new value can help)
    public = {cells.index[key] for key, v in zip(previous.keys, previous.values, strict=True)
              if v is not None and key in cells.index and cells.values[cells.index[key]] == v} if previous else set()
    cache: dict = {}  # blocks untouched by a round's new suppressions are not attacked again
    while True:
        pub = _publication(cells, suppressed)
        exposed = attack(pub, k, p, previous, truth, cache)
        added = False
        done: set[int] = set()
        for e in exposed:
            i = cells.index.get(e.key)
            if i is None and _DAY.match(e.key[-1]):
                # a week of the previous publication, exposed through the month that now holds it: hide
                # the month (a month of a series shown by week before, see _bridges)
                month = cells.index.get((*e.key[:-1], e.key[-1][:7]))
                if month is not None and month not in suppressed:
                    suppressed[month] = SECONDARY
                    added = True
                continue
            if i is None or i in done:
                continue
            partner = _partner(cells, i, suppressed, partners, public)
            if partner is None:
                continue
            suppressed[partner] = SECONDARY
            done |= {i, partner, *(j for group in partners[partner] for j in group)}
            added = True
        _follow_links(cells, suppressed)
        if not added:
            return pub


def _publication(cells: Cells, suppressed: dict[int, str]) -> Publication:
    return Publication(tuple(cells.keys), tuple(None if i in suppressed else v for i, v in enumerate(cells.values)),
                       tuple(cells.kinds), tuple(cells.relations), tuple(cells.attribute), dict(suppressed),
                       tuple(cells.links))


def _follow_links(cells: Cells, suppressed: dict[int, str]) -> None:
    changed = True
    while changed:
        changed = False
        for a, b in cells.links:
            for x, y in ((a, b), (b, a)):
                if x in suppressed and y not in suppressed:
                    suppressed[y] = suppressed[x]
                    changed = True


def _neighbours(cells: Cells) -> dict[int, list[tuple[int, ...]]]:
    """For each cell, the relations it is in, as (total, *parts)."""
    out: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for t, ps in cells.relations:
        for i in (t, *ps):
            out[i].append((t, *ps))
    return out


def _partner(cells: Cells, i: int, suppressed: dict[int, str], partners, public: set[int]) -> int | None:
    """The published cell to suppress beside cell i: from one of i's relations, a part before a total, the
    smallest non-zero value first, then the first key. When every cell of i's relations is suppressed
    already, the search moves one relation further out."""
    frontier, seen = [i], {i}
    while frontier:
        best = None
        following = []
        for x in frontier:
            for t, *ps in partners[x]:
                for j, is_total in ((t, 1), *((q, 0) for q in ps)):
                    if j in seen:
                        continue
                    seen.add(j)
                    following.append(j)
                    if j in suppressed or j in public:
                        continue
                    rank = (is_total, cells.values[j] == 0, cells.values[j], cells.keys[j])
                    if best is None or rank < best[0]:
                        best = (rank, j)
        if best is not None:
            return best[1]
        frontier = following
    return None


# --- what the audit checks on a publication ---------------------------------------------------------------

def check_publication(pub: Publication, k: int, p: float, previous: Publication | None = None) -> list[str]:
    """Every way this publication (with the previous one still online) discloses a cell, in words: a
    published count of 1 to k−1, a breakdown by a household attribute where one group holds every
    household, an amount shown while its count is hidden (or the reverse), and every suppressed cell the
    attack pins down."""
    found = []
    for key, value, kind in zip(pub.keys, pub.values, pub.kinds, strict=True):
        if kind == COUNT and value is not None and 0 < value < k:
            found.append(f"cell {'/'.join(key)} publishes a count of {value}, below the threshold of {k}")
    for (t, ps), attribute in zip(pub.relations, pub.attribute, strict=True):
        total = pub.values[t]
        if attribute and total and len(ps) > 1 and any(pub.values[q] == total for q in ps):
            found.append(f"cell {'/'.join(pub.keys[t])}: every one of its {total} households is in one group "
                         "of the breakdown, which is published")
    for a, b in pub.links:
        if (pub.values[a] is None) != (pub.values[b] is None):
            shown, hidden = (a, b) if pub.values[b] is None else (b, a)
            found.append(f"cell {'/'.join(pub.keys[shown])} is published while {'/'.join(pub.keys[hidden])}, "
                         "which it reveals, is hidden")
    found += [e.format() for e in attack(pub, k, p, previous)]
    return found
