"""Vega-Lite chart specs (built with Altair) that are right in Persian and on a right-to-left page.

- Numbers: every number is formatted by d3 with the Persian locale given at render time (chart_render.py),
  so axes, legends and the marks' labels use ۰-۹, ٬ and ٫.
- Time: Vega's time scales are Gregorian only, so time axes are ordinal, with Jalali labels («۳ شهریور»)
  sorted by date; time still runs left to right, as in Iranian statistical publications.
- Direction: value axes stand on the right, where a right-to-left reader starts; horizontal bars grow
  from the right, with their category labels on the right.
- Marks carry a `description` (their aria-label in the SVG) with the figure's label and value: the text
  alternative of each mark, and what the tests compare with the table.
- Colours: a palette whose colours differ in lightness (readable in greyscale); lines also differ in dash
  pattern; the map's colours darken monotonically and provinces without data are white with a grey edge.
- Keys: Vega's legends are laid out left to right, so charts have none; the figure block shows an HTML key
  (figures.Key) with the same colours, laid out right to left by the page.

Each function takes rows already in the shape the chart needs (JSON-safe dicts) and returns a spec dict.
"""

from __future__ import annotations

from typing import Any

import altair as alt
from altair.utils.schemapi import disable_debug_mode

# Altair validates every object against the Vega-Lite schema as it is built, which costs more than
# rendering the chart; specs are validated once in the tests instead (test_figures.py).
disable_debug_mode()
PALETTE = ["#08306b", "#d95f02", "#c51b7d", "#9ecae1"]  # relative luminance 0.03, 0.23, 0.14, 0.55
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]
COUNTRY = "#8c8c8c"  # the whole country, beside a province
MAP_RANGE = ["#d4e85c", "#6ece58", "#1f9e89", "#31688e", "#440154"]  # light (low) to dark (high)
NO_DATA_EDGE = "#8c8c8c"
WIDTH = 340  # the plot area; pages scale the SVG to the column (phones first)

_FORMATS = {"int": ",d", "decimal": ",.1f", "percent": ",.1f"}  # marks: as the table shows them
_AXIS_FORMATS = {"int": ",d", "decimal": ",.1~f", "percent": ",.1~f"}  # ticks: no trailing ٫۰


def _spec(chart: alt.TopLevelMixin, **datasets: Any) -> dict:
    """The chart's Vega-Lite dict, with its rows as top-level named datasets: Altair deep-copies inline
    rows as it builds the dict, which costs more than the rest of the spec at years of weeks."""
    spec = chart.to_dict(validate=False)
    spec["datasets"] = datasets
    return spec


def _label_expr(label: str, value: str, kind: str) -> str:
    suffix = " + '٪'" if kind == "percent" else ""
    return f"datum['{label}'] + ': ' + format(datum['{value}'], '{_FORMATS[kind]}'){suffix}"


def _value_axis(title: str, kind: str) -> alt.Axis:
    """On the right; its title written level above it (a rotated Persian title is hard to read)."""
    extra = {"labelExpr": "datum.label + '٪'"} if kind == "percent" else {}
    return alt.Axis(title=title, orient="right", format=_AXIS_FORMATS[kind], tickCount=5, titleAngle=0,
                    titleAlign="right", titleBaseline="bottom", titleX=40, titleY=-8, **extra)


def _time_axis(title: str) -> alt.Axis:
    """Weeks as Jalali labels; with years of weeks, labels that would overlap are left out."""
    return alt.Axis(title=title, labelAngle=-40, labelAlign="right", labelBaseline="middle", labelOverlap="greedy",
                    labelSeparation=4)


