"""Publish a year of synthetic weekly meetings in a row, and print the time of each publication and how much
the publish branch grows with each version.

    .venv/bin/python -m benchmarks.publishing [--meetings 52] [--publish N] [--work DIR]

It makes the synthetic national dataset (benchmarks/national.py) with as many weekly meetings as asked,
commits it to a new git repository, and backfills it with `portal publish --backfill`'s code: one version
per meeting, each built and audited from the data as they stood then, committed by mike with `latest`
moved to it. It measures the branch's growth per version twice:

- as written: after each version, the repository's objects (`git count-objects`, packed and loose). mike
  stores each file that changed whole (zlib-compressed), so a page whose chart gained one week costs the
  whole page again;
- packed: the branch alone (a bare clone of it) after `git gc --aggressive` (what `portal squash` runs, and
  what a host's own maintenance does), after the first version and after the last: git then stores a
  changed file as its difference from a similar one, the same page of the week before. Growth per
  version is (all versions packed − the first version packed) / (n − 1).

Each is set against one site as git would store it on its own (the newest version, compressed). Exit
status 0 when the packed growth per version is under a quarter of that.

What a host counts is the deployed tree, not git's store: after each publication it also prints the
branch's tree as a host serves it (`deployed MiB`, `files`: every version folder, `latest/` and the root),
the new version's own folder (`own MiB`), and the bytes of its files whose content is in no file of the tree
before it (`new MiB`: what a version would cost if versions shared what does not change). At the end it
projects 260 weekly publications (five years) under the default retention policy: how many versions stay
online, and the deployed tree then at this run's size per version.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import national
from generator.history.vintages import is_vintages
from generator.model.paths import SHARED, SHARED_VINTAGES


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _stored_bytes(repo: Path) -> int:
    """Everything git holds: loose objects and packs (git count-objects, in KiB)."""
    fields = dict(line.split(": ") for line in _git(repo, "count-objects", "-v").splitlines())
    return (int(fields["size"]) + int(fields["size-pack"])) * 1024


def _packed_branch(repo: Path) -> int:
    """The publish branch alone, packed as tightly as git packs (a bare clone of it, git gc --aggressive)."""
    with tempfile.TemporaryDirectory(prefix="portal-packed-") as tmp:
        clone = Path(tmp) / "branch.git"
        _git(repo, "clone", "--quiet", "--bare", "--no-local", "--single-branch", "--branch", "publish", str(repo),
             str(clone))
        _git(clone, "gc", "--aggressive", "--prune=now", "--quiet")
        return _stored_bytes(clone)


def _deployed(repo: Path) -> dict[str, tuple[str, int]]:
    """The publish branch's tree as a host serves it: path → (blob, bytes)."""
    from generator.publish.branch import in_repository, tree_files

    with in_repository(repo):
        return {path: (f.blob, f.size) for path, f in tree_files("publish").items()}


@dataclass(frozen=True)
class Hosted:
    """The publish branch's tree as a host serves it, after one publication."""

    deployed: int  # bytes of every file of the tree
    files: int
    own: int  # bytes of the new version's folder
    site: int  # what the version serves: its folder and the shared files its pages show
    new: int  # bytes of content the tree did not hold before (each blob once): what the version costs
    shared_new: int  # of which in the shared folder
    vintages: int  # bytes of the version's whole vintages: its own (downloads/*-vintages.*) and the closed
    # seasons' files it lists (_shared/vintages/): the history, which grows with each publication
    vintages_own: int  # of which its own: the rows of its season


