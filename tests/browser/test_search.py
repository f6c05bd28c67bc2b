"""Search (generator/site/search_index.py, site_overrides/assets/javascripts/search.js) in a real browser.

A query finds the same pages however it is typed: Arabic or Persian ی/ک, Persian, Latin or Arabic-Indic
digits, with or without the zero-width non-joiner. Only page content is indexed, the index is audited,
and search works under a version's folder as mike publishes it.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from browser_checks import serving
from generator.audit.checks import audit
from generator.site.search_index import BUNDLE, UNUSED


def _search(page, base: str, query: str) -> list[str]:
    """Type the query into the search page's box, as a reader does; the result links, in order."""
    page.goto(base + "search/")
    box = page.locator("#portal-q")
    assert box.evaluate("e => e === document.activeElement")  # the box has the focus on arrival
    box.fill(query)
    box.press("Enter")
    page.wait_for_function("document.querySelector('[data-portal-search-status]').textContent.match(/پیدا/)")
    return page.eval_on_selector_all("[data-portal-search-results] a", "as => as.map(a => a.getAttribute('href'))")


# (as a reader may type it, as the site writes it, a page it must find)
VARIANTS = [
    ("اكسيژن", "اکسیژن", "/programmes/oxygen-concentrators/"),  # Arabic kaf and yeh
    ("گيلان", "گیلان", "/provinces/gilan/"),
    ("27 مرداد 1400", "۲۷ مرداد ۱۴۰۰", "/meetings/1400-05-27/"),  # Latin digits
    ("٢٧ مرداد ١٤٠٠", "۲۷ مرداد ۱۴۰۰", "/meetings/1400-05-27/"),  # Arabic-Indic digits
    ("خانوادهها", "خانواده‌ها", "/programmes/family-support/"),  # no zero-width non-joiner
    ("بستۀ معیشتی", "بستهٔ معیشتی", "/programmes/livelihood-packages/"),  # the one-character «ۀ»
]


