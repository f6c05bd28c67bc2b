"""Vega-Lite chart specs (built with Altair) that are right in Persian and on a right-to-left page.

- Numbers: every number is formatted by d3 with the Persian locale given at render time (charts/workers.py),
  so axes, legends and the marks' labels use ۰-۹, ٬ and ٫.
- Time: Vega's time scales are Gregorian only, so time axes are ordinal, with Jalali labels («۳ شهریور»)
  sorted by date; time still runs left to right, as in Iranian statistical publications.
- Direction: value axes stand on the right, where a right-to-left reader starts; horizontal bars grow
  from the right, with their category labels on the right.
- Marks carry a `description` (their aria-label in the SVG) with the figure's label and value: the text
  alternative of each mark, and what the tests compare with the table. It is written here, in Python, as a
  `text` field of each row: a Vega `calculate` with `format()` costs a quarter of a large chart's rendering.
- Colours: a palette whose colours differ in lightness (readable in greyscale); lines also differ in dash
  pattern; the map's colours darken monotonically and provinces without data are white with a grey edge.
- Keys: Vega's legends are laid out left to right, so charts have none; the figure block shows an HTML key
  (figures.Key) with the same colours, laid out right to left by the page.

Each function takes rows already in the shape the chart needs (JSON-safe dicts) and returns a spec dict.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

import altair as alt
from altair.utils.schemapi import disable_debug_mode

from generator.lang.persian import format_number

# Altair validates every object against the Vega-Lite schema as it is built, which costs more than
# rendering the chart; specs are validated once in the tests instead (test_figures.py).
disable_debug_mode()
PALETTE = ["#08306b", "#d95f02", "#c51b7d", "#9ecae1"]  # relative luminance 0.03, 0.23, 0.14, 0.55
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]
COUNTRY = "#8c8c8c"  # the whole country, beside a province
MAP_RANGE = ["#d4e85c", "#6ece58", "#1f9e89", "#31688e", "#440154"]  # light (low) to dark (high)
NO_DATA_EDGE = "#8c8c8c"
WIDTH = 340  # the plot area; pages scale the SVG to the column (phones first)

_AXIS_FORMATS = {"int": ",d", "decimal": ",.1~f", "percent": ",.1~f"}  # ticks: no trailing ٫۰


def _spec(template: dict, **datasets: Any) -> dict:
    """A chart: its template (the Vega-Lite dict Altair built for this shape of chart, remembered, since
    Altair takes tens of milliseconds to build one) with the rows as top-level named datasets."""
    spec = copy.deepcopy(template)
    spec["datasets"] = datasets
    return spec


def _mark_text(label: str, value: float, kind: str) -> str:
    """A mark's label: «گیلان: ۱٬۲۰۰», numbers as the table shows them (Persian digits and separators)."""
    number = format_number(value, 0 if kind == "int" else 1)
    return f"{label}: {number}٪" if kind == "percent" else f"{label}: {number}"


def _value_axis(kind: str) -> alt.Axis:
    """On the right, where a right-to-left reader starts. Untitled: what it measures is written in the
    page above the chart (figures.Figure.axis_fa), in the page's font, where it costs nothing to draw."""
    extra = {"labelExpr": "datum.label + '٪'"} if kind == "percent" else {}
    return alt.Axis(title=None, orient="right", format=_AXIS_FORMATS[kind], tickCount=5, **extra)


TIME_LABELS = 13  # at most this many labels on a time axis; every period still has its mark


