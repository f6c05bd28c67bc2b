"""Charts → static SVG at build time, in one process, with a cache keyed by a hash of everything that
shapes the output (the spec, the config, the locale, the fonts, vl-convert's version).

vl-convert runs Vega-Lite and Vega in the same process (about 0.8 s to start, then milliseconds a chart),
measures text with the Vazirmatn files in generator/fonts (the page shows the SVG's text in the same font,
self-hosted), and may fetch nothing (`allowed_base_urls=[]`). The SVG is post-processed to be inlined
many times on one page: ids get the figure's prefix, coordinates are rounded, and the root element
carries no size of its own (CSS scales it to the column).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
FORMAT_LOCALE = {"decimal": "\u066b", "thousands": "\u066c", "grouping": [3], "currency": ["", ""],
                 "numerals": list("۰۱۲۳۴۵۶۷۸۹"), "percent": "٪", "minus": "\u2212"}
CONFIG = {
    "font": "Vazirmatn",

    "view": {"stroke": None},
    "axis": {"aria": False, "labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222222",
             "titleColor": "#222222", "titleFontWeight": 600, "gridColor": "#e6e6e6", "domainColor": "#888888",
             "tickColor": "#888888", "labelLimit": 120},
    "legend": {"aria": False, "labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222222",
               "titleColor": "#222222", "labelLimit": 220},
    "title": {"aria": False, "fontSize": 13, "color": "#222222"},
    "header": {"labelFontSize": 12, "titleFontSize": 12},
}


def _fonts_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


@dataclass
class ChartRenderer:
    cache_dir: Path | None  # None: no cache (every chart is rendered)
    rendered: int = 0
    reused: int = 0
    _vlc: object = field(default=None, repr=False)
    _salt: str = field(default="", repr=False)

    def _converter(self):
        if self._vlc is None:
            import vl_convert

            vl_convert.register_font_directory(str(FONTS))
            self._vlc = vl_convert
            self._salt = json.dumps([getattr(vl_convert, "__version__", "?"), CONFIG, FORMAT_LOCALE,
                                     _fonts_digest()], sort_keys=True, ensure_ascii=False)
        return self._vlc

    def key(self, spec: dict) -> str:
        self._converter()
        text = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256((self._salt + text).encode("utf-8")).hexdigest()

    def svg(self, spec: dict, prefix: str) -> str:
        """The chart as an SVG string whose ids all start with `prefix`."""
        key = self.key(spec)
        cached = self.cache_dir / f"{key}.svg" if self.cache_dir else None
        if cached and cached.exists():
            self.reused += 1
            raw = cached.read_text(encoding="utf-8")
        else:
            raw = self._converter().vegalite_to_svg(spec, config=CONFIG, format_locale=FORMAT_LOCALE,
                                                    allowed_base_urls=[])
            self.rendered += 1
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(".tmp")
                tmp.write_text(raw, encoding="utf-8")
                tmp.replace(cached)
        return tidy(raw, prefix)


_NUMBER = re.compile(r"-?\d+\.\d{2,}")


def tidy(svg: str, prefix: str) -> str:
    """Make an SVG fit to inline: unique ids, rounded coordinates, one line, no fixed size, no white box."""
    svg = svg.replace("\n", " ")
    # ids are renamed in order of appearance: vl-convert numbers gradients with a counter that runs across
    # the whole process, so the same chart would otherwise get other ids depending on what came before
    names: dict[str, str] = {}
    for old in re.findall(r'\bid="([^"]+)"', svg):
        names.setdefault(old, f"{prefix}-{len(names) + 1}")
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{names[m.group(1)]}"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{names.get(m.group(1), m.group(1))})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{names.get(m.group(1), m.group(1))}"', svg)
    # Vega-Lite ignores `aria: false` on the titles of concatenated charts and labels them in English
    svg = re.sub(r'(aria-roledescription="title") aria-label="[^"]*"', r"\1", svg)
    svg = re.sub(r'\sd="([^"]*)"', lambda m: ' d="' + _NUMBER.sub(_round, m.group(1)) + '"', svg)
    # the column decides the width; a chart is never drawn more than a quarter larger than its own size
    size = re.search(r'<svg [^>]*?\swidth="([\d.]+)" height="[\d.]+"', svg)
    limit = f' style="max-width: {round(float(size.group(1)) * 1.25)}px"' if size else ""
    svg = re.sub(r'<svg ([^>]*?)\swidth="[\d.]+" height="[\d.]+"', r'<svg \1' + limit, svg, count=1)
    svg = re.sub(r'<rect width="[\d.]+" height="[\d.]+" fill="white"/>', "", svg, count=1)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _round(m: re.Match) -> str:
    text = f"{float(m.group(0)):.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")
