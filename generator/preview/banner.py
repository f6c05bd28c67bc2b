"""What `portal serve` shows on every preview page while the data are broken: the problems, one per line.

serve.py records the outcome of each regeneration here (`report`); preview/hook.py, an MkDocs hook given
only to the preview's own MkDocs (never to `portal build`), writes them at the top of every page. A
hidden file in content/ is written after each change of outcome, and every page touched, so MkDocs
renders every page again and the browser reloads. Every text is escaped: a problem quotes what staff typed.
"""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path

from generator.charts.draw import ChartRenderer
from generator.charts.svg import PLACEHOLDER_MARK

STAMP = ".preview-problems"  # in content/: MkDocs watches the folder and leaves dot files out of the site
_lock = threading.Lock()
_problems: list[tuple[str, str]] = []
_summary = ""
_lang = "en"
_charts: Path | None = None  # the chart cache the preview's pages take their charts from


def report(content: Path, problems: list[tuple[str, str]], summary: str, lang: str = "en") -> None:
    """Record the latest regeneration's problems, each as (`path:line: field:`, what and how to fix, in
    `lang`), and its summary (none: the data are good), and make MkDocs rebuild."""
    global _summary, _lang
    with _lock:
        changed = problems != _problems or summary != _summary or lang != _lang
        _problems[:] = problems
        _summary, _lang = summary, lang
    if changed and content.is_dir():
        lines = [f"{where} {what}" for where, what in problems]
        (content / STAMP).write_text("\n".join([summary, *lines]) + "\n", encoding="utf-8")
        # the preview's MkDocs renders only pages newer than their HTML (serve.py): the banner is on
        # every page, so every page is made newer
        for page in content.rglob("*.md"):
            page.touch()


def language() -> str:
    """The language of the preview's messages, as the last regeneration was asked for."""
    with _lock:
        return _lang


def banner() -> str:
    """The HTML of the banner, or "" when the data are good: in Persian, right to left, when the messages
    are Persian; each problem's place (file, line, field) left to right, as typed."""
    with _lock:
        problems, summary, lang = list(_problems), _summary, _lang
    if not problems and not summary:
        return ""
    # the place on a line of its own, left to right, so that a long path wraps without mixing directions
    side = "right" if lang == "fa" else "left"
    items = "".join(f'<li style="margin-bottom:.4rem"><code dir="ltr" style="display:block;text-align:{side};'
                    f'overflow-wrap:anywhere">{_breakable(where)}</code><span>{_isolated(what)}</span></li>'
                    for where, what in problems)
    direction = 'dir="rtl" lang="fa"' if lang == "fa" else 'dir="ltr" lang="en"'
    numbers = "persian" if lang == "fa" else "decimal"
    return (f'<div class="portal-preview-problems" role="alert" {direction} style="background:#fff4e5;'
            'border:2px solid #b33c00;color:#1a1a1a;padding:.8rem 1rem;margin:0;font-size:.8rem;'
            'max-height:40vh;overflow:auto">'
            f'<p style="margin:0 0 .4rem;font-weight:700">{html.escape(summary)}</p>'
            f'<ol style="margin:0;padding-inline-start:1.5rem;list-style-type:{numbers}">{items}</ol></div>')


_CODE = re.compile(r"\[([a-z0-9-]+)\]")


def _breakable(place: str) -> str:
    """A path:line: field: place, escaped, that a phone's line breaks after a slash rather than anywhere."""
    return html.escape(place).replace("/", "/<wbr>")


def _isolated(text: str) -> str:
    """The text, escaped, with its [problem-code] kept whole and left to right inside a Persian line."""
    return _CODE.sub(r'<bdi dir="ltr" style="white-space:nowrap">[\1]</bdi>', html.escape(text))


def use_charts(cache: Path) -> None:
    """The chart cache of the project previewed (the generator draws every chart into it)."""
    global _charts
    _charts = cache


def with_charts(page: str) -> str:
    """The preview page with its charts (a built site gets them from charts/inline.py): each placeholder
    replaced by its SVG from the cache (the generator draws every chart there before it writes a page). A
    chart that cannot be had is left out, the others shown, rather than stopping the preview."""
    if _charts is None or PLACEHOLDER_MARK not in page:
        return page
    return ChartRenderer(_charts).fill(page, missing_ok=True)
