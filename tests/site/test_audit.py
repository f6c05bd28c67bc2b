"""The audit of the built site: it reads what a reader reads, and a finding stops the site being replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.audit.checks import audit, served_files
from generator.audit.served_text import texts_of
from helpers import make_project, run_portal


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("audit") / "p")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    return root


def test_the_built_site_passes_the_audit(built: Path) -> None:
    files = served_files(built / "site")
    assert any(p.suffix == ".html" for p in files) and any(p.suffix == ".csv" for p in files)
    assert not any("assets/javascripts" in p.as_posix() for p in files)  # the theme's own files
    assert audit(built / "site") == []
    code, out, _ = run_portal(built, "audit")
    assert code == 0 and "nothing found" in out


def test_personal_data_and_private_text_anywhere_are_found(built: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    page = site / "meetings" / "1400-06-03" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", "<p>تماس: ۰۹۱۲\u200c۳۴۵ ۶۷۸۹</p><p title='رایانامه: a.b@example.ir'>"
                                 "پیگیری خانوادهٔ نمونه‌ای در کوچهٔ ساختگی</p><a href='tel:02188776655'>تلفن</a>"
                                 "</article>", 1), encoding="utf-8")
    (site / "downloads" / "extra.csv").write_text("نام,کارت\nالف,6037-9971-2345-6780\n", encoding="utf-8")
    findings = audit(site, ["خانوادهٔ نمونه‌ای در کوچهٔ ساختگی"])
    found = sorted((f.path, f.what.split(" (")[0]) for f in findings)
    assert found == [("downloads/extra.csv", "a bank card number"),
                     ("meetings/1400-06-03/index.html", "a landline phone number"),
                     ("meetings/1400-06-03/index.html", "a mobile phone number"),
                     ("meetings/1400-06-03/index.html", "an e-mail address"),
                     ("meetings/1400-06-03/index.html", "text marked private in the data is published")]
    assert not any("ساختگی" in f.what or "6780" in f.what for f in findings)  # nothing repeated in logs


def test_numbers_that_are_not_text_are_not_findings(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text('<progress max="1000000000" value="22356401"></progress><svg><path d="M0 1234567890"/>'
                    "</svg><p>۱٬۰۰۰٬۰۰۰٬۰۰۰ ریال</p>", encoding="utf-8")
    assert texts_of(page) == ["۱٬۰۰۰٬۰۰۰٬۰۰۰ ریال"]
    assert audit(tmp_path) == []


def test_a_font_inside_a_drawing_is_not_text_but_the_rest_of_its_style_is(tmp_path: Path) -> None:
    """A chart's file carries its font as base64 (charts/font_subset.py), whose digits may run ten long."""
    drawing = tmp_path / "c.svg"
    drawing.write_text('<svg><style>@font-face{font-family:Vazirmatn;src:url(data:font/woff2;base64,AB00135424'
                       '19CD09123456789) format("woff2")}</style><text>x</text></svg>', encoding="utf-8")
    assert audit(tmp_path) == []
    drawing.write_text("<svg><style>/* کد ملی ۰۰۱۳۵۴۲۴۱۹ */ text{fill:url('data:x')}</style></svg>",
                       encoding="utf-8")
    assert [f.what.split(" (")[0] for f in audit(tmp_path)] == ["a national ID"]


def test_pagefinds_index_hash_is_a_machine_value_but_its_entry_file_is_read(tmp_path: Path) -> None:
    """Pagefind names its index by ten hex digits, which are all decimal about one build in a hundred (a
    benchmark build met «fa_43…84»): that name is not a national ID; any other text of the file is read."""
    entry = tmp_path / "pagefind" / "pagefind-entry.json"
    entry.parent.mkdir()
    text = '{"version":"1.5.2","languages":{"fa":{"hash":"fa_4312345684","wasm":null,"page_count":57}}%s}'
    entry.write_text(text % "", encoding="utf-8")
    assert audit(tmp_path) == []
    entry.write_text(text % ',"note":"0013542419"', encoding="utf-8")
    assert [f.path for f in audit(tmp_path)] == ["pagefind/pagefind-entry.json"]


def test_feed_entry_ids_are_machine_values_but_feed_text_is_read(tmp_path: Path) -> None:
    """feed.py's ids are hashes: their hex digits can run ten long, like a national ID, and mean nothing."""
    feed = tmp_path / "feed.xml"
    entry = "<entry><id>urn:uuid:0d4c1f62-3a5b-5c2e-8f00-a7612345680b</id><title>{}</title></entry>"
    feed.write_text("<feed>" + entry.format("جلسهٔ ۲۷ مرداد ۱۴۰۰") + "</feed>", encoding="utf-8")
    assert audit(tmp_path) == []
    feed.write_text("<feed>" + entry.format("کد ملی 0013542419") + "</feed>", encoding="utf-8")
    assert [f.path for f in audit(tmp_path)] == ["feed.xml"]


