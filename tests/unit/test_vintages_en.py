"""The English edition's vintages (history/vintages_en.py, render/vintage_files.py): the Persian history in
the English table's words, its numbers and «×» untouched, ending in exactly the English table (the audit),
with earlier wordings in English only where the two tables now agree on one."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generator.audit.vintages import vintage_findings
from generator.history.changes import Before
from generator.history.vintages import History, This, vintages
from generator.history.vintages_en import in_english, season_en
from generator.lang.edition import EN
from generator.lang.jalali import parse_jalali
from generator.model.figures import INT, TEXT, Column, Figure, as_json
from generator.model.publication import SUPPRESSED
from generator.render.open_data import Citation
from generator.render.vintage_files import vintage_files
from helpers import served_vintages

CITE = Citation("مجوز", None, "ستاد", False, ())
CITE_EN = Citation("Licence", None, "HQ", False, (), EN)
NAMES = {"تهران": "Tehran", "کرمان": "Kerman", "یزد": "Yazd", "فارس": "Fars"}
STATUS = {"در حال اجرا": "under way", "انجام شد": "done", "عقب‌مانده": "behind"}


def _tables(rows: list[tuple[str, object, str]], english: dict[str, str] | None = None) -> tuple[Figure, Figure]:
    """The Persian table of a province per row (a count of people, a status) and its English twin."""
    fa = Figure("centres-x", "جدول", (Column("province", "استان", TEXT), Column("people", "افراد", INT, protected=True),
                                      Column("status", "وضعیت", TEXT)),
                tuple({"province": p, "people": n, "status": s} for p, n, s in rows), None, (), "", "منبع", "تعریف",
                parse_jalali("1400-07-07"))
    words = english or STATUS
    en = dataclasses.replace(
        fa, title_fa="The table", source_fa="Source", definition_fa="Definition",
        columns=(Column("province", "Province", TEXT), Column("people", "People", INT, protected=True),
                 Column("status", "Status", TEXT)),
        rows=tuple({"province": NAMES[p], "people": n, "status": words.get(s, s)} for p, n, s in rows))
    return fa, en


def _before(name: str, fig: Figure, history: History) -> Before:
    files = vintage_files(history, CITE, "../")
    own = json.loads(files.downloads[f"{history.own.id}.json"])
    return Before(name, name, parse_jalali(name), {fig.id: json.loads(as_json(fig))}, {history.own.id: own},
                  files.shared)


def _published(fa: Figure, en: Figure, history: History, tmp: Path) -> tuple[dict, list[str]]:
    """The English vintages as the site serves them beside the English table, and what the audit finds."""
    english = in_english(history, fa, en)
    files = vintage_files(english, CITE_EN, "../../", (history, CITE))
    shared = tmp / "_shared" / "vintages"
    raw, path = served_vintages(tmp, as_json(en), files.downloads, files.shared, shared, f"{en.id}-vintages.json")
    return json.loads(raw), vintage_findings(raw, path, shared)


def test_the_english_history_is_the_persian_one_in_the_english_tables_words(tmp_path: Path) -> None:
    fa1, _ = _tables([("تهران", 30, "در حال اجرا"), ("کرمان", SUPPRESSED, "در حال اجرا"), ("یزد", 8, "عقب‌مانده")])
    h1 = vintages(fa1, None, This("1400-07-07", parse_jalali("1400-07-07")))
    # a week on: Tehran is done, Kerman's count is shown, Yazd is no longer in the table
    fa2, en2 = _tables([("تهران", 41, "انجام شد"), ("کرمان", 12, "در حال اجرا")])
    h2 = vintages(fa2, _before("1400-07-07", fa1, h1), This("1400-07-14", parse_jalali("1400-07-14")))
    doc, found = _published(fa2, en2, h2, tmp_path)
    assert found == []  # it ends in exactly the English table
    rows = [(r["province"], r["people"], r["status"], r["publication"]) for r in doc["rows"]]
    assert rows == [("Tehran", 30, "under way", "1400-07-07"), ("Tehran", 41, "done", "1400-07-14"),
                    ("Kerman", "×", "under way", "1400-07-07"), ("Kerman", 12, "under way", "1400-07-14"),
                    # a row no longer shown: no English table names it, so its name is as published
                    ("یزد", 8, "عقب‌مانده", "1400-07-07"), ("یزد", None, None, "1400-07-14")]
    persian = json.loads(vintage_files(h2, CITE, "../").downloads["centres-x-vintages.json"])
    assert [(r["people"], r["publication"], r["published"]) for r in persian["rows"]] == [
        (r["people"], r["publication"], r["published"]) for r in doc["rows"]]  # one set of cells
    assert [c["label"] for c in doc["columns"]][:5] == ["Province", "People", "Status", "Publication (version)",
                                                       "Published"]
    assert doc["title"] == "The table: every publication" and doc["source"] == "Source"
    assert "in Persian" in doc["definition"] and next(c for c in doc["columns"] if c["key"] == "people")["protected"]
    # each JSON carries the other edition's words too
    assert doc["lang"] == "en" and doc["title_fa"] == "جدول: همهٔ انتشارها"
    assert {c["key"]: c["label_fa"] for c in doc["columns"]}["status"] == "وضعیت"
    both = json.loads(vintage_files(h2, CITE, "../", (in_english(h2, fa2, en2), CITE_EN)).downloads[
        "centres-x-vintages.json"])
    assert both["title_en"] == "The table: every publication" and both["rows"] == persian["rows"]


def test_a_wording_the_two_tables_do_not_agree_on_stays_in_persian(tmp_path: Path) -> None:
    going = "در حال اجرا"
    fa1, _ = _tables([("تهران", 30, going), ("کرمان", 5, going), ("یزد", 7, going)])
    h1 = vintages(fa1, None, This("1400-07-07", parse_jalali("1400-07-07")))
    # now one Persian status has two English ones (staff wrote each row's English): each current row keeps its
    # own, and so do its earlier cells of the same words; Tehran's earlier «در حال اجرا» is not guessed
    fa2, en2 = _tables([("تهران", 31, "انجام شد"), ("کرمان", 6, going), ("یزد", 8, going)])
    en2 = dataclasses.replace(en2, rows=(en2.rows[0], en2.rows[1] | {"status": "ongoing"}, en2.rows[2]))
    h2 = vintages(fa2, _before("1400-07-07", fa1, h1), This("1400-07-14", parse_jalali("1400-07-14")))
    doc, found = _published(fa2, en2, h2, tmp_path)
    assert found == []
    status = [(r["province"], r["status"]) for r in doc["rows"]]
    assert status == [("Tehran", going), ("Tehran", "done"), ("Kerman", "ongoing"), ("Kerman", "ongoing"),
                      ("Yazd", "under way"), ("Yazd", "under way")]
    # tables that are not twins row for row give no words at all
    _, short = _tables([("تهران", 31, "در حال اجرا")])
    english = in_english(h2, fa2, short)
    assert {r["province"] for r in english.own.rows} == {"تهران", "کرمان", "یزد"}


def test_closed_seasons_are_translated_and_stored_beside_the_persian_ones(tmp_path: Path) -> None:
    fa1, _ = _tables([("تهران", 30, "در حال اجرا"), ("فارس", 4, "عقب‌مانده")])
    h1 = vintages(fa1, None, This("1400-06-24", parse_jalali("1400-06-24")))
    fa2, en2 = _tables([("تهران", 35, "در حال اجرا"), ("فارس", 4, "انجام شد")])
    h2 = vintages(fa2, _before("1400-06-24", fa1, h1), This("1400-07-07", parse_jalali("1400-07-07")))
    h3 = vintages(fa2, _before("1400-07-07", fa2, h2), This("1400-07-14", parse_jalali("1400-07-14")))
    assert h3.earlier and h3.earlier[0].figure is None  # summer carried from the branch as its files
    doc, found = _published(fa2, en2, h3, tmp_path)
    assert found == []
    assert [e["season"] for e in doc["earlier"]] == ["1400-2"]
    assert doc["earlier"][0]["json"].startswith("../../../_shared/vintages/centres-x-vintages-1400-2-")
    summer = json.loads((tmp_path / "_shared" / "vintages" / doc["earlier"][0]["json"].rsplit("/", 1)[-1]).read_text())
    # «عقب‌مانده» is in neither table now: as published
    assert [(r["province"], r["status"]) for r in summer["rows"]] == [("Tehran", "under way"), ("Fars", "عقب‌مانده")]
    assert summer["title"] == f"The table: the publications of {season_en('1400-2')}"
    assert summer["title_fa"] and summer["lang"] == "en"
    persian = vintage_files(h3, CITE, "../").shared
    assert set(persian).isdisjoint(vintage_files(in_english(h3, fa2, en2), CITE_EN, "../../", (h3, CITE)).shared)
    csv = vintage_files(in_english(h3, fa2, en2), CITE_EN, "../../").downloads["centres-x-vintages.csv"]
    assert csv.splitlines()[-1].startswith("# Earlier seasons: ../../../_shared/vintages/")
    assert season_en("1400-2") == "summer 1400 (22 June 2021 to 22 September 2021)"
