"""The English edition (issue 26) in a real browser: the example data built with both editions and served.

Every English page type passes axe-core at phone and desktop size; with JavaScript off each shows its charts
(left to right, with English labels and Latin digits in their text alternatives) beside their tables; the
English search page finds English pages for English queries, and the Persian one Persian pages only.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_checks import ALL_PAGE_TYPES, AXE, PAGE_TYPES, axe, serving

PERSIAN = re.compile("[\u0600-\u06ff]")
# English queries a partner abroad would type, each with a page (or a folder of pages) of the English edition
# it must find among the first ten results
QUERIES = {
    "Gilan": "en/provinces/gilan/",
    "oxygen concentrators": "en/programmes/oxygen-concentrators/",
    "Oxygen": "en/programmes/oxygen-concentrators/",
    "livelihood packages": "en/programmes/livelihood-packages/",
    "Kerman": "en/provinces/kerman/",
    "field hospital": "en/centres/",
    "vaccination centres": "en/centres/",
    "Sistan and Baluchestan": "en/provinces/sistan-baluchestan/",
    "households supported": "en/households/",
    "methodology": "en/methodology/",
    "hidden figures privacy": "en/methodology/",
    "20 October 2021": "en/meetings/1400-07-28/",
    "Mordad 1400": "en/meetings/1400-05-27/",
    "decisions": "en/decisions/",
}


@pytest.fixture(scope="module")
def english_served(bilingual_site: Path):
    with serving(bilingual_site / "site") as base:
        yield bilingual_site, base


def _search(page, base: str, query: str, edition: str = "en/") -> list[str]:
    page.goto(base + edition + "search/")
    box = page.locator("#portal-q")
    box.fill(query)
    box.press("Enter")
    page.wait_for_function("document.querySelector('[data-portal-search-status]').textContent"
                           ".match(/found|پیدا/)")
    return [a.get_attribute("href") for a in page.locator("[data-portal-search-results] h2 a").all()]


def _relative(href: str, base: str) -> str:
    """A result's address below the site's root («en/provinces/gilan/»)."""
    return urlsplit(href).path.removeprefix(urlsplit(base).path)


def test_english_search_finds_english_pages(english_served, browser) -> None:
    _, base = english_served
    page = browser.new_page()
    missed = {}
    for query, wanted in QUERIES.items():
        found = [_relative(h, base) for h in _search(page, base, query)]
        assert found, query
        assert all(f.startswith("en/") for f in found), (query, found[:5])
        if not any(f.startswith(wanted) for f in found[:10]):  # the page, or (for a folder) one of its pages
            missed[query] = found[:5]
        status = page.locator("[data-portal-search-status]").text_content()
        assert not PERSIAN.search(status), status
    assert missed == {}
    # a word on no page: said in English
    assert _search(page, base, "zebra crossing") == []
    assert "No page found" in page.locator("[data-portal-search-status]").text_content()
    page.close()


def test_persian_search_finds_persian_pages_only(english_served, browser) -> None:
    _, base = english_served
    page = browser.new_page()
    for query in ("گیلان", "اکسیژن‌ساز", "Gilan"):
        found = [_relative(h, base) for h in _search(page, base, query, edition="")]
        assert all(not f.startswith("en/") for f in found), (query, found[:5])
    assert any("provinces/gilan/" in f for f in [_relative(h, base) for h in _search(page, base, "گیلان", "")])
    page.close()


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_axe_finds_no_violation_on_any_english_page_type(english_served, browser, size) -> None:
    assert AXE.is_file(), "axe-core is missing: `npm ci` (make test runs it)"
    _, base = english_served
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    found = {}
    for name, path in ALL_PAGE_TYPES.items():
        page.goto(base + "en/" + path.replace("search/?q=گیلان", "search/?q=Gilan"))
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.lang") == "en", name
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr", name
        if violations := axe(page):
            found[name] = violations
    page.close()
    assert found == {}


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_without_javascript_english_charts_show_left_to_right(english_served, browser, size) -> None:
    root, base = english_served
    context = browser.new_context(java_script_enabled=False, viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    shots = Path(root) / "screenshots"
    shots.mkdir(exist_ok=True)
    for name, (path, figures) in PAGE_TYPES.items():
        page.goto(base + "en/" + path)
        page.wait_for_load_state("load")
        images = page.locator(".portal-chart img")
        shown = [i for i in range(images.count()) if images.nth(i).is_visible()]
        assert len(shown) >= (1 if figures else 0), (name, size)
        for i in shown:
            img = images.nth(i)
            assert img.evaluate("e => e.complete && e.naturalWidth > 0"), (name, i)
            alt = img.get_attribute("alt") or ""
            assert len(alt) > 20 and not PERSIAN.search(alt), (name, alt)
            assert img.evaluate("e => !!e.closest('figure').querySelector('table tbody tr')"), (name, i)
            # the chart's box is left to right, as the page
            assert img.evaluate("e => getComputedStyle(e.closest('.portal-chart')).direction") == "ltr"
        page.screenshot(path=str(shots / f"en-{name.replace(' ', '-')}-{size[0]}.png"), full_page=False)
    context.close()
