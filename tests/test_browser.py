"""What the public gets, in a real browser: Debian's Chromium, driven by Playwright, JavaScript off.

Every page type is opened at phone and desktop size with JavaScript disabled: every figure must show
its chart (an inline SVG with a size) and its table, the page must not be wider than the screen, and no
request may go to another host.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow
PAGE_TYPES = {  # page type -> (path, figures it must have)
    "home": ("", 1),
    "programmes index": ("programmes/", 0),
    "programme": ("programmes/oxygen-concentrators/", 3),
    "programme counted from meetings": ("programmes/weekly-meetings/", 1),
    "provinces index": ("provinces/", 0),
    "province with data": ("provinces/gilan/", 3),
    "households": ("households/", 3),
    "centres": ("centres/", 1),
    "meetings index": ("meetings/", 0),
    "meeting": ("meetings/1400-05-27/", 0),
    "decisions": ("decisions/", 0),
    "methodology": ("methodology/", 0),
    "about": ("about/", 0),
}


def _province_without_data(root: Path) -> str:
    for page in sorted((root / "content/provinces").glob("*.md")):
        if "هنوز داده‌ای نیست" in page.read_text(encoding="utf-8") and page.name != "index.md":
            return f"provinces/{page.stem}/"
    raise AssertionError("the example data leave no province without data")


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_every_page_type_shows_its_charts_and_tables_without_javascript(served, browser, size) -> None:
    root, base = served
    context = browser.new_context(java_script_enabled=False, viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    types = dict(PAGE_TYPES, **{"province without data": (_province_without_data(root), 0)})
    for name, (path, expected) in types.items():
        response = page.goto(base + path)
        assert response.status == 200, (name, path)
        figures = page.locator("figure.portal-figure")
        assert figures.count() == expected, (name, figures.count())
        for i in range(expected):
            figure = figures.nth(i)
            chart = figure.locator(".portal-chart svg")
            if "-households-" in (figure.get_attribute("id") or "") and figure.get_attribute("id").startswith(
                    "province-"):
                assert chart.count() == 0, (name, i)  # a county table: a table only
            else:
                box = chart.bounding_box()
                assert box and box["width"] > 200 and box["height"] > 60, (name, i, box)
                assert box["width"] <= size[0], (name, i, box)
            table = figure.locator("table")
            assert table.is_visible() and table.locator("tbody tr").count() >= 1, (name, i)
            assert figure.locator("a[href$='.csv']").count() == 1 and figure.locator("a[href$='.json']").count() == 1
        assert page.locator("h1").first.is_visible(), name
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= size[0], f"{name}: the page is {width} px wide on a {size[0]} px screen"
    outside = sorted({u for u in requests if urlparse(u).hostname != "127.0.0.1"})
    assert outside == []
    context.close()


def test_chart_text_is_persian_and_set_in_vazirmatn(served, browser) -> None:
    _, base = served
    page = browser.new_page(java_script_enabled=False)
    page.goto(base + "programmes/oxygen-concentrators/")
    texts = page.locator(".portal-chart svg text").all_text_contents()
    assert texts and not [t for t in texts if any(c in "0123456789" for c in t)]
    assert any("شهریور" in t for t in texts) and any("مهر" in t for t in texts)  # Jalali month labels
    family = page.locator(".portal-chart svg text").first.evaluate("e => getComputedStyle(e).fontFamily")
    assert "Vazirmatn" in family
    assert page.locator(".portal-chart").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.close()


def test_the_decisions_tracker_reads_without_javascript_and_filters_and_sorts_with_it(served, browser) -> None:
    _, base = served
    page = browser.new_page(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page.goto(base + "decisions/")
    cards = page.locator("article.portal-decision")
    total = cards.count()
    assert total >= 8 and all(cards.nth(i).is_visible() for i in range(total))
    assert not page.locator("form.portal-filter").is_visible()  # no form that cannot work
    page.close()

    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "decisions/")
    form = page.locator("form.portal-filter")
    assert form.is_visible()
    visible = "[...document.querySelectorAll('article.portal-decision')].filter(a => !a.hidden).map(a => a.id)"
    page.select_option("select[name=programme]", "oxygen-concentrators")
    shown = page.evaluate(visible)
    assert shown and all(i in ("1400-05-27-d2", "1400-06-03-d1") for i in shown), shown
    assert form.locator("output").text_content() == f"{len(shown)} تصمیم از {total}".translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    page.select_option("select[name=programme]", "")
    page.select_option("select[name=status]", "overdue")
    assert page.evaluate(visible) == ["1400-06-10-d1"]
    page.select_option("select[name=status]", "")
    # a province: the decisions that name it and the decisions for the whole country
    page.select_option("select[name=province]", "IR-23")
    shown = page.evaluate(visible)
    assert "1400-06-17-d1" in shown and "1400-05-27-d1" in shown and "1400-06-10-d1" not in shown
    page.select_option("select[name=province]", "")
    page.select_option("select[name=sort]", "due")
    order = page.evaluate("[...document.querySelectorAll('article.portal-decision')].map(a => a.dataset.due)")
    dated = [d for d in order if d]
    assert dated == sorted(dated) and order[:len(dated)] == dated  # due dates first, earliest first
    # the anchor of a decision takes the reader to its card
    page.goto(base + "decisions/#1400-05-27-d3")
    assert page.evaluate("document.querySelector(':target').id") == "1400-05-27-d3"
    assert sorted({u for u in requests if not u.startswith(base)}) == []
    page.close()
