"""Every chart of the site can be taken away: as SVG and as PNG (one and a half times its size) with its
title, source and the site's name drawn in, linked from its figure's note, and as an embed page whose iframe
code the note gives (the embed page in a browser: tests/browser/test_embed.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image

from generator.charts.poster import SCALE

_FIGURE = re.compile(r'<figure class="portal-figure" id="([^"]+)"(.*?)</figure>', re.S)


def test_every_chart_has_an_svg_a_png_and_an_embed_page_linked_from_its_note(example_site: Path) -> None:
    site = example_site / "site"
    charts = 0
    for page in sorted(site.rglob("index.html")):
        for fig_id, body in _FIGURE.findall(page.read_text(encoding="utf-8")):
            if 'class="portal-chart"' not in body:
                continue
            charts += 1
            links = dict(re.findall(r'<a href="([^"]+)"[^>]*>(PNG|SVG|نمودار جاسازی‌شده)</a>', body))
            assert sorted(links.values()) == ["PNG", "SVG", "نمودار جاسازی‌شده"], (page, fig_id)
            for href in links:
                assert (page.parent / href).resolve().is_file(), (page, href)
            svg_path = site / "downloads" / "charts" / f"{fig_id}.svg"
            root = ElementTree.parse(svg_path).getroot()
            texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
            title = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", body, re.S).group(1))
            assert title.split()[0] in texts and "منبع:" in texts and "درگاه شفافیت" in texts, fig_id
            # the glyphs of its own text inside, in both weights (the title is bold): it travels on its own
            poster = svg_path.read_text(encoding="utf-8")
            assert "font-weight:400;src:url(data:font/woff2" in poster, fig_id
            assert "font-weight:700;src:url(data:font/woff2" in poster, fig_id
            assert "aria-label" not in poster and "translate(" in poster, fig_id  # its chart as the page's image
            with Image.open(svg_path.with_suffix(".png")) as png:
                assert abs(png.size[0] - SCALE * float(root.get("width"))) <= 1, fig_id  # resvg rounds down
            code = html.unescape(re.search(r"<pre dir=\"ltr\"><code>(.*?)</code></pre>", body, re.S).group(1))
            src = re.search(r'<iframe src="([^"]+)"', code).group(1)
            assert src.endswith(f"embed/{fig_id}.html") and (page.parent / src).resolve().is_file(), (page, src)
    assert charts > 50
    assert len(list((site / "downloads" / "charts").glob("*.png"))) == charts
