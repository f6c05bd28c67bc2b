"""An embed page per chart: the figure alone (its chart, its key, its table, its note and a link back to the
page it is on), with no header, navigation or script, for another site to show in an <iframe>; each page's
figure note gives the code to copy. Written as HTML into content/embed/ (MkDocs copies it as it is) with the
chart's placeholders, filled like every page's once the charts are drawn (charts/inline.py).

Its own Jinja environment: HTML, autoescaped (the pages' environment escapes for Markdown instead)."""

from __future__ import annotations

import posixpath
from typing import Any

import jinja2
from markupsafe import Markup

from generator.lang.persian import persian_digits
from generator.model.figures import TEXT, Figure
from generator.model.page import Page
from generator.render.filters import TEMPLATES, _cell

EMBED = "embed"  # the folder, under content/ and site/


def embed_path(fig: Figure) -> str:
    return f"{EMBED}/{fig.id}.html"


def served_dir(page_path: str) -> str:
    """Where a page is served below the site's root (use_directory_urls): «provinces/gilan/», «» for home."""
    name = posixpath.basename(page_path)
    folder = posixpath.dirname(page_path) if name == "index.md" else page_path.removesuffix(".md")
    return folder + "/" if folder else ""


def _text(value: Any, kind: str = TEXT) -> Markup | str:
    if kind == TEXT and isinstance(value, str):
        return persian_digits(" ".join(value.split()))  # escaped by the environment
    return _cell(value, kind)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["cell"] = _text
    env.filters["fa"] = _text  # a text for the reader: Persian digits (machine values, colours, stay as they are)
    return env


def embed_pages(pages: list[Page], charts: dict[str, Markup], site_url: str, brand: str,
                symbol: str) -> dict[str, str]:
    """Each chart's embed page, by its path under content/embed/. `charts`: each figure's placeholders (as
    its page has them), `site_url`: the build's address ("": links relative to the embed page)."""
    template = _environment().get_template("embed.html.j2")
    root = site_url or "../"
    out = {}
    for page in pages:
        for fig in page.figures:
            if fig.chart is None:
                continue
            back = f"{root}{served_dir(page.path)}#{fig.id}"
            out[f"{fig.id}.html"] = template.render(f=fig, chart=charts[fig.id], back=back, brand=brand,
                                                    page_title=page.title, symbol=symbol, root="../")
    return out


def iframe_code(fig: Figure, site_url: str, page_path: str) -> str:
    """The <iframe> to copy, as text: the embed page's absolute address with the site's address, else its
    address relative to the page (which holds only where the page is served)."""
    src = site_url + embed_path(fig) if site_url else posixpath.relpath(embed_path(fig), served_dir(page_path) or ".")
    return (f'<iframe src="{src}" title="{" ".join(fig.title_fa.split())}" width="100%" height="560" '
            f'style="border: 0" loading="lazy"></iframe>')
