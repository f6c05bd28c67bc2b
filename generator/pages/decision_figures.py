"""The decisions tracker as a figure: one row per decision, the table and downloads of the tracker page."""

from __future__ import annotations

from generator.aggregate.tracker import MEETINGS, STATUSES, Tracked
from generator.lang.jalali import JDate
from generator.model.dataset import Dataset
from generator.model.figures import DATE, INT, PERCENT, TEXT, Column, Figure
from generator.model.publication import is_suppressed
from generator.schema.files import PEOPLE_UNITS


def decisions_table(tracked: tuple[Tracked, ...], ds: Dataset, updated: JDate | None) -> Figure | None:
    if not tracked:
        return None
    names = {p.iso_code: p.name_fa for p in ds.provinces}
    rows = []
    for t in tracked:
        rows.append({
            "id": t.id, "meeting": t.meeting.date, "decision": t.decision.text_fa,
            "programme": t.programme.short_name_fa if t.programme else "—",
            "provinces": "، ".join(names[c] for c in t.decision.provinces) or "کل کشور",
            # a count of meetings is no delivery (and would sit in a column of counts of people)
            "target": t.target, "delivered": None if t.match == MEETINGS else t.delivered,
            "share": round(100 * t.share, 1) if t.share is not None and not is_suppressed(t.share) else t.share,
            "status": STATUSES[t.status], "due": t.due})
    people = any(t.programme and t.programme.unit in PEOPLE_UNITS for t in tracked)
    return Figure(
        id="decisions", title_fa="تصمیم‌های جلسات: هدف، تحویل و وضعیت",
        columns=(Column("id", "شناسه", TEXT), Column("meeting", "جلسه", DATE), Column("decision", "تصمیم", TEXT),
                 Column("programme", "برنامه", TEXT), Column("provinces", "استان‌ها", TEXT),
                 Column("target", "هدف", INT), Column("delivered", "تحویل پس از تصمیم", INT, people),
                 Column("share", "درصد هدف", PERCENT), Column("status", "وضعیت", TEXT),
                 Column("due", "مهلت", DATE)),
        rows=tuple(rows), chart=None, plotted=(), alt_fa="",
        source_fa="صورت‌جلسه‌های قرارگاه و گزارش‌های هفتگی تحویل",
        definition_fa="«هدف» مقدار تصمیم است، با آخرین بازنگری جلسه‌های بعد. «تحویل پس از تصمیم» همهٔ تحویل‌های "
                      "منتشرشدهٔ برنامهٔ تصمیم در استان‌های آن (یا کل کشور) است که پس از جلسهٔ تصمیم گزارش شده‌اند؛ "
                      "«—» یعنی تصمیم با داده‌های تحویل سنجیدنی نیست.",
        updated=updated,
        synthetic_rows=tuple(t.meeting.synthetic for t in tracked) if any(t.meeting.synthetic for t in tracked)
        else ())
