"""How large a chart is drawn (charts/spec.py): the whole widths of a phone's and a wide column's drawing,
the size of its text, and the estimates that decide where a label fits and how much room a plot leaves.
Vega measures every text itself as it lays a chart out; these estimates are only ever generous, so a label
said to fit does fit.
"""

from __future__ import annotations

import math

import altair as alt

# Whole widths, in px. A figure's column is 340 px on a 390 px phone (portal.css), so the phone's chart is
# shown there at 103% of its size; the wide one is shown from a 600 px column up, at 94% or more.
PHONE = 330
WIDE = 640
WIDTHS = (PHONE, WIDE)
MAP = 480  # a map has no text: drawn once, it scales to any column
PADDING = 21  # charts/workers.CONFIG's padding, left and right
LABEL_SIZE = 12  # a mark's value; the axes' labels are 13 (charts/workers.CONFIG)
TIME_LABELS = {PHONE: 10, WIDE: 13}  # at most this many labels on a time axis; every period keeps its mark


def fit(width: int) -> dict:
    """The chart's properties for a whole width of `width` px: Vega sizes the plot to what the axes and
    labels leave."""
    return {"width": width, "autosize": alt.AutoSizeParams(type="fit-x", contains="padding")}


def text_px(text: str, size: float = 13) -> float:
    """A generous estimate of a text's width in Vazirmatn, in px (no glyph of its digits and letters is
    wider than 0.62 em on average; separators and spaces are narrow): enough to decide where a label fits."""
    return size * sum(0.3 if c in " ٬٫,." else 0 if c in _NO_WIDTH else 0.62 for c in text)


_NO_WIDTH = "\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069"  # joiners, direction marks and isolates


def room(labels: list[str], plot: float) -> float:
    """How much longer the value scale must be than the largest value so that the largest bar's label,
    beside its end, fits in a plot `plot` px long (any label, since a shorter bar leaves more room)."""
    need = max((text_px(label, LABEL_SIZE) for label in labels), default=0) + 8
    return plot / max(plot - need, plot / 2)


def exact(width: int, shown: tuple[str, ...] | None) -> dict:
    """The properties of a chart `width` px wide in all without Vega's `fit` (which lays a chart out twice:
    half the cost of a province's rows at national scale): no autosize, the plot as wide as the width
    leaves, and room around it for the rotated time labels (estimated generously: text_px), the first one's
    reach to the left and the longest one's below."""
    labels = shown or ("",)
    left = max(16, round(text_px(labels[0]) * math.cos(math.radians(40))) + 4)
    bottom = round(max(text_px(label) for label in labels) * math.sin(math.radians(40)) + 22)
    padding = {"left": left, "right": 5, "top": 5, "bottom": bottom}
    return {"width": width - left - 5, "padding": padding, "autosize": alt.AutoSizeParams(type="none")}
