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
from generator.model.problems import Problem
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
