"""The English edition's downloads, data package, API and bulletin (issue 26), read on the real `portal build`
of the example data with both editions: each table's JSON and both data packages carry both languages; the
English data package is valid and describes the English CSVs; en/downloads/all.zip holds exactly the files
beside it; the API gives each text's English twin and each page's English address; the English bulletin is an
English A4 PDF with every font embedded, linked from the English pages and enclosed in the English feed."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from PIL import Image

PERSIAN = re.compile("[\u0600-\u06ff]")
NOT_TABLES = {"cells.json", "publications.json", "datapackage.json"}
BULLETIN = "bulletin-1400-07-28"


@pytest.fixture(scope="module")
def site(bilingual_site: Path) -> Path:
    return bilingual_site / "site"


def _tables(downloads: Path) -> list[Path]:
    return sorted(p for p in downloads.glob("*.json") if p.name not in NOT_TABLES and "-vintages" not in p.name)


def test_each_tables_json_carries_both_languages(site: Path) -> None:
    persian, english = _tables(site / "downloads"), _tables(site / "en" / "downloads")
    assert len(persian) > 20 and [p.name for p in persian] == [p.name for p in english]
    for fa_path, en_path in zip(persian, english, strict=True):
        fa, en = (json.loads(p.read_text(encoding="utf-8")) for p in (fa_path, en_path))
        assert (fa["lang"], en["lang"]) == ("fa", "en")
        assert fa["title_en"] == en["title"] == en["title_en"] and en["title_fa"] == fa["title"], fa_path.name
        assert PERSIAN.search(fa["title_fa"]) and not PERSIAN.search(fa["title_en"]), fa_path.name
        assert fa["source_en"] == en["source"] and en["definition_fa"] == fa["definition"]
        assert [c["key"] for c in fa["columns"]] == [c["key"] for c in en["columns"]]
        for c_fa, c_en in zip(fa["columns"], en["columns"], strict=True):
            assert c_fa["label_en"] == c_en["label"] and c_en["label_fa"] == c_fa["label"], (fa_path.name, c_fa)
            assert c_fa["label_en"] and not PERSIAN.search(c_fa["label_en"]), (fa_path.name, c_fa)
        # the same cells: every number as the Persian edition publishes it
        numbers = [[v for v in row.values() if isinstance(v, int | float) and not isinstance(v, bool)]
                   for row in fa["rows"]]
        assert numbers == [[v for v in row.values() if isinstance(v, int | float) and not isinstance(v, bool)]
                           for row in en["rows"]], fa_path.name


def test_both_data_packages_are_valid_and_name_each_table_in_both_languages(site: Path) -> None:
    import frictionless

    for folder in (site / "downloads", site / "en" / "downloads"):
        report = frictionless.validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    fa = json.loads((site / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    assert (fa["x-language"], en["x-language"]) == ("fa", "en") and not PERSIAN.search(en["title"])
    tables_fa = {r["name"]: r for r in fa["resources"]}
    assert len(en["resources"]) > 20
    for r in en["resources"]:
        twin = tables_fa[r["name"]]
        assert r["x-title-fa"] == twin["title"] and twin["x-title-en"] == r["title"], r["name"]
        assert not PERSIAN.search(r["title"] + r["description"]), r["name"]
        assert (site / "en" / "downloads" / r["x-twin"]).resolve() == (site / "downloads" / twin["path"]).resolve()
        assert (site / "downloads" / twin["x-twin"]).resolve() == (site / "en" / "downloads" / r["path"]).resolve()
        for f_en, f_fa in zip(r["schema"]["fields"], twin["schema"]["fields"], strict=True):
            assert f_en["x-title-fa"] == f_fa["title"] and f_fa.get("x-title-en") == f_en["title"], (r["name"], f_en)
            assert not PERSIAN.search(f_en["description"]), (r["name"], f_en)
    # «families», not «familys»: the units' plurals
    units = " ".join(f["description"] for r in en["resources"] for f in r["schema"]["fields"])
    assert "in families" in units and "familys" not in units and "persons" not in units


def test_the_english_zip_holds_the_english_files_beside_it(site: Path) -> None:
    downloads = site / "en" / "downloads"
    with zipfile.ZipFile(downloads / "all.zip") as z:
        names = z.namelist()
        assert {"datapackage.json", "LICENCE.txt"} <= set(names)
        assert {p.name for p in _tables(downloads)} <= set(names)
        for name in names:
            assert z.read(name) == (downloads / name).read_bytes(), name
    licence = (downloads / "LICENCE.txt").read_text(encoding="utf-8")
    assert licence.startswith("Imam Reza") and "Licence of the data" in licence and not PERSIAN.search(licence)


def test_the_api_gives_each_texts_english_twin_and_each_pages_english_address(site: Path,
                                                                               bilingual_site: Path) -> None:
    api = site / "api"
    index = json.loads((api / "index.json").read_text(encoding="utf-8"))
    for d in index["datasets"]:
        assert d["en"]["title"] and not PERSIAN.search(d["en"]["title"]), d["id"]
        for kind in ("page", "csv", "json", "xlsx"):
            target = (api / d["en"][kind]).resolve()
            assert (target / "index.html" if kind == "page" else target).is_file(), (d["id"], kind)
    assert all(p["name_en"] for p in index["programmes"] + index["provinces"])
    data = bilingual_site / "data"
    meeting = yaml.safe_load((data / "meetings" / "1400-07-28.yaml").read_text(encoding="utf-8"))
    doc = json.loads((api / "meetings" / "1400-07-28.json").read_text(encoding="utf-8"))
    assert doc["summary_en"] == " ".join(meeting["summary_en"].split()) or doc["summary_en"] == meeting["summary_en"]
    by_id = {d["id"]: d for d in doc["decisions"]}
    for decision in meeting["decisions"]:
        assert by_id[decision["id"]]["text_en"] == decision.get("text_en"), decision["id"]
    for path in sorted((api / "programmes").glob("*.json")) + sorted((api / "provinces").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))["page_en"]
        assert (path.parent / page / "index.html").resolve().is_file(), path.name
    # a text staff gave only in Persian: null in English, never a copy of the Persian
    seed = json.loads((api / "meetings" / "1400-05-27.json").read_text(encoding="utf-8"))
    assert all(f["reason_en"] is None or not PERSIAN.search(f["reason_en"]) for f in seed["follow_ups"])


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_the_english_bulletin_is_an_english_a4_pdf_linked_from_the_english_pages(site: Path) -> None:
    pdf = site / "en" / "downloads" / f"{BULLETIN}.pdf"
    text = " ".join(_text(pdf).split())
    assert "Weekly bulletin: meeting of 20 October 2021 (28 Mehr 1400)" in text, text[:300]
    assert "Figures up to 20 October 2021 (28 Mehr 1400)" in text and "Pledges and what has been delivered" in text
    packed = re.sub(r"\s", "", text)  # a table's cells are laid out in lines pdftotext may reorder
    for name in ("Family support", "Oxygen concentrators", "Livelihood packages"):  # a cell's lines: apart
        assert all(word in text.split() for word in name.split()), name
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    delivered = re.findall(r"Delivered so far: <strong>([^<]+)</strong>", home)
    assert len(delivered) >= 3 and all(re.sub(r"\s", "", d) in packed for d in delivered), delivered
    assert not PERSIAN.search(text) and not re.search("[۰-۹]", text)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert 1 <= int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1]) <= 2 and "(A4)" in info
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("Vazirmatn" in r and r.split()[-5] == "yes" for r in rows), fonts
    assert _text(site / "downloads" / f"{BULLETIN}.pdf") != _text(pdf)  # the Persian one is its own
    for page in ("index.html", "meetings/1400-07-28/index.html", "archive/index.html"):
        html = (site / "en" / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]*' + BULLETIN + r'\.(?:pdf|png))"', html)
        own = [link for link in links if ((site / "en" / page).parent / link).resolve().parent
               == (site / "en" / "downloads").resolve()]
        assert len(own) == 2, (page, links)
    feed = (site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert f'<link rel="enclosure" type="application/pdf" href="downloads/{BULLETIN}.pdf"/>' in feed


def test_every_english_chart_has_an_english_embed_page(site: Path) -> None:
    """en/embed/<figure>.html: the English chart alone, drawn (no placeholder left), in English, linking back
    to its English page; each English page's embed code points to it."""
    persian = {p.name for p in (site / "embed").glob("*.html")}
    english = sorted((site / "en" / "embed").glob("*.html"))
    assert len(english) > 20 and {p.name for p in english} == persian
    for path in english:
        html = path.read_text(encoding="utf-8")
        assert '<html lang="en" dir="ltr">' in html and "<!--portal-chart:" not in html, path.name
        assert "<svg" in html or re.search(r'<img class="portal-chart-img"[^>]*alt="[^"]+"', html), path.name
        assert not PERSIAN.search(re.sub(r"<svg.*?</svg>", "", html, flags=re.S)) or "(in Persian)" in html, path.name
        svg_text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", html))
        assert not PERSIAN.search(svg_text) and not re.search("[۰-۹]", svg_text), path.name
        back = re.search(r'<link rel="canonical" href="([^"]+)#', html)[1]
        assert (path.parent / back / "index.html").resolve().is_relative_to((site / "en").resolve()), path.name
        assert (path.parent / back / "index.html").resolve().is_file(), path.name
    page = site / "en" / "programmes" / "oxygen-concentrators" / "index.html"
    codes = re.findall(r"iframe src=&quot;([^&]+)&quot;", page.read_text(encoding="utf-8"))
    assert codes and all((page.parent / c).resolve().parent == (site / "en" / "embed").resolve() for c in codes)


