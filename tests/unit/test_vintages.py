"""Every figure's history (history/vintages.py) and its audit (audit/vintages.py): each row as each
publication published it, carried from the branch, never from the data."""

from __future__ import annotations

import json
from pathlib import Path

from generator.audit.vintages import vintage_findings
from generator.history.changes import Before
from generator.history.vintages import History, This, is_vintages, vintages
from generator.lang.jalali import parse_jalali
from generator.model.figures import DATE, INT, Column, Figure, as_json
from generator.model.publication import SUPPRESSED
from generator.render.open_data import Citation
from generator.render.vintage_files import vintage_files
from helpers import served_vintages

CITE = Citation("مجوز", None, "ستاد", False, ())

COLUMNS = (Column("week", "هفته", DATE), Column("oxygen", "اکسیژن‌ساز", INT, protected=True),
           Column("food", "بسته", INT))


def _fig(rows: list[tuple[str, object, object]]) -> Figure:
    return Figure("province-x-over-time", "استان ایکس", COLUMNS,
                  tuple({"week": parse_jalali(w), "oxygen": o, "food": f} for w, o, f in rows), None, (), "", "منبع",
                  "تعریف", parse_jalali(rows[-1][0]) if rows else None)


def _as_published(fig: Figure) -> dict:
    return json.loads(as_json(fig))


def _before(name: str, fig: Figure | None = None, history: History | None = None) -> Before:
    """The previous version as the branch holds it: its figure, and its vintages as published (the own JSON,
    and the closed seasons' files in the shared folder)."""
    docs = {fig.id: _as_published(fig)} if fig else {}
    if history is None:
        return Before(name, name, parse_jalali(name), docs)
    files = vintage_files(history, CITE, "../")
    own = json.loads(files.downloads[f"{history.own.id}.json"])
    return Before(name, name, parse_jalali(name), docs, {history.own.id: own}, files.shared)


def _rows(history: History) -> list[tuple]:
    """Every row of the history: its closed seasons' (oldest first), then the version's own."""
    figures = [s.figure for s in history.earlier if s.figure is not None]
    carried = [json.loads(data) for s in history.earlier for name, data in s.files if name.endswith(".json")]
    docs = [json.loads(as_json(f)) for f in figures] + carried + [json.loads(as_json(history.own))]
    docs = sorted(docs[:-1], key=lambda d: d["rows"][0]["published"]) + docs[-1:]
    return [(r["week"], r["oxygen"], r["food"], r["publication"], r["published"]) for d in docs for r in d["rows"]]


def test_a_first_publication_is_the_start_of_every_row() -> None:
    fig = _fig([("1400-06-03", 30, 100), ("1400-06-10", SUPPRESSED, 120)])
    history = vintages(fig, None, This("1400-06-10", parse_jalali("1400-06-10")))
    assert history.own.id == "province-x-over-time-vintages" and is_vintages(history.own.id + ".json")
    assert _rows(history) == [("1400-06-03", 30, 100, "1400-06-10", "1400-06-10"),
                              ("1400-06-10", "×", 120, "1400-06-10", "1400-06-10")]
    # the columns are the table's, then the publication and its date; people stay protected
    assert [c.key for c in history.own.columns] == ["week", "oxygen", "food", "publication", "published"]
    assert history.own.columns[1].protected and history.own.chart is None


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
    return vintage_findings(raw, path, tmp_path)


def test_the_audit_finds_vintages_that_say_more_than_the_table(tmp_path: Path) -> None:
    v1 = _fig([("1400-06-03", 30, 100), ("1400-06-10", 40, 120)])
    v2 = _fig([("1400-06-03", 35, 100), ("1400-06-10", SUPPRESSED, 120)])
    good = json.loads(as_json(vintages(v2, _before("1400-06-10", v1), This("1400-06-17", None)).own))
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
    assert "not published beside them" in vintage_findings(path.read_text(encoding="utf-8"), path, tmp_path)[0]


