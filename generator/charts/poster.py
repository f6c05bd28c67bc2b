"""A chart to take away: its SVG as drawn for a wide column, with what the page says around it drawn in (the
figure's title, what its value axis measures, its key, its source and date, and the site's name and
address), as one SVG file (with its font: font_subset.py) and a PNG (charts/png.py), for a reader to
download, forward in a messaging app or put in an article. Drawn from the chart's SVG as the page shows it
(no second drawing by Vega); text right to left as charts/svg_text.py says, the key laid out from the
right, as the page's; the English edition's left to right, from the left."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.charts.font_subset import needed, warm_subset, with_fonts
from generator.charts.layout import text_px
from generator.charts.svg import standalone
from generator.charts.svg_text import fitted, text, wrapped
from generator.lang.edition import FA, Edition
from generator.model.figures import Figure
from generator.model.paths import CHART_IMAGES

MARGIN = 24
INK, GREY = "#222222", "#555555"
_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\swidth="([\d.]+)" height="([\d.]+)"')


@dataclass(frozen=True)
class Poster:
    """A figure with a chart, and the key (charts/draw.py) of the drawing its image is made from; the
    edition it is in (English posters are laid out left to right, into en/downloads/charts/) and, when it is
    not the build's, its edition's site name."""

    figure: Figure
    chart_key: str
    ed: Edition = FA
    brand: str = ""


class _Line:
    """Where a poster's lines start: at the right in Persian, at the left in English (`at(w)`: the x of a
    mark `w` wide, `step`: the direction the key goes)."""

    def __init__(self, ed: Edition, left: float, right: float):
        self.ed, self.start, self.step = ed, (right if ed.fa else left), (-1 if ed.fa else 1)

    def at(self, offset: float, width: float = 0) -> float:
        """The left edge of a mark `width` wide, `offset` from the line's start."""
        return self.start - offset - width if self.ed.fa else self.start + offset

    def text(self, offset: float, y: float, content: str, size: float, colour: str, bold: bool = False) -> str:
        return text(self.start + self.step * offset, y, content, size, colour, bold=bold, rtl=self.ed.fa)


def _key(fig: Figure, line: _Line, y: float, room: float) -> tuple[list[str], float]:
    """The figure's key (or its map's colour ramp) from the line's start, wrapping to a new row where one is
    full; returns its parts and the height it takes."""
    parts: list[str] = []
    x, row = 0.0, 0
    if fig.gradient is not None:
        g = fig.gradient
        stops = "".join(f'<stop offset="{i / max(len(g.colours) - 1, 1):g}" stop-color="{c}"/>'
                        for i, c in enumerate(g.colours))
        low, high = (line.ed.number(v, 1) for v in (g.low, g.high))  # as the page's key writes them
        ramp = 'x1="1" x2="0"' if line.ed.fa else 'x1="0" x2="1"'
        parts += [f'<defs><linearGradient id="ramp" {ramp} y1="0" y2="0">{stops}</linearGradient></defs>',
                  line.text(0, y + 13, low, 13, GREY),
                  f'<rect x="{line.at(text_px(low) + 8, 200):g}" y="{y + 2:g}" width="200" height="12" '
                  f'fill="url(#ramp)"/>',
                  line.text(200 + text_px(low) + 16, y + 13, high, 13, GREY)]
        return parts, 24
    for item in fig.key:
        label, _ = fitted(item.label_fa, 13, 13, room - 30)
        need = 22 + text_px(label) + 18
        if x + need > room and x:
            x, row = 0.0, row + 1
        top = y + row * 22
        if item.mark == "line":
            dash = f' stroke-dasharray="{" ".join(map(str, item.dash))}"' if item.dash else ""
            a = line.at(x, 18)
            parts.append(f'<line x1="{a:g}" x2="{a + 18:g}" y1="{top + 8:g}" y2="{top + 8:g}" stroke="{item.colour}" '
                         f'stroke-width="3"{dash}/>')
        else:
            fill, edge = ("#ffffff", ' stroke="#8c8c8c"') if item.mark == "empty" else (item.colour, "")
            parts.append(f'<rect x="{line.at(x, 12):g}" y="{top + 2:g}" width="12" height="12" fill="{fill}"{edge}/>')
        parts.append(line.text(x + 22, top + 13, label, 13, INK))
        x += need
    return parts, (row + 1) * 22 if fig.key else 0


