"""Figures: the downloads carry the rows; charts render to inline-ready SVG, once per spec."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from generator.charts import spec as charts
from generator.charts.draw import ChartRenderer
from generator.charts.svg import tidy
from generator.lang.jalali import JDate
from generator.model.figures import DATE, INT, PERCENT, TEXT, Column, Figure, as_csv, as_json


def _figure(synthetic: bool = True) -> Figure:
    rows = ({"week": JDate(1400, 6, 3), "n": 1200, "p": 12.5, "name": "گیلان"},
            {"week": JDate(1400, 6, 10), "n": 0, "p": None, "name": "کرمان"})
    return Figure(id="t", title_fa="آزمون", columns=(Column("week", "هفته", DATE), Column("n", "شمار", INT),
                                                     Column("p", "درصد", PERCENT), Column("name", "استان", TEXT)),
                  rows=rows, chart={}, plotted=("n",), alt_fa="", source_fa="منبع", definition_fa="تعریف",
                  updated=JDate(1400, 6, 10), synthetic_rows=(True, False) if synthetic else ())


def test_csv_is_excel_friendly_and_carries_the_rows() -> None:
    text = as_csv(_figure())
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows == [["هفته", "شمار", "درصد", "استان", "ساختگی"],
                    ["1400-06-03", "1200", "12.5", "گیلان", "بله"],
                    ["1400-06-10", "0", "", "کرمان", "خیر"]]
    assert "ساختگی" not in as_csv(_figure(synthetic=False))


def test_json_names_columns_and_what_the_chart_plots() -> None:
    doc = json.loads(as_json(_figure()))
    assert doc["plotted"] == ["n"] and doc["updated"] == "1400-06-10" and doc["synthetic"] is True
    assert doc["columns"][2] == {"key": "p", "label": "درصد", "type": "percent"}
    assert doc["rows"][0] == {"week": "1400-06-03", "n": 1200, "p": 12.5, "name": "گیلان", "synthetic": True}
    assert doc["rows"][1]["p"] is None


def test_tidy_makes_ids_unique_and_the_svg_scalable() -> None:
    raw = ('<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="354" height="244" viewBox="0 0 354 244">'
           '<rect width="354" height="244" fill="white"/><defs><clipPath id="clip1"><rect/></clipPath></defs>'
           '<g clip-path="url(#clip1)"><path d="M1.23456,2.0001L3.96,4"/></g></svg>')
    out = tidy(raw, "fig-a")
    assert 'id="fig-a-1"' in out and "url(#fig-a-1)" in out
    assert 'width="354"' not in out and 'viewBox="0 0 354 244"' in out and 'fill="white"' not in out
    assert 'd="M1.2,2.0L3.9,4"' in out  # one decimal place (cut, not rounded) is enough at this size
    assert out.startswith('<svg aria-hidden="true" focusable="false" ')


def test_renderer_renders_each_spec_once_and_in_persian(tmp_path: Path) -> None:
    spec = charts.bars([{"name": "گیلان", "value": 1200}, {"name": "کرمان", "value": 30}]).phone
    renderer = ChartRenderer(tmp_path / "cache")
    first = renderer.svg(spec, "a")
    again = ChartRenderer(tmp_path / "cache").svg(spec, "a")
    assert renderer.rendered == 1 and first == again
    other = ChartRenderer(tmp_path / "cache")
    other.svg(spec, "b")
    assert (other.rendered, other.reused) == (0, 1)
    labels = re.findall(r'aria-label="([^"]*)"', first)
    assert "۱٬۲۰۰" in labels and "۳۰" in labels  # each bar's number, as the table writes it
    assert not re.search(r">[^<]*[0-9][^<]*</text>", first)  # no Latin digit in any text of the chart
    assert 'font-family="Vazirmatn"' in first


def test_charts_are_laid_out_for_right_to_left_readers() -> None:
    for line in charts.over_time([{"week": "۳ شهریور", "order": 0, "value": 1}]).specs:
        layer = line["layer"][0]["encoding"]
        assert layer["y"]["axis"]["orient"] == "right"
        assert layer["x"]["type"] == "ordinal" and layer["x"]["sort"] == {"field": "order"}
    for spec in charts.bars([{"name": "گیلان", "value": 1}]).specs:
        bar = spec["layer"][0]["encoding"]
        assert bar["x"]["scale"]["reverse"] is True and bar["y"]["axis"]["orient"] == "right"


def test_every_chart_spec_of_the_example_site_is_valid_vega_lite() -> None:
    """The build skips Altair's schema validation for speed; this is where it happens."""
    import jsonschema
    from altair.vegalite.v6.schema import load_schema

    from generator.aggregate.tracker import track
    from generator.pipeline import Project, plan, summarise
    from helpers import ROOT

    project = Project.at(ROOT)
    checked, agg, _ = summarise(project)
    validator = jsonschema.Draft7Validator(load_schema())
    planned = plan(project, checked.dataset, agg, track(checked.dataset, agg))
    figures = [f for page in planned for f in page.figures if f.chart]
    assert len(figures) >= 50
    for fig in figures:
        phone = fig.chart.specs[0]
        whole = phone["width"] + sum(phone.get("padding", {}).get(side, 0) for side in ("left", "right"))
        assert whole == (charts.MAP if fig.chart.wide is None else charts.PHONE), fig.id
        for spec in fig.chart.specs:
            errors = list(validator.iter_errors(spec))
            assert not errors, f"{fig.id}: {errors[0].message[:300]}"


