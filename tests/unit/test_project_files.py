"""The files a newcomer and their tools expect: the layout that shows the pipeline, and the project's own
files (changelog, contributing guide, security policy, citation), each saying what it must."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from helpers import ROOT

PACKAGE = ROOT / "generator"


def test_generator_holds_the_cli_and_the_pipeline_and_a_folder_per_stage_and_no_module_is_long() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "cli.py", "pipeline.py"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert {"load", "validate", "aggregate", "protect", "pages", "render", "site", "audit"} <= set(folders)
    for folder in folders:
        if any((PACKAGE / folder).glob("*.py")):
            assert (PACKAGE / folder / "__init__.py").read_text(encoding="utf-8").startswith('"""'), folder
    long = {p.relative_to(ROOT).as_posix(): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}, f"split these modules by job: {long}"


def test_the_stages_are_numbered_once() -> None:
    """pipeline.py's docstring numbers the stages, the README follows it, and no module numbers them."""
    pipeline = (PACKAGE / "pipeline.py").read_text(encoding="utf-8")
    numbered = re.findall(r"^  (\d)\. (\w+)", pipeline, re.M)
    assert [n for n, _ in numbered] == [str(i) for i in range(1, len(numbered) + 1)] and len(numbered) >= 8
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for n, stage in numbered:
        assert f"| {n} | {stage} |" in readme, (n, stage)
    others = [p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py") if p.name != "pipeline.py"
              and re.search(r"\bStage \d", p.read_text(encoding="utf-8"))]
    assert others == []


def test_the_project_files_are_there_and_say_what_they_must() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["version"] == version
    assert citation["title"] and citation["authors"] and citation["message"] and citation["license"] == "MIT"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## Unreleased$", changelog, re.M) and re.search(rf"^## {re.escape(version)}$", changelog, re.M)
    security = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "personal data" in security and "Do not open a public issue" in security
    assert "make squash" in security  # how a leaking version leaves the history too
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("## Set-up", "## The layers", "## Adding a data file", "## Adding a check", "## Adding a page"):
        assert heading in contributing, heading
    # what CONTRIBUTING names exists
    for path in re.findall(r"`(generator/[\w/]+\.py)`", contributing):
        assert (ROOT / path).is_file(), path


def test_every_module_and_test_the_documents_name_exists() -> None:
    """README, the guides and the benchmarks' notes name modules and tests by path: each is there."""
    named = []
    for doc in ("README.md", "CONTRIBUTING.md", "SECURITY.md", "docs/staff-guide.md", "docs/privacy.md",
                "benchmarks/README.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        named += [(doc, path) for path in re.findall(r"\b((?:generator|tests)/[\w/.-]+\.(?:py|j2|txt|sha256))", text)]
    assert len(named) > 20
    missing = [f"{doc}: {path}" for doc, path in named if not (ROOT / path).exists()]
    assert missing == []


def _exists(name: str, here: Path) -> bool:
    """A module or file named in prose: a path from the root, from generator/, from tests/ or from the folder
    of the file naming it; a bare name, some file of that name in the project."""
    if "/" in name:
        return any((base / name).exists() for base in (ROOT, PACKAGE, ROOT / "tests", here))
    return any(True for folder in ("generator", "tests", "tools", "benchmarks", "site_overrides")
               for _ in (ROOT / folder).rglob(name)) or (ROOT / name).exists()


def test_every_module_named_in_a_document_or_a_docstring_exists() -> None:
    """Old names do not survive a move: each `<module>.py` that a document, a module's docstring or comment,
    or a theme override names is a file of the project."""
    sources = [ROOT / d for d in ("README.md", "CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md",
                                  "benchmarks/README.md")] + sorted((ROOT / "docs").glob("*.md"))
    sources += sorted(PACKAGE.rglob("*.py")) + sorted((ROOT / "tests").glob("*.py"))
    sources += sorted((ROOT / "tests").glob("*/test_*.py")) + sorted((ROOT / "site_overrides").rglob("*.html"))
    missing = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for m in re.finditer(r"(?<![\w.-])((?:[\w-]+/)*[\w-]+\.py)\b", text):
            if not _exists(m.group(1), source.parent):
                missing.append(f"{source.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(1)}")
    assert missing == [], missing
