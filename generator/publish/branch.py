"""The publish branch and the repository it lives in: git and mike's reading of the branch (the versions
on it, the previous publication's cells, figures and log), the checks made before anything is committed,
and pushing. Everything runs in the project's repository (`in_repository`)."""

from __future__ import annotations

import json
import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mike import commands as mike
from mike import git_utils

from generator import pipeline
from generator.history import archive
from generator.history.archive import Entry
from generator.history.changes import SKIP, Before
from generator.history.vintages import EARLIER, is_vintages
from generator.lang.jalali import parse_jalali
from generator.lang.messages import t
from generator.model.errors import PortalError
from generator.model.paths import SHARED_VINTAGES
from generator.model.publication import Publication

BRANCH = "publish"
LATEST = "latest"


class PublishError(PortalError):
    """Nothing was published; the message says why, and the branch is as it was."""


@contextmanager
def in_repository(folder: Path):
    """mike runs git in the current directory: the project's repository. A git command that fails there is
    a PublishError (nothing is published)."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    except git_utils.GitError as exc:
        raise PublishError(t("git failed: {detail}", detail=str(exc))) from exc
    finally:
        os.chdir(before)


def versions(branch: str = BRANCH) -> list[dict]:
    """The versions on the branch, newest first (mike's versions.json), or none."""
    try:
        return json.loads(git_utils.read_file(branch, mike.versions_file, universal_newlines=True))
    except git_utils.GitError:
        return []


def previous_publication(branch: str, version: str) -> Publication | None:
    try:
        text = git_utils.read_file(branch, f"{version}/{pipeline.CELLS}", universal_newlines=True)
    except git_utils.GitError:
        return None  # a publication without cells.json counts nothing about people
    return Publication.from_json(text)


def previous_figures(branch: str, entry: dict) -> Before:
    """The previous version's published figures, read from the branch (its downloads/*.json)."""
    version = entry["version"]
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{branch}:{version}/downloads/"],
                             capture_output=True, text=True)
    names = [n for n in listing.stdout.split() if n.endswith(".json") and n not in SKIP] \
        if listing.returncode == 0 else []
    texts = read_files(branch, [f"{version}/downloads/{n}" for n in names])
    docs = {n.removesuffix(".json"): json.loads(texts[f"{version}/downloads/{n}"]) for n in names}
    olds = {k: d for k, d in docs.items() if is_vintages(k)}
    # the closed seasons the vintages list: shared files at the branch's root, read as they are
    seasons = sorted({f"{SHARED_VINTAGES}/{e[kind].rsplit('/', 1)[-1]}" for d in olds.values()
                      for e in d.get(EARLIER, []) for kind in ("csv", "json")})
    held = read_files(branch, seasons)
    for path in seasons:
        if path not in held:  # a history cut short: nothing is published on it
            raise PublishError(t("the vintages list a season's file the branch does not hold ({name})", name=path))
    shared = {path.rsplit("/", 1)[-1]: data for path, data in held.items()}
    return Before(version, entry.get("title") or version, parse_jalali(archive.meeting_of(version)),
                  {k: d for k, d in docs.items() if not is_vintages(k)}, olds, shared)


def read_files(branch: str, paths: list[str]) -> dict[str, bytes]:
    """The bytes of each of these files of the branch (those it has), read by one git process (`git cat-file
    --batch`): a publication reads hundreds of the previous version's files, and one process each made it
    slower as the branch grew."""
    if not paths:
        return {}
    request = "".join(f"{branch}:{path}\n" for path in paths).encode("utf-8")
    done = subprocess.run(["git", "cat-file", "--batch"], input=request, capture_output=True)
    if done.returncode:
        raise PublishError(t("git {command} failed: {detail}", command="cat-file --batch",
                             detail=done.stderr.decode("utf-8", "replace").strip()))
    out, at = {}, 0
    data = done.stdout
    for path in paths:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        at = end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        out[path] = data[at:at + size]
        at += size + 1  # the object, then a newline
    return out


def log_of(branch: str, online: list[dict]) -> tuple[Entry, ...]:
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


def check_repository(project: pipeline.Project) -> None:
    if not (project.root / ".git").exists():
        raise PublishError(t("{root} is not a git repository: publications are kept on a branch of the project's "
                             "repository (git init, then commit the data)", root=str(project.root)))


def check_committed(project: pipeline.Project) -> None:
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


@dataclass(frozen=True)
class TreeFile:
    blob: str
    size: int
    link: bool  # a symbolic link (mode 120000)


def tree_files(branch: str = BRANCH) -> dict[str, TreeFile]:
    """Every file of the branch's tree, path → its blob, bytes and whether it is a link; none when there is
    no such branch."""
    done = subprocess.run(["git", "ls-tree", "-r", "-l", "--full-tree", branch], capture_output=True, text=True)
    if done.returncode:
        return {}
    files = {}
    for line in done.stdout.splitlines():
        meta, path = line.split("\t", 1)
        mode, _kind, blob, size = meta.split()
        files[path] = TreeFile(blob, int(size) if size.isdigit() else 0, mode == "120000")
    return files


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True)
    if done.returncode:
        raise PublishError(t("git {command} failed: {detail}", command=" ".join(args), detail=done.stderr.strip()))
    return done.stdout.strip()


def stored_bytes() -> int:
    fields = dict(line.split(": ") for line in git("count-objects", "-v").splitlines())
    return (int(fields["size"]) + int(fields["size-pack"])) * 1024


def branch_exists(branch: str) -> bool:
    return subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
                          capture_output=True).returncode == 0


def push_branch(project: pipeline.Project, remote: str, branch: str = BRANCH) -> None:
    """Push the publish branch as it is (after a publication, or to retry one that did not reach `remote`)."""
    with in_repository(project.root):
        git_utils.push_branch(remote, branch)
