"""The CI workflows for GitHub Actions: linted by actionlint, and running what the README says."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers import git_project, run_portal


def test_publish_skips_a_meeting_already_published_when_asked(tmp_path: Path) -> None:
    root = git_project(tmp_path / "p")
    assert run_portal(root, "publish")[0] == 0
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(remote)], check=True)
    code, out, err = run_portal(root, "publish", "--skip-published", "--push", str(remote))
    assert code == 0 and "nothing to publish" in out, out + err
    # the branch still reaches the remote (a first push may have failed)
    pushed = subprocess.run(["git", "--git-dir", str(remote), "rev-parse", "publish"], capture_output=True)
    assert pushed.returncode == 0
    code, out, err = run_portal(root, "publish")
    assert code == 1 and "already on the branch" in err
