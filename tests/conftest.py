"""Shared test helpers: throwaway projects made from the example data or the minimal test data."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from generator import cli

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "data" / "minimal"


def make_project(dest: Path, data: str = "minimal", overlay: dict[str, str | bytes | None] | None = None) -> Path:
    """A project tree at `dest`: mkdocs.yml, site_overrides/, hand-written content/ and a data/ folder.

    `data` is "minimal" (tests/data/minimal plus the real reference files) or "example" (data/).
    `overlay` maps paths under data/ to new file contents (None deletes the file).
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", dest / "site_overrides")
    (dest / "content").mkdir()
    shutil.copy(ROOT / "content" / "about.md", dest / "content" / "about.md")
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


def git_project(dest: Path, data: str = "minimal") -> Path:
    """make_project(dest, data) as a git repository with its files in one commit: what `portal publish`
    needs (it keeps the versions on a branch of the project's repository)."""
    root = make_project(dest, data)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", "Staff")
    git(root, "config", "user.email", "staff@example.org")
    git(root, "add", "data", "mkdocs.yml", "site_overrides", "content")
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


def run_portal(root: Path, *args: str) -> tuple[int, str, str]:
    """Run the real CLI in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data, built once for every module that only reads the result (copy it before changing
    anything). A module that edits and rebuilds its project builds its own."""
    root = make_project(tmp_path_factory.mktemp("example") / "project", data="example")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    return root


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


# every kind of page the site has, for the browser tests
PAGE_TYPES = {  # page type -> (path, figures it must have)
    "home": ("", 1),
    "programmes index": ("programmes/", 0),
    "programme": ("programmes/oxygen-concentrators/", 3),
    "programme counted from meetings": ("programmes/weekly-meetings/", 1),
    "provinces index": ("provinces/", 0),
    "province with data": ("provinces/gilan/", 3),
    "households": ("households/", 3),
    "centres": ("centres/", 1),
    "meetings index": ("meetings/", 0),
    "meeting": ("meetings/1400-05-27/", 0),
    "decisions": ("decisions/", 0),
    "methodology": ("methodology/", 0),
    "about": ("about/", 0),
}
# pages with no figure that the tests above do not open without JavaScript, for the others
MORE_PAGE_TYPES = {
    "what changed": "changes/", "publications": "archive/", "open data": "open-data/", "search": "search/",
    "search results": "search/?q=گیلان", "page not found": "404.html",
}
ALL_PAGE_TYPES = {name: path for name, (path, _) in PAGE_TYPES.items()} | MORE_PAGE_TYPES

# The browser tests (test_browser.py, test_search.py, test_accessibility.py): Debian's Chromium, driven by
# Playwright, serving a built site over HTTP on this machine. Chromium is started so that it reaches for no
# other host itself.
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """An HTTP server for `directory` on a free port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def served(example_site: Path):
    assert CHROMIUM.exists(), "Debian's chromium is needed: `make chromium` (or apt-get install chromium)"
    with serving(example_site / "site") as base:
        yield example_site, base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
