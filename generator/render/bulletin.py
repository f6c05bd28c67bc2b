"""The weekly bulletin: one A4 page or two, for a reader who gets the week as a PDF forwarded in a messaging
app, in each edition's language (Persian, right to left, in downloads/; English, left to right, in
en/downloads/): the date, each programme's pledge and delivery with the latest week's
delivery, the latest meeting's decisions and their status, the decisions it followed up, the figures revised
in this publication with their reasons, and the site's address. Written here as HTML (render/html_env.py)
from the planned pages' own contexts (the same figures as the pages); printed to PDF, with a PNG of its
first page, by headless Chromium in the site stage (site/bulletin.py)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.aggregate.totals import Aggregates
from generator.lang.edition import FA, Edition
from generator.model.dataset import Dataset
from generator.model.page import Page
from generator.pages import plan as p
from generator.pages.figures import short, unit_of
from generator.render.filters import VOCABULARY
from generator.render.html_env import environment

FONTS = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")  # beside the HTML when it is printed (charts/fonts)


@dataclass(frozen=True)
class Bulletin:
    name: str  # its files' name under downloads/, without the suffix: «bulletin-1400-07-28»
    html: str  # to print, with FONTS beside it
    folder: str = ""  # its edition's folder below the site's root: "" or "en/" (Edition.prefix)


def bulletin_name(ds: Dataset) -> str:
    return f"bulletin-{ds.meetings[-1].id}" if ds.meetings else "bulletin"


def _context(pages: list[Page], kind: type):
    return next((page.context for page in pages if isinstance(page.context, kind)), None)


def bulletin(pages: list[Page], ds: Dataset, agg: Aggregates, site_url: str, brand: str,
             ed: Edition = FA) -> Bulletin:
    """The bulletin of this build in the edition `ed`, from that edition's planned pages (`pages`);
    `site_url`: the edition's address."""
    home = _context(pages, p.HomeContext)
    changes = _context(pages, p.ChangesContext)
    latest = ds.meetings[-1] if ds.meetings else None
    meeting = next((page.context for page in pages if isinstance(page.context, p.MeetingContext)
                    and latest and page.context.meeting.id == latest.id), None)
    rows = []
    for s in home.headline if home else ():
        last = s.weekly[-1] if s.weekly else None
        rows.append({"name": short(ed, s.programme), "unit": unit_of(ed, s.programme.unit),
                     "pledged": s.programme.pledged, "pledge_fa": s.programme.pledge_fa, "delivered": s.delivered,
                     "share": s.share, "week": last.period if last else None,
                     "week_delivered": last.delivered if last else None, "synthetic": s.synthetic,
                     "programme": s.programme})
    revisions = tuple(zip(changes.changes.revisions, changes.reasons, strict=True)) if changes else ()
    html = environment(ed).get_template("bulletin.html.j2").render(short=functools.partial(short, ed),
        brand=brand, site=ds.site, site_url=site_url, meeting=latest, as_of=agg.latest_week, rows=rows,
        made=meeting.decisions if meeting else (), followed=meeting.followed if meeting else (),
        revisions=revisions, since=changes.changes.before.day if changes and changes.changes.before else None,
        statuses=VOCABULARY[ed.code]["STATUSES"], provinces={pr.iso_code: ed.name(pr) for pr in ds.provinces},
        units=VOCABULARY[ed.code]["UNITS"],
        synthetic=any(r["synthetic"] for r in rows) or bool(latest and latest.synthetic), fonts=FONTS)
    return Bulletin(bulletin_name(ds), html, ed.prefix)