def _time_labels(values: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """The periods a time axis labels: all of them, or for a long series every k-th, counted back from the
    latest, so the newest period always has its label (Vega's own overlap removal would keep the oldest and
    may drop the newest). Only the labels that fit are measured (vl-convert measures each Persian text by
    laying it out, a few milliseconds each: most of the cost of a chart)."""
    periods = [label for _, label in sorted({(v["order"], v["week"]) for v in values})]
    step = max(1, -(-len(periods) // TIME_LABELS))
    return tuple(periods[::-1][::step][::-1]) or None


def _time_axis(shown: tuple[str, ...] | None) -> alt.Axis:
    """Weeks (or months) as Jalali labels, in time order; untitled (the dates say what they are, and the
    table's first column names them)."""
    extra = {"values": list(shown), "labelOverlap": False} if shown else {"labelOverlap": "greedy"}
    return alt.Axis(title=None, labelAngle=-40, labelAlign="right", labelBaseline="middle", labelSeparation=4,
                    **extra)


def over_time(values: list[dict[str, Any]], *, kind: str = "int",
              series: list[tuple[str, str, list[int]]] | None = None, target: int | None = None) -> dict:
    """A line over weeks (one line per series: name, colour, dash), with an optional target line (named
    in the figure's HTML key).

    Rows: {"week": "۳ شهریور", "order": 1, "value": 42[, "series": "…"]}.
    """
    shape = tuple((name, colour, tuple(dash)) for name, colour, dash in series or ())
    template = _over_time(kind, shape, target is not None, _time_labels(values))
    values = [{**v, "text": _mark_text(v["week"] + (" — " + v["series"] if series else ""), v["value"], kind)}
              for v in values]
    if target is None:
        return _spec(template, rows=values)
    return _spec(template, rows=values, target=[{"target": target}])


@functools.lru_cache(maxsize=256)
def _over_time(kind: str, series: tuple, target: bool, shown: tuple[str, ...] | None) -> dict:
    x = alt.X("week:O", sort=alt.EncodingSortField("order"), axis=_time_axis(shown))
    y = alt.Y("value:Q", axis=_value_axis(kind), scale=alt.Scale(zero=True))
    base = alt.Chart(alt.NamedData("rows"))
    enc: dict[str, Any] = {"x": x, "y": y}
    if series:
        domain = [name for name, _, _ in series]
        colours = alt.Scale(domain=domain, range=[colour for _, colour, _ in series])
        enc["color"] = alt.Color("series:N", scale=colours, legend=None)
        dashes = alt.Scale(domain=domain, range=[list(d) for *_, d in series])
        enc["strokeDash"] = alt.StrokeDash("series:N", scale=dashes, legend=None)
    line = base.mark_line(strokeWidth=2.5, color=PALETTE[0], aria=False).encode(**enc)
    point_enc = {k: v for k, v in enc.items() if k != "strokeDash"}
    if series:
        point_enc["color"] = alt.Color("series:N", scale=colours, legend=None)
    points = base.mark_point(filled=True, size=40, color=PALETTE[0]).encode(
        **point_enc,
        description=alt.Description("text:N"))
    layers = [line, points]
    if target:
        layers.append(alt.Chart(alt.NamedData("target")).mark_rule(color=PALETTE[2], strokeDash=[6, 4], strokeWidth=2,
                                                                  aria=False).encode(y=alt.Y("target:Q")))
    return alt.layer(*layers).properties(width=WIDTH, height=200).to_dict(validate=False)


def bars(values: list[dict[str, Any]], *, kind: str = "int", reference: float | None = None,
         reference_colour: str = "#8c8c8c") -> dict:
    """Horizontal bars, largest first, growing from the right, with an optional reference line (the
    country's level, say). Rows: {"name": "گیلان", "value": 42}."""
    template = _bars(kind, max(80, 18 * len(values)), reference_colour if reference is not None else None)
    values = [{**v, "text": _mark_text(v["name"], v["value"], kind)} for v in values]
    if reference is None:
        return _spec(template, rows=values)
    return _spec(template, rows=values, reference=[{"value": reference}])


@functools.lru_cache(maxsize=256)
def _bars(kind: str, height: int, reference_colour: str | None) -> dict:
    chart = alt.Chart(alt.NamedData("rows")).mark_bar(color=PALETTE[0]).encode(
        y=alt.Y("name:N", sort="-x", axis=alt.Axis(title=None, orient="right")),
        x=alt.X("value:Q", scale=alt.Scale(reverse=True, zero=True),
                axis=alt.Axis(title=None, format=_AXIS_FORMATS[kind], tickCount=4)),
        description=alt.Description("text:N"),
    )
    if reference_colour is None:
        return chart.properties(width=WIDTH - 80, height=height).to_dict(validate=False)
    rule = alt.Chart(alt.NamedData("reference")).mark_rule(color=reference_colour, strokeDash=[4, 3], strokeWidth=2,
                                                          aria=False).encode(x=alt.X("value:Q"))
    return alt.layer(chart, rule).properties(width=WIDTH - 80, height=height).to_dict(validate=False)


def row_bars(values: list[dict[str, Any]], *, rows: list[tuple[str, str]]) -> dict:
    """One row of bars over time per series (per programme), in a single view: each row drawn to its own
    maximum, since programmes count very different things; the numbers are in the table and in each bar's
    label. (Twelve separate panels cost twelve times the layout; this is one.)

    Rows: (name, colour), top first. Values: {"week": "۳ شهریور", "order": 1, "panel": "…", "value": 4}.
    """
    names = [name for name, _ in rows]
    top: dict[str, float] = dict.fromkeys(names, 0)
    for v in values:
        top[v["panel"]] = max(top[v["panel"]], v["value"])
    base = {name: len(names) - 1 - i for i, name in enumerate(names)}  # row 0 at the top
    bars = [{**v, "y0": base[v["panel"]], "y1": base[v["panel"]] + 0.8 * v["value"] / (top[v["panel"]] or 1),
             "text": _mark_text(f"{v['panel']} — {v['week']}", v["value"], "int")} for v in values]
    labels = [{"panel": name, "base": base[name], "middle": base[name] + 0.4} for name in names]
    return _spec(_row_bars(tuple(rows), _time_labels(values)), bars=bars, labels=labels)


@functools.lru_cache(maxsize=256)
def _row_bars(rows: tuple[tuple[str, str], ...], shown: tuple[str, ...] | None) -> dict:
    names = [name for name, _ in rows]
    scale = alt.Scale(domain=[0, len(names)], nice=False, zero=True)
    columns = alt.Chart(alt.NamedData("bars")).mark_bar().encode(
        x=alt.X("week:O", sort=alt.EncodingSortField("order"), axis=_time_axis(shown)),
        y=alt.Y("y0:Q", axis=None, scale=scale), y2=alt.Y2("y1"),
        color=alt.Color("panel:N", scale=alt.Scale(domain=names, range=[c for _, c in rows]), legend=None),
        description=alt.Description("text:N"),
    )
    baselines = alt.Chart(alt.NamedData("labels")).mark_rule(color="#bbbbbb", strokeWidth=0.6, aria=False).encode(
        y=alt.Y("base:Q", scale=scale, axis=None))
    names_ = alt.Chart(alt.NamedData("labels")).mark_text(align="left", baseline="middle", dx=6, fontSize=12,
                                                         color="#222222", aria=False).encode(
        y=alt.Y("middle:Q", scale=scale, axis=None), x=alt.XValue(WIDTH), text=alt.Text("panel:N"))
    chart = alt.layer(baselines, columns, names_).properties(width=WIDTH, height=34 * len(names))
    return chart.to_dict(validate=False)


def stacked_bars(values: list[dict[str, Any]], *, series: list[str], colours: list[str]) -> dict:
    """Horizontal stacked bars per category. Rows: {"name": "گیلان", "series": "مرکز تزریق واکسن", "value": 10}."""
    height = max(80, 18 * len({v["name"] for v in values}))
    values = [{**v, "text": _mark_text(f"{v['name']} — {v['series']}", v["value"], "int")} for v in values]
    return _spec(_stacked_bars(tuple(series), tuple(colours), height), rows=values)


@functools.lru_cache(maxsize=64)
def _stacked_bars(series: tuple[str, ...], colours: tuple[str, ...], height: int) -> dict:
    return alt.Chart(alt.NamedData("rows")).mark_bar(stroke="white", strokeWidth=0.5).encode(
        y=alt.Y("name:N", sort="-x", axis=alt.Axis(title=None, orient="right")),
        x=alt.X("sum(value):Q", scale=alt.Scale(reverse=True), axis=alt.Axis(title=None, format=",d")),
        color=alt.Color("series:N", sort=list(series), scale=alt.Scale(domain=list(series), range=list(colours)),
                        legend=None),
        order=alt.Order("sorder:Q"),
        description=alt.Description("text:N"),
    ).properties(
        width=WIDTH - 80, height=height).to_dict(validate=False)


def choropleth(values: list[dict[str, Any]], topology: dict) -> dict:
    """The 31 provinces coloured by value; provinces without a value in grey.

    Rows: {"iso": "IR-01", "name": "گیلان", "value": 12.3 or None}.
    """
    known = [v["value"] for v in values if v["value"] is not None]
    # a missing value is drawn grey; it must not reach the colour scale (Vega-Lite would drop the mark's
    # label), so the scale reads `shade`, which is a number for every province, within a fixed domain
    rows = [{**v, "has": v["value"] is not None, "shade": v["value"] if v["value"] is not None else min(known),
             "text": _mark_text(v["name"], v["value"], "decimal") if v["value"] is not None
             else v["name"] + ": بدون داده یا پنهان"} for v in values]
    return _spec(_choropleth(min(known), max(known)), provinces=topology, rows=rows)


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
    return shapes.properties(width=WIDTH, height=290).to_dict(validate=False)