def test_a_build_whose_site_fails_the_audit_leaves_site_as_it_was(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(built, root)
    before = (root / "site" / "about" / "index.html").read_bytes()
    about = root / "content" / "about.md"  # hand-written, so no validation reads it: the audit must
    about.write_text(about.read_text(encoding="utf-8") + "\nبرای پیگیری با ۰۹۱۲۳۴۵۶۷۸۹ تماس بگیرید.\n",
                     encoding="utf-8")
    code, _, err = run_portal(root, "build")
    assert code == 1
    assert "about/index.html: a mobile phone number (09•••••••89) is published" in err
    assert "site/ was left as it was" in err
    assert (root / "site" / "about" / "index.html").read_bytes() == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]  # no staging folder left behind


def test_the_audit_on_every_core_finds_the_same_in_the_same_order(built: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.audit.checks as audit_module

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    for page in ("about/index.html", "meetings/1400-06-03/index.html", "index.html"):
        path = site / page
        path.write_text(path.read_text(encoding="utf-8").replace(
            "</article>", "<p>۰۹۱۲۳۴۵۶۷۸۹ و a.b@example.ir</p></article>", 1), encoding="utf-8")
    alone = [f.format() for f in audit(site)]
    monkeypatch.setattr(audit_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(audit_module.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    together = [f.format() for f in audit(site)]
    assert len(alone) == 6 and together == alone


def test_a_site_without_its_cells_but_with_counts_of_people_fails_the_audit(built: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    (site / "downloads" / "cells.json").unlink()
    assert [f.format() for f in audit(site)] == [
        "downloads/cells.json: is missing, while downloads hold counts of people: without it the hidden figures "
        "cannot be checked"]


def test_an_xlsx_download_is_read_and_held_to_its_csv(built: Path, tmp_path: Path) -> None:
    """The XLSX files are audited as their cells: one whose numbers differ from its CSV twin (which the
    count checks read) is refused, and personal data on any of its sheets is found."""
    import openpyxl

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    name = sorted(site.glob("downloads/programme-*-provinces.xlsx"))[0].stem
    book = openpyxl.load_workbook(site / "downloads" / f"{name}.xlsx")
    book.worksheets[0].cell(2, 2).value = 3  # a count of 3 where the CSV says something else
    book.worksheets[1].cell(1, 2).value = "کد ملی ۰۰۱۳۵۴۲۴۱۹"
    book.save(site / "downloads" / f"{name}.xlsx")
    orphan = site / "downloads" / "orphan.xlsx"
    shutil.copy(site / "downloads" / f"{name}.xlsx", orphan)
    found = sorted((f.path, f.what.split(" (")[0]) for f in audit(site))
    assert (f"downloads/{name}.xlsx", "row 2 differs from line 2 of its CSV") in found
    assert (f"downloads/{name}.xlsx", "a national ID") in found
    assert ("downloads/orphan.xlsx", "an XLSX file without its CSV twin: its numbers cannot be checked") in found


def _cbor(value) -> bytes:
    """A small CBOR encoder for the test: unsigned integers, text and arrays."""
    def head(major: int, n: int) -> bytes:
        if n < 24:
            return bytes([major << 5 | n])
        for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
            if n < 1 << (8 * size):
                return bytes([major << 5 | info]) + n.to_bytes(size, "big")
        raise ValueError(n)
    if isinstance(value, int):
        return head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return head(3, len(data)) + data
    return head(4, len(value)) + b"".join(_cbor(v) for v in value)


def test_the_search_index_words_are_read_as_cbor_texts(tmp_path: Path) -> None:
    """Pagefind's index files: gzip-compressed CBOR. Its numbers (positions, counts) are not text, though
    their bytes may read as digits; its words are read. A word with a certain shape (an ID with its check
    digit) is found; ten bare digits are not, since the index writes amounts without their separators."""
    import gzip

    from generator.audit.served_text import cbor_texts

    positions = [0x31323334, 0x35363738, 0x3930]  # bytes that spell digits
    assert cbor_texts(_cbor([positions, "گیلان", [7, "1000000000"]])) == ["گیلان", "1000000000"]
    index = tmp_path / "pagefind/index"
    index.mkdir(parents=True)
    (index / "fa_1.pf_index").write_bytes(gzip.compress(b"pagefind_dcd" + _cbor(
        [positions * 40, "1000000000", "9200000000", "words", ["۰۰۱۲۳۴۵۶۷۹", 12]])))
    findings = audit(tmp_path)
    assert [(f.path, f.what.split(" (")[0]) for f in findings] == [("pagefind/index/fa_1.pf_index", "a national ID")]


def test_every_text_of_a_cbor_value_json_cannot_hold_is_read_too() -> None:
    """The strings are taken from the value written as JSON (fast); a value JSON cannot write (a map with a
    byte-string or array key, a tag, bytes, a quote or control character inside a text) is still read."""
    import cbor2

    from generator.audit.served_text import cbor_texts

    tricky = 'a "quoted" \\ back\nslash\x00'
    value = [1, {"k": [2, "گیلان"], 7: "هفت"}, cbor2.CBORTag(40000, ["در برچسب", 3]), b"\x00bytes", tricky]
    assert sorted(cbor_texts(cbor2.dumps(value))) == sorted(["k", "گیلان", "7", "هفت", "در برچسب", tricky])
    odd = {b"bytes as a key": ["زیر کلید بایتی", 5], (1, 2): "زیر کلید آرایه"}
    assert sorted(cbor_texts(cbor2.dumps(odd))) == sorted(["زیر کلید بایتی", "زیر کلید آرایه"])


@pytest.mark.parametrize("how", ["zlib", "no signature", "not json"])
def test_a_search_index_file_that_cannot_be_read_is_refused_not_passed(tmp_path: Path, how: str) -> None:
    import gzip
    import zlib

    text = '{"url":"/x/","content":"کد ملی ۰۰۱۲۳۴۵۶۷۹"}'.encode()
    data = {"zlib": zlib.compress(b"pagefind_dcd" + text), "no signature": gzip.compress(text),
            "not json": gzip.compress(b"pagefind_dcd" + text[:-3])}[how]
    fragment = tmp_path / "pagefind/fragment/fa_1.pf_fragment"
    fragment.parent.mkdir(parents=True)
    fragment.write_bytes(data)
    findings = audit(tmp_path)
    assert [f.path for f in findings] == ["pagefind/fragment/fa_1.pf_fragment"]
    assert "cannot be read" in findings[0].what


def test_a_zip_is_audited_as_the_files_beside_it_and_refused_if_it_holds_another(built: Path, tmp_path: Path) -> None:
    import zipfile

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    assert audit(site) == []  # the zip the build wrote: every member is the file beside it
    zipped = site / "downloads" / "all.zip"
    with zipfile.ZipFile(zipped, "a") as z:  # a file that is not published beside it: its text goes unread
        z.writestr("extra.csv", "نام,کد ملی\nالف,0013542419\n")
    found = [(f.path, f.what) for f in audit(site)]
    assert found == [("downloads/all.zip", "«extra.csv» in the zip is not the file of that name beside it: its text "
                                           "cannot be checked")], found
    zipped.write_bytes(b"not a zip")
    assert [f.path for f in audit(site)] == ["downloads/all.zip"]


def test_vintages_are_held_to_their_table_and_their_counts_of_people_to_the_threshold(built: Path,
                                                                                        tmp_path: Path) -> None:
    """A figure's vintages (downloads/<figure>-vintages.json and .csv) on the built site: every one is there
    and passes; one that restates a hidden figure as this publication's, or carries a count of people below
    the threshold from an earlier publication, is refused."""
    import json

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    downloads = site / "downloads"
    tables = [p for p in downloads.glob("*.json") if (downloads / f"{p.stem}.xlsx").is_file()]
    assert tables and all((downloads / f"{p.stem}-vintages.json").is_file() and
                          (downloads / f"{p.stem}-vintages.csv").is_file() for p in tables)
    assert audit(site) == []
    # a table with a count of people: its vintages say this publication published 4 where the table says more
    def a_count(doc: dict) -> tuple[dict, str] | None:
        protected = [c["key"] for c in doc["columns"] if c.get("protected")]
        return next(((r, k) for r in doc["rows"] for k in protected if isinstance(r.get(k), int) and r[k] >= 10),
                    None)

    path = next(downloads / f"{p.stem}-vintages.json" for p in tables
                if a_count(json.loads(p.read_text(encoding="utf-8"))))
    doc = json.loads(path.read_text(encoding="utf-8"))
    row, key = a_count(doc)
    published = row[key]
    row[key] = 4
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    found = [f.format() for f in audit(site)]
    rel = f"downloads/{path.name}"
    assert any(f.startswith(rel) and "a count of 4, below 10" in f for f in found), found
    assert any(f.startswith(rel) and "the vintages say this publication published «4»" in f for f in found), found
    # the same 4 as an earlier publication's, with the table's figure as this one's: the count is still refused
    row[key] = published
    doc["rows"].insert(doc["rows"].index(row), {**row, key: 4, "publication": "1400-06-03"})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    mine = [f for f in (f.format() for f in audit(site)) if f.startswith(rel)]
    assert mine and all("below 10" in f for f in mine), mine
