"""The changes since the previous publication (history/changes.py) in the English edition's words.

The changes are found once, on the Persian edition's figures (the two editions publish the same cells); here
each change is named as the English edition names its table, row and column: the same figure by its id, the
same row by its place in the table (both editions build their rows from the same data, in the same order),
the same column by its key. A table the English edition does not show (one that was removed since) keeps its
Persian title, and the English page marks it as Persian.
"""

from __future__ import annotations

import dataclasses

from generator.history.changes import Change, Changes
from generator.model.figures import Figure, json_value


def _rows(fig: Figure) -> list[str]:
    """Each row's first cell as a change names it (as its JSON download publishes it)."""
    first = fig.columns[0].key
    return [str(json_value(row.get(first))) for row in fig.rows]


def in_english(changes: Changes, persian: list[Figure], english: list[Figure]) -> Changes:
    """`changes` (found on the `persian` figures) with the titles, rows and columns of the `english` ones."""
    fa = {f.id: f for f in persian}
    en = {f.id: f for f in english}
    rows: dict[str, dict[str, str]] = {}  # figure id -> Persian row name -> English row name
    for fid, fig in en.items():
        if fid in fa and len(fa[fid].rows) == len(fig.rows):
            rows[fid] = dict(zip(_rows(fa[fid]), _rows(fig), strict=True))
    titles = {fa[fid].title_fa: en[fid].title_fa for fid in en if fid in fa}

    def named(c: Change) -> Change:
        if c.figure not in en:
            return c
        labels = {col.key: col.label_fa for col in en[c.figure].columns}
        return dataclasses.replace(c, title=en[c.figure].title_fa, row=rows.get(c.figure, {}).get(c.row, c.row),
                                   column=labels.get(c.column_key, c.column))

    return dataclasses.replace(
        changes, changed=tuple(named(c) for c in changes.changed),
        new_rows={titles.get(name, name): n for name, n in changes.new_rows.items()},
        new_figures=tuple(titles.get(name, name) for name in changes.new_figures))
