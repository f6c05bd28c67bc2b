"""The Vazirmatn glyphs a chart's text uses, as a WOFF2 font inside its SVG file.

A chart served as its own SVG file and shown with `<img>` (charts/inline.py) cannot load the page's font:
a browser loads nothing an image refers to. So each file carries the glyphs of its own text, subset by
fontTools and compressed as WOFF2 (about 4 KB for a chart's digits, months and programme names). The
subset keeps the OpenType features text is shaped with by default (fontTools' default list: Persian
letters' joining forms, ligatures, marks, kerning), and leaves out the alternates only a style sheet's
`font-feature-settings` could ask for (stylistic sets, old-style or tabular figures), which nothing
inside an image can: the glyphs they reach were about half of each subset's bytes and of its time, and
the drawings are the same to the pixel in Chromium without them. The same characters give the same
bytes; subsets are kept in memory and in the chart cache's folder, so a week's rebuild subsets only the
charts whose characters are new.

A text in basic Latin alone (the English edition's) carries basic Latin whole instead (`LATIN`: printable
ASCII and the typographic marks English text uses; about 7.6 KB a weight), as a font service's fixed
`latin` subset does: one subset a weight for every English drawing and poster, where exact subsets were
about 125 different ones, each taking a tenth of a second to make. It costs an English page's first
visit a few KB (the largest, 90 → 95 KB). Persian text keeps its exact subset: the Arabic script's
glyphs, with their joining forms, are too many to carry whole in every drawing.

The chart workers make the subsets: each drawing's right after drawing it (`render_with_fonts`), the
posters' before their images (`needed`, `warm_subset`), into the cache's folder, where `font_faces` in
the build's process finds them.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.metadata
import io
import os
import re
from pathlib import Path

from generator.charts.workers import FONTS, render

# vl-convert writes each text run as one <text …>…</text>; weight 600 or more is drawn with the bold file
_TEXT = re.compile(r"<text([^>]*)>([^<]*)</text>")
_BOLD = re.compile(r'font-weight="(?:bold|[6-9]00)"')
FILES = {"400": "Vazirmatn-Regular.ttf", "700": "Vazirmatn-Bold.ttf"}
# printable ASCII, the no-break space, dashes, quotes, the ellipsis, ×, bullets, the degree and minus signs
LATIN = "".join(sorted({*map(chr, range(0x20, 0x7F)),
                        *"\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00d7\u2022\u00b7\u00b0\u2212"}))
_LATIN = frozenset(LATIN)


def characters(svg: str) -> dict[str, str]:
    """The characters of the SVG's text, by the weight of the font that draws them ("400", "700")."""
    used: dict[str, set[str]] = {}
    for attrs, body in _TEXT.findall(svg):
        weight = "700" if _BOLD.search(attrs) else "400"
        used.setdefault(weight, set()).update(html.unescape(body))
    text = {weight: "".join(sorted(chars)) for weight, chars in sorted(used.items())}
    return {weight: chars for weight, chars in text.items() if chars.strip()}


def to_subset(chars: str) -> str:
    """The characters a text's font carries: basic Latin whole for a text in it alone, else its own."""
    return LATIN if _LATIN.issuperset(chars) else chars


def font_faces(svg: str, cache: Path | None) -> str:
    """A <style> with an @font-face for each weight the SVG's text uses, each its glyphs alone (basic Latin
    whole for a weight whose text is in it alone: to_subset); "" when the SVG has no text."""
    faces = [f"@font-face{{font-family:Vazirmatn;font-weight:{weight};"
             f"src:url(data:font/woff2;base64,{_subset(weight, to_subset(chars), cache)})"
             " format(\"woff2\")}"
             for weight, chars in characters(svg).items()]
    return f"<style>{''.join(faces)}</style>" if faces else ""


def render_with_fonts(spec: dict, cache: Path | None) -> str:
    """A chart drawn on a chart worker (workers.render), then the subsets its file will carry, made there on
    the worker's core and kept in the cache's folder, where the build's process finds them when it writes
    the file after MkDocs (charts/inline.py) instead of making each there, one after another."""
    svg = render(spec)
    if cache is not None:
        warm(svg, cache)
    return svg


def warm(svg: str, cache: Path) -> None:
    """Make the subsets `font_faces` will need for `svg` into `cache`'s folder (a chart worker does, while the
    build's process runs MkDocs)."""
    for weight, chars in characters(svg).items():
        _subset(weight, to_subset(chars), cache)


def needed(svgs: list[str], cache: Path) -> set[tuple[str, str, Path]]:
    """The subsets `font_faces` will need for `svgs` that are not made yet: (weight, characters, cache)."""
    out = set()
    for svg in svgs:
        for weight, chars in characters(svg).items():
            chars = to_subset(chars)
            if not _kept(weight, chars, cache).exists():
                out.add((weight, chars, cache))
    return out


def warm_subset(weight: str, chars: str, cache: Path) -> None:
    """Make one subset into `cache`'s folder (on a chart worker: ChartRenderer.map)."""
    _subset(weight, chars, cache)


def with_fonts(svg: str, cache: Path | None, sep: str = "") -> str:
    """The SVG with its font_faces as the first thing inside its root element (after `sep`)."""
    root = svg.index(">") + 1
    return svg[:root] + sep + font_faces(svg, cache) + svg[root:]


@functools.lru_cache(maxsize=4096)
def _subset(weight: str, chars: str, cache: Path | None) -> str:
    kept = _kept(weight, chars, cache) if cache else None
    if kept and kept.exists():
        return base64.b64encode(kept.read_bytes()).decode("ascii")
    data = _woff2(FONTS / FILES[weight], chars)
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_suffix(f".{os.getpid()}.tmp")  # two workers may make the same subset at once
        tmp.write_bytes(data)
        tmp.replace(kept)
    return base64.b64encode(data).decode("ascii")


def _kept(weight: str, chars: str, cache: Path) -> Path:
    """Where the subset is kept in the cache's folder."""
    name = hashlib.sha256("\n".join((_salt(), weight, chars)).encode("utf-8")).hexdigest()
    return cache / "fonts" / f"{name}.woff2"


@functools.cache
def _salt() -> str:
    """What else shapes a subset's bytes: fontTools' and Brotli's versions and the font files."""
    digest = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        digest.update(path.read_bytes())
    versions = [importlib.metadata.version(p) for p in ("fonttools", "brotli")]
    return " ".join(versions) + " " + digest.hexdigest() + " features:default"


def _woff2(path: Path, chars: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    # fontTools' default features (the joining forms init, medi, fina, isol, the ligatures, marks and kerning):
    # what a browser shapes an image's text with; "*" kept every alternate too
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
