"""Every figure's history as data: each row's values as each publication published them (its vintages, as
ALFRED keeps every vintage of a series), for `downloads/<figure>-vintages.csv` and `.json`.

A vintages table has the figure's first column (the week, month, province or programme the row is
about), its other columns, then the publication (`publication`, the version) and its date (`published`,
the meeting it followed). A row is written when a publication first published that row, and again each
time a later publication published it with another value (a revision, a newly hidden «×», a running total
that moved): the value a publication published is that of the last row at or before it. A row that a
publication no longer shows gets a row of empty cells. Values are exactly as published, «×» where hidden.

The history is read from the branch, never from the data: the previous version's vintages (publish/
branch.py), with this publication's rows added; a previous version that has none (published before
vintages were) starts the history with its own figures. So the vintages go on after the retention policy
takes old versions off the branch. A local build (`portal build`) publishes nothing: its vintages hold its
own rows alone, with no version.

A version's own vintages hold the rows of its Jalali season (the three months its publication is in);
the rows of each closed season are a file of their own (`Season`), written once by the first publication
of a later season, named by its bytes and kept in the publish branch's shared folder (`_shared/vintages/`,
publish/shared.py), which every later version lists: the vintages cost a version its season, not the
whole history, and a season's rows are stored once however many versions show them. The whole history of
a figure is its seasons' files, oldest first, then the version's own; the own JSON lists them (`earlier`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.history.changes import Before
from generator.lang.jalali import JDate, parse_jalali, parse_jalali_month
from generator.lang.messages import t
from generator.lang.persian import persian_digits
from generator.model.figures import DATE, MONTH, TEXT, Column, Figure, json_value
from generator.model.publication import SUPPRESSED, SYMBOL

SUFFIX = "-vintages"
VERSION, PUBLISHED = "publication", "published"
EARLIER = "earlier"  # in a version's own vintages JSON: its closed seasons' files, oldest first


def vintages_id(figure_id: str) -> str:
    return figure_id + SUFFIX


def row_key(value: object) -> str:
    """A row's first cell (as JSON holds it) as the key its vintages are matched by."""
    return json.dumps(value, ensure_ascii=False)


def is_vintages(name: str) -> bool:
    """Whether a download's name (`province-tehran-over-time-vintages.json`) is a vintages table."""
    return name.rsplit(".", 1)[0].endswith(SUFFIX)


@dataclass(frozen=True)
class This:
    """The publication being built: its version (None for a local build) and the day it is dated."""

    version: str | None
    day: JDate | None


@dataclass(frozen=True)
class _Vintage:
    key: str  # the row's first cell, as JSON
    values: dict[str, Any]  # column key → value as JSON (numbers, «×», ISO dates, None)
    version: str | None
    day: str | None  # ISO Jalali
    synthetic: bool
    season: str | None = None  # the closed season's file it was read from (None: a version's own rows)


def season_of(iso: str | None) -> str | None:
    """The Jalali season of an ISO Jalali day (`1400-07-08` → `1400-3`: autumn, months 7–9); None for none."""
    if not iso:
        return None
    year, month = iso.split("-")[:2]
    return f"{year}-{(int(month) - 1) // 3 + 1}"


@dataclass(frozen=True)
class Season:
    """A closed season of a figure's vintages: either carried from the branch as published (`files`: its
    CSV's and JSON's names in the shared folder → their bytes) or new (`figure`: its rows, to be written
    by the render stage, which names the files by their bytes)."""

    season: str  # `1400-2`
    figure: Figure | None = None
    files: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True)
class History:
    """A figure's vintages: the closed seasons' files (oldest first) and the version's own rows."""

    own: Figure
    earlier: tuple[Season, ...] = ()


def from_json(value: Any, kind: str) -> Any:
    """A JSON value back as the figure's rows hold it."""
    if value == SYMBOL:
        return SUPPRESSED
    if isinstance(value, str) and kind == DATE:
        return parse_jalali(value)
    if isinstance(value, str) and kind == MONTH:
        return parse_jalali_month(value)
    return value


def _read(rows: list[dict], first: str, keys: list[str], season: str | None = None) -> list[_Vintage]:
    return [_Vintage(row_key(r.get(first)), {k: r.get(k) for k in keys}, r.get(VERSION), r.get(PUBLISHED),
                     bool(r.get("synthetic")), season) for r in rows]


def earlier_seasons(old: dict, shared: dict[str, bytes]) -> list[tuple[str, dict[str, bytes], dict]]:
    """The closed seasons a version's own vintages JSON (`old`) lists, as the branch holds them (`shared`:
    a shared file's name → its bytes): (season, its files, its JSON parsed), oldest first. A listed file
    the branch does not hold is a broken history: ValueError."""
    out = []
    for entry in old.get(EARLIER, []):
        names = {kind: str(entry[kind]).rsplit("/", 1)[-1] for kind in ("csv", "json")}
        if any(name not in shared for name in names.values()):
            raise ValueError(t("the vintages list a season's file the branch does not hold ({name})",
                               name=names["json"]))
        files = {name: shared[name] for name in names.values()}
        out.append((str(entry["season"]), files, json.loads(shared[names["json"]])))
    return out


