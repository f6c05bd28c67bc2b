"""Render: page contexts → Markdown text (Jinja2, render/filters.py) and each figure's downloads, in memory;
render/write.py puts them in content/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.charts.draw import ChartRenderer
from generator.model.figures import Figure
from generator.model.page import Page
from generator.render import open_data
from generator.render.filters import environment
from generator.render.links import Links
from generator.render.open_data import Citation
from generator.render.write import DOWNLOADS


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]  # path under content/ -> Markdown
    downloads: dict[str, str | bytes]  # path under content/downloads/ -> CSV or JSON text, or XLSX bytes


def render(pages: list[Page], common: dict[str, Any], charts: ChartRenderer, cite: Citation) -> Rendered:
    """Every page's Markdown and every figure's downloads (open_data.py: CSV, JSON, XLSX, each naming its
    licence and citation `cite`). Raises on any template error: nothing is written then. A page holds a
    placeholder where each chart goes: the charts are drawn meanwhile (on every core when many are new,
    through the renderer's cache) and put in the built pages (charts/inline.py). `charts` belongs to the
    caller, who closes it."""
    env = environment()
    charts.prepare([spec for page in pages for fig in page.figures if fig.chart for spec in fig.chart.specs])
    names = {p.path: p.title for p in pages}
    out: dict[str, str] = {}
    downloads: dict[str, str | bytes] = {}
    for page in sorted(pages, key=lambda p: bool(p.figures)):
        svgs = {}
        for fig in page.figures:
            if f"{fig.id}.csv" in downloads:
                raise ValueError(f"two figures have the id {fig.id}")
            if fig.chart:
                svgs[fig.id] = _chart(charts, fig)
            downloads.update(open_data.downloads(fig, cite))
        template = env.get_template(page.template)
        text = template.render(page=page.context, title=page.title, ln=Links(page.path, names), charts=svgs,
                               downloads=DOWNLOADS, **common)
        out[page.path] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    return Rendered(out, downloads)


def _chart(charts: ChartRenderer, fig: Figure) -> Markup:
    """Where a figure's chart goes: its placeholder, or two (the phone's and the wide column's, each in a
    box that portal.css shows or hides by the column's width)."""
    chart = fig.chart
    if chart.wide is None:
        return Markup(charts.placeholder(chart.phone, fig.id))
    return Markup(f'<div class="portal-chart-phone">{charts.placeholder(chart.phone, fig.id)}</div>'
                  f'<div class="portal-chart-wide">{charts.placeholder(chart.wide, fig.id + "-wide")}</div>')
