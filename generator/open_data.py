"""Open data: every published table as CSV, JSON and XLSX, a Frictionless data package that describes
them, and a static JSON API.

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

import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from .figures import (
    DATE,
    DECIMAL,
    INT,
    MONTH,
    NO_FA,
    PERCENT,
    SYNTHETIC_FA,
    TEXT,
    YES_FA,
    Figure,
    as_csv,
    as_csv_rows,
    json_doc,
)
from .model import Dataset, Site
from .publication import SYMBOL
from .schema import UNITS

DOWNLOADS = "downloads"
API = "api"
PACKAGE = "datapackage.json"

# Persian and English descriptions of each kind of column, for the data package
KINDS: dict[str, tuple[str, dict, str, str]] = {
    # kind: (Frictionless type, constraints, description fa, description en)
    TEXT: ("string", {}, "متن", "text"),
    DATE: ("string", {"pattern": r"\d{4}-\d{2}-\d{2}"}, "تاریخ خورشیدی (سال-ماه-روز)",
           "Jalali (Solar Hijri) date, YYYY-MM-DD; not a Gregorian date"),
    MONTH: ("string", {"pattern": r"\d{4}-\d{2}"}, "ماه خورشیدی (سال-ماه)", "Jalali (Solar Hijri) month, YYYY-MM"),
    INT: ("integer", {"minimum": 0}, "عدد صحیح", "whole number"),
    DECIMAL: ("number", {}, "عدد با یک رقم اعشار", "number, one decimal place"),
    PERCENT: ("number", {}, "درصد، با یک رقم اعشار", "percentage, one decimal place"),
}


@dataclass(frozen=True)
class Citation:
    """How a download names its licence and how to cite it."""

    licence: str  # the licence in Persian (site.yaml licence_fa)
    licence_id: str  # an Open Definition id such as CC-BY-4.0, or "" when none is given
    organisation: str
    hxl: bool = False  # a row of HXL hashtags under each CSV's header (site.yaml `hxl`)

    def line(self, fig: Figure) -> str:
        """Names the table and its date, not the publication: a table whose figures did not change keeps
        the same bytes in every version (the publish branch stores it once)."""
        updated = f"، به‌روز تا {fig.updated.fa()}" if fig.updated else ""
        return f"{self.organisation}، «{fig.title_fa}»، درگاه شفافیت کمک‌ها{updated}."


def citation(site: Site) -> Citation:
    return Citation(site.licence_fa, site.licence_id, site.organisation_fa, site.hxl)


# HXL (the Humanitarian Exchange Language) hashtags by column key, then by kind
# (dates are Jalali, not the ISO 8601 Gregorian dates HXL tools assume: +jalali says so)
HXL_KEYS = {"province": "#adm1+name", "county": "#adm2+name", "week": "#date+week_ending+jalali",
            "month": "#date+month+jalali", "programme": "#sector+name", "provinces": "#adm1+name+list",
            "population": "#population", "id": "#meta+id", "meeting": "#date+meeting+jalali",
            "decision": "#description+decision", "status": "#status", "due": "#date+due+jalali",
            "target": "#targeted"}
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
        elif c.protected:
            unit = _unit(c.label_fa)
            attribute = "" if c.key in ("delivered", "households", "value") else \
                "+" + "".join(ch if ch.isalnum() else "_" for ch in c.key.lower())
            people = unit is None or unit["en"] in PEOPLE
            tags.append(("#reached" if people else "#value+delivered") + attribute)
        else:
            tags.append(HXL_KINDS[c.kind])
    return tags + (["#meta+synthetic"] if fig.synthetic else [])


# --- the three formats ------------------------------------------------------------------------------------

def csv_text(fig: Figure, cite: Citation) -> str:
    """The figure's CSV (figures.as_csv), with the licence and the citation as `#` lines at the end, and,
    when the site asks for it, a row of HXL hashtags under the header (it starts with `#`, so readers that
    skip comment lines skip it, as the data package says)."""
    text = as_csv(fig)
    if cite.hxl:
        header, rest = text.split("\r\n", 1)
        text = header + "\r\n" + ",".join(hxl_row(fig)) + "\r\n" + rest
    return text + f"# مجوز: {cite.licence}\r\n# استناد: {cite.line(fig)}\r\n"


def json_text(fig: Figure, cite: Citation) -> str:
    doc = json_doc(fig) | {"suppressed": SYMBOL, "licence": cite.licence, "citation": cite.line(fig)}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def xlsx_bytes(fig: Figure, cite: Citation) -> bytes:
    """The table on a right-to-left sheet, numbers as numbers; the notes on a second sheet. The same
    figure gives the same bytes (a fixed creation date: the figure's own)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False,
                                     "strings_to_formulas": False})
    when = dt.datetime.combine(fig.updated.to_gregorian() if fig.updated else dt.date(2021, 1, 1), dt.time(12))
    book.set_properties({"title": fig.title_fa, "author": cite.organisation, "company": cite.organisation,
                         "comments": cite.line(fig), "created": when})
    bold = book.add_format({"bold": True})
    one_place = book.add_format({"num_format": "0.0"})
    sheet = book.add_worksheet("داده")
    sheet.right_to_left()
    rows = as_csv_rows(fig)
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
    notes = book.add_worksheet("درباره")
    notes.right_to_left()
    notes.set_column(0, 0, 14)
    notes.set_column(1, 1, 100)
    for i, (label, text) in enumerate((
            ("عنوان", fig.title_fa), ("منبع", fig.source_fa), ("تعریف", fig.definition_fa),
            ("به‌روز تا", fig.updated.fa() if fig.updated else "—"),
            ("رقم پنهان", f"«{SYMBOL}»: برای حفظ حریم خصوصی پنهان است؛ خانهٔ خالی: گزارش نشده"),
            ("مجوز", cite.licence), ("استناد", cite.line(fig)))):
        notes.write_string(i, 0, label, bold)
        notes.write_string(i, 1, text)
    book.close()
    return out.getvalue()


