"""Rules on what the data's texts say (validate.py runs them with the other rules): a number of families or
people from 1 to k−1, which the site hides as «×», must not be published in words, next to a word that
counts people, in a meeting's text (when the meeting reports that figure) or in a revision's reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .fields import Rec
from .messages import t
from .persian import parse_integer
from .problems import Problem
from .publication import DEFAULT_K
from .schema import PEOPLE_UNITS

if TYPE_CHECKING:
    from .validate import Validated

_PEOPLE_NUMBER = re.compile(r"(?<![\d۰-۹٠-٩])([\d۰-۹٠-٩]+)[\s\u200c]*(?:نفر|خانوار|خانواده|بیمار|فوتی|مورد)")


def restated_small_figures(v: Validated) -> Iterator[Problem]:
    """A figure about people of 1 to k−1 in the minutes is hidden on the site (protect.py); the same number
    written in the meeting's text, next to a word that counts people, would publish it all the same."""
    k = next((rec.get("disclosure_threshold") for _, rec in v.records("site")), None) or DEFAULT_K
    units = {rec.get("id"): rec.get("unit") for _, rec in v.records("indicators")}
    for path, m in v.records("meetings"):
        figures = list(m.get("national_figures") or [])
        for r in m.get("reports") or []:
            figures += list(r.get("figures") or []) if isinstance(r, Rec) else []
        small = {f.get("value") for f in figures if isinstance(f, Rec) and units.get(f.get("indicator")) in PEOPLE_UNITS
                 and isinstance(f.get("value"), int) and 0 < f.get("value") < k}
        if not small:
            continue
        for line, where, text in _texts_in(m):
            for number in _PEOPLE_NUMBER.findall(text):
                if parse_integer(number) in small:
                    yield Problem(path, line, where, "restates-hidden-figure",
                                  t("the text gives «{number}» people, a figure of this meeting below {k} that the "
                                    "site hides («×»); written here it would be published all the same",
                                    number=number, k=k),
                                  t("take the number out of the text, or keep it as a private span: ((خصوصی …))"))


def small_counts_in_revisions(v: Validated) -> Iterator[Problem]:
    """A revision says why published figures changed, and is published itself (the «what changed» page,
    the feed): a number of families or people from 1 to k−1 in it is just what the site hides («×»)."""
    k = next((rec.get("disclosure_threshold") for _, rec in v.records("site")), None) or DEFAULT_K
    for path, rec in v.records("revisions"):
        for line, where, text in _texts_in(rec):
            for number in _PEOPLE_NUMBER.findall(text):
                if 0 < parse_integer(number) < k:
                    yield Problem(path, line, where, "restates-hidden-figure",
                                  t("the text gives «{number}» families or people, below {k}: the site hides "
                                    "figures this small («×»), and this text is published", number=number, k=k),
                                  t("say what changed without the number (e.g. «گزارش دیرهنگام رشت»)"))


def _texts_in(rec: Rec) -> Iterator[tuple[int, str, str]]:
    for name, value in rec.items():
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, Rec):
                yield from _texts_in(item)
            elif isinstance(item, str):
                yield rec.line_of(name), f"{rec.path_of(name)}[{i}]" if isinstance(value, list) else rec.path_of(
                    name), item