def test_a_closed_season_is_a_shared_file_written_once_and_carried_as_it_is() -> None:
    v1 = _fig([("1400-06-03", 30, 100)])
    h1 = vintages(v1, None, This("1400-06-10", parse_jalali("1400-06-10")))
    v2 = _fig([("1400-06-03", 35, 100), ("1400-06-10", 12, 50)])
    h2 = vintages(v2, _before("1400-06-10", v1, h1), This("1400-06-31", parse_jalali("1400-06-31")))
    assert h2.earlier == ()  # summer still: every row is the version's own
    # the first publication of autumn: summer's rows become a season of their own; the own rows are autumn's
    v3 = _fig([("1400-06-03", 35, 100), ("1400-06-10", 12, 60), ("1400-07-01", 9, 10)])
    h3 = vintages(v3, _before("1400-06-31", v2, h2), This("1400-07-07", parse_jalali("1400-07-07")))
    assert [s.season for s in h3.earlier] == ["1400-2"] and h3.earlier[0].figure is not None
    assert {r["publication"] for r in h3.own.rows} == {"1400-07-07"}
    assert [(r[0], r[3]) for r in _rows(h3)] == [
        ("1400-06-03", "1400-06-10"), ("1400-06-03", "1400-06-31"), ("1400-06-10", "1400-06-31"),
        ("1400-06-10", "1400-07-07"), ("1400-07-01", "1400-07-07")]
    files3 = vintage_files(h3, CITE, "../")
    names = sorted(files3.shared)
    assert len(names) == 2 and all(n.startswith("province-x-over-time-vintages-1400-2-") for n in names)
    own = json.loads(files3.downloads["province-x-over-time-vintages.json"])
    assert [e["season"] for e in own["earlier"]] == ["1400-2"]
    assert own["earlier"][0]["csv"] == f"../../_shared/vintages/{names[0]}"
    assert "_shared/vintages/" in files3.downloads["province-x-over-time-vintages.csv"].splitlines()[-1]
    # the rest of autumn and the winter after: summer's files carried byte for byte, under the same names
    h4 = vintages(v3, _before("1400-07-07", v3, h3), This("1400-07-14", parse_jalali("1400-07-14")))
    assert vintage_files(h4, CITE, "../").shared == files3.shared and h4.own.rows == h3.own.rows
    v5 = _fig([("1400-06-03", 35, 100), ("1400-06-10", 12, 60), ("1400-07-01", 9, 11)])
    h5 = vintages(v5, _before("1400-07-14", v3, h4), This("1400-10-05", parse_jalali("1400-10-05")))
    files5 = vintage_files(h5, CITE, "../")
    assert [s.season for s in h5.earlier] == ["1400-2", "1400-3"]
    assert {n: b for n, b in files5.shared.items() if "-1400-2-" in n} == files3.shared
    assert [(r[0], r[2], r[3]) for r in _rows(h5)][-1] == ("1400-07-01", 11, "1400-10-05")
    assert len(h5.own.rows) == 1  # winter's own: the one value that moved


def test_a_listed_season_the_branch_does_not_hold_is_an_error() -> None:
    v1 = _fig([("1400-06-03", 30, 100)])
    h1 = vintages(v1, None, This("1400-06-10", parse_jalali("1400-06-10")))
    h2 = vintages(v1, _before("1400-06-10", v1, h1), This("1400-07-07", parse_jalali("1400-07-07")))
    before = _before("1400-07-07", v1, h2)
    broken = Before(before.name, before.title, before.day, before.docs, before.vintages, {})
    try:
        vintages(v1, broken, This("1400-07-14", parse_jalali("1400-07-14")))
    except ValueError as exc:
        assert "_shared" not in str(exc) and "1400-2" in str(exc)
    else:
        raise AssertionError("a history with a season missing was accepted")


def test_the_audit_reads_the_seasons_for_the_latest_value(tmp_path: Path) -> None:
    v1 = _fig([("1400-06-03", 30, 100), ("1400-06-10", 40, 120)])
    h1 = vintages(v1, None, This("1400-06-10", parse_jalali("1400-06-10")))
    v2 = _fig([("1400-06-03", 30, 100), ("1400-06-10", 40, 120), ("1400-07-01", 5, 6)])
    h2 = vintages(v2, _before("1400-06-10", v1, h1), This("1400-07-07", parse_jalali("1400-07-07")))
    files = vintage_files(h2, CITE, "")
    shared = tmp_path / "shared"
    raw, path = served_vintages(tmp_path, as_json(v2), files.downloads, files.shared, shared, f"{v2.id}-vintages.json")
    assert vintage_findings(raw, path, shared) == []  # summer's rows hold the values autumn did not move
    # the table hides a value whose latest row is in a season's file: the history would tell it
    hidden = _fig([("1400-06-03", 30, 100), ("1400-06-10", SUPPRESSED, 120), ("1400-07-01", 5, 6)])
    (tmp_path / f"{v2.id}.json").write_text(as_json(hidden), encoding="utf-8")
    assert any("«40»" in f and "«×»" in f for f in vintage_findings(raw, path, shared))
    # a season's file not published
    (tmp_path / f"{v2.id}.json").write_text(as_json(v2), encoding="utf-8")
    for p in shared.iterdir():
        p.unlink()
    found = vintage_findings(raw, path, shared)
    assert any("not published" in f for f in found) and any("not in its vintages" in f for f in found)


def test_a_table_new_in_a_publication_starts_its_history_there() -> None:
    v1 = _fig([("1400-06-03", 30, 100)])
    history = vintages(v1, Before("1400-06-10", "1400-06-10", parse_jalali("1400-06-10"), {}),
                       This("1400-07-07", parse_jalali("1400-07-07")))
    assert history.earlier == () and _rows(history) == [("1400-06-03", 30, 100, "1400-07-07", "1400-07-07")]
