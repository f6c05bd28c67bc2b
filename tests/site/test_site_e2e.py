"""End to end: the real `portal build` (real mkdocs --strict) of the example data, checked on the HTML."""

from __future__ import annotations

import csv
import functools
import hashlib
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import openpyxl
import pytest

from generator.charts.inline import chart_file
from generator.lang.jalali import JDate, JMonth
from generator.lang.persian import format_number
from generator.pipeline import Project, summarise
from helpers import ROOT, make_project, run_portal


class _Page(HTMLParser):
    """Collects what a browser would fetch (src, href, url()) and the visible text of <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.html_attrs: dict[str, str] = {}
        self.body_attrs: dict[str, str] = {}
        self.article_text: list[str] = []
        self._in_article = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = {k: v or "" for k, v in a.items()}
        if tag == "body":
            self.body_attrs = {k: v or "" for k, v in a.items()}
        for key in ("src", "href", "poster", "data", "action", "formaction"):
            if a.get(key):
                self.urls.append(a[key])
        if a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if a.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])
        if tag == "article":
            self._in_article += 1
        if tag in ("code", "script", "style", "time") and self._in_article:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag in ("code", "script", "style", "time") and self._in_article and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self.article_text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _text(site: Path, rel: str) -> str:
    return " ".join(" ".join(_parse(site / rel).article_text).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("e2e") / "project", data="example")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    assert "built" in out
    return root


def test_every_page_is_persian_and_right_to_left(built: Path) -> None:
    pages = sorted((built / "site").rglob("*.html"))
    assert len(pages) >= 50
    for page in pages:
        parsed = _parse(page)  # Material puts lang on <html> and dir on <body>
        assert parsed.html_attrs.get("lang") == "fa" and parsed.body_attrs.get("dir") == "rtl", page


def test_one_page_per_province_saying_so_where_there_is_no_data(built: Path) -> None:
    provinces = sorted((built / "site/provinces").glob("*/index.html"))
    assert len(provinces) == 31
    _, agg, _ = summarise(Project.at(built))
    without = sorted(s.province.slug for s in agg.provinces.values() if not s.has_data)
    empty = sorted(p.parent.name for p in provinces
                   if "هنوز داده‌ای نیست" in _text(built / "site", str(p.relative_to(built / "site"))))
    assert empty == without
    assert _text(built / "site", "provinces/index.html").count("هنوز داده‌ای نیست") == len(without)


# The source report's figures, each on the pages it belongs to (Persian digits and separators).
REPORT_FIGURES = {
    "index.html": ["۳۰٬۰۰۰ خانوار", "۱٬۰۰۰ دستگاه", "۳٬۰۰۰٬۰۰۰ بسته", "هر هفته، تا پایان کرونا"],
    "programmes/family-support/index.html": ["۳۰٬۰۰۰ خانوار", "حمایت مالی به مدت یک سال", "۲۷ مرداد ۱۴۰۰"],
    "programmes/oxygen-concentrators/index.html": ["۱٬۰۰۰ دستگاه", "مرحلهٔ اول"],
    "programmes/livelihood-packages/index.html": ["۳٬۰۰۰٬۰۰۰ بسته", "با کمک نهادهای دیگر"],
    "programmes/weekly-meetings/index.html": [
        "هر هفته، تا پایان کرونا", format_number(len(list((ROOT / "data/meetings").glob("*.yaml")))) + " جلسه"],
    "provinces/gilan/index.html": ["۷۵۰٬۰۰۰ نفر", "۱۰ مرکز", "تا ۱۰۰ مرکز", "بیمارستان صحرایی",
                                   "ظرفیت تخت بیمارستان‌های استان تکمیل شده است", "خیرین"],
    "centres/gilan/index.html": ["مرکز تزریق واکسن سپاه قدس گیلان ۱۰"],
    "provinces/kerman/index.html": ["۸ مرکز", "کمبود دستگاه اکسیژن‌ساز", "پایگاه‌های بسیج"],
    "centres/kerman/index.html": ["مرکز اختصاصی واکسن سپاه ثارالله کرمان ۸"],
    "meetings/1400-05-27/index.html": [
        "۲۷ مرداد ۱۴۰۰", "(تقریبی)", "عاشورا", "فرمانده کل سپاه", "رئیس سازمان بسیج مستضعفین",
        "مسئول بسیج جامعهٔ پزشکی", "(ویدئوکنفرانس)", "کمتر از ۵۰ نفر", "سال گذشته", "۳۰٬۰۰۰ خانوار",
        "۱٬۰۰۰ دستگاه", "۳٬۰۰۰٬۰۰۰ بسته", "۷۵۰٬۰۰۰ نفر", "تا ۱۰۰ مرکز", "۸ مرکز",
        "تا پایان کرونا به صورت هفتگی"],
}


@pytest.mark.parametrize("rel", sorted(REPORT_FIGURES))
def test_report_figures_are_on_their_pages(built: Path, rel: str) -> None:
    text = _text(built / "site", rel)
    for figure in REPORT_FIGURES[rel]:
        assert figure in text, f"{rel}: {figure!r} missing"


def test_headings_have_persian_ids_and_reports_stable_anchors(built: Path) -> None:
    html = (built / "site/provinces/gilan/index.html").read_text(encoding="utf-8")
    assert '<h2 id="مراکز"' in html  # pymdownx slugify keeps Persian letters (not "_1")
    assert 'id="report-1400-05-27"' in html  # a report's anchor does not change with its title
    meeting = (built / "site/meetings/1400-05-27/index.html").read_text(encoding="utf-8")
    assert 'id="report-ir-01"' in meeting and 'id="report-ir-08"' in meeting
    assert "Permanent link" not in meeting and 'title="پیوند ثابت به این بخش"' in meeting


def test_report_details_are_lists(built: Path) -> None:
    gilan = (built / "site/provinces/gilan/index.html").read_text(encoding="utf-8")
    assert "<li>مشکل: ظرفیت تخت بیمارستان‌های استان تکمیل شده است.</li>" in gilan
    css = (built / "site/assets/stylesheets/portal.css").read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset ol \{\s*list-style-type: persian;", css)  # <ol> numbers are not in the HTML


def test_no_english_in_titles_and_labels(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for attr, value in re.findall(r'\b(title|aria-label|alt|placeholder)="([^"]*)"', html):
            assert not re.search(r"[A-Za-z]{3,}", value), f"{page}: {attr}={value!r}"


def test_no_personal_names_from_the_report(built: Path) -> None:
    names = ["سلامی", "غلامرضا", "چشمی", "عبدالله", "معروفی"]  # officials named in the report
    for page in (built / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not [n for n in names if n in text], page


def test_every_number_and_date_a_reader_sees_is_persian(built: Path) -> None:
    for page in sorted((built / "site").rglob("*.html")):
        text = " ".join(_parse(page).article_text)
        latin = re.findall(r"[0-9]+", text)
        assert not latin, f"{page}: Latin digits {latin[:5]} in the visible text"
        assert not re.search(r"\b(January|February|March|April|May|June|July|August|September|October|"
                             r"November|December)\b", text), page


def test_synthetic_figures_are_marked(built: Path) -> None:
    site = built / "site"
    for rel in ["index.html", "programmes/oxygen-concentrators/index.html", "provinces/gilan/index.html",
                "meetings/1400-06-03/index.html", "centres/index.html", "methodology/index.html"]:
        html = (site / rel).read_text(encoding="utf-8")
        assert 'class="portal-synthetic"' in html, rel
    report_meeting = (site / "meetings/1400-05-27/index.html").read_text(encoding="utf-8")
    assert "دادهٔ ساختگی" not in report_meeting  # the reported meeting itself is not synthetic


def _requested_urls(site: Path) -> list[tuple[Path, str]]:
    found = []
    for page in site.rglob("*.html"):
        found += [(page, u) for u in _parse(page).urls]
    for css in site.rglob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)
        found += [(css, u) for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", text)]
        found += [(css, u) for u in re.findall(r"@import\s+['\"]([^'\"]+)", text)]
    return found


def test_nothing_is_requested_from_another_host(built: Path) -> None:
    site = built / "site"
    urls = _requested_urls(site)
    assert len(urls) > 100
    outside = [(p.relative_to(site).as_posix(), u) for p, u in urls
               if urlparse(u).scheme not in ("", "data") or u.startswith("//")]
    assert outside == []


# Strings naming another host that may stay in built files, and why each requests nothing.
INERT = {
    "http://www.w3.org/2000/svg": "XML namespace of inline SVG icons",
    "http://www.w3.org/1999/xlink": "XML namespace",
    "http://www.w3.org/2005/Atom": "XML namespace of the Atom feed, feed.xml",
    "http://www.sitemaps.org/schemas/sitemap/0.9": "XML namespace of sitemap.xml",
    "https://fontawesome.com": "licence comment inside an icon in Material's CSS",
    "https://fontawesome.com/license/free": "licence comment inside an icon in Material's CSS",
    "https://github.com/rastikerdar/vazirmatn": "copyright line of the font licence text",
    "http://scripts.sil.org/OFL": "the font licence text",
    "https://clipboardjs.com/": "licence comment in Material's bundle",
    "https://unpkg.com/resize-observer-polyfill": "Material's bundle, only where ResizeObserver is missing: "
                                                  "site_overrides/main.html defines one first",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "Material's bundle, only on pages with mermaid "
                                                        "diagrams: the site has none",
    "https://api.github.com/repos/": "Material's bundle, only with repo_url: mkdocs.yml sets none",
    "https://api.github.com/users/": "Material's bundle, only with repo_url: mkdocs.yml sets none",
    "https://${e}/api/v4/": "Material's bundle (GitLab), only with repo_url: mkdocs.yml sets none",
    "https://example.com${anchored_url}": "Pagefind's script: a dummy base to parse a result's relative "
                                          "address (new URL), never requested",
    "https://example.com${normalized}": "Pagefind's script: a dummy base to parse a result's relative address "
                                        "(new URL), never requested",
}


def test_no_built_file_names_another_host_except_inert_strings(built: Path) -> None:
    site = built / "site"
    found: dict[str, set[str]] = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"):
            for url in re.findall(r"https?://[^\s\"'`<>()\\,;]+", path.read_text(encoding="utf-8")):
                found.setdefault(url.rstrip("."), set()).add(path.relative_to(site).as_posix())
    unexplained = {u: sorted(files) for u, files in found.items()
                   if not any(u == k or (k.endswith("/") and u.startswith(k)) for k in INERT)}
    assert unexplained == {}


def test_conditions_that_keep_the_inert_strings_inert(built: Path) -> None:
    mkdocs_yml = (built / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url" not in mkdocs_yml
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html
        if "bundle." in html:  # the ResizeObserver stand-in comes before Material's bundle
            assert html.index("window.ResizeObserver||") < html.index("assets/javascripts/bundle.")


def test_fonts_are_self_hosted(built: Path) -> None:
    css = (built / "site/assets/stylesheets/portal.css").read_text(encoding="utf-8")
    assert 'url("../fonts/Vazirmatn-wght.woff2")' in css
    assert (built / "site/assets/fonts/Vazirmatn-wght.woff2").stat().st_size > 50_000
    assert not list((built / "site").rglob("*.map"))
    assert not (built / "site/assets/javascripts/lunr").exists()


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_data_builds_the_same_bytes(built: Path, tmp_path: Path) -> None:
    other = make_project(tmp_path / "again", data="example")
    code, out, err = run_portal(other, "build")
    assert code == 0, out + err
    assert _tree(other / "site") == _tree(built / "site")


def test_bad_data_builds_nothing_and_keeps_the_published_site(built: Path) -> None:
    before_site, before_content = _tree(built / "site"), _tree(built / "content")
    path = built / "data/deliveries/synthetic.csv"
    good = path.read_text(encoding="utf-8")
    try:
        path.write_text(good.replace(",family-support,", ",family-suport,", 1), encoding="utf-8")
        code, _out, err = run_portal(built, "build")
        assert code == 1
        assert "data/deliveries/synthetic.csv:2: programme: no programme has the id «family-suport»" in err
        assert "nothing was built" in err
        assert _tree(built / "site") == before_site and _tree(built / "content") == before_content
    finally:
        path.write_text(good, encoding="utf-8")


def test_a_failing_mkdocs_build_keeps_the_published_site(built: Path) -> None:
    before = _tree(built / "site")
    about = built / "content/about.md"
    good = about.read_text(encoding="utf-8")
    try:
        about.write_text(good + "\n[broken](no-such-page.md)\n", encoding="utf-8")
        code, _out, err = run_portal(built, "build")
        assert code == 1 and "mkdocs build --strict failed" in err and "no-such-page.md" in err
        assert _tree(built / "site") == before
        assert not list(built.glob(".site-*"))
    finally:
        about.write_text(good, encoding="utf-8")


# ---- figures: chart, table, CSV and JSON carry the same numbers --------------------------------------

_FA = str.maketrans("۰۱۲۳۴۵۶۷۸۹٫", "0123456789.")


def _number(text: str) -> float | None:
    """A number as the page writes it («۱٬۲۰۰», «۵۹٫۵٪»); None for «—»."""
    text = text.strip().removesuffix("٪").replace("٬", "").translate(_FA)
    return None if text in ("—", "") else float(text)


class _Figures(HTMLParser):
    """Each <figure class="portal-figure">: its table cells and the aria-labels of its chart's marks (of the
    phone's drawing, or the only one, in "marks"; of the wide column's in "wide_marks"). A chart shown as an
    image has no descriptions left in its file (charts/svg_marks.py merges its marks): they are read from
    the drawing vl-convert made (`drawings`: the file's name → that drawing), which must give the file's
    bytes exactly."""

    def __init__(self, folder: Path | None = None, drawings: dict[str, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.folder = folder  # where the page is: its charts' files are read from there
        self.drawings = drawings or {}
        self.figures: dict[str, dict] = {}
        self._fig: dict | None = None
        self._depth = 0
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._drawing = "marks"
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "portal-figure" in (a.get("class") or ""):
            self._fig = self.figures[a["id"]] = {"rows": [], "marks": [], "wide_marks": [], "links": []}
            self._depth = 0
            self._drawing = "marks"
        if self._fig is None:
            return
        if tag == "figure":
            self._depth += 1
        if tag == "div" and "portal-chart-wide" in (a.get("class") or ""):
            self._drawing = "wide_marks"
        if tag == "path" and a.get("aria-label"):  # a mark: its description (charts/spec.py)
            self._fig[self._drawing].append(a["aria-label"])
        if tag == "img" and "portal-chart-img" in (a.get("class") or "") and self.folder is not None:
            # the chart's own SVG file (charts/inline.py), made from the drawing whose marks it shows
            file = self.folder / a["src"]
            raw = self.drawings[file.name]
            assert chart_file(raw, None)[1] == file.read_bytes(), file
            self._fig[self._drawing] += [html.unescape(m) for m in re.findall(r'<path aria-label="([^"]*)"', raw)]
        if tag == "a" and a.get("href", "").endswith((".csv", ".json", ".xlsx")):
            self._fig["links"].append(a["href"])
        if tag == "tr":
            self._row = []
        if tag == "td":
            self._cell = []
        if tag == "span" and "portal-synthetic" in (a.get("class") or "") and self._cell is not None:
            self._skip += 1

    def handle_endtag(self, tag):
        if self._fig is None:
            return
        if tag == "span" and self._skip:
            self._skip -= 1
        if tag == "td" and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        if tag == "tr" and self._row:
            self._fig["rows"].append(self._row)
            self._row = None
        if tag == "figure":
            self._depth -= 1
            if self._depth == 0:
                self._fig = None

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell.append(data)


@functools.cache
def _drawings(cache: Path) -> dict[str, str]:
    """Every drawing in a project's chart cache, by the name of the file it makes (charts/inline.py)."""
    drawings = {}
    for path in cache.glob("*.svg"):
        raw = path.read_text(encoding="utf-8")
        drawings[chart_file(raw, None)[0]] = raw
    return drawings


def _site_figures(site: Path) -> dict[str, tuple[str, dict]]:
    found = {}
    drawings = _drawings(site.parent / ".cache" / "charts")
    for page in sorted(site.rglob("index.html")):
        parser = _Figures(page.parent, drawings)
        parser.feed(page.read_text(encoding="utf-8"))
        for fid, fig in parser.figures.items():
            assert fid not in found, f"figure id {fid} on two pages"
            found[fid] = (page.relative_to(site).as_posix(), fig)
    return found


def test_every_figure_has_chart_table_csv_json_and_xlsx_with_the_same_numbers(built: Path) -> None:
    site = built / "site"
    figures = _site_figures(site)
    assert len(figures) >= 50
    # the decisions tracker shows cards, not a table: its download is checked in test_decisions.py
    assert len([p for p in (site / "downloads").glob("*.json")
                if p.name not in ("cells.json", "decisions.json", "publications.json", "datapackage.json")
                and not p.stem.endswith("-vintages")]) == len(figures)
    suppressed = 0
    for fid, (page, fig) in figures.items():
        doc = json.loads((site / "downloads" / f"{fid}.json").read_text(encoding="utf-8"))
        with (site / "downloads" / f"{fid}.csv").open(encoding="utf-8-sig", newline="") as f:
            csv_rows = [r for r in csv.reader(f) if not r[0].startswith("#")]
        # the XLSX, read by openpyxl: its data sheet holds the CSV's cells, numbers as numbers
        book = openpyxl.load_workbook(site / "downloads" / f"{fid}.xlsx", read_only=True)
        xlsx_rows = [["" if v is None else v for v in r] for r in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        columns = doc["columns"]
        # the page links to the three downloads, and to the figure's vintages
        assert sorted(Path(link).name for link in fig["links"]) == sorted(
            [f"{fid}.csv", f"{fid}.json", f"{fid}.xlsx", f"{fid}-vintages.csv", f"{fid}-vintages.json"]), fid
        assert all((site / "downloads" / Path(link).name).is_file() for link in fig["links"]), fid
        # table == JSON == CSV == XLSX, cell by cell
        assert len(fig["rows"]) == len(doc["rows"]) == len(csv_rows) - 1 == len(xlsx_rows) - 1, fid
        assert csv_rows[0][:len(columns)] == xlsx_rows[0][:len(columns)] == [c["label"] for c in columns], fid
        for cells, row, csv_row, xlsx_row in zip(fig["rows"], doc["rows"], csv_rows[1:], xlsx_rows[1:], strict=True):
            for j, (cell, column, csv_cell) in enumerate(zip(cells, columns, csv_row, strict=False)):
                xlsx_cell = xlsx_row[j]
                if isinstance(xlsx_cell, int | float):
                    assert float(csv_cell) == xlsx_cell, (fid, csv_cell, xlsx_cell)
                else:
                    assert csv_cell == xlsx_cell, (fid, csv_cell, xlsx_cell)
                value = row[column["key"]]
                if column["type"] == "date":
                    assert cell == JDate(*map(int, value.split("-"))).fa() and csv_cell == value, (fid, cell)
                elif column["type"] == "month":
                    assert cell == JMonth(*map(int, value.split("-"))).fa() and csv_cell == value, (fid, cell)
                elif column["type"] == "text":
                    assert cell == value == csv_cell, (fid, cell)
                elif value == "×" or cell == "×" or csv_cell == "×":  # suppressed: the same symbol everywhere
                    assert cell == value == csv_cell == "×", (fid, column["key"], cell, value, csv_cell)
                    suppressed += 1
                else:
                    assert _number(cell) == value, (fid, column["key"], cell, value)
                    assert (float(csv_cell) if csv_cell else None) == value, (fid, csv_cell, value)
        # chart == the plotted columns: one mark per value (zeros and hidden figures are left undrawn)
        plotted = sorted(row[k] for row in doc["rows"] for k in doc["plotted"] if row[k] not in (None, 0, "×"))
        for drawing in ("marks", "wide_marks"):  # the phone's drawing and the wide column's, when there are two
            marks = sorted(n for n in (_number(label.rsplit(": ", 1)[-1]) for label in fig[drawing]
                                       if re.search(r"[۰-۹]$|٪$", label)) if n)
            assert marks == plotted or (drawing == "wide_marks" and not fig[drawing]), \
                f"{page} {fid} ({drawing}): chart {marks[:6]}… table {plotted[:6]}…"
        assert fig["wide_marks"] or fid.endswith("-map") or not fig["marks"], fid
    assert suppressed > 50  # the example data have small figures: the comparison covered hidden ones


def test_figures_on_every_page_type(built: Path) -> None:
    figures = _site_figures(built / "site")
    pages = {}
    for fid, (page, _) in figures.items():
        pages.setdefault(page, []).append(fid)
    assert pages["index.html"] == ["home-trends"]
    assert sorted(pages["programmes/oxygen-concentrators/index.html"]) == [
        "programme-oxygen-concentrators-map", "programme-oxygen-concentrators-over-time",
        "programme-oxygen-concentrators-provinces"]
    assert sorted(pages["provinces/gilan/index.html"]) == [
        "province-gilan-households-family-support", "province-gilan-over-time", "province-gilan-per-capita"]
    assert sorted(pages["households/index.html"]) == [
        "households-family-support-heads", "households-family-support-months", "households-family-support-provinces"]
    assert pages["centres/index.html"] == ["centres-by-province"]
    assert pages["programmes/weekly-meetings/index.html"] == ["programme-weekly-meetings-over-time"]


def test_the_map_shows_all_31_provinces(built: Path) -> None:
    _, fig = _site_figures(built / "site")["programme-oxygen-concentrators-map"]
    assert len(fig["marks"]) == 31 and len(fig["rows"]) == 31
    names = {label.rsplit(": ", 1)[0] for label in fig["marks"]}
    assert len(names) == 31
    grey = [label for label in fig["marks"] if label.endswith("بدون داده یا پنهان")]
    assert len(grey) == sum(1 for row in fig["rows"] if row[-1] in ("—", "×"))


def test_a_second_build_renders_no_chart(built: Path) -> None:
    before = _tree(built / "site")
    code, out, err = run_portal(built, "build")
    assert code == 0, err
    assert re.search(r"charts: 0 rendered, \d+ reused", out), out
    assert _tree(built / "site") == before


def test_chart_keys_and_labels_read_right_to_left(built: Path) -> None:
    home = (built / "site/index.html").read_text(encoding="utf-8")
    key = re.search(r'<div class="portal-key"[^>]*>(.*?)</div>', home).group(1)
    assert key.count('class="portal-key-line"') == 3 and 'stroke-dasharray="6 3"' in key  # colour and dash
    src = re.search(r'id="home-trends".*?<img class="portal-chart-img" src="([^"]+)"', home, re.S).group(1)
    svg = (built / "site" / src).read_text(encoding="utf-8")
    assert "\u2067۳ شهریور\u2069" in svg  # a week label is an isolated right-to-left run inside the chart
    page = (built / "site/programmes/oxygen-concentrators/index.html").read_text(encoding="utf-8")
    ramp = re.search(r'<figure class="portal-figure" id="programme-oxygen-concentrators-map".*?</figure>', page,
                     re.S).group(0)
    assert "linear-gradient(to left, #d4e85c" in ramp and "portal-key-empty" in ramp and "بدون داده" in ramp


def test_a_reader_reads_decisions_by_what_they_decide_not_by_their_ids(built: Path) -> None:
    """A decision's id («۱۴۰۰-۰۶-۰۳-d۱») is its address and a small label beside its heading; wherever a page
    names a decision (a province's or a programme's list, another decision counted on the same deliveries,
    what changed), it names it in words."""
    site = built / "site"
    ident = re.compile(r"[۰-۹0-9]{4}-[۰-۹0-9]{2}-[۰-۹0-9]{2}-d[۰-۹0-9]+")
    label = re.compile(r'<small class="portal-decision-id">.*?</small>', re.S)
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        article = html.split("<article", 1)[-1].split("</article>", 1)[0]
        # the visible text of the article: no tag, no attribute (addresses keep the id), no id label
        text = re.sub(r"<[^>]+>", " ", label.sub(" ", article))
        if hits := ident.findall(text):
            found[page.relative_to(site).as_posix()] = hits[:3]
    assert found == {}
    province = (site / "provinces/gilan/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./decisions/#1400-06-03-d1">دستگاه اکسیژن‌ساز: ۵۰ دستگاه، گیلان</a>', province)


def test_every_page_of_figures_says_near_its_top_when_they_date_from_and_what_changed(built: Path) -> None:
    """Right under the title: the date of the figures, the meeting the publication follows, and a link to
    what changed in it; before the first figure or table of the page."""
    site = built / "site"
    pages = ["index.html", "programmes/index.html", "programmes/oxygen-concentrators/index.html",
             "provinces/index.html", "provinces/gilan/index.html", "households/index.html", "centres/index.html",
             "decisions/index.html", "open-data/index.html"]
    for rel in pages:
        html = (site / rel).read_text(encoding="utf-8")
        line = re.search(r'<p class="portal-asof">(.*?)</p>', html, re.S)
        assert line, rel
        text = re.sub(r"<[^>]+>", "", line.group(1))
        assert text.startswith("ارقام تا ۲۸ مهر ۱۴۰۰، پس از جلسهٔ ۲۸ مهر ۱۴۰۰ · تغییرات این انتشار"), (rel, text)
        assert re.search(r'href="(\.\./)*changes/"', line.group(1)), rel
        first = min((i for i in (html.find("<figure"), html.find("<table")) if i >= 0), default=len(html))
        assert line.start() < first and html.find("<h1") < line.start(), rel
