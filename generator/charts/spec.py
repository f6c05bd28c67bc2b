"""Vega-Lite chart specs (built with Altair) that are right in Persian, on a right-to-left page, on a phone.

- Phones first: each chart is drawn twice, PHONE px wide for a phone's column (where it is shown at about
  its own size, so its text is 12–13 CSS px on a 390 px screen) and WIDE px wide for a wider column; the
  page shows the one that fits (portal.css). The width is the whole chart's, axes and labels included
  (Vega's `fit`), so what is drawn is what the column holds. A map, which has no text, is drawn once.
- Values on the marks: each bar carries its number where it fits (a column's label is measured against
  its column), a line its newest value; the table below the chart has every number.
- Numbers: every number is formatted by d3 with the Persian locale given at render time (charts/workers.py),
  or here in Python (the marks' labels), so axes and labels use ۰-۹, ٬ and ٫; a name from the data
  («برنامهٔ 2») is written in Persian digits too, as the page writes it.
- Time: Vega's time scales are Gregorian only, so time axes are ordinal, with Jalali labels («۳ شهریور»)
  sorted by date; time still runs left to right, as in Iranian statistical publications.
- Direction: value axes stand on the right, where a right-to-left reader starts; horizontal bars grow
  from the right, with their category labels on the right; a row's name stands at its top right.
- Marks carry a `description` (their aria-label in the SVG) with their number as the table writes it (the
  map's provinces with their names too): what the tests compare with the table, mark by mark. The number
  alone: the drawing is hidden from assistive technology, and a name on each of a long series' hundreds of
  marks was half of a chart's bytes. It is written here, in Python, as a `text` field of each row: a Vega
  `calculate` with `format()` costs a quarter of a large chart's rendering.
- Colours: a palette whose colours differ in lightness (readable in greyscale); lines also differ in dash
  pattern; the map's colours darken monotonically and provinces without data are white with a grey edge.
- Keys: Vega's legends are laid out left to right, so charts have none; the figure block shows an HTML key
  (figures.Key) with the same colours, laid out right to left by the page.

Each function takes rows already in the shape the chart needs (JSON-safe dicts) and returns ChartSpecs.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

import altair as alt
from altair.utils.schemapi import disable_debug_mode

from generator.charts.layout import LABEL_SIZE, MAP, PADDING, PHONE, TIME_LABELS, WIDE, exact, fit, room, text_px
from generator.lang.persian import format_number, persian_digits
from generator.model.figures import ChartSpecs
from generator.model.publication import SYMBOL

# Altair validates every object against the Vega-Lite schema as it is built, which costs more than
# rendering the chart; specs are validated once in the tests instead (test_figures.py).
disable_debug_mode()
PALETTE = ["#08306b", "#d95f02", "#c51b7d", "#9ecae1"]  # relative luminance 0.03, 0.23, 0.14, 0.55
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]
COUNTRY = "#8c8c8c"  # the whole country, beside a province
MAP_RANGE = ["#d4e85c", "#6ece58", "#1f9e89", "#31688e", "#440154"]  # light (low) to dark (high)
NO_DATA_EDGE = "#8c8c8c"
INK = "#222222"

_AXIS_FORMATS = {"int": ",d", "decimal": ",.1~f", "percent": ",.1~f"}  # ticks: no trailing ٫۰


def _both(build: Callable[[int], dict]) -> ChartSpecs:
    return ChartSpecs(phone=build(PHONE), wide=build(WIDE))


# the English edition's numbers (its charts carry their locale: the drawing's config is the Persian one)
LATIN_LOCALE = {"locale": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", ""],
                                      "minus": "\u2212", "percent": "%"}}}


def _spec(template: dict, ltr: bool = False, **datasets: Any) -> dict:
    """A chart: its template (the Vega-Lite dict Altair built for this shape of chart, remembered, since
    Altair takes tens of milliseconds to build one) with the rows as top-level named datasets; an English
    chart (`ltr`) with its Latin number locale."""
    spec = copy.deepcopy(template)
    spec["datasets"] = datasets
    if ltr:
        spec["config"] = LATIN_LOCALE
    return spec


def _persian(values: list[dict[str, Any]], *keys: str, ltr: bool = False) -> list[dict[str, Any]]:
    """The rows with the names under `keys` in Persian digits («برنامهٔ 2» → «برنامهٔ ۲»), as the page writes
    them (a key a row lacks is left out); an English chart's (`ltr`) as they are."""
    if ltr:
        return values
    return [{**v, **{k: persian_digits(v[k]) for k in keys if k in v}} for v in values]


