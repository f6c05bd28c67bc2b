"""Charts → static SVG at build time, with a cache keyed by a hash of everything that shapes the output
(the spec, the config, the locale, the fonts, vl-convert's version).

vl-convert runs Vega-Lite and Vega inside Python (about 0.8 s to start; then from a few milliseconds for a
small chart to a few tenths of a second for hundreds of marks). When many charts are new (a first build,
years of data), they are rendered by one worker process per core; a few are rendered in this process. It
measures text with the Vazirmatn files in generator/charts/fonts (the page shows the SVG's text in the same font,
self-hosted), and may fetch nothing (`allowed_base_urls=[]`). The SVG is post-processed to be inlined
many times on one page: ids get the figure's prefix, coordinates are rounded, and the root element
carries no size of its own (CSS scales it to the column).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import multiprocessing
import os
import re
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from generator.charts.workers import stop_now
from generator.lang.messages import t

FONTS = Path(__file__).parent / "fonts"
FORMAT_LOCALE = {"decimal": "\u066b", "thousands": "\u066c", "grouping": [3], "currency": ["", ""],
                 "numerals": list("۰۱۲۳۴۵۶۷۸۹"), "percent": "٪", "minus": "\u2212"}
CONFIG = {
    "font": "Vazirmatn",

    "view": {"stroke": None},
    "axis": {"aria": False, "labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222222",
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


def _fonts_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


class ChartError(ValueError):
    """A chart could not be rendered (a worker process died: out of memory, or killed)."""


def _start_worker() -> None:
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))


# the smallest chart with text: vl-convert starts its JavaScript engine on its first chart (about 0.7 s)
_FIRST = {"data": {"values": [{"a": "الف", "b": 1}]}, "mark": "bar",
          "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}


WORKER_NICENESS = 10  # on Linux, a tenth of the CPU share of a normal process when both want a core


def _start_pool_worker() -> None:
    """A worker process: vl-convert, started by drawing a first chart (so that a worker started ahead of
    time is ready to draw), and a watch that ends the worker if the build that started it is gone (killed
    rather than stopped), so no idle worker outlives its build. It runs at a lower priority: the charts
    are needed only once MkDocs has built the pages, and the page rendering and MkDocs come first."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    _start_worker()
    _render(_FIRST)
    # the pid of the process that started this one (not os.getppid() now: it may have died already)
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _result(future: Future) -> str:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ChartError(t("a chart worker process stopped before it finished (out of memory, or killed); run "
                           "the build again")) from exc