def downloads(fig: Figure, cite: Citation) -> dict[str, str | bytes]:
    return {f"{fig.id}.csv": csv_text(fig, cite), f"{fig.id}.json": json_text(fig, cite),
            f"{fig.id}.xlsx": xlsx_bytes(fig, cite)}


# --- the data package --------------------------------------------------------------------------------------

def title_en(fig: Figure, ds: Dataset) -> str:
    """An English title for a table, from its id (the ids name what each table is: page_figures.py and
    household_figures.py)."""
    programmes = {p.id: p.name_en for p in ds.programmes}
    provinces = {p.slug: p.name_en for p in ds.provinces}
    fid = fig.id
    fixed = {"centres-by-province": "Centres by province and type",
             "home-trends": "Share of each pledge delivered, week by week",
             "decisions": "Decisions of the meetings and their follow-up"}
    if fid in fixed:
        return fixed[fid]
    for prefix, names, kinds in (
            ("programme-", programmes, {"over-time": "delivered over time, against the pledge",
                                        "provinces": "delivered by province",
                                        "map": "delivered per 100,000 people, by province (map)"}),
            ("households-", programmes, {"provinces": "households supported, by province",
                                         "heads": "households supported, by the head's age band and gender",
                                         "months": "households supported, month by month"})):
        if fid.startswith(prefix):
            for pid, name in names.items():
                for suffix, what in kinds.items():
                    if fid == f"{prefix}{pid}-{suffix}":
                        return f"{name}: {what}"
    for slug, name in provinces.items():
        if fid == f"province-{slug}-over-time":
            return f"{name} province: delivered per programme, over time"
        if fid == f"province-{slug}-per-capita":
            return f"{name} province: delivered per person, against the whole country (country = 100)"
        for pid, programme in programmes.items():
            if fid == f"province-{slug}-households-{pid}":
                return f"{name} province: households supported by {programme}, by county"
    return fid