def measure(tree: dict[str, tuple[str, int]], version: str, before: set[str], shown: set[str]) -> Hosted:
    """The tree (path → blob, bytes) after `version` was published; `before`: the blobs of the tree before
    it, `shown`: the shared files the version lists (publish/shared.py)."""
    own = {path: v for path, v in tree.items() if path.startswith(version + "/")}
    added = {blob: size for path, (blob, size) in tree.items()
             if blob not in before and (path in own or path.startswith(SHARED + "/"))}
    shared_new = {blob: size for path, (blob, size) in tree.items()
                  if blob not in before and path.startswith(SHARED + "/")}
    own_bytes = sum(size for _, size in own.values())
    vintages = sum(size for path, (_, size) in own.items() if is_vintages(path.rsplit("/", 1)[-1]))
    seasons = sum(tree[path][1] for path in shown if path in tree and path.startswith(SHARED_VINTAGES + "/"))
    return Hosted(sum(size for _, size in tree.values()), len(tree), own_bytes,
                  own_bytes + sum(tree[path][1] for path in shown if path in tree), sum(added.values()),
                  sum(shared_new.values()), vintages + seasons, vintages)


def _shown(repo: Path, version: str) -> set[str]:
    from generator.publish.branch import in_repository, read_files
    from generator.publish.shared import MANIFEST

    with in_repository(repo):
        data = read_files("publish", [f"{version}/{MANIFEST}"]).get(f"{version}/{MANIFEST}", b"")
    return {line for line in data.decode("utf-8").splitlines() if line}


def _retention():
    """The retention policy the project ships with (data/site.yaml): the national data's too."""
    import yaml

    from generator.model.dataset import Retention

    policy = yaml.safe_load((national.ROOT / "data/site.yaml").read_text(encoding="utf-8"))["retention"]
    return Retention(int(policy["every_week_for_days"]), policy["then"])


def _policy() -> str:
    policy = _retention()
    return f"every_week_for_days: {policy.every_week_for_days}, then: {policy.then}"


def kept_after(weeks: int) -> list[int]:
    """Which of `weeks` weekly publications (0 the first) the default retention policy keeps online."""
    from generator.history.archive import Entry, to_remove
    from generator.lang.jalali import parse_jalali

    day = parse_jalali("1400-05-27")
    log = tuple(Entry(d.iso, d.iso, d.iso, "x") for d in (day.plus_days(7 * i) for i in range(weeks)))
    removed = set(to_remove(log, _retention()))
    return [i for i, e in enumerate(log) if e.version not in removed]


def in_season(weeks: int) -> list[int]:
    """For each of `weeks` weekly publications, how many publications of its Jalali season there are up to
    it (1 for a season's first): how many weeks' rows its own vintages hold."""
    from generator.history.vintages import season_of
    from generator.lang.jalali import parse_jalali

    day = parse_jalali("1400-05-27")
    seasons = [season_of(day.plus_days(7 * i).iso) for i in range(weeks)]
    return [sum(1 for j in range(i + 1) if seasons[j] == seasons[i]) for i in range(weeks)]


def vintages_growth(hosted: list[Hosted]) -> float:
    """The bytes each publication adds to every later version's vintages, over this run."""
    return (hosted[-1].vintages - hosted[0].vintages) / max(len(hosted) - 1, 1)


def projected_bytes(hosted: list[Hosted], weeks: int, kept: list[int]) -> tuple[float, float]:
    """The deployed tree after `weeks` weekly publications with the versions `kept` online (and latest/),
    estimated from this run: (without, with) the vintages' growth. Each version's folder as this run's
    median, the shared files each later version adds as its median (an upper bound: versions share many);
    with the growth, the vintages as long as that many publications make them: this run's history starts
    with its first publication and each later one adds rows (a running total's every row, for one), so
    after w weeks the history holds the first publication's rows and w weeks' more, not this run's few. A
    version's own vintages hold its season's weeks (history/vintages.py); the closed seasons are stored
    once, in the shared folder (the whole history but the newest season's, at most)."""
    later = hosted[1:] or hosted
    own = statistics.median(h.own for h in hosted)
    shared_new = statistics.median(h.shared_new for h in later)
    without = (len(kept) + 1) * own + hosted[0].shared_new + (len(kept) - 1) * shared_new
    each = vintages_growth(hosted)
    base = own - statistics.median(h.vintages_own for h in hosted)
    season = in_season(weeks)
    online = [*kept, weeks - 1]  # latest/ is the newest's copy
    vintages = sum(season[w] * each for w in online) + hosted[0].vintages + weeks * each
    with_growth = len(online) * base + vintages + hosted[0].shared_new + (len(kept) - 1) * shared_new
    return without, with_growth


