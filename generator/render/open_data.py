"""Open data: every published table as CSV, JSON and XLSX (this module), a Frictionless data package that
describes them (data_package.py), and a static JSON API (api.py).

All of it is made from the same `Figure` rows as the page's table and chart (figures.py), after disclosure
control: a hidden figure is «×» in every format, an empty cell is a figure not reported.

- `downloads/<figure>.csv`: UTF-8 with a BOM (Excel opens the Persian text), the page's column headers,
  then the licence and the citation as `#` lines at the end (declared as comment lines in the data package);
- `downloads/<figure>.json`: the rows with the columns' keys, types and labels, the licence and citation;
- `downloads/<figure>.xlsx`: the table on a right-to-left sheet, numbers as numbers, «×» as text; a
  second sheet with the title, source, definition, licence and citation. Deterministic bytes;
- `downloads/datapackage.json`: a Frictionless data package (https://specs.frictionlessdata.io/), one
  resource per table (its CSV), with each field's type, unit and Persian and English description, «×»
  and the empty cell declared as missing values, and the publication it belongs to;
- `api/`: `index.json` lists every dataset with its page and files; `programmes/<id>.json`,
  `provinces/<slug>.json` and `meetings/<id>.json` give each one's facts and its datasets. The paths are
  stable within every published version.

Nothing here reads the data again: it takes the figures the pages were rendered from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from generator.lang.edition import FA, Edition
from generator.lang.jalali import JDate, JMonth, month_length
from generator.lang.vocabulary_en import UNITS_EN
from generator.model.dataset import Province, Site
from generator.model.figures import (
    DATE,
    DECIMAL,
    INT,
    MONTH,
    PERCENT,
    SYNTHETIC_WORDS,
    TEXT,
    Column,
    Figure,
    as_csv,
    as_csv_rows,
    json_doc,
)
from generator.model.publication import SYMBOL
from generator.schema.files import UNITS

DOWNLOADS = "downloads"

@dataclass(frozen=True)
class Citation:
    """How a download names its licence and how to cite it."""

    licence: str  # the licence in Persian (site.yaml licence_fa)
    licence_id: str  # an Open Definition id such as CC-BY-4.0, or "" when none is given
    organisation: str
    hxl: bool = False  # a row of HXL hashtags under each CSV's header (site.yaml `hxl`)
    # each province's name as the tables write it → its ISO 3166-2 code, for the joinable columns
    provinces: tuple[tuple[str, str], ...] = ()
    ed: Edition = FA  # the language of the tables' words (the English edition's are in en/downloads/)

    def line(self, fig: Figure) -> str:
        """Names the table and its date, not the publication: a table whose figures did not change keeps
        the same bytes in every version (the publish branch stores it once)."""
        if self.ed.fa:
            updated = f"، به‌روز تا {fig.updated.fa()}" if fig.updated else ""
            return f"{self.organisation}، «{fig.title_fa}»، درگاه شفافیت کمک‌ها{updated}."
        updated = f", up to date to {self.ed.date(fig.updated)}" if fig.updated else ""
        return f"{self.organisation}, «{fig.title_fa}», aid transparency portal{updated}."

    @property
    def words(self) -> tuple[str, str, str]:
        """The synthetic column's header, yes and no."""
        return SYNTHETIC_WORDS if self.ed.fa else ("synthetic", "yes", "no")


def citation(site: Site, provinces: tuple[Province, ...] = (), ed: Edition = FA) -> Citation:
    """How the downloads of the edition `ed` name their licence and cite themselves."""
    if ed.fa:
        return Citation(site.licence_fa, site.licence_id, site.organisation_fa, site.hxl,
                        tuple((p.name_fa, p.iso_code) for p in provinces))
    return Citation(site.licence_en or site.licence_fa, site.licence_id, site.organisation_en, site.hxl,
                    tuple((p.name_en, p.iso_code) for p in provinces), ed)


# --- joinable with other data -----------------------------------------------------------------------------

