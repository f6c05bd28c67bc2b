"""Charts → static SVG at build time, with a cache keyed by a hash of everything that shapes the output
(the spec, the config, the locale, the fonts, vl-convert's version).

vl-convert runs Vega-Lite and Vega inside Python (about 0.8 s to start; then from a few milliseconds for a
small chart to a few tenths of a second for hundreds of marks). When many charts are new (a first build,
years of data), they are rendered by one worker process per core (workers.py); a few are rendered in this
process. Each SVG is tidied (svg.py) before it is kept in the cache.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import multiprocessing
import re
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from generator.charts import workers as vl
from generator.charts.font_subset import render_with_fonts
from generator.charts.svg import PLACEHOLDER, PLACEHOLDER_MARK, tidy
from generator.charts.workers import ChartError, stop_now
from generator.lang.messages import t


@dataclass
class ChartRenderer:
    """Renders charts once: from the cache when their key is there, otherwise with vl-convert: on every
    core, alongside the page rendering, when there are many (`prepare` … `close`), one by one otherwise.
    Its owner uses it as a context manager (`with ChartRenderer(…) as charts:`), which stops the workers
    however the block ends."""

    cache_dir: Path | None  # None: no cache (every chart is rendered)
    rendered: int = 0
    _reused: set[str] = field(default_factory=set, repr=False)  # keys read from the cache, each counted once
    workers: int = field(default_factory=vl.cpus)
    _started: bool = field(default=False, repr=False)
    _salt: str = field(default="", repr=False)
    _raw: dict[str, str] = field(default_factory=dict, repr=False)  # rendered in this build, by key
    _pending: dict[str, Future] = field(default_factory=dict, repr=False)  # being rendered by a worker
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)
    _keys: dict[int, tuple[dict, str]] = field(default_factory=dict, repr=False)  # id(spec) → (spec, key)
    _specs: dict[str, dict] = field(default_factory=dict, repr=False)  # key → spec, of each placeholder
    _alts: dict[str, str] = field(default_factory=dict, repr=False)  # placeholder's prefix → text alternative

    @property
    def reused(self) -> int:
        """How many charts came from the cache (each once, however many pages and images show it)."""
        return len(self._reused)

    def _salted(self) -> str:
        if not self._salt:
            self._salt = json.dumps([importlib.metadata.version("vl-convert-python"), vl.CONFIG, vl.FORMAT_LOCALE,
                                     vl.fonts_digest()], sort_keys=True, ensure_ascii=False)
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
                                   initializer=vl.start_pool_worker)

    def warm(self) -> None:
        """Start the workers now: each one's vl-convert takes about a second to start, and they start while
        this process reads and checks the data, on the cores it leaves idle. `prepare` gives them the
        charts to render, or stops them when there are none."""
        if self._pool is None and self.workers >= 2:
            self._pool = self._new_pool()
            for _ in range(self.workers):  # each task finds no idle worker, so each spawns one
                self._pool.submit(vl.ready)

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
            self._pending.update((key, self._pool.submit(render_with_fonts, spec, self.cache_dir))
                                 for key, spec in missing.items())
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
                self._keep(key, vl.result(self._pending.pop(key)))
            finished = keep
        finally:
            if self._pool is not None:
                if finished:
                    self._pool.shutdown(wait=True, cancel_futures=True)
                else:  # after a failure, do not wait for a worker still starting or drawing
                    stop_now(self._pool)
                self._pool = None
            self._pending.clear()

    def __enter__(self) -> ChartRenderer:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        """The one place the workers are stopped on every path: kept and finished when all went well,
        at once after a failure (its error matters, not the charts)."""
        self.close(keep=exc_type is None)

    def placeholder(self, spec: dict, prefix: str, alt: str = "") -> str:
        """What a page holds where the chart goes, until the built pages get their charts (charts/inline.py,
        or `fill` in the preview): the chart is rendered meanwhile, while MkDocs builds. `alt`: the chart's
        text alternative, for its `<img>` (`alt_of`)."""
        key = self.key(spec)
        self._specs[key] = spec
        if alt:
            self._alts[prefix] = alt
        return f"<!--{PLACEHOLDER_MARK}{prefix}:{key}-->"

    def alt_of(self, prefix: str) -> str:
        """The text alternative given with the placeholder of this prefix ("" if none was)."""
        return self._alts.get(prefix, "")

    def _known(self, key: str) -> None:
        if key not in self._specs:
            cached = self._cached(key)
            if key not in self._raw and key not in self._pending and not (cached and cached.exists()):
                raise ChartError(t("a page holds a chart that is neither drawn nor in the cache ({key}…): "
                                   "generate the pages again (portal build)", key=key[:12]))

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
        self._known(key)
        return self._svg(key, self._specs.get(key), prefix)

    def map(self, fn, items: list[tuple]) -> list:
        """`fn(*item)` for each item, in order: on the chart workers when there are enough items to share
        (images: charts/png.py; the workers are started for them if need be), in this process otherwise."""
        if len(items) < 8 or self.workers < 2:
            return [fn(*item) for item in items]
        if self._pool is None:
            self._pool = self._new_pool()
        try:
            futures = [self._pool.submit(fn, *item) for item in items]
        except BrokenProcessPool as exc:
            raise ChartError(t("a chart worker process stopped before it finished (out of memory, or killed); "
                               "run the build again")) from exc
        return [vl.result(f) for f in futures]

    def raw_svg(self, key: str) -> str:
        """The chart with this key as vl-convert drew it (not tidied: its own size and ids), for an image
        of it alone (charts/inline.py, charts/poster.py): drawn in this build, in the cache, or drawn now;
        ChartError if no placeholder of this build stands for it and the cache lacks it."""
        self._known(key)
        return self._drawn(key, self._specs.get(key))

    def svg(self, spec: dict, prefix: str) -> str:
        """The chart as an SVG string whose ids all start with `prefix`."""
        return self._svg(self.key(spec), spec, prefix)

    def _svg(self, key: str, spec: dict | None, prefix: str) -> str:
        return tidy(self._drawn(key, spec), prefix)

    def _drawn(self, key: str, spec: dict | None) -> str:
        cached = self._cached(key)
        if key in self._pending:
            self._keep(key, vl.result(self._pending.pop(key)))
        if key in self._raw:
            return self._raw[key]
        if cached and cached.exists():
            self._reused.add(key)
            return cached.read_text(encoding="utf-8")
        if not self._started:
            vl.start_worker()
            self._started = True
        raw = vl.render(spec)
        self._keep(key, raw)
        return raw


# where a chart goes in a page until the built page gets it: <!--portal-chart:PREFIX:KEY-->; no text from the
# data can make one (templates escape every «<»)
