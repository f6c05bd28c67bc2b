"""The staff's commit hooks: the real pre-commit, in a real git repository, on the project's own config."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from generator.staff.hygiene import problems
from helpers import ROOT, git_project


def test_hygiene_finds_and_fixes_line_endings_bom_and_final_newline(tmp_path: Path) -> None:
    csv = tmp_path / "weekly.csv"
    csv.write_bytes(b"\xef\xbb\xbfa,b\r\n1,2")
    found = problems(csv, fix=True)
    assert len(found) == 3 and "CRLF" in found[1] and "newline at the end" in found[2]
    assert csv.read_bytes() == b"a,b\n1,2\n" and problems(csv) == []
    yml = tmp_path / "m.yaml"
    yml.write_text("a:\n\t- b\n", encoding="utf-8")
    assert problems(yml, fix=True) == [f"{yml}:2: a tab in the indentation; YAML is indented with spaces only"]
    assert yml.read_text(encoding="utf-8") == "a:\n\t- b\n"  # a tab is reported, never guessed at
    old = tmp_path / "old.csv"
    old.write_bytes("a,b\n1,کرمان\n".encode("cp1256"))
    assert "is not UTF-8" in problems(old)[0] and problems(old)[0].startswith(f"{old}:2:")


def test_the_commit_hooks_stop_a_bad_commit_and_let_a_good_one_through(tmp_path: Path) -> None:
    root = git_project(tmp_path / "p")
    shutil.copy(ROOT / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / ".git/info/exclude").write_text(".venv\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=root, capture_output=True, text=True, env=env, timeout=300)

    assert run(str(ROOT / ".venv/bin/pre-commit"), "install").returncode == 0
    weekly = root / "data/deliveries/weekly.csv"
    good = weekly.read_text(encoding="utf-8")
    # a Windows file with a misspelt province: the line endings are fixed, the province is refused
    weekly.write_bytes(good.replace("کرمان", "کرمون").replace("\n", "\r\n").encode("utf-8"))
    run("git", "add", "-A")
    done = run("git", "commit", "-m", "week")
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert "CRLF" in out and "unknown-province" in out and "کرمون" in out
    assert b"\r" not in weekly.read_bytes()  # fixed in place
    weekly.write_text(good, encoding="utf-8")
    site = root / "data/site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "# checked\n", encoding="utf-8")
    run("git", "add", "-A")
    done = run("git", "commit", "-m", "week")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert out.count("Passed") == 2 and "Failed" not in out  # hygiene and validate ran, and passed
