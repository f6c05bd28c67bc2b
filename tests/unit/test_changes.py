"""Which revisions of data/revisions.yaml explain which changed figures (changes.reasons), on the minimal data."""

from __future__ import annotations

from pathlib import Path

from generator.history.changes import Change, reasons
from generator.lang.jalali import parse_jalali
from generator.model.dataset import Revision
from generator.pipeline import Project, check
from helpers import make_project


def _change(figure: str, row: str, key: str = "delivered") -> Change:
    return Change(figure, figure, row, key, key, 1, 2, True)


def test_a_revision_explains_its_figures_and_the_totals_that_changed_with_them(tmp_path: Path) -> None:
    ds = check(Project.at(make_project(tmp_path / "p"))).dataset
    kerman = Revision("1400-07-01-r1", parse_jalali("1400-07-01"), "کرمان", "oxygen", "IR-08", "1400-06-03", False)
    anywhere = Revision("1400-07-01-r2", parse_jalali("1400-07-01"), "همه", "", "", "", False)
    changed = (
        _change("province-kerman-over-time", "1400-06-03", "oxygen"),  # Kerman's own week: direct
        _change("programme-oxygen-over-time", "1400-06-03"),  # the national week it changed: a total
        _change("programme-oxygen-over-time", "1400-06-10"),  # another week
        _change("province-gilan-over-time", "1400-06-03", "oxygen"),  # another province
        # series shown by month (past a year): the month of the week, Kerman's and the country's
        _change("province-kerman-over-time", "1400-06", "oxygen"),
        _change("programme-oxygen-over-time", "1400-06"),
        _change("programme-oxygen-over-time", "1400-07"),
    )
    got = tuple(tuple(r.reason_fa for r in each) for each in reasons((kerman, anywhere), changed, ds))
    assert got == (("کرمان", "همه"), ("کرمان", "همه"), ("همه",), ("همه",), ("کرمان", "همه"), ("کرمان", "همه"),
                   ("همه",))
    # a total is explained only where a figure the revision names changed in the same row
    alone = reasons((kerman,), changed[1:3], ds)
    assert alone == ((), ())  # no revision explains them
