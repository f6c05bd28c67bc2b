"""`portal publish` with the real mike against real git repositories: a project repository and a bare one
to push to, as a static host's repository would be."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import git, git_project, run_portal

pytestmark = pytest.mark.slow

MEETING = """date: {date}
number: {number}
title_fa: جلسهٔ هفتگی
synthetic: yes
summary_fa: خلاصه
attendees:
  - role_fa: رئیس
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The minimal project as a git repository with a bare remote; its data end with meeting 1400-06-10."""
    base = tmp_path_factory.mktemp("publish")
    root = git_project(base / "project")
    remote = base / "remote.git"
    git(base, "init", "--bare", "--quiet", str(remote))
    git(root, "remote", "add", "origin", str(remote))
    return root, remote


def _add_meeting(root: Path, date: str, number: int) -> None:
    (root / "data" / "meetings" / f"{date}.yaml").write_text(MEETING.format(date=date, number=number),
                                                             encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", f"meeting {date}")


def _tree(remote: Path, path: str) -> str:
    return git(remote, "rev-parse", f"publish:{path}")


def test_three_meetings_published_in_a_row(repo: tuple[Path, Path]) -> None:
    root, remote = repo
    trees = {}
    for date, number in (("1400-06-10", None), ("1400-06-17", 4), ("1400-06-24", 5)):
        if number:
            _add_meeting(root, date, number)
        code, out, err = run_portal(root, "publish", "--push", "origin")
        assert code == 0, out + err
        assert f"published {date}" in out and "pushed to origin" in out
        trees[date] = _tree(remote, date)
        # an earlier version is byte for byte what it was when it was published
        for earlier, tree in trees.items():
            assert _tree(remote, earlier) == tree, earlier

    # the root of the branch sends readers to the latest publication, without a script
    root_page = git(remote, "show", "publish:index.html")
    assert 'content="0; url=latest/"' in root_page and "<script" not in root_page and 'lang="fa"' in root_page
    listed = json.loads(git(remote, "show", "publish:versions.json"))
    assert [v["version"] for v in listed] == ["1400-06-24", "1400-06-17", "1400-06-10"]
    assert [v["title"] for v in listed] == ["جلسهٔ ۲۴ شهریور ۱۴۰۰", "جلسهٔ ۱۷ شهریور ۱۴۰۰", "جلسهٔ ۱۰ شهریور ۱۴۰۰"]
    assert [v["aliases"] for v in listed] == [["latest"], [], []]
    # latest is a copy of the newest version (static hosts reject symlinks), not a link
    assert _tree(remote, "latest") == trees["1400-06-24"]
    modes = {line.split()[0] for line in git(remote, "ls-tree", "-r", "publish").splitlines()}
    assert modes == {"100644"}
    # every page of a version says which publication it is and links to the latest
    for date in trees:
        page = git(remote, "show", f"publish:{date}/meetings/1400-05-27/index.html")
        assert 'class="portal-version"' in page and "نسخه‌های منتشرشده" in page
        assert 'href="../../../latest/"' in page
    home = git(remote, "show", "publish:1400-06-10/index.html")
    assert 'href="./../latest/"' in home or 'href="../latest/"' in home


def test_a_version_already_published_is_never_rebuilt(repo: tuple[Path, Path]) -> None:
    root, _ = repo
    head = git(root, "rev-parse", "publish")
    code, out, err = run_portal(root, "publish")
    assert code == 1 and "is already on the branch publish" in err, out + err
    assert git(root, "rev-parse", "publish") == head


def test_a_failed_build_or_audit_publishes_nothing(repo: tuple[Path, Path]) -> None:
    root, remote = repo
    head, pushed = git(root, "rev-parse", "publish"), git(remote, "rev-parse", "publish")
    # bad data: a meeting with a province that does not exist
    (root / "data" / "meetings" / "1400-06-31.yaml").write_text(
        MEETING.format(date="1400-06-31", number=6) + "reports:\n  - province: کرمون\n    reporter_role_fa: فرمانده\n",
        encoding="utf-8")
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 1 and "unknown-province" in err, out + err
    # the audit refuses: a national ID in the minutes
    (root / "data" / "meetings" / "1400-06-31.yaml").write_text(
        MEETING.format(date="1400-06-31", number=6).replace("خلاصه", "کد ملی ۰۰۱۳۵۴۲۴۱۹"), encoding="utf-8")
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 1, out + err
    assert git(root, "rev-parse", "publish") == head and git(remote, "rev-parse", "publish") == pushed
    (root / "data" / "meetings" / "1400-06-31.yaml").unlink()


def test_each_publication_says_what_changed_since_the_previous_one(repo: tuple[Path, Path]) -> None:
    """From the previous version's published figures: a revised past week shows its old value as published."""
    root, remote = repo
    first = git(remote, "show", "publish:1400-06-10/changes/index.html")
    assert "نخستین انتشار" in first
    third = git(remote, "show", "publish:1400-06-24/changes/index.html")
    assert "جلسهٔ ۱۷ شهریور ۱۴۰۰" in third and "هیچ رقمی از هفته‌ها یا ماه‌های گذشته تغییر نکرده است" in third

    weekly = root / "data" / "deliveries" / "weekly.csv"
    weekly.write_text(weekly.read_text(encoding="utf-8").replace("1400-06-03,استان کرمان,,oxygen,۳۰",
                                                                  "1400-06-03,استان کرمان,,oxygen,۳۵"),
                      encoding="utf-8")
    # staff say why, for Kerman's oxygen figures of that week; another reason matches nothing that changed
    (root / "data" / "revisions.yaml").write_text(
        "- id: 1400-07-01-r1\n  date: 1400-07-01\n  reason_fa: گزارش دیرهنگام کرمان\n  programme: oxygen\n"
        "  province: کرمان\n  period: 1400-06-03\n"
        "- id: 1400-07-02-r1\n  date: 1400-07-02\n  reason_fa: بازشماری گیلان\n  province: گیلان\n",
        encoding="utf-8")
    _add_meeting(root, "1400-07-07", 6)
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 0, out + err
    page = git(remote, "show", "publish:1400-07-07/changes/index.html")
    revisions = page.split('<details')[0]  # the revisions come before the folded list of updated totals
    # Kerman's oxygen concentrators in the week of 1400-06-03: 30 as published, 35 now
    row = re.search(r"<tr>\s*<td>استان کرمان: تحویل[^<]*</td>\s*<td>۱۴۰۰-۰۶-۰۳</td>\s*<td>[^<]*</td>\s*"
                    r"<td>۳۰</td>\s*<td>۳۵</td>\s*<td>گزارش دیرهنگام کرمان</td>\s*</tr>", revisions)
    assert row, revisions[-4000:]
    # the national total of that week changed with it (42 → 47): the same reason explains it
    national = re.search(r"<tr>\s*<td>[^<]*</td>\s*<td>۱۴۰۰-۰۶-۰۳</td>\s*<td>[^<]*</td>\s*<td>۴۲</td>\s*"
                         r"<td>۴۷</td>\s*<td>([^<]*)</td>", revisions)
    assert national and national.group(1) == "گزارش دیرهنگام کرمان", revisions[-4000:]
    # Gilan's recount names a province whose figures did not change: it explains no row, and is listed
    assert "<td>بازشماری گیلان</td>" not in revisions and "بازشماری گیلان" in revisions
    # the week is listed once: the running totals and shares that follow from it are updates, folded away
    assert "جمع تا پایان" not in revisions and "جمع تا پایان" in page.split("<details")[1]
    # and the version it compares with is unchanged: it still says 30
    old = json.loads(git(remote, "show", "publish:1400-06-24/downloads/province-kerman-over-time.json"))
    assert [r["oxygen"] for r in old["rows"] if r["week"] == "1400-06-03"] == [30]