def poster_svg(poster: Poster, chart: str, brand: str, host: str) -> str:
    """The image: the chart's drawn SVG (`chart`, as svg.standalone makes the drawing) framed by its title
    and axis line above, its key, source, date and the site's name and address below."""
    fig, ed = poster.figure, poster.ed
    root = _ROOT.search(chart)
    size = _SIZE.search(root.group(0)) if root else None
    if size is None:
        raise ValueError(f"{fig.id}: the chart's SVG has no size")
    width, height = float(size.group(1)), float(size.group(2))
    total = max(width + 2 * MARGIN, 480)
    room = total - 2 * MARGIN
    line = _Line(ed, MARGIN, total - MARGIN)
    parts, y = [], MARGIN
    for title in wrapped(fig.title_fa, 18, room, 3):
        y += 24
        parts.append(line.text(0, y, title, 18, INK, bold=True))
    if fig.axis_fa:
        y += 22
        parts.append(line.text(0, y, *fitted(fig.axis_fa, 13, 11, room), GREY))
    y += 10
    inner = chart[root.end():]  # up to and with the chart's own «</svg>», which closes the frame's
    parts.append(f'<svg x="{(total - width) / 2:g}" y="{y:g}" width="{width:g}" height="{height:g}" '
                 f'viewBox="0 0 {width:g} {height:g}">{inner}')
    y += height + 12
    key, used = _key(fig, line, y, room)
    parts += key
    y += used + 8
    if ed.fa:
        source = f"منبع: {fig.source_fa}{' (ساختگی)' if fig.synthetic else ''}"
        source += f"، به‌روز تا {fig.updated.fa()}" if fig.updated is not None else ""
    else:
        source = f"Source: {fig.source_fa}{' (synthetic)' if fig.synthetic else ''}"
        source += f"; up to date to {ed.date(fig.updated)}" if fig.updated is not None else ""
    for part in wrapped(source, 12, room, 3):
        y += 18
        parts.append(line.text(0, y, part, 12, GREY))
    y += 22
    parts.append(line.text(0, y, *fitted(poster.brand or brand, 12, 11, room * (0.6 if host else 1)), INK, bold=True))
    if host:  # at the line's other end, in Latin letters
        parts.append(text(MARGIN if ed.fa else total - MARGIN, y, *fitted(host, 12, 11, room * 0.35), GREY,
                          rtl=False, end=not ed.fa))
    y += MARGIN - 8
    body = "\n".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{total:g}" height="{y:g}" viewBox="0 0 {total:g} {y:g}">\n'
            f'<rect width="{total:g}" height="{y:g}" fill="#ffffff"/>\n{body}\n</svg>\n')


SCALE = 1.5  # the PNG: about 1,000 px wide, for a phone's screen and a printed page


def write(site, posters: list[Poster], charts, images, brand: str, host: str) -> int:
    """Each poster's SVG and PNG (SCALE times its size) into its edition's downloads/charts/ below `site`
    (CHART_IMAGES; en/downloads/charts/ for the English edition): «<figure id>.svg» and «.png». `charts`:
    the renderer that drew the charts (their SVGs; its workers draw the new PNGs), `images`: the PNG
    renderer, whose cache keeps an unchanged image from being drawn again. Returns how many."""
    # each with the glyphs of its own text inside: it is read where Vazirmatn is not installed (a downloaded
    # file, an article), and its text was laid out for Vazirmatn's widths (English: basic Latin whole)
    bare = [poster_svg(poster, standalone(charts.raw_svg(poster.chart_key))[0], brand, host) for poster in posters]
    if charts.cache_dir is not None:  # their subsets made on the chart workers' cores, not one after another here
        charts.map(warm_subset, sorted(needed(bare, charts.cache_dir)))
    svgs = [with_fonts(svg, charts.cache_dir, "\n") for svg in bare]
    for poster, svg, png in zip(posters, svgs, images.pngs(svgs, SCALE, charts.map), strict=True):
        folder = site / poster.ed.prefix / CHART_IMAGES
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{poster.figure.id}.svg").write_text(svg, encoding="utf-8")
        (folder / f"{poster.figure.id}.png").write_bytes(png)
    return len(posters)
