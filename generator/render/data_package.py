"""The Frictionless data package of every published table: `downloads/datapackage.json` (open_data.py).

One tabular resource per CSV download, with each field's type (Jalali dates as patterned strings, not
Gregorian dates), its Persian and English description and unit, «×» and the empty cell as missing values,
`#` as the comment character (the licence and citation lines, the optional HXL row), the licence and the
publication it belongs to. A test validates it with the frictionless library.
"""

from __future__ import annotations

import json
from typing import Any

from generator.history.vintages import SUFFIX
from generator.lang.edition import EN, FA, Edition
from generator.lang.vocabulary_en import UNITS_EN
from generator.model.dataset import Dataset
from generator.model.figures import (
    DATE,
    DECIMAL,
    INT,
    MONTH,
    PERCENT,
    TEXT,
    Figure,
    spreadsheet_safe,
)
from generator.model.publication import SYMBOL
from generator.render.open_data import DOWNLOADS, Citation, hxl_row, joinable, unit_of
from generator.render.vintage_files import VintageFiles

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



def title_en(fig: Figure, ds: Dataset) -> str:
    """An English title for a table, from its id (the ids name what each table is: pages/figures.py and
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


def _field(column: Any, ed: Edition, twin: Any = None) -> dict:
    """A column as the package describes it, in the edition's words (the Persian package: Persian, then
    English); `twin`: the same column in the other edition, whose label is `x-title-<language>`."""
    kind, constraints, about_fa, about_en = KINDS[column.kind]
    unit = unit_of(column.label_fa)
    label = column.label_fa  # the edition's own label (a figure holds its edition's words in `*_fa`)
    english = about_en + (f", in {UNITS_EN[unit['en']][1]}" if unit else "") + (
        "; a count of people or households under disclosure control: «×» where it is hidden"
        if column.protected else "") + "."
    persian = f"{about_fa}" + ("؛ شمار افراد یا خانوارها، زیر کنترل افشا: «×» جایی که پنهان است"
                               if column.protected else "")
    # the name is the header as the CSV writes it (a label a spreadsheet could run is written after a «'»)
    field = {"name": spreadsheet_safe(label), "title": label, "type": kind,
             "description": f"{label}: {persian}. {english}" if ed.fa else f"{label}: {english}",
             "x-key": column.key}
    if twin is not None:
        field[f"x-title-{ed.pick('en', 'fa')}"] = twin.label_fa
    if unit:
        field["x-unit"] = unit
    if constraints:
        field["constraints"] = constraints
    if column.kind in (DATE, MONTH):
        field["x-calendar"] = "jalali"
    if column.joins and column.key.endswith(("_gregorian", "_gregorian_start", "_gregorian_end")):  # joinable
        field.update({"type": "date", "format": "default", "x-calendar": "gregorian",
                      "description": f"{label}. The same day in the Gregorian calendar, ISO 8601 (for a "
                                     "month: its first or last day)."})
        field.pop("constraints", None)
    elif column.joins and column.key.endswith("_iso"):
        field.update(description=f"{label}. The province's ISO 3166-2 code.",
                     constraints={"pattern": "IR-[0-9]{2}"})
    return field


def package(figures: list[tuple[Figure, str]], ds: Dataset, cite: Citation, version: str | None,
            title: str | None, histories: list[VintageFiles | None],
            twins: tuple[dict[str, Figure], Citation] | None = None) -> str:
    """The Frictionless data package of an edition's tables (`cite.ed`): `figures` with the page each is on,
    then each figure's vintages (`histories`, one or None for each of `figures`, in their order, or none: CSV and
    JSON, no XLSX; the closed seasons' files by their addresses, `x-earlier`, as they are outside the
    package's folder). `twins`: the other edition's tables by id, with their citation: each table and
    column is titled in both languages (`x-title-en` in the Persian package, `x-title-fa` in the English
    one), and each table names its twin's CSV (`x-twin`)."""
    ed = cite.ed
    other_ed = ed.pick(EN, FA)
    others = {fid: joinable(fig, twins[1]) for fid, fig in twins[0].items()} if twins else {}
    tables = [(fig, page, None) for fig, page in figures]
    if histories:
        tables += [(history.figure, page, history) for (_, page), history in zip(figures, histories, strict=True)
                   if history is not None]
    # a licence needs an id (or a URL) in a data package; without `licence_id` the licence's text stands alone
    licences = {"licenses": [{"name": cite.licence_id, "title": cite.licence}]} if cite.licence_id else {}
    resources = []
    for fig, page, history in tables:
        twin = others.get(fig.id)  # a vintages table's twin is the other edition's vintages, or else its table
        if twin is None and history:
            twin = others.get(history.figure.id.removesuffix(SUFFIX))
        fig = joinable(fig, cite)  # the columns its downloads have
        twin_columns = {c.key: c for c in twin.columns} if twin is not None else {}
        fields = [_field(c, ed, twin_columns.get(c.key)) for c in fig.columns]
        if fig.synthetic:
            header, yes, no = cite.words
            fields.append({"name": header, "title": header, "type": "boolean", "trueValues": [yes],
                           "falseValues": [no], "description": ed.pick("ردیف ساختگی است. ", "") +
                           "The row is synthetic (made up for the example site)."}
                          | ({f"x-title-{other_ed.code}": twins[1].words[0]} if twin is not None else {}))
        other_title = ((twin.title_fa if twin is not None else title_en(fig, ds)) if ed.fa
                       else (twin.title_fa if twin is not None else None))
        if history and other_title and not (twin is not None and twin.id.endswith(SUFFIX)):
            other_title += ed.pick(": every publication (vintages)", " (همهٔ انتشارها)")
        resources.append({
            "name": fig.id, "title": fig.title_fa, f"x-title-{other_ed.code}": other_title,
            "path": f"{fig.id}.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "profile": "tabular-data-resource",
            "description": f"{fig.definition_fa} {ed.pick('منبع', 'Source')}: {fig.source_fa}",
            "dialect": {"delimiter": ",", "header": True, "commentChar": "#"},
            "schema": {"fields": fields, "missingValues": ["", SYMBOL]},
            **licences, "x-licence": cite.licence,
            "x-page": page, "x-json": f"{fig.id}.json",
            **({"x-earlier": list(history.earlier)} if history else {"x-xlsx": f"{fig.id}.xlsx"}),
            **({"x-twin": _twin_csv(ed, fig.id)} if twin is not None and twin.id == fig.id else {}),
            "x-updated": fig.updated.iso if fig.updated else None, "x-synthetic": fig.synthetic,
            "x-citation": cite.line(fig),
        } | ({"x-hxl": hxl_row(fig)} if cite.hxl else {}))
    site = ds.site
    doc = {
        "profile": "tabular-data-package",
        "name": "aid-transparency-portal",
        "title": ed.pick(site.organisation_fa, site.organisation_en),
        f"x-title-{other_ed.code}": ed.pick(site.organisation_en, site.organisation_fa),
        "description": ed.pick(site.description_fa, site.description_en or site.description_fa),
        **licences, "x-licence": cite.licence,
        "contributors": [{"title": ed.pick(site.organisation_fa, site.organisation_en), "role": "publisher"}],
        "keywords": ["covid-19", "relief", "iran", "transparency"],
        "x-language": ed.code,
        "x-publication": {"version": version, "title": title},
        "x-suppressed": f"«{SYMBOL}»: a figure hidden by disclosure control (docs: methodology page)",
        "resources": resources,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _twin_csv(ed: Edition, fid: str) -> str:
    """The same table's CSV in the other edition, from this package's folder (downloads/ or en/downloads/)."""
    return f"../{EN.prefix}{DOWNLOADS}/{fid}.csv" if ed.fa else f"../../{DOWNLOADS}/{fid}.csv"