def _with_weeks(weeks: int):
    """The example data with its deliveries replaced by `weeks` weeks of one programme in one province."""
    import dataclasses

    import pandas as pd

    from generator.aggregate.totals import aggregate
    from generator.pipeline import Project, check
    from helpers import ROOT

    ds = check(Project.at(ROOT)).dataset
    iso = [JDate(1400, 5, 27).plus_days(7 * i).iso for i in range(weeks)]
    frame = pd.DataFrame({"week": iso, "province": "IR-01", "county": "", "programme": "oxygen-concentrators",
                          "quantity": range(1, weeks + 1), "synthetic": True, "note_fa": ""})
    agg = aggregate(dataclasses.replace(ds, deliveries=frame))
    return frame, agg, agg.programmes["oxygen-concentrators"]


def test_a_year_of_weeks_is_shown_week_by_week_and_a_longer_series_by_month() -> None:
    from generator.aggregate.totals import WEEKLY_UP_TO
    from generator.lang.jalali import JMonth
    from generator.model.figures import MONTH
    from generator.pages.figures import programme_over_time

    _, agg, stats = _with_weeks(WEEKLY_UP_TO)
    short = programme_over_time(stats, agg)
    assert not agg.monthly and short.columns[0].kind == DATE and len(short.rows) == WEEKLY_UP_TO

    frame, agg, stats = _with_weeks(WEEKLY_UP_TO + 7)
    fig = programme_over_time(stats, agg)
    assert agg.monthly and fig.columns[0].kind == MONTH and fig.columns[0].label_fa == "ماه"
    months = [row["month"] for row in fig.rows]
    assert months == sorted(set(months)) and months[0] == JMonth(1400, 5)
    # each month: the sum of its weeks, and the running total at its last week
    running = 0
    for row in fig.rows:
        in_month = frame[frame.week.str.startswith(row["month"].iso)]
        running += int(in_month.quantity.sum())
        assert row["delivered"] == int(in_month.quantity.sum())
        assert row["cumulative"] == running
    assert fig.rows[-1]["cumulative"] == stats.delivered == int(frame.quantity.sum())
    # the province's series is by month too, the same periods
    assert [w.period for w in agg.provinces["IR-01"].weekly] == months
    # the chart plots exactly the table's running totals, labelled by month
    plotted = fig.chart.phone["datasets"]["rows"]
    assert fig.chart.wide["datasets"]["rows"] == plotted
    assert [v["value"] for v in plotted] == [row["cumulative"] for row in fig.rows]
    assert plotted[0]["week"] == "\u2067مرداد ۱۴۰۰\u2069"
    assert json.loads(as_json(fig))["rows"][0]["month"] == "1400-05"


