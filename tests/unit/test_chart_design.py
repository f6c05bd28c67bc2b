"""Charts designed for a phone first (charts/spec.py): each drawn at the width of the column it is shown in,
values written on the marks where they fit, a hidden value shown as «×». Drawn by the real vl-convert; how
the page shows them (text size, clipping) is measured in Chromium (tests/browser/test_phone_reading.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.charts import spec as charts
from generator.charts.draw import ChartRenderer
from generator.lang.persian import format_number

_TEXT = re.compile(r"<text[^>]*>([^<]*)</text>")


@pytest.fixture(scope="module")
def draw(tmp_path_factory):
    renderer = ChartRenderer(tmp_path_factory.mktemp("charts"))
    return lambda spec: renderer.svg(spec, "t")


def _texts(svg: str) -> list[str]:
    return _TEXT.findall(svg)


def _width(svg: str) -> float:
    return float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))


def _weeks(n: int, value=lambda i: 10 * (i + 1)) -> list[dict]:
    return [{"week": f"{format_number(i + 1)} مهر", "order": i, "value": value(i)} for i in range(n)]


@pytest.mark.parametrize("make", [
    lambda: charts.over_time(_weeks(12), target=200),
    lambda: charts.bars([{"name": n, "value": v} for n, v in [("سیستان و بلوچستان", 1_234_567), ("قم", 3)]]),
    lambda: charts.stacked_bars([{"name": "گیلان", "series": "الف", "sorder": 0, "value": 5},
                                 {"name": "گیلان", "series": "ب", "sorder": 1, "value": 7}],
                                series=["الف", "ب"], colours=charts.PALETTE[:2]),
    lambda: charts.row_bars([{**w, "panel": "بستهٔ معیشتی"} for w in _weeks(30)], rows=[("بستهٔ معیشتی", "#08306b")]),
])
def test_each_chart_is_drawn_at_the_whole_width_of_its_column(draw, make) -> None:
    """Axes and labels included: what is drawn at 330 px is shown at about 330 px on a phone."""
    chart = make()
    assert [_width(draw(spec)) for spec in chart.specs] == [charts.PHONE, charts.WIDE]


def test_every_bar_carries_its_value_and_the_scale_leaves_room_for_the_longest(draw) -> None:
    values = [{"name": "سیستان و بلوچستان", "value": 1_234_567}, {"name": "قم", "value": 3},
              {"name": "ایلام", "value": 0}]
    chart = charts.bars(values)
    for spec in chart.specs:
        texts = _texts(draw(spec))
        assert {"۱٬۲۳۴٬۵۶۷", "۳", "۰"} <= set(texts), texts
        scale = spec["layer"][0]["encoding"]["x"]["scale"]["domain"][1]
        # the longest bar is shorter than the plot by at least its label's estimated width
        plot = spec["width"] - charts.PADDING - charts.text_px("سیستان و بلوچستان") - 10
        assert (1 - 1_234_567 / scale) * plot >= charts.text_px("۱٬۲۳۴٬۵۶۷", charts.LABEL_SIZE)


def test_a_stack_carries_its_total(draw) -> None:
    values = [{"name": "گیلان", "series": s, "sorder": i, "value": v}
              for i, (s, v) in enumerate([("الف", 5), ("ب", 7)])]
    values.append({"name": "قم", "series": "الف", "sorder": 0, "value": 40})
    chart = charts.stacked_bars(values, series=["الف", "ب"], colours=charts.PALETTE[:2])
    texts = _texts(draw(chart.phone))
    assert "۱۲" in texts and "۴۰" in texts and "۵" not in texts


def test_a_line_carries_its_newest_value_and_close_ends_are_labelled_once(draw) -> None:
    one = charts.over_time(_weeks(6), kind="percent")
    assert "۶۰٫۰٪" in _texts(draw(one.phone))
    series = [("الف", "#08306b", [1, 0]), ("ب", "#d95f02", [6, 3]), ("ج", "#c51b7d", [2, 2])]
    last = {"الف": 90, "ب": 88, "ج": 20}  # الف and ب end within a tenth of the scale of each other
    rows = [{**w, "series": s, "value": w["value"] if w["order"] < 5 else last[s]} for s in last for w in _weeks(6)]
    texts = _texts(draw(charts.over_time(rows, series=series).phone))
    assert "۹۰" in texts and "۲۰" in texts and "۸۸" not in texts


def test_columns_carry_their_values_where_each_fits_else_the_row_names_its_newest(draw) -> None:
    name = "بستهٔ معیشتی"
    few = charts.row_bars([{**w, "panel": name} for w in _weeks(6)], rows=[(name, "#08306b")])
    assert {format_number(10 * (i + 1)) for i in range(6)} <= set(_texts(draw(few.phone)))
    many = charts.row_bars([{**w, "panel": name, "value": 7000 + i} for i, w in enumerate(_weeks(20))],
                           rows=[(name, "#08306b")])
    for spec, svg in ((s, draw(s)) for s in many.specs):  # 20 four-digit labels fit in no column
        texts = _texts(svg)
        assert not [t for t in texts if t.startswith("۷٬")], spec["width"]
        assert f"\u2067{name} — ۲۰ مهر: ۷٬۰۱۹\u2069" in texts  # the newest value follows the row's name


def test_a_hidden_value_is_a_cross_on_its_row(draw) -> None:
    name = "دستگاه اکسیژن‌ساز"
    hidden = [{"week": w["week"], "order": w["order"], "panel": name} for w in _weeks(4)]
    chart = charts.row_bars([], rows=[(name, "#08306b")], hidden=hidden)
    texts = _texts(draw(chart.phone))
    assert texts.count("×") == 4 and name in texts


def test_text_estimate_is_generous_for_persian_digits_and_names() -> None:
    """The estimate decides where a label fits: it must not be less than what Vazirmatn draws (measured
    in Chromium with the site's font, canvas measureText, 2026-12-04)."""
    measured = {("۱٬۲۳۴٬۵۶۷", 12): 50.7, ("۸۸۸٬۸۸۸", 12): 45.5, ("۹۹٫۹٪", 12): 28.3,
                ("سیستان و بلوچستان", 13): 106.5, ("کهگیلویه و بویراحمد", 13): 101.4, ("آذربایجان شرقی", 13): 78.0}
    for (text, size), px in measured.items():
        assert charts.text_px(text, size) >= px, text


def test_renderer_cache_is_per_spec(tmp_path: Path) -> None:
    """The phone's and the wide column's drawings are two charts, cached apart."""
    chart = charts.bars([{"name": "گیلان", "value": 1}])
    renderer = ChartRenderer(tmp_path)
    assert renderer.key(chart.phone) != renderer.key(chart.wide)
