"""`portal deploy --to DIR`: the publish branch copied into a web server's folder, writing only what a
publication added or changed, removing what the retention policy took off; the folder then holds exactly
the branch's files (as `git archive` gives them)."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import MEETING, branch_tree, git, git_project, run_portal


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != ".portal-deployed.json"}


def _publish(root: Path, date: str, number: int) -> None:
    (root / "data" / "meetings" / f"{date}.yaml").write_text(MEETING.format(date=date, number=number),
                                                             encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", f"meeting {date}")
    code, out, err = run_portal(root, "publish")
    assert code == 0, out + err


def _deploy(root: Path, to: Path) -> tuple[int, int, int]:
    code, out, err = run_portal(root, "deploy", "--to", str(to))
    assert code == 0, out + err
    m = re.search(r"(\d+) file\(s\) written \([\d.]+ MB\), (\d+) removed, (\d+) unchanged", out)
    assert m, out
    return int(m[1]), int(m[2]), int(m[3])


def test_deploy_writes_only_what_changed_and_removes_what_the_branch_took_off(tmp_path: Path) -> None:
    root = git_project(tmp_path / "project")
    site = root / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "retention:\n  every_week_for_days: 7\n  then: month\n",
                    encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "retention")
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0, out + err
    srv = tmp_path / "srv"
    written, removed, unchanged = _deploy(root, srv)
    assert removed == unchanged == 0 and written == len(_files(srv))
    assert _files(srv) == _files(branch_tree(root, tmp_path / "want1"))
    # again, nothing to do
    assert _deploy(root, srv) == (0, 0, written)

    # one more meeting: the new version, latest/ (the files that differ) and the root's
    _publish(root, "1400-06-17", 4)
    before = _files(srv)
    want = _files(branch_tree(root, tmp_path / "want2"))
    written, removed, unchanged = _deploy(root, srv)
    changed = {p for p, data in want.items() if before.get(p) != data}
    assert written == len(changed) and unchanged == len(want) - len(changed)
    # ...and the shared files (charts) it shows that no version showed before
    assert all(p.startswith(("1400-06-17/", "latest/", "_shared/")) or "/" not in p for p in changed), changed
    assert any(p.startswith("_shared/") for p in changed) and any(p.startswith("_shared/") for p in before)
    # what latest/ no longer has (the previous week's bulletin, say): nothing of an older version
    assert removed == len(set(before) - set(want)) and all(p.startswith("latest/") for p in set(before) - set(want))
    assert _files(srv) == want

    # the retention policy takes a version off the branch: deploy removes it, and its empty folders
    _publish(root, "1400-06-24", 5)
    want = _files(branch_tree(root, tmp_path / "want3"))
    gone = {p for p in _files(srv) if p not in want}
    assert any(p.startswith("1400-06-03/") for p in gone)
    assert all(p.startswith(("1400-06-03/", "latest/", "_shared/")) for p in gone), gone
    written, removed, _ = _deploy(root, srv)
    assert removed == len(gone) and not (srv / "1400-06-03").exists()
    assert _files(srv) == want

    # a folder without the list (copied some other way): compared file by file, a changed file rewritten
    (srv / ".portal-deployed.json").unlink()
    (srv / "latest" / "index.html").write_text("stale", encoding="utf-8")
    written, removed, unchanged = _deploy(root, srv)
    assert (written, removed) == (1, 0) and _files(srv) == want


def test_deploy_refuses_the_project_itself_and_a_missing_branch(tmp_path: Path) -> None:
    root = git_project(tmp_path / "project")
    code, out, err = run_portal(root, "deploy", "--to", str(tmp_path / "srv"))
    assert code == 1 and "there is no branch publish to deploy: publish first" in err, out + err
    code, out, err = run_portal(root, "deploy", "--to", str(root))
    assert code == 1 and "holds the project itself" in err, out + err
