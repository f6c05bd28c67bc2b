"""Decisions followed from pledge to delivery: for each decision of the minutes, its target (as later
meetings revised it), what was delivered against it, its status, and every meeting that discussed it.

Status, as of the publication (its latest meeting):

- `cancelled` or `delivered` when a follow-up closed it; `delivered` also when the deliveries counted
  against it reach its target, unless another decision counts the same deliveries;
- `overdue` when its due date has passed and it is still open;
- `in-progress` when something was delivered against it, or a follow-up says work has started;
- `pledged` otherwise.

What was delivered against a decision is measured from the published figures only (after disclosure
control), so the tracker reveals nothing the other pages do not: the deliveries of its programme in its
provinces (or the whole country) reported after the meeting that made it and up to the meeting that
closed it, if one did. When the series are monthly, the months of both meetings count whole. A sum that
needs a hidden figure is hidden too, and says nothing of the status (a hidden figure may be 0).
Deliveries are reported per programme, not per decision: when two decisions of one programme cover the
same places over overlapping periods, each is shown the same deliveries, and the page says that they
cannot be told apart (`shared`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.aggregate.totals import Aggregates
from generator.lang.jalali import JDate, JMonth
from generator.model.dataset import Dataset, Decision, FollowUp, Meeting, Programme
from generator.model.publication import SUPPRESSED, is_suppressed
from generator.schema.files import FOLLOW_UP_STATUS

# the statuses a follow-up can set (schema/files.py), and the two only the tracker decides, in a reader's order
STATUSES = {"pledged": "وعده‌شده", "in-progress": FOLLOW_UP_STATUS["in-progress"],
            "delivered": FOLLOW_UP_STATUS["delivered"], "overdue": "گذشته از مهلت",
            "cancelled": FOLLOW_UP_STATUS["cancelled"]}
CLOSING = ("delivered", "cancelled")  # follow-up statuses that close a decision
# how a decision's deliveries are known
EXACT, SHARED, MEETINGS, UNMEASURED = "exact", "shared", "meetings", "unmeasured"


@dataclass(frozen=True)
class Revision:
    meeting: Meeting
    what: str  # "quantity" or "due"
    before: int | JDate | None
    after: int | JDate
    reason_fa: str


@dataclass(frozen=True)
class Tracked:
    meeting: Meeting  # the meeting that made the decision
    decision: Decision
    programme: Programme | None
    target: int | None  # the quantity, as last revised
    due: JDate | None  # the due date, as last revised
    delivered: object  # int, SUPPRESSED (needs a hidden figure) or None (not measurable)
    share: object  # delivered / target: float, SUPPRESSED or None
    status: str  # a key of STATUSES
    match: str  # EXACT, SHARED, MEETINGS or UNMEASURED
    shared_with: tuple[str, ...]  # ids of the other decisions counted on the same deliveries
    follow_ups: tuple[tuple[Meeting, FollowUp], ...]  # in meeting order
    revisions: tuple[Revision, ...]
    closed_at: Meeting | None  # the meeting whose follow-up closed it

    @property
    def id(self) -> str:
        return self.decision.id

    @property
    def discussed(self) -> tuple[Meeting, ...]:
        """The meeting that made it, then every meeting that followed it up."""
        seen = [self.meeting]
        for m, _ in self.follow_ups:
            if m not in seen:
                seen.append(m)
        return tuple(seen)


def _within(period: JDate | JMonth, made: JDate, closed: JDate | None) -> bool:
    """Whether a published period counts against a decision made on `made` (and closed on `closed`): weeks
    reported after the meeting that made it, up to the one that closed it; with monthly series, from the
    month of the decision to the month of its closing."""
    if isinstance(period, JMonth):
        month = (period.year, period.month)
        return (made.year, made.month) <= month and (closed is None or month <= (closed.year, closed.month))
    return made < period and (closed is None or period <= closed)


def _sum(values: list) -> object:
    if any(is_suppressed(v) for v in values):
        return SUPPRESSED
    return sum(v for v in values if v is not None)


def _delivered(agg: Aggregates, programme: Programme, provinces: tuple[str, ...], made: JDate,
               closed: JDate | None) -> object:
    if not provinces:
        stats = agg.programmes[programme.id]
        return _sum([w.delivered for w in stats.weekly if _within(w.period, made, closed)])
    values = []
    for code in provinces:
        st = agg.provinces[code]
        index = next((i for i, r in enumerate(st.by_programme) if r.programme.id == programme.id), None)
        if index is None:
            continue  # nothing delivered there
        values += [w.delivered[index] for w in st.weekly if _within(w.period, made, closed)]
    return _sum(values)


def _overlap(a: Decision, b: Decision) -> bool:
    return not a.provinces or not b.provinces or bool(set(a.provinces) & set(b.provinces))


def track(ds: Dataset, agg: Aggregates) -> tuple[Tracked, ...]:
    """Every decision of every meeting, in the order they were made."""
    programmes = {p.id: p for p in ds.programmes}
    as_of = ds.meetings[-1].date if ds.meetings else None
    follow_ups: dict[str, list[tuple[Meeting, FollowUp]]] = {}
    for m in ds.meetings:
        for f in m.follow_ups:
            follow_ups.setdefault(f.decision, []).append((m, f))
    made = [(m, d) for m in ds.meetings for d in m.decisions]
    closed: dict[str, Meeting] = {}
    for did, items in follow_ups.items():
        for m, f in items:
            if f.status in CLOSING:
                closed.setdefault(did, m)

    tracked = []
    for meeting, d in made:
        programme = programmes.get(d.programme) if d.programme else None
        items = tuple(follow_ups.get(d.id, ()))
        target, due, revisions = d.quantity, d.due, []
        for m, f in items:
            if f.quantity is not None and f.quantity != target:
                revisions.append(Revision(m, "quantity", target, f.quantity, f.reason_fa))
                target = f.quantity
            if f.due is not None and f.due != due:
                revisions.append(Revision(m, "due", due, f.due, f.reason_fa))
                due = f.due
        end = closed[d.id].date if d.id in closed else None
        if programme is None:
            delivered, match = None, UNMEASURED
        elif programme.delivered_from == "meetings":
            delivered = sum(1 for m in ds.meetings if meeting.date < m.date and (end is None or m.date <= end))
            match = MEETINGS
        else:
            delivered = _delivered(agg, programme, d.provinces, meeting.date, end)
            match = EXACT
        shared = ()
        if match == EXACT:
            # other decisions of the programme over the same places whose periods overlap this one's: each
            # counts from its meeting (exclusive) to its closing (inclusive), or on
            shared = tuple(o.id for om, o in made if o is not d and o.programme == d.programme and _overlap(o, d)
                           and (o.id not in closed or meeting.date < closed[o.id].date)
                           and (end is None or om.date < end))
            match = SHARED if shared else EXACT
        if delivered is None or is_suppressed(delivered):
            share = delivered if target else None
        else:
            share = delivered / target if target else None
        statuses = [f.status for _, f in items if f.status]
        if d.id in closed:
            status = next(s for s in reversed(statuses) if s in CLOSING)
        elif match == EXACT and target and share is not None and not is_suppressed(share) and share >= 1:
            status = "delivered"  # not when another decision counts the same deliveries: a meeting must say
        elif due is not None and as_of is not None and due < as_of:
            status = "overdue"
        elif (not is_suppressed(delivered) and delivered) or "in-progress" in statuses:
            status = "in-progress"
        else:
            status = "pledged"
        tracked.append(Tracked(meeting, d, programme, target, due, delivered, share, status, match, shared,
                               items, tuple(revisions), closed.get(d.id)))
    return tuple(tracked)