def _newest(values: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    """Each series' (the rows' `key`) newest row, by order."""
    newest: dict[str, dict[str, Any]] = {}
    for v in values:
        name = v.get(key, "")
        if name not in newest or v["order"] > newest[name]["order"]:
            newest[name] = v
    return newest


def _number(value: float, kind: str, ltr: bool = False) -> str:
    decimals = 0 if kind == "int" else 1
    if ltr:
        return f"{value:,.{decimals}f}" + ("%" if kind == "percent" else "")
    number = format_number(value, decimals)
    return f"{number}٪" if kind == "percent" else number




def _value_axis(kind: str, ltr: bool = False) -> alt.Axis:
    """On the right, where a right-to-left reader starts (on the left in English). Untitled: what it
    measures is written in the page above the chart (figures.Figure.axis_fa), in the page's font, where it
    costs nothing to draw."""
    extra = {"labelExpr": "datum.label + '" + ("%" if ltr else "٪") + "'"} if kind == "percent" else {}
    return alt.Axis(title=None, orient="left" if ltr else "right", format=_AXIS_FORMATS[kind], tickCount=5, **extra)


def _time_labels(values: list[dict[str, Any]], most: int = TIME_LABELS[WIDE]) -> tuple[str, ...] | None:
    """The periods a time axis labels: all of them, or for a long series every k-th, counted back from the
    latest, so the newest period always has its label (Vega's own overlap removal would keep the oldest and
    may drop the newest). Only the labels that fit are measured (vl-convert measures each Persian text by
    laying it out, a few milliseconds each: most of the cost of a chart)."""
    periods = [label for _, label in sorted({(v["order"], v["week"]) for v in values})]
    step = max(1, -(-len(periods) // most))
    return tuple(periods[::-1][::step][::-1]) or None


def _time_axis(shown: tuple[str, ...] | None) -> alt.Axis:
    """Weeks (or months) as Jalali labels, in time order; untitled (the dates say what they are, and the
    table's first column names them)."""
    extra = {"values": list(shown), "labelOverlap": False} if shown else {"labelOverlap": "greedy"}
    return alt.Axis(title=None, labelAngle=-40, labelAlign="right", labelBaseline="middle", labelSeparation=4,
                    **extra)


# ---- lines over time ----

def over_time(values: list[dict[str, Any]], *, kind: str = "int",
              series: list[tuple[str, str, list[int]]] | None = None, target: int | None = None,
              ltr: bool = False) -> ChartSpecs:
    """A line over weeks (one line per series: name, colour, dash), with an optional target line (named
    in the figure's HTML key), and the newest value of each line written beside its end (of each line
    whose end is not too near another's).

    Rows: {"week": "۳ شهریور", "order": 1, "value": 42[, "series": "…"]}.
    """
    shape = tuple((name if ltr else persian_digits(name), colour, tuple(dash)) for name, colour, dash in series or ())
    values = _persian(values, "series", ltr=ltr)
    rows = [{**v, "text": _number(v["value"], kind, ltr)} for v in values]
    ends = _line_ends(values, kind, top=max([v["value"] for v in values] + [target or 0]), ltr=ltr)

    def build(width: int) -> dict:
        template = _over_time(kind, shape, target is not None, _time_labels(values, TIME_LABELS[width]), width,
                              ltr)
        extra = {"target": [{"target": target}]} if target is not None else {}
        return _spec(template, ltr, rows=rows, ends=ends, **extra)

    return _both(build)


def _line_ends(values: list[dict[str, Any]], kind: str, top: float, ltr: bool = False) -> list[dict[str, Any]]:
    """Each line's newest point with its value as a label; of lines ending within a tenth of the scale of
    each other, only the highest is labelled (two labels there would overlap)."""
    kept: list[dict[str, Any]] = []
    for v in sorted(_newest(values, "series").values(), key=lambda v: -v["value"]):
        if all(abs(v["value"] - k["value"]) >= 0.1 * (top or 1) for k in kept):
            kept.append({**v, "label": _number(v["value"], kind, ltr)})
    return sorted(kept, key=lambda v: v.get("series", ""))


@functools.lru_cache(maxsize=256)
def _over_time(kind: str, series: tuple, target: bool, shown: tuple[str, ...] | None, width: int,
               ltr: bool = False) -> dict:
    x = alt.X("week:O", sort=alt.EncodingSortField("order"), axis=_time_axis(shown))
    y = alt.Y("value:Q", axis=_value_axis(kind, ltr), scale=alt.Scale(zero=True))
    enc: dict[str, Any] = {"x": x, "y": y}
    if series:
        domain = [name for name, _, _ in series]
        colours = alt.Scale(domain=domain, range=[colour for _, colour, _ in series])
        enc["color"] = alt.Color("series:N", scale=colours, legend=None)
        dashes = alt.Scale(domain=domain, range=[list(d) for *_, d in series])
        enc["strokeDash"] = alt.StrokeDash("series:N", scale=dashes, legend=None)
    base = alt.Chart(alt.NamedData("rows"))
    line = base.mark_line(strokeWidth=2.5, color=PALETTE[0], aria=False).encode(**enc)
    point_enc = {k: v for k, v in enc.items() if k != "strokeDash"}
    points = base.mark_point(filled=True, size=40, color=PALETTE[0]).encode(
        **point_enc, description=alt.Description("text:N"))
    # the newest value, above and before the line's end (the value axis stands after it, on the right)
    ends = alt.Chart(alt.NamedData("ends")).mark_text(
        align="right", baseline="bottom", dx=-4, dy=-6, fontSize=LABEL_SIZE, fontWeight=600, color=PALETTE[0],
        aria=False).encode(**point_enc, text=alt.Text("label:N"))
    layers = [line, points, ends]
    if target:
        layers.append(alt.Chart(alt.NamedData("target")).mark_rule(color=PALETTE[2], strokeDash=[6, 4], strokeWidth=2,
                                                                  aria=False).encode(y=alt.Y("target:Q")))
    height = 190 if width == PHONE else 240
    return alt.layer(*layers).properties(height=height, **fit(width)).to_dict(validate=False)


# ---- horizontal bars ----

def bars(values: list[dict[str, Any]], *, kind: str = "int", reference: float | None = None,
         reference_colour: str = "#8c8c8c", ltr: bool = False) -> ChartSpecs:
    """Horizontal bars, largest first, growing from the right, each with its value beside its end, with an
    optional reference line (the country's level, say). Rows: {"name": "گیلان", "value": 42}."""
    values = _persian(values, "name", ltr=ltr)
    order = tuple(v["name"] for v in sorted(values, key=lambda v: -v["value"]))
    rows = [{**v, "text": _number(v["value"], kind, ltr), "label": _number(v["value"], kind, ltr)}
            for v in values]
    names_px = max((text_px(v["name"]) for v in values), default=0)
    top = max([v["value"] for v in values] + [reference or 0]) or 1

    def build(width: int) -> dict:
        scale_max = top * room([r["label"] for r in rows], width - PADDING - names_px - 10)
        template = _bars(order, scale_max, reference_colour if reference is not None else None, width, ltr)
        extra = {"reference": [{"value": reference}]} if reference is not None else {}
        return _spec(template, ltr, rows=rows, **extra)

    return _both(build)


def _bar_height(count: int) -> int:
    return max(80, 22 * count)


@functools.lru_cache(maxsize=256)
def _bars(order: tuple[str, ...], scale_max: float, reference_colour: str | None, width: int,
          ltr: bool = False) -> dict:
    y = alt.Y("name:N", sort=list(order), axis=alt.Axis(title=None, orient="left" if ltr else "right"))
    x = alt.X("value:Q", scale=alt.Scale(reverse=not ltr, domain=[0, scale_max], nice=False), axis=None)
    base = alt.Chart(alt.NamedData("rows"))
    layers = [base.mark_bar(color=PALETTE[0]).encode(y=y, x=x, description=alt.Description("text:N")),
              _bar_labels(base, y, x, ltr)]
    if reference_colour is not None:
        layers.append(alt.Chart(alt.NamedData("reference")).mark_rule(
            color=reference_colour, strokeDash=[4, 3], strokeWidth=2, aria=False).encode(x=alt.X("value:Q")))
    return alt.layer(*layers).properties(height=_bar_height(len(order)), **fit(width)).to_dict(validate=False)


def _bar_labels(base: alt.Chart, y: alt.Y, x: alt.X, ltr: bool = False) -> alt.Chart:
    """Each bar's value beside its end (bars grow from the right: beside is to the left; in English the
    other way round)."""
    return base.mark_text(align="left" if ltr else "right", baseline="middle", dx=4 if ltr else -4,
                          fontSize=LABEL_SIZE, color=INK, aria=False).encode(y=y, x=x, text=alt.Text("label:N"))


def stacked_bars(values: list[dict[str, Any]], *, series: list[str], colours: list[str],
                 by_value: bool = True, ltr: bool = False) -> ChartSpecs:
    """Horizontal stacked bars per category, each with its total beside its end: largest first, or
    (`by_value` False) in the rows' own order (age bands, say).
    Rows: {"name": "گیلان", "series": "مرکز تزریق واکسن", "sorder": 0, "value": 10}."""
    values = _persian(values, "name", "series", ltr=ltr)
    series = series if ltr else [persian_digits(name) for name in series]
    totals: dict[str, float] = {}
    for v in values:
        totals[v["name"]] = totals.get(v["name"], 0) + v["value"]
    order = tuple(sorted(totals, key=lambda n: -totals[n]) if by_value else totals)
    ends = [{"name": n, "value": t, "label": _number(t, "int", ltr)} for n, t in totals.items()]
    rows = [{**v, "text": _number(v["value"], "int", ltr)} for v in values]
    names_px = max((text_px(n) for n in totals), default=0)

    def build(width: int) -> dict:
        scale_max = max(totals.values(), default=1) * room([e["label"] for e in ends],
                                                             width - PADDING - names_px - 10)
        return _spec(_stacked_bars(tuple(series), tuple(colours), order, scale_max, width, ltr), ltr, rows=rows,
                     ends=ends)

    return _both(build)


@functools.lru_cache(maxsize=64)
def _stacked_bars(series: tuple[str, ...], colours: tuple[str, ...], order: tuple[str, ...], scale_max: float,
                  width: int, ltr: bool = False) -> dict:
    y = alt.Y("name:N", sort=list(order), axis=alt.Axis(title=None, orient="left" if ltr else "right"))
    scale = alt.Scale(reverse=not ltr, domain=[0, scale_max], nice=False)
    stacks = alt.Chart(alt.NamedData("rows")).mark_bar(stroke="white", strokeWidth=0.5).encode(
        y=y, x=alt.X("sum(value):Q", scale=scale, axis=None),
        color=alt.Color("series:N", sort=list(series), scale=alt.Scale(domain=list(series), range=list(colours)),
                        legend=None),
        order=alt.Order("sorder:Q"),
        description=alt.Description("text:N"),
    )
    labels = _bar_labels(alt.Chart(alt.NamedData("ends")), y, alt.X("value:Q", scale=scale, axis=None), ltr)
    return alt.layer(stacks, labels).properties(height=_bar_height(len(order)), **fit(width)).to_dict(
        validate=False)


# ---- one row of columns over time per programme ----

# a row, top to bottom: a gap (wider than the one under its name, so the name reads with its own row), its
# name, its values' labels (when shown), its tallest column, its baseline; in px
ROW_PX = 72
BAR_PX = 24
NAME_PX = 16
LABEL_PX = 16


def row_bars(values: list[dict[str, Any]], *, rows: list[tuple[str, str]],
             hidden: list[dict[str, Any]] | None = None, ltr: bool = False) -> ChartSpecs:
    """One row of columns over time per series (per programme), in a single view: each row drawn to its
    own maximum, since programmes count very different things, with its name at its top right. Each column
    carries its value above it when every value of the row fits its column; otherwise the row's newest
    value follows its name («بستهٔ معیشتی — ۲۸ مهر: ۷٬۴۵۷»). A value hidden for privacy is a «×» on the
    row's baseline, as in the table. Every number is in the table and in each column's label. (Twelve
    separate panels cost twelve times the layout.)

    Rows: (name, colour), top first. Values: {"week": "۳ شهریور", "order": 1, "panel": "…", "value": 4};
    hidden: {"week", "order", "panel"}.
    """
    rows = [(name if ltr else persian_digits(name), colour) for name, colour in rows]
    values = _persian(values, "panel", ltr=ltr)
    hidden = _persian(hidden or [], "panel", ltr=ltr)
    names = [name for name, _ in rows]
    top: dict[str, float] = dict.fromkeys(names, 0)
    for v in values:
        top[v["panel"]] = max(top[v["panel"]], v["value"])
    newest = _newest(values, "panel")
    base = {name: len(names) - 1 - i for i, name in enumerate(names)}  # row 0 at the top
    share = BAR_PX / ROW_PX
    bars = [{**v, "y0": base[v["panel"]], "y1": base[v["panel"]] + share * v["value"] / (top[v["panel"]] or 1),
             "text": _number(v["value"], "int", ltr),
             "label": _number(v["value"], "int", ltr)} for v in values]
    crosses = [{**h, "y1": base[h["panel"]], "label": SYMBOL} for h in hidden]
    periods = len({v["order"] for v in [*values, *hidden]}) or 1

    def build(width: int) -> dict:
        column = (width - PADDING) / periods
        fits = {name: all(text_px(b["label"], LABEL_SIZE) <= column - 3 for b in bars if b["panel"] == name)
                for name in names}
        labels = [{"panel": name, "base": base[name],
                   "top": base[name] + (BAR_PX + 4 + (LABEL_PX if fits[name] else 0) + NAME_PX) / ROW_PX,
                   "title": name if fits[name] or name not in newest else
                   _newest_title(name, newest[name]['week'], _number(newest[name]['value'], 'int', ltr), ltr)}
                  for name in names]
        template = _row_bars(tuple(rows), _time_labels([*values, *hidden], TIME_LABELS[width]), width, ltr)
        return _spec(template, ltr, bars=bars, labels=labels, values=[b for b in bars if fits[b["panel"]]],
                     hidden=crosses)

    return _both(build)


@functools.lru_cache(maxsize=256)
def _newest_title(name: str, week: str, value: str, ltr: bool) -> str:
    """A row's name with its newest value: «بستهٔ معیشتی — ۲۸ مهر: ۷٬۴۵۷», isolated as right-to-left text
    inside the left-to-right chart (in English as it is)."""
    text = f"{name} — {week}: {value}"
    return text if ltr else f"\u2067{text}\u2069"


@functools.lru_cache(maxsize=256)
def _row_bars(rows: tuple[tuple[str, str], ...], shown: tuple[str, ...] | None, width: int,
              ltr: bool = False) -> dict:
    names = [name for name, _ in rows]
    scale = alt.Scale(domain=[0, len(names)], nice=False, zero=True)
    x = alt.X("week:O", sort=alt.EncodingSortField("order"), axis=_time_axis(shown))
    columns = alt.Chart(alt.NamedData("bars")).mark_bar().encode(
        x=x, y=alt.Y("y0:Q", axis=None, scale=scale), y2=alt.Y2("y1"),
        color=alt.Color("panel:N", scale=alt.Scale(domain=names, range=[c for _, c in rows]), legend=None),
        description=alt.Description("text:N"),
    )
    values = alt.Chart(alt.NamedData("values")).mark_text(
        baseline="bottom", dy=-2, fontSize=LABEL_SIZE, color=INK, aria=False).encode(
        x=x, y=alt.Y("y1:Q", scale=scale, axis=None), text=alt.Text("label:N"))
    crosses = alt.Chart(alt.NamedData("hidden")).mark_text(
        baseline="bottom", dy=-2, fontSize=LABEL_SIZE, color="#5c5c5c", aria=False).encode(
        x=x, y=alt.Y("y1:Q", scale=scale, axis=None), text=alt.Text("label:N"))
    baselines = alt.Chart(alt.NamedData("labels")).mark_rule(color="#bbbbbb", strokeWidth=0.6, aria=False).encode(
        y=alt.Y("base:Q", scale=scale, axis=None))
    names_ = alt.Chart(alt.NamedData("labels")).mark_text(
        align="left" if ltr else "right", baseline="top", fontSize=13, fontWeight=600, color=INK, aria=False).encode(
        y=alt.Y("top:Q", scale=scale, axis=None), x=alt.XValue(0 if ltr else "width"), text=alt.Text("title:N"))
    chart = alt.layer(baselines, columns, values, crosses, names_).properties(height=ROW_PX * len(names),
                                                                              **exact(width, shown))
    return chart.to_dict(validate=False)


# ---- the map ----

def choropleth(values: list[dict[str, Any]], topology: dict, ltr: bool = False) -> ChartSpecs:
    """The 31 provinces coloured by value; provinces without a value in grey.

    Rows: {"iso": "IR-01", "name": "گیلان", "value": 12.3 or None}.
    """
    known = [v["value"] for v in values if v["value"] is not None]
    # a missing value is drawn grey; it must not reach the colour scale (Vega-Lite would drop the mark's
    # label), so the scale reads `shade`, which is a number for every province, within a fixed domain
    values = _persian(values, "name", ltr=ltr)
    rows = [{**v, "has": v["value"] is not None, "shade": v["value"] if v["value"] is not None else min(known),
             "text": f"{v['name']}: {_number(v['value'], 'decimal', ltr)}" if v["value"] is not None
             else v["name"] + (": no data or hidden" if ltr else ": بدون داده یا پنهان")} for v in values]
    return ChartSpecs(phone=_spec(_choropleth(min(known), max(known)), ltr, provinces=topology, rows=rows))


@functools.lru_cache(maxsize=64)
def _choropleth(low: float, high: float) -> dict:
    geo = alt.NamedData("provinces", format=alt.DataFormat(type="topojson", feature="provinces"))
    lookup = alt.LookupData(alt.NamedData("rows"), "iso", ["name", "value", "has", "shade", "text"])
    shapes = alt.Chart(geo).mark_geoshape(strokeWidth=0.6).transform_lookup(
        lookup="id", from_=lookup).encode(
        color=alt.condition("!datum.has", alt.ColorValue("white"), alt.Color(
            "shade:Q", scale=alt.Scale(range=MAP_RANGE, domain=[low, high]), legend=None)),
        stroke=alt.condition("!datum.has", alt.StrokeValue(NO_DATA_EDGE), alt.StrokeValue("white")),
        description=alt.Description("text:N"),
    ).project(type="mercator")
    return shapes.properties(width=MAP, height=round(MAP * 0.85)).to_dict(validate=False)
