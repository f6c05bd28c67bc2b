"""Charts into the built pages: each chart placeholder in site/'s HTML replaced by an `<img>` of the chart's
own SVG file, stored once by its content in the shared folder.

The generator writes every page with a placeholder where each chart goes (`<!--portal-chart:ID:KEY-->`,
charts/draw.py) and gives the charts to worker processes; MkDocs then builds the pages on one core while
the workers draw the charts on the others; this stage waits for any chart still being drawn, writes each
drawing as `_shared/charts/<hash of its bytes>.svg` (svg.standalone, with the glyphs of its text inside:
font_subset.py) and puts an `<img>` of it where each placeholder is, with the chart's text alternative,
its drawn size (no layout shift) and lazy loading. A page and its chart's embed page show the same file,
and so does every version of the site that has the same drawing: a published version's pages point one
folder up (`../_shared/`), to the shared folder at the root of the publish branch (publish/shared.py),
so a drawing that did not change from one week to the next is stored and served once. It runs before the
search index and the audit, which read the pages and the shared files under site/. `portal serve` puts
each chart's SVG inline into the preview's pages instead (preview/hook.py).
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from pathlib import Path

from generator.charts.draw import ChartRenderer
from generator.charts.font_subset import with_fonts
from generator.charts.svg import PLACEHOLDER, PLACEHOLDER_MARK, standalone
from generator.charts.workers import ChartError
from generator.lang.messages import t
from generator.model.paths import SHARED

_LEFT = re.compile(PLACEHOLDER_MARK + r"[^:\s]*:[0-9a-f]{64}")
CHARTS = f"{SHARED}/charts"  # the drawings, under site/ (and the publish branch's root)


def chart_file(raw: str, cache: Path | None) -> tuple[str, bytes, float, float]:
    """A drawing as vl-convert drew it (`raw`) → its file's name (content_name), its bytes, and its width
    and height."""
    svg, width, height = standalone(raw)
    data = with_fonts(svg, cache).encode("utf-8")
    return content_name(data) + ".svg", data, width, height


_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def content_name(data: bytes) -> str:
    """A file's name from its bytes: the first 24 hex digits of their SHA-256 written as letters (a–p for
    0–f; 96 bits). Letters only: a run of digits in a page would read to the audit, and to a reader, as a
    phone number or a national ID."""
    return hashlib.sha256(data).hexdigest()[:24].translate(_LETTERS)


def inline_site(site: Path, charts: ChartRenderer, up: str = "") -> int:
    """Put every chart into the built pages under `site` as an `<img>` of its file in site/_shared/charts/;
    returns how many pages got charts. `up`: where the shared folder is seen from the site's root ("" for
    a site served on its own, "../" for a version of the publish branch). Raises ChartError if a chart
    cannot be had, or a placeholder is left (the page would lack a chart)."""
    folder = site / CHARTS
    files: dict[str, tuple[str, float, float]] = {}  # chart key → its file's name and size

    def drawn(key: str) -> tuple[str, float, float]:
        if key not in files:
            name, data, width, height = chart_file(charts.raw_svg(key), charts.cache_dir)
            target = folder / name
            if not target.exists():
                folder.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            files[key] = (name, width, height)
        return files[key]

    def image(m: re.Match, base: str) -> str:
        try:
            name, width, height = drawn(m.group(2))
        except OSError as exc:
            raise ChartError(t("a chart could not be written: {problem}", problem=str(exc))) from exc
        alt = html.escape(charts.alt_of(m.group(1)), quote=True)
        return (f'<img class="portal-chart-img" src="{base}{up}{CHARTS}/{name}" alt="{alt}" '
                f'width="{width:g}" height="{height:g}" style="max-width: {round(width * 1.25)}px" '
                f'loading="lazy" decoding="async">')

    done = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_bytes().decode("utf-8")
        if PLACEHOLDER_MARK not in text:
            continue
        rel = page.parent.relative_to(site).as_posix()
        base = posixpath.relpath(".", rel) + "/" if rel != "." else ""  # the site's root, seen from the page
        filled = PLACEHOLDER.sub(lambda m, base=base: image(m, base), text)
        if _LEFT.search(filled):  # a placeholder not filled, or one the Markdown escaped
            raise ChartError(t("{page}: a chart placeholder that was not filled",
                               page=page.relative_to(site).as_posix()))
        page.write_bytes(filled.encode("utf-8"))
        done += 1
    return done
