"""The decisions tracker as a figure: one row per decision, the table and downloads of the tracker page."""

from __future__ import annotations

from generator.aggregate.tracker import MEETINGS, STATUSES, Tracked
from generator.lang.edition import FA, Edition
from generator.lang.jalali import JDate
from generator.lang.vocabulary_en import STATUSES_EN
from generator.model.dataset import Dataset
from generator.model.figures import DATE, INT, PERCENT, TEXT, Column, Figure
from generator.model.publication import is_suppressed
from generator.pages.figures import short
from generator.schema.files import PEOPLE_UNITS


def decisions_table(tracked: tuple[Tracked, ...], ds: Dataset, updated: JDate | None,
                    ed: Edition = FA) -> Figure | None:
    if not tracked:
        return None
    names = {p.iso_code: ed.name(p) for p in ds.provinces}
    statuses = STATUSES if ed.fa else STATUSES_EN
    rows = []
    for t in tracked:
        rows.append({
            "id": t.id, "meeting": t.meeting.date, "decision": ed.fallback(t.decision, "text")[0],
            "programme": short(ed, t.programme) if t.programme else "—",
            "provinces": ed.pick("، ", ", ").join(names[c] for c in t.decision.provinces)
            or ed.pick("کل کشور", "Whole country"),
            # a count of meetings is no delivery (and would sit in a column of counts of people)
            "target": t.target, "delivered": None if t.match == MEETINGS else t.delivered,
            "share": round(100 * t.share, 1) if t.share is not None and not is_suppressed(t.share) else t.share,
            "status": statuses[t.status], "due": t.due})
    people = any(t.programme and t.programme.unit in PEOPLE_UNITS for t in tracked)
    return Figure(
        id="decisions", title_fa=ed.pick("تصمیم‌های جلسات: هدف، تحویل و وضعیت",
                                         "The meetings' decisions: target, deliveries and status"),
        columns=(Column("id", ed.pick("شناسه", "ID"), TEXT), Column("meeting", ed.pick("جلسه", "Meeting"), DATE),
                 Column("decision", ed.pick("تصمیم", "Decision"), TEXT),
                 Column("programme", ed.pick("برنامه", "Programme"), TEXT),
                 Column("provinces", ed.pick("استان‌ها", "Provinces"), TEXT),
                 Column("target", ed.pick("هدف", "Target"), INT),
                 Column("delivered", ed.pick("تحویل پس از تصمیم", "Delivered since the decision"), INT, people),
                 Column("share", ed.pick("درصد هدف", "% of the target"), PERCENT),
                 Column("status", ed.pick("وضعیت", "Status"), TEXT), Column("due", ed.pick("مهلت", "Due"), DATE)),
        rows=tuple(rows), chart=None, plotted=(), alt_fa="",
        source_fa=ed.pick("صورت‌جلسه‌های قرارگاه و گزارش‌های هفتگی تحویل",
                          "the headquarters' minutes and the weekly delivery reports"),
        definition_fa=ed.pick(
            "«هدف» مقدار تصمیم است، با آخرین بازنگری جلسه‌های بعد. «تحویل پس از تصمیم» همهٔ تحویل‌های "
            "منتشرشدهٔ برنامهٔ تصمیم در استان‌های آن (یا کل کشور) است که پس از جلسهٔ تصمیم گزارش شده‌اند؛ "
            "«—» یعنی تصمیم با داده‌های تحویل سنجیدنی نیست.",
            "«Target» is the decision's quantity, as later meetings last revised it. «Delivered since the decision» "
            "is every published delivery of the decision's programme in its provinces (or the whole country) "
            "reported after the meeting that decided it; «—» means the delivery data cannot measure the decision."),
        updated=updated,
        synthetic_rows=tuple(t.meeting.synthetic for t in tracked) if any(t.meeting.synthetic for t in tracked)
        else ())
