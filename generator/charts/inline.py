"""Charts into the built pages: each chart placeholder in site/'s HTML replaced by its SVG.

The generator writes every page with a placeholder where each chart goes (`<!--portal-chart:ID:KEY-->`,
charts/draw.py) and gives the charts to worker processes; MkDocs then builds the pages on one core while
the workers draw the charts on the others; this stage waits for any chart still being drawn and writes
each into the pages that show it. The page is then byte for byte what it would be had the SVG been in the
Markdown (Python-Markdown passes the raw HTML block through as it is). It runs before the search index
and the audit, which read the pages with their charts. `portal serve` fills the placeholders of each
preview page from the chart cache instead (preview/hook.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.charts.draw import ChartRenderer
from generator.charts.svg import PLACEHOLDER_MARK
from generator.charts.workers import ChartError
from generator.lang.messages import t

_LEFT = re.compile(PLACEHOLDER_MARK + r"[^:\s]*:[0-9a-f]{64}")


def inline_site(site: Path, charts: ChartRenderer) -> int:
    """Put every chart into the built pages under `site`; returns how many pages got charts. Raises
    ChartError if a chart cannot be had, or a placeholder is left (the page would lack a chart)."""
    done = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_bytes().decode("utf-8")
        if PLACEHOLDER_MARK not in text:
            continue
        filled = charts.fill(text)
        if _LEFT.search(filled):  # a placeholder not filled, or one the Markdown escaped
            raise ChartError(t("{page}: a chart placeholder that was not filled",
                               page=page.relative_to(site).as_posix()))
        page.write_bytes(filled.encode("utf-8"))
        done += 1
    return done
