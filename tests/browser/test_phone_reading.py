"""Read on a phone: every page type of the example site, and the national benchmark's largest pages, at
390×844 in Chromium. Chart text is at least 12 CSS px as shown (measured on the rendered SVG), no chart
text is cut off by its SVG's box, and every table shows its first three columns without scrolling. On a
desktop the wide drawing of each chart is shown, in the wider column of the pages of charts and tables."""

from __future__ import annotations

import subprocess
import sys

import pytest

from browser_checks import ALL_PAGE_TYPES, PAGE_TYPES, reading, serving
from helpers import ROOT, run_portal

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SMALLEST_TEXT = 12  # CSS px


def _read(browser, base: str, paths: dict[str, str], viewport: dict) -> dict[str, dict]:
    page = browser.new_page(viewport=viewport)
    seen = {}
    for name, path in paths.items():
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        seen[name] = reading(page)
    page.close()
    return seen


def _problems(seen: dict[str, dict]) -> dict[str, list[str]]:
    found = {}
    for name, r in seen.items():
        problems = []
        if r["charts"] and r["smallest"] < SMALLEST_TEXT:
            problems.append(f"chart text {r['smallest']} px")
        problems += [f"cut off: {text}" for text in r["cut"]]
        problems += [f"first three columns not on the screen: {row}" for row in r["hidden_columns"]]
        if problems:
            found[name] = problems
    return found


def test_every_page_type_reads_on_a_phone(served, browser) -> None:
    _, base = served
    seen = _read(browser, base, ALL_PAGE_TYPES, PHONE)
    assert _problems(seen) == {}
    # every chart the page type has is shown once (the phone's drawing), and the tables were measured
    for name, (_, figures) in PAGE_TYPES.items():
        assert seen[name]["charts"] >= (1 if figures else 0), name
    assert seen["province with data"]["tables"] >= 3 and seen["centres"]["tables"] >= 1
    # «تغییرات» with a revised week, on a phone: test_published_accessibility.py


def test_a_desktop_shows_the_wide_charts_in_a_wide_column(served, browser) -> None:
    _, base = served
    seen = _read(browser, base, {n: ALL_PAGE_TYPES[n] for n in ("programme", "province with data", "centres",
                                                                  "households", "meeting", "about")}, DESKTOP)
    assert _problems(seen) == {}
    for name in ("programme", "province with data", "centres", "households"):
        assert seen[name]["column"] >= 900, (name, seen[name]["column"])  # no empty navigation beside it
    for name in ("meeting", "about"):  # pages of text keep a readable line length
        assert seen[name]["column"] <= 720, (name, seen[name]["column"])
    page = browser.new_page(viewport=DESKTOP)
    page.goto(base + ALL_PAGE_TYPES["programme"])
    shown = page.evaluate("[...document.querySelectorAll('.portal-chart img')].filter(s => s.getClientRects().length)"
                          ".map(s => s.closest('.portal-chart-wide, .portal-chart-phone')?.className || 'single')")
    page.close()
    assert shown == ["portal-chart-wide", "portal-chart-wide", "single"], shown  # two lines and a map


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """The national benchmark's data (scale 1: 31 provinces, 12 programmes, five years, 5,000 centres),
    built and served."""
    root = tmp_path_factory.mktemp("national") / "project"
    done = subprocess.run([sys.executable, "-m", "benchmarks.national", str(root), "--scale", "1"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    with serving(root / "site") as base:
        yield root, base


def test_the_national_sites_largest_pages_read_on_a_phone(national, browser) -> None:
    root, base = national
    provinces = sorted((root / "site/provinces").glob("*/index.html"), key=lambda p: p.stat().st_size)
    largest = provinces[-1].parent.relative_to(root / "site").as_posix() + "/"
    centres = sorted((root / "site/centres").glob("*/index.html"), key=lambda p: p.stat().st_size)
    paths = {"largest province": largest, "centres": "centres/",
             "largest province's centres": centres[-1].parent.relative_to(root / "site").as_posix() + "/",
             "decisions": "decisions/", "home": "",
             "households": "households/", "what changed": "changes/"}
    seen = _read(browser, base, paths, PHONE)
    assert _problems(seen) == {}
    assert seen["largest province"]["charts"] >= 2 and seen["centres"]["charts"] == 1
    assert seen["largest province"]["tables"] >= 3


def test_a_phones_first_screen_of_the_home_page_reaches_the_pledges(served, browser) -> None:
    """Title, when the figures date from (with a link to what changed), one paragraph, the synthetic data's
    note folded to one line, then the pledges: the first two programmes' cards whole on the first screen."""
    _, base = served
    page = browser.new_page(viewport=PHONE)
    page.goto(base)
    page.wait_for_load_state("networkidle")
    cards = page.locator(".portal-headline li").all()
    bottoms = [card.bounding_box()["y"] + card.bounding_box()["height"] for card in cards[:2]]
    asof = page.locator(".portal-asof")  # when the figures date from, and a link to what changed
    box = asof.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and asof.locator("a[href$='changes/']").count() == 1
    note = page.locator("details.warning")
    assert note.count() == 1 and note.get_attribute("open") is None and "ساختگی است" in note.inner_text()
    page.close()
    assert len(cards) >= 2 and max(bottoms) <= PHONE["height"], bottoms
