"""vl-convert, the program that draws the charts: its config (Persian digits, the Vazirmatn fonts in
generator/charts/fonts, measured when text is laid out), and the worker processes that draw when many
charts are new, one per core, at a lower priority than the build. It may fetch nothing
(`allowed_base_urls=[]`).

`ProcessPoolExecutor.shutdown` waits for each worker to finish what it is doing, and has no public way to
stop them before Python 3.14; after a failure (or when a result is no longer wanted) that wait is only
delay, so `stop_now` terminates each worker first: the one place that reaches into a pool's processes (the
chart workers', and the audit's beside MkDocs).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from generator.lang.messages import t
from generator.model.errors import PortalError

FONTS = Path(__file__).parent / "fonts"
FORMAT_LOCALE = {"decimal": "\u066b", "thousands": "\u066c", "grouping": [3], "currency": ["", ""],
                 "numerals": list("۰۱۲۳۴۵۶۷۸۹"), "percent": "٪", "minus": "\u2212"}
CONFIG = {
    "font": "Vazirmatn",
    # room on the left beyond what vl-convert measures: a browser lays out the first rotated week label
    # («۳ شهریور», right to left) a little wider than vl-convert does, and the chart's box cut it off
    "padding": {"left": 16, "top": 5, "right": 5, "bottom": 5},

    "view": {"stroke": None},
    "axis": {"aria": False, "labelFontSize": 13, "titleFontSize": 13, "labelColor": "#222222",
             "titleColor": "#222222", "titleFontWeight": 600, "gridColor": "#e6e6e6", "domainColor": "#888888",
             "tickColor": "#888888",
             # no truncation: Vega measures every label once more to decide (a third of a chart's cost in
             # vl-convert), and none of these labels is near 120 px; the SVGs are byte-for-byte the same
             "labelLimit": 0},
    "legend": {"aria": False, "labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222222",
               "titleColor": "#222222", "labelLimit": 220},
    "title": {"aria": False, "fontSize": 13, "color": "#222222"},
    "header": {"labelFontSize": 12, "titleFontSize": 12},
    # Persian digits and separators in every number; given in the config rather than as vl-convert's
    # `format_locale` argument, which costs about 10 ms a chart (the same SVG bytes)
    "locale": {"number": FORMAT_LOCALE},
}


def fonts_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


class ChartError(PortalError):
    """A chart could not be rendered (a worker process died: out of memory, or killed)."""


def start_worker() -> None:
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))


# the smallest chart with text: vl-convert starts its JavaScript engine on its first chart (about 0.7 s)
_FIRST = {"data": {"values": [{"a": "الف", "b": 1}]}, "mark": "bar",
          "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}


WORKER_NICENESS = 10  # on Linux, a tenth of the CPU share of a normal process when both want a core


def start_pool_worker() -> None:
    """A worker process: vl-convert, started by drawing a first chart (so that a worker started ahead of
    time is ready to draw), and a watch that ends the worker if the build that started it is gone (killed
    rather than stopped), so no idle worker outlives its build. It runs at a lower priority: the charts
    are needed only once MkDocs has built the pages, and the page rendering and MkDocs come first."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    start_worker()
    render(_FIRST)
    # the pid of the process that started this one (not os.getppid() now: it may have died already)
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def result(future: Future) -> str:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ChartError(t("a chart worker process stopped before it finished (out of memory, or killed); run "
                           "the build again")) from exc


def render(spec: dict) -> str:
    """One chart in a worker process (or in this one): Vega-Lite → SVG, fetching nothing."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, config=CONFIG, allowed_base_urls=[])


def ready() -> None:
    """Nothing: the task that starts a worker ahead of time."""


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def stop_now(pool: ProcessPoolExecutor) -> None:
    """Terminate every worker of `pool`, then shut it down (queued tasks cancelled)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
