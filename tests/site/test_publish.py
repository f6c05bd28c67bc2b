"""`portal publish` with the real mike against real git repositories: a project repository and a bare one
to push to, as a static host's repository would be."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from pathlib import Path

import pytest

from generator.model.figures import read_csv_rows
from helpers import MEETING, git, git_project, run_portal


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
    # valid data not committed: a publication records the commit it was built from
    (root / "data" / "meetings" / "1400-06-31.yaml").write_text(MEETING.format(date="1400-06-31", number=6),
                                                                encoding="utf-8")
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 1 and "differ from the last commit (data/meetings/1400-06-31.yaml)" in err, out + err
    # the audit refuses: a national ID in the minutes (committed)
    (root / "data" / "meetings" / "1400-06-31.yaml").write_text(
        MEETING.format(date="1400-06-31", number=6).replace("خلاصه", "کد ملی ۰۰۱۳۵۴۲۴۱۹"), encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", "a meeting with a national ID")
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 1 and "national ID" in err, out + err
    assert git(root, "rev-parse", "publish") == head and git(remote, "rev-parse", "publish") == pushed
    git(root, "rm", "--quiet", "data/meetings/1400-06-31.yaml")
    git(root, "commit", "--quiet", "-m", "remove it")


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
    # the row first, in words, then the figure now, before, and why; the table and the column after
    row = re.search(r"<tr>\s*<td[^>]*>۳ شهریور ۱۴۰۰</td>\s*<td[^>]*>۳۵</td>\s*<td[^>]*>۳۰</td>\s*"
                    r"<td[^>]*>گزارش دیرهنگام کرمان</td>"
                    r"\s*<td[^>]*><a href=\"../downloads/province-kerman-over-time-vintages.csv\"[^>]*>استان کرمان: "
                    r"تحویل[^<]*</a></td>\s*<td[^>]*>[^<]*</td>\s*</tr>", revisions)
    assert row, revisions[-4000:]
    # the national total of that week changed with it (42 → 47): the same reason explains it
    national = re.search(r"<tr>\s*<td[^>]*>۳ شهریور ۱۴۰۰</td>\s*<td[^>]*>۴۷</td>\s*<td[^>]*>۴۲</td>\s*"
                         r"<td[^>]*>([^<]*)</td>", revisions)
    assert national and national.group(1) == "گزارش دیرهنگام کرمان", revisions[-4000:]
    # Gilan's recount names a province whose figures did not change: it explains no row, and is listed
    assert not re.search(r"<td[^>]*>بازشماری گیلان</td>", revisions) and "بازشماری گیلان" in revisions
    # the week is listed once: the running totals and shares that follow from it are updates, folded away
    assert "جمع تا پایان" not in revisions and "جمع تا پایان" in page.split("<details")[1]
    # and the version it compares with is unchanged: it still says 30
    old = json.loads(git(remote, "show", "publish:1400-06-24/downloads/province-kerman-over-time.json"))
    assert [r["oxygen"] for r in old["rows"] if r["week"] == "1400-06-03"] == [30]
    # the figure's vintages: that week as each publication published it, read from the branch, not the data
    history = json.loads(git(remote, "show", "publish:1400-07-07/downloads/province-kerman-over-time-vintages.json"))
    # autumn's own rows; summer's (a closed season) in a file of the shared folder that the version lists
    assert [e["season"] for e in history["earlier"]] == ["1400-2"]
    summer = {kind: history["earlier"][0][kind].removeprefix("../../") for kind in ("csv", "json")}
    assert summer["json"].startswith("_shared/vintages/province-kerman-over-time-vintages-1400-2-")
    listed = git(remote, "show", "publish:1400-07-07/shared-files.txt").splitlines()
    assert summer["json"] in listed and summer["csv"] in listed
    assert {r["publication"] for r in history["rows"]} == {"1400-07-07"}
    rows = json.loads(git(remote, "show", f"publish:{summer['json']}"))["rows"] + history["rows"]
    week = [(r["publication"], r["published"], r["oxygen"]) for r in rows if r["week"] == "1400-06-03"]
    assert week == [("1400-06-10", "1400-06-10", 30), ("1400-07-07", "1400-07-07", 35)], week
    # a week never revised has one row: the publication that first had it (not one per publication)
    assert [r["publication"] for r in rows if r["week"] == "1400-06-10"] == ["1400-06-10"]
    table = read_csv_rows(git(remote, "show", f"publish:{summer['csv']}"))[1:]
    own = git(remote, "show", "publish:1400-07-07/downloads/province-kerman-over-time-vintages.csv")
    assert own.splitlines()[-1].startswith("# ") and history["earlier"][0]["csv"] in own.splitlines()[-1]
    table += read_csv_rows(own)[1:]
    at = {name: i for i, name in enumerate(read_csv_rows(own)[0])}
    oxygen = next(c["label"] for c in history["columns"] if c["key"] == "oxygen")
    assert [(r[at["انتشار (نسخه)"]], r[at[oxygen]]) for r in table if r[0] == "1400-06-03"] == [
        ("1400-06-10", "30"), ("1400-07-07", "35")]
    package = json.loads(git(remote, "show", "publish:1400-07-07/downloads/datapackage.json"))
    resource = next(r for r in package["resources"] if r["name"] == "province-kerman-over-time-vintages")
    assert resource["x-earlier"] == history["earlier"]
    api = json.loads(git(remote, "show", "publish:1400-07-07/api/index.json"))
    listed = next(d for d in api["datasets"] if d["id"] == "province-kerman-over-time")
    assert listed["vintages"]["earlier"] == history["earlier"]


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
    # the link-preview cards are shared files: a version has no cards/ of its own, a page's card is on the
    # branch where its address leads, and a meeting's card, the same bytes each week, is one file
    assert not any(f.startswith("cards/") for f in files)
    tree = set(git(root, "ls-tree", "-r", "--name-only", "publish").splitlines())

    def card(version: str, page: str) -> str:
        html = git(root, "show", f"publish:{version}/{page}")
        url = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
        return posixpath.normpath(posixpath.join(version, posixpath.dirname(page), url))

    home = card("1400-05-27", "index.html")
    assert home.startswith("_shared/cards/") and home in tree and home.replace(".png", ".svg") in tree
    assert home in git(root, "show", "publish:1400-05-27/shared-files.txt").splitlines()
    meeting = "meetings/1400-05-27/index.html"
    assert card("1400-06-03", meeting) == card("1400-06-10", meeting) and card("1400-06-10", meeting) in tree
    # the data in the repository are untouched, and nothing is left to backfill
    assert git(root, "status", "--porcelain", "data") == ""
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0 and "nothing to backfill" in out, out + err


def test_a_correction_is_a_new_publication_that_says_what_it_corrects(repo: tuple[Path, Path]) -> None:
    """A mistake found after 1400-07-07 was published: staff correct the figure and add a revision with
    `correction: yes`; publishing makes 1400-07-07-2, and 1400-07-07 stays as it was."""
    root, remote = repo
    published = _tree(remote, "1400-07-07")
    weekly = root / "data" / "deliveries" / "weekly.csv"
    weekly.write_text(weekly.read_text(encoding="utf-8").replace("1400-06-10,Kerman,,oxygen,10",
                                                                  "1400-06-10,Kerman,,oxygen,20"), encoding="utf-8")
    revisions = root / "data" / "revisions.yaml"
    revisions.write_text(revisions.read_text(encoding="utf-8") + (
        "- id: 1400-07-09-r1\n  date: 1400-07-09\n  reason_fa: خطای تایپی در رقم هفتهٔ ۱۰ شهریور کرمان\n"
        "  province: Kerman\n  period: 1400-06-10\n  correction: yes\n"), encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", "correct Kerman's week of 1400-06-10")
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 0, out + err
    assert "published 1400-07-07-2 «جلسهٔ ۷ مهر ۱۴۰۰، اصلاحیهٔ ۱» after 1400-07-07, correcting 1400-07-07" in out
    listed = json.loads(git(remote, "show", "publish:versions.json"))
    assert listed[0]["version"] == "1400-07-07-2" and listed[0]["aliases"] == ["latest"]
    assert listed[0]["properties"]["corrects"] == "1400-07-07" and listed[1]["version"] == "1400-07-07"
    assert _tree(remote, "1400-07-07") == published and _tree(remote, "latest") == _tree(remote, "1400-07-07-2")
    # every page says it is a correction and of what; its changes page says what was corrected, and why
    home = git(remote, "show", "publish:1400-07-07-2/index.html")
    assert "اصلاحیهٔ «جلسهٔ ۷ مهر ۱۴۰۰»" in home
    changes = git(remote, "show", "publish:1400-07-07-2/changes/index.html")
    assert "این انتشار اصلاحیهٔ انتشار «جلسهٔ ۷ مهر ۱۴۰۰» است" in changes
    row = re.search(r"<tr>\s*<td[^>]*>۱۰ شهریور ۱۴۰۰</td>\s*<td[^>]*>۲۰</td>\s*<td[^>]*>۱۰</td>\s*"
                    r"<td[^>]*>خطای تایپی در رقم هفتهٔ ۱۰ شهریور کرمان</td>\s*"
                    r"<td[^>]*><a [^>]*>استان کرمان: تحویل[^<]*</a></td>",
                    changes)
    assert row, changes[-3000:]
    # reasons published before are not given again
    assert "گزارش دیرهنگام کرمان" not in changes
    log = json.loads(git(remote, "show", "publish:latest/downloads/publications.json"))["publications"]
    assert [(e["version"], e["corrects"], e["revisions"]) for e in log[-2:]] == [
        ("1400-07-07", None, ["1400-07-01-r1", "1400-07-02-r1"]), ("1400-07-07-2", "1400-07-07", ["1400-07-09-r1"])]
    # the feed links each revision to the «what changed» page of the version that first published it
    feed = git(remote, "show", "publish:1400-07-07-2/feed.xml")
    assert re.search(r'<title>اصلاحیه، ۹ مهر ۱۴۰۰</title>\s*<link rel="alternate" type="text/html" '
                     r'href="\.\./1400-07-07-2/changes/"', feed), feed[:3000]
    assert re.search(r'<title>بازنگری ارقام، ۱ مهر ۱۴۰۰</title>\s*<link rel="alternate" type="text/html" '
                     r'href="\.\./1400-07-07/changes/"', feed)
    # the correction is published: the same data publish nothing more
    code, out, err = run_portal(root, "publish", "--skip-published")
    assert code == 0 and "nothing to publish" in out, out + err
    assert git(root, "rev-parse", "publish") == git(remote, "rev-parse", "publish")


def _retention_project(base: Path, days: int) -> Path:
    root = git_project(base / "project")
    site = root / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + f"retention:\n  every_week_for_days: {days}\n  then: month\n",
                    encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "retention")
    return root


def test_retention_thins_old_versions_and_the_archive_lists_every_publication(tmp_path: Path) -> None:
    """Every week of the last 14 days, then the last publication of each month: as meetings are published,
    older weeks leave the branch, the versions kept stay byte for byte, and the archive lists them all."""
    root = _retention_project(tmp_path, 14)
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0, out + err
    trees = {v: _tree(root, v) for v in ("1400-05-27", "1400-06-03", "1400-06-10")}
    for number, date in enumerate(("1400-06-17", "1400-06-24", "1400-06-31", "1400-07-07", "1400-07-14"), 4):
        _add_meeting(root, date, number)
        code, out, err = run_portal(root, "publish")
        assert code == 0, out + err
        trees[date] = _tree(root, date)
    # at 1400-07-14 the last 14 days are 06-31 … 07-14; before them, the last of Mordad (05-27) and of
    # Shahrivar (06-24) stay; 06-03, 06-10 and 06-17 left one by one, each when a later week of its month
    # fell out of the 14 days too (06-10 at 06-31, 06-17 at 07-07, 06-24 at 07-14)
    listed = [v["version"] for v in json.loads(git(root, "show", "publish:versions.json"))]
    assert listed == ["1400-07-14", "1400-07-07", "1400-06-31", "1400-06-24", "1400-05-27"]
    for version in listed:
        assert _tree(root, version) == trees[version], version
    top = set(git(root, "ls-tree", "--name-only", "publish").split())
    assert {"1400-06-03", "1400-06-10", "1400-06-17"}.isdisjoint(top)

    log = json.loads(git(root, "show", "publish:latest/downloads/publications.json"))["publications"]
    assert [e["version"] for e in log] == ["1400-05-27", "1400-06-03", "1400-06-10", "1400-06-17", "1400-06-24",
                                           "1400-06-31", "1400-07-07", "1400-07-14"]
    removed = {e["version"]: e["removed_in"] for e in log if e["removed_in"]}
    assert removed == {"1400-06-03": "1400-06-31", "1400-06-10": "1400-07-07", "1400-06-17": "1400-07-14"}
    # each names the commit of the data it was built from: a commit of main, the newest one last
    assert log[-1]["source"] == git(root, "rev-parse", "--short", "main")
    for e in log:
        assert subprocess.run(["git", "merge-base", "--is-ancestor", e["source"], "main"], cwd=root).returncode == 0
    # the archive page lists every publication; a link for each version online, and each link resolves
    page = git(root, "show", "publish:latest/archive/index.html")
    for e in log:
        assert e["title"] in page, e["title"]
    links = [v for v in re.findall(r'href="\.\./\.\./([^"/]+)/"', page) if v != "latest"]  # the banner's
    assert links == ["1400-07-14", "1400-07-07", "1400-06-31", "1400-06-24", "1400-05-27"]
    assert "با انتشار «جلسهٔ ۳۱ شهریور ۱۴۰۰» برداشته شد" in page and "همین نسخه" in page
    # an older version's archive page is what it was: the log up to itself
    old = json.loads(git(root, "show", "publish:1400-06-24/downloads/publications.json"))["publications"]
    assert [e["version"] for e in old][-1] == "1400-06-24" and len(old) == 5


def test_squash_keeps_every_version_and_drops_the_old_history(tmp_path: Path) -> None:
    root = _retention_project(tmp_path, 7)
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--bare", "--quiet", str(remote))
    git(root, "remote", "add", "origin", str(remote))
    code, out, err = run_portal(root, "publish", "--backfill", "--push", "origin")
    assert code == 0, out + err
    for number, date in enumerate(("1400-06-17", "1400-06-24"), 4):
        _add_meeting(root, date, number)
        code, out, err = run_portal(root, "publish", "--push", "origin")
        assert code == 0, out + err
    tip = git(root, "rev-parse", "publish")
    tree = git(root, "rev-parse", "publish^{tree}")
    removed = [e["version"] for e in json.loads(git(root, "show", "publish:latest/downloads/publications.json")
                                                )["publications"] if e["removed_in"]]
    assert removed  # the history still holds them
    old_version = git(root, "rev-parse", f"{tip}~2:{removed[0]}")
    assert int(git(root, "rev-list", "--count", "publish")) > 5

    code, out, err = run_portal(root, "squash", "--push", "origin")
    assert code == 0, out + err
    assert "squashed" in out and "force-pushed to origin" in out
    assert git(root, "rev-list", "--count", "publish") == "1"
    assert git(root, "rev-parse", "publish^{tree}") == tree  # every file, byte for byte
    assert git(remote, "rev-parse", "publish") == git(root, "rev-parse", "publish")
    # what only the old history held is gone from the repository
    for gone in (tip, old_version):
        assert subprocess.run(["git", "cat-file", "-e", gone], cwd=root).returncode != 0
    # publishing goes on from the squashed branch
    _add_meeting(root, "1400-06-31", 6)
    code, out, err = run_portal(root, "publish", "--push", "origin")
    assert code == 0 and "published 1400-06-31" in out, out + err
    history = git(root, "log", "--format=%s", "publish").splitlines()
    # after the squash: the new charts' files, the version, the thinned version and the files only it showed
    assert history[-1].startswith("Squash the history of publish: ") and history[-2].startswith("Add the ")
    assert history[-3].startswith("Publish 1400-06-31") and history[-4].startswith("Take 1400-06-")
    assert history[0].startswith("Take off _shared/ the ") and len(history) == 5
    _check_shared(root)


def _check_shared(root: Path) -> None:
    """Every shared file a version on the branch lists is there; every one there is listed by a version."""
    files = git(root, "ls-tree", "-r", "--name-only", "publish").splitlines()
    lists = [f for f in files if f.endswith("/shared-files.txt") and f.count("/") == 1]
    listed = {line for f in lists for line in git(root, "show", f"publish:{f}").splitlines()}
    there = {f for f in files if f.startswith("_shared/")}
    assert lists and listed and listed == there
    for f in lists:  # each version shows the files it lists, one folder up: charts, cards, vintages' seasons
        version = f.split("/")[0]
        shown = set()
        for page in (p for p in files if p.startswith(version + "/") and p.endswith(".html")):
            html = git(root, "show", f"publish:{page}")
            shown |= {m.replace("../", "") for m in re.findall(r'src="((?:\.\./)+_shared/[^"]+)"', html)}
            cards = {m.replace("../", "") for m in re.findall(r'content="((?:\.\./)+_shared/cards/[^"]+)"', html)}
            shown |= cards | {c.replace(".png", ".svg") for c in cards}  # a card's SVG: what the audit read
        for name in (p for p in files if p.startswith(version + "/downloads/") and p.endswith("-vintages.json")):
            shown |= {e[kind].replace("../", "") for e in json.loads(git(root, "show", f"publish:{name}"))["earlier"]
                      for kind in ("csv", "json")}
        listed_here = set(git(root, "show", f"publish:{f}").splitlines())
        assert shown == listed_here, version


def test_squash_refuses_when_the_remote_moved_on(tmp_path: Path) -> None:
    """--force-with-lease: a remote whose branch is not the history that was squashed is left alone."""
    root = git_project(tmp_path / "project")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--bare", "--quiet", str(remote))
    git(root, "remote", "add", "origin", str(remote))
    assert run_portal(root, "publish", "--backfill", "--push", "origin")[0] == 0
    # someone else publishes from another clone: the remote moves on
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(remote), str(other))
    git(other, "checkout", "--quiet", "publish")
    (other / "note.txt").write_text("x", encoding="utf-8")
    git(other, "add", "note.txt")
    git(other, "-c", "user.name=o", "-c", "user.email=o@example.org", "commit", "--quiet", "-m", "other")
    git(other, "push", "--quiet", "origin", "publish")
    moved, mine = git(remote, "rev-parse", "publish"), git(root, "rev-parse", "publish")
    code, out, err = run_portal(root, "squash", "--push", "origin")
    assert code == 1 and "does not have the history that was squashed" in err and "stale info" in err, out + err
    assert git(remote, "rev-parse", "publish") == moved and git(root, "rev-parse", "publish") == mine


def test_a_publication_over_the_budget_is_refused_and_names_what_to_thin(tmp_path: Path) -> None:
    """publish.budget_mb: each publication prints the branch as a host serves it; one that would cross the
    budget is refused, the branch as it was, naming the oldest versions to take off."""
    from generator.publish.budget import MB

    root = git_project(tmp_path / "project")
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0, out + err
    _add_meeting(root, "1400-06-17", 4)
    code, out, err = run_portal(root, "publish")
    assert code == 0, out + err
    size = sum(int(line.split()[3]) for line in git(root, "ls-tree", "-r", "-l", "publish").splitlines())
    files = len(git(root, "ls-tree", "-r", "publish").splitlines())
    said = re.search(r"the branch as a host serves it: ([\d.]+) MB in (\d+) files, (\d+)% of publish.budget_mb "
                     r"\(1000 MB\)", out)
    assert said and abs(float(said[1]) - size / MB) < 0.06 and int(said[2]) == files, out
    # a budget the branch fits now, but not with one more version
    site = root / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + f"publish:\n  budget_mb: {size // MB + 1}\n", encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "a budget")
    _add_meeting(root, "1400-06-24", 5)
    head = git(root, "rev-parse", "publish")
    code, out, err = run_portal(root, "publish")
    assert code == 1, out + err
    assert f"over publish.budget_mb ({size // MB + 1} MB)" in err and "nothing was published" in err, err
    assert re.search(r"taking off the \d+ oldest version\(s\) \(1400-05-27", err), err
    assert git(root, "rev-parse", "publish") == head
