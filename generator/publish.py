"""`portal publish`: one immutable version of the site per weekly meeting, on a git branch, with mike.

The version is named by the latest meeting's Jalali date (`1400-05-27`, ASCII), titled in Persian («جلسهٔ
۲۷ مرداد ۱۴۰۰»). The previous publication is read from the branch itself (its `downloads/cells.json`), so
its suppressions are carried forward and the audit attacks the two together, wherever this build runs.
The build and the audit run first, into site/; only an audited site is committed, by mike, as the new
version, with `latest` moved to it as a copy (static hosts reject symlinks). A version that is already on
the branch is never rebuilt: a correction is a new publication.

Every page of a version says which publication it is and links to `../latest/`, in static HTML that stays
true forever (site_overrides/main.html); Material's version selector and its banner for older versions
read `versions.json` at the root of the branch, which is the only file that changes for older versions.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from mike import commands as mike
from mike import git_utils

from . import pipeline
from .changes import SKIP, Before
from .jalali import DateError, JDate, JMonth, parse_jalali, parse_jalali_month
from .publication import Publication

BRANCH = "publish"
REDIRECT = Path(__file__).parent / "templates" / "redirect.html"  # no script: a meta refresh
LATEST = "latest"


class PublishError(Exception):
    """Nothing was published; the message says why, and the branch is as it was."""


class AlreadyPublished(PublishError):
    """The latest meeting's version is on the branch already (a merge that adds no meeting)."""


@dataclass(frozen=True)
class Published:
    version: str
    title: str
    previous: str | None  # the version it follows, if any
    generated: pipeline.Generated


@contextmanager
def _in(folder: Path):
    """mike runs git in the current directory: the project's repository."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def versions(branch: str = BRANCH) -> list[dict]:
    """The versions on the branch, newest first (mike's versions.json), or none."""
    try:
        return json.loads(git_utils.read_file(branch, mike.versions_file, universal_newlines=True))
    except git_utils.GitError:
        return []


def _previous(branch: str, version: str) -> Publication | None:
    try:
        text = git_utils.read_file(branch, f"{version}/{pipeline.CELLS}", universal_newlines=True)
    except git_utils.GitError:
        return None  # a publication without cells.json counts nothing about people
    return Publication.from_json(text)


def _figures(branch: str, entry: dict) -> Before:
    """The previous version's published figures, read from the branch (its downloads/*.json)."""
    version = entry["version"]
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{branch}:{version}/downloads/"],
                             capture_output=True, text=True)
    names = [n for n in listing.stdout.split() if n.endswith(".json") and n not in SKIP] \
        if listing.returncode == 0 else []
    docs = {n.removesuffix(".json"): json.loads(git_utils.read_file(branch, f"{version}/downloads/{n}",
                                                                    universal_newlines=True)) for n in names}
    return Before(version, entry.get("title") or version, parse_jalali(version), docs)


def title_of(day: JDate) -> str:
    return f"جلسهٔ {day.fa()}"


def _meeting_days(project: pipeline.Project) -> list[JDate]:
    """The meetings' dates, from their file names (validation checks each file holds that date)."""
    days = []
    for path in sorted((project.data / "meetings").glob("*.yaml")):
        try:
            days.append(parse_jalali(path.stem))
        except DateError as exc:
            raise PublishError(f"data/meetings/{path.name}: the file name is not a Jalali date ({exc}); name "
                               "each meeting file after its date, e.g. 1400-05-27.yaml") from exc
    if not days:
        raise PublishError("there is no meeting in data/meetings/: a publication is named after one")
    return days


def _check_repository(project: pipeline.Project) -> None:
    if not (project.root / ".git").exists():
        raise PublishError(f"{project.root} is not a git repository: publications are kept on a branch of the "
                           "project's repository (git init, then commit the data)")


