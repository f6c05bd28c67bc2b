"""The tests' fixtures: the example site built once per session, a minimal project, and for the browser
tests a served site and one Chromium. The helpers they use are modules of their own (helpers.py,
browser_checks.py), imported by the tests directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_checks import ARGS, CHROMIUM, serving
from helpers import make_project, run_portal

LAYERS = ("unit", "site", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test marked by its folder: tests/unit, tests/site or tests/browser (a test elsewhere fails)."""
    for item in items:
        layer = item.path.parent.name
        assert layer in LAYERS, f"{item.nodeid}: a test belongs in tests/unit, tests/site or tests/browser"
        item.add_marker(layer)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data, built once for every module that only reads the result (copy it before changing
    anything). A module that edits and rebuilds its project builds its own."""
    root = make_project(tmp_path_factory.mktemp("example") / "project", data="example")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    return root


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data with both editions (mkdocs.en.yml), built once for every module that only reads it."""
    root = make_project(tmp_path_factory.mktemp("english") / "project", data="example", english=True)
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    return root


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


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