def _earlier(fig: Figure, first: str, keys: list[str], before: Before | None
             ) -> tuple[list[_Vintage], dict[str, dict[str, bytes]]]:
    """What the branch says was published before this publication, and the closed seasons' files."""
    if before is None:
        return [], {}
    old = before.vintages.get(vintages_id(fig.id))
    if old is not None:
        records: list[_Vintage] = []
        carried: dict[str, dict[str, bytes]] = {}
        for season, files, doc in earlier_seasons(old, before.shared):
            records += _read(doc.get("rows", []), first, keys, season)
            carried[season] = files
        return records + _read(old.get("rows", []), first, keys), carried
    doc = before.docs.get(fig.id)
    if doc is None:
        return [], {}
    day = before.day.iso if before.day else None
    return [_Vintage(row_key(r.get(first)), {k: r.get(k) for k in keys}, before.name, day,
                     bool(r.get("synthetic"))) for r in doc.get("rows", [])], {}


def vintages(fig: Figure, before: Before | None, this: This) -> History:
    """The figure's vintages: the history on the branch, with this publication's rows, its closed seasons
    apart."""
    first = fig.columns[0]
    cols = [c for c in fig.columns[1:] if not c.joins]
    keys = [c.key for c in cols]
    records, carried = _earlier(fig, first.key, keys, before)
    last: dict[str, _Vintage] = {}
    for r in records:
        last[r.key] = r
    day = this.day.iso if this.day else None
    order: list[str] = []
    for i, row in enumerate(fig.rows):
        key = row_key(json_value(row.get(first.key)))
        order.append(key)
        values = {k: json_value(row.get(k)) for k in keys}
        was = last.get(key)
        if was is None or was.values != values:
            last[key] = _Vintage(key, values, this.version, day, fig.row_is_synthetic(i))
            records.append(last[key])
    for key, was in list(last.items()):  # rows this publication no longer shows
        if key not in order and any(v is not None for v in was.values.values()):
            last[key] = _Vintage(key, dict.fromkeys(keys), this.version, day, was.synthetic)
            records.append(last[key])
            order.append(key)
    now = season_of(day) if this.version else None
    closed = [r for r in records if now and r.season is None and (season_of(r.day) or now) < now]
    gone = {id(r) for r in closed}
    own = [r for r in records if r.season is None and id(r) not in gone]
    place = {key: n for n, key in enumerate(order)}
    for r in own:
        place.setdefault(r.key, len(place))
    own.sort(key=lambda r: place[r.key])  # stable: each row's publications stay in order
    table = _table(fig, first, cols, own, vintages_id(fig.id), f"{fig.title_fa}: همهٔ انتشارها", fig.updated)
    seasons = [Season(s, files=tuple(sorted(files.items()))) for s, files in carried.items()]
    for s in sorted({season_of(r.day) for r in closed}):  # closed since the previous version: kept in order
        year, n = s.split("-")
        rows = [r for r in closed if season_of(r.day) == s]
        last = max(r.day for r in rows if r.day)  # the season's file is as of its last publication, not this one
        seasons.append(Season(s, _table(fig, first, cols, rows, f"{vintages_id(fig.id)}-{s}",
                                        f"{fig.title_fa}: انتشارهای {_SEASONS[int(n) - 1]} {persian_digits(year)}",
                                        parse_jalali(last))))
    return History(table, tuple(sorted(seasons, key=lambda x: x.season)))


_SEASONS = ("بهار", "تابستان", "پاییز", "زمستان")


def _table(fig: Figure, first: Column, cols: list[Column], records: list[_Vintage], name: str,
           title: str, updated: JDate | None) -> Figure:
    keys = [c.key for c in cols]
    kinds = {c.key: c.kind for c in cols}
    rows = tuple({first.key: from_json(json.loads(r.key), first.kind),
                  **{k: from_json(r.values.get(k), kinds[k]) for k in keys},
                  VERSION: r.version, PUBLISHED: parse_jalali(r.day) if r.day else None} for r in records)
    synthetic = tuple(r.synthetic for r in records) if fig.synthetic_rows else ()
    definition = ("هر سطر: ارقام یک ردیف جدول، آن‌گونه که یک انتشار منتشر کرد. سطری تازه هر بار که انتشاری رقمی از "
                  "آن ردیف را دیگرگون منتشر کرد (بازبینی، رقمی که پنهان شد، جمعی که افزایش یافت). رقم هر انتشار "
                  "همان رقم آخرین سطرِ آن ردیف است که در آن انتشار یا پیش از آن آمده؛ «×»: پنهان برای حفظ حریم "
                  "خصوصی؛ خانهٔ خالی: گزارش نشده، یا ردیفی که آن انتشار دیگر نشان نداد.")
    return Figure(id=name, title_fa=title,
                  columns=(first, *cols, Column(VERSION, "انتشار (نسخه)", TEXT),
                           Column(PUBLISHED, "تاریخ انتشار", DATE)),
                  rows=rows, chart=None, plotted=(), alt_fa="", source_fa=fig.source_fa, definition_fa=definition,
                  updated=updated, synthetic_rows=synthetic)
