"""Altair takes tens of milliseconds to build a chart's Vega-Lite template, so charts/spec.py builds each
shape of chart once (functools.lru_cache) and adds the rows afterwards. An uncached builder is silent: the
charts are the same, only every build and every save in the preview is slower (a decorator moved onto the
wrong function once cost the preview half a second). So every function of the module that turns an Altair
chart into its dict is cached, and a second chart of the same shape is built from the cache."""

from __future__ import annotations

import ast
import inspect

from generator.charts import spec


def _builders() -> list[str]:
    """The module's functions whose own body calls `.to_dict(`: each builds a template with Altair."""
    tree = ast.parse(inspect.getsource(spec))
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            calls = [n for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                     and n.func.attr == "to_dict"]
            if calls:
                found.append(node.name)
    return found


def test_every_template_builder_is_cached() -> None:
    builders = _builders()
    assert {"_over_time", "_bars", "_stacked_bars", "_row_bars", "_choropleth"} <= set(builders)
    uncached = [name for name in builders if not hasattr(getattr(spec, name), "cache_info")]
    assert not uncached, f"charts/spec.py builds these templates with Altair on every call: {uncached}"


def test_a_second_chart_of_the_same_shape_reuses_its_template() -> None:
    rows = [("برنامهٔ ۱", "#08306b"), ("برنامهٔ ۲", "#d95f02")]
    values = [{"week": f"{d} مهر", "order": d, "panel": name, "value": 10 * d}
              for d in (1, 8, 15) for name, _ in rows]
    spec.row_bars(values, rows=rows)
    before = spec._row_bars.cache_info()
    again = spec.row_bars([{**v, "value": v["value"] + 1} for v in values], rows=rows)
    after = spec._row_bars.cache_info()
    assert after.hits == before.hits + 2 and after.misses == before.misses  # a phone's and a wide drawing
    assert again.phone["datasets"]["bars"][0]["value"] == 11  # the rows are the new chart's own
