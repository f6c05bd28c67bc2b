"""The example site builds the same with ProperDocs, the maintained drop-in fork of MkDocs 1.6: if MkDocs
must be left, the project can move without a change to what the public gets. Only the `generator` meta tag,
which names the program, may differ."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*"')

# the portal's own CLI, with every `mkdocs` import answered by ProperDocs (its replacement module is how its
# own `properdocs` command runs MkDocs plugins and themes: mkdocs-material among them)
WITH_PROPERDOCS = ("import sys\nimport properdocs.replacement\nimport mkdocs\n"
                   "assert mkdocs.__name__ == 'properdocs', mkdocs.__name__\n"
                   "from generator.cli import main\nsys.exit(main(sys.argv[1:]))\n")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_example_site_builds_the_same_with_properdocs(example_site: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(example_site, root, ignore=shutil.ignore_patterns("site"))
    done = subprocess.run([sys.executable, "-c", WITH_PROPERDOCS, "--root", str(root), "build"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    theirs, ours = _files(root / "site"), _files(example_site / "site")
    assert sorted(theirs) == sorted(ours)
    stamped = [name for name, data in theirs.items() if b"ProperDocs" in data]
    assert stamped and all(name.endswith(".html") for name in stamped)  # ProperDocs did build it
    differ = [name for name in ours if GENERATOR.sub(b"", ours[name]) != GENERATOR.sub(b"", theirs[name])]
    assert differ == [], differ[:5]