def joinable(fig: Figure, cite: Citation) -> Figure:
    """The figure as its downloads give it, joinable with other data: after the page's columns, for each
    province column its ISO 3166-2 code («IR-01»), for each Jalali date its Gregorian date (ISO 8601), and
    for each Jalali month its first and last Gregorian days. The page's table is the first columns, as
    they were."""
    codes = dict(cite.provinces)
    ed = cite.ed
    extra: list[tuple[Column, str, Any]] = []  # (the new column, the column it is made from, how)
    for c in fig.columns:
        if c.key == "province" and c.kind == TEXT and codes:
            extra.append((Column(f"{c.key}_iso", ed.pick("کد استان (ISO 3166-2)", "Province code (ISO 3166-2)"),
                                 TEXT, joins=c.key), c.key,
                          lambda v: codes.get(v, "") if isinstance(v, str) else ""))
        elif c.kind == DATE:
            extra.append((Column(f"{c.key}_gregorian", ed.pick(f"{c.label_fa} (میلادی، ISO 8601)",
                                                               f"{c.label_fa} (Gregorian, ISO 8601)"),
                                 TEXT, joins=c.key),
                          c.key,
                          lambda v: v.to_gregorian().isoformat() if isinstance(v, JDate) else ""))
        elif c.kind == MONTH:
            extra.append((Column(f"{c.key}_gregorian_start", ed.pick(f"{c.label_fa}: نخستین روز (میلادی)",
                                                                     f"{c.label_fa}: first day (Gregorian)"),
                                 TEXT, joins=c.key), c.key,
                          lambda v: _month_day(v, first=True)))
            extra.append((Column(f"{c.key}_gregorian_end", ed.pick(f"{c.label_fa}: واپسین روز (میلادی)",
                                                                   f"{c.label_fa}: last day (Gregorian)"),
                                 TEXT, joins=c.key), c.key,
                          lambda v: _month_day(v, first=False)))
    if not extra:
        return fig
    rows = tuple({**row, **{column.key: how(row[source]) for column, source, how in extra}} for row in fig.rows)
    return dataclasses.replace(fig, columns=(*fig.columns, *(column for column, _, _ in extra)), rows=rows)


def _month_day(month: Any, first: bool) -> str:
    if not isinstance(month, JMonth):
        return ""
    day = 1 if first else month_length(month.year, month.month)
    return JDate(month.year, month.month, day).to_gregorian().isoformat()


# HXL (the Humanitarian Exchange Language) hashtags by column key, then by kind
# (dates are Jalali, not the ISO 8601 Gregorian dates HXL tools assume: +jalali says so)
HXL_KEYS = {"province": "#adm1+name", "county": "#adm2+name", "week": "#date+week_ending+jalali",
            "month": "#date+month+jalali", "programme": "#sector+name", "provinces": "#adm1+name+list",
            "population": "#population", "id": "#meta+id", "meeting": "#date+meeting+jalali",
            "decision": "#description+decision", "status": "#status", "due": "#date+due+jalali",
            "target": "#targeted",
            # the joinable columns (joinable): HXL's dates are the Gregorian ISO 8601 ones
            "province_iso": "#adm1+code", "week_gregorian": "#date+week_ending", "month_gregorian_start": "#date+start",
            "month_gregorian_end": "#date+end", "meeting_gregorian": "#date+meeting", "due_gregorian": "#date+due"}
HXL_KINDS = {TEXT: "#description", DATE: "#date+jalali", MONTH: "#date+month+jalali", INT: "#value",
             DECIMAL: "#indicator+num", PERCENT: "#indicator+pct"}
PEOPLE = ("family", "person")


def hxl_row(fig: Figure) -> list[str]:
    """The HXL hashtag of each column: places, dates and sectors by key; a count of families or people
    reached is #reached, of devices or packages delivered #value+delivered (with the programme as an
    attribute where the column is one programme's)."""
    tags = []
    for c in fig.columns:
        if c.key in HXL_KEYS:
            tags.append(HXL_KEYS[c.key])
        elif c.key.endswith("_gregorian"):
            tags.append("#date")
        elif c.protected:
            unit = unit_of(c.label_fa)
            attribute = "" if c.key in ("delivered", "households", "value") else \
                "+" + "".join(ch if ch.isalnum() else "_" for ch in c.key.lower())
            people = unit is None or unit["en"] in PEOPLE
            tags.append(("#reached" if people else "#value+delivered") + attribute)
        else:
            tags.append(HXL_KINDS[c.kind])
    return tags + (["#meta+synthetic"] if fig.synthetic else [])


