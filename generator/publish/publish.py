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

from generator import pipeline
from generator.history import archive
from generator.history.archive import Entry
from generator.history.changes import SKIP, Before
from generator.lang.jalali import DateError, JDate, JMonth, parse_jalali, parse_jalali_month
from generator.lang.messages import said_text, t
from generator.lang.persian import persian_digits
from generator.model.dataset import Dataset
from generator.model.publication import Publication

BRANCH = "publish"
REDIRECT = Path(__file__).with_name("redirect.html")  # no script: a meta refresh
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
    corrects: str | None = None  # for a correction: the version it corrects
    removed: tuple[str, ...] = ()  # versions the retention policy took off the branch


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
    return Before(version, entry.get("title") or version, parse_jalali(archive.meeting_of(version)), docs)


def title_of(day: JDate) -> str:
    return f"جلسهٔ {day.fa()}"


def _meeting_days(project: pipeline.Project) -> list[JDate]:
    """The meetings' dates, from their file names (validation checks each file holds that date)."""
    days = []
    for path in sorted((project.data / "meetings").glob("*.yaml")):
        try:
            days.append(parse_jalali(path.stem))
        except DateError as exc:
            raise PublishError(t("{path}: the file name is not a Jalali date ({problem}); name each meeting file "
                                 "after its date, e.g. 1400-05-27.yaml", path=f"data/meetings/{path.name}",
                                 problem=said_text(exc))) from exc
    if not days:
        raise PublishError(t("there is no meeting in data/meetings/: a publication is named after one"))
    return days


def _check_repository(project: pipeline.Project) -> None:
    if not (project.root / ".git").exists():
        raise PublishError(t("{root} is not a git repository: publications are kept on a branch of the project's "
                             "repository (git init, then commit the data)", root=str(project.root)))


def _log(branch: str, online: list[dict]) -> tuple[Entry, ...]:
    """Every publication so far: the log in the newest version on the branch (archive.py). A branch whose
    versions predate the log gets one made from versions.json."""
    if not online:
        return ()
    try:
        return archive.loads(git_utils.read_file(branch, f"{online[0]['version']}/{archive.LOG}",
                                                 universal_newlines=True))
    except git_utils.GitError:
        return tuple(Entry(v["version"], v.get("title") or v["version"], archive.meeting_of(v["version"]), "",
                           bool(v.get("properties", {}).get("backfilled"))) for v in reversed(online))


def _this(day: JDate, log: tuple[Entry, ...], ds: Dataset, backfilled: bool, branch: str) -> Entry:
    """This publication's entry in the log: the version of the meeting of `day`, or, when that is published
    already and data/revisions.yaml has a correction not yet published, a correction of the latest version."""
    done = archive.published_revisions(log)
    new = tuple(r.id for r in ds.revisions if r.id not in done)
    source = git_utils.get_latest_commit("HEAD", short=True)
    same_meeting = [e for e in log if e.meeting == day.iso]
    if not same_meeting:
        return Entry(day.iso, title_of(day), day.iso, source, backfilled, None, new)
    pending = [r.id for r in ds.revisions if r.correction and r.id in new]
    if not pending:
        raise AlreadyPublished(t("version {version} is already on the branch {branch}; a published version never "
                                 "changes. Publish after the next meeting, or add a correction to data/revisions.yaml "
                                 "(correction: yes) to publish a corrected version now",
                                 version=same_meeting[-1].version, branch=branch))
    n = len(same_meeting)  # the n-th correction of this meeting's publication
    return Entry(f"{day.iso}-{n + 1}", f"{title_of(day)}، اصلاحیهٔ {persian_digits(str(n))}", day.iso, source,
                 backfilled, log[-1].version, new)


