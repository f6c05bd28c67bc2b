"""Open data on the built example site: the Frictionless data package, the XLSX downloads, the static JSON
API and the open data page, with every link resolved against the files the site serves."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlparse

import frictionless
import openpyxl

from generator.history.vintages import is_vintages
from generator.model.figures import read_csv_rows


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self._in_main = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._in_main += 1
        if tag == "a" and self._in_main and a.get("href"):
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_main -= 1


def _resolve(site: Path, page: str, href: str) -> Path | None:
    """The file a relative link from `page` (a path under site/) leads to, or None for another host."""
    url = urlparse(href)
    if url.scheme or url.netloc:
        return None
    target = normpath(str(Path(page).parent / url.path)) if url.path else page
    path = site / target
    return path / "index.html" if url.path.endswith("/") or path.is_dir() else path


def _downloads(site: Path) -> set[str]:
    """The tables: every figure's download (not the cells, the log, the package or the decisions)."""
    skip = {"cells", "publications", "datapackage"}
    return {p.stem for p in (site / "downloads").glob("*.json") if p.stem not in skip and not is_vintages(p.name)}


def test_the_data_package_is_valid_and_describes_every_table(example_site: Path) -> None:
    site = example_site / "site"
    package = site / "downloads" / "datapackage.json"
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:10]
    doc = json.loads(package.read_text(encoding="utf-8"))
    names = {r["name"] for r in doc["resources"]}
    # every table, and its vintages (CSV and JSON, no XLSX)
    assert names == _downloads(site) | {f"{n}-vintages" for n in _downloads(site)}
    assert doc["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in doc["resources"]:
        assert resource["schema"]["missingValues"] == ["", "×"]
        for other in ("x-json",) if is_vintages(resource["name"]) else ("x-json", "x-xlsx"):
            assert (site / "downloads" / resource[other]).is_file()
        assert (site / resource["x-page"] / "index.html").is_file(), resource["x-page"]
        fields = [f["name"] for f in resource["schema"]["fields"]]
        header = read_csv_rows((site / "downloads" / resource["path"]).read_text(encoding="utf-8"))[0]
        assert fields == header, resource["name"]
        for field in resource["schema"]["fields"]:
            assert field["description"] and field["type"] in ("string", "integer", "number", "boolean", "date")
        # a title in English too, from what the table is (not its id)
        assert resource["x-title-en"] != resource["name"] and re.search("[A-Za-z]{3}", resource["x-title-en"])
    units = {f["x-unit"]["en"] for r in doc["resources"] for f in r["schema"]["fields"] if "x-unit" in f}
    assert {"family", "device", "package"} <= units
    # frictionless reads each hidden figure as a missing value, and every other count as a whole number
    read = frictionless.Package(str(package))
    hidden = 0
    for resource in doc["resources"]:
        counts = [f["name"] for f in resource["schema"]["fields"] if f["type"] == "integer"]
        csv_rows = read_csv_rows((site / "downloads" / resource["path"]).read_text(encoding="utf-8"))
        rows = read.get_resource(resource["name"]).read_rows()
        assert len(rows) == len(csv_rows) - 1, resource["name"]
        for row, cells in zip(rows, csv_rows[1:], strict=True):
            for name in counts:
                cell = cells[csv_rows[0].index(name)]
                assert row[name] == (None if cell in ("", "×") else int(cell)), (resource["name"], name)
                hidden += cell == "×"
    assert hidden > 50


def test_a_data_package_with_a_wrong_value_is_reported(example_site: Path, tmp_path: Path) -> None:
    """The validation can fail: a count typed as text in one CSV is an error naming its row and field."""
    import shutil

    shutil.copytree(example_site / "site" / "downloads", tmp_path / "downloads")
    path = tmp_path / "downloads" / "programme-family-support-provinces.csv"
    text = path.read_text(encoding="utf-8-sig").splitlines()
    cells = text[1].split(",")
    cells[1] = "بسیار"
    text[1] = ",".join(cells)
    path.write_text("\ufeff" + "\r\n".join(text) + "\r\n", encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "downloads" / "datapackage.json"))
    assert not report.valid
    assert [(task.name, error.type, error.row_number, error.field_name) for task in report.tasks
            for error in task.errors] == [("programme-family-support-provinces", "type-error", 2, "تحویل‌شده (خانوار)")]