def test_every_english_chart_has_an_english_image_to_take_away(site: Path) -> None:
    """en/downloads/charts/<figure>.svg and .png: the English chart with its title, key, source and the
    site's name drawn in, left to right (each line starts at the left), in English with Latin digits;
    linked from the English figure's note."""
    embeds = {p.stem for p in (site / "en" / "embed").glob("*.html")}  # one per chart
    charts = site / "en" / "downloads" / "charts"
    assert embeds and {p.stem for p in charts.glob("*.svg")} == embeds == {p.stem for p in charts.glob("*.png")}
    for svg in sorted(charts.glob("*.svg")):
        drawn = svg.read_text(encoding="utf-8")
        frame = drawn[:drawn.index("<svg", 10)]  # the poster's own lines, before the chart's drawing
        lines = re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="(\w+)">([^<]*)</text>', frame)
        assert lines and lines[0][1] == "start" and float(lines[0][0]) == 24, (svg.name, lines[:1])
        words = " ".join(t for _, _, t in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="(\w+)">([^<]*)</text>',
                                                      drawn))
        assert not PERSIAN.search(words) and not re.search("[۰-۹]", words), (svg.name, words[:200])
        assert "Aid transparency portal" in words and "Source:" in words, svg.name
    with Image.open(charts / "home-trends.png") as png:
        assert png.size[0] >= 900
    page = site / "en" / "index.html"
    links = re.findall(r'href="([^"]*downloads/charts/home-trends\.(?:png|svg))"', page.read_text(encoding="utf-8"))
    assert len(links) == 2 and all((page.parent / link).resolve().parent == charts.resolve() for link in links)


