"""An embed page per chart: the figure alone (its chart, its key, its table, its note and a link back to the
page it is on), with no header, navigation or script, for another site to show in an <iframe>; each page's
figure note gives the code to copy; one per edition, in its language (the English one in en/embed/). Written
as HTML (render/html_env.py) into content/embed/ (MkDocs copies it as it is) with the chart's placeholders,
filled like every page's once the charts are drawn (charts/inline.py)."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from generator.lang.edition import FA, Edition
from generator.model.figures import Figure
from generator.model.page import Page
from generator.render.html_env import environment
from generator.render.links import served_dir

EMBED = "embed"  # the folder, under content/ and site/


def embed_path(fig: Figure) -> str:
    return f"{EMBED}/{fig.id}.html"


def embed_pages(pages: list[Page], charts: dict[str, Markup], site_url: str, brand: str,
                symbol: str, ed: Edition = FA) -> dict[str, str]:
    """Each chart's embed page in the edition `ed`, by its path under its edition's embed/ (content/embed/,
    content/en/embed/). `charts`: each figure's placeholders (as its page has them), `site_url`: the
    edition's address ("": links relative to the embed page)."""
    template = environment(ed).get_template("embed.html.j2")
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
