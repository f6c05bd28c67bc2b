"""The decisions tracker: each status, revisions, shared deliveries, and what the site shows of it."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from generator.aggregate.tracker import SHARED, UNMEASURED, track
from generator.pipeline import Project, summarise
from helpers import make_project

HEAD = """date: {date}
number: {number}
title_fa: جلسه
synthetic: yes
summary_fa: خلاصه
attendees:
  - role_fa: رئیس
"""


def _tracked(tmp_path: Path, second: str = "", third: str = "") -> dict:
    """The minimal data (decision 1400-05-27-d1: 100 oxygen concentrators; 52 delivered after it), with
    the given decisions and follow-ups in its second and third meetings."""
    overlay = {"meetings/1400-06-03.yaml": HEAD.format(date="1400-06-03", number=2) + second,
               "meetings/1400-06-10.yaml": HEAD.format(date="1400-06-10", number=3) + third}
    root = make_project(tmp_path / "p", overlay=overlay)
    checked, agg, _ = summarise(Project.at(root))
    return {t.id: t for t in track(checked.dataset, agg)}


def test_a_decision_with_deliveries_is_in_progress_and_measured_after_its_meeting(tmp_path: Path) -> None:
    t = _tracked(tmp_path)["1400-05-27-d1"]
    # 12 (Rasht) + 30 (Kerman) reported on 1400-06-03, 10 (Kerman) on 1400-06-10
    assert (t.status, t.delivered, t.target, t.match) == ("in-progress", 52, 100, "exact")
    assert t.share == pytest.approx(0.52)


def test_each_status(tmp_path: Path) -> None:
    second = """decisions:
  - id: 1400-06-03-d1
    text_fa: بیمارستان صحرایی
    owner_role_fa: ستاد
    due: 1400-06-05
  - id: 1400-06-03-d2
    text_fa: مرکز تازه
    owner_role_fa: ستاد
    due: 1400-07-30
  - id: 1400-06-03-d3
    text_fa: نمایشگاه
    owner_role_fa: ستاد
  - id: 1400-06-03-d4
    text_fa: گزارش
    owner_role_fa: ستاد
"""
    third = """follow_ups:
  - decision: 1400-06-03-d3
    status: cancelled
    reason_fa: به صلاح نیست
  - decision: 1400-06-03-d4
    status: delivered
"""
    tracked = _tracked(tmp_path, second, third)
    assert tracked["1400-06-03-d1"].status == "overdue"  # due 1400-06-05, the latest meeting is 1400-06-10
    assert tracked["1400-06-03-d2"].status == "pledged"
    assert tracked["1400-06-03-d3"].status == "cancelled"
    assert tracked["1400-06-03-d4"].status == "delivered"
    assert tracked["1400-06-03-d4"].closed_at.id == "1400-06-10"
    assert all(tracked[f"1400-06-03-d{i}"].match == UNMEASURED for i in range(1, 5))
    assert [m.id for m in tracked["1400-06-03-d3"].discussed] == ["1400-06-03", "1400-06-10"]


def test_a_revised_target_that_the_deliveries_reach_makes_the_decision_delivered(tmp_path: Path) -> None:
    second = """follow_ups:
  - decision: 1400-05-27-d1
    status: in-progress
"""
    third = """follow_ups:
  - decision: 1400-05-27-d1
    quantity: 50
    reason_fa: بودجه کمتر شد
"""
    t = _tracked(tmp_path, second, third)["1400-05-27-d1"]
    assert (t.target, t.status) == (50, "delivered")
    assert [(r.what, r.before, r.after, r.reason_fa) for r in t.revisions] == [("quantity", 100, 50, "بودجه کمتر شد")]


def test_an_in_progress_follow_up_starts_a_decision_without_deliveries(tmp_path: Path) -> None:
    second = """decisions:
  - id: 1400-06-03-d1
    text_fa: بیمارستان صحرایی
    owner_role_fa: ستاد
"""
    third = """follow_ups:
  - decision: 1400-06-03-d1
    status: in-progress
    note_fa: زمین آن آماده شد
"""
    assert _tracked(tmp_path, second, third)["1400-06-03-d1"].status == "in-progress"


def test_two_decisions_of_one_programme_over_the_same_places_share_their_deliveries(tmp_path: Path) -> None:
    second = """decisions:
  - id: 1400-06-03-d1
    text_fa: پنجاه دستگاه برای کرمان
    programme: oxygen
    quantity: 50
    owner_role_fa: ستاد
    provinces: [کرمان]
"""
    tracked = _tracked(tmp_path, second)
    kerman, country = tracked["1400-06-03-d1"], tracked["1400-05-27-d1"]
    assert kerman.delivered == 10  # only Kerman, and only after 1400-06-03
    assert (kerman.match, kerman.shared_with) == (SHARED, ("1400-05-27-d1",))
    assert (country.match, country.shared_with) == (SHARED, ("1400-06-03-d1",))


def test_a_closed_decision_counts_deliveries_up_to_its_closing_meeting_only(tmp_path: Path) -> None:
    second = """follow_ups:
  - decision: 1400-05-27-d1
    status: delivered
