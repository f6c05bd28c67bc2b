"""Link previews: every page has Open Graph and Twitter card tags (its title, a description written from
its own headline figures, the publication's date) and a 1200×630 PNG card drawn at build time, cached: a
rebuild with one more meeting redraws only the cards whose figures changed. The card's text reading right to
left is looked at in screenshots (tools/screenshots.py); here its SVG twin is checked."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from PIL import Image

from generator import pipeline
from generator.lang.jalali import parse_jalali
from generator.publish.as_of import data_as_of
from helpers import make_project

PAGE_TYPES = ["index.html", "programmes/index.html", "programmes/family-support/index.html",
              "provinces/index.html", "provinces/tehran/index.html", "centres/index.html", "centres/gilan/index.html",
              "households/index.html", "meetings/index.html", "meetings/1400-07-28/index.html", "decisions/index.html",
              "changes/index.html", "archive/index.html", "open-data/index.html", "methodology/index.html",
              "search/index.html", "about/index.html"]


def _meta(page: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:property|name)="((?:og|twitter|article):[^"]+)" content="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found}


def test_every_page_type_has_open_graph_tags_and_a_card_of_1200_by_630(example_site: Path) -> None:
    site = example_site / "site"
    for rel in PAGE_TYPES:
        page = (site / rel).read_text(encoding="utf-8")
        meta = _meta(page)
        assert meta["og:title"] and meta["og:title"] == meta["twitter:title"], rel
        assert meta["og:description"] and meta["og:description"] == meta["twitter:description"], rel
        assert meta["twitter:card"] == "summary_large_image" and meta["og:locale"] == "fa_IR", rel
        # the date of the page's own figures: 28 Mehr 1400 at the latest (a month's: its last day, 30 Mehr)
        assert "2021-08-18" <= meta.get("article:modified_time", "2021-10-20") <= "2021-10-22", rel
        image = (site / rel).parent / meta["og:image"]
        assert meta["og:image"] == meta["twitter:image"] and image.is_file(), rel
        with Image.open(image) as png:
            assert png.size == (1200, 630) and png.format == "PNG", rel
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        svg = image.with_suffix(".svg").read_text(encoding="utf-8")  # its twin, which the audit reads
        if rel == "about/index.html":  # a hand-written page: the home page's card, the site's description
            assert image.resolve() == (site / "cards/index.png").resolve(), rel
            continue
        assert html.unescape(meta["og:title"]) in html.unescape(svg) or "…" in svg, rel


def test_a_description_is_the_pages_own_headline_figures_and_their_date(example_site: Path) -> None:
    site = example_site / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    described = _meta(home)["og:description"]
    # every pledge the home page states, with its delivery, is in the description, and the figures' date
    cards = re.findall(r"وعده: <strong>([^<]+)</strong>.*?تحویل‌شده تا کنون: <strong>([^<]+)</strong>", home, re.S)
    assert len(cards) == 3
    for pledged, delivered in cards:
        number = lambda s: s.split()[0]  # noqa: E731  «۳۰٬۰۰۰ خانوار» → «۳۰٬۰۰۰»
        assert f"{number(delivered)} از {pledged}" in described, (pledged, delivered, described)
    assert described.endswith("ارقام تا ۲۸ مهر ۱۴۰۰")
    tehran = _meta((site / "provinces/tehran/index.html").read_text(encoding="utf-8"))["og:description"]
    assert "استان" not in tehran.split(":")[0] and "خانوار" in tehran
    assert not re.search(r"[0-9]", tehran)  # Persian digits, as the page writes them
    # a province's list of centres: how many, and how many of them open
    gilan = _meta((site / "centres/gilan/index.html").read_text(encoding="utf-8"))["og:description"]
    assert re.search(r"مراکز استان گیلان: [۰-۹]+ مرکز", gilan) and "فعال: " in gilan, gilan


def test_with_an_address_the_preview_image_is_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PORTAL_SITE_URL", "https://aid.example.org/")
    root = make_project(tmp_path / "p")
    pipeline.build(pipeline.Project.at(root), url_path="")
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    meta = _meta(page)
    assert meta["og:image"] == "https://aid.example.org/cards/index.png" and meta["og:url"] == "https://aid.example.org/"
    assert "aid.example.org" in (root / "site" / "cards" / "index.svg").read_text(encoding="utf-8")


def test_one_more_meeting_redraws_only_the_cards_whose_figures_changed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", data="example")
    full = tmp_path / "full"
    shutil.move(root / "data", full)
    data_as_of(full, parse_jalali("1400-07-21"), root / "data")
    cached = Path(__file__).resolve().parents[2] / ".cache" / "charts"
    if cached.is_dir():  # the charts drawn by `make site`, for speed: the cards are drawn here, not copied
        shutil.copytree(cached, root / ".cache" / "charts")
    project = pipeline.Project.at(root)
    first = pipeline.generate(project, warm=False)
    assert first.images_drawn > 40 and first.images_reused == 0
    before = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
              for p in (root / "content" / "cards").rglob("*.svg")}
    shutil.rmtree(root / "data")
    shutil.copytree(full, root / "data")
    second = pipeline.generate(project, warm=False)
    after = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
             for p in (root / "content" / "cards").rglob("*.svg")}
    changed = [k for k, svg in after.items() if before.get(k) != svg]
    assert second.images_drawn == len(changed) and second.images_reused == len(after) - len(changed)
    # the new meeting's page, the home page and the national pages change; a past meeting's card does not
    assert "content/cards/meetings/1400-07-28.svg" in changed and "content/cards/index.svg" in changed
    assert "content/cards/meetings/1400-06-03.svg" not in changed and "content/cards/methodology.svg" not in changed
    assert len(changed) < len(after)
