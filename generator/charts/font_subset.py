"""The Vazirmatn glyphs a chart's text uses, as a WOFF2 font inside its SVG file.

A chart served as its own SVG file and shown with `<img>` (charts/inline.py) cannot load the page's font:
a browser loads nothing an image refers to. So each file carries the glyphs of its own text, subset by
fontTools (with every OpenType feature kept, so Persian letters join as in the font) and compressed as
WOFF2 (about 6 KB for a chart's digits, months and programme names). The same characters give the same
bytes; subsets are kept in memory and in the chart cache's folder, so a week's rebuild subsets only the
charts whose characters are new.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.metadata
import io
import re
from pathlib import Path

from generator.charts.workers import FONTS

# vl-convert writes each text run as one <text …>…</text>; weight 600 or more is drawn with the bold file
_TEXT = re.compile(r"<text([^>]*)>([^<]*)</text>")
_BOLD = re.compile(r'font-weight="(?:bold|[6-9]00)"')
FILES = {"400": "Vazirmatn-Regular.ttf", "700": "Vazirmatn-Bold.ttf"}


def characters(svg: str) -> dict[str, str]:
    """The characters of the SVG's text, by the weight of the font that draws them ("400", "700")."""
    used: dict[str, set[str]] = {}
    for attrs, body in _TEXT.findall(svg):
        weight = "700" if _BOLD.search(attrs) else "400"
        used.setdefault(weight, set()).update(html.unescape(body))
    text = {weight: "".join(sorted(chars)) for weight, chars in sorted(used.items())}
    return {weight: chars for weight, chars in text.items() if chars.strip()}


def font_faces(svg: str, cache: Path | None) -> str:
    """A <style> with an @font-face for each weight the SVG's text uses, each its glyphs alone; "" when
    the SVG has no text."""
    faces = [f"@font-face{{font-family:Vazirmatn;font-weight:{weight};"
             f"src:url(data:font/woff2;base64,{_subset(weight, chars, cache)}) format(\"woff2\")}}"
             for weight, chars in characters(svg).items()]
    return f"<style>{''.join(faces)}</style>" if faces else ""


def with_fonts(svg: str, cache: Path | None, sep: str = "") -> str:
    """The SVG with its font_faces as the first thing inside its root element (after `sep`)."""
    root = svg.index(">") + 1
    return svg[:root] + sep + font_faces(svg, cache) + svg[root:]


@functools.lru_cache(maxsize=4096)
def _subset(weight: str, chars: str, cache: Path | None) -> str:
    name = hashlib.sha256("\n".join((_salt(), weight, chars)).encode("utf-8")).hexdigest()
    kept = cache / "fonts" / f"{name}.woff2" if cache else None
    if kept and kept.exists():
        return base64.b64encode(kept.read_bytes()).decode("ascii")
    data = _woff2(FONTS / FILES[weight], chars)
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(kept)
    return base64.b64encode(data).decode("ascii")


@functools.cache
def _salt() -> str:
    """What else shapes a subset's bytes: fontTools' and Brotli's versions and the font files."""
    digest = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        digest.update(path.read_bytes())
    versions = [importlib.metadata.version(p) for p in ("fonttools", "brotli")]
    return " ".join(versions) + " " + digest.hexdigest()


def _woff2(path: Path, chars: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # the joining forms (init, medi, fina) and ligatures of Persian
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 13, 14]  # the copyright, the family and the licence (SIL OFL) stay
    options.notdef_outline = False
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()
