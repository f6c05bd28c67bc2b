"""Which revisions of data/revisions.yaml explain which changed figures (changes.reasons), on the minimal data."""

from __future__ import annotations

import re
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


def test_the_english_edition_tells_the_same_changes_in_english(tmp_path: Path) -> None:
    """The changes are found on the Persian figures; the English page names each change's table, row and
    column as the English edition names them (pages/changes_en.py), with the same values."""
    import json

    from generator.aggregate.tracker import track
    from generator.history.changes import Before
    from generator.lang.edition import EN
    from generator.model.figures import as_json
    from generator.pipeline import plan, summarise

    project = Project.at(make_project(tmp_path / "p", english=True))
    checked, agg, _ = summarise(project, previous=None)
    ds, tracked = checked.dataset, track(checked.dataset, agg)
    figures = {f.id: f for page in plan(project, ds, agg, tracked) for f in page.figures}
    docs = {fid: json.loads(as_json(f)) for fid, f in figures.items()}
    # a province table whose first row's count was published differently before
    fid = next(fid for fid, d in docs.items() if d["columns"][0]["key"] == "province"
               and isinstance(d["rows"][0].get(d["columns"][1]["key"]), int))
    key = docs[fid]["columns"][1]["key"]
    docs[fid]["rows"][0][key] += 7
    docs["a-table-removed-since"] = {"title": "جدولی که دیگر نیست", "columns": [], "rows": []}
    before = Before("1400-01-01", "پیشین", None, docs)
    persian = plan(project, ds, agg, tracked, before)
    english = plan(project, ds, agg, tracked, before, (), EN, persian)

    def changes(pages):
        return next(p.context.changes for p in pages if p.path == "changes.md")

    fa, en = changes(persian), changes(english)
    (ch_fa,) = [c for c in fa.changed if c.figure == fid]
    (ch_en,) = [c for c in en.changed if c.figure == fid]
    province = next(p for p in ds.provinces if p.name_fa == ch_fa.row)
    assert ch_en.row == province.name_en and ch_en.row != ch_fa.row
    en_figure = next(f for page in english for f in page.figures if f.id == fid)
    assert ch_en.title == en_figure.title_fa and re.fullmatch(r"[ -~–’]+", ch_en.title), ch_en.title
    assert ch_en.column == next(c.label_fa for c in en_figure.columns if c.key == key) != ch_fa.column
    assert (ch_en.before, ch_en.after) == (ch_fa.before, ch_fa.after)
    assert len(en.changed) == len(fa.changed)
    # a table the English edition does not show keeps the title it was published under
    assert en.removed_figures == fa.removed_figures == ("جدولی که دیگر نیست",)