def _publish_one(project: pipeline.Project, day: JDate, branch: str, backfilled: bool) -> Published:
    """Build and audit `project` (its data as of `day`), then commit it as the version of `day`."""
    version, title = day.iso, title_of(day)
    online = versions(branch)
    if any(v["version"] == version for v in online):
        raise AlreadyPublished(f"version {version} is already on the branch {branch}; a published version never "
                               "changes. Publish after the next meeting, or publish a correction as a new version")
    before = online[0]["version"] if online else None
    previous = _previous(branch, before) if before else None
    extra = {"version": {"provider": "mike", "default": LATEST},
             "publication": {"version": version, "title": title, "previous": before, "backfilled": backfilled}}
    generated = pipeline.build(project, previous=previous, extra=extra,
                               before=_figures(branch, online[0]) if online else None)
    cfg = {"site_dir": str(project.site), "use_directory_urls": True}
    how = "Backfill" if backfilled else "Publish"
    message = f"{how} {version} ({title}) from {git_utils.get_latest_commit('HEAD', short=True)}"
    with mike.deploy(cfg, version, title, [LATEST], update_aliases=True, alias_type=mike.AliasType.copy,
                     branch=branch, message=message, set_props=[("backfilled", backfilled)]):
        pass  # the site is built and audited already
    if before is None:  # the root of the branch sends readers to the latest publication, once for all
        mike.set_default(LATEST, str(REDIRECT), branch=branch, message="Send the root to latest/")
    return Published(version, title, before, generated)


def publish(project: pipeline.Project, branch: str = BRANCH, push: str | None = None) -> Published:
    """Build, audit and commit the version of the latest meeting; push the branch to `push` if given."""
    with _in(project.root):
        _check_repository(project)
        done = _publish_one(project, _meeting_days(project)[-1], branch, backfilled=False)
        if push:
            git_utils.push_branch(push, branch)
    return done


def push_branch(project: pipeline.Project, remote: str, branch: str = BRANCH) -> None:
    """Push the publish branch as it is (after a publication, or to retry one that did not reach `remote`)."""
    with _in(project.root):
        git_utils.push_branch(remote, branch)


def backfill(project: pipeline.Project, branch: str = BRANCH, push: str | None = None,
             report=lambda done, seconds: None) -> list[Published]:
    """Publish every meeting after the newest version on the branch (all of them on an empty branch), in
    order, each built from the data as they stood at that meeting (data_as_of) and marked as backfilled;
    `report` hears of each publication as it is made."""
    published = []
    with _in(project.root):
        _check_repository(project)
        online = versions(branch)
        newest = parse_jalali(online[0]["version"]) if online else None
        with tempfile.TemporaryDirectory(prefix="portal-backfill-") as tmp:
            for day in _meeting_days(project):
                if newest is not None and day <= newest:
                    continue
                started = time.perf_counter()
                data = Path(tmp) / day.iso
                data_as_of(project.data, day, data)
                done = _publish_one(dataclasses.replace(project, data=data), day, branch, backfilled=True)
                published.append(done)
                report(done, time.perf_counter() - started)
        if push and published:
            git_utils.push_branch(push, branch)
    return published


def _jalali_or_none(text: str) -> JDate | None:
    try:
        return parse_jalali(text) if text.strip() else None
    except DateError:
        return None  # left for validation to report


def _month_or_none(text: str) -> JMonth | None:
    try:
        return parse_jalali_month(text) if text.strip() else None
    except DateError:
        return None


def _filter_csv(path: Path, keep) -> None:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        return
    header, body = rows[0], rows[1:]
    kept = [r for r in body if keep(dict(zip(header, r, strict=False)))]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *kept])


def data_as_of(data: Path, day: JDate, out: Path) -> None:
    """A copy of `data` as it stood at the meeting of `day`, as far as the data say: the meetings up to that
    day, the programmes pledged by then, deliveries reported by then, centres reported or opened by then,
    and register months up to that day's month. Staff edits made later to earlier figures stay: the data
    keep no history of their own (the publish branch does, from the first real publication on)."""
    shutil.copytree(data, out)
    for meeting in (out / "meetings").glob("*.yaml"):
        if (when := _jalali_or_none(meeting.stem)) is not None and when > day:
            meeting.unlink()
    programmes = out / "programmes.yaml"
    if programmes.exists():
        # every scalar as text (the portal's loader reads them so too): nothing turns into a date or a boolean
        entries = yaml.load(programmes.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []
        kept = [p for p in entries if not isinstance(p, dict)
                or (when := _jalali_or_none(str(p.get("pledged_at", "")))) is None or when <= day]
        programmes.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    month = JMonth.of(day)

    def by_date(*columns: str):
        def keep(row: dict) -> bool:
            return all((when := _jalali_or_none(row.get(c) or "")) is None or when <= day for c in columns)
        return keep

    for path in sorted((out / "deliveries").glob("*.csv")):
        _filter_csv(path, by_date("week_ending"))
    for path in sorted((out / "centres").glob("*.csv")):
        _filter_csv(path, by_date("reported_at", "opened"))
    for path in sorted((out / "registers").glob("*.csv")):
        _filter_csv(path, lambda row: (m := _month_or_none(row.get("month") or "")) is None or m <= month)
