"""A figure: one series of numbers, shown four ways (chart, table, CSV, JSON) from the same rows.

A `Figure` holds the rows exactly as published (numbers already rounded to what the table shows), the
columns with their Persian labels, which columns the chart plots, and a note (source, definition, last
updated, synthetic). The chart spec (charts/spec.py), the Markdown table (templates), and the downloads
(`as_csv`, `as_json`) are all made from these rows, so the four cannot disagree.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.lang.jalali import JDate, JMonth
from generator.model.publication import SUPPRESSED, SYMBOL

TEXT, DATE, MONTH, INT, DECIMAL, PERCENT = "text", "date", "month", "int", "decimal", "percent"


@dataclass(frozen=True)
class Column:
    key: str  # ASCII, used in JSON
    label_fa: str  # the table header, also the CSV header
    kind: str = INT  # text, date (Jalali day), month (Jalali month), int, decimal (one place), percent (one place)
    protected: bool = False  # a count of people under disclosure control: the audit checks it on the site
    # a running total, or a share of one: it changes whenever an earlier period does (changes.py lists a
    # revised period once, not again in every later running total)
    running: bool = False
    # a column made from another for joining with other data (render/open_data.joinable: an ISO code, a
    # Gregorian date): the key of the column it is made from
    joins: str = ""


@dataclass(frozen=True)
class KeyItem:
    """One entry of a chart's key, drawn in HTML beside the chart (right to left, unlike Vega's legends)."""

    label_fa: str
    colour: str
    mark: str = "box"  # "box", "line" (with `dash`), or "empty" (white with a grey edge: no data)
    dash: tuple[int, ...] = ()


@dataclass(frozen=True)
class Gradient:
    """The colour ramp of a map, from the lowest value to the highest."""

    low: float
    high: float
    colours: tuple[str, ...]


@dataclass(frozen=True)
class ChartSpecs:
    """A figure's chart as Vega-Lite specs (charts/spec.py): one drawn for a phone's column, shown at about
    its own size there, so that its text is as large on a phone as it was drawn; and one drawn for a wide
    column (a desktop's, a tablet's, a printed page's). The page shows the one that fits its column (CSS).
    `wide` is None for a chart without text (a map), which scales to any column."""

    phone: dict
    wide: dict | None = None

    @property
    def specs(self) -> tuple[dict, ...]:
        return (self.phone, self.wide) if self.wide is not None else (self.phone,)


@dataclass(frozen=True)
class Figure:
    id: str  # unique on the site; names the download files
    title_fa: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]  # values: str, JDate, JMonth, int, float (rounded to one place) or None
    chart: ChartSpecs | None  # the chart (charts/spec.py); None: a table only (long lists of small places)
    plotted: tuple[str, ...]  # keys of the columns whose values the chart's marks carry
    alt_fa: str  # the text alternative of the chart: what it shows, in one or two sentences
    source_fa: str
    definition_fa: str
    updated: JDate | None
    synthetic_rows: tuple[bool, ...] = field(default=())  # per row; empty when nothing is synthetic
    row_links: tuple[str | None, ...] = field(default=())  # per row: a page the first cell links to (pages only)
    key: tuple[KeyItem, ...] = field(default=())
    gradient: Gradient | None = None
    axis_fa: str = ""  # what the chart's value axis measures, written above the chart (charts have no titles)

    @property
    def synthetic(self) -> bool:
        return any(self.synthetic_rows)

    def row_is_synthetic(self, i: int) -> bool:
        return bool(self.synthetic_rows) and self.synthetic_rows[i]

    @property
    def has_suppressed(self) -> bool:
        """Whether a figure of the table is hidden (×): the page then says what the symbol means."""
        return any(v is SUPPRESSED for row in self.rows for v in row.values())


def _csv_value(value: Any) -> str:
    """An empty cell: not reported; SYMBOL: suppressed (publication.py)."""
    if value is None:
        return ""
    if value is SUPPRESSED:
        return SYMBOL
    if isinstance(value, JDate | JMonth):
        return value.iso
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def json_value(value: Any) -> Any:
    if value is SUPPRESSED:
        return SYMBOL
    return value.iso if isinstance(value, JDate | JMonth) else value


SYNTHETIC_FA, YES_FA, NO_FA = "ساختگی", "بله", "خیر"


SYNTHETIC_WORDS = (SYNTHETIC_FA, YES_FA, NO_FA)  # the synthetic column's header, yes and no (Persian)


def as_csv_rows(fig: Figure, words: tuple[str, str, str] = SYNTHETIC_WORDS) -> list[list[str]]:
    """The header (the table's column labels, and «ساختگی» when a row is synthetic), then one row of text
    per table row: Latin digits, Jalali dates as YYYY-MM-DD, «×» for a hidden figure, "" for none. `words`:
    the synthetic column's header, yes and no, in the figure's language."""
    synthetic, yes, no = words
    rows = [[c.label_fa for c in fig.columns] + ([synthetic] if fig.synthetic else [])]
    for i, row in enumerate(fig.rows):
        cells = [_csv_value(row.get(c.key)) for c in fig.columns]
        if fig.synthetic:
            cells.append(yes if fig.row_is_synthetic(i) else no)
        rows.append(cells)
    return rows


# A cell that starts with one of these is a formula to a spreadsheet (OWASP, "CSV injection"): «=HYPERLINK(…)»
# typed into a text would run when the download is opened. Such a cell is written after a «'», which
# spreadsheets read as "this is text"; so is a cell that starts with «'» itself, so that reading drops
# exactly one. A number (a count, «-1.5») is a number, not a formula, and is written as it is.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\ufe62", "\uff0b", "\ufe63", "\uff0d",
                    "\uff20")
TEXT_MARK = "'"
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_safe(cell: str) -> str:
    """The cell as a CSV download writes it: text that a spreadsheet could take for a formula after a «'»."""
    if cell.startswith(TEXT_MARK) or (cell.lstrip(" ").startswith(FORMULA_TRIGGERS) and not _NUMBER.fullmatch(cell)):
        return TEXT_MARK + cell
    return cell


def as_read(cell: str) -> str:
    """The text a CSV cell stands for (what spreadsheet_safe was given)."""
    return cell[1:] if cell.startswith(TEXT_MARK) else cell


def read_csv_rows(text: str) -> list[list[str]]:
    """A download's rows as a reader gets them: the BOM and the `#` lines (licence, citation) left out, each
    cell the text it stands for."""
    return [[as_read(c) for c in r] for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))
            if r and not r[0].startswith("#")]