def unit_of(label: str) -> dict | None:
    """The unit a column's label names in brackets («تحویل‌شده (خانوار)», «Delivered (families)»), in
    Persian and as its id."""
    for key, fa in UNITS.items():
        if label.endswith((f"({fa})", f"({UNITS_EN[key][1]})", f"({UNITS_EN[key][0]})")):
            return {"fa": fa, "en": key}
    return None

# --- the three formats ------------------------------------------------------------------------------------

def csv_text(fig: Figure, cite: Citation) -> str:
    """The figure's CSV (figures.as_csv), with the licence and the citation as `#` lines at the end, and,
    when the site asks for it, a row of HXL hashtags under the header (it starts with `#`, so readers that
    skip comment lines skip it, as the data package says)."""
    text = as_csv(fig, cite.words)
    if cite.hxl:
        header, rest = text.split("\r\n", 1)
        text = header + "\r\n" + ",".join(hxl_row(fig)) + "\r\n" + rest
    licence, cited = cite.ed.pick(("مجوز", "استناد"), ("Licence", "Citation"))
    return (text + f"# {licence}: {comment(cite.licence, cite.ed)}\r\n"
            f"# {cited}: {comment(cite.line(fig), cite.ed)}\r\n")


def comment(text: str, ed: Edition = FA) -> str:
    """A text as one `#` line of a CSV: on one line, with no comma or quote that would make it cells (a
    comma becomes the Persian one, «،», or in English a semicolon; no CSV reader splits on either)."""
    return " ".join(text.split()).replace(",", ed.pick("،", ";")).replace('"', "«")


def json_text(fig: Figure, cite: Citation, extra: dict[str, Any] | None = None) -> str:
    doc = json_doc(fig) | {"suppressed": SYMBOL, "licence": cite.licence, "citation": cite.line(fig)} | (extra or {})
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def in_both(fig: Figure, twin: Figure, ed: Edition) -> dict[str, Any]:
    """What a table's JSON adds to carry both languages: its language (`lang`), its title, source and
    definition as `<field>_fa` and `<field>_en`, and each column's label as `label_fa` and `label_en`, from
    `twin` (the same table in the other edition, joinable: the same columns by key). The rows stay in the
    document's own language; they join with the twin's by their codes and Gregorian dates, or by order."""
    other = ed.pick("en", "fa")
    labels = {c.key: c.label_fa for c in twin.columns}  # a figure holds its edition's words in `*_fa`
    columns = [c | {f"label_{ed.code}": c["label"], f"label_{other}": labels.get(c["key"])}
               for c in json_doc(fig)["columns"]]
    words = {}
    for field in ("title", "source", "definition"):
        words[f"{field}_{ed.code}"] = getattr(fig, f"{field}_fa")
        words[f"{field}_{other}"] = getattr(twin, f"{field}_fa")
    return {"lang": ed.code, "columns": columns, **dict(sorted(words.items()))}