def _numbers(row: dict) -> list:
    return [v for k, v in row.items() if k != "synthetic" and (isinstance(v, int | float) or v in ("×", None))]


def test_every_figures_history_is_in_english_too(site: Path) -> None:
    """en/downloads/<figure>-vintages.*: the Persian history with the English table's words; its numbers, «×»
    and publications the Persian one's, row for row; ending in the English table; linked from the English
    figure note and listed in the English data package and the API."""
    persian = sorted((site / "downloads").glob("*-vintages.json"))
    english = sorted((site / "en" / "downloads").glob("*-vintages.json"))
    assert len(persian) > 20 and [p.name for p in english] == [p.name for p in persian]
    for fa_path, en_path in zip(persian, english, strict=True):
        fa, en = (json.loads(p.read_text(encoding="utf-8")) for p in (fa_path, en_path))
        assert (fa["lang"], en["lang"], en["title_fa"], fa["title_en"]) == ("fa", "en", fa["title"], en["title"])
        assert not PERSIAN.search(en["title"] + en["definition"] + " ".join(c["label"] for c in en["columns"]))
        assert [c["key"] for c in en["columns"]] == [c["key"] for c in fa["columns"]], en_path.name
        assert [_numbers(r) for r in en["rows"]] == [_numbers(r) for r in fa["rows"]], en_path.name
        table = json.loads((en_path.parent / en_path.name.replace("-vintages", "")).read_text(encoding="utf-8"))
        first = table["columns"][0]["key"]
        last = {json.dumps(r[first]): r for r in en["rows"]}
        for row in table["rows"]:  # this publication's rows: exactly the English table's
            assert {k: v for k, v in last[json.dumps(row[first])].items() if k in row} == row, en_path.name
        csv = en_path.with_suffix(".csv").read_text(encoding="utf-8-sig")
        assert "Publication (version)" in csv.splitlines()[0] and not PERSIAN.search(csv.splitlines()[0]), en_path.name
    # the province table names each province in English
    tehran = json.loads((site / "en" / "downloads" / "centres-by-province-vintages.json").read_text(encoding="utf-8"))
    assert "Tehran" in {r["province"] for r in tehran["rows"]}
    page = site / "en" / "programmes" / "oxygen-concentrators" / "index.html"
    links = re.findall(r'href="([^"]*-vintages\.(?:csv|json))"', page.read_text(encoding="utf-8"))
    assert links and all((page.parent / link).resolve().parent == (site / "en" / "downloads").resolve()
                         for link in links)
    package = json.loads((site / "en" / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    histories = [r for r in package["resources"] if r["name"].endswith("-vintages")]
    assert {r["path"] for r in histories} == {p.with_suffix(".csv").name for p in english}
    index = json.loads((site / "api" / "index.json").read_text(encoding="utf-8"))
    for d in index["datasets"]:
        for kind in ("csv", "json"):
            assert (site / "api" / d["en"]["vintages"][kind]).resolve().is_file(), (d["id"], kind)