def _render(spec: dict) -> str:
    """One chart in a worker process (or in this one): Vega-Lite → SVG, fetching nothing."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, config=CONFIG, allowed_base_urls=[])


def _ready() -> None:
    """Nothing: the task that starts a worker ahead of time."""


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class ChartRenderer:
    """Renders charts once: from the cache when their key is there, otherwise with vl-convert: on every
    core, alongside the page rendering, when there are many (`prepare` … `close`), one by one otherwise."""

    cache_dir: Path | None  # None: no cache (every chart is rendered)
    rendered: int = 0
    reused: int = 0
    workers: int = field(default_factory=_cpus)
    _started: bool = field(default=False, repr=False)
    _salt: str = field(default="", repr=False)
    _raw: dict[str, str] = field(default_factory=dict, repr=False)  # rendered in this build, by key
    _pending: dict[str, Future] = field(default_factory=dict, repr=False)  # being rendered by a worker
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)
    _keys: dict[int, tuple[dict, str]] = field(default_factory=dict, repr=False)  # id(spec) → (spec, key)
    _specs: dict[str, dict] = field(default_factory=dict, repr=False)  # key → spec, of each placeholder

    def _salted(self) -> str:
        if not self._salt:
            self._salt = json.dumps([importlib.metadata.version("vl-convert-python"), CONFIG, FORMAT_LOCALE,
                                     _fonts_digest()], sort_keys=True, ensure_ascii=False)
        return self._salt

    def key(self, spec: dict) -> str:
        known = self._keys.get(id(spec))
        if known and known[0] is spec:  # prepare() and svg() both ask: serialise each spec once
            return known[1]
        text = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        key = hashlib.sha256((self._salted() + text).encode("utf-8")).hexdigest()
        self._keys[id(spec)] = (spec, key)
        return key

    def _cached(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.svg" if self.cache_dir else None

    def _keep(self, key: str, raw: str) -> None:
        self._raw[key] = raw
        self.rendered += 1
        cached = self._cached(key)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(raw, encoding="utf-8")
            tmp.replace(cached)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_pool_worker)

    def warm(self) -> None:
        """Start the workers now: each one's vl-convert takes about a second to start, and they start while
        this process reads and checks the data, on the cores it leaves idle. `prepare` gives them the
        charts to render, or stops them when there are none."""
        if self._pool is None and self.workers >= 2:
            self._pool = self._new_pool()
            for _ in range(self.workers):  # each task finds no idle worker, so each spawns one
                self._pool.submit(_ready)

    def prepare(self, specs: list[dict]) -> None:
        """Start rendering every spec not in the cache, spread over worker processes (each starts its own
        vl-convert, about a second), in the order given: `svg` then waits for each chart as a page needs
        it, while the workers go on with the next ones. Call `close` when done."""
        missing: dict[str, dict] = {}
        for spec in specs:
            key = self.key(spec)
            cached = self._cached(key)
            if key not in self._raw and key not in self._pending and not (cached and cached.exists()):
                missing.setdefault(key, spec)
        if self._pool is None:
            if min(self.workers, len(missing) // 8) < 2:
                return  # few charts: svg() renders them in this process
            self._pool = self._new_pool()
        elif not missing:  # warmed up for nothing: every chart is in the cache
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            return
        try:
            self._pending.update((key, self._pool.submit(_render, spec)) for key, spec in missing.items())
        except BrokenProcessPool as exc:  # the warmed-up worker could not start
            raise ChartError(t("a chart worker process could not start (out of memory, or killed); run the "
                               "build again")) from exc

    def close(self, keep: bool = True) -> None:
        """Stop the workers: after keeping what they are still rendering and drawing every chart a
        placeholder stands for that is not drawn yet (`keep`: then every chart of the pages is in the
        cache), or at once (when the build has already failed, its error matters, not the charts)."""
        finished = False
        try:
            if keep:
                for key, spec in self._specs.items():
                    cached = self._cached(key)
                    if key not in self._raw and not (cached and cached.exists()):
                        self._drawn(key, spec)
            while keep and self._pending:
                key = next(iter(self._pending))
                self._keep(key, _result(self._pending.pop(key)))
            finished = keep
        finally:
            if self._pool is not None:
                if finished:
                    self._pool.shutdown(wait=True, cancel_futures=True)
                else:  # after a failure, do not wait for a worker still starting or drawing
                    stop_now(self._pool)
                self._pool = None
            self._pending.clear()

    def placeholder(self, spec: dict, prefix: str) -> str:
        """What a page holds where the chart goes, until the built pages get their charts (`fill`): the
        chart is rendered meanwhile, while MkDocs builds (chart_inline.py)."""
        key = self.key(spec)
        self._specs[key] = spec
        return f"<!--{PLACEHOLDER_MARK}{prefix}:{key}-->"

    def fill(self, html: str, missing_ok: bool = False) -> str:
        """`html` with each placeholder replaced by its chart, waiting for it if a worker is drawing it. A
        chart that cannot be had raises ChartError, or (`missing_ok`) keeps its placeholder."""
        def chart(m: re.Match) -> str:
            try:
                return self.svg_of(m.group(2), m.group(1))
            except (ChartError, OSError):
                if missing_ok:
                    return m.group(0)
                raise

        return PLACEHOLDER.sub(chart, html)

    def svg_of(self, key: str, prefix: str) -> str:
        """The SVG of the chart with this key: drawn in this build, in the cache, or drawn now."""
        spec = self._specs.get(key)
        if spec is None:
            cached = self._cached(key)
            if key not in self._raw and key not in self._pending and not (cached and cached.exists()):
                raise ChartError(t("a page holds a chart that is neither drawn nor in the cache ({key}…): "
                                   "generate the pages again (portal build)", key=key[:12]))
        return self._svg(key, spec, prefix)

    def svg(self, spec: dict, prefix: str) -> str:
        """The chart as an SVG string whose ids all start with `prefix`."""
        return self._svg(self.key(spec), spec, prefix)

    def _svg(self, key: str, spec: dict | None, prefix: str) -> str:
        return tidy(self._drawn(key, spec), prefix)

    def _drawn(self, key: str, spec: dict | None) -> str:
        cached = self._cached(key)
        if key in self._pending:
            self._keep(key, _result(self._pending.pop(key)))
        if key in self._raw:
            return self._raw[key]
        if cached and cached.exists():
            self.reused += 1
            return cached.read_text(encoding="utf-8")
        if not self._started:
            _start_worker()
            self._started = True
        raw = _render(spec)
        self._keep(key, raw)
        return raw


# where a chart goes in a page until the built page gets it: <!--portal-chart:PREFIX:KEY-->; no text from the
# data can make one (templates escape every «<»)
PLACEHOLDER_MARK = "portal-chart:"
PLACEHOLDER = re.compile(r"<!--portal-chart:([A-Za-z0-9_.-]+):([0-9a-f]{64})-->")
# the digits after a coordinate's first decimal (ASCII only: `\d` would match Persian digits too)
_EXTRA_DIGITS = re.compile(r"(?<=[0-9]\.[0-9])[0-9]+")
# vl-convert writes each attribute after a space: a literal start lets `re` jump ahead (\bid= tries every byte)
_ID = re.compile(r' id="([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'href="#([^"]+)"')
_TITLE_LABEL = re.compile(r'(aria-roledescription="title") aria-label="[^"]*"')
_PATH = re.compile(r' d="([^"]*)"')
_SIZE = re.compile(r'<svg ([^>]*?)\swidth="([\d.]+)" height="[\d.]+"')
_WHITE = re.compile(r'<rect width="[\d.]+" height="[\d.]+" fill="white"/>')


def tidy(svg: str, prefix: str) -> str:
    """Make an SVG fit to inline: unique ids, rounded coordinates, one line, no fixed size, no white box."""
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
    svg = _PATH.sub(_round_path, svg)
    # the column decides the width; a chart is never drawn more than a quarter larger than its own size
    size = _SIZE.search(svg)
    limit = f' style="max-width: {round(float(size.group(2)) * 1.25)}px"' if size else ""
    svg = _SIZE.sub(lambda m: "<svg " + m.group(1) + limit, svg, count=1)
    svg = _WHITE.sub("", svg, count=1)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _round_path(m: re.Match) -> str:
    """A path's coordinates to one decimal place, cut rather than rounded («12.3456» → «12.3»): one
    substitution in C for the hundreds of thousands of numbers of a national build, a tenth of a pixel at
    most."""
    d = m.group(1)
    # a plain deletion: a template such as r"\1" would call back into Python for every number
    return ' d="' + _EXTRA_DIGITS.sub("", d) + '"' if "." in d else m.group(0)
