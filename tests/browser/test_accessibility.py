"""Accessibility in a real browser: axe-core on every page type, the keyboard, text alternatives, language.

axe-core is the npm package pinned in package.json (`make test` installs it with `npm ci`); it is injected
into each page as the page is served, at phone and desktop size, with JavaScript on (Material's own
scripts change the page: the table scroll boxes, the tracker's form).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_checks import ALL_PAGE_TYPES, AXE, PAGE_TYPES, axe, keyboard_misses
from helpers import ROOT


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_axe_finds_no_violation_on_any_page_type(served, browser, size) -> None:
    assert AXE.is_file(), "axe-core is missing: `npm ci` (make test runs it)"
    _, base = served
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    found = {}
    for name, path in ALL_PAGE_TYPES.items():
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        if violations := axe(page):
            found[name] = violations
    page.close()
    assert found == {}


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_the_keyboard_reaches_every_link_and_control(served, browser, size) -> None:
    _, base = served
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    for name in ("home", "province with data", "meeting", "decisions", "search", "open data"):
        path = ALL_PAGE_TYPES[name]
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        wanted, missed = keyboard_misses(page)
        assert len(wanted) >= 5, (name, wanted)  # the navigation's links at least
        assert not missed, f"{name}: the keyboard does not reach {sorted(missed)[:5]}"
        # the first stop skips to the content (Material's skip link, in Persian)
        page.goto(base + path)
        page.keyboard.press("Tab")
        first = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
        if "md-skip" in first[0].split():
            assert first[1] and not first[1].isascii()
        else:
            assert name == "search", first  # the search page puts the focus in its box at once
    page.close()


def test_a_focused_element_is_visible(served, browser) -> None:
    """The focus outline is there to see: a link's outline differs from its look without the focus."""
    _, base = served
    page = browser.new_page()
    page.goto(base + "meetings/1400-05-27/")
    link = page.locator("article a[href]").first
    assert link.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # a focus from the keyboard: :focus-visible
    style, width = link.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
    assert link.evaluate("e => e === document.activeElement")
    assert style != "none" and float(width.removesuffix("px")) >= 1, (style, width)
    page.close()


def test_every_chart_has_a_text_alternative_and_its_table(served, browser) -> None:
    _, base = served
    page = browser.new_page()
    for name, (path, figures) in PAGE_TYPES.items():
        if not figures:
            continue
        page.goto(base + path)
        charts = page.locator(".portal-chart")
        for i in range(charts.count()):
            chart = charts.nth(i)
            assert chart.get_attribute("role") == "img", (name, i)
            label = chart.get_attribute("aria-label") or ""
            assert len(label) > 20 and not label.isascii(), (name, i, label)
            # the same numbers as a table, in the same figure
            assert chart.evaluate("e => !!e.closest('figure').querySelector('table tbody tr')"), (name, i)
    page.close()


def test_language_and_direction(served, browser) -> None:
    """The page is Persian, right to left; the charts and code are left to right; English names say so."""
    _, base = served
    page = browser.new_page()
    for name, path in ALL_PAGE_TYPES.items():
        page.goto(base + path)
        assert page.evaluate("document.documentElement.lang") == "fa", name
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", name
    page.goto(base + "provinces/gilan/")
    assert page.locator(".portal-chart").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    english = page.locator("article [lang=en]").first  # the name in the page (the header's switch is English too)
    assert english.text_content() == "Gilan" and english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.goto(base + "open-data/")
    assert page.locator("code").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.close()


def test_axe_is_pinned_by_the_project() -> None:
    import json

    lock = json.loads((Path(ROOT) / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/axe-core"]["version"] == "4.14.1"
