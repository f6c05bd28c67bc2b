"""The English edition's vintages: a figure's history (vintages.py) in the words of the English table, for
`en/downloads/<figure>-vintages.csv` and `.json`.

The history itself is the Persian edition's, read from the branch: disclosure control is one set of cells,
so every number and every «×» is the same in both editions, and only the words differ. This module puts
the English words in: the columns' labels and the table's title, source and definition from the English
table (the same figure by id, the same column by key), and each text cell translated as the two tables
name it now:

- a row the publication still shows: its cell as the English table writes it, when the Persian one is the
  same as the Persian table's now (so the English vintages end in exactly the English table, as the audit
  checks);
- any other cell (an earlier publication's wording, a row no longer shown): the English of the same Persian
  text in the same column, where the two tables now give it one English; otherwise the Persian text as it
  was published. A history is never re-worded by guess.

The closed seasons are translated too, from the Persian seasons' rows (a new season's, or the files the
branch holds), and written under their own names (render/vintage_files.py), so that each is stored once
for as long as its English stays the same.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from generator.history.vintages import PUBLISHED, VERSION, History, Season, from_json, row_key
from generator.lang.edition import EN
from generator.lang.jalali import JDate, month_length
from generator.model.figures import TEXT, Column, Figure, json_value

VERSION_EN, PUBLISHED_EN = "Publication (version)", "Published"
DEFINITION_EN = ("Each row: the figures of one row of the table as one publication published them. A new row each "
                 "time a publication published a figure of that row differently (a revision, a figure newly hidden, a "
                 "running total that grew). What a publication published is the last row of that table row at or "
                 "before it; «×»: hidden to protect privacy; an empty cell: not reported, or a row that publication "
                 "no longer showed. Numbers are as published; words are the English table's where it has them, "
                 "otherwise as published, in Persian.")
_SEASONS_EN = ("spring", "summer", "autumn", "winter")


class _Words:
    """How the Persian and the English table of one figure name the same cells now."""

    def __init__(self, fa: Figure, en: Figure) -> None:
        self.first = fa.columns[0].key
        self.now: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}  # row key → (Persian row, English row)
        self.by_text: dict[str, dict[str, str]] = {}  # column → Persian text → its one English text
        if len(fa.rows) != len(en.rows):  # not twins row for row: no word is taken from the English table
            return
        texts = {c.key for c in fa.columns if c.kind == TEXT} & {c.key for c in en.columns if c.kind == TEXT}
        clashing: set[tuple[str, str]] = set()
        for row_fa, row_en in zip(fa.rows, en.rows, strict=True):
            self.now[row_key(json_value(row_fa.get(self.first)))] = (row_fa, row_en)
            for key in texts:
                said, says = row_fa.get(key), row_en.get(key)
                if not isinstance(said, str) or not isinstance(says, str):
                    continue
                known = self.by_text.setdefault(key, {})
                if known.get(said, says) != says:
                    clashing.add((key, said))
                known[said] = says
        for key, said in clashing:  # one Persian text, two English ones: left in Persian
            del self.by_text[key][said]

    def row(self, row: dict[str, Any], texts: set[str]) -> dict[str, Any]:
        """A vintages row with its text cells in English where the tables give it."""
        fa_row, en_row = self.now.get(row_key(json_value(row.get(self.first))), ({}, {}))
        out = dict(row)
        for key in texts:
            said = row.get(key)
            if not isinstance(said, str):
                continue
            if key in fa_row and fa_row[key] == said and isinstance(en_row.get(key), str):
                out[key] = en_row[key]
            else:
                out[key] = self.by_text.get(key, {}).get(said, said)
        return out


def season_en(season: str) -> str:
    """`1400-3` → «autumn 1400 (23 September to 21 December 2021)»."""
    year, n = (int(part) for part in season.split("-"))
    first, last = 3 * n - 2, 3 * n
    start, end = JDate(year, first, 1), JDate(year, last, month_length(year, last))
    return f"{_SEASONS_EN[n - 1]} {year} ({EN.date_plain(start)} to {EN.date_plain(end)})"


def season_figure(season: Season, own: Figure) -> Figure:
    """A closed season the branch holds as files, back as a figure (its JSON's rows and columns)."""
    doc = json.loads(next(data for name, data in season.files if name.endswith(".json")))
    columns = tuple(Column(c["key"], c.get("label", c["key"]), c.get("type", TEXT), protected=bool(c.get("protected")))
                    for c in doc.get("columns", []) if not c.get("joins"))
    kinds = {c.key: c.kind for c in columns}
    rows = doc.get("rows", [])
    return dataclasses.replace(
        own, id=doc.get("id", own.id), title_fa=doc.get("title", own.title_fa), columns=columns,
        rows=tuple({k: from_json(r.get(k), kinds[k]) for k in kinds} for r in rows),
        updated=from_json(doc.get("updated"), "date") if doc.get("updated") else own.updated,
        synthetic_rows=tuple(bool(r.get("synthetic")) for r in rows) if any(r.get("synthetic") for r in rows) else ())


def _in_english(fig: Figure, en: Figure, words: _Words, title: str) -> Figure:
    labels = {c.key: c.label_fa for c in en.columns} | {VERSION: VERSION_EN, PUBLISHED: PUBLISHED_EN}
    columns = tuple(dataclasses.replace(c, label_fa=labels.get(c.key, c.label_fa)) for c in fig.columns)
    texts = {c.key for c in fig.columns if c.kind == TEXT} - {VERSION, PUBLISHED}
    return dataclasses.replace(fig, title_fa=title, columns=columns, rows=tuple(words.row(r, texts) for r in fig.rows),
                               source_fa=en.source_fa, definition_fa=DEFINITION_EN)


def in_english(history: History, fa: Figure, en: Figure) -> History:
    """The history of the figure `fa` in the words of `en`, its English twin; every closed season as a figure
    of its own, to be written in English."""
    words = _Words(fa, en)
    own = _in_english(history.own, en, words, f"{en.title_fa}: every publication")
    seasons = []
    for season in history.earlier:
        fig = season.figure if season.figure is not None else season_figure(season, history.own)
        seasons.append(Season(season.season, _in_english(
            fig, en, words, f"{en.title_fa}: the publications of {season_en(season.season)}")))
    return History(own, tuple(seasons))