def test_chart_workers_stop_when_the_build_fails(tmp_path: Path) -> None:
    """A failing page stops the workers at once, with the page's error, and leaves no process behind."""
    import multiprocessing

    from generator.model.page import Page
    from generator.render.markdown import render

    specs = [charts.bars([{"name": f"استان {i}", "value": i + 1}]).phone for i in range(20)]
    renderer = ChartRenderer(tmp_path / "cache", workers=2)
    renderer.prepare(specs)
    assert renderer._pool is not None and len(renderer._pending) == 20  # the workers have the charts
    renderer.close(keep=False)
    assert renderer._pool is None and not multiprocessing.active_children()

    import dataclasses

    from generator.model.figures import ChartSpecs

    figures = {f"f{i}": dataclasses.replace(_figure(), id=f"f{i}", chart=ChartSpecs(spec))
               for i, spec in enumerate(specs)}
    context = dataclasses.make_dataclass("Context", [(name, Figure) for name in figures])(**figures)
    renderer = ChartRenderer(tmp_path / "cache2", workers=2)
    empty = dataclasses.make_dataclass("Empty", [])()
    pages = [Page("charts.md", "home.md.j2", "charts", context),  # twenty new charts for the workers
             Page("x.md", "missing-template.md.j2", "x", empty)]  # rendered first (no figures), and fails
    try:
        with renderer:  # its owner's block: the workers stop however it ends
            render(pages, {}, renderer)
    except Exception as exc:  # the template's own error, not a chart's
        assert "missing-template" in str(exc)
    else:
        raise AssertionError("the render should fail")
    assert renderer.rendered < 20  # it did not wait for every chart
    assert renderer._pool is None and not multiprocessing.active_children()


def test_a_killed_chart_worker_is_a_clear_error(tmp_path: Path) -> None:
    import os
    import signal

    import pytest

    from generator.charts.workers import ChartError

    specs = [charts.bars([{"name": f"استان {i}", "value": i + 1}]).phone for i in range(20)]
    renderer = ChartRenderer(tmp_path / "cache", workers=2)
    renderer.prepare(specs)
    for pid in list(renderer._pool._processes):
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(ChartError, match="worker process stopped"):
        for spec in specs:
            renderer.svg(spec, "x")
    renderer.close(keep=False)


def test_chart_workers_end_when_their_build_is_killed() -> None:
    import os
    import subprocess
    import sys
    import time

    from helpers import ROOT

    script = ("import time\nfrom generator.charts import spec as charts\n"
              "from generator.charts.draw import ChartRenderer\n"
              "r = ChartRenderer(None, workers=2)\n"
              "r.prepare([charts.bars([{'name': f'x{i}', 'value': i + 1}]).phone for i in range(40)])\n"
              "print(' '.join(str(p) for p in r._pool._processes), flush=True)\ntime.sleep(120)\n")
    build = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in build.stdout.readline().split()]
    assert len(pids) == 2
    build.kill()  # SIGKILL: no chance to stop its workers itself
    build.wait()

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        # a zombie (ended, not yet reaped by its new parent) counts as ended
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"

    deadline = time.monotonic() + 20
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in pids)


def test_a_time_axis_labels_the_newest_period_however_long_the_series() -> None:
    """Counted back from the latest: the newest week is labelled, on a short series and on a long one."""
    from generator.charts.spec import TIME_LABELS, _time_labels

    for n in (1, 5, 9, 10, 11, 13, 14, 52, 260):
        values = [{"order": i, "week": f"w{i}"} for i in range(n)]
        for most in TIME_LABELS.values():
            shown = _time_labels(values, most)
            assert shown[-1] == f"w{n - 1}" and len(shown) <= most, (n, shown)
            assert n > most or len(shown) == n  # a short series: every period
