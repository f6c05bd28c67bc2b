"""The publish branch's shared folder (`_shared/` at its root): what versions share, stored once.

A build writes into site/_shared/ the charts' drawings (charts/inline.py), a version's link-preview cards
(site/shared_cards.py) and the closed seasons of the figures' vintages (render/vintage_files.py), each named
by its content, and a version's pages point one folder up to them (`../_shared/charts/…`). Publishing
sets that folder aside before mike copies the site into the version's folder and `latest/`, commits the
files the branch does not hold yet into `_shared/` first (a version's pages never point to a file not
there), and lists in the version (`shared-files.txt`) every shared file it shows. When the retention
policy takes versions off, every shared file no version left online lists is taken off too. A version
stays whole and browsable on its own, with no link: its pages and every file they show are on the
branch, immutable, as long as the version is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mike import git_utils

from generator.model.paths import SHARED
from generator.publish.branch import read_files, tree_files

MANIFEST = "shared-files.txt"  # in each version's folder: the shared files its pages show, one per line


def set_aside(site: Path, aside: Path) -> dict[str, Path]:
    """Move site/_shared/ into `aside` (the caller's temporary folder) and write the site's list of them;
    returns each file's path on the branch → where it is now."""
    folder = site / SHARED
    files: dict[str, Path] = {}
    if folder.is_dir():
        shutil.move(str(folder), str(aside / SHARED))
        files = {f"{SHARED}/{p.relative_to(aside / SHARED).as_posix()}": p
                 for p in sorted((aside / SHARED).rglob("*")) if p.is_file()}
    (site / MANIFEST).write_text("".join(f"{path}\n" for path in files), encoding="utf-8")
    return files


def put_back(site: Path, aside: Path) -> None:
    """site/_shared/ where it was: site/ holds again all that was built and audited."""
    if (aside / SHARED).is_dir() and not (site / SHARED).exists():
        shutil.move(str(aside / SHARED), str(site / SHARED))


def commit(files: dict[str, Path], branch: str, version: str) -> int:
    """Commit to `branch` the shared files it does not hold yet; returns how many. A shared file's name is
    its content, so one already there is the same bytes."""
    there = tree_files(branch)
    new = [path for path in files if path not in there]
    if new:
        message = f"Add the {len(new)} shared file(s) {version} adds to {SHARED}/"
        with git_utils.Commit(branch, message) as done:
            for path in new:
                done.add_file(git_utils.FileInfo(path, files[path].read_bytes()))
    return len(new)


def collect(branch: str, removed: tuple[str, ...]) -> int:
    """Take off the branch every shared file that no version on it lists any more (after the versions in
    `removed` were taken off); returns how many."""
    tree = tree_files(branch)
    lists = [path for path in tree if path.count("/") == 1 and path.endswith("/" + MANIFEST)]
    shown = {line for data in read_files(branch, lists).values()
             for line in data.decode("utf-8").splitlines() if line}
    unused = sorted(path for path in tree if path.startswith(SHARED + "/") and path not in shown)
    if unused:
        message = f"Take off {SHARED}/ the {len(unused)} file(s) only {', '.join(removed)} showed"
        with git_utils.Commit(branch, message) as done:
            done.delete_files(unused)
    return len(unused)
