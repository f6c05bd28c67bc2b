"""Build the synthetic national site at several scales and print, per stage, time and peak memory.

    .venv/bin/python -m benchmarks.run [--scales 0.25 0.5 1] [--repeat 3] [--work DIR] [--timeout 900]

Each scale runs in its own process (so peak memory is that scale's own): it makes the data
(benchmarks/national.py), then times load, validate, normalise, aggregate, render pages, charts, the
MkDocs build, Pagefind's search index, the audit of the built site, and, as the floor, a plain
mkdocs-material build of the same generated Markdown. New charts render in worker processes while the
pages render, so "charts" is the time the page rendering waited for them (plus tidying each SVG), and
"render pages" the rest. Then it
adds one weekly meeting and rebuilds, counting the charts re-rendered against the charts whose spec
changed, and the pages rewritten against the pages whose Markdown changed. The targets of issue 4 are
printed as PASS or FAIL at the end.

Each scale is built `--repeat` times, each time from nothing in a new process. A stage's time is its
fastest run: on a shared machine, other work only ever adds time (the spread of the runs is printed too);
peak memory is the largest of the runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import preview
from benchmarks.memory import TreeMemory

STAGES = ("load", "validate", "normalise", "aggregate", "protect", "render pages", "cards", "charts",
          "chart images", "mkdocs build", "bulletin", "search index", "audit")
# the generator's own stages: not MkDocs, and not Pagefind's search index (a tool of its own, like MkDocs)
GENERATOR_STAGES = tuple(s for s in STAGES if s not in ("mkdocs build", "search index"))


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _build(root: Path) -> dict:
    """One full build of the project at `root`, stage by stage, in this process."""
    from generator.aggregate.totals import aggregate
    from generator.aggregate.tracker import track
    from generator.audit.checks import Rules
    from generator.audit.gate import Gate
    from generator.charts.draw import ChartRenderer
    from generator.load.files import load
    from generator.pipeline import Project, plan, previous_publication, write_content
    from generator.protect.suppress import protected
    from generator.site.build import build_site
    from generator.validate.normalise import normalise
    from generator.validate.run import validate

    project = Project.at(root)
    times: dict[str, float] = {}
    peaks: dict[str, float] = {}

    def stage(name: str, started: float) -> float:
        now = time.perf_counter()
        times[name] = times.get(name, 0.0) + now - started
        peaks[name] = _peak_mib()
        return now

    t = time.perf_counter()
    charts = ChartRenderer(project.cache / "charts")
    charts.warm()  # as pipeline.generate does: the first chart worker starts while the data are read
    raw = load(project.data, project.root)
    t = stage("load", t)
    validated = validate(raw)
    t = stage("validate", t)
    errors = [p for p in validated.problems if p.severity == "error"]
    if errors:
        raise SystemExit(f"the benchmark data do not validate: {errors[0].format()}")
    ds = normalise(validated)
    t = stage("normalise", t)
    agg = aggregate(ds)
    t = stage("aggregate", t)
    previous = previous_publication(project)
    result = protected(ds, agg, previous)
    ds, agg = result.dataset, result.aggregates
    t = stage("protect", t)

    chart_time = 0.0

    def timed(method):
        def wrapper(*args):
            nonlocal chart_time
            started = time.perf_counter()
            try:
                return method(*args)
            finally:
                chart_time += time.perf_counter() - started
        return wrapper

    charts.prepare = timed(charts.prepare)  # type: ignore[method-assign]
    from generator.charts.png import PngRenderer

    card_time = 0.0
    images = PngRenderer(project.cache / "images")
    draw_pngs = images.pngs

    def timed_pngs(*args, **kwargs) -> list[bytes]:
        nonlocal card_time
        started = time.perf_counter()
        try:
            return draw_pngs(*args, **kwargs)
        finally:
            card_time += time.perf_counter() - started

    images.pngs = timed_pngs  # type: ignore[method-assign]
    tracked = track(ds, agg)
    planned = plan(project, ds, agg, tracked)
    rendered, written = write_content(project, ds, agg, tracked, result.publication, planned, charts,
                                      images=images)
    now = time.perf_counter()
    times["render pages"] = now - t - chart_time - card_time
    times["cards"] = card_time
    peaks["render pages"] = peaks["cards"] = _peak_mib()
    t = now

    gate = Gate(validated.private_texts, Rules(ds.site.disclosure_threshold, ds.site.dominance_percent, previous,
                                               frozenset(validated.register_keys)))
    check = gate.check

    def timed_check(staging: Path, moved: dict[str, str] | None = None) -> None:
        started = time.perf_counter()
        try:
            check(staging, moved)
        finally:
            times["audit"] = time.perf_counter() - started

    gate.check = timed_check  # type: ignore[method-assign]

    from generator.site import search_index

    index = search_index.index

    def timed_index(site: Path) -> int:
        started = time.perf_counter()
        try:
            return index(site)
        finally:
            times["search index"] = time.perf_counter() - started

    from generator.charts import inline as chart_inline

    inline = chart_inline.inline_site

    def timed_inline(site: Path, renderer, up: str = "") -> int:
        started = time.perf_counter()
        try:
            done = inline(site, renderer, up)
            renderer.close()  # the workers stopped: part of the stage (build_site's own close is then a no-op)
            return done
        finally:
            times["charts"] = chart_time + time.perf_counter() - started
            peaks["charts"] = _peak_mib()

    from generator.charts import poster
    from generator.render.bulletin import bulletin
    from generator.site.build import Posters
    from generator.site.bulletin import Printer

    write_posters = poster.write

    def timed_posters(*args) -> int:
        started = time.perf_counter()
        try:
            return write_posters(*args)
        finally:
            times["chart images"] = time.perf_counter() - started
            peaks["chart images"] = _peak_mib()

    brand = planned[0].title
    printer = Printer((bulletin(planned, ds, agg, "", brand),),
                      agg.latest_week.to_gregorian() if agg.latest_week else None)
    finish = printer.finish

    def timed_finish(site: Path) -> list[str]:
        started = time.perf_counter()  # what the build waits for: Chromium prints while Pagefind indexes
        try:
            return finish(site)
        finally:
            times["bulletin"] = time.perf_counter() - started
            peaks["bulletin"] = _peak_mib()

    printer.finish = timed_finish  # type: ignore[method-assign]
    search_index.index = timed_index
    chart_inline.inline_site = timed_inline
    poster.write = timed_posters
    try:
        with charts, gate, printer:  # the benchmark owns them, as pipeline.build does
            build_site(project.mkdocs_yml, project.content, project.site, agg.latest_week, gate=gate, charts=charts,
                       posters=Posters(rendered.posters, images, brand, ""), printer=printer)
    finally:
        search_index.index = index
        chart_inline.inline_site = inline
        poster.write = write_posters
    stage("mkdocs build", t)
    times["mkdocs build"] -= (times["audit"] + times["search index"] + times["charts"] - chart_time
                              + times["chart images"] + times["bulletin"])
    peaks["audit"] = peaks["search index"] = peaks["mkdocs build"]
    ahead = gate.used_ahead
    return {"times": times, "peaks": peaks, "audit_ahead": ahead.seconds if ahead else None,
            "pages": len(rendered.pages), "pages_written": len(written.written),
            "figures": sum(len(page.figures) for page in planned),
            # each chart is drawn twice (a phone's and a wide column's), a map once
            "charts": sum(len(f.chart.specs) for page in planned for f in page.figures if f.chart),
            "charts_rendered": charts.rendered,
            "site_bytes": _size(project.site),
            # what a rebuild may redo: the distinct chart specs, and each page's Markdown
            "chart_keys": sorted({charts.key(spec) for page in planned for f in page.figures if f.chart
                                  for spec in f.chart.specs}),
            "page_digests": {path: hashlib.sha256(text.encode()).hexdigest() for path, text in rendered.pages.items()}}


def _floor(root: Path) -> float:
    """A plain mkdocs-material build of the same Markdown: what any MkDocs site of this size costs."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = root / "mkdocs-floor.yml"
    config_file.write_text("site_name: floor\ndocs_dir: content\ntheme:\n  name: material\n  language: fa\n"
                           "plugins: []\nnav:\n  - index.md\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        build(load_config(str(config_file), site_dir=out))
        return time.perf_counter() - started


def one(scale: float, work: Path, incremental: bool) -> dict:
    """Everything for one scale, in this process; returns the figures as a dict."""
    import logging

    from benchmarks import national

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    root = work / f"scale-{scale:g}"
    started = time.perf_counter()
    sizes = national.write(root, scale)
    result = {"scale": scale, "sizes": sizes, "make data": time.perf_counter() - started}
    with TreeMemory() as memory:
        result |= _build(root)
    result["floor"] = _floor(root)
    if incremental:  # the first of a scale's runs: what a reader's first visit costs, then the rebuild
        from benchmarks import page_weight

        try:  # a failure here (no Chromium, a page asking another host) loses this figure, not the scale's
            result["weights"] = [dataclasses.asdict(w) for w in page_weight.worst(page_weight.weigh(root / "site"))]
        except (Exception, SystemExit) as exc:
            print(f"a first visit could not be weighed: {exc}", file=sys.stderr)
            result["weights"] = None
        national.write(root, scale, extra_weeks=1)
        started = time.perf_counter()
        with TreeMemory() as again_memory:
            again = _build(root)
        before = result["page_digests"]
        result["rebuild"] = {
            "seconds": time.perf_counter() - started, "charts_rendered": again["charts_rendered"],
            "charts_changed": len(set(again["chart_keys"]) - set(result["chart_keys"])),
            "charts": len(again["chart_keys"]), "pages_written": again["pages_written"],
            "pages_changed": sum(before.get(path) != digest for path, digest in again["page_digests"].items()),
            "pages": again["pages"],
            # the second build of this process: Python keeps the memory the first one freed, so this is more
            # than a weekly `portal build` (a process of its own) takes; printed, not judged
            "peak_mib": again_memory.peak / 2**20}
    result.pop("chart_keys")
    result.pop("page_digests")
    # the whole process tree at its largest (benchmarks/memory.py) during the build from nothing, in a
    # process of its own as `portal build` is: the build, its chart workers, the audit beside MkDocs,
    # Chromium and Pagefind, as they were at the same moment
    result["peak_mib"] = memory.peak / 2**20
    result["at_peak"] = {kind: size / 2**20 for kind, size in sorted(memory.at_peak.items(), key=lambda kv: -kv[1])}
    return result


def _run_scale(scale: float, work: Path, timeout: float, incremental: bool) -> dict | None:
    cmd = [sys.executable, "-m", "benchmarks.run", "--one", str(scale), "--work", str(work)]
    if not incremental:
        cmd.append("--no-rebuild")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"scale {scale:g}: did not finish within {timeout:.0f} s")
        return None
    if done.returncode != 0:
        print(f"scale {scale:g}: failed\n{done.stderr[-2000:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _combine(runs: list[dict]) -> dict:
    """The runs of one scale as one result: each stage at its fastest, memory at its largest; the rebuild
    and the counts from the first run (every run builds the same site)."""
    result = dict(runs[0])
    result["times"] = {name: min(r["times"][name] for r in runs) for name in runs[0]["times"]}
    result["peaks"] = {name: max(r["peaks"][name] for r in runs) for name in runs[0]["peaks"]}
    result["floor"] = min(r["floor"] for r in runs)
    largest = max(runs, key=lambda r: r["peak_mib"])
    result["peak_mib"], result["at_peak"] = largest["peak_mib"], largest.get("at_peak", {})
    result["ratios"] = [_generator_time(r) / r["times"]["mkdocs build"] for r in runs]
    return result


def _total(r: dict) -> float:
    return sum(r["times"].values())


def _generator_time(r: dict) -> float:
    return sum(r["times"][n] for n in GENERATOR_STAGES)


def report(results: dict[float, dict | None]) -> int:
    ok = {s: r for s, r in results.items() if r}
    scales = sorted(results)
    print()
    print("stage             " + "".join(f"{f'scale {s:g}':>22}" for s in scales))
    print("                  " + "".join(f"{'seconds':>11}{'peak MiB':>11}" for _ in scales))
    for name in STAGES:
        cells = "".join(f"{ok[s]['times'][name]:>11.1f}{ok[s]['peaks'][name]:>11.0f}" if s in ok else f"{'—':>22}"
                        for s in scales)
        print(f"{name:<18}{cells}")
    rows = {
        "total": lambda r: f"{sum(r['times'].values()):.1f} s",
        "generator / mkdocs": lambda r: f"{_generator_time(r) / r['times']['mkdocs build']:.2f}",
        "  each run": lambda r: " ".join(f"{x:.2f}" for x in r["ratios"]),
        # the downloads' audit runs in its own process while MkDocs builds: not counted in any stage above
        "audit beside mkdocs": lambda r: (f"{r['audit_ahead']:.1f} s" if r.get("audit_ahead") is not None
                                          else "not used"),
        "floor (plain mkdocs)": lambda r: f"{r['floor']:.1f} s",
        "mkdocs / floor": lambda r: f"{r['times']['mkdocs build'] / r['floor']:.2f}",
        "delivery rows": lambda r: f"{r['sizes']['delivery_rows']:,}",
        "register rows": lambda r: f"{r['sizes']['register_rows']:,}",
        "pages": lambda r: f"{r['pages']:,}",
        "figures (drawings)": lambda r: f"{r['figures']:,} ({r['charts']:,})",
        "site size": lambda r: f"{r['site_bytes'] / 2**20:.1f} MiB",
        "peak memory": lambda r: f"{r['peak_mib']:.0f} MiB",
    }
    for name, cell in rows.items():
        print(f"{name:<18}" + "".join(f"{cell(ok[s]) if s in ok else '—':>22}" for s in scales))
    for s in scales:
        if s in ok:
            held = ", ".join(f"{kind} {mib:.0f}" for kind, mib in ok[s].get("at_peak", {}).items())
            print(f"scale {s:g}, memory at its peak (MiB, the whole process tree at one moment): {held}")
    for s in scales:
        if s in ok and "rebuild" in ok[s]:
            r = ok[s]["rebuild"]
            print(f"scale {s:g}, one more weekly meeting: rebuilt in {r['seconds']:.1f} s; charts re-rendered "
                  f"{r['charts_rendered']} of {r['charts']} ({r['charts_changed']} changed); pages rewritten "
                  f"{r['pages_written']} of {r['pages']} ({r['pages_changed']} changed); peak memory "
                  f"{r.get('peak_mib', 0):.0f} MiB (a second build in the same process)")

    for s in scales:
        if s in ok and ok[s].get("preview"):
            print(f"scale {s:g}, the preview: a saved meeting file shown in the browser after "
                  + ", ".join(f"{x:.2f}" for x in ok[s]["preview"]) + " s (benchmarks/preview.py)")
    for s in scales:
        if s in ok and ok[s].get("weights"):
            print(f"scale {s:g}, a first visit per page type (KB compressed, font excluded; its heavier window):")
            for w in ok[s]["weights"]:
                print(f"  {w['kind']:<16}{w['page'][:34]:<36}{w['window']:<9}{w['bytes'] / 1024:>7.1f}")
    print()
    failures = 0

    def target(text: str, passed: bool | None) -> None:
        nonlocal failures
        verdict = "PASS" if passed else ("FAIL" if passed is False else "FAIL (not measured)")
        failures += verdict != "PASS"
        print(f"{verdict:<5} {text}")

    one_ = ok.get(1.0)
    half = ok.get(0.5)
    target("full build at scale 1 within 3 minutes", one_ and _total(one_) <= 180)
    target("generator stages cost at most the mkdocs build (scale 1)",
           one_ and _generator_time(one_) <= one_["times"]["mkdocs build"])
    target("scale 1 time / scale 0.5 time <= 2.2", one_ and half and _total(one_) / _total(half) <= 2.2)
    target("peak memory under 2 GiB at every scale", bool(ok) and len(ok) == len(results)
           and all(r["peak_mib"] < 2048 for r in ok.values()))
    rebuild = one_ and one_.get("rebuild")
    target("one more meeting at scale 1 re-renders only changed charts and rewrites only changed pages",
           rebuild and rebuild["charts_rendered"] == rebuild["charts_changed"]
           and rebuild["pages_written"] == rebuild["pages_changed"] < rebuild["pages"])
    print("issue 24:")
    target("one more meeting at scale 1 rebuilt in at most 5 s", rebuild and rebuild["seconds"] <= 5)
    target("cold build at scale 1 at most 2.5 times the plain-MkDocs floor",
           one_ and _total(one_) / one_["floor"] <= 2.5)
    target("peak memory under 1 GiB at every scale, workers included", bool(ok) and len(ok) == len(results)
           and all(r["peak_mib"] < 1024 for r in ok.values()))
    shown = one_ and one_.get("preview")
    target("preview: a saved meeting file visible in the browser within 2 s at scale 1",
           shown and max(shown) <= preview.LIMIT)
    weights = one_ and one_.get("weights")
    target("every page type under 100 KB compressed on a first visit at scale 1, font excluded",
           weights and all(w["bytes"] <= 100 * 1024 for w in weights))
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the portal's build on synthetic national data.")
    parser.add_argument("--scales", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    parser.add_argument("--work", type=Path, default=Path(".cache/benchmarks"))
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per scale")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the one-more-meeting rebuild")
    parser.add_argument("--repeat", type=int, default=3, help="builds per scale; each stage counts its fastest")
    parser.add_argument("--no-preview", action="store_true", help="skip timing the live preview at scale 1")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.one is not None:
        print(json.dumps(one(args.one, args.work.resolve(), not args.no_rebuild)))
        return 0
    results: dict[float, dict | None] = {}
    for s in args.scales:
        # the rebuild once, after the first build; the other runs time the full build only
        runs = [_run_scale(s, args.work.resolve(), args.timeout, not args.no_rebuild and i == 0)
                for i in range(max(1, args.repeat))]
        results[s] = _combine(runs) if all(runs) else None
    if results.get(1.0) and not args.no_preview:  # the real `portal serve` on the national data
        from benchmarks import national

        root = args.work.resolve() / "preview-1"
        national.write(root, 1.0)
        try:
            results[1.0]["preview"] = preview.measure(root, 3)
        except (Exception, SystemExit) as exc:
            print(f"the preview could not be timed: {exc}")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