@pytest.mark.parametrize(("typed", "written", "expected"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_query_finds_the_same_pages_however_it_is_typed(served, browser, typed, written, expected) -> None:
    _, base = served
    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    as_typed = _search(page, base, typed)
    as_written = _search(page, base, written)
    assert as_typed == as_written, (typed, as_typed, as_written)
    assert expected in as_typed[:5], (typed, as_typed)
    status = page.locator("[data-portal-search-status]").text_content()
    assert status.startswith(tuple("۰۱۲۳۴۵۶۷۸۹")) and "صفحه" in status  # Persian digits and words
    assert page.locator("html").get_attribute("lang") == "fa" and page.locator("body").get_attribute("dir") == "rtl"
    assert [u for u in requests if not u.startswith(base)] == []
    page.close()


def test_results_link_to_their_pages_and_an_unknown_word_says_so(served, browser) -> None:
    _, base = served
    page = browser.new_page()
    links = _search(page, base, "گیلان")
    page.locator("[data-portal-search-results] a").first.click()
    page.wait_for_load_state()
    assert page.url == base + links[0].lstrip("/")
    assert "گیلان" in page.locator("h1").first.text_content()
    assert _search(page, base, "ژژژژژ") == []
    assert "پیدا نشد" in page.locator("[data-portal-search-status]").text_content()
    # the address keeps the query: a search can be shared, and the page runs it on arrival
    page.goto(base + "search/?q=" + "اكسيژن")
    page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 0")
    assert page.locator("#portal-q").input_value() == "اكسيژن"
    page.close()


def test_a_space_typed_for_a_zero_width_non_joiner_still_finds_the_page(served, browser) -> None:
    _, base = served
    page = browser.new_page()
    assert "/programmes/oxygen-concentrators/" in _search(page, base, "اکسیژن ساز")[:3]
    assert "/programmes/oxygen-concentrators/" in _search(page, base, "دستگاه اکسیژن ساز")[:3]
    page.close()


def test_the_examples_on_the_search_page_find_something(served, browser) -> None:
    _, base = served
    page = browser.new_page()
    page.goto(base + "search/")
    examples = page.locator("#portal-search-hint a")
    assert examples.count() == 3
    for i in range(examples.count()):
        page.goto(base + "search/")
        text = examples.nth(i).text_content()
        examples.nth(i).click()
        page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 0")
        assert page.locator("#portal-q").input_value().translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) == text
    page.close()


def test_back_from_a_result_shows_the_same_search_and_more_adds_no_duplicate(served, browser) -> None:
    _, base = served
    page = browser.new_page()
    page.goto(base + "search/")
    page.locator("#portal-q").type("گیلان")  # typed, never submitted
    page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 0")
    first = page.locator("[data-portal-search-results] a").first.get_attribute("href")
    page.locator("[data-portal-search-results] a").first.click()
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 0")
    assert page.locator("#portal-q").input_value() == "گیلان"
    assert page.locator("[data-portal-search-results] a").first.get_attribute("href") == first
    # «more», pressed twice at once: the next ten once, then the focus on the first of them
    _search(page, base, "۱۴۰۰")
    more = page.locator("[data-portal-search-more]")
    assert more.is_visible()
    more.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    # ten more pages' excerpts, each its own request: on a loaded 2-core machine this took over 30 s once
    page.wait_for_function("document.querySelectorAll('[data-portal-search-results] a').length > 10",
                           timeout=90_000)
    page.wait_for_load_state("networkidle")
    links = page.eval_on_selector_all("[data-portal-search-results] a", "as => as.map(a => a.getAttribute('href'))")
    assert len(links) == len(set(links)) and len(links) <= 20
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.close()


def test_an_excerpt_from_a_page_is_shown_as_text_never_as_markup(served, browser) -> None:
    _, base = served
    page = browser.new_page()
    _search(page, base, "اکسیژن")
    excerpt = page.locator(".portal-search-excerpt").first
    assert excerpt.locator("mark").count() >= 1
    # text, hits, and Latin runs held left to right: never an element made from the page's text
    assert excerpt.evaluate("""e => [...e.querySelectorAll('*')].every(n => ['MARK', 'BDI'].includes(n.nodeName)
                                   && [...n.childNodes].every(c => c.nodeType === 3 || c.nodeName === 'BDI'))""")
    page.close()


def test_a_decision_id_in_an_excerpt_reads_left_to_right(served, browser) -> None:
    """A decision's id in an excerpt sits in a left-to-right <bdi>, as on its page: in plain Persian text
    ۱۴۰۰-۰۵-۲۷-d۱ would read d۱-۲۷-۰۵-۱۴۰۰."""
    _, base = served
    page = browser.new_page()
    links = _search(page, base, "1400-05-27-d1")
    assert links
    runs = page.eval_on_selector_all(".portal-search-excerpt bdi[dir=ltr]", "bs => bs.map(b => b.textContent)")
    assert any(r.startswith("۱۴۰۰-۰۵-۲۷-d") for r in runs), runs  # the page writes it in Persian digits
    xs = page.evaluate("""() => { const b = [...document.querySelectorAll('.portal-search-excerpt bdi')]
            .find(b => b.textContent.startsWith('۱۴۰۰-۰۵-۲۷-d')); const t = b.firstChild;
        const r = document.createRange();
        return [0, 5, 8, 11].map(o => { r.setStart(t, o); r.setEnd(t, o + 1);
                                        return r.getBoundingClientRect().x; }); }""")
    assert xs == sorted(xs)  # 1400, 05, 27, d from left to right
    # the box takes the direction of what is typed: a Latin id left to right, Persian right to left
    assert page.eval_on_selector("#portal-q", "e => getComputedStyle(e).direction") == "ltr"
    page.fill("#portal-q", "گیلان")
    assert page.eval_on_selector("#portal-q", "e => getComputedStyle(e).direction") == "rtl"
    page.close()


def test_only_page_content_is_indexed(served) -> None:
    root, _ = served
    bundle = root / "site" / BUNDLE
    fragments = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        doc = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[doc["url"]] = doc
    assert "/provinces/gilan/" in fragments and "/meetings/1400-05-27/" in fragments
    assert "/search/" not in fragments and not any("404" in u for u in fragments)  # neither is content
    tabs = ["داده‌های باز", "روش‌شناسی"]  # in every page's navigation, not in a meeting's text
    meeting = fragments["/meetings/1400-05-27/"]
    assert not any(t in meeting["content"] for t in tabs)
    assert "¶" not in meeting["content"]  # Material's permalinks are not text
    assert meeting["meta"]["title"] == "جلسهٔ ۲۷ مرداد ۱۴۰۰"  # the page's title, not its first heading
    # a chart's labels are not indexed: its table, beside it, says the same
    html = (root / "site/programmes/oxygen-concentrators/index.html").read_text(encoding="utf-8")
    assert re.search(r'<div [^>]*class="portal-chart"[^>]* data-pagefind-ignore', html)
    # the arabic forms never reach the index: the site writes ی and ک (the search page folds queries to them)
    assert not any(c in doc["content"] for doc in fragments.values() for c in "يك")
    assert not [name for name in UNUSED if (bundle / name).exists()]


def test_the_audit_reads_the_search_index(served, tmp_path: Path) -> None:
    root, _ = served
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    assert audit(site) == []
    fragment = sorted((site / BUNDLE / "fragment").glob("*.pf_fragment"))[0]
    doc = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
    doc["content"] += " تماس: ۰۹۱۲۳۴۵۶۷۸۹"
    fragment.write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps(doc, ensure_ascii=False).encode()))
    findings = audit(site)
    assert [f.path for f in findings] == [fragment.relative_to(site).as_posix()]
    assert "mobile phone number" in findings[0].what


def test_search_works_inside_a_version_folder(served, browser, tmp_path: Path) -> None:
    """mike publishes each version under its own folder (and latest/): results must stay inside it."""
    root, _ = served
    shutil.copytree(root / "site", tmp_path / "1400-07-28")
    with serving(tmp_path) as base:
        page = browser.new_page()
        links = _search(page, base + "1400-07-28/", "گیلان")
        assert links and all(u.startswith("/1400-07-28/") for u in links), links
        page.goto(base.rstrip("/") + links[0])
        assert page.locator("h1").first.is_visible()
        page.close()
