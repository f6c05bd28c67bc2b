"""The decisions tracker: each status, revisions, shared deliveries, and what the site shows of it."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import feedparser
import pytest
import yaml

from generator.lang.persian import format_number
from helpers import make_project, run_portal

# ---- on the built example site ----------------------------------------------------------------------------

CANCELLED = "1400-06-17-d1"  # the synthetic exhibition, cancelled by the synthetic meeting of 1400-07-14


@pytest.fixture
def example(example_site: Path) -> Path:
    return example_site


def _card(site: Path, did: str) -> str:
    page = (site / "decisions" / "index.html").read_text(encoding="utf-8")
    m = re.search(rf'<article class="portal-decision"[^>]*\sid="{did}"[^>]*>.*?</article>', page, re.S)
    assert m, f"no card for {did}"
    return m.group(0)


def test_the_source_reports_decisions_are_tracked_with_their_delivery_status(example: Path) -> None:
    site = example / "site"
    for did in ("1400-05-27-d1", "1400-05-27-d2", "1400-05-27-d3", "1400-05-27-d4"):
        card = _card(site, did)
        assert 'data-status="in-progress"' in card and "در حال اجرا" in card
    # the target of d3 was revised by a later synthetic meeting, with its reason
    assert "۲٬۵۰۰٬۰۰۰" in _card(site, "1400-05-27-d3") and "سهم نهادهای همکار" in _card(site, "1400-05-27-d3")
    statuses = set(re.findall(r'<article class="portal-decision"[^>]*data-status="([a-z-]+)"',
                              (site / "decisions" / "index.html").read_text(encoding="utf-8")))
    assert statuses == {"pledged", "in-progress", "delivered", "overdue", "cancelled"}
    # the meeting page, the programme page and the province page show the decision and link to its card
    meeting = (site / "meetings" / "1400-05-27" / "index.html").read_text(encoding="utf-8")
    assert 'id="1400-05-27-d2"' in meeting and "../../decisions/#1400-05-27-d2" in meeting
    programme = (site / "programmes" / "oxygen-concentrators" / "index.html").read_text(encoding="utf-8")
    assert "../../decisions/#1400-05-27-d2" in programme
    gilan = (site / "provinces" / "gilan" / "index.html").read_text(encoding="utf-8")
    assert "decisions/#1400-06-10-d1" in gilan and "portal-status-overdue" in gilan


def test_a_later_meetings_follow_up_changes_the_status_on_the_site(example: Path, tmp_path: Path) -> None:
    assert 'data-status="cancelled"' in _card(example / "site", CANCELLED)
    meeting = example / "data" / "meetings" / "1400-07-14.yaml"
    text = meeting.read_text(encoding="utf-8")
    assert CANCELLED in text
    without = make_project(tmp_path / "without", data="example",
                           overlay={"meetings/1400-07-14.yaml": text.split("follow_ups:")[0]})
    code, out, err = run_portal(without, "build")
    assert code == 0, out + err
    card = _card(without / "site", CANCELLED)
    assert 'data-status="pledged"' in card and "لغوشده" not in card


def test_the_feed_parses_has_stable_ids_and_is_linked_from_every_page(example: Path) -> None:
    site = example / "site"
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    meetings = sorted(p.stem for p in (example / "data" / "meetings").glob("*.yaml"))
    assert len(feed.entries) == len(meetings) + 1  # every meeting, and the publication
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    # ids depend only on the organisation and the meeting: the same in any later publication
    organisation = yaml.safe_load((example / "data" / "site.yaml").read_text(encoding="utf-8"))["organisation_en"]
    expected = {str(uuid.uuid5(uuid.NAMESPACE_URL, f"portal:{organisation}:meeting:{m}")) for m in meetings}
    assert expected <= {i.removeprefix("urn:uuid:") for i in ids}
    first = next(e for e in feed.entries if e.link.endswith("meetings/1400-05-27/"))
    assert "۲۷ مرداد ۱۴۰۰" in first.title
    for page in site.rglob("*.html"):
        if page.parent.name == "embed":  # a chart alone, for another site's iframe: not a page of this one
            continue
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[^"]*feed\.xml"', html), page


def test_the_decisions_download_carries_what_the_cards_show(example: Path) -> None:
    import json

    from generator.aggregate.tracker import STATUSES

    site = example / "site"
    doc = json.loads((site / "downloads" / "decisions.json").read_text(encoding="utf-8"))
    page = (site / "decisions" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<article class="portal-decision"[^>]*data-status="([a-z-]+)"[^>]*\sid="([^"]+)"', page)
    assert [(row["id"], row["status"]) for row in doc["rows"]] == [(did, STATUSES[s]) for s, did in cards]
    for row in doc["rows"]:
        if isinstance(row["delivered"], int):  # shown on the card in Persian digits
            assert format_number(row["delivered"]) in _card(site, row["id"])
