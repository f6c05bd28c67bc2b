"""A chart's embed page, as another site shows it: inside an <iframe> of a page served from another local
port (another origin), in Chromium. It passes axe-core there, shows its chart, key and table without any
script, and asks no host but its own for anything; the iframe code each figure note gives points to it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_checks import AXE, loaded, serving

EMBEDS = ["home-trends", "programme-oxygen-concentrators-map", "province-gilan-over-time",
          "centres-by-province", "households-family-support-heads"]


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory, served):
    """Another site (another port: another origin) whose page embeds each chart with the code the figure
    note gives, made absolute to where the portal is served."""
    root, base = served
    folder = tmp_path_factory.mktemp("elsewhere")
    note = (root / "site" / "index.html").read_text(encoding="utf-8")
    code = html.unescape(re.search(r'<pre dir="ltr"><code>(.*?)</code></pre>', note).group(1))
    assert code.startswith('<iframe src="embed/home-trends.html"') and 'title="' in code
    frames = "\n".join(code.replace('src="embed/home-trends.html"', f'src="{base}embed/{fig}.html"')
                       for fig in EMBEDS)
    (folder / "index.html").write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An '
                                       f'article</title></head><body><main><h1>An article</h1>{frames}</main></body>'
                                       f'</html>', encoding="utf-8")
    with serving(folder) as other:
        yield root, base, other


@pytest.mark.parametrize("width", [390, 1280])
def test_the_embed_page_passes_axe_inside_a_cross_origin_iframe_and_asks_no_other_host(elsewhere, browser,
                                                                                        width) -> None:
    root, base, other = elsewhere
    assert urlparse(base).port != urlparse(other).port
    context = browser.new_context(viewport={"width": width, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(other, wait_until="networkidle")
    frames = [f for f in page.frames if f.url.startswith(base + "embed/")]
    assert len(frames) == len(EMBEDS)
    for frame in frames:
        assert frame.evaluate("() => location.origin") != page.evaluate("() => location.origin")
        svg = frame.locator(".portal-chart img:visible")
        assert svg.count() == 1 and svg.first.bounding_box()["width"] > 200, frame.url
        assert loaded(svg.first), frame.url  # the shared drawing, one folder up
        assert frame.evaluate("() => document.fonts.check('16px Vazirmatn')"), frame.url
        assert frame.locator("header, nav, script").count() == 0, frame.url  # before axe's script is added
        frame.add_script_tag(path=str(AXE))
        found = frame.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".map(v => v.id + ': ' + v.help)")
        assert found == [], (frame.url, found)
        link = frame.locator("a[href*='#']").last
        assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"
    page.screenshot(path=str(root / f"embed-{width}.png"), full_page=True)
    outside = sorted({u for u in requests if not (u.startswith(base) or u.startswith(other))})
    assert outside == [] and any(u.endswith(".woff2") for u in requests)
    context.close()


def test_the_embed_page_reads_without_javascript_and_links_back(elsewhere, browser) -> None:
    root, base, _ = elsewhere
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base + "embed/province-gilan-over-time.html")
    assert page.locator(".portal-chart img:visible").count() == 1
    page.locator("summary").click()  # the table, folded: <details> opens without a script
    rows = page.locator("table tbody tr")
    assert rows.count() > 3 and re.search(r"[۰-۹]", rows.first.inner_text())
    back = page.locator("a[href*='#province-gilan-over-time']")
    assert back.count() == 1
    page.goto(urlparse(base)._replace(path="").geturl() + "/" + back.get_attribute("href").lstrip("./"))
    context.close()
    source = (Path(root) / "site" / "embed" / "province-gilan-over-time.html").read_text(encoding="utf-8")
    assert "<script" not in source and 'name="robots" content="noindex"' in source
