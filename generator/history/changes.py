"""What changed since the previous publication, computed from what that publication published (its
downloads/*.json), never from the data as they are now: a figure revised afterwards shows its old value
as the public saw it.

Each figure's rows are matched by their first column (a week, a month, a province, a programme). A row of
a past period whose value differs is a revision, unless the column is a running total or a share of one
(figures.Column.running), which follows from the revised period; any other differing value (a total to
date, a share) is an update; rows and figures that appear are new. The previous publication is the version before this
one on the publish branch (publish.py). A local build (`portal build`) compares with nothing, so that the
same data always build the same pages.

Staff say why figures were revised in data/revisions.yaml; each entry that this publication publishes for
the first time (its id is in no earlier publication's log, archive.py) explains the changed figures that
match its programme, province and period (`reasons`), and its reason is printed beside them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from generator.lang.jalali import JDate
from generator.model.dataset import Dataset, Revision
from generator.model.figures import Figure, as_json

PERIOD_KINDS = ("date", "month")
# not tables: the disclosure cells, the log of publications, the data package
SKIP = ("cells.json", "publications.json", "datapackage.json")


@dataclass(frozen=True)
class Before:
    """The publication this one follows."""

    name: str  # the version id (`1400-06-10`), or "site/" for a local build
    title: str
    day: JDate | None  # the latest meeting it covered, when known
    docs: dict[str, dict]  # figure id -> its JSON download, parsed
    vintages: dict[str, dict] = field(default_factory=dict)  # `<figure id>-vintages` -> its JSON (vintages.py)
    shared: dict[str, bytes] = field(default_factory=dict)  # the closed seasons' files it lists: name -> bytes


@dataclass(frozen=True)
class Change:
    figure: str  # figure id
    title: str  # figure title
    row: str  # the row's first cell, as published
    column: str  # the column's label
    column_key: str  # the column's key (a programme's id, in tables with a column per programme)
    before: object  # as published: a number, "×", a text, or None
    after: object
    revision: bool  # a past period's figure (not a running total or a share)


@dataclass(frozen=True)
class Changes:
    before: Before | None
    changed: tuple[Change, ...]
    new_rows: dict[str, int]  # figure title -> rows that were not there before
    new_figures: tuple[str, ...]  # titles
    removed_figures: tuple[str, ...]  # titles

    @property
    def revisions(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changed if c.revision)

    @property
    def updates(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changed if not c.revision)


def _key(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def compare(before: Before | None, figures: list[Figure]) -> Changes:
    if before is None:
        return Changes(None, (), {}, (), ())
    changed: list[Change] = []
    new_rows: dict[str, int] = {}
    now = {f.id: (f, json.loads(as_json(f))) for f in figures}
    for fid, (fig, doc) in now.items():
        old = before.docs.get(fid)
        if old is None:
            continue
        first = doc["columns"][0]["key"]
        period = doc["columns"][0]["type"] in PERIOD_KINDS
        labels = {c["key"]: c["label"] for c in doc["columns"]}
        running = {c.key for c in fig.columns if c.running}
        old_rows = {_key(r.get(first)): r for r in old.get("rows", [])}
        added = 0
        for row in doc["rows"]:
            was = old_rows.get(_key(row.get(first)))
            if was is None:
                added += 1
                continue
            for key, label in labels.items():
                if key != first and key in was and was[key] != row.get(key):
                    changed.append(Change(fid, fig.title_fa, str(row.get(first)), label, key, was[key],
                                          row.get(key), period and key not in running))
        if added:
            new_rows[fig.title_fa] = added
    titles = {fid: fig.title_fa for fid, (fig, _) in now.items()}
    return Changes(before, tuple(changed), new_rows,
                   tuple(titles[f] for f in now if f not in before.docs),
                   tuple(d.get("title", f) for f, d in sorted(before.docs.items()) if f not in now))


def _match(revision: Revision, change: Change, ds: Dataset) -> str | None:
    """"direct" when the changed figure is about what the revision names (its period's row, and the
    programme and province it names, each when given), "total" when it adds up over programmes or
    provinces, None when it is about others."""
    if revision.period and not (change.row == revision.period or change.row.startswith(revision.period + "-")
                                or (len(change.row) == 7 and revision.period[:7] == change.row)):
        return None  # a week's revision explains that week, and its month where a series is shown by month
    how = "direct"
    for wanted, named in (
            (revision.programme, {p.id for p in ds.programmes if f"-{p.id}-" in f"-{change.figure}-"
                                  or change.column_key == p.id or change.row in (p.name_fa, p.short_name_fa)}),
            (revision.province, {p.iso_code for p in ds.provinces
                                 if change.figure.startswith(f"province-{p.slug}-") or change.row == p.name_fa})):
        if not wanted:
            continue
        if not named:
            how = "total"
        elif wanted not in named:
            return None
    return how


def reasons(revisions: tuple[Revision, ...], changed: tuple[Change, ...], ds: Dataset
            ) -> tuple[tuple[Revision, ...], ...]:
    """For each changed figure, the revisions whose reasons explain it (each edition writes their reasons
    in its words): those about that figure's programme, province and period, and, for a total over
    programmes or provinces, those that explain a figure of the same row that changed too (a province's
    revised week changes the national week)."""
    matches = [[_match(r, c, ds) for r in revisions] for c in changed]
    direct_rows = [{c.row for c, m in zip(changed, matches, strict=True) if m[i] == "direct"}
                   for i in range(len(revisions))]
    return tuple(tuple(r for i, r in enumerate(revisions)
                       if m[i] == "direct" or (m[i] == "total" and c.row in direct_rows[i]))
                 for c, m in zip(changed, matches, strict=True))
