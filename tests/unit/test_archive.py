"""The log of publications and the retention policy (archive.py), on small logs."""

from __future__ import annotations

from generator.history import archive
from generator.history.archive import Entry
from generator.lang.jalali import parse_jalali
from generator.model.dataset import Retention


def _weekly(first: str, n: int) -> tuple[Entry, ...]:
    day = parse_jalali(first)
    return tuple(Entry(day.plus_days(7 * i).iso, f"t{i}", day.plus_days(7 * i).iso, "abc1234") for i in range(n))


def test_without_a_policy_or_with_then_all_nothing_is_removed() -> None:
    log = _weekly("1400-01-07", 60)
    assert archive.to_remove(log, None) == ()
    assert archive.to_remove(log, Retention(0, "all")) == ()


def test_every_week_of_the_window_then_the_last_of_each_month() -> None:
    log = _weekly("1400-01-07", 60)  # 1400-01-07 … 1401-02-…
    removed = set(archive.to_remove(log, Retention(365, "month")))
    kept = [e for e in log if e.version not in removed]
    newest = parse_jalali(log[-1].meeting)
    horizon = newest.plus_days(-365)
    old = [e for e in kept if parse_jalali(e.meeting) < horizon]
    # within the window every week stays; before it, one per month, the last of that month in the log
    assert all(e in kept for e in log if parse_jalali(e.meeting) >= horizon)
    months = [e.meeting[:7] for e in old]
    assert len(months) == len(set(months)) and removed
    for e in old:
        assert e == [x for x in log if x.meeting[:7] == e.meeting[:7] and parse_jalali(x.meeting) < horizon][-1]
    # the newest always stays, even with a window of no days
    assert log[-1].version not in archive.to_remove(log, Retention(0, "month"))


def test_a_removed_version_stays_in_the_log_and_the_log_round_trips() -> None:
    log = _weekly("1400-05-06", 8)
    removed = archive.to_remove(log, Retention(14, "month"))
    marked = archive.with_removals(log, removed, log[-1].version)
    assert [e.version for e in marked] == [e.version for e in log]
    assert {e.version for e in marked if not e.online} == set(removed)
    # versions already removed are not removed again
    assert archive.to_remove(marked, Retention(14, "month")) == ()
    again = archive.loads(archive.dumps(marked))
    assert again == marked
    assert archive.dumps(again) == archive.dumps(marked)  # deterministic


def test_a_correction_is_in_the_month_of_its_meeting() -> None:
    log = (*_weekly("1400-05-06", 3), Entry("1400-05-20-2", "c", "1400-05-20", "abc1234", corrects="1400-05-20"),
           *_weekly("1400-07-01", 6))
    removed = archive.to_remove(log, Retention(30, "month"))
    # Mordad: the correction is the last publication of the month, and stays; what it corrected goes
    assert "1400-05-20-2" not in removed and "1400-05-20" in removed and "1400-05-06" in removed
    assert archive.meeting_of("1400-05-20-2") == "1400-05-20"
    assert archive.published_revisions((Entry("a", "a", "1400-01-01", "s", revisions=("r1", "r2")),)) == {"r1", "r2"}


def test_seasons_and_years_keep_the_last_publication_of_each() -> None:
    log = _weekly("1399-01-03", 5 * 52)  # five years of weekly meetings
    for then, period in (("season", lambda m: (m[:4], (int(m[5:7]) - 1) // 3)), ("year", lambda m: m[:4]),
                         ("month", lambda m: m[:7])):
        removed = set(archive.to_remove(log, Retention(91, then)))
        horizon = parse_jalali(log[-1].meeting).plus_days(-91)
        old = [e for e in log if e.version not in removed and parse_jalali(e.meeting) < horizon]
        periods = [period(e.meeting) for e in old]
        assert len(periods) == len(set(periods)), then  # one a period
        for e in old:  # the last of its period
            assert e == [x for x in log if period(x.meeting) == period(e.meeting)
                         and parse_jalali(x.meeting) < horizon][-1], then
        assert all(e.version not in removed for e in log if parse_jalali(e.meeting) >= horizon)
    kept = {then: len(log) - len(archive.to_remove(log, Retention(91, then))) for then in ("month", "season", "year")}
    assert kept["month"] > kept["season"] > kept["year"] >= 14
