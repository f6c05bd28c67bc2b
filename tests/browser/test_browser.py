"""What the public gets, in a real browser: Debian's Chromium, driven by Playwright, JavaScript off.

Every page type is opened at phone and desktop size with JavaScript disabled: every figure must show
its chart (an inline SVG with a size) and its table, the page must not be wider than the screen, and no
request may go to another host.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from browser_checks import ALL_PAGE_TYPES, PAGE_TYPES, loaded


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
            chart = figure.locator(".portal-chart img:visible")  # the phone's drawing or the wide one
            if "-households-" in (figure.get_attribute("id") or "") and figure.get_attribute("id").startswith(
                    "province-"):
                assert chart.count() == 0, (name, i)  # a county table: a table only
            else:
                assert chart.count() == 1, (name, i)
                box = chart.bounding_box()
                assert box and box["width"] > 200 and box["height"] > 60, (name, i, box)
                assert loaded(chart), (name, i)
                assert box["width"] <= size[0], (name, i, box)
            table = figure.locator("table")
            assert table.is_visible() and table.locator("tbody tr").count() >= 1, (name, i)
            # the table's downloads, and its history in every publication (the vintages)
            for kind in ("csv", "json"):
                assert figure.locator(f"a[href$='.{kind}']:not([href$='-vintages.{kind}'])").count() == 1, (name, i)
                assert figure.locator(f"a[href$='-vintages.{kind}']").count() == 1, (name, i)
        assert page.locator("h1").first.is_visible(), name
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= size[0], f"{name}: the page is {width} px wide on a {size[0]} px screen"
    outside = sorted({u for u in requests if urlparse(u).hostname != "127.0.0.1"})
    assert outside == []
    context.close()


def test_chart_text_is_persian_and_set_in_vazirmatn(served, browser) -> None:
    """A chart's file (an <img> cannot use the page's font) carries the glyphs of its text, and Chromium
    draws its text with them, right to left where it is Persian."""
    _, base = served
    page = browser.new_page(java_script_enabled=False)
    page.goto(base + "programmes/oxygen-concentrators/")
    assert page.locator(".portal-chart").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    img = page.locator(".portal-chart img").first
    alt = img.get_attribute("alt")
    assert alt and len(alt) > 30  # the chart's text alternative
    page.goto(urljoin(page.url, img.get_attribute("src")))  # the drawing, as a document of its own
    texts = page.locator("text").all_text_contents()
    assert texts and not [t for t in texts if any(c in "0123456789" for c in t)]
    assert any("شهریور" in t for t in texts) and any("مهر" in t for t in texts)  # Jalali month labels
    faces = page.evaluate("async () => { await document.fonts.ready; return [...document.fonts]"
                          ".map(f => [f.family, f.weight, f.status]); }")
    assert faces and all(family.strip('"') == "Vazirmatn" and status == "loaded" for family, _, status in faces), faces
    family = page.locator("text").first.evaluate("e => getComputedStyle(e).fontFamily")
    assert "Vazirmatn" in family
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


def _visit_everything(browser, base: str, root: Path, requests: list[str] | None = None) -> dict[str, list]:
    """Every page type with JavaScript on, each as a first visit (a new browser context, nothing cached),
    the search page with a query too: by page type, each response as (url, status, body)."""
    types = ALL_PAGE_TYPES | {"province without data": _province_without_data(root)}
    seen: dict[str, list] = {}
    for name, path in types.items():
        context = browser.new_context()
        if requests is not None:
            context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        responses: list = []
        page.on("response", lambda r, into=responses: into.append(r))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        if name == "search results":
            page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 0")
            page.wait_for_load_state("networkidle")
        seen[name] = [(r.url, r.status, r.body() if r.status == 200 else b"") for r in responses]
        assert context.cookies() == [] and page.evaluate("document.cookie") == "", name
        context.close()
    return seen


def test_no_request_leaves_the_site_and_no_cookie_is_set(served, browser) -> None:
    """With JavaScript on, every page type, a search and the tracker's form: every request goes to this
    site; no cookie, no local storage entry that names the reader, no analytics."""
    root, base = served
    requests: list[str] = []
    _visit_everything(browser, base, root, requests)
    context = browser.new_context()
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(base + "decisions/")
    page.select_option("select[name=programme]", "oxygen-concentrators")
    page.goto(base + "search/")
    page.fill("#portal-q", "اكسيژن")
    page.press("#portal-q", "Enter")
    page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 0")
    assert len(requests) > 50
    assert sorted({u for u in requests if urlparse(u).hostname != "127.0.0.1"}) == []
    assert context.cookies() == [] and page.evaluate("document.cookie") == ""
    assert not [u for u in requests if any(w in u.lower() for w in ("analytics", "gtag", "matomo", "collect"))]
    context.close()


def test_each_page_types_first_visit_weighs_under_100_kb_compressed(served, browser, capsys) -> None:
    """What a first visit transfers, compressed as a web server would (gzip, level 6), the font excepted
    (one file, 111 KB, cached for every later page). Printed per page type, and what a first search adds
    to the search page."""
    root, base = served
    figures = {}
    for name, responses in _visit_everything(browser, base, root).items():
        total = 0
        for url, status, body in responses:
            if url.endswith(".woff2") or status != 200:
                continue
            # Pagefind's index files are gzip-compressed already; a server sends them as they are
            total += len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6, mtime=0))
        figures[name] = total
    # a query (a shared link to results, or a search typed on the search page) loads Pagefind: its
    # WebAssembly (66 KB), scripts, the index chunk for the words and the excerpts of ten results
    query = figures.pop("search results") - figures["search"]
    with capsys.disabled():
        print("\nfirst visit, compressed, without the font:")
        for name, total in figures.items():
            print(f"  {name:32} {total / 1024:6.1f} KB")
        print(f"  {'a first query, in addition':32} {query / 1024:6.1f} KB")
    assert query > 50 * 1024  # the index is loaded only for a query
    heavy = {name: round(total / 1024, 1) for name, total in figures.items() if total >= 100 * 1024}
    assert heavy == {}
    assert query < 150 * 1024, query


@pytest.mark.parametrize("path", ["meetings/1400-05-27/", "provinces/gilan/"])
def test_a_page_prints_its_content_only(served, browser, tmp_path: Path, path: str) -> None:
    """Printed (to PDF, in Chromium): no header, tabs, sidebars or footer; the content at the page's
    width; charts inside the margins; every figure's table printed whole, its header repeated."""
    _, base = served
    page = browser.new_page()
    page.goto(base + path)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer'].map(s => document.querySelector(s)).filter(Boolean)
        .map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}, hidden
    content = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().width")
    assert content >= 0.9 * page.viewport_size["width"], content
    widths = page.evaluate("[...document.querySelectorAll('.portal-chart img')]"
                           ".map(s => s.getBoundingClientRect().width)")
    assert max(widths, default=0) <= content + 1
    assert widths or path.startswith("meetings/")  # a province page has charts, a meeting page none
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True,
             margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", data))
    assert data.startswith(b"%PDF") and 1 <= pages <= 12, pages
    page.close()