def over_time(values: list[dict[str, Any]], *, value_title: str, kind: str = "int",
              series: list[tuple[str, str, list[int]]] | None = None, target: int | None = None,
              target_label: str = "", time_title: str = "هفتهٔ منتهی به") -> dict:
    """A line over weeks (one line per series: name, colour, dash), with an optional target line.

    Rows: {"week": "۳ شهریور", "order": 1, "value": 42[, "series": "…"]}.
    """
    x = alt.X("week:O", sort=alt.EncodingSortField("order"), axis=_time_axis(time_title))
    y = alt.Y("value:Q", axis=_value_axis(value_title, kind), scale=alt.Scale(zero=True))
    base = alt.Chart(alt.NamedData("rows")).transform_calculate(
        label="datum.week" + (" + ' — ' + datum.series" if series else ""))
    enc: dict[str, Any] = {"x": x, "y": y}
    if series:
        domain = [name for name, _, _ in series]
        colours = alt.Scale(domain=domain, range=[colour for _, colour, _ in series])
        enc["color"] = alt.Color("series:N", scale=colours, legend=None)
        enc["strokeDash"] = alt.StrokeDash("series:N", scale=alt.Scale(domain=domain, range=[d for *_, d in series]),
                                           legend=None)
    line = base.mark_line(strokeWidth=2.5, color=PALETTE[0], aria=False).encode(**enc)
    point_enc = {k: v for k, v in enc.items() if k != "strokeDash"}
    if series:
        point_enc["color"] = alt.Color("series:N", scale=colours, legend=None)
    points = base.mark_point(filled=True, size=40, color=PALETTE[0]).encode(
        **point_enc,
        description=alt.Description("text:N")).transform_calculate(text=_label_expr("label", "value", kind))
    layers = [line, points]
    if target is not None:
        rule_data = alt.NamedData("target")
        layers.append(alt.Chart(rule_data).mark_rule(color=PALETTE[2], strokeDash=[6, 4], strokeWidth=2, aria=False)
                      .encode(y="target:Q"))
        layers.append(alt.Chart(rule_data).mark_text(align="left", dx=4, dy=-8, color=PALETTE[2], fontSize=12,
                                                     aria=False)
                      .encode(y="target:Q", x=alt.value(0), text="text:N"))
    chart = alt.layer(*layers).properties(width=WIDTH, height=200)
    if target is None:
        return _spec(chart, rows=values)
    return _spec(chart, rows=values, target=[{"target": target, "text": target_label}])


def bars(values: list[dict[str, Any]], *, value_title: str, kind: str = "int") -> dict:
    """Horizontal bars, largest first, growing from the right. Rows: {"name": "گیلان", "value": 42}."""
    height = max(80, 18 * len(values))
    return _spec(alt.Chart(alt.NamedData("rows")).mark_bar(color=PALETTE[0]).encode(
        y=alt.Y("name:N", sort="-x", axis=alt.Axis(title=None, orient="right")),
        x=alt.X("value:Q", scale=alt.Scale(reverse=True, zero=True),
                axis=alt.Axis(title=value_title, format=_AXIS_FORMATS[kind], tickCount=4)),
        description=alt.Description("text:N"),
    ).transform_calculate(text=_label_expr("name", "value", kind)).properties(
        width=WIDTH - 80, height=height), rows=values)


def paired_bars(values: list[dict[str, Any]], *, value_title: str, groups: list[str], colours: list[str],
                kind: str = "decimal") -> dict:
    """One small panel per category (per programme), each with a bar per group (a province and the
    country) on its own scale, since programmes count very different things.

    Rows: {"name": "بستهٔ معیشتی", "group": "گیلان", "value": 2255.4}.
    """
    panels, datasets = [], {}
    names = list(dict.fromkeys(v["name"] for v in values))
    for i, name in enumerate(names):
        datasets[f"panel{i}"] = [v for v in values if v["name"] == name]
        panels.append(alt.Chart(alt.NamedData(f"panel{i}"), title=alt.Title(name, anchor="end", fontSize=12))
                      .mark_bar().encode(
            y=alt.Y("group:N", sort=groups, axis=alt.Axis(title=None, orient="right")),
            x=alt.X("value:Q", scale=alt.Scale(reverse=True, zero=True),
                    axis=alt.Axis(title=value_title if i == len(names) - 1 else None, format=_AXIS_FORMATS[kind],
                                  tickCount=4)),
            color=alt.Color("group:N", sort=groups, scale=alt.Scale(domain=groups, range=colours), legend=None),
            description=alt.Description("text:N"),
        ).transform_calculate(text="datum.name + ' — ' + " + _label_expr("group", "value", kind)).properties(
            width=WIDTH - 80, height=alt.Step(16)))
    return _spec(alt.vconcat(*panels, spacing=10), **datasets)


