"""Every figure's history (history/vintages.py) and its audit (audit/vintages.py): each row as each
publication published it, carried from the branch, never from the data."""

from __future__ import annotations

import json
from pathlib import Path

from generator.audit.vintages import vintage_findings
from generator.history.changes import Before
from generator.history.vintages import This, is_vintages, vintages
from generator.lang.jalali import parse_jalali
from generator.model.figures import DATE, INT, Column, Figure, as_json
from generator.model.publication import SUPPRESSED

COLUMNS = (Column("week", "هفته", DATE), Column("oxygen", "اکسیژن‌ساز", INT, protected=True),
           Column("food", "بسته", INT))


def _fig(rows: list[tuple[str, object, object]]) -> Figure:
    return Figure("province-x-over-time", "استان ایکس", COLUMNS,
                  tuple({"week": parse_jalali(w), "oxygen": o, "food": f} for w, o, f in rows), None, (), "", "منبع",
                  "تعریف", parse_jalali(rows[-1][0]) if rows else None)


def _as_published(fig: Figure) -> dict:
    return json.loads(as_json(fig))


def _before(name: str, fig: Figure | None = None, history: Figure | None = None) -> Before:
    docs = {fig.id: _as_published(fig)} if fig else {}
    old = {history.id: _as_published(history)} if history else {}
    return Before(name, name, parse_jalali(name), docs, old)


def _rows(history: Figure) -> list[tuple]:
    doc = json.loads(as_json(history))
    return [(r["week"], r["oxygen"], r["food"], r["publication"], r["published"]) for r in doc["rows"]]


def test_a_first_publication_is_the_start_of_every_row() -> None:
    fig = _fig([("1400-06-03", 30, 100), ("1400-06-10", SUPPRESSED, 120)])
    history = vintages(fig, None, This("1400-06-10", parse_jalali("1400-06-10")))
    assert history.id == "province-x-over-time-vintages" and is_vintages(history.id + ".json")
    assert _rows(history) == [("1400-06-03", 30, 100, "1400-06-10", "1400-06-10"),
                              ("1400-06-10", "×", 120, "1400-06-10", "1400-06-10")]
    # the columns are the table's, then the publication and its date; people stay protected
    assert [c.key for c in history.columns] == ["week", "oxygen", "food", "publication", "published"]
    assert history.columns[1].protected and history.chart is None


def test_a_later_publication_adds_only_what_it_published_differently() -> None:
    v1 = _fig([("1400-06-03", 30, 100), ("1400-06-10", SUPPRESSED, 120)])
    h1 = vintages(v1, None, This("1400-06-10", parse_jalali("1400-06-10")))
    # v2: a revision (30 → 35), a hidden figure revealed by more deliveries, a new week, an unchanged row
    v2 = _fig([("1400-06-03", 35, 100), ("1400-06-10", 14, 120), ("1400-06-17", 11, 90)])
    h2 = vintages(v2, _before("1400-06-10", v1, h1), This("1400-06-17", parse_jalali("1400-06-17")))
    assert _rows(h2) == [
        ("1400-06-03", 30, 100, "1400-06-10", "1400-06-10"), ("1400-06-03", 35, 100, "1400-06-17", "1400-06-17"),
        ("1400-06-10", "×", 120, "1400-06-10", "1400-06-10"), ("1400-06-10", 14, 120, "1400-06-17", "1400-06-17"),
        ("1400-06-17", 11, 90, "1400-06-17", "1400-06-17")]
    # v3 publishes the same figures: nothing is added
    h3 = vintages(v2, _before("1400-06-17", v2, h2), This("1400-06-24", parse_jalali("1400-06-24")))
    assert _rows(h3) == _rows(h2)
    # v4 no longer shows a week: a row of empty cells says so, once
    v4 = _fig([("1400-06-03", 35, 100), ("1400-06-17", 11, 90)])
    h4 = vintages(v4, _before("1400-06-24", v2, h3), This("1400-07-01", parse_jalali("1400-07-01")))
    gone = [r for r in _rows(h4) if r[0] == "1400-06-10"]
    assert gone[-1] == ("1400-06-10", None, None, "1400-07-01", "1400-07-01") and len(gone) == 3
    h5 = vintages(v4, _before("1400-07-01", v4, h4), This("1400-07-08", parse_jalali("1400-07-08")))
    assert _rows(h5) == _rows(h4)


def test_a_previous_version_without_vintages_starts_the_history_with_its_own_figures() -> None:
    v1 = _fig([("1400-06-03", 30, 100)])
    v2 = _fig([("1400-06-03", 30, 100), ("1400-06-10", 12, 50)])
    history = vintages(v2, _before("1400-06-10", v1), This("1400-06-17", parse_jalali("1400-06-17")))
    assert _rows(history) == [("1400-06-03", 30, 100, "1400-06-10", "1400-06-10"),
                              ("1400-06-10", 12, 50, "1400-06-17", "1400-06-17")]


def test_a_local_build_has_no_version() -> None:
    history = vintages(_fig([("1400-06-03", 30, 100)]), None, This(None, parse_jalali("1400-06-03")))
    assert _rows(history) == [("1400-06-03", 30, 100, None, "1400-06-03")]


def _audit(tmp_path: Path, fig: Figure, history_doc: dict) -> list[str]:
    (tmp_path / f"{fig.id}.json").write_text(as_json(fig), encoding="utf-8")
    path = tmp_path / f"{fig.id}-vintages.json"
    raw = json.dumps(history_doc, ensure_ascii=False)
    path.write_text(raw, encoding="utf-8")
    return vintage_findings(raw, path)


def test_the_audit_finds_vintages_that_say_more_than_the_table(tmp_path: Path) -> None:
    v1 = _fig([("1400-06-03", 30, 100), ("1400-06-10", 40, 120)])
    v2 = _fig([("1400-06-03", 35, 100), ("1400-06-10", SUPPRESSED, 120)])
    good = json.loads(as_json(vintages(v2, _before("1400-06-10", v1), This("1400-06-17", None))))
    assert _audit(tmp_path, v2, good) == []
    # the value the table hides, restated as this publication's
    leak = json.loads(json.dumps(good))
    leak["rows"][-1]["oxygen"] = 7
    found = _audit(tmp_path, v2, leak)
    assert len(found) == 1 and "1400-06-10" in found[0] and "«7»" in found[0] and "«×»" in found[0]
    # the latest value of a row left out: the vintages then say an older value is this publication's
    stale = json.loads(json.dumps(good))
    stale["rows"] = [r for r in stale["rows"] if not (r["week"] == "1400-06-03" and r["oxygen"] == 35)]
    assert any("«30»" in f and "«35»" in f for f in _audit(tmp_path, v2, stale))
    # a row the table does not show, with values
    extra = json.loads(json.dumps(good))
    extra["rows"].append({**extra["rows"][0], "week": "1400-05-27"})
    assert any("1400-05-27" in f for f in _audit(tmp_path, v2, extra))
    # a row of the table missing from the vintages
    missing = json.loads(json.dumps(good))
    missing["rows"] = [r for r in missing["rows"] if r["week"] != "1400-06-10"]
    assert any("not in its vintages" in f for f in _audit(tmp_path, v2, missing))
    # vintages without their table
    (tmp_path / f"{v2.id}.json").unlink()
    path = tmp_path / f"{v2.id}-vintages.json"
    assert "not published beside them" in vintage_findings(path.read_text(encoding="utf-8"), path)[0]
