"""The Atom feed (RFC 4287) of meetings and publications: `feed.xml` at the root of the site.

One entry per meeting, one for the publication itself (the figures as published after the latest
meeting), and one per entry of data/revisions.yaml: why published figures were revised, or a correction.
Titles carry the Jalali date in Persian. Entry ids are `urn:uuid:` names derived from the organisation and
the meeting's (or revision's) id (uuid5), so an entry keeps its id in every later publication and in
every copy of the site, wherever it is hosted. Links are absolute when the site's address is known
(data/site.yaml's `site_url`), relative to the feed otherwise; dates are the meetings' own, so the same
data give the same bytes.
"""

from __future__ import annotations

import uuid
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from generator.lang.jalali import JDate
from generator.lang.persian import persian_digits
from generator.model.dataset import Dataset, Meeting

FEED = "feed.xml"


def _id(ds: Dataset, kind: str, key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"portal:{ds.site.organisation_en}:{kind}:{key}"))


def _when(day: JDate) -> str:
    """RFC 3339, at noon in Tehran: the day is all the data say."""
    return day.to_gregorian().isoformat() + "T12:00:00+03:30"


def _entry(ds: Dataset, kind: str, key: str, title: str, href: str, day: JDate, summary: str,
           enclosure: str = "") -> str:
    """One entry; `href` as the feed links to it (absolute when the site's address is known), `enclosure`:
    a PDF it encloses (the publication's weekly bulletin)."""
    enclosed = (f"    <link rel=\"enclosure\" type=\"application/pdf\" href={quoteattr(enclosure)}/>\n"
                if enclosure else "")
    return (f"  <entry>\n    <id>{_id(ds, kind, key)}</id>\n    <title>{escape(title)}</title>\n"
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(href)}/>\n{enclosed}"
            f"    <updated>{_when(day)}</updated>\n    <summary>{escape(summary)}</summary>\n  </entry>\n")


def _meeting_title(m: Meeting) -> str:
    estimated = " (تاریخ تقریبی)" if m.date_estimated else ""
    synthetic = " [ساختگی]" if m.synthetic else ""
    return f"جلسهٔ {m.date.fa()}{estimated}: {m.title_fa}{synthetic}"


def atom(ds: Dataset, log: tuple = (), base: str = "", bulletin: str = "") -> str:
    """The feed, newest entry first; an empty feed (no entry) when there is no meeting yet. `log`: the
    publications so far (archive.py): a revision links to the «what changed» page of the publication that
    first published it (that version's page, which stays; the archive when it was taken off the branch).
    `base`: the address this build is published at; its links are then absolute. `bulletin`: the weekly
    bulletin's PDF (below the site's root), enclosed in the publication's entry."""
    def link(href: str) -> str:
        return urljoin(base, href) if base else href

    first = {r: e for e in log for r in e.revisions}
    meetings = list(reversed(ds.meetings))
    latest = meetings[0] if meetings else None
    days = [m.date for m in meetings[:1]] + [r.date for r in ds.revisions]
    updated = _when(max(days)) if days else "2021-01-01T12:00:00+03:30"
    entries = []
    if latest:
        entries.append(_entry(
            ds, "publication", latest.id, f"انتشار ارقام پس از جلسهٔ {latest.date.fa()}", link("./"),
            latest.date, f"ارقام برنامه‌ها، استان‌ها و تصمیم‌ها، به‌روز تا جلسهٔ {latest.date.fa()}.",
            link(bulletin) if bulletin else ""))
    for r in reversed(ds.revisions):
        what = "اصلاحیه" if r.correction else "بازنگری ارقام"
        entry = first.get(r.id)
        href = "changes/" if entry is None else f"../{entry.version}/changes/" if entry.online else "archive/"
        entries.append(_entry(ds, "revision", r.id, f"{what}، {r.date.fa()}", link(href), r.date,
                              persian_digits(r.reason_fa)))
    for m in meetings:
        decided = f" {persian_digits(str(len(m.decisions)))} تصمیم." if m.decisions else ""
        entries.append(_entry(ds, "meeting", m.id, _meeting_title(m), link(f"meetings/{m.id}/"), m.date,
                              m.summary_fa + decided))
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">\n'
        f"  <id>{_id(ds, 'feed', 'meetings')}</id>\n"
        f"  <title>{escape(ds.site.organisation_fa)}: جلسات و انتشارها</title>\n"
        f"  <subtitle>{escape(ds.site.description_fa)}</subtitle>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(link("feed.xml"))}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(link("./"))}/>\n'
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{escape(ds.site.organisation_fa)}</name></author>\n"
        f"  <rights>{escape(ds.site.licence_fa)}</rights>\n"
    )
    return head + "".join(entries) + "</feed>\n"
