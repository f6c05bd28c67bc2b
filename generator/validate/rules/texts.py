"""Rules on what the data's texts say (validate/run.py runs them with the other rules): no published text may
state a count of families or people from 1 to k−1, which the site hides as «×» (people_counts.py reads
the counts; this module finds every published text and says where it is).

Every field of the schema typed `Text` is a text that is published (a meeting's title, summary, notes,
issues and requests; a decision's text; a follow-up's note and reason; a revision's reason; a programme's
names and description; a centre's name and note; a delivery's note; the site's own texts). Reference
files (provinces, counties) are not staff's text and are checked as reference data instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from generator.lang import people_counts
from generator.lang.messages import t
from generator.model.problems import WARNING, Problem
from generator.schema.files import REFERENCE_KINDS
from generator.schema.value_types import FileName, Ref, Text

if TYPE_CHECKING:
    from generator.validate.validated import Validated


def is_free_text(shape: Any) -> bool:
    """A field typed Text or Line (a Ref is a Line that names something, not a sentence; a FileName is not
    published)."""
    return isinstance(shape, Text) and not isinstance(shape, (Ref, FileName))


def small_counts_in_texts(v: Validated) -> Iterator[Problem]:
    """Every published text of every file, read for counts of people below k."""
    k = v.threshold

    def counts(path: str, line: int, where: str, text: Any) -> list[Problem]:
        return [_problem(path, line, where, c, k) for c in people_counts.find(text, k)] if isinstance(text, str) \
            else []

    yield from v.problems_in_values(is_free_text, counts, skip=REFERENCE_KINDS)


def _problem(path: str, line: int, where: str, count: people_counts.Count, k: int) -> Problem:
    return Problem(path, line, where, "small-count-in-text",
                   t("the text states «{words}»: a count of families or people below {k}, which the site hides "
                     "(«×»); this text is published", words=count.words, k=k),
                   t("take the number out (e.g. «چند خانواده»), give a total of {k} or more, or keep the words "
                     "in a private span: ((خصوصی …))", k=k))


def english_missing(v: Validated) -> Iterator[Problem]:
    """One warning, in one line, when headline texts have no English twin yet (programmes' short names and
    descriptions, decisions, meetings' summaries): the English edition shows them in Persian, marked so."""
    counts = {"programme": 0, "decision": 0, "meeting summary": 0}
    first = ""
    for path, rec in v.records("programmes"):
        if isinstance(rec.get("name_fa"), str) and not (rec.get("short_name_en") and rec.get("description_en")):
            counts["programme"] += 1
            first = first or path
    for path, rec in v.records("meetings"):
        if isinstance(rec.get("summary_fa"), str) and not rec.get("summary_en"):
            counts["meeting summary"] += 1
            first = first or path
        for d in rec.get("decisions") or []:
            if hasattr(d, "get") and isinstance(d.get("text_fa"), str) and not d.get("text_en"):
                counts["decision"] += 1
                first = first or path
    if not first:
        return
    parts = [_counted(what, n) for what, n in counts.items() if n]
    joined = parts[0]
    for part in parts[1:]:
        joined = t("{a} and {b}", a=joined, b=part)
    yield Problem("data", 0, "", "english-missing",
                  t("the English edition shows these texts in Persian, as there is no English for them yet: "
                    "{parts}", parts=joined),
                  t("add their English twins (a programme's short_name_en and description_en, a decision's "
                    "text_en, a meeting's summary_en: docs/schema.md), or leave them: the English pages show the "
                    "Persian as it is, marked as Persian"), severity=WARNING)


def _counted(what: str, n: int) -> str:
    if what == "programme":
        return t("{n} programme", n=n) if n == 1 else t("{n} programmes", n=n)
    if what == "decision":
        return t("{n} decision", n=n) if n == 1 else t("{n} decisions", n=n)
    return t("{n} meeting summary", n=n) if n == 1 else t("{n} meeting summaries", n=n)
