"""Rules across meetings about decisions and their follow-ups (validate/run.py runs them with the other rules).

A follow-up refers to a decision of an earlier meeting, closes it at most once and never changes it after,
and says why when it revises a quantity or a due date or cancels; a due date is never before the meeting
that sets it; and no decision is for so few families or people (1 to k−1) that it would single them out.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.lang.messages import t
from generator.model.problems import Problem
from generator.schema.fields import mappings
from generator.schema.files import PEOPLE_UNITS

if TYPE_CHECKING:
    from generator.validate.validated import Validated


def follow_ups(v: Validated) -> Iterator[Problem]:
    """Follow-ups against the decisions of earlier meetings: the decision exists and was made before, it is
    closed (delivered or cancelled) at most once, and a revised quantity or due date, or a cancellation,
    says why."""
    meetings = sorted(((rec["date"], path, rec) for path, rec in v.records("meetings") if rec.get("date")),
                      key=lambda t: t[0])
    made = {d["id"]: (date, path, d) for date, path, rec in meetings for d in mappings(rec["decisions"])
            if d.get("id")}
    closed: dict[str, tuple[str, int]] = {}
    for date, path, rec in meetings:
        for d in mappings(rec["decisions"]):
            if d.get("due") is not None and d["due"] < date:
                yield Problem(path, d.line_of("due"), d.path_of("due"), "due-before-meeting",
                              t("decision «{id}» is due {due}, before the meeting that makes it ({date})",
                                id=d.get("id"), due=d["due"].iso, date=date.iso),
                              t("check the due date: a Jalali date after the meeting, e.g. {example}",
                                example=date.plus_days(30).iso))
        for f in mappings(rec["follow_ups"]):
            did = f.get("decision")
            if not did:
                continue
            line, where = f.line_of("decision"), f.path_of("decision")
            if did not in made:
                close = difflib.get_close_matches(did, sorted(made), n=1, cutoff=0.6)
                example = close[0] if close else "1400-05-27-d1"
                yield Problem(path, line, where, "unknown-decision",
                              t("no earlier meeting made a decision «{id}»", id=did),
                              t("use the id of a decision of an earlier meeting, e.g. {example}", example=example))
                continue
            when, made_in, _ = made[did]
            if when >= date:
                yield Problem(path, line, where, "follow-up-before-decision",
                              t("decision «{id}» is made in {made_in} ({when}), not before this meeting", id=did,
                                made_in=made_in, when=when.iso),
                              t("follow a decision up only in a later meeting; in its own meeting, write it in "
                                "full under decisions"))
                continue
            status = f.get("status") or ""
            said = [name for name in ("status", "quantity", "due", "reason_fa", "note_fa") if f.get(name)]
            if not said and not f.unfilled:
                yield Problem(path, line, f.where, "empty-follow-up",
                              t("the follow-up of «{id}» says nothing: no status, quantity, due date, reason or note; "
                                "published, it would show the decision as discussed at this meeting", id=did),
                              t("write what the meeting said in note_fa (and status if it changed), or delete the "
                                "follow-up if the decision was not discussed"))
            if f.get("due") is not None and f["due"] < date:
                yield Problem(path, f.line_of("due"), f.path_of("due"), "due-before-meeting",
                              t("the revised due date {due} of «{id}» is before this meeting ({date})",
                                due=f["due"].iso, id=did, date=date.iso),
                              t("check the due date: a Jalali date after the meeting, e.g. {example}",
                                example=date.plus_days(30).iso))
            if did in closed:
                changed = [key for key in ("status", "quantity", "due") if f.get(key) not in (None, "")]
                if changed and status not in ("delivered", "cancelled"):
                    first_path, first_line = closed[did]
                    yield Problem(path, f.line_of(changed[0]), f.path_of(changed[0]), "closed-decision-changed",
                                  t("decision «{id}» was closed at {first}; a later meeting cannot change its "
                                    "{what}", id=did, first=f"{first_path}:{first_line}", what=_WHAT[changed[0]]),
                                  t("keep only note_fa to report on a closed decision; a new commitment is a new "
                                    "decision of this meeting, with its own id"))
            if status in ("delivered", "cancelled"):
                if did in closed:
                    first_path, first_line = closed[did]
                    yield Problem(path, f.line_of("status"), f.path_of("status"), "decision-closed-twice",
                                  t("decision «{id}» was already closed at {first}", id=did,
                                    first=f"{first_path}:{first_line}"),
                                  t("close a decision once; to report on it again, leave out `status` and write "
                                    "note_fa"))
                else:
                    closed[did] = (path, f.line_of("status"))
            if not f.get("reason_fa"):
                changed = [k for k in ("quantity", "due") if f.get(k) is not None]
                if status == "cancelled":
                    changed.append("status")
                for key in changed:
                    message = t("this follow-up of «{id}» cancels the decision but gives no reason", id=did) \
                        if key == "status" else t("this follow-up of «{id}» changes its {what} but gives no reason",
                                                  id=did, what=_WHAT[key])
                    yield Problem(path, f.line_of(key), f.path_of(key), "revision-without-reason", message,
                                  t("add reason_fa: the reason as the meeting stated it, e.g. "
                                    "«reason_fa: کمبود دستگاه در بازار»"))


_WHAT = {"status": t("status"), "quantity": t("quantity"), "due": t("due date")}


def small_people_quantities(v: Validated) -> Iterator[Problem]:
    """A decision for 1 to k−1 families or people, or a revision to so few, would single them out."""
    k = v.threshold
    units = {rec.get("id"): rec.get("unit") for _, rec in v.records("programmes")}
    made = {d.get("id"): d.get("programme") for _, m in v.records("meetings") for d in mappings(m["decisions"])}
    for path, m in v.records("meetings"):
        items = [(d, d.get("programme")) for d in mappings(m["decisions"])]
        items += [(f, made.get(f.get("decision"))) for f in mappings(m["follow_ups"])]
        for rec, programme in items:
            quantity = rec.get("quantity")
            if units.get(programme) in PEOPLE_UNITS and isinstance(quantity, int) and 0 < quantity < k:
                yield Problem(path, rec.line_of("quantity"), rec.path_of("quantity"), "small-count-in-decision",
                              t("a quantity of {quantity} {unit} is below {k}: published, it would point at these "
                                "few households or people", quantity=quantity, unit=t(units[programme]), k=k),
                              t("decide for a larger area and give that quantity, or leave quantity out and keep "
                                "the number in a private span: ((خصوصی …))"))
