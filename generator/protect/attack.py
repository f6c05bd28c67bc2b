"""The attack: what an outsider can work out from everything published, including the previous
publication. For every hidden cell, minimise and maximise it subject to every published cell, every
relation and non-negativity, with linear programming (scipy's HiGHS); a hidden cell it can pin to 0 gives
away nothing the rules protect (a zero is published as it is), any other narrower than its protection
does. Equations with a single unknown are solved first without an LP; the rest is cut into independent
blocks, each solved on its own.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from generator.lang.messages import t
from generator.model.publication import AMOUNT, Key, ProtectionError, Publication


@dataclass(frozen=True, order=True)
class Exposure:
    """A suppressed cell an outsider can pin down: it lies in [low, high], narrower than `needed`."""

    key: Key
    low: float
    high: float
    needed: float

    def format(self) -> str:
        exact = self.high - self.low < 1e-6
        what = t("is exactly {low}", low=_fmt(self.low)) if exact else t("lies in [{low}, {high}]",
                                                                         low=_fmt(self.low), high=_fmt(self.high))
        return t("suppressed cell {cell} {what}, from what is published (it needs an interval of at least "
                 "{needed})", cell="/".join(self.key), what=what, needed=_fmt(self.needed))


def _fmt(x: float) -> int | float:
    return round(x) if abs(x - round(x)) < 1e-6 else round(x, 1)


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
        if high < 1 - 1e-6:
            # the cell can only be 0 (no household, no rial: counts and rials are whole): an outsider who
            # works that out learns a zero, which the rules publish as it is (only 1..k−1 is hidden). The
            # true values always fit what is published, so this interval is never a wrong zero.
            continue
        need = needed_width(kinds[key], (truth or {}).get(key, low), k, p)
        if high - low < need - 1e-6:
            found.append(Exposure(key, low, high, need))
    return sorted(found, key=lambda e: e.key)


DAY_PERIOD = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_PERIOD = re.compile(r"^\d{4}-\d{2}$")


def _bridges(before: Publication, now: Publication, names: dict[Key, Key]) -> list[tuple[Key, tuple[Key, ...]]]:
    """When a publication shows months where the one before showed weeks (a series grew past a year), the
    two are tied: a month is the sum of the weeks the old publication showed in it (the same key but for a
    day in place of the month). Only for months the old publication had seen to their end: a later week of
    the old publication's own series falls after them."""
    weeks: dict[Key, list[Key]] = defaultdict(list)
    last: dict[Key, str] = {}
    for key in before.keys:
        if key and DAY_PERIOD.match(key[-1]):
            weeks[(*key[:-1], key[-1][:7])].append(key)
            last[key[:-1]] = max(last.get(key[:-1], ""), key[-1])
    old = set(before.keys)
    return [(key, tuple(names.get(w, w) for w in sorted(weeks[key]))) for key in now.keys
            if key and MONTH_PERIOD.match(key[-1]) and key not in old and key in weeks
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
