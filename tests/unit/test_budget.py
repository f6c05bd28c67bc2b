"""publish.budget_mb (publish/budget.py): the branch as a host serves it, and what to thin when a
publication would cross the budget."""

from __future__ import annotations

from pathlib import Path

from generator.history.archive import Entry
from generator.lang.jalali import parse_jalali
from generator.publish.budget import MB, after_publishing, check, hosted


def _log(n: int) -> tuple[Entry, ...]:
    day = parse_jalali("1400-01-07")
    return tuple(Entry(day.plus_days(7 * i).iso, f"t{i}", day.plus_days(7 * i).iso, "abc1234") for i in range(n))


def _branch(log: tuple[Entry, ...], each: int) -> dict[str, int]:
    files = {"versions.json": 100, "index.html": 200, ".nojekyll": 0}
    for e in log:
        files[f"{e.version}/index.html"] = each // 2
        files[f"{e.version}/downloads/a.csv"] = each - each // 2
    files.update({p.replace(log[-1].version, "latest", 1): n for p, n in files.items()
                  if p.startswith(log[-1].version + "/")})
    return files


def test_the_new_version_and_latest_replace_the_old_latest_and_the_removed_go(tmp_path: Path) -> None:
    log = _log(3)
    before = _branch(log, 10 * MB)
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    (site / "index.html").write_bytes(b"x" * 3000)
    (site / "downloads" / "b.json").write_bytes(b"y" * 1000)
    after = after_publishing(before, site, "1400-02-01", ("latest",), (log[0].version,))
    assert not any(p.startswith(log[0].version + "/") for p in after)
    assert after["1400-02-01/index.html"] == after["latest/index.html"] == 3000
    assert "latest/downloads/a.csv" not in after and after["versions.json"] == 100
    assert hosted(after).files == len(after) and hosted(after).bytes == sum(after.values())


def test_within_the_budget_nothing_is_said() -> None:
    log = _log(5)
    assert check(_branch(log, 10 * MB), 100, log, ()) is None


def test_over_the_budget_the_oldest_versions_and_a_policy_that_fits_are_named() -> None:
    log = _log(60)  # 60 weekly versions of 10 MB, latest a copy: 610 MB
    files = _branch(log, 10 * MB)
    said = check(files, 400, log, ())
    assert said and "610 MB" in said and "400 MB" in said and "nothing was published" in said
    # the oldest first, as many as it takes: 610 MB and the root's few bytes − 400 → 22 versions of 10 MB
    assert f"the 22 oldest version(s) ({log[0].version}, {log[1].version}, {log[2].version}, …)" in said
    assert "would leave 390 MB" in said
    # a policy from the list that keeps it inside: every week of 182 days (26), then one a month before
    assert "«every_week_for_days: 182, then: month»" in said
    # one version alone over the budget: nothing to thin
    alone = check(files, 15, log, ())
    assert alone and "even this version alone (20 MB with latest/)" in alone
    # versions already taken off by this publication's retention are not named again
    again = check(files, 400, log, (log[0].version,))
    assert log[0].version + "," not in again.split("(")[2]
