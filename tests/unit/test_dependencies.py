"""Every package the tests and the developer tools import is declared in pyproject.toml (deptry checks the
portal's own code the same way, in `make test`), and the two locks pin what pyproject.toml asks for, with a hash
for every file, the build's lock holding no test tool."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from helpers import ROOT

OURS = {"generator", "benchmarks", "helpers", "browser_checks", "text_fields", "conftest"}
# scripts run by Debian's own Python (/usr/bin/python3), with what Debian's packages give it: LibreOffice's UNO
# bridge (python3-uno: the modules uno and com.sun.star), installed by `make libreoffice`
DEBIAN_PYTHON = {"tests/libreoffice_fill.py": {"uno", "com"}}


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> dict[str, set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"runtime": project["dependencies"], **project["optional-dependencies"]}
    return {group: {_name(r) for r in reqs} for group, reqs in groups.items()}


def _imports(folder: str) -> dict[str, str]:
    """Top-level module -> the first file importing it, for every import (nested ones too) under `folder`."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []
            for name in names:
                found.setdefault(name.split(".")[0], path.relative_to(ROOT).as_posix())
    return found


def test_every_package_the_tests_and_tools_import_is_declared() -> None:
    declared = set().union(*_declared().values())
    distributions = importlib.metadata.packages_distributions()
    undeclared = []
    for folder in ("tests", "tools"):
        for module, where in _imports(folder).items():
            if module in OURS or module in sys.stdlib_module_names or module in DEBIAN_PYTHON.get(where, ()):
                continue
            names = {_name(d) for d in distributions.get(module, [module])}
            if not names & declared:
                undeclared.append(f"{where}: {module} (from {', '.join(sorted(names))})")
    assert undeclared == [], "declare these in pyproject.toml [project.optional-dependencies]: " + str(undeclared)


def _pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text(encoding="utf-8")
    blocks = re.findall(r"^([A-Za-z0-9._-]+)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", text, re.M)
    requirements = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(blocks) == len(requirements), f"{lock}: every requirement pinned with == and its hashes"
    return {_name(name): version for name, version, _ in blocks}


def test_the_locks_pin_what_pyproject_asks_for_with_hashes_and_the_builds_lock_has_no_test_tool() -> None:
    declared = _declared()
    runtime, test = _pins("requirements.lock"), _pins("requirements-test.lock")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"]:
        name, version = _name(requirement), requirement.split("==")[1]
        assert runtime.get(name) == version == test.get(name), requirement
    # what the build's packages themselves require (jsonschema, for Altair) may be in the build's lock
    required = {_name(r) for name in runtime for r in importlib.metadata.requires(name) or () if "extra ==" not in r}
    for group in ("test", "browser"):
        for name in declared[group]:
            assert name in test, f"{name}: pin it in requirements-test.lock (make lock)"
            assert name not in runtime or name in required, f"{name}: a test tool in the build's lock"
    assert {n: v for n, v in test.items() if n in runtime} == runtime  # the build's packages, pinned the same
