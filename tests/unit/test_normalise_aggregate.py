"""Stages 3 and 4 on the minimal dataset: a typed dataset, then totals that add up."""

from __future__ import annotations

import pytest

from generator.aggregate.totals import aggregate
from generator.lang.jalali import JDate
from generator.pipeline import Project, check
from helpers import make_project


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory):
    root = make_project(tmp_path_factory.mktemp("n") / "p")
    return check(Project.at(root))


def test_names_resolve_to_reference_ids(checked) -> None:
    ds = checked.dataset
    assert list(ds.deliveries.province) == ["IR-01", "IR-08", "IR-08"]  # گیلان, استان کرمان, Kerman
    assert ds.deliveries.county[0] == "ir-01-rasht"
    assert [c.province for c in ds.centres] == ["IR-01", "IR-08"]  # گیلان, IR-08
    assert ds.centres[1].county == "ir-08-bam"
    assert ds.meetings[0].reports[0].province == "IR-01"  # typed with Arabic ي


def test_values_are_typed(checked) -> None:
    ds = checked.dataset
    m = ds.meetings[0]
    assert m.id == "1400-05-27" and m.date == JDate(1400, 5, 27) and m.synthetic is False
    assert m.reports[0].figures[0].value == 750_000  # typed as ۷۵۰٬۰۰۰
    assert ds.deliveries.quantity[1] == 30  # typed as ۳۰
    assert [x.id for x in ds.meetings] == ["1400-05-27", "1400-06-03", "1400-06-10"]
    assert ds.programmes[1].pledged is None and ds.programmes[1].delivered_from == "meetings"
    assert ds.centres[1].opened == JDate(1400, 6, 1) and ds.centres[1].capacity == 40


def test_totals_add_up(checked) -> None:
    ds = checked.dataset
    agg = aggregate(ds)
    oxygen = agg.programmes["oxygen"]
    assert oxygen.delivered == 12 + 30 + 10 == int(ds.deliveries.quantity.sum())
    assert [w.delivered for w in oxygen.weekly] == [42, 10]
    assert [w.cumulative for w in oxygen.weekly] == [42, 52]
    assert oxygen.weekly[-1].share == pytest.approx(0.52)
    assert sum(r.delivered for r in oxygen.by_province) == oxygen.delivered
    assert [r.province.iso_code for r in oxygen.by_province] == ["IR-08", "IR-01"]  # largest first
    assert sum(r.share_of_total for r in oxygen.by_province) == pytest.approx(1.0)
    assert oxygen.synthetic and not oxygen.over_pledge
    assert [(m.id, d.id) for m, d in oxygen.decisions] == [("1400-05-27", "1400-05-27-d1")]


def test_meetings_programme_counts_meetings(checked) -> None:
    agg = aggregate(checked.dataset)
    meetings = agg.programmes["meetings"]
    assert meetings.delivered == 3 and meetings.share is None and meetings.by_province == ()
    assert meetings.synthetic  # the second meeting is synthetic


def test_province_stats(checked) -> None:
    agg = aggregate(checked.dataset)
    kerman = agg.provinces["IR-08"]
    assert [(r.programme.id, r.delivered) for r in kerman.by_programme] == [("oxygen", 40)]
    assert [(w.period.iso, w.delivered) for w in kerman.weekly] == [("1400-06-03", (30,)), ("1400-06-10", (10,))]
    gilan = agg.provinces["IR-01"]
    assert [(w.period.iso, w.delivered, w.synthetic) for w in gilan.weekly] == [("1400-06-03", (12,), True)]
    assert agg.provinces["IR-01"].reports and agg.provinces["IR-01"].has_data
    assert not agg.provinces["IR-23"].has_data  # Tehran has nothing in the minimal data
    assert agg.centres.total == 2 and agg.latest_week == JDate(1400, 6, 10)
