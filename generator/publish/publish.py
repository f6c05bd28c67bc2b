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

import tempfile
from dataclasses import dataclass
from pathlib import Path

from mike import commands as mike
from mike import git_utils

from generator import pipeline
from generator.history import archive
from generator.history.archive import Entry
from generator.lang.jalali import DateError, JDate, parse_jalali
from generator.lang.messages import said_text, t
from generator.lang.persian import persian_digits
from generator.model.dataset import Dataset
from generator.publish import budget, shared
from generator.publish.branch import (
    BRANCH,
    LATEST,
    PublishError,
    check_committed,
    check_repository,
    in_repository,
    log_of,
    previous_figures,
    previous_publication,
    versions,
)

REDIRECT = Path(__file__).with_name("redirect.html")  # no script: a meta refresh


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
    hosted: budget.Hosted | None = None  # the branch as a host serves it, after this publication
    budget_mb: int = 1000


def title_of(day: JDate) -> str:
    return f"جلسهٔ {day.fa()}"


def meeting_days(project: pipeline.Project) -> list[JDate]:
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


def publish_one(project: pipeline.Project, day: JDate, branch: str, backfilled: bool,
                 committed: bool = True) -> Published:
    """Build and audit `project` (its data as of `day`), then commit it as the version of `day` (or as a
    correction of the latest version), and take off the branch the versions the retention policy thins.
    `committed`: check first that the files it builds from are those of the last commit (not for the
    backfill's copies of the data, whose repository was checked once)."""
    checked = pipeline.check(project)  # once: the build below reuses it
    ds = checked.dataset  # the revisions and the retention policy decide what is published
    if committed:
        check_committed(project)
    online = versions(branch)
    log = log_of(branch, online)
    if log and day.iso < log[-1].meeting:
        raise PublishError(t("the latest meeting in data/meetings/ ({day}) is older than the latest publication "
                             "({version}): a meeting file is missing", day=day.iso, version=log[-1].version))
    this = _this(day, log, ds, backfilled, branch)
    removed = archive.to_remove((*log, this), ds.site.retention)
    full = archive.with_removals((*log, this), removed, this.version)
    before = online[0]["version"] if online else None
    previous = previous_publication(branch, before) if before else None
    extra = {"version": {"provider": "mike", "default": LATEST},
             "publication": {"version": this.version, "title": this.title, "previous": before,
                             "backfilled": backfilled,
                             "corrects": next((e.title for e in log if e.version == this.corrects), None)}}
    generated = pipeline.build(project, previous=previous, extra=extra,
                               before=previous_figures(branch, online[0]) if online else None, log=full,
                               checked=checked, url_path=this.version + "/")
    with tempfile.TemporaryDirectory(prefix="portal-shared-") as aside:
        shared_files = shared.set_aside(project.site, Path(aside))  # mike copies the version's own files only
        try:
            files = budget.after_publishing(budget.branch_files(branch), project.site, this.version, (LATEST,),
                                            removed, shared_files)
            over = budget.check(files, ds.site.budget_mb, full, removed)
            if over:
                raise PublishError(over)
            shared.commit(shared_files, branch, this.version)  # first: the version's pages show them
            _deploy(project, this, branch, backfilled)
            if removed:  # the archive page of the new version lists them still
                mike.delete(list(removed), branch=branch, message=f"Take {', '.join(removed)} off the branch (the "
                            f"retention policy in data/site.yaml); the archive of {this.version} lists them")
                shared.collect(branch, removed)
        finally:
            shared.put_back(project.site, Path(aside))
    if before is None:  # the root of the branch sends readers to the latest publication, once for all
        mike.set_default(LATEST, str(REDIRECT), branch=branch, message="Send the root to latest/")
    return Published(this.version, this.title, before, generated, this.corrects, removed,
                     budget.hosted(budget.branch_files(branch)), ds.site.budget_mb)


def _deploy(project: pipeline.Project, this: Entry, branch: str, backfilled: bool) -> None:
    """mike commits site/ as the version, with `latest` moved to it as a copy."""
    cfg = {"site_dir": str(project.site), "use_directory_urls": True}
    how = "Backfill" if backfilled else "Correct" if this.corrects else "Publish"
    message = f"{how} {this.version} ({this.title}) from {this.source}"
    with mike.deploy(cfg, this.version, this.title, [LATEST], update_aliases=True,
                     alias_type=mike.AliasType.copy, branch=branch, message=message,
                     set_props=[("backfilled", backfilled)] + ([("corrects", this.corrects)] if this.corrects else [])):
        pass  # the site is built and audited already


def publish(project: pipeline.Project, branch: str = BRANCH, push: str | None = None) -> Published:
    """Build, audit and commit the version of the latest meeting; push the branch to `push` if given."""
    with in_repository(project.root):
        check_repository(project)
        done = publish_one(project, meeting_days(project)[-1], branch, backfilled=False)
        if push:
            git_utils.push_branch(push, branch)
    return done
