"""The audit of a figure's vintages (history/vintages.py) against the figure's own download beside it: what
the vintages say this publication published must be exactly the table, «×» where the table hides a figure,
so that no cell the table hides, and no value it does not show, comes out through the history. Values of
earlier publications are theirs as the branch holds them (each audited when it was published), and the
counts of people among them go through the small-count check like any table's (checks._small_counts)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.history.vintages import EARLIER, PUBLISHED, SUFFIX, VERSION, row_key
from generator.lang.messages import t


def vintage_findings(raw: str, path: Path, shared: Path) -> list[str]:
    """What is wrong with the vintages in `raw` (the file at `path`) against the figure's JSON beside it, with
    the closed seasons they list read from `shared` (the site's _shared/vintages/; each season's file is
    checked as a table of its own, its counts of people included)."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError:
        return [t("the vintages are not JSON: they cannot be checked against their table")]
    twin = path.with_name(path.name.removesuffix(f"{SUFFIX}.json") + ".json")
    try:
        table = json.loads(twin.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return [t("the vintages of a table that is not published beside them ({name})", name=twin.name)]
    columns = [c["key"] for c in doc.get("columns", []) if not c.get("joins") and c["key"] not in (VERSION, PUBLISHED)]
    if not columns:
        return [t("the vintages have no columns")]
    first, values = columns[0], columns[1:]
    found = []
    rows: list[dict] = []
    for entry in doc.get(EARLIER, []):  # the closed seasons first: the latest value may be in one of them
        name = str(entry.get("json", "")).rsplit("/", 1)[-1]
        try:
            rows += json.loads((shared / name).read_text(encoding="utf-8")).get("rows", [])
        except (OSError, json.JSONDecodeError, AttributeError):
            found.append(t("the vintages list a season's file that is not published ({name})", name=name))
    latest: dict[str, dict] = {}
    for row in rows + doc.get("rows", []):
        latest[row_key(row.get(first))] = row
    shown = set()
    for row in table.get("rows", []):
        key = row_key(row.get(first))
        shown.add(key)
        last = latest.get(key)
        if last is None:
            found.append(t("row «{row}» of the table is not in its vintages", row=row.get(first)))
            continue
        for column in values:
            if last.get(column) != row.get(column):
                found.append(t("row «{row}», column {column}: the vintages say this publication published «{said}», "
                               "the table shows «{shown}»", row=row.get(first), column=column, said=last.get(column),
                               shown=row.get(column)))
    for key, last in latest.items():
        if key not in shown and any(last.get(column) is not None for column in values):
            found.append(t("row «{row}» is in the vintages with values, but not in the table this publication "
                           "shows", row=json.loads(key)))
    return found[:20]
