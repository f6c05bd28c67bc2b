"""The Atom feed (RFC 4287) of meetings and publications: `feed.xml` at the root of the site, and the English
edition's at en/feed.xml.

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

from generator.lang.edition import FA, Edition
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


def _meeting_title(m: Meeting, ed: Edition = FA) -> str:
    if ed.fa:
        estimated = " (تاریخ تقریبی)" if m.date_estimated else ""
        synthetic = " [ساختگی]" if m.synthetic else ""
        return f"جلسهٔ {m.date.fa()}{estimated}: {m.title_fa}{synthetic}"
    estimated = " (approximate date)" if m.date_estimated else ""
    synthetic = " [synthetic]" if m.synthetic else ""
    return f"Meeting of {ed.date(m.date)}{estimated}: {_said(ed, m, 'title')}{synthetic}"


def _said(ed: Edition, record, field: str) -> str:
    """A text staff wrote, in the edition's language; in English, the Persian where there is no English, said
    to be Persian (a feed has no markup to mark it)."""
    text, persian = ed.fallback(record, field)
    return f"{text} (in Persian)" if persian else ed.digits(text)


def atom(ds: Dataset, log: tuple = (), base: str = "", bulletin: str = "", ed: Edition = FA) -> str:
    """The feed of the edition `ed` (the English one is en/feed.xml, its links and texts in English), newest
    entry first; an empty feed (no entry) when there is no meeting yet. `log`: the
    publications so far (archive.py): a revision links to the «what changed» page of the publication that
    first published it (that version's page, which stays; the archive when it was taken off the branch).
    `base`: the address this edition is published at; its links are then absolute. `bulletin`: the weekly
    bulletin's PDF in the edition's language (below the edition's root), enclosed in the publication's entry."""
    def link(href: str) -> str:
        return urljoin(base, href) if base else href

    up = "" if ed.fa else "../"  # from the English edition's root to the site's
    suffix = "" if ed.fa else "-" + ed.code  # an entry of each feed is an entry of its own
    first = {r: e for e in log for r in e.revisions}
    meetings = list(reversed(ds.meetings))
    latest = meetings[0] if meetings else None
    days = [m.date for m in meetings[:1]] + [r.date for r in ds.revisions]
    updated = _when(max(days)) if days else "2021-01-01T12:00:00+03:30"
    entries = []
    if latest:
        title = ed.pick(f"انتشار ارقام پس از جلسهٔ {latest.date.fa()}",
                        f"Figures published after the meeting of {ed.date(latest.date)}")
        summary = ed.pick(f"ارقام برنامه‌ها، استان‌ها و تصمیم‌ها، به‌روز تا جلسهٔ {latest.date.fa()}.",
                          f"The programmes', provinces' and decisions' figures, up to the meeting of "
                          f"{ed.date(latest.date)}.")
        entries.append(_entry(ds, "publication" + suffix, latest.id, title, link("./"), latest.date, summary,
                              link(bulletin) if bulletin else ""))
    for r in reversed(ds.revisions):
        what = ed.pick("اصلاحیه" if r.correction else "بازنگری ارقام",
                       "Correction" if r.correction else "Figures revised")
        entry = first.get(r.id)
        href = ("changes/" if entry is None else f"../{up}{entry.version}/{ed.prefix}changes/" if entry.online
                else "archive/")
        day = r.date.fa() if ed.fa else ed.date(r.date)
        entries.append(_entry(ds, "revision" + suffix, r.id, f"{what}{ed.pick('، ', ', ')}{day}", link(href),
                              r.date, _said(ed, r, "reason")))
    for m in meetings:
        n = len(m.decisions)
        decided = (ed.pick(f" {persian_digits(str(n))} تصمیم.", f" {n} {'decision' if n == 1 else 'decisions'}.")
                   if m.decisions else "")
        entries.append(_entry(ds, "meeting" + suffix, m.id, _meeting_title(m, ed), link(f"meetings/{m.id}/"),
                              m.date, _said(ed, m, "summary") + decided))
    site = ds.site
    name = site.organisation_fa if ed.fa else site.organisation_en
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{ed.code}">\n'
        f"  <id>{_id(ds, 'feed' + suffix, 'meetings')}</id>\n"
        f"  <title>{escape(name)}{ed.pick(': جلسات و انتشارها', ': meetings and publications')}</title>\n"
        f"  <subtitle>{escape(_said(ed, site, 'description'))}</subtitle>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(link("feed.xml"))}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(link("./"))}/>\n'
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{escape(name)}</name></author>\n"
        f"  <rights>{escape(_said(ed, site, 'licence'))}</rights>\n"
    )
    return head + "".join(entries) + "</feed>\n"