def _check_committed(project: pipeline.Project) -> None:
    """A publication records the commit it was built from: what it builds must be that commit's."""
    paths = [p for p in ("data", "mkdocs.yml", "site_overrides") if (project.root / p).exists()]
    lines = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--", *paths],
                           capture_output=True, text=True).stdout.split("\n")
    # content/ holds the generated pages too (not committed): only its committed, hand-written pages count
    lines += subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "content"],
                            capture_output=True, text=True).stdout.split("\n")
    changed = [line[3:] for line in lines if line.strip()]
    if changed:
        raise PublishError(t("{n} file(s) differ from the last commit ({files}): a publication records the commit "
                             "it is built from. Commit them (or git stash), then publish", n=len(changed),
                             files=", ".join(changed[:3]) + (", …" if len(changed) > 3 else "")))


def _publish_one(project: pipeline.Project, day: JDate, branch: str, backfilled: bool,
                 committed: bool = True) -> Published:
    """Build and audit `project` (its data as of `day`), then commit it as the version of `day` (or as a
    correction of the latest version), and take off the branch the versions the retention policy thins.
    `committed`: check first that the files it builds from are those of the last commit (not for the
    backfill's copies of the data, whose repository was checked once)."""
    ds = pipeline.check(project).dataset  # the revisions and the retention policy decide what is published
    if committed:
        _check_committed(project)
    online = versions(branch)
    log = _log(branch, online)
    if log and day.iso < log[-1].meeting:
        raise PublishError(t("the latest meeting in data/meetings/ ({day}) is older than the latest publication "
                             "({version}): a meeting file is missing", day=day.iso, version=log[-1].version))
    this = _this(day, log, ds, backfilled, branch)
    removed = archive.to_remove((*log, this), ds.site.retention)
    full = archive.with_removals((*log, this), removed, this.version)
    before = online[0]["version"] if online else None
    previous = _previous(branch, before) if before else None
    extra = {"version": {"provider": "mike", "default": LATEST},
             "publication": {"version": this.version, "title": this.title, "previous": before,
                             "backfilled": backfilled,
                             "corrects": next((e.title for e in log if e.version == this.corrects), None)}}
    generated = pipeline.build(project, previous=previous, extra=extra,
                               before=_figures(branch, online[0]) if online else None, log=full)
    cfg = {"site_dir": str(project.site), "use_directory_urls": True}
    how = "Backfill" if backfilled else "Correct" if this.corrects else "Publish"
    message = f"{how} {this.version} ({this.title}) from {this.source}"
    with mike.deploy(cfg, this.version, this.title, [LATEST], update_aliases=True,
                     alias_type=mike.AliasType.copy, branch=branch, message=message,
                     set_props=[("backfilled", backfilled)] + ([("corrects", this.corrects)] if this.corrects else [])):
        pass  # the site is built and audited already
    if removed:  # the archive page of the new version lists them still
        mike.delete(list(removed), branch=branch, message=f"Take {', '.join(removed)} off the branch (the retention "
                    f"policy in data/site.yaml); the archive of {this.version} lists them")
    if before is None:  # the root of the branch sends readers to the latest publication, once for all
        mike.set_default(LATEST, str(REDIRECT), branch=branch, message="Send the root to latest/")
    return Published(this.version, this.title, before, generated, this.corrects, removed)


def publish(project: pipeline.Project, branch: str = BRANCH, push: str | None = None) -> Published:
    """Build, audit and commit the version of the latest meeting; push the branch to `push` if given."""
    with _in(project.root):
        _check_repository(project)
        done = _publish_one(project, _meeting_days(project)[-1], branch, backfilled=False)
        if push:
            git_utils.push_branch(push, branch)
    return done


@dataclass(frozen=True)
class Squashed:
    commits: int  # commits of the branch before
    versions: tuple[str, ...]  # every folder at the root of the branch: each version, latest, the root files
    before_bytes: int  # what the repository's objects took before (git count-objects), and after
    after_bytes: int


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True)
    if done.returncode:
        raise PublishError(t("git {command} failed: {detail}", command=" ".join(args), detail=done.stderr.strip()))
    return done.stdout.strip()


def _stored_bytes() -> int:
    fields = dict(line.split(": ") for line in _git("count-objects", "-v").splitlines())
    return (int(fields["size"]) + int(fields["size-pack"])) * 1024


