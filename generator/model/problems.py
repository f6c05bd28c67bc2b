"""Data problems: one value per problem, one place that prints them.

Every stage that finds something wrong with the data returns `Problem` values instead of raising on the
first one; the pipeline collects them all and stops once, with `DataProblems`. The CLI is the only place
that turns them into `path:line: field: message` lines and exit code 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.lang.messages import render, t
from generator.model.errors import PortalError

ERROR = "error"
WARNING = "warning"

# The catalogue of problem codes: code -> what it means. Tests and the schema documentation use it; a
# problem with a code that is not here is a programming error (checked in Problem.__post_init__).
CODES: dict[str, str] = {
    "file-unreadable": "the file cannot be read, or is not UTF-8 text",
    "file-empty": "the file holds no data",
    "yaml-syntax": "the YAML is malformed (indentation, tabs, quotes)",
    "yaml-alias": "YAML anchors and aliases (&name, *name) are not allowed",
    "duplicate-key": "the same key appears twice in one YAML mapping",
    "csv-header": "a CSV column is missing, unknown, or repeated",
    "csv-row-length": "a CSV row has more or fewer cells than the header",
    "wrong-type": "a value has the wrong shape (a list where a mapping is expected, ...)",
    "missing-field": "a required field is missing or empty",
    "unfilled-field": "a field left as \"\" to fill in (new-meeting writes them): write it, or delete the line",
    "empty-follow-up": "a follow-up that says nothing: no status, quantity, due date, reason or note",
    "unknown-field": "a field that the schema does not know (often a typo)",
    "invalid-id": "an id that is not lowercase ASCII letters, digits and hyphens",
    "invalid-url": "a web address that is not http(s)://host/path/ (the site's address, site_url)",
    "invalid-number": "a number that cannot be read",
    "negative-count": "a count below zero",
    "invalid-date": "a date that is not written as a Jalali date YYYY-MM-DD",
    "impossible-date": "a Jalali date that does not exist (month 13, 1400-12-30, ...)",
    "gregorian-date": "a Gregorian date where a Jalali date is expected",
    "invalid-choice": "a value outside the allowed list",
    "invalid-text": "text with control characters or nothing but spaces",
    "line-break": "a line break in a field that is one line (a name, title, role or code)",
    "date-out-of-range": "a Jalali year outside the years the site covers (site.yaml `years`, default 1398–1430)",
    "yaml-tag": "a YAML tag (!!python/object, !!int, !custom) on a value: data files hold plain values only",
    "unknown-province": "a province that is not one of the 31 in the reference",
    "invalid-code": "a province code in the reference that is not an ISO 3166-2:IR code (IR- and two digits)",
    "boundary-mismatch": "the province boundaries and the provinces of the reference do not have the same codes",
    "province-code-changed": "a province's code in provinces.csv is not the one its boundary and counties use",
    "unknown-county": "a county that is not in the county reference",
    "county-province-mismatch": "a county that belongs to another province",
    "unknown-programme": "a programme id not defined in data/programmes.yaml",
    "unknown-indicator": "an indicator id not defined in data/indicators.yaml",
    "unknown-meeting": "a meeting id with no file in data/meetings/",
    "unknown-source": "a source id not listed in data/site.yaml",
    "duplicate-id": "the same id is used twice",
    "duplicate-row": "the same figure is given twice",
    "meeting-file-name": "a meeting file whose name is not its date",
    "meetings-out-of-order": "meeting numbers that do not increase with their dates",
    "over-pledge": "more delivered than was pledged (a warning: check the figures)",
    "personal-data": "a national ID, phone number, postal code, bank card or account, or e-mail address in a text",
    "unknown-decision": "a follow-up of a decision that no earlier meeting made",
    "follow-up-before-decision": "a follow-up in the meeting that makes the decision, or in an earlier one",
    "decision-closed-twice": "a decision marked delivered or cancelled a second time",
    "revision-without-reason": "a revised quantity or due date, or a cancellation, without a reason",
    "closed-decision-changed": "a follow-up that changes the status, quantity or due date of a closed decision",
    "due-before-meeting": "a due date before the meeting that sets it",
    "small-count-in-decision": "a decision (or revision) for 1 to k−1 families or people",
    "small-count-in-text": "a published text states a count of families or people from 1 to k−1 («۳ خانواده»)",
    "english-missing": "headline texts without their English twin (a warning: the English edition shows them in "
                       "Persian)",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located to the file, line and field."""

    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # dotted path inside the file (`reports[1].province`) or a CSV column; "" for the file
    code: str
    message: str  # what was found and what is expected (a messages.Text: English, and Persian on demand)
    fix: str  # how to fix it, with an example of a correct value (a messages.Text too)
    severity: str = ERROR

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")
        if self.severity not in (ERROR, WARNING):
            raise ValueError(f"unknown severity {self.severity!r}")

    def where(self) -> str:
        """`path:line: field:`, the same in both languages (the file as named, the field as typed)."""
        place = f"{self.path}:{self.line}" if self.line else self.path
        return f"{place}:" + (f" {self.field}:" if self.field else "")

    def explain(self, lang: str = "en") -> str:
        """What was found and expected, the code, and the fix with an example, in `lang` (messages.py)."""
        message, fix = render(self.message, lang), render(self.fix, lang)
        if lang == "fa":
            level = "هشدار: " if self.severity == WARNING else ""
            return f"{level}{message} [{self.code}]؛ رفع: {fix}"
        level = "warning: " if self.severity == WARNING else ""
        return f"{level}{message} [{self.code}]; fix: {fix}"

    def format(self, lang: str = "en") -> str:
        return f"{self.where()} {self.explain(lang)}"


PLACES_PER_CODE = 20  # a file's problems of one code are printed this many at most, then how many more


def capped(problems: list[Problem], limit: int = PLACES_PER_CODE) -> list[Problem | tuple[str, str, int]]:
    """The problems to print, in order: at most `limit` of one code in one file, then (path, code, how many
    more) in place of the rest. A broken 700,000-row file is a screen of messages, not 700,000 lines."""
    shown: list[Problem | tuple[str, str, int]] = []
    count: dict[tuple[str, str], int] = {}
    for p in problems:
        key = (p.path, p.code)
        count[key] = count.get(key, 0) + 1
        if count[key] <= limit:
            shown.append(p)
        elif count[key] == limit + 1:
            shown.append((*key, 0))
    return [(item[0], item[1], count[item[:2]] - limit) if isinstance(item, tuple) else item for item in shown]


def report_lines(problems: list[Problem], lang: str = "en", limit: int = PLACES_PER_CODE) -> list[str]:
    """`path:line: field: message` for each problem to print, and a line for each cut (capped)."""
    return [p.format(lang) if isinstance(p, Problem) else more_line(*p, lang=lang) for p in capped(problems, limit)]


def more_line(path: str, code: str, more: int, lang: str = "en") -> str:
    return f"{path}: " + render(t("… and {n} more of the same [{code}] in this file (the first {limit} are shown)",
                                  n=more, code=code, limit=PLACES_PER_CODE), lang)


class DataProblems(PortalError):
    """Raised by the pipeline when validation found at least one error. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = sum(p.severity == ERROR for p in self.problems)
        super().__init__(f"{errors} problem(s) in the data")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]
