"""A version published with `portal publish` is as accessible as a local build: two publications and a
correction made into a real git repository, the publish branch served as a host serves it, and in Chromium,
with JavaScript on, at phone and desktop size: axe-core finds no violation on the latest and on an older
version (the version bar, Material's version selector and its "newer publication" banner included), the
keyboard reaches every link and control, and `latest/` says that it is the latest."""

from __future__ import annotations

import pytest

from browser_checks import axe, keyboard_misses, reading, serving
from helpers import MEETING, branch_tree, git, git_project, run_portal

PAGES = ("latest/", "latest/meetings/1400-06-17/", "1400-06-10/", "1400-06-10/provinces/gilan/",
         "1400-06-10/decisions/", "1400-06-17/changes/")


SITE_URL = "https://aid.example.org/"  # where the versions would be; they are served here on 127.0.0.1


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PORTAL_SITE_URL", SITE_URL)  # as CI sets it: every version knows its address
        yield from _published(tmp_path_factory)


def _published(tmp_path_factory: pytest.TempPathFactory):
    root = git_project(tmp_path_factory.mktemp("published") / "p")
    code, out, err = run_portal(root, "publish")
    assert code == 0, out + err
    (root / "data/meetings/1400-06-17.yaml").write_text(MEETING.format(date="1400-06-17", number=4), encoding="utf-8")
    # a past week revised, with its reason: the next publication's «تغییرات» has a table of what changed
    weekly = next((root / "data/deliveries").glob("*.csv"))
    weekly.write_text(weekly.read_text(encoding="utf-8").replace("استان کرمان,,oxygen,۳۰", "استان کرمان,,oxygen,۳۵"),
                      encoding="utf-8")
    (root / "data/revisions.yaml").write_text(
        "- id: 1400-06-16-r1\n  date: 1400-06-16\n  reason_fa: گزارش دیرهنگام کرمان که پس از انتشار رسید\n"
        "  programme: oxygen\n  province: کرمان\n  period: 1400-06-03\n", encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", "meeting 1400-06-17")
    code, out, err = run_portal(root, "publish")
    assert code == 0, out + err
    # then a correction of the newest: latest/ is the correction, and must say so too
    revisions = root / "data" / "revisions.yaml"
    before = revisions.read_text(encoding="utf-8") if revisions.exists() else ""
    revisions.write_text(before + "- id: 1400-06-18-r1\n  date: 1400-06-18\n  reason_fa: خطای تایپی\n"
                         "  correction: yes\n", encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", "a correction")
    code, out, err = run_portal(root, "publish")
    assert code == 0 and "1400-06-17-2" in out, out + err
    with serving(branch_tree(root, root.parent / "host")) as base:
        yield base


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_axe_and_the_keyboard_on_a_published_version(published, browser, size) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    found, missed = {}, {}
    for path in PAGES:
        page.goto(published + path)
        page.wait_for_load_state("networkidle")
        if path.startswith("1400-06-10/"):  # Material found a newer publication; the version bar says so
            page.wait_for_selector(".portal-version--outdated", state="visible", timeout=5000)
        if violations := axe(page):
            found[path] = violations
        _, gone = keyboard_misses(page)
        if gone:
            missed[path] = sorted(gone)[:5]
    page.close()
    assert found == {} and missed == {}


def test_latest_says_it_is_the_latest_and_an_older_version_points_to_it(published, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(published + "latest/")
    page.wait_for_load_state("networkidle")
    bar = page.locator(".portal-version")
    assert "این آخرین انتشار درگاه است" in bar.inner_text()
    assert bar.locator("a.portal-latest").get_attribute("href").endswith("archive/")  # not a link to itself
    assert "اصلاحیهٔ «جلسهٔ ۱۷ شهریور ۱۴۰۰»" in bar.inner_text()  # and still says what it corrects
    assert bar.get_by_text("آنچه اصلاح شد").get_attribute("href").endswith("changes/")
    # the version selector's button is named with what it shows (WCAG 2.5.3; axe's rule for it is off by
    # default), so a voice user can say what they see
    button = page.locator(".md-version__current")
    assert button.get_attribute("aria-label") == "انتخاب ویرایش: " + button.inner_text().strip()
    assert not page.locator(".md-banner--warning").is_visible()
    assert page.locator(".md-version").count() == 1  # Material's version selector
    page.goto(published + "1400-06-10/")
    page.wait_for_load_state("networkidle")
    bar = page.locator(".portal-version")
    assert "نسخه‌های منتشرشدهٔ درگاه" in bar.inner_text()
    link = bar.locator("a.portal-latest")
    assert link.get_attribute("href").endswith("/../latest/")
    # its links are of the text's colour on the bar's near-black (Material's teal was 2.4:1)
    colour, background = link.evaluate("""e => [getComputedStyle(e).color,
        getComputedStyle(e.closest('.md-banner')).backgroundColor]""")
    assert colour == "rgb(255, 255, 255)" and background.startswith("rgba(0, 0, 0"), (colour, background)
    # one notice, not two: the bar says there is a newer publication and leads to it; Material's banner,
    # which would say the same, stays hidden
    page.wait_for_selector(".portal-version--outdated", timeout=5000)
    assert "انتشار تازه‌تری هست." in bar.inner_text() and link.inner_text() == "رفتن به آخرین انتشار"
    assert not page.locator(".md-banner--warning").is_visible()
    assert page.locator("aside.md-banner:visible").count() == 1
    # without JavaScript, latest/ still reads true: a published version that does not change
    quiet = browser.new_context(java_script_enabled=False).new_page()
    quiet.goto(published + "latest/")
    assert "نسخه‌های منتشرشدهٔ درگاه" in quiet.locator(".portal-version").inner_text()
    quiet.close()
    page.close()


def test_what_changed_shows_the_new_figure_and_why_on_a_phone(published, browser) -> None:
    """The revised week's row: the figure now and the reason within the screen, in the first three columns."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(published + "1400-06-17/changes/")
    page.wait_for_load_state("networkidle")
    seen = reading(page)
    assert seen["tables"] >= 1 and seen["hidden_columns"] == [], seen
    row = page.locator("table tr", has_text="گزارش دیرهنگام کرمان").first
    cells = row.locator("td").all_inner_texts()
    # the country's oxygen deliveries that week: 42 as published (Gilan 12, Kerman 30), 47 now
    assert cells[:4] == ["۳ شهریور ۱۴۰۰", "۴۷", "۴۲", "گزارش دیرهنگام کرمان که پس از انتشار رسید"], cells
    box = row.locator("td").nth(3).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box  # the reason too, without scrolling
    page.close()


def test_the_version_selector_keeps_a_reader_on_the_page_they_were_reading(published, browser) -> None:
    """Material's selector finds the same page in the other version's sitemap, which lists every page
    once the site's address is known (PORTAL_SITE_URL, as CI sets it), and goes there, not to its home."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(published + "1400-06-10/provinces/gilan/")
    page.wait_for_load_state("networkidle")
    link = page.locator(".md-version__link[href$='/1400-06-17/']")
    link.wait_for(state="attached", timeout=5000)
    link.dispatch_event("click")
    page.wait_for_url("**/1400-06-17/provinces/gilan/", timeout=10000)
    assert page.locator("h1").inner_text().startswith("استان گیلان")
    # each version's sitemap lists its own pages, with the version's address
    sitemap = page.request.get(published + "1400-06-17/sitemap.xml").text()
    assert f"<loc>{SITE_URL}1400-06-17/provinces/gilan/</loc>" in sitemap
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == f"{SITE_URL}1400-06-17/provinces/gilan/"
    page.close()
