"""Every message `portal` prints is in the language asked for: with `--lang fa`, validate, build, audit,
new-meeting, publish, squash and schema speak Persian, their successes and their errors alike, and each
Latin run in a Persian line (a path, a command, a version) is held left to right once, as a whole: never a
direction mark between two Latin words, which breaks a copy, a paste and a search."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import git, git_project, run_portal

PERSIAN = re.compile(r"[\u0600-\u06ff]")
LRM = "\u200e"
BETWEEN_WORDS = re.compile(rf"[A-Za-z0-9_./-]{LRM}[ ,;:]+{LRM}?[A-Za-z0-9_./-]")


def _persian_lines(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    english = [line for line in lines if not PERSIAN.search(line)]
    marked = [line for line in lines if BETWEEN_WORDS.search(line)]
    assert english == [] and marked == [], (english, marked)
    return lines


def test_every_command_speaks_persian_when_asked(tmp_path: Path) -> None:
    root = git_project(tmp_path / "p")
    said: dict[str, str] = {}

    def portal(name: str, *args: str, code: int = 0, on: Path = root) -> str:
        got, out, err = run_portal(on, "--lang", "fa", *args)
        assert got == code, (name, out, err)
        said[name] = out + err
        return (out + err).replace(LRM, "")

    portal("validate", "validate")
    assert "ساخته و در" in portal("build", "build")
    assert "بازرسی" in portal("audit", "audit")
    published = portal("publish", "publish")
    assert "منتشر شد" in published and "`latest`" in published
    assert "از پیش روی شاخهٔ" in portal("publish again", "publish", code=1)
    assert "چیزی برای انتشار نیست" in portal("nothing to publish", "publish", "--skip-published")
    assert "فشرده شد" in portal("squash", "squash")
    assert "برای فشرده‌سازی نیست" in portal("no branch", "squash", "--branch", "none", code=1)
    portal("new meeting back in time", "new-meeting", "--date", "1400-05-01", code=1)
    portal("schema out of date", "schema", "--check", code=1)
    (root / "data" / "site.yaml").write_text((root / "data" / "site.yaml").read_text(encoding="utf-8") + "\n",
                                             encoding="utf-8")
    assert "با آخرین کامیت فرق دارد" in portal("uncommitted", "publish", code=1)
    git(root, "checkout", "--", "data")
    shutil.rmtree(root / "site")
    assert "وجود ندارد" in portal("no site", "audit", code=1)
    elsewhere = tmp_path / "not-a-repository"
    shutil.copytree(root, elsewhere, ignore=shutil.ignore_patterns(".git"))
    assert "مخزن git نیست" in portal("not a repository", "publish", code=1, on=elsewhere)
    for name, text in said.items():
        assert _persian_lines(text), name
    # the same commands in English say nothing in Persian but what staff typed and the site's titles
    code, out, err = run_portal(root, "--lang", "en", "squash", "--branch", "none")
    assert code == 1 and not PERSIAN.search(out + err) and LRM not in out + err
