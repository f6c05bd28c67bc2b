"""Rules on what the data's texts say (validate.py runs them with the other rules): no published text may
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

from . import people_counts
from .fields import Columns, ListOf, Mapping, Rec, typed_columns, typed_in_rec
from .messages import t
from .problems import Problem
from .publication import DEFAULT_K
from .schema import REFERENCE_KINDS, SCHEMAS
from .tables import problems_on_rows
from .value_types import Ref, Text

if TYPE_CHECKING:
    from .validate import Validated


def is_free_text(shape: Any) -> bool:
    """A field typed Text or Line (a Ref is a Line that names something, not a sentence)."""
    return isinstance(shape, Text) and not isinstance(shape, Ref)


def threshold(v: Validated) -> int:
    return next((rec.get("disclosure_threshold") for _, rec in v.records("site")), None) or DEFAULT_K


def small_counts_in_texts(v: Validated) -> Iterator[Problem]:
    """Every published text of every file, read for counts of people below k."""
    k = threshold(v)
    for kind, files in v.files.items():
        if kind in REFERENCE_KINDS:
            continue
        shape = SCHEMAS[kind].shape
        for parsed in files:
            path = parsed.file.path
            if isinstance(parsed.value, Columns):
                yield from _in_columns(path, parsed.value, shape.item, k)
                continue
            for rec in parsed.records:
                yield from _in_rec(path, rec, shape.item if isinstance(shape, ListOf) else shape, k)


def _in_columns(path: str, columns: Columns, row: Mapping, k: int) -> Iterator[Problem]:
    for name, values, codes in typed_columns(columns, row, is_free_text):
        found = {i: [_problem(path, 0, name, c, k) for c in people_counts.find(value, k)]
                 for i, value in enumerate(values) if isinstance(value, str) and value}
        yield from problems_on_rows(found, codes, columns.lines)


def _in_rec(path: str, rec: Rec, shape: Mapping, k: int) -> Iterator[Problem]:
    for line, where, text in typed_in_rec(rec, shape, is_free_text):
        if isinstance(text, str):
            yield from (_problem(path, line, where, c, k) for c in people_counts.find(text, k))


def _problem(path: str, line: int, where: str, count: people_counts.Count, k: int) -> Problem:
    return Problem(path, line, where, "small-count-in-text",
                   t("the text states «{words}»: a count of families or people below {k}, which the site hides "
                     "(«×»); this text is published", words=count.words, k=k),
                   t("take the number out (e.g. «چند خانواده»), give a total of {k} or more, or keep the words "
                     "in a private span: ((خصوصی …))", k=k))
