"""Disclosure control on small tables: each leak PRIVACY.md lists, caught by the attack when protection is
off (primary suppression only) and closed by `protect`. Plus a Hypothesis property over random tables."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model.publication import AMOUNT, SUPPRESSED, Cells, ProtectionError, Publication
from generator.protect.attack import attack
from generator.protect.disclosure import (
    CARRIED,
    SECONDARY,
    SMALL,
    check_publication,
    p_percent_unsafe,
    primary,
    protect,
)

K, P = 10, 10


def unprotected(cells: Cells, previous: Publication | None = None) -> Publication:
    """What a build without secondary suppression would publish: primary suppression only."""
    sup = primary(cells, K, previous)
    return Publication(tuple(cells.keys), tuple(None if i in sup else v for i, v in enumerate(cells.values)),
                       tuple(cells.kinds), tuple(cells.relations), tuple(cells.attribute), sup)


def two_way(rows: dict[str, dict[str, int]], name: str = "t") -> Cells:
    """A table with row and column totals and a grand total."""
    cells = Cells()
    cols = list(next(iter(rows.values())))
    for r, line in rows.items():
        for c, v in line.items():
            cells.add((name, r, c), v)
        cells.add((name, r, "all"), sum(line.values()))
        cells.relate((name, r, "all"), [(name, r, c) for c in cols])
    for c in [*cols, "all"]:
        cells.add((name, "all", c), sum(cells.values[cells.index[(name, r, c)]] for r in rows))
        cells.relate((name, "all", c), [(name, r, c) for r in rows])
    return cells


def exposed(pub: Publication, previous: Publication | None = None) -> set[tuple]:
    return {e.key for e in attack(pub, K, P, previous)}


def test_a_lone_suppressed_cell_beside_its_row_total():
    cells = one_way({"a": 3, "b": 20, "c": 30})
    assert exposed(unprotected(cells)) == {("t", "a")}
    pub = protect(cells, K, P)
    assert pub.value(("t", "a")) is SUPPRESSED
    assert pub.value(("t", "b")) is SUPPRESSED  # the smaller partner, not the total
    assert pub.value(("t", "all")) == 53
    assert exposed(pub) == set()


def test_sdctable_four_by_four_two_suppressions_per_line_still_leaks():
    """sdcTable's test table: every row and column has two or more suppressed cells, yet w|b = 47 is
    exact ((rows w + x) − (columns a + c))."""
    values = {"w": (30, 47, 64, 89), "x": (90, 124, 5, 31), "y": (92, 100, 59, 85), "z": (800, 991, 651, 685)}
    cells = two_way({r: dict(zip("abcd", v, strict=True)) for r, v in values.items()})
    pattern = [("w", "a"), ("w", "b"), ("w", "c"), ("x", "a"), ("x", "c"), ("y", "b"), ("y", "d"),
               ("z", "b"), ("z", "d")]
    for r, c in pattern:  # the primary pattern of the test, given as a reason the builder knows
        cells.reasons[cells.index[("t", r, c)]] = SMALL
    pub = unprotected(cells)
    for line in "wxyz":
        assert sum(1 for r, _ in pattern if r == line) >= 2
    assert [(e.key, e.low, e.high) for e in attack(pub, K, P)] == [(("t", "w", "b"), 47, 47)]
    safe = protect(cells, K, P)
    assert exposed(safe) == set()
    assert len(safe.suppressed_keys()) == len(pattern) + 1  # one more cell, as sdcTable's own fix
    assert not check_publication(safe, K, P)


def test_a_county_recoverable_from_the_province_page():
    """County cells on the province page, province cells on the national page: one set of cells."""
    cells = Cells()
    counties = {"IR-01": {"c1": 4, "c2": 40, "c3": 50}, "IR-02": {"c4": 30, "c5": 25}}
    for prov, cs in counties.items():
        for c, v in cs.items():
            cells.add(("county", prov, c), v)
        cells.add(("province", prov), sum(cs.values()))
        cells.relate(("province", prov), [("county", prov, c) for c in cs])
    cells.add(("country",), 149)
    cells.relate(("country",), [("province", p) for p in counties])
    assert exposed(unprotected(cells)) == {("county", "IR-01", "c1")}
    pub = protect(cells, K, P)
    assert exposed(pub) == set() and pub.value(("province", "IR-01")) == 94


def cumulative(weeks: list[int]) -> Cells:
    cells = Cells()
    running = 0
    for t, v in enumerate(weeks):
        cells.add(("week", str(t)), v)
        running += v
        cells.add(("to-date", str(t)), running)
        parts = [("week", str(t))] + ([("to-date", str(t - 1))] if t else [])
        cells.relate(("to-date", str(t)), parts)
    return cells


def test_a_cumulative_count_rising_by_one():
    cells = cumulative([15, 1, 20, 30])
    assert ("week", "1") in exposed(unprotected(cells))
    pub = protect(cells, K, P)
    assert pub.value(("week", "1")) is SUPPRESSED
    assert exposed(pub) == set()


def test_two_publications_that_together_reveal_a_cell():
    """Last week a, b were hidden (a + b = 15 could be read off). This week a late report from d raises the
    same week's total; protected without memory, d becomes a's partner and b = 12 is published."""
    cells = one_way({"a": 3, "b": 12, "c": 15})
    first = protect(cells, K, P)
    assert first.suppressed_keys() == {("t", "a"), ("t", "b")}
    later = one_way({"a": 3, "b": 12, "c": 15, "d": 11})
    forgetful = protect(later, K, P)
    assert exposed(forgetful) == set()  # safe alone …
    assert exposed(forgetful, previous=first) == {("t", "a"), ("t", "d")}  # … not with last week's page still online
    remembering = protect(later, K, P, previous=first)
    assert remembering.reasons[remembering.index[("t", "b")]] == CARRIED
    assert exposed(remembering, previous=first) == set()


def test_a_carried_suppression_ends_when_the_cell_is_zero():
    """Last week a and b were hidden. This week their households are counted in c (a register corrected,
    households that moved): a and b are 0. A zero counts no one, and hidden it would be pinned to 0 by the
    total anyway: it is published, and the two publications together still give nothing away."""
    first = protect(one_way({"a": 3, "b": 12, "c": 15}), K, P)
    assert first.suppressed_keys() == {("t", "a"), ("t", "b")}
    later = protect(one_way({"a": 0, "b": 0, "c": 30}), K, P, previous=first)
    assert [later.value(("t", key)) for key in ("a", "b", "c", "all")] == [0, 0, 30, 30]
    assert check_publication(later, K, P, previous=first) == []
    # carried forward, the zeros would be hidden and pinned to 0: that tells no more than the zero the rules
    # publish, so it is not a finding either (hiding them protects nothing and costs the reader two figures)
    carried = Publication(later.keys, (None, None, 30, 30), later.kinds, later.relations, later.attribute,
                          {0: CARRIED, 1: CARRIED})
    assert check_publication(carried, K, P, previous=first) == []


@pytest.mark.parametrize(("zero", "small", "found"), [(0, 3, {("t", "b")}), (0, 0, set()), (0, 12, {("t", "b")})])
def test_a_hidden_cell_pinned_to_zero_gives_nothing_away_but_any_other_value_does(zero, small, found):
    """A county with no household, hidden beside another (a partner chosen for it, or linked to a hidden
    amount), pinned to 0 by the province total: a zero is published as it is, so that is no finding. The
    same pin on 3, or on 12 (narrower than k), still is; and an interval reaching 1 or more is not a zero."""
    cells = one_way({"a": zero, "b": small, "c": 40})
    hidden = Publication(tuple(cells.keys), (None, None, 40, 40 + small), tuple(cells.kinds), tuple(cells.relations),
                         tuple(cells.attribute), {0: SECONDARY, 1: SECONDARY})
    # a and b are only known together: a + b = small
    assert exposed(hidden) == ({("t", "a"), ("t", "b")} if small and small < K else set())
    pinned = Publication(tuple(cells.keys), (None, small, 40, 40 + small), tuple(cells.kinds), tuple(cells.relations),
                         tuple(cells.attribute), {0: SECONDARY})
    assert exposed(pinned) == set()  # a = 0 exactly, which is no disclosure
    alone = Publication(tuple(cells.keys), (zero, None, 40, 40 + small), tuple(cells.kinds), tuple(cells.relations),
                        tuple(cells.attribute), {1: SECONDARY})
    assert exposed(alone) == found


def one_way(parts: dict[str, int]) -> Cells:
    cells = Cells()
    for key, v in parts.items():
        cells.add(("t", key), v)
    cells.add(("t", "all"), sum(parts.values()))
    cells.relate(("t", "all"), [("t", key) for key in parts])
    return cells


def test_a_row_where_every_household_shares_one_attribute():
    cells = Cells()
    for g, v in (("female", 0), ("male", 14)):
        cells.add(("heads", "under-30", g), v)
    cells.add(("heads", "under-30", "all"), 14)
    cells.relate(("heads", "under-30", "all"), [("heads", "under-30", "female"), ("heads", "under-30", "male")],
                 attribute=True)
    plain = Publication(tuple(cells.keys), tuple(cells.values), tuple(cells.kinds), tuple(cells.relations),
                        tuple(cells.attribute))
    assert any("one group" in f for f in check_publication(plain, K, P))
    pub = protect(cells, K, P)
    assert pub.value(("heads", "under-30", "male")) is SUPPRESSED
    assert pub.value(("heads", "under-30", "female")) is SUPPRESSED  # else male = all − 0
    assert not check_publication(pub, K, P)


def test_amounts_follow_the_p_percent_rule_and_their_counts():
    assert p_percent_unsafe(100, 95, 3, 10)  # 100 − 95 − 3 = 2 < 9.5
    assert not p_percent_unsafe(100, 40, 30, 10)
    cells = Cells()
    for prov, (n, amount, unsafe) in {"a": (12, 500, True), "b": (30, 900, False), "c": (40, 1000, False)}.items():
        cells.add(("n", prov), n)
        cells.add(("rials", prov), amount, AMOUNT, reason="p-percent" if unsafe else None)
        cells.link(("n", prov), ("rials", prov))
    cells.add(("n", "all"), 82)
    cells.add(("rials", "all"), 2400, AMOUNT)
    cells.relate(("n", "all"), [("n", p) for p in "abc"])
    cells.relate(("rials", "all"), [("rials", p) for p in "abc"])
    pub = protect(cells, K, P)
    assert pub.value(("rials", "a")) is SUPPRESSED and pub.value(("n", "a")) is SUPPRESSED  # linked
    assert exposed(pub) == set() and not check_publication(pub, K, P)


def test_inconsistent_tables_are_refused():
    cells = Cells()
    cells.add(("x",), 3)
    cells.add(("y",), 5)
    with pytest.raises(ProtectionError, match="parts add up to 3"):
        cells.relate(("y",), [("x",)])


def test_the_publication_round_trips_through_its_json():
    pub = protect(cumulative([15, 1, 20, 30]), K, P)
    again = Publication.from_json(pub.to_json())
    assert again.keys == pub.keys and again.values == pub.values and again.relations == pub.relations
    assert "×" in pub.to_json() and "small" not in pub.to_json()


def test_protection_is_deterministic():
    table = {f"r{i}": {c: (i * 7 + j * 5) % 23 for j, c in enumerate("abcde")} for i in range(6)}
    assert protect(two_way(table), K, P).values == protect(two_way(table), K, P).values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.integers(0, 40), min_size=2, max_size=5), min_size=2, max_size=5)
       .filter(lambda rows: len({len(r) for r in rows}) == 1),
       st.integers(3, 12))
def test_property_no_small_count_published_and_no_suppressed_cell_pinned(rows, k):
    table = {f"r{i}": {f"c{j}": v for j, v in enumerate(row)} for i, row in enumerate(rows)}
    pub = protect(two_way(table), k, P)
    assert not [v for v in pub.values if v is not None and 0 < v < k]
    assert attack(pub, k, P) == []
    assert [e for e in primary(two_way(table), k) if pub.values[e] is not None] == []
    assert SECONDARY not in pub.reasons.values() or pub.suppressed_keys()


# --- random registers, through the real household tables ----------------------------------------------------

_PROVINCES = ("IR-00", "IR-01", "IR-02")
_COUNTIES = {"IR-00": ("ir-00-a", "ir-00-b", ""), "IR-01": ("ir-01-a", ""), "IR-02": ("",)}

_household = st.tuples(st.sampled_from(_PROVINCES), st.integers(0, 2), st.sampled_from(("female", "male")),
                       st.sampled_from(("under-30", "30-44", "45-59", "60-plus")),
                       st.sampled_from(("1400-06", "1400-07")), st.sampled_from((0, 5_000_000, 20_000_000, 90_000_000)))


def _register(households: list[tuple]):
    import pandas as pd

    rows = []
    for n, (province, county, gender, band, month, amount) in enumerate(households):
        counties = _COUNTIES[province]
        rows.append({"household": f"hh-{n:05d}", "province": province, "county": counties[county % len(counties)],
                     "programme": "family-support", "month": month, "head_gender": gender, "head_age_band": band,
                     "household_size": 4, "amount_rials": amount, "synthetic": True})
    return pd.DataFrame(rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_household, min_size=1, max_size=80), st.integers(3, 12))
def test_property_random_registers_publish_no_small_count_and_no_pinned_cell(households, k):
    from types import SimpleNamespace

    from generator.aggregate.households import household_stats
    from generator.model.dataset import Programme
    from generator.protect.suppress import household_cells

    programme = Programme(id="family-support", name_fa="", short_name_fa="", name_en="", unit="family",
                          pledged=None, pledge_fa="", pledged_at="", delivered_from="deliveries", description_fa="")
    stats = household_stats(SimpleNamespace(registers=_register(households), programmes=(programme,)))
    cells = household_cells(SimpleNamespace(households=stats), P, Cells())
    pub = protect(cells, k, P)
    assert not [(key, v) for key, v, kind in zip(pub.keys, pub.values, pub.kinds, strict=True)
                if kind == "count" and v is not None and 0 < v < k]
    assert attack(pub, k, P, truth=dict(zip(cells.keys, cells.values, strict=True))) == []
    assert check_publication(pub, k, P) == []
    # an amount and its count are hidden together
    for key in pub.suppressed_keys():
        if key[0] == "rials":
            assert ("households", *key[1:]) in pub.suppressed_keys()


def test_a_corrected_figure_is_attacked_together_with_the_one_it_replaces():
    """Last week: 11 shown, two hidden weeks (6 + 8), 69, total 94. This week 11 is corrected to 7 and so
    hidden: but 90 − 69 − (94 − 11 − 69) = 7. The old figure is used, not dropped."""
    first = protect(one_way({"w1": 11, "w2": 6, "w3": 8, "w4": 69}), K, P)
    assert first.suppressed_keys() == {("t", "w2"), ("t", "w3")}
    later = one_way({"w1": 7, "w2": 6, "w3": 8, "w4": 69})
    plain = unprotected(later, first)
    assert plain.value(("t", "all")) == 90
    assert [(e.key, e.low, e.high) for e in attack(plain, K, P, first)] == [(("t", "w1"), 7, 7)]
    safe = protect(later, K, P, previous=first)
    assert exposed(safe, previous=first) == set()
    assert safe.value(("t", "all")) is SUPPRESSED  # the corrected total is a new figure: hiding it helps


def test_weeks_that_become_months_are_tied_to_them():
    """A series that grows past a year is shown by month: the month the old publication showed week by week
    is the sum of those weeks, so a week hidden then must not be recoverable from the month now."""
    weeks = {"1400-06-03": 30, "1400-06-10": 4, "1400-06-17": 25, "1400-07-07": 12}
    before = Cells()
    for day, v in weeks.items():
        before.add(("d", "x", day), v)
    before.add(("d", "x", "all"), 71)
    before.relate(("d", "x", "all"), [("d", "x", day) for day in weeks])
    first = protect(before, K, P)
    assert first.suppressed_keys() == {("d", "x", "1400-06-10"), ("d", "x", "1400-07-07")}  # 4 and 12: safe
    now = Cells()
    for month, v in (("1400-06", 59), ("1400-07", 12)):
        now.add(("d", "x", month), v)
    now.add(("d", "x", "all"), 71)
    now.relate(("d", "x", "all"), [("d", "x", "1400-06"), ("d", "x", "1400-07")])
    plain = unprotected(now, first)
    hidden_week = [e for e in attack(plain, K, P, first) if e.key[-1] == "1400-06-10"]
    assert [(e.low, e.high) for e in hidden_week] == [(4, 4)]  # 59 − 30 − 25
    safe = protect(now, K, P, previous=first)
    assert safe.value(("d", "x", "1400-06")) is SUPPRESSED
    assert exposed(safe, previous=first) == set()