def _publish_last(project, n: int, report) -> None:
    """The last `n` meetings published in a row, each from the data as they stood then (as the backfill
    does, but starting at a meeting of the benchmark's choosing)."""
    import dataclasses

    from generator.publish.as_of import data_as_of
    from generator.publish.branch import BRANCH, in_repository
    from generator.publish.publish import meeting_days, publish_one

    with in_repository(project.root), tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        for day in meeting_days(project)[-n:]:
            started = time.perf_counter()
            data = Path(tmp) / day.iso
            data_as_of(project.data, day, data)
            done = publish_one(dataclasses.replace(project, data=data), day, BRANCH, backfilled=True,
                               committed=False)
            report(done, time.perf_counter() - started)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description="Publish weekly meetings in a row; print time and growth.")
    parser.add_argument("--meetings", type=int, default=52)
    parser.add_argument("--publish", type=int, default=0, metavar="N",
                        help="publish only the last N meetings, in a row (the branch starts at meeting "
                             "meetings − N + 1): `--meetings 260 --publish 26` is 26 weeks at national scale")
    parser.add_argument("--without-register", action="store_true", help="leave out the household register")
    parser.add_argument("--work", type=Path, default=Path(".cache/benchmarks/publishing"))
    args = parser.parse_args()

    from generator.pipeline import Project
    from generator.publish.backfill import backfill

    root = args.work.resolve()
    if root.exists():
        shutil.rmtree(root)
    sizes = national.write(root, args.meetings / national.WEEKS_AT_1)
    if args.without_register:
        shutil.rmtree(root / "data" / "registers")
    for command in (["init", "--quiet", "--initial-branch=main"], ["config", "user.name", "benchmark"],
                    ["config", "user.email", "benchmark@example.org"],
                    ["add", "data", "mkdocs.yml", "site_overrides", "content"], ["commit", "--quiet", "-m", "data"]):
        _git(root, *command)
    print(f"{sizes['meetings']} meetings, {sizes['delivery_rows']:,} delivery rows, {sizes['centres']:,} centres")
    print(f"{'n':>3}  {'version':<11}{'seconds':>9}{'growth KiB':>12}{'branch KiB':>12}{'deployed MiB':>14}"
          f"{'files':>8}{'own MiB':>9}{'site MiB':>10}{'new MiB':>9}{'new %':>7}")
    hosted: list[Hosted] = []
    before: set[str] = set()
    rows: list[tuple[str, float, int]] = []
    start = _stored_bytes(root)
    last = start

    def report(done, seconds: float) -> None:
        nonlocal last, before
        now = _stored_bytes(root)
        rows.append((done.version, seconds, now - last))
        tree = _deployed(root)
        h = measure(tree, done.version, before, _shown(root, done.version))
        hosted.append(h)
        before = {blob for blob, _ in tree.values()}
        print(f"{len(rows):>3}  {done.version:<11}{seconds:>9.1f}{(now - last) / 1024:>12.0f}"
              f"{(now - start) / 1024:>12.0f}{h.deployed / 2**20:>14.1f}{h.files:>8}{h.own / 2**20:>9.1f}"
              f"{h.site / 2**20:>10.1f}{h.new / 2**20:>9.1f}{100 * h.new / h.site:>7.0f}", flush=True)
        last = now

    first_packed = 0

    def report_first(done, seconds: float) -> None:
        nonlocal first_packed
        if not rows:  # the first version alone, packed as tightly as the whole branch will be at the end
            first_packed = _packed_branch(root)
        report(done, seconds)

    started = time.perf_counter()
    if args.publish:
        _publish_last(Project.at(root), args.publish, report_first)
    else:
        backfill(Project.at(root), report=report_first)
    site = _size(root / "site")
    # one whole site as git would store it on its own: the newest version, compressed
    packed = len(subprocess.run(["git", "archive", "--format=tar.gz", f"publish:{rows[-1][0]}"], cwd=root,
                                check=True, capture_output=True).stdout)
    written = statistics.median(g for _, _, g in rows[1:]) if len(rows) > 1 else rows[0][2]
    each = statistics.median(s for _, s, _ in rows)
    gc_started = time.perf_counter()
    total = _packed_branch(root)
    gc_seconds = time.perf_counter() - gc_started
    growth = (total - first_packed) / max(len(rows) - 1, 1)
    print()
    print(f"publications: {len(rows)} in {time.perf_counter() - started:.0f} s; median {each:.1f} s each "
          f"(first {rows[0][1]:.1f} s, last {rows[-1][1]:.1f} s)")
    print(f"one site: {site / 2**20:.1f} MiB on disk, {packed / 2**20:.1f} MiB compressed")
    print(f"as written: median growth per later version {written / 1024:.0f} KiB, {100 * written / packed:.0f}% "
          f"of one compressed site; the branch after {len(rows)} versions: {(last - start) / 2**20:.1f} MiB")
    print(f"packed (git gc --aggressive, {gc_seconds:.0f} s): the branch {total / 2**20:.1f} MiB, the first version "
          f"{first_packed / 2**20:.1f} MiB; growth per later version {growth / 1024:.0f} KiB, "
          f"{100 * growth / packed:.0f}% of one compressed site")
    later = hosted[1:] or hosted
    own = statistics.median(h.own for h in hosted)
    whole = statistics.median(h.site for h in hosted)
    new = statistics.median(h.new for h in later)
    shared_new = statistics.median(h.shared_new for h in later)
    online = kept_after(260)
    kept = len(online)
    print(f"deployed: {hosted[-1].deployed / 2**20:.1f} MiB in {hosted[-1].files:,} files after {len(rows)} versions; "
          f"a version serves {whole / 2**20:.1f} MiB (median), of which its own folder {own / 2**20:.1f} MiB; "
          f"a later version adds {new / 2**20:.1f} MiB of new content ({100 * new / whole:.0f}% of what it serves; "
          f"{shared_new / 2**20:.1f} MiB of it shared files)")
    projected, grown = projected_bytes(hosted, 260, online)
    added = vintages_growth(hosted)
    print(f"vintages: the history {hosted[0].vintages / 2**20:.1f} MiB in the first version, "
          f"{hosted[-1].vintages / 2**20:.1f} MiB in the last (its own folder's {hosted[-1].vintages_own / 2**20:.1f} "
          f"MiB, the rest closed seasons' shared files); each publication adds {added / 2**20:.2f} MiB to the history")
    print(f"projected, 260 weekly publications under the default retention ({_policy()}): {kept} versions "
          f"online; about {projected / 10**9:.2f} GB deployed at this run's size per version (each version's "
          f"folder, latest/ one more, and the shared files of each: an upper bound, as versions share many), "
          f"{(kept + 1) * whole / 10**9:.2f} GB had each version been a whole copy; with each version's vintages as "
          f"long as its week makes them (its season's own, the closed seasons shared), about {grown / 10**9:.2f} GB")
    ok_new = all(h.new <= h.site / 4 for h in later)
    print(f"{'PASS' if ok_new else 'FAIL'}  each later version's new content at most a quarter of what it serves")
    print(f"{'PASS' if grown <= 10**9 else 'FAIL'}  260 weeks under the default retention inside 1 GB (the "
          f"vintages' growth included)")
    if len(rows) > 2:
        ok_time = rows[-1][1] <= 1.2 * rows[1][1]
        print(f"{'PASS' if ok_time else 'FAIL'}  the last publication ({rows[-1][1]:.1f} s) within 1.2 times the "
              f"second ({rows[1][1]:.1f} s)")
    ok = growth < packed / 4
    print(f"{'PASS' if ok else 'FAIL'}  packed growth per version under a quarter of one compressed site")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