def test_a_decision_is_headed_by_what_it_decides_with_its_id_beside_it_left_to_right(served, browser) -> None:
    """A meeting's decision is headed by its programme, quantity and places, as the table of contents lists
    it; its id «۱۴۰۰-۰۵-۲۷-d۱» is a small label beside, read left to right in the right-to-left page (the
    year leftmost, «d۱» rightmost)."""
    _, base = served
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base + "meetings/1400-05-27/")
    year, letter = page.evaluate("""() => {
      const el = document.querySelector('h3#\\\\31 400-05-27-d1 .portal-decision-id bdi');
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let node; while ((node = walker.nextNode()) && !node.data.includes('۱۴۰۰')) {}
      const at = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                        return r.getBoundingClientRect().x; };
      return [at(node.data.indexOf('۱۴۰۰')), at(node.data.indexOf('d'))]; }""")
    heading = page.evaluate("""() => {
      const h = document.querySelector('h3#\\\\31 400-05-27-d1').cloneNode(true);
      h.querySelectorAll('.portal-decision-id, .headerlink').forEach(e => e.remove());
      return h.textContent.trim(); }""")
    listed = page.locator('.md-sidebar--secondary a[href="#1400-05-27-d1"] .md-ellipsis').inner_text().strip()
    page.close()
    assert year < letter  # the year left of the «d»
    assert heading == listed and "d" not in heading and "۱۴۰۰" not in heading, (heading, listed)
    assert re.search(r"[،:]", heading) and len(heading) > 10, heading  # what, how many, where