def test_a_first_deployment_backfills_every_meeting_from_the_data_as_they_stood(tmp_path: Path) -> None:
    root = git_project(tmp_path / "project")
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0, out + err
    assert [line.split()[1] for line in out.splitlines() if line.startswith("backfilled 14")] == [
        "1400-05-27", "1400-06-03", "1400-06-10"]
    listed = json.loads(git(root, "show", "publish:versions.json"))
    assert [v["version"] for v in listed] == ["1400-06-10", "1400-06-03", "1400-05-27"]
    assert all(v["properties"]["backfilled"] is True for v in listed)
    assert listed[0]["aliases"] == ["latest"]
    # the first version knows only its own meeting: no later meeting page, no delivery reported after it
    files = git(root, "ls-tree", "-r", "--name-only", "publish:1400-05-27").splitlines()
    assert "meetings/1400-05-27/index.html" in files and "meetings/1400-06-03/index.html" not in files
    oxygen = json.loads(git(root, "show", "publish:1400-06-03/downloads/programme-oxygen-over-time.json"))
    assert [r["week"] for r in oxygen["rows"]] == ["1400-06-03"]
    page = git(root, "show", "publish:1400-05-27/index.html")
    assert "پس‌ساخت" in page
    # the data in the repository are untouched, and nothing is left to backfill
    assert git(root, "status", "--porcelain", "data") == ""
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0 and "nothing to backfill" in out, out + err