def independent_panels(values: list[dict[str, Any]], *, panels: list[tuple[str, str]],
                       time_title: str = "هفتهٔ منتهی به") -> dict:
    """One small bar chart over weeks per panel (per programme), each with its own scale.

    Panels: (name, colour). Rows: {"week": "۳ شهریور", "order": 1, "panel": "دستگاه اکسیژن‌ساز", "value": 4}.
    """
    charts, datasets = [], {}
    for i, (panel, colour) in enumerate(panels):
        datasets[f"panel{i}"] = [v for v in values if v["panel"] == panel]
        charts.append(alt.Chart(alt.NamedData(f"panel{i}"), title=alt.Title(panel, anchor="end", fontSize=12))
                      .mark_bar(color=colour).encode(
            x=alt.X("week:O", sort=alt.EncodingSortField("order"),
                    axis=_time_axis(time_title) if i == len(panels) - 1 else alt.Axis(title=None, labels=False)),
            y=alt.Y("value:Q", axis=alt.Axis(title=None, orient="right", format=",d", tickCount=3)),
            description=alt.Description("text:N"),
        ).transform_calculate(text="datum.panel + ' — ' + " + _label_expr("week", "value", "int"))
                      .properties(width=WIDTH, height=80))
    return _spec(alt.vconcat(*charts, spacing=14), **datasets)


def stacked_bars(values: list[dict[str, Any]], *, series: list[str], colours: list[str], value_title: str) -> dict:
    """Horizontal stacked bars per category. Rows: {"name": "گیلان", "series": "مرکز تزریق واکسن", "value": 10}."""
    names = {v["name"] for v in values}
    return _spec(alt.Chart(alt.NamedData("rows")).mark_bar(stroke="white", strokeWidth=0.5).encode(
        y=alt.Y("name:N", sort="-x", axis=alt.Axis(title=None, orient="right")),
        x=alt.X("sum(value):Q", scale=alt.Scale(reverse=True), axis=alt.Axis(title=value_title, format=",d")),
        color=alt.Color("series:N", sort=series, scale=alt.Scale(domain=series, range=colours), legend=None),
        order=alt.Order("sorder:Q"),
        description=alt.Description("text:N"),
    ).transform_calculate(text="datum.name + ' — ' + " + _label_expr("series", "value", "int")).properties(
        width=WIDTH - 80, height=max(80, 18 * len(names))), rows=values)


def choropleth(values: list[dict[str, Any]], topology: dict) -> dict:
    """The 31 provinces coloured by value; provinces without a value in grey.

    Rows: {"iso": "IR-01", "name": "گیلان", "value": 12.3 or None}.
    """
    known = [v["value"] for v in values if v["value"] is not None]
    # a missing value is drawn grey; it must not reach the colour scale (Vega-Lite would drop the mark's
    # label), so the scale reads `shade`, which is a number for every province, within a fixed domain
    rows = [{**v, "has": v["value"] is not None, "shade": v["value"] if v["value"] is not None else min(known)}
            for v in values]
    geo = alt.NamedData("provinces", format=alt.DataFormat(type="topojson", feature="provinces"))
    lookup = alt.LookupData(alt.NamedData("rows"), "iso", ["name", "value", "has", "shade"])
    shapes = alt.Chart(geo).mark_geoshape(strokeWidth=0.6).transform_lookup(
        lookup="id", from_=lookup).transform_calculate(
        text="datum.has ? " + _label_expr("name", "value", "decimal") + " : datum.name + ': بدون داده'",
    ).encode(
        color=alt.condition("!datum.has", alt.value("white"), alt.Color(
            "shade:Q", scale=alt.Scale(range=MAP_RANGE, domain=[min(known), max(known)]), legend=None)),
        stroke=alt.condition("!datum.has", alt.value(NO_DATA_EDGE), alt.value("white")),
        description=alt.Description("text:N"),
    ).project(type="mercator")
    return _spec(shapes.properties(width=WIDTH, height=290), provinces=topology, rows=rows)
