"""What the tests share: throwaway projects made from the example data or the minimal test data, git
repositories for the publishing tests, and the real CLI run in-process. The fixtures are in conftest.py."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

from generator import cli

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "data" / "minimal"
# a synthetic weekly meeting to add to the minimal data (whose last meeting is 1400-06-10) before publishing
MEETING = """date: {date}
number: {number}
title_fa: جلسهٔ هفتگی
synthetic: yes
summary_fa: خلاصه
summary_en: Summary
attendees:
  - role_fa: رئیس
"""


def make_project(dest: Path, data: str = "minimal", overlay: dict[str, str | bytes | None] | None = None,
                 english: bool = False) -> Path:
    """A project tree at `dest`: mkdocs.yml, site_overrides/, hand-written content/ and a data/ folder.

    `data` is "minimal" (tests/data/minimal plus the real reference files) or "example" (data/).
    `overlay` maps paths under data/ to new file contents (None deletes the file). `english`: with the
    English edition's MkDocs configuration and hand-written page, so that a build builds both editions
    (without, the generator writes content/en/ but the site has the Persian edition only).
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", dest / "site_overrides")
    (dest / "content").mkdir()
    shutil.copy(ROOT / "content" / "about.md", dest / "content" / "about.md")
    if english:
        shutil.copy(ROOT / "mkdocs.en.yml", dest / "mkdocs.en.yml")
        (dest / "content" / "en").mkdir()
        shutil.copy(ROOT / "content" / "en" / "about.md", dest / "content" / "en" / "about.md")
    if data == "example":
        shutil.copytree(ROOT / "data", dest / "data")
    else:
        shutil.copytree(MINIMAL, dest / "data")
        shutil.copytree(ROOT / "data" / "reference", dest / "data" / "reference")
    for rel, text in (overlay or {}).items():
        path = dest / "data" / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return dest


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` and return its output; a failure fails the test with git's own message."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def git_project(dest: Path, data: str = "minimal", english: bool = False) -> Path:
    """make_project(dest, data, english=…) as a git repository with its files in one commit: what `portal
    publish` needs (it keeps the versions on a branch of the project's repository)."""
    root = make_project(dest, data, english=english)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", "Staff")
    git(root, "config", "user.email", "staff@example.org")
    git(root, "add", "data", "mkdocs.yml", "site_overrides", "content", *(["mkdocs.en.yml"] if english else []))
    git(root, "commit", "--quiet", "-m", "data")
    return root


def broken_project(tmp_path: Path, case: str) -> Path:
    """The minimal project with the broken fixture `case` of tests/data/broken/ laid over it: its data files
    added or replaced, and those its delete.txt lists removed."""
    root = make_project(tmp_path / "project")
    broken = ROOT / "tests" / "data" / "broken" / case
    if (broken / "data").exists():
        shutil.copytree(broken / "data", root / "data", dirs_exist_ok=True)
    if (broken / "delete.txt").exists():
        for rel in (broken / "delete.txt").read_text().split():
            (root / "data" / rel).unlink()
    return root


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `python -m generator` as staff and CI do: a real process, its real exit code."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def run_portal(root: Path, *args: str) -> tuple[int, str, str]:
    """Run the real CLI in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def branch_tree(root: Path, dest: Path) -> Path:
    """The publish branch of the repository at `root` as a host serves it: its files, extracted into `dest`
    (git archive, not a checkout: no .git folder)."""
    import tarfile

    dest.mkdir(parents=True, exist_ok=True)
    archive = dest.parent / f"{dest.name}.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), "publish"], cwd=root, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    return dest


def served_vintages(folder: Path, table_json: str, downloads: dict[str, str], shared_files: dict[str, bytes],
                    shared: Path, name: str) -> tuple[str, Path]:
    """A figure's vintages as a site serves them, for the audit (audit/vintages.py): its table's JSON
    (`table_json`) and its own vintages JSON (`downloads[name]`) in `folder`, its closed seasons' files in
    `shared`; returns the vintages' text and where it is."""
    shared.mkdir(parents=True, exist_ok=True)
    for file, data in shared_files.items():
        (shared / file).write_bytes(data)
    (folder / name.replace("-vintages.json", ".json")).write_text(table_json, encoding="utf-8")
    path = folder / name
    path.write_text(downloads[name], encoding="utf-8")
    return downloads[name], path