"""
    t = _tracked(tmp_path, second)["1400-05-27-d1"]
    assert (t.status, t.delivered, t.closed_at.id) == ("delivered", 42, "1400-06-03")  # not the 10 of 1400-06-10


def test_deliveries_shared_with_another_decision_never_close_it_by_themselves(tmp_path: Path) -> None:
    second = """decisions:
  - id: 1400-06-03-d1
    text_fa: ده دستگاه برای کرمان
    programme: oxygen
    quantity: 10
    owner_role_fa: ستاد
    provinces: [کرمان, IR-08, Kerman]
"""
    t = _tracked(tmp_path, second)["1400-06-03-d1"]
    assert t.decision.provinces == ("IR-08",)  # one province, however often it is named
    assert (t.delivered, t.share, t.match) == (10, 1.0, SHARED)
    assert t.status == "in-progress"  # 10 of 10, but the country-wide decision counts the same 10


def test_a_closed_decision_shares_nothing_with_one_made_after_it_closed(tmp_path: Path) -> None:
    second = """follow_ups:
  - decision: 1400-05-27-d1
    status: cancelled
    reason_fa: بودجه نرسید
"""
    third = """decisions:
  - id: 1400-06-10-d1
    text_fa: مرحلهٔ دوم
    programme: oxygen
    quantity: 100
    owner_role_fa: ستاد
"""
    tracked = _tracked(tmp_path, second, third)
    assert tracked["1400-05-27-d1"].match == tracked["1400-06-10-d1"].match == "exact"


def test_which_periods_count_against_a_decision() -> None:
    from generator.aggregate.tracker import _sum, _within
    from generator.lang.jalali import JDate, JMonth
    from generator.model.publication import SUPPRESSED

    made, closed = JDate(1400, 6, 3), JDate(1400, 7, 14)
    assert not _within(made, made, None) and _within(JDate(1400, 6, 10), made, None)
    assert _within(closed, made, closed) and not _within(JDate(1400, 7, 21), made, closed)
    # monthly series: the months of the decision and of its closing count whole
    assert _within(JMonth(1400, 6), made, closed) and _within(JMonth(1400, 7), made, closed)
    assert not _within(JMonth(1400, 5), made, closed) and not _within(JMonth(1400, 8), made, closed)
    assert _sum([3, None, 4]) == 7 and _sum([3, SUPPRESSED]) is SUPPRESSED


def test_the_feed_is_the_same_for_the_same_data(tmp_path: Path) -> None:
    from generator.pipeline import check
    from generator.render.feed import atom

    root = make_project(tmp_path / "p")
    one = atom(check(Project.at(root)).dataset)
    two = atom(check(Project.at(root)).dataset)
    assert one == two and one.count("<entry>") == 4
    parsed = feedparser.parse(one.encode("utf-8"))
    assert not parsed.bozo and parsed.feed.title.endswith("جلسات و انتشارها")
    # RFC 4287: the feed and every entry have an id, a title and an RFC 3339 `updated`; entries a link
    assert parsed.feed.id and parsed.feed.updated_parsed and parsed.feed.author
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.link and entry.updated_parsed and entry.summary
    assert re.fullmatch(r"(?:\s*<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d</updated>\s*)+",
                        "".join(re.findall(r"<updated>[^<]*</updated>", one)))
    assert "۱ تصمیم" in parsed.entries[-1].summary  # the first meeting's one decision, in Persian digits
    assert not [e.summary for e in parsed.entries if re.search(r"[0-9]", e.summary)]

    # a revision of published figures, and a correction, are entries too, with their reasons
    (root / "data" / "revisions.yaml").write_text(
        "- id: 1400-06-12-r1\n  date: 1400-06-12\n  reason_fa: گزارش دیرهنگام کرمان\n"
        "- id: 1400-06-13-r1\n  date: 1400-06-13\n  reason_fa: خطای تایپی در رقم 30\n  correction: yes\n",
        encoding="utf-8")
    revised = feedparser.parse(atom(check(Project.at(root)).dataset).encode("utf-8"))
    assert not revised.bozo and len(revised.entries) == 6
    titles = {e.title: e for e in revised.entries}
    assert titles["اصلاحیه، ۱۳ شهریور ۱۴۰۰"].summary == "خطای تایپی در رقم ۳۰"
    assert titles["بازنگری ارقام، ۱۲ شهریور ۱۴۰۰"].link.endswith("changes/")
    assert revised.feed.updated.startswith("2021-09-04")  # the newest revision, 1400-06-13