def test_each_download_carries_a_licence_and_a_citation_and_the_xlsx_reads_right_to_left(example_site: Path
                                                                                          ) -> None:
    site = example_site / "site"
    for fid in sorted(_downloads(site)):
        text = (site / "downloads" / f"{fid}.csv").read_text(encoding="utf-8-sig")
        lines = text.splitlines()
        assert lines[-2].startswith("# مجوز: ") and lines[-1].startswith("# استناد: ") and "«" in lines[-1], fid
        doc = json.loads((site / "downloads" / f"{fid}.json").read_text(encoding="utf-8"))
        assert doc["licence"] and doc["citation"] == lines[-1].removeprefix("# استناد: ") and doc["suppressed"] == "×"
    book = openpyxl.load_workbook(site / "downloads" / "programme-family-support-provinces.xlsx")
    data, notes = book.worksheets
    assert data.sheet_view.rightToLeft and notes.sheet_view.rightToLeft
    values = {row[0].value: row[1].value for row in notes.iter_rows()}
    assert values["مجوز"] and values["استناد"].startswith("قرارگاه") and "×" in values["رقم پنهان"]
    assert isinstance(data.cell(2, 2).value, int | str)


def test_the_api_index_and_every_file_it_names_resolve(example_site: Path) -> None:
    site = example_site / "site"
    index = json.loads((site / "api" / "index.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in index["datasets"]} == _downloads(site)
    for d in index["datasets"]:
        for link in (d["csv"], d["json"], d["xlsx"], d["vintages"]["csv"], d["vintages"]["json"]):
            assert _resolve(site, "api/index.json", link).is_file(), link
        assert _resolve(site, "api/index.json", d["page"]).is_file(), d["page"]
    assert _resolve(site, "api/index.json", index["datapackage"]).is_file()
    kinds = {"programmes": 4, "provinces": 31, "meetings": 10}
    for kind, count in kinds.items():
        assert len(index[kind]) == count, kind
        for entry in index[kind]:
            path = f"api/{entry['href']}"
            doc = json.loads((site / path).read_text(encoding="utf-8"))
            assert _resolve(site, path, doc["page"]).is_file(), doc["page"]
            for dataset in doc.get("datasets", []):
                assert _resolve(site, path, dataset).is_file(), dataset
    oxygen = json.loads((site / "api/programmes/oxygen-concentrators.json").read_text(encoding="utf-8"))
    assert oxygen["unit"] == "device" and oxygen["decisions"] and {d["status"] for d in oxygen["decisions"]}
    source = json.loads((site / "api/meetings/1400-05-27.json").read_text(encoding="utf-8"))
    assert source["date_fa"] == "۲۷ مرداد ۱۴۰۰" and len(source["decisions"]) == 4
    assert all(d["status"] for d in source["decisions"])
    # facts and links only: no count of people is repeated outside the audited tables
    gilan = json.loads((site / "api/provinces/gilan.json").read_text(encoding="utf-8"))
    assert set(gilan) == {"iso_code", "slug", "name_fa", "name_en", "population_2016", "page", "datasets",
                          "decisions", "reported_at"}


def test_the_open_data_page_lists_every_table_with_links_that_resolve(example_site: Path) -> None:
    site = example_site / "site"
    page = "open-data/index.html"
    parser = _Links()
    parser.feed((site / page).read_text(encoding="utf-8"))
    local = [h for h in parser.hrefs if not urlparse(h).scheme]
    for href in local:
        target = _resolve(site, page, href.split("#")[0]) if href.split("#")[0] else None
        assert target is None or target.is_file(), href
    listed = {Path(h).stem: set() for h in local if re.search(r"downloads/[^/]+\.(csv|json|xlsx)$", h)}
    for h in local:
        m = re.search(r"downloads/([^/]+)\.(csv|json|xlsx)$", h)
        if m:
            listed[m[1]].add(m[2])
    tables = _downloads(site)
    assert {name for name, formats in listed.items() if formats == {"csv", "json", "xlsx"}} == tables
    assert any(h.endswith("downloads/datapackage.json") for h in local)
    assert any(h.endswith("api/index.json") for h in local)


def test_hxl_hashtags_are_off_by_default_and_on_when_asked(example_site: Path, tmp_path: Path) -> None:
    from helpers import make_project, run_portal

    plain = (example_site / "site" / "downloads" / "programme-oxygen-concentrators-provinces.csv").read_text(
        encoding="utf-8-sig").splitlines()
    assert not plain[1].startswith("#")
    root = make_project(tmp_path / "p")
    site_yaml = root / "data" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "hxl: yes\n", encoding="utf-8")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    downloads = root / "site" / "downloads"
    lines = (downloads / "programme-oxygen-provinces.csv").read_text(encoding="utf-8-sig").splitlines()
    # oxygen: devices; then the joinable province code
    assert lines[1] == "#adm1+name,#value+delivered,#indicator+pct,#adm1+code,#meta+synthetic"
    over_time = (downloads / "province-kerman-over-time.csv").read_text(encoding="utf-8-sig").splitlines()
    assert over_time[1].startswith("#date+week_ending+jalali,#value+delivered+oxygen")
    assert over_time[1].endswith(",#date+week_ending,#meta+synthetic")  # the same week, Gregorian
    # readers that skip comment lines skip it: the data package is still valid, the rows are the table's
    report = frictionless.validate(str(downloads / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:5]
    assert read_csv_rows("\n".join(lines))[1] == lines[2].split(",")


def test_every_table_is_joinable_by_iso_code_and_gregorian_date(example_site: Path) -> None:
    """After the page's columns: each province's ISO 3166-2 code, each Jalali day's Gregorian date, and each
    Jalali month's first and last Gregorian days; typed as dates (and a code pattern) in the data package."""
    import datetime as dt

    from generator.lang.jalali import JDate

    downloads = example_site / "site" / "downloads"
    provinces = {r[1]: r[0] for r in read_csv_rows((example_site / "data/reference/provinces.csv")
                                                   .read_text(encoding="utf-8"))[1:]}
    seen = {"iso": 0, "day": 0}
    for name in sorted(_downloads(example_site / "site")):
        doc = json.loads((downloads / f"{name}.json").read_text(encoding="utf-8"))
        keys = [c["key"] for c in doc["columns"]]
        for row in doc["rows"]:
            if "province_iso" in keys:
                assert row["province_iso"] == provinces.get(row["province"], ""), (name, row)
                seen["iso"] += bool(row["province_iso"])
            for key in keys:
                if key + "_gregorian" in keys and row[key]:
                    day = JDate(*map(int, row[key].split("-")))
                    assert row[key + "_gregorian"] == day.to_gregorian().isoformat(), (name, row)
                    seen["day"] += 1
                if key + "_gregorian_start" in keys and row[key]:
                    start = dt.date.fromisoformat(row[key + "_gregorian_start"])
                    end = dt.date.fromisoformat(row[key + "_gregorian_end"])
                    assert JDate.from_gregorian(start).iso[:7] == row[key] == JDate.from_gregorian(end).iso[:7]
                    assert JDate.from_gregorian(end + dt.timedelta(days=1)).iso[:7] != row[key]
        # the page's columns come first, as they were
        assert not any(k.endswith(("_iso", "_gregorian")) for k in keys[:len(keys) - sum(
            k.endswith(("_iso", "_gregorian", "_gregorian_start", "_gregorian_end")) for k in keys)]), name
    assert seen["iso"] > 100 and seen["day"] > 50, seen
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["x-key"]: f for r in package["resources"] for f in r["schema"]["fields"] if "x-key" in f}
    assert fields["week_gregorian"]["type"] == "date" and fields["province_iso"]["constraints"]["pattern"]


def test_all_zip_holds_every_table_the_package_and_the_licence_with_the_same_bytes_each_build(
        example_site: Path, tmp_path: Path) -> None:
    import shutil
    import zipfile

    from helpers import run_portal

    downloads = example_site / "site" / "downloads"
    with zipfile.ZipFile(downloads / "all.zip") as z:
        names = z.namelist()
        assert names == sorted(names)
        for name in names:  # each member is the file beside it
            assert z.read(name) == (downloads / name).read_bytes(), name
    tables = {f"{n}.csv" for n in _downloads(example_site / "site")} | {f"{n}.json" for n in _downloads(
        example_site / "site")}
    assert tables <= set(names) and {"datapackage.json", "LICENCE.txt"} <= set(names)
    assert "cells.json" not in names
    # another build of the same data, elsewhere and later: the same bytes
    again = tmp_path / "again"
    shutil.copytree(example_site, again, ignore=shutil.ignore_patterns("site", ".cache"))
    code, out, err = run_portal(again, "build")
    assert code == 0, out + err
    assert (again / "site/downloads/all.zip").read_bytes() == (downloads / "all.zip").read_bytes()
    # and so is every other file that travels: the bulletin, the link previews, the charts as images
    for folder in ("downloads", "cards", "embed"):
        mine = {p.relative_to(example_site / "site").as_posix(): p.read_bytes()
                for p in (example_site / "site" / folder).rglob("*") if p.is_file()}
        theirs = {p.relative_to(again / "site").as_posix(): p.read_bytes()
                  for p in (again / "site" / folder).rglob("*") if p.is_file()}
        assert mine.keys() == theirs.keys() and len(mine) > 40, folder
        assert [k for k in mine if mine[k] != theirs[k]] == [], folder
