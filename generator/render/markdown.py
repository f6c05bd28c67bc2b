"""Render: page contexts → Markdown text (Jinja2, render/filters.py) and each figure's downloads, in memory;
render/write.py puts them in content/.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.charts.card import card_svg
from generator.charts.draw import ChartRenderer
from generator.charts.png import PngRenderer
from generator.charts.poster import Poster
from generator.lang.edition import FA, Edition
from generator.model.figures import Figure
from generator.model.page import Page
from generator.model.paths import CHART_IMAGES
from generator.model.publication import SYMBOL
from generator.render import open_data
from generator.render.embed import embed_pages, embed_path, iframe_code
from generator.render.filters import environment
from generator.render.links import Links
from generator.render.open_data import Citation
from generator.render.write import DOWNLOADS


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]  # path under content/ -> Markdown
    cards: dict[str, str | bytes]  # path under content/cards/ -> each page's preview, as PNG and its SVG
    posters: tuple[Poster, ...] = ()  # each chart as an image to take away, made once it is drawn (site stage)
    # each chart's placeholder by its figure's id, for the embed pages (`embeds`, made after the pages)
    placeholders: dict[str, Markup] = field(default_factory=dict)


CARDS = "cards"  # the folder of the previews, under content/ (and site/)


def render(pages: list[Page], common: dict[str, Any], charts: ChartRenderer,
           images: PngRenderer | None = None, brand: str = "", site_url: str = "", ed: Edition = FA) -> Rendered:
    """Every page's Markdown (its figures' downloads: `downloads`, below) and every page's preview image
    (charts/card.py, drawn through `images`, whose cache keeps the unchanged ones; `brand`: the site's name
    on them, `site_url`: the build's address, or "").
    Raises on any template error: nothing is written then. A page holds a placeholder where each chart
    goes: the charts are drawn meanwhile (on every core when many are new, through the renderer's cache)
    and put in the built pages (charts/inline.py). `charts` belongs to the caller, who closes it. `ed`: the
    edition the pages are written in (its templates and its way of writing values)."""
    images = images or PngRenderer(None)
    host = urlsplit(site_url).netloc
    edition_url = site_url + ed.prefix if site_url else ""  # where the edition's own files are (its embeds)
    placeholders: dict[str, Markup] = {}
    # the previews first, on the chart workers' cores when many are new, before the charts are queued
    with_cards = [page for page in pages if page.card is not None]
    card_svgs = [card_svg(page.card, brand, host) for page in with_cards]
    cards: dict[str, str | bytes] = {}
    for page, svg, png in zip(with_cards, card_svgs, images.pngs(card_svgs, 1.0, charts.map), strict=True):
        cards[page.card_path.removesuffix(".png") + ".svg"] = svg
        cards[page.card_path] = png
    env = environment(ed)
    charts.prepare([spec for page in pages for fig in page.figures if fig.chart for spec in fig.chart.specs])
    names = {p.path: p.title for p in pages}
    out: dict[str, str] = {}
    ids: set[str] = set()
    posters: list[Poster] = []
    for page in sorted(pages, key=lambda p: bool(p.figures)):
        svgs = {}
        for fig in page.figures:
            if fig.id in ids:
                raise ValueError(f"two figures have the id {fig.id}")
            ids.add(fig.id)
            if fig.chart:
                svgs[fig.id] = placeholders[fig.id] = _chart(charts, fig, ed)
                # each chart to take away, in its edition's words and direction
                posters.append(Poster(fig, charts.key(fig.chart.wide or fig.chart.phone), ed,
                                      "" if ed.fa else brand))
        template = env.get_template(page.template)
        text = template.render(page=page.context, title=page.title, ln=Links(page.path, names, ed.fa), charts=svgs,
                               downloads=DOWNLOADS, card=page.card, CHART_IMAGES=CHART_IMAGES,
                               card_image=f"{CARDS}/{page.card_path}" if page.card else "",
                               embed_path=embed_path, iframe=functools.partial(iframe_code, site_url=edition_url,
                                                                               page_path=page.path), **common)
        out[page.path] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    return Rendered(out, cards, tuple(posters), placeholders)


def embeds(pages: list[Page], rendered: Rendered, brand: str = "", site_url: str = "", ed: Edition = FA
           ) -> dict[str, str]:
    """Each chart's embed page in the edition `ed` (embed.py): path under its embed/ -> its HTML
    (`site_url`: the edition's address). Apart from `render`, as the downloads are: the live preview shows
    the pages first."""
    return embed_pages(pages, rendered.placeholders, site_url, brand, SYMBOL, ed)


def downloads(pages: list[Page], cite: Citation, twins: tuple[list[Page], Citation] | None = None
              ) -> dict[str, str | bytes]:
    """Every figure's downloads (open_data.py: CSV, JSON, XLSX, each naming its licence and citation
    `cite`): path under content/downloads/ -> text or bytes. Apart from `render`, so that the pages can be
    written before them (the live preview shows a page as soon as it is written). `twins`: the other
    edition's pages and citation, whose words each JSON carries too (open_data.in_both)."""
    other = {fig.id: fig for page in twins[0] for fig in page.figures} if twins else {}
    files: dict[str, str | bytes] = {}
    for page in pages:
        for fig in page.figures:
            twin = (other[fig.id], twins[1]) if fig.id in other else None
            files.update(open_data.downloads(fig, cite, twin))
    return files


def _chart(charts: ChartRenderer, fig: Figure, ed: Edition = FA) -> Markup:
    """Where a figure's chart goes: its placeholder, or two (the phone's and the wide column's, each in a
    box that portal.css shows or hides by the column's width). The placeholder's prefix names the edition
    too: both have a figure of each id, each with its own text alternative."""
    chart, alt, prefix = fig.chart, fig.alt_fa, (f"{ed.code}-" if not ed.fa else "") + fig.id
    if chart.wide is None:
        return Markup(charts.placeholder(chart.phone, prefix, alt))
    return Markup(f'<div class="portal-chart-phone">{charts.placeholder(chart.phone, prefix, alt)}</div>'
                  f'<div class="portal-chart-wide">{charts.placeholder(chart.wide, prefix + "-wide", alt)}</div>')
