"""The English edition (issue 26): the real `portal build` of the example data with both editions, read on the
built HTML. Every page has its twin in the other edition, linked both ways (hreflang and the language switch);
each has the right `lang` and direction; English pages write Latin digits and Gregorian dates with the Jalali
beside them, draw their charts left to right with English labels, and show a text staff gave only in Persian
as Persian, marked so. An English text is read for personal data and small counts as its Persian twin is."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import make_project, run_portal

PERSIAN_DIGITS = re.compile("[۰-۹]")
PERSIAN_LETTERS = re.compile("[\u0600-\u06ff]")
# what is not a page of either edition: the theme, the downloads, the charts' own files, the embed pages, cards
NOT_PAGES = ("assets/", "downloads/", "_shared/", "embed/", "cards/", "api/", "pagefind/")


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html: dict[str, str] = {}
        self.body: dict[str, str] = {}
        self.alternates: dict[str, str] = {}
        self.switch: list[tuple[str, str]] = []  # (href, hreflang) of the language switch
        self.images: list[tuple[str, str]] = []  # (src, alt) of the charts
        self.in_persian: list[str] = []  # what is marked as Persian text inside an English page
        self._fa = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html = a
        elif tag == "body":
            self.body = a
        elif tag == "link" and "alternate" in a.get("rel", "").split() and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "a" and "portal-language-link" in a.get("class", ""):
            self.switch.append((a["href"], a.get("hreflang", "")))
        elif tag == "img" and "portal-chart-img" in a.get("class", ""):
            self.images.append((a["src"], a.get("alt", "")))
        if "portal-in-fa" in a.get("class", "").split():
            self._fa += 1
            self.in_persian.append("")

    def handle_endtag(self, tag):
        if self._fa and tag in ("span", "div"):
            self._fa -= 1

    def handle_data(self, data):
        if self._fa:
            self.in_persian[-1] += data


def _read(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(root: Path) -> set[str]:
    """The pages of one edition, by path below its root («provinces/gilan/index.html»)."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if not p.relative_to(root).as_posix().startswith((*NOT_PAGES, "en/"))}


@pytest.fixture(scope="module")
def bilingual(bilingual_site: Path) -> Path:
    return bilingual_site / "site"


def test_every_page_has_its_twin_linked_both_ways(bilingual: Path) -> None:
    persian, english = _pages(bilingual), _pages(bilingual / "en")
    assert len(persian) > 60
    assert persian == english
    for rel in sorted(persian):
        served = posixpath.dirname(rel)  # the page's folder below its edition's root
        for edition, other, code in ((bilingual, bilingual / "en", "fa"), (bilingual / "en", bilingual, "en")):
            page = _read(edition / rel)
            assert page.html.get("lang") == code, (code, rel)
            assert page.body.get("dir") == ("rtl" if code == "fa" else "ltr"), (code, rel)
            twin_code = "en" if code == "fa" else "fa"
            if rel == "404.html":
                continue
            # hreflang: this page and its twin, each resolving to the file of the same path
            for lang, target in ((code, edition / rel), (twin_code, other / rel)):
                href = page.alternates[lang]
                resolved = (edition / served / href).resolve()
                assert resolved / "index.html" == target.resolve() or resolved == target.resolve(), \
                    (code, rel, lang, href)
            assert page.alternates["x-default"] == page.alternates["fa"]
            # the header's switch leads to the same page in the other edition
            [(href, hreflang)] = page.switch
            assert hreflang == twin_code
            assert (edition / served / href).resolve() / "index.html" == (other / rel).resolve(), (code, rel, href)


def test_english_pages_write_latin_digits_and_gregorian_dates(bilingual: Path) -> None:
    page = (bilingual / "en" / "meetings" / "1400-05-27" / "index.html").read_text(encoding="utf-8")
    assert "Meeting of 18 August 2021" in page
    assert "18 August 2021 (27 Mordad 1400)" in page
    province = (bilingual / "en" / "provinces" / "gilan" / "index.html").read_text(encoding="utf-8")
    assert "2,530,696 people" in province
    # outside what is marked as Persian (and the Persian name the page gives on purpose), no Persian digit
    text = re.sub(r'<(span|div) class="portal-in-fa".*?</\1>', "", province, flags=re.S)
    text = re.sub(r'<span lang="fa" dir="rtl">.*?</span>', "", text)
    body = text.split('<div data-pagefind-body>', 1)[1].split("</article>", 1)[0]
    assert not PERSIAN_DIGITS.search(re.sub(r"<[^>]+>", "", body)), PERSIAN_DIGITS.findall(body)[:5]


def test_english_charts_run_left_to_right_with_english_labels(bilingual: Path) -> None:
    page = _read(bilingual / "en" / "provinces" / "gilan" / "index.html")
    assert page.images
    for src, alt in page.images:
        assert alt and not PERSIAN_LETTERS.search(alt), alt
        svg = ((bilingual / "en" / "provinces" / "gilan") / src).resolve().read_text(encoding="utf-8")
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert labels, src
        assert not any(PERSIAN_LETTERS.search(t) or PERSIAN_DIGITS.search(t) for t in labels), labels[:8]
    # the same figure in Persian is drawn right to left: its value axis and names on the right
    persian = _read(bilingual / "provinces" / "gilan" / "index.html")
    assert {src for src, _ in persian.images}.isdisjoint({src for src, _ in page.images})


