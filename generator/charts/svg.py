"""The SVG vl-convert draws, made fit to be inlined many times on one page: ids get the figure's prefix,
coordinates are rounded, and the root element carries no size of its own (CSS scales it to the column);
and the placeholder a page holds where its chart goes.
"""

from __future__ import annotations

import re

from generator.charts.svg_marks import merge_marks

PLACEHOLDER_MARK = "portal-chart:"
PLACEHOLDER = re.compile(r"<!--portal-chart:([A-Za-z0-9_.-]+):([0-9a-f]{64})-->")
# the digits after a coordinate's first decimal (ASCII only: `\d` would match Persian digits too)
_EXTRA_DIGITS = re.compile(r"(?<=[0-9]\.[0-9])[0-9]+")
# vl-convert writes each attribute after a space: a literal start lets `re` jump ahead (\bid= tries every byte)
_ID = re.compile(r' id="([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'href="#([^"]+)"')
_TITLE_LABEL = re.compile(r'(aria-roledescription="title") aria-label="[^"]*"')
# the roles Vega gives every mark and group: the drawing is hidden from assistive technology (its figure has
# a text alternative and the table), so they say nothing to anyone, and they were a quarter of a chart's bytes
_ROLES = re.compile(r' (?:role="graphics-(?:symbol|object|document)"|aria-roledescription="[^"]*")')
_PATH = re.compile(r' d="([^"]*)"')
_SIZE = re.compile(r'<svg ([^>]*?)\swidth="([\d.]+)" height="([\d.]+)"')
_UNUSED = re.compile(r' (?:class="[^"]*"|pointer-events="none"|aria-hidden="true"|opacity="1"|aria-label="[^"]*")')
_TRANSLATE = re.compile(r"translate\(([-0-9.,]+)\)")
_WHITE = re.compile(r'<rect width="[\d.]+" height="[\d.]+" fill="white"/>')


def tidy(svg: str, prefix: str) -> str:
    """Make an SVG fit to inline: unique ids, rounded coordinates, one line, no fixed size, no white box."""
    svg = _common(svg, prefix)
    # the column decides the width; a chart is never drawn more than a quarter larger than its own size
    size = _SIZE.search(svg)
    limit = f' style="max-width: {round(float(size.group(2)) * 1.25)}px"' if size else ""
    svg = _SIZE.sub(lambda m: "<svg " + m.group(1) + limit, svg, count=1)
    svg = _WHITE.sub("", svg, count=1)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _common(svg: str, prefix: str) -> str:
    """One line, ids renamed, no ARIA roles, no English title label, coordinates cut to a tenth."""
    svg = svg.replace("\n", " ")
    # ids are renamed in order of appearance: vl-convert numbers gradients with a counter that runs across
    # the whole process, so the same chart would otherwise get other ids depending on what came before
    names: dict[str, str] = {}
    for old in _ID.findall(svg):
        names.setdefault(old, f"{prefix}-{len(names) + 1}")
    if names:
        svg = _ID.sub(lambda m: f' id="{names[m.group(1)]}"', svg)
        svg = _URL.sub(lambda m: f"url(#{names.get(m.group(1), m.group(1))})", svg)
        svg = _HREF.sub(lambda m: f'href="#{names.get(m.group(1), m.group(1))}"', svg)
    # Vega-Lite ignores `aria: false` on the titles of concatenated charts and labels them in English
    svg = _TITLE_LABEL.sub(r"\1", svg)
    svg = without_roles(svg)
    return _PATH.sub(_round_path, svg)


def standalone(svg: str) -> tuple[str, float, float]:
    """The chart as a file of its own, for an `<img>` (charts/inline.py): its drawn size kept (the image's
    own), ids, roles and coordinates as `tidy` makes them, the text's positions cut to a tenth of a pixel,
    nothing an image never uses (classes, pointer events, ARIA states and labels: an image is one picture
    to assistive technology, named by its `alt`), and its marks merged into one path per look
    (svg_marks.py). Returns the SVG (without its font: font_subset.py) and its width and height."""
    svg = merge_marks(_UNUSED.sub("", _common(svg, "c")))
    svg = _TRANSLATE.sub(lambda m: "translate(" + _EXTRA_DIGITS.sub("", m.group(1)) + ")", svg)
    size = _SIZE.search(svg)
    if size is None:
        raise ValueError("the chart's SVG has no size")
    return _WHITE.sub("", svg, count=1), float(size.group(2)), float(size.group(3))


def without_roles(svg: str) -> str:
    """The SVG without the ARIA roles Vega gives each mark and group (the marks' descriptions stay)."""
    return _ROLES.sub("", svg)


def _round_path(m: re.Match) -> str:
    """A path's coordinates to one decimal place, cut rather than rounded («12.3456» → «12.3»): one
    substitution in C for the hundreds of thousands of numbers of a national build, a tenth of a pixel at
    most."""
    d = m.group(1)
    # a plain deletion: a template such as r"\1" would call back into Python for every number
    return ' d="' + _EXTRA_DIGITS.sub("", d) + '"' if "." in d else m.group(0)
