"""The weekly bulletin (render/bulletin.py, printed by Chromium: site/bulletin.py): an A4 PDF of one or two
pages whose text (read with poppler's pdftotext, digits normalised) holds each programme's pledge and
delivery and the latest meeting's decisions, whose fonts are all embedded (pdffonts), with a PNG of its
first page; linked from the home page, the latest meeting's page and the archive, and enclosed in the
feed's entry for the publication. The audit reads its text like any page's."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generator.audit.checks import audit
from generator.lang.persian import ascii_digits
from generator.render.bulletin import Bulletin
from generator.site.bulletin import Printer, stamp

NAME = "bulletin-1400-07-28"


def _normalised(text: str) -> str:
    """Digits in ASCII, no separators, direction marks, joiners, combining marks (pdftotext may put «ٔ»
    before «ه») or spaces: what pdftotext's layout moves."""
    return re.sub(r"[\s\u200b-\u200f\u202a-\u202e\u064b-\u065f٬,]", "", ascii_digits(text))


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_the_bulletin_holds_the_headline_figures_and_the_decisions(example_site: Path) -> None:
    site = example_site / "site"
    pdf = site / "downloads" / f"{NAME}.pdf"
    text = _normalised(_pdftotext(pdf))
    home = (site / "index.html").read_text(encoding="utf-8")
    pledges = re.findall(r"وعده: <strong>([^<]+)</strong>.*?تحویل‌شده تا کنون: <strong>([^<]+)</strong>", home, re.S)
    assert len(pledges) == 3
    for pledged, delivered in pledges:
        assert _normalised(pledged) in text and _normalised(delivered) in text, (pledged, delivered)
    shares = re.findall(r'aria-label="([۰-۹٫]+٪) از وعده"', home)
    assert shares and all(_normalised(s) in text for s in shares)
    meeting = yaml.safe_load((example_site / "data/meetings/1400-07-28.yaml").read_text(encoding="utf-8"))
    assert meeting["decisions"]
    for decision in meeting["decisions"]:
        assert _normalised(decision["text_fa"])[:60] in text, decision["id"]
    assert _normalised("وعده‌شده") in text and _normalised("تصمیم‌های جلسهٔ ۲۸ مهر ۱۴۰۰") in text
    assert _normalised("ارقام تا ۲۸ مهر ۱۴۰۰") in text


def test_the_bulletin_is_one_or_two_a4_pages_with_every_font_embedded(example_site: Path) -> None:
    pdf = example_site / "site" / "downloads" / f"{NAME}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 1 <= pages <= 2 and re.search(r"Page size:\s+595(\.\d+)? x 842", info.replace("594.96", "595")
                                         .replace("841.92", "842")), info
    assert "2021-10-20" in subprocess.run(["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True,
                                          check=True).stdout  # its dates: the day its figures date from
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("Vazirmatn" in r for r in rows), fonts
    assert all(r.split()[-5] == "yes" for r in rows), fonts  # «emb»: every font embedded
    with Image.open(pdf.with_suffix(".png")) as png:
        assert png.size[0] >= 1100 and abs(png.size[1] / png.size[0] - 297 / 210) < 0.01


def test_the_bulletin_is_linked_from_home_the_meeting_and_the_archive_and_enclosed_in_the_feed(
        example_site: Path) -> None:
    site = example_site / "site"
    for page in ("index.html", "meetings/1400-07-28/index.html", "archive/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]*' + NAME + r'\.(?:pdf|png))"', html)
        assert len(links) == 2, page
        for link in links:
            assert ((site / page).parent / link).resolve().is_file(), (page, link)
    assert NAME not in (site / "meetings/1400-07-21/index.html").read_text(encoding="utf-8")
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'<link rel="enclosure" type="application/pdf" href="downloads/{NAME}.pdf"/>' in feed


def _printed(tmp_path: Path, body: str) -> Path:
    html = ('<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><style>@font-face{font-family:'
            'V;src:url(Vazirmatn-Regular.ttf)} body{font-family:V}</style></head><body>' + body + "</body></html>")
    site = tmp_path / "site"
    with Printer((Bulletin("bulletin-x", html),), None) as printer:
        printer.start()
        printer.finish(site)
    return site


@pytest.mark.parametrize("said", ["کد ملی ۰۰۱۲۳۴۵۶۷۹", "شمارهٔ همراه ۰۹۱۲۳۴۵۶۷۸۹", "سخن محرمانهٔ ستاد"])
def test_the_audit_reads_the_bulletins_text(tmp_path: Path, said: str) -> None:
    site = _printed(tmp_path, f"<p>بولتن آزمون. {said} در متن آمده است.</p>")
    found = audit(site, ["سخن محرمانهٔ ستاد"])
    assert [f.path for f in found] == ["downloads/bulletin-x.pdf"], found
    clean = _printed(tmp_path / "clean", "<p>بولتن آزمون: ۱۷٬۸۵۰ از ۳۰٬۰۰۰ خانوار.</p>")
    assert audit(clean, ["سخن محرمانهٔ ستاد"]) == []


def test_a_pdf_the_audit_cannot_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _printed(tmp_path, "<p>بولتن</p>")
    monkeypatch.setenv("PATH", "/nonexistent")  # no pdftotext: the text is unread, so refused
    (found,) = audit(site)
    assert "PDF whose text cannot be read" in found.what and "poppler" in found.what
    monkeypatch.undo()
    (site / "downloads" / "bulletin-x.pdf").write_bytes(b"%PDF-1.4 not really")
    assert any("cannot be read" in f.what for f in audit(site))


def test_printing_twice_gives_the_same_bytes_and_a_missing_chromium_is_said(tmp_path: Path,
                                                                              monkeypatch) -> None:
    a = _printed(tmp_path / "a", "<p>یک</p>") / "downloads"
    b = _printed(tmp_path / "b", "<p>یک</p>") / "downloads"
    assert (a / "bulletin-x.pdf").read_bytes() == (b / "bulletin-x.pdf").read_bytes()
    assert (a / "bulletin-x.png").read_bytes() == (b / "bulletin-x.png").read_bytes()
    pdf = (a / "bulletin-x.pdf").read_bytes()
    assert len(stamp(pdf.replace(b"D:2021", b"D:2031"), __import__("datetime").datetime(2021, 1, 1))) == len(pdf)
    import generator.site.bulletin as printing

    monkeypatch.setattr(printing, "CHROMIUM", tmp_path / "no-chromium")
    with pytest.raises(printing.BulletinError, match="make chromium"), Printer((Bulletin("x", ""),), None) as p:
        p.start()
    assert shutil.which("pdftotext")