def test_a_text_only_in_persian_shows_as_persian_marked_so(bilingual: Path) -> None:
    meeting = _read(bilingual / "en" / "meetings" / "1400-05-27" / "index.html")
    assert meeting.in_persian and all(PERSIAN_LETTERS.search(t) for t in meeting.in_persian)
    html = (bilingual / "en" / "meetings" / "1400-05-27" / "index.html").read_text(encoding="utf-8")
    assert 'class="portal-in-fa" lang="fa" dir="rtl"' in html and "(in Persian)" in html
    # a programme's English description, where staff gave one, is English, not marked
    programme = (bilingual / "en" / "programmes" / "oxygen-concentrators" / "index.html").read_text(encoding="utf-8")
    assert "a thousand oxygen concentrators" in programme


@pytest.mark.parametrize("field, text", [
    ("description_en", "Last week 3 families were helped."),
    ("description_en", "We supported 2 patients in Qom."),
    ("pledge_en", "one family of the 4 households"),
    ("short_name_en", "Support for 3 families"),
])
def test_an_english_text_with_a_small_count_is_refused_as_its_persian_twin(tmp_path: Path, field: str,
                                                                            text: str) -> None:
    root = make_project(tmp_path / "project", data="example")
    programmes = root / "data" / "programmes.yaml"
    lines = programmes.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  short_name_en: Weekly meetings"))
    lines = [line for line in lines if not line.startswith(f"  {field}:") or lines.index(line) < at]
    lines.insert(at + 1, f"  {field}: {text}")
    programmes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_portal(root, "validate")
    assert code != 0, out
    assert "small-count-in-text" in err and f"programmes.yaml:{at + 2}" in err and field in err, err


def test_english_downloads_are_english_and_joinable(bilingual: Path) -> None:
    import csv
    import io

    import openpyxl

    text = (bilingual / "en" / "downloads" / "programme-oxygen-concentrators-provinces.csv").read_text(
        encoding="utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text)) if r and not r[0].startswith("#")]
    header = rows[0]
    assert header[:3] == ["Province", "Delivered (devices)", "Share of all deliveries"], header
    assert "Province code (ISO 3166-2)" in header and header[-1] == "synthetic"
    codes = [r[header.index("Province code (ISO 3166-2)")] for r in rows[1:]]
    assert codes and all(re.fullmatch(r"IR-\d\d", c) for c in codes), codes[:5]
    assert {r[-1] for r in rows[1:]} <= {"yes", "no"}
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert [c.split(":")[0] for c in comments] == ["# Licence", "# Citation"]
    assert not PERSIAN_LETTERS.search(" ".join(header + comments)), header + comments
    # the same figures as the Persian edition's download, row for row
    persian = (bilingual / "downloads" / "programme-oxygen-concentrators-provinces.csv").read_text(encoding="utf-8-sig")
    fa_rows = [r for r in csv.reader(io.StringIO(persian)) if r and not r[0].startswith("#")]
    assert [r[1:3] for r in fa_rows[1:]] == [r[1:3] for r in rows[1:]]
    book = openpyxl.load_workbook(bilingual / "en" / "downloads" / "programme-oxygen-concentrators-provinces.xlsx")
    assert book.sheetnames == ["Data", "About"]
    assert not book["Data"].sheet_view.rightToLeft
    assert book["About"]["A1"].value == "Title"
    fa_book = openpyxl.load_workbook(bilingual / "downloads" / "programme-oxygen-concentrators-provinces.xlsx")
    assert fa_book.worksheets[0].sheet_view.rightToLeft


def test_the_english_feed_is_english(bilingual: Path) -> None:
    feed = (bilingual / "en" / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="en"' in feed and "Meeting of 18 August 2021 (27 Mordad 1400)" in feed
    persian = (bilingual / "feed.xml").read_text(encoding="utf-8")
    ids = set(re.findall(r"<id>(.*?)</id>", feed))
    assert ids.isdisjoint(re.findall(r"<id>(.*?)</id>", persian))  # each feed's entries are its own


def test_english_pages_have_english_link_previews(bilingual: Path, tmp_path: Path) -> None:
    import shutil

    from generator.site.shared_cards import share_cards

    html = (bilingual / "en" / "provinces" / "gilan" / "index.html").read_text(encoding="utf-8")
    image = re.search(r'<meta property="og:image" content="([^"]*)"', html)[1]
    card = (bilingual / "en" / "provinces" / "gilan" / image).resolve()
    assert card == (bilingual / "en" / "cards" / "provinces" / "gilan.png").resolve() and card.is_file()
    svg = card.with_suffix(".svg").read_text(encoding="utf-8")
    drawn = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "Gilan province" in drawn and "Figures to" in drawn
    assert not PERSIAN_LETTERS.search(drawn) and not PERSIAN_DIGITS.search(drawn), drawn
    description = re.search(r'<meta property="og:description" content="([^"]*)"', html)[1]
    assert description.startswith("Family support: ") and not PERSIAN_LETTERS.search(description), description
    assert re.search(r'<meta property="og:locale" content="en_GB"', html)
    # in a version of the publish branch, each edition's cards are shared, and its pages point to them
    version = tmp_path / "branch" / "1400-07-28"
    shutil.copytree(bilingual, version)
    moved = share_cards(version, "../")
    assert "en/cards/provinces/gilan.png" in moved and "cards/provinces/gilan.png" in moved
    assert moved["en/cards/provinces/gilan.png"] != moved["cards/provinces/gilan.png"]
    for rel, edition in (("en/provinces/gilan/index.html", "en/"), ("provinces/gilan/index.html", "")):
        page = version / rel
        image = re.search(r'<meta property="og:image" content="([^"]*)"', page.read_text(encoding="utf-8"))[1]
        assert (page.parent / image).resolve() == (tmp_path / "branch" / moved[f"{edition}cards/provinces/gilan.png"]
                                                   ).resolve(), (rel, image)
    assert not (version / "en" / "cards").exists()