def _unit(label: str) -> dict | None:
    """The unit a column's label names in brackets («تحویل‌شده (خانوار)»), in Persian and as its id."""
    for key, fa in UNITS.items():
        if label.endswith(f"({fa})"):
            return {"fa": fa, "en": key}
    return None

def _field(fig: Figure, column: Any) -> dict:
    kind, constraints, about_fa, about_en = KINDS[column.kind]
    unit = _unit(column.label_fa)
    field = {"name": column.label_fa, "title": column.label_fa, "type": kind,
             "description": f"{column.label_fa}: {about_fa}" + ("؛ شمار افراد یا خانوارها، زیر کنترل افشا: «×» جایی که "
                                                                  "پنهان است" if column.protected else "") +
             f". {about_en}" + (f", in {unit['en']}s" if unit else "") + (
                 "; a count of people or households under disclosure control: «×» where it is hidden"
                 if column.protected else "") + ".",
             "x-key": column.key}
    if unit:
        field["x-unit"] = unit
    if constraints:
        field["constraints"] = constraints
    if column.kind in (DATE, MONTH):
        field["x-calendar"] = "jalali"
    return field


def package(figures: list[tuple[Figure, str]], ds: Dataset, cite: Citation, version: str | None,
            title: str | None) -> str:
    """The Frictionless data package of every table: `figures` with the page each is on."""
    # a licence needs an id (or a URL) in a data package; without `licence_id` the Persian text stands alone
    licences = {"licenses": [{"name": cite.licence_id, "title": cite.licence}]} if cite.licence_id else {}
    resources = []
    for fig, page in figures:
        fields = [_field(fig, c) for c in fig.columns]
        if fig.synthetic:
            fields.append({"name": SYNTHETIC_FA, "title": SYNTHETIC_FA, "type": "boolean",
                           "trueValues": [YES_FA], "falseValues": [NO_FA],
                           "description": "ردیف ساختگی است. The row is synthetic (made up for the example site)."})
        resources.append({
            "name": fig.id, "title": fig.title_fa, "x-title-en": title_en(fig, ds), "path": f"{fig.id}.csv",
            "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "profile": "tabular-data-resource",
            "description": f"{fig.definition_fa} منبع: {fig.source_fa}",
            "dialect": {"delimiter": ",", "header": True, "commentChar": "#"},
            "schema": {"fields": fields, "missingValues": ["", SYMBOL]},
            **licences, "x-licence": cite.licence,
            "x-page": page, "x-json": f"{fig.id}.json", "x-xlsx": f"{fig.id}.xlsx",
            "x-updated": fig.updated.iso if fig.updated else None, "x-synthetic": fig.synthetic,
            "x-citation": cite.line(fig),
        } | ({"x-hxl": hxl_row(fig)} if cite.hxl else {}))
    doc = {
        "profile": "tabular-data-package",
        "name": "aid-transparency-portal",
        "title": ds.site.organisation_fa,
        "description": ds.site.description_fa,
        **licences, "x-licence": cite.licence,
        "contributors": [{"title": ds.site.organisation_fa, "role": "publisher"}],
        "keywords": ["covid-19", "relief", "iran", "transparency"],
        "x-publication": {"version": version, "title": title},
        "x-suppressed": f"«{SYMBOL}»: a figure hidden by disclosure control (docs: methodology page)",
        "resources": resources,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --- the static JSON API -----------------------------------------------------------------------------------

def page_url(md_path: str) -> str:
    """A page's address under the site root, as MkDocs writes it (directory URLs)."""
    stem = md_path.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def _dump(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _decision(t: Any) -> dict:
    d = t.decision
    return {"id": d.id, "meeting": t.meeting.id, "text": d.text_fa,
            "programme": t.programme.id if t.programme else None, "target": t.target,
            "due": t.due.iso if t.due else None, "provinces": list(d.provinces),
            "status": t.status, "page": f"../../decisions/#{d.id}"}


def api_files(ds: Dataset, pages: list[Any], tracked: tuple, cite: Citation, version: str | None,
              title: str | None) -> dict[str, str]:
    """api/index.json and one file per programme, province and meeting; paths relative to api/. Facts and
    links only: every count of people stays in the datasets, where the audit checks it."""
    from .pages import meeting_path, programme_path, province_path

    on_page = {fig.id: page.path for page in pages for fig in page.figures}
    figures_of = {page.path: [fig.id for fig in page.figures] for page in pages}
    figures = [fig for page in pages for fig in page.figures]
    by_programme: dict[str, list[dict]] = {}
    by_province: dict[str, list[str]] = {}
    for t in tracked:
        if t.programme:
            by_programme.setdefault(t.programme.id, []).append(_decision(t))
        for code in t.decision.provinces:
            by_province.setdefault(code, []).append(t.id)
    by_id = {t.id: t for t in tracked}
    files: dict[str, str] = {}
    for p in ds.programmes:
        path = programme_path(p.id)
        files[f"programmes/{p.id}.json"] = _dump({
            "id": p.id, "name_fa": p.name_fa, "short_name_fa": p.short_name_fa, "name_en": p.name_en,
            "unit": p.unit, "pledged": p.pledged, "pledge_fa": p.pledge_fa, "pledged_at": p.pledged_at,
            "counted_from": p.delivered_from, "page": f"../../{page_url(path)}",
            "datasets": [f"../../{DOWNLOADS}/{f}.json" for f in figures_of.get(path, [])],
            "decisions": by_programme.get(p.id, [])})
    for p in ds.provinces:
        path = province_path(p)
        files[f"provinces/{p.slug}.json"] = _dump({
            "iso_code": p.iso_code, "slug": p.slug, "name_fa": p.name_fa, "name_en": p.name_en,
            "population_2016": p.population_2016, "page": f"../../{page_url(path)}",
            "datasets": [f"../../{DOWNLOADS}/{f}.json" for f in figures_of.get(path, [])],
            "decisions": by_province.get(p.iso_code, []),
            "reported_at": [m.id for m in ds.meetings if any(r.province == p.iso_code for r in m.reports)]})
    for m in ds.meetings:
        files[f"meetings/{m.id}.json"] = _dump({
            "id": m.id, "date": m.date.iso, "date_fa": m.date.fa(), "gregorian": m.date.to_gregorian().isoformat(),
            "number": m.number, "title_fa": m.title_fa, "summary_fa": m.summary_fa, "synthetic": m.synthetic,
            "date_estimated": m.date_estimated, "page": f"../../{page_url(meeting_path(m.id))}",
            "decisions": [_decision(by_id[d.id]) for d in m.decisions],
            "follow_ups": [{"decision": f.decision, "status": f.status or None, "quantity": f.quantity,
                            "due": f.due.iso if f.due else None, "reason_fa": f.reason_fa, "note_fa": f.note_fa}
                           for f in m.follow_ups],
            "provinces_reported": sorted({r.province for r in m.reports})})
    files["index.json"] = _dump({
        "publication": {"version": version, "title": title},
        "licence": cite.licence, "licence_id": cite.licence_id or None, "suppressed": SYMBOL,
        "datapackage": f"../{DOWNLOADS}/{PACKAGE}",
        "datasets": [{"id": f.id, "title": f.title_fa, "page": f"../{page_url(on_page[f.id])}",
                      "csv": f"../{DOWNLOADS}/{f.id}.csv", "json": f"../{DOWNLOADS}/{f.id}.json",
                      "xlsx": f"../{DOWNLOADS}/{f.id}.xlsx", "updated": f.updated.iso if f.updated else None,
                      "synthetic": f.synthetic} for f in figures],
        "programmes": [{"id": p.id, "name_fa": p.name_fa, "href": f"programmes/{p.id}.json"} for p in ds.programmes],
        "provinces": [{"iso_code": p.iso_code, "name_fa": p.name_fa, "href": f"provinces/{p.slug}.json"}
                      for p in ds.provinces],
        "meetings": [{"id": m.id, "date_fa": m.date.fa(), "href": f"meetings/{m.id}.json"} for m in ds.meetings],
    })
    return files


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
