"""Charts to take away: the embed page (render/embed.py) and the chart as an image (charts/poster.py) hold
any text staff type as text (HTML-escaped, never markup), in Persian digits for the reader and machine values
(colours, sizes) as they are; the iframe code points to the embed page from wherever the page is served."""

from __future__ import annotations

import dataclasses
import html
import re
from xml.etree import ElementTree

import pytest
from markupsafe import Markup

from generator.charts.poster import Poster, poster_svg
from generator.lang.jalali import JDate
from generator.lang.persian import persian_digits
from generator.model.figures import INT, TEXT, ChartSpecs, Column, Figure, KeyItem
from generator.model.page import Page
from generator.render.embed import embed_pages, iframe_code, served_dir

INJECTIONS = ["<script>alert(1)</script>", "**bold** _x_", "[link](http://evil.example)", "![img](x.png)",
              "| a | b |", "# heading", "<img src=x onerror=alert(1)>", "{: .class }", "`code`",
              "<svg onload=alert(1)>", "javascript:alert(1)", "<!-- c -->", "]]>", "\u202eمعکوس", "\u200fعلامت"]
_Context = dataclasses.make_dataclass("_Context", [("fig", Figure)])

CHART = ('<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="640" height="300" viewBox="0 0 640 300">'
         '<rect width="640" height="300" fill="white"/><text x="10" y="20">۱۲</text></svg>')


def _figure(text: str) -> Figure:
    rows = ({"name": text, "n": 1200}, {"name": "کرمان", "n": 7})
    return Figure(id="f-1", title_fa=f"عنوان {text} 12", columns=(Column("name", text, TEXT), Column("n", "شمار", INT)),
                  rows=rows, chart=ChartSpecs({}), plotted=("n",), alt_fa=f"نمودار {text}", source_fa=text,
                  definition_fa=text, updated=JDate(1400, 7, 28),
                  key=(KeyItem(text, "#08306b"), KeyItem("دیگر", "#d95f02", "line", (6, 3))))


@pytest.mark.parametrize("text", [*INJECTIONS, "</script><script>x()</script>", "a &amp; b", "\"q\" 'x'"])
def test_the_embed_page_holds_any_text_as_text(text: str) -> None:
    fig = _figure(text)
    page = Page("provinces/gilan.md", "province.md.j2", f"استان {text}", _Context(fig))
    (out,) = embed_pages([page], {"f-1": Markup("<!--chart-->")}, "", "درگاه", "×").values()
    assert "<!--chart-->" in out and "<script" not in out.replace("&lt;script", "")
    body = out.split('<body dir="rtl">', 1)[1]
    for tag in re.findall(r"<(\w+)", body):
        assert tag in {"main", "figure", "figcaption", "h1", "p", "div", "span", "details", "summary", "table",
                       "thead", "tbody", "tr", "th", "td", "a"}, (tag, text)
    assert persian_digits(" ".join(text.split())) in html.unescape(body)
    assert "background: #08306b" in out and "عنوان" in out and "۱۲" in out  # colours as they are, digits Persian
    assert 'href="../provinces/gilan/#f-1"' in out


def test_the_iframe_code_points_to_the_embed_page_from_where_the_page_is_served() -> None:
    fig = _figure("x")
    assert served_dir("provinces/gilan.md") == "provinces/gilan/" and served_dir("index.md") == ""
    assert served_dir("provinces/index.md") == "provinces/"
    assert 'src="../../embed/f-1.html"' in iframe_code(fig, "", "provinces/gilan.md")
    assert 'src="embed/f-1.html"' in iframe_code(fig, "", "index.md")
    code = iframe_code(fig, "https://aid.example.org/1400-07-28/", "provinces/gilan.md")
    assert 'src="https://aid.example.org/1400-07-28/embed/f-1.html"' in code


@pytest.mark.parametrize("text", [*INJECTIONS, "x" * 300, "بیمارستان صحرایی " * 30])
def test_the_chart_image_holds_its_title_key_source_and_the_sites_name_as_text(text: str) -> None:
    svg = poster_svg(Poster(_figure(text), "k"), CHART, "درگاه شفافیت", "aid.example.org")
    root = ElementTree.fromstring(svg)  # well-formed whatever the text
    texts = [t.text.strip("\u200f") for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "درگاه شفافیت" in texts and "aid.example.org" in texts and "۱۲" in texts  # the chart's own, kept
    assert any(t.startswith("منبع:") for t in texts) and any(t.startswith("عنوان") for t in texts)
    assert not re.search(r"[0-9]", "".join(t for t in texts if t != "aid.example.org"))  # Persian digits
    width = float(root.get("width"))
    assert width == 640 + 48 and float(root.get("height")) > 300