def as_csv(fig: Figure, words: tuple[str, str, str] = SYNTHETIC_WORDS) -> str:
    """UTF-8 with a BOM (so Excel reads the Persian headers), Latin digits, Jalali dates as YYYY-MM-DD; no
    cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[spreadsheet_safe(c) for c in row]
                                                       for row in as_csv_rows(fig, words)])
    return "\ufeff" + out.getvalue()


def json_doc(fig: Figure) -> dict:
    return {
        "id": fig.id,
        "title": fig.title_fa,
        "columns": [{"key": c.key, "label": c.label_fa, "type": c.kind} | ({"protected": True} if c.protected else {})
                    | ({"joins": c.joins} if c.joins else {}) for c in fig.columns],
        "plotted": list(fig.plotted),
        "rows": [{c.key: json_value(row.get(c.key)) for c in fig.columns}
                 | ({"synthetic": fig.row_is_synthetic(i)} if fig.synthetic else {})
                 for i, row in enumerate(fig.rows)],
        "source": fig.source_fa,
        "definition": fig.definition_fa,
        "updated": fig.updated.iso if fig.updated else None,
        "synthetic": fig.synthetic,
    }


def as_json(fig: Figure) -> str:
    # compact: json's C encoder writes it (an indented document goes through its Python encoder, several
    # times slower over a national build's figures); the CSV is the download for reading by eye
    return json.dumps(json_doc(fig), ensure_ascii=False, separators=(",", ":")) + "\n"
