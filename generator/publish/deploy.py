"""`portal deploy --to DIR`: the publish branch's tree copied into a web server's folder (deploy/nginx.conf
serves it), writing only what a publication added or changed and removing what the retention policy took
off, so a weekly deployment copies one version, not years of them.

The folder keeps a list of what it holds (`.portal-deployed.json`: each path and its git blob), so that a
file already there is known without reading it; a folder without the list (a first deployment, or a copy
made some other way) is compared file by file (each file's git blob id, computed from its bytes). Files are
written in an order that never shows a reader a broken version: the shared files (`_shared/`) first, then
the version folders, then `latest/`, then the root (`versions.json`, which names the new version, last);
each file is written beside its place and renamed into it. Files the branch no longer has are removed at
the end (only those the list names: in a folder without it, nothing else is touched)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator import pipeline
from generator.lang.messages import t
from generator.model.paths import SHARED
from generator.publish.branch import (
    BRANCH,
    LATEST,
    PublishError,
    branch_exists,
    check_repository,
    in_repository,
    tree_files,
)

LISTING = ".portal-deployed.json"


@dataclass(frozen=True)
class Deployed:
    written: int
    written_bytes: int
    removed: int
    unchanged: int


def _tree(branch: str) -> dict[str, tuple[str, int]]:
    """path → (blob, bytes) of every file of the branch; a symbolic link is refused."""
    files = tree_files(branch)
    link = next((path for path, f in files.items() if f.link), None)
    if link:
        raise PublishError(t("{path} on the branch {branch} is a symbolic link, which a web server's folder "
                             "should not hold; publish with portal publish", path=link, branch=branch))
    return {path: (f.blob, f.size) for path, f in files.items()}


def blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _order(path: str) -> tuple[int, str]:
    """The shared files first (the versions' pages show them), then the version folders, then latest/, then
    the root's files (versions.json the very last)."""
    if "/" not in path:
        return (4 if path == "versions.json" else 3, path)
    folder = path.split("/", 1)[0]
    return (0 if folder == SHARED else 2 if folder == LATEST else 1, path)


def _read_listing(target: Path) -> dict[str, str]:
    try:
        return json.loads((target / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _current(target: Path, path: str, blob: str, size: int, listing: dict[str, str]) -> bool:
    """Whether `target/path` holds that blob already."""
    file = target / path
    try:
        if file.stat().st_size != size:
            return False
    except OSError:
        return False
    if listing:
        return listing.get(path) == blob
    return blob_id(file.read_bytes()) == blob


def deploy(project: pipeline.Project, target: Path, branch: str = BRANCH) -> Deployed:
    """Make `target` hold exactly the branch's files, writing only those that differ."""
    target = target.resolve()
    with in_repository(project.root):
        check_repository(project)
        if target == project.root or target in project.root.parents:
            raise PublishError(t("{target} holds the project itself: deploy into a web server's own folder",
                                 target=str(target)))
        if not branch_exists(branch):
            raise PublishError(t("there is no branch {branch} to deploy: publish first", branch=branch))
        tree = _tree(branch)
        target.mkdir(parents=True, exist_ok=True)
        listing = _read_listing(target)
        todo = sorted((p for p, (blob, size) in tree.items() if not _current(target, p, blob, size, listing)),
                      key=_order)
        written = 0
        with subprocess.Popen(["git", "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as cat:
            for path in todo:
                cat.stdin.write(tree[path][0].encode() + b"\n")
                cat.stdin.flush()
                header = cat.stdout.readline().split()
                data = cat.stdout.read(int(header[2]))
                cat.stdout.read(1)  # the newline after each object
                file = target / path
                file.parent.mkdir(parents=True, exist_ok=True)
                tmp = file.with_name(f".{file.name}.portal-tmp")
                tmp.write_bytes(data)
                os.replace(tmp, file)
                written += len(data)
            cat.stdin.close()
        gone = sorted(p for p in listing if p not in tree)
        for path in gone:
            (target / path).unlink(missing_ok=True)
        for folder in sorted({(target / p).parent for p in gone}, key=lambda d: len(d.parts), reverse=True):
            while folder != target and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        tmp = target / f".{LISTING}.portal-tmp"
        tmp.write_text(json.dumps({p: blob for p, (blob, _) in sorted(tree.items())}, indent=0) + "\n",
                       encoding="utf-8")
        os.replace(tmp, target / LISTING)
        return Deployed(len(todo), written, len(gone), len(tree) - len(todo))
