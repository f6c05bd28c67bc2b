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

import json
import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mike import commands as mike
from mike import git_utils

from . import pipeline
from .changes import SKIP, Before
from .jalali import DateError, JDate, parse_jalali
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


def publish(project: pipeline.Project, branch: str = BRANCH, push: str | None = None) -> Published:
    """Build, audit and commit the version of the latest meeting; push the branch to `push` if given."""
    with _in(project.root):
        if not (project.root / ".git").exists():
            raise PublishError(f"{project.root} is not a git repository: publications are kept on a branch "
                               "of the project's repository (git init, then commit the data)")
        # meeting files are named after their date (validation checks it when the build reads them)
        names = sorted(p.stem for p in (project.data / "meetings").glob("*.yaml"))
        if not names:
            raise PublishError("there is no meeting in data/meetings/: a publication is named after one")
        try:
            day = parse_jalali(names[-1])
        except DateError as exc:
            raise PublishError(f"data/meetings/{names[-1]}.yaml: the file name is not a Jalali date ({exc}); "
                               "name each meeting file after its date, e.g. 1400-05-27.yaml") from exc
        version, title = day.iso, title_of(day)
        online = versions(branch)
        if any(v["version"] == version for v in online):
            raise AlreadyPublished(f"version {version} is already on the branch {branch}; a published version never "
                               "changes. Publish after the next meeting, or publish a correction as a new version")
        before = online[0]["version"] if online else None
        previous = _previous(branch, before) if before else None
        extra = {"version": {"provider": "mike", "default": LATEST},
                 "publication": {"version": version, "title": title, "previous": before}}
        generated = pipeline.build(project, previous=previous, extra=extra,
                                   before=_figures(branch, online[0]) if online else None)
        cfg = {"site_dir": str(project.site), "use_directory_urls": True}
        message = f"Publish {version} ({title}) from {git_utils.get_latest_commit('HEAD', short=True)}"
        with mike.deploy(cfg, version, title, [LATEST], update_aliases=True, alias_type=mike.AliasType.copy,
                         branch=branch, message=message):
            pass  # the site is built and audited already
        if before is None:  # the root of the branch sends readers to the latest publication, once for all
            mike.set_default(LATEST, str(REDIRECT), branch=branch, message="Send the root to latest/")
        if push:
            git_utils.push_branch(push, branch)
    return Published(version, title, before, generated)