def squash(project: pipeline.Project, branch: str = BRANCH, push: str | None = None) -> Squashed:
    """Replace the branch's history by one commit holding exactly its current tree, so every version on it
    stays byte for byte (the same tree object), and let git drop what only the old history held: versions
    the retention policy took off, and the commits and trees of every earlier state. Then pack what is
    left with deltas between versions (git gc --aggressive). With `push`, force the branch to the remote,
    but only if the remote still has the history that was squashed (--force-with-lease)."""
    with _in(project.root):
        _check_repository(project)
        if not branch_exists(branch):
            raise PublishError(t("there is no branch {branch} to squash: publish first", branch=branch))
        tip = _git("rev-parse", f"refs/heads/{branch}")
        before = _stored_bytes()
        commits = int(_git("rev-list", "--count", tip))
        tree = _git("rev-parse", f"{tip}^{{tree}}")
        names = tuple(_git("ls-tree", "--name-only", tree).splitlines())
        online = [v["version"] for v in versions(branch)]
        message = (f"Squash the history of {branch}: {commits} commits into one, with the same files: "
                   f"{len(online)} version(s) online ({', '.join(reversed(online))}) and latest")
        squashed = _git("commit-tree", tree, "-m", message)
        _git("update-ref", "-m", "portal squash", f"refs/heads/{branch}", squashed, tip)
        if push:
            try:
                _git("push", f"--force-with-lease={branch}:{tip}", push, f"refs/heads/{branch}:refs/heads/{branch}")
            except PublishError as exc:
                _git("update-ref", "-m", "portal squash: undone", f"refs/heads/{branch}", tip, squashed)
                raise PublishError(t("{remote} does not have the history that was squashed: someone published "
                                     "since, or publications made here were never pushed. Nothing was changed. Push "
                                     "or fetch {branch} so that both are the same, then squash again. ({detail})",
                                     remote=push, branch=branch, detail=said_text(exc))) from None
        # the old history stays reachable from the reflogs of the branch (and of its remote-tracking copies)
        refs = _git("for-each-ref", "--format=%(refname)", f"refs/heads/{branch}", f"refs/remotes/*/{branch}")
        _git("reflog", "expire", "--expire=now", *refs.split())
        _git("gc", "--aggressive", "--prune=now", "--quiet")
        return Squashed(commits, names, before, _stored_bytes())


def branch_exists(branch: str) -> bool:
    return subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
                          capture_output=True).returncode == 0


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
        _check_committed(project)
        online = versions(branch)
        newest = parse_jalali(archive.meeting_of(online[0]["version"])) if online else None
        with tempfile.TemporaryDirectory(prefix="portal-backfill-") as tmp:
            for day in _meeting_days(project):
                if newest is not None and day <= newest:
                    continue
                started = time.perf_counter()
                data = Path(tmp) / day.iso
                data_as_of(project.data, day, data)
                done = _publish_one(dataclasses.replace(project, data=data), day, branch, backfilled=True,
                                    committed=False)
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


def _keep_dated(path: Path, field: str, day: JDate) -> None:
    """A YAML list without the entries whose `field` is a date after `day` (entries it cannot read stay,
    for validation to report)."""
    if not path.exists():
        return
    # every scalar as text (the portal's loader reads them so too): nothing turns into a date or a boolean
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []
    kept = [e for e in entries if not isinstance(e, dict)
            or (when := _jalali_or_none(str(e.get(field, "")))) is None or when <= day]
    path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")


def data_as_of(data: Path, day: JDate, out: Path) -> None:
    """A copy of `data` as it stood at the meeting of `day`, as far as the data say: the meetings up to that
    day, the programmes pledged by then, deliveries reported by then, centres reported or opened by then,
    and register months up to that day's month. Staff edits made later to earlier figures stay: the data
    keep no history of their own (the publish branch does, from the first real publication on)."""
    shutil.copytree(data, out)
    for meeting in (out / "meetings").glob("*.yaml"):
        if (when := _jalali_or_none(meeting.stem)) is not None and when > day:
            meeting.unlink()
    _keep_dated(out / "programmes.yaml", "pledged_at", day)
    _keep_dated(out / "revisions.yaml", "date", day)
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
