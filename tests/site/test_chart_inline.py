"""Charts drawn while MkDocs builds: the pages hold placeholders, the built pages hold the charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.charts.draw import ChartRenderer
from generator.charts.inline import content_name, inline_site
from generator.charts.svg import PLACEHOLDER
from generator.charts.workers import ChartError

# a chart's box holds its SVG, or two (the phone's and the wide column's drawings, each in its own box)
_CHART = re.compile(r'<div [^>]*class="portal-chart(?:-phone|-wide)?"[^>]*>(?!\s*<div)(.{0,40})', re.DOTALL)


def test_every_chart_of_the_built_site_is_in_its_page_and_no_placeholder_is_left(example_site: Path) -> None:
    pages = sorted((example_site / "site").rglob("*.html"))
    charts = [m.group(1) for page in pages for m in _CHART.finditer(page.read_text(encoding="utf-8"))]
    assert len(charts) > 30 and all(c.startswith('<img class="portal-chart-img" src="') for c in charts)
    assert not any("<!--portal-chart:" in page.read_text(encoding="utf-8") for page in pages)
    # each image is a file of the shared folder, named by its bytes; every file there is shown somewhere
    shown = {(page.parent / src).resolve() for page in pages
             for src in re.findall(r'<img class="portal-chart-img" src="([^"]+)"', page.read_text(encoding="utf-8"))}
    files = set((example_site / "site" / "_shared" / "charts").glob("*.svg"))
    # (a figure's page and its embed page show the same file)
    assert shown == {f.resolve() for f in files} and len(charts) / 3 < len(files) < len(charts)
    for f in files:
        assert content_name(f.read_bytes()) + ".svg" == f.name
    # the Markdown and the embed pages hold the placeholders, one per chart
    sources = [*(example_site / "content").rglob("*.md"), *(example_site / "content" / "embed").glob("*.html")]
    held = [m for md in sources for m in PLACEHOLDER.finditer(md.read_text("utf-8"))]
    assert len(held) == len(charts)


def test_a_placeholder_with_no_chart_behind_it_stops_the_build(example_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "x").mkdir(parents=True)
    (site / "x" / "index.html").write_text(f"<div><!--portal-chart:fig-a:{'0' * 64}--></div>", encoding="utf-8")
    with pytest.raises(ChartError, match="neither drawn nor in the cache"):
        inline_site(site, ChartRenderer(tmp_path / "empty-cache"))


