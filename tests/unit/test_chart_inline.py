"""Charts drawn while MkDocs builds: the pages hold placeholders, the built pages hold the charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.charts.draw import ChartRenderer
from generator.charts.inline import inline_site
from generator.charts.svg import PLACEHOLDER
from generator.charts.workers import ChartError


def test_charts_are_drawn_once_and_put_where_their_placeholders_are(tmp_path: Path) -> None:
    spec = {"data": {"values": [{"a": "الف", "b": 3}, {"a": "ب", "b": 5}]}, "mark": {"type": "bar", "clip": True},
            "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
    renderer = ChartRenderer(tmp_path / "cache", workers=1)
    a, b = renderer.placeholder(spec, "fig-a"), renderer.placeholder(spec, "fig-b")
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    (site / "p" / "index.html").write_text(f"<div>{a}</div>\r\n<div>{b}</div>", encoding="utf-8")
    (site / "q.html").write_text("<p>بدون نمودار</p>", encoding="utf-8")
    assert inline_site(site, renderer) == 1
    renderer.close()
    page = (site / "p" / "index.html").read_bytes().decode("utf-8")
    assert "<svg" not in page and "\r\n" in page  # bytes around the charts kept as they were
    sources = re.findall(r'<img class="portal-chart-img" src="([^"]+)"', page)
    assert len(sources) == 2 and sources[0] == sources[1]  # one drawing, one file, shown twice
    assert re.fullmatch(r"\.\./_shared/charts/[a-p]{24}\.svg", sources[0])  # no digits: no ID-like run
    drawing = (site / "p" / sources[0]).read_text(encoding="utf-8")
    assert drawing.startswith("<svg ") and "@font-face{font-family:Vazirmatn;font-weight:400;" in drawing
    assert renderer.rendered == 1 and len(list((tmp_path / "cache").glob("*.svg"))) == 1


def test_a_version_of_the_branch_finds_the_shared_files_one_folder_up_and_each_image_is_named(
        tmp_path: Path) -> None:
    spec = {"data": {"values": [{"a": "الف", "b": 3}]}, "mark": "bar",
            "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
    renderer = ChartRenderer(tmp_path / "cache", workers=1)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(renderer.placeholder(spec, "fig-a", alt='سهم "الف" ۳ است'), encoding="utf-8")
    inline_site(site, renderer, up="../")
    renderer.close()
    img = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="../_shared/charts/' in img and 'alt="سهم &quot;الف&quot; ۳ است"' in img
    assert re.search(r'width="[\d.]+" height="[\d.]+"', img) and 'loading="lazy"' in img
    assert len(list((site / "_shared" / "charts").glob("*.svg"))) == 1  # written under site/ all the same


def test_a_drawing_carries_the_glyphs_of_its_own_text_in_each_weight() -> None:
    from generator.charts.font_subset import characters, font_faces

    svg = ('<svg><text font-family="Vazirmatn">مهر ۱۴۰۰</text><text font-weight="600">جمع</text>'
           '<text>&amp;</text></svg>')
    assert characters(svg) == {"400": "".join(sorted(set("مهر ۱۴۰۰&"))), "700": "".join(sorted("جمع"))}
    faces = font_faces(svg, None)
    assert faces.count("@font-face") == 2 and "font-weight:700" in faces
    assert font_faces(svg, None) == faces  # the same text, the same bytes
    assert font_faces("<svg><path d='M0,0'/></svg>", None) == ""


def test_a_placeholder_the_markdown_escaped_stops_the_build_too(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f"<p>&lt;!--portal-chart:fig-a:{'a' * 64}--&gt;</p>", encoding="utf-8")
    with pytest.raises(ChartError, match="not filled"):
        inline_site(site, ChartRenderer(tmp_path / "cache"))


def test_the_preview_shows_every_chart_it_has_and_leaves_out_one_it_has_not(tmp_path: Path) -> None:
    from generator.preview import banner as preview

    spec = {"data": {"values": [{"a": "الف", "b": 3}]}, "mark": "bar",
            "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
    renderer = ChartRenderer(tmp_path / "cache", workers=1)
    there = renderer.placeholder(spec, "fig-a")
    renderer.close()  # drawn into the cache
    missing = f"<!--portal-chart:fig-b:{'0' * 64}-->"
    preview.use_charts(tmp_path / "cache")
    try:
        page = preview.with_charts(f"<div>{there}</div><div>{missing}</div>")
    finally:
        preview.use_charts(None)  # type: ignore[arg-type]
    assert page.count("<svg ") == 1 and missing in page


def test_the_preview_pages_are_written_only_once_their_charts_are_in_the_cache(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's MkDocs rebuilds as soon as a page is written and fills its charts from the cache:
    every chart a written page holds must be in the cache by then."""
    from generator import pipeline
    from generator.render import write as render
    from helpers import make_project

    root = make_project(tmp_path / "p")
    cache = pipeline.Project.at(root).cache / "charts"
    write = render.write
    seen: list[int] = []

    def checked_write(content: Path, pages: dict[str, str]):
        keys = {m.group(2) for text in pages.values() for m in PLACEHOLDER.finditer(text)}
        assert keys and all((cache / f"{key}.svg").exists() for key in keys)
        seen.append(len(keys))
        return write(content, pages)

    monkeypatch.setattr(render, "write", checked_write)
    pipeline.generate(pipeline.Project.at(root), warm=False)
    assert seen
