"""The static JSON API: `api/index.json` and one file per programme, province and meeting, at the same
paths in every published version. Facts and links only: every count of people stays in the tables
(open_data.py), where the audit checks it.
"""

from __future__ import annotations

import json
from typing import Any

from generator.lang.edition import EN
from generator.model.dataset import Dataset
from generator.model.publication import SYMBOL
from generator.render.data_package import PACKAGE
from generator.render.open_data import DOWNLOADS, Citation

API = "api"

def page_url(md_path: str) -> str:
    """A page's address under the site root, as MkDocs writes it (directory URLs)."""
    stem = md_path.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def _page_en(path: str, english: dict[str, Any], up: str) -> dict[str, str]:
    """A page's English twin (`page_en`), when the English edition is built."""
    return {"page_en": f"{up}{EN.prefix}{page_url(path)}"} if english else {}


def _dataset_en(fig: Any, page: str, earlier: tuple | None) -> dict:
    """A table in the English edition (`fig`, whose `title_fa` holds its English title): its title, page
    and files, from api/; its vintages, with their closed seasons (`earlier`, addresses from en/downloads/,
    or None when it has none)."""
    here = f"../{EN.prefix}"
    vintages = {} if earlier is None else {"vintages": {
        "csv": f"{here}{DOWNLOADS}/{fig.id}-vintages.csv", "json": f"{here}{DOWNLOADS}/{fig.id}-vintages.json",
        # one folder up less from api/ than from en/downloads/
        "earlier": [{k: v.removeprefix("../") if k != "season" else v for k, v in e.items()} for e in earlier]}}
    return {"title": fig.title_fa, "page": here + page_url(page),
            **{kind: f"{here}{DOWNLOADS}/{fig.id}.{kind}" for kind in ("csv", "json", "xlsx")},
            "datapackage": f"{here}{DOWNLOADS}/{PACKAGE}", **vintages}


def _dump(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _en(text: str) -> str | None:
    """A text's English twin as the API gives it: null where staff gave none (the Persian is beside it)."""
    return text or None


def _decision(t: Any) -> dict:
    d = t.decision
    return {"id": d.id, "meeting": t.meeting.id, "text": d.text_fa, "text_en": _en(d.text_en),
            "programme": t.programme.id if t.programme else None, "target": t.target,
            "due": t.due.iso if t.due else None, "provinces": list(d.provinces),
            "status": t.status, "page": f"../../decisions/#{d.id}"}


def api_files(ds: Dataset, pages: list[Any], tracked: tuple, cite: Citation, version: str | None,
              title: str | None, earlier: dict[str, tuple] | None = None,
              english: dict[str, Any] | None = None, earlier_en: dict[str, tuple] | None = None) -> dict[str, str]:
    """api/index.json and one file per programme, province and meeting; paths relative to api/. Facts and
    links only: every count of people stays in the datasets, where the audit checks it. `earlier`: each
    figure's closed seasons of vintages (render/vintage_files.py), by figure id. Every text is in Persian
    with its English twin beside it (`*_en`, null where staff gave none); `english`: the English edition's
    tables by id, when it is built: each dataset's English title, page and files, and its English vintages
    with their closed seasons (`earlier_en`, by figure id)."""
    earlier = earlier or {}
    earlier_en = earlier_en or {}
    english = english or {}
    from generator.pages.plan import meeting_path, programme_path, province_path

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
            "short_name_en": _en(p.short_name_en), "description_fa": p.description_fa or None,
            "description_en": _en(p.description_en),
            "unit": p.unit, "pledged": p.pledged, "pledge_fa": p.pledge_fa, "pledge_en": _en(p.pledge_en),
            "pledged_at": p.pledged_at, "counted_from": p.delivered_from, "page": f"../../{page_url(path)}",
            **_page_en(path, english, "../../"),
            "datasets": [f"../../{DOWNLOADS}/{f}.json" for f in figures_of.get(path, [])],
            "decisions": by_programme.get(p.id, [])})
    for p in ds.provinces:
        path = province_path(p)
        files[f"provinces/{p.slug}.json"] = _dump({
            "iso_code": p.iso_code, "slug": p.slug, "name_fa": p.name_fa, "name_en": p.name_en,
            "population_2016": p.population_2016, "page": f"../../{page_url(path)}",
            **_page_en(path, english, "../../"),
            "datasets": [f"../../{DOWNLOADS}/{f}.json" for f in figures_of.get(path, [])],
            "decisions": by_province.get(p.iso_code, []),
            "reported_at": [m.id for m in ds.meetings if any(r.province == p.iso_code for r in m.reports)]})
    for m in ds.meetings:
        files[f"meetings/{m.id}.json"] = _dump({
            "id": m.id, "date": m.date.iso, "date_fa": m.date.fa(), "gregorian": m.date.to_gregorian().isoformat(),
            "number": m.number, "title_fa": m.title_fa, "title_en": _en(m.title_en), "summary_fa": m.summary_fa,
            "summary_en": _en(m.summary_en), "synthetic": m.synthetic,
            "date_estimated": m.date_estimated, "page": f"../../{page_url(meeting_path(m.id))}",
            **_page_en(meeting_path(m.id), english, "../../"),
            "decisions": [_decision(by_id[d.id]) for d in m.decisions],
            "follow_ups": [{"decision": f.decision, "status": f.status or None, "quantity": f.quantity,
                            "due": f.due.iso if f.due else None, "reason_fa": f.reason_fa,
                            "reason_en": _en(f.reason_en), "note_fa": f.note_fa, "note_en": _en(f.note_en)}
                           for f in m.follow_ups],
            "provinces_reported": sorted({r.province for r in m.reports})})
    files["index.json"] = _dump({
        "publication": {"version": version, "title": title},
        "licence": cite.licence, "licence_id": cite.licence_id or None, "suppressed": SYMBOL,
        "datapackage": f"../{DOWNLOADS}/{PACKAGE}",
        "datasets": [{"id": f.id, "title": f.title_fa, "page": f"../{page_url(on_page[f.id])}",
                      "csv": f"../{DOWNLOADS}/{f.id}.csv", "json": f"../{DOWNLOADS}/{f.id}.json",
                      "xlsx": f"../{DOWNLOADS}/{f.id}.xlsx",
                      **({"en": _dataset_en(english[f.id], on_page[f.id], earlier_en.get(f.id))}
                         if f.id in english else {}),
                      "vintages": {"csv": f"../{DOWNLOADS}/{f.id}-vintages.csv",
                                   "json": f"../{DOWNLOADS}/{f.id}-vintages.json",
                                   "earlier": list(earlier.get(f.id, ()))},
                      "updated": f.updated.iso if f.updated else None,
                      "synthetic": f.synthetic} for f in figures],
        "programmes": [{"id": p.id, "name_fa": p.name_fa, "name_en": p.name_en, "href": f"programmes/{p.id}.json"}
                       for p in ds.programmes],
        "provinces": [{"iso_code": p.iso_code, "name_fa": p.name_fa, "name_en": p.name_en,
                       "href": f"provinces/{p.slug}.json"} for p in ds.provinces],
        "meetings": [{"id": m.id, "date_fa": m.date.fa(), "gregorian": m.date.to_gregorian().isoformat(),
                      "href": f"meetings/{m.id}.json"} for m in ds.meetings],
    })
    return files
