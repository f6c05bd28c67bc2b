"""Statistical disclosure control: which published figures are withheld (following PRIVACY.md).

`protect` decides which cells of a publication (publication.py) are suppressed, shown as SYMBOL everywhere:

1. primary: a count of 1 to k−1; an amount failing the p% rule (the builder says so, with the reason);
   a breakdown by a household attribute where every household of the total falls in one group; and every
   cell the previous publication suppressed (carried forward, so the same period stays hidden), unless it
   is 0 now: a zero counts no one, and hiding it would protect nothing (its relations would give it away);
2. secondary: while the attack (attack.py) finds a suppressed cell pinned to an interval narrower than its
   protection (k for counts, p% of the value for amounts), suppress a partner cell in one of its relations:
   a part before a total, the smallest non-zero first, then by key, so the result is deterministic.

`check_publication` is what the audit asks of a built site's cells.
"""

from __future__ import annotations

from collections import defaultdict

from generator.lang.messages import t
from generator.model.publication import COUNT, Cells, Publication
from generator.protect.attack import DAY_PERIOD, attack

SMALL, P_PERCENT, ONE_GROUP, CARRIED, SECONDARY = "small", "p-percent", "one-group", "carried", "secondary"


def primary(cells: Cells, k: int, previous: Publication | None = None) -> dict[int, str]:
    """The cells suppressed for what they are, with the reason."""
    out: dict[int, str] = {}
    for i, (v, kind) in enumerate(zip(cells.values, cells.kinds, strict=True)):
        if kind == COUNT and 0 < v < k:
            out[i] = SMALL
    for i, reason in cells.reasons.items():
        out.setdefault(i, reason)
    for (_, ps), attribute in zip(cells.relations, cells.attribute, strict=True):
        nonzero = [i for i in ps if cells.values[i]]
        if attribute and len(ps) > 1 and len(nonzero) == 1:
            out.setdefault(nonzero[0], ONE_GROUP)
    if previous:
        for key in previous.suppressed_keys():
            i = cells.index.get(key)
            if i is not None and cells.values[i] != 0:
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
            if i is None and DAY_PERIOD.match(e.key[-1]):
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
    for whole, ps in cells.relations:
        for i in (whole, *ps):
            out[i].append((whole, *ps))
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
            for whole, *ps in partners[x]:
                for j, is_total in ((whole, 1), *((q, 0) for q in ps)):
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
            found.append(t("cell {cell} publishes a count of {value}, below the threshold of {k}",
                           cell="/".join(key), value=value, k=k))
    for (whole, ps), attribute in zip(pub.relations, pub.attribute, strict=True):
        total = pub.values[whole]
        if attribute and total and len(ps) > 1 and any(pub.values[q] == total for q in ps):
            found.append(t("cell {cell}: every one of its {total} households is in one group of the breakdown, "
                           "which is published", cell="/".join(pub.keys[whole]), total=total))
    for a, b in pub.links:
        if (pub.values[a] is None) != (pub.values[b] is None):
            shown, hidden = (a, b) if pub.values[b] is None else (b, a)
            found.append(t("cell {shown} is published while {hidden}, which it reveals, is hidden",
                           shown="/".join(pub.keys[shown]), hidden="/".join(pub.keys[hidden])))
    found += [e.format() for e in attack(pub, k, p, previous)]
    return found