def xlsx_bytes(fig: Figure, cite: Citation) -> bytes:
    """The table on a right-to-left sheet (left to right in English), numbers as numbers; the notes on a
    second sheet. The same figure gives the same bytes (a fixed creation date: the figure's own)."""
    ed = cite.ed
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False,
                                     "strings_to_formulas": False})
    when = dt.datetime.combine(fig.updated.to_gregorian() if fig.updated else dt.date(2021, 1, 1), dt.time(12))
    book.set_properties({"title": fig.title_fa, "author": cite.organisation, "company": cite.organisation,
                         "comments": cite.line(fig), "created": when})
    bold = book.add_format({"bold": True})
    one_place = book.add_format({"num_format": "0.0"})
    sheet = book.add_worksheet(ed.pick("داده", "Data"))
    if ed.fa:
        sheet.right_to_left()
    rows = as_csv_rows(fig, cite.words)
    kinds = [c.kind for c in fig.columns] + ([TEXT] if fig.synthetic else [])
    for j, name in enumerate(rows[0]):
        sheet.write_string(0, j, name, bold)
        sheet.set_column(j, j, max(10, min(40, len(name) + 2)))
    for i, row in enumerate(rows[1:], start=1):
        for j, (text, kind) in enumerate(zip(row, kinds, strict=True)):
            if text and text != SYMBOL and kind == INT:
                sheet.write_number(i, j, int(text))
            elif text and text != SYMBOL and kind in (DECIMAL, PERCENT):
                sheet.write_number(i, j, float(text), one_place)
            elif text:
                sheet.write_string(i, j, text)
    sheet.freeze_panes(1, 0)
    notes = book.add_worksheet(ed.pick("درباره", "About"))
    if ed.fa:
        notes.right_to_left()
    notes.set_column(0, 0, 14)
    notes.set_column(1, 1, 100)
    about = (("عنوان", fig.title_fa), ("منبع", fig.source_fa), ("تعریف", fig.definition_fa),
             ("به‌روز تا", fig.updated.fa() if fig.updated else "—"),
             ("رقم پنهان", f"«{SYMBOL}»: برای حفظ حریم خصوصی پنهان است؛ خانهٔ خالی: گزارش نشده"),
             ("مجوز", cite.licence), ("استناد", cite.line(fig))) if ed.fa else (
        ("Title", fig.title_fa), ("Source", fig.source_fa), ("Definition", fig.definition_fa),
        ("Up to date to", ed.date(fig.updated) if fig.updated else "—"),
        ("Hidden figure", f"«{SYMBOL}»: hidden to protect privacy; an empty cell: not reported"),
        ("Licence", cite.licence), ("Citation", cite.line(fig)))
    for i, (label, text) in enumerate(about):
        notes.write_string(i, 0, label, bold)
        notes.write_string(i, 1, text)
    book.close()
    return out.getvalue()


def downloads(fig: Figure, cite: Citation, twin: tuple[Figure, Citation] | None = None) -> dict[str, str | bytes]:
    """A table's CSV, JSON and XLSX; `twin`: the same table in the other edition with its citation, whose
    words the JSON carries too (in_both)."""
    fig = joinable(fig, cite)
    both = in_both(fig, joinable(*twin), cite.ed) if twin else None
    return {f"{fig.id}.csv": csv_text(fig, cite), f"{fig.id}.json": json_text(fig, cite, both),
            f"{fig.id}.xlsx": xlsx_bytes(fig, cite)}


# --- reading an XLSX back (the audit compares it with its CSV twin) ----------------------------------------

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def xlsx_sheets(data: bytes) -> list[list[list[str]]]:
    """Every sheet of an XLSX file as rows of cell texts (numbers as written), in order. Only what this
    module writes: shared or inline strings and numbers, no formulas."""
    import re
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t")) for si in root.findall("m:si", _NS)]
        sheets = sorted((n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
                        key=lambda n: int(re.findall(r"\d+", n)[-1]))
        out = []
        for name in sheets:
            root = ElementTree.fromstring(z.read(name))
            rows = []
            for row in root.iter(f"{{{_NS['m']}}}row"):
                cells: dict[int, str] = {}
                for c in row.findall("m:c", _NS):
                    column = _column(c.get("r", "A1"))
                    v = c.find("m:v", _NS)
                    if c.get("t") == "s" and v is not None:
                        cells[column] = shared[int(v.text or 0)]
                    elif c.get("t") == "inlineStr":
                        cells[column] = "".join(t.text or "" for t in c.iter(f"{{{_NS['m']}}}t"))
                    elif v is not None:
                        cells[column] = v.text or ""
                rows.append([cells.get(j, "") for j in range(max(cells) + 1)] if cells else [])
            out.append(rows)
        return out


def _column(ref: str) -> int:
    letters = "".join(ch for ch in ref if ch.isalpha())
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch.upper()) - 64)
    return n - 1


def same_cell(csv_cell: str, xlsx_cell: str) -> bool:
    """A CSV cell and its XLSX twin say the same: the same text, or the same number."""
    if csv_cell == xlsx_cell:
        return True
    try:
        return float(csv_cell) == float(xlsx_cell)
    except ValueError:
        return False
