"""The value types of the schema language: each reads the text a file holds (`parse`) and returns the value,
or raises `FieldError` with a problem code, what was found and how to fix it. The structures built from
them (Mapping, ListOf) and the walk that parses a file are in fields.py.
"""

from __future__ import annotations

import re

from generator.lang.jalali import DateError, JDate, JMonth, parse_jalali, parse_jalali_month
from generator.lang.messages import t
from generator.lang.persian import fold_text, has_control_characters, parse_integer
from generator.lang.personal_data import strip_private


class FieldError(ValueError):
    def __init__(self, code: str, message: str, fix: str):
        super().__init__(message)
        self.code, self.message, self.fix = code, message, fix


class Text:
    kind = "text"

    def __init__(self, example: str = "متن فارسی"):
        self.example = example

    def parse(self, raw: str) -> str:
        if has_control_characters(raw):
            raise FieldError("invalid-text", t("the text contains control characters"),
                             t("retype the text; copy-pasting from PDFs sometimes brings them in"))
        try:
            return fold_text(strip_private(raw))  # a private span never goes further than this
        except ValueError:
            raise FieldError("invalid-text", t("a private span «((خصوصی …» is not closed with «))»"),
                             t("end the private span with ))")) from None

    def describe(self) -> str:
        return "text"


class Line(Text):
    """A text on one line: a name, a title, a role. A line break in it would break the headings, tables,
    chart labels and CSV lines it is printed in."""

    kind = "line"

    def parse(self, raw: str) -> str:
        if "\n" in raw.strip() or "\r" in raw.strip():
            raise FieldError("line-break", t("a line break in a field that is one line (a name, title or role)"),
                             t("write it on one line (in YAML, without | or a quoted \\n)"))
        return super().parse(raw)

    def describe(self) -> str:
        return "text on one line"


class FileName(Line):
    """The name of a file staff received (a province's workbook): kept beside the rows imported from it, never
    published, so not read for counts of people (the personal-data scan still reads it)."""

    kind = "file name"

    def describe(self) -> str:
        return "a file's name"


class Url:
    """A web address the site is published at: http(s), a host, an optional path; kept with one final «/»."""

    kind = "url"
    _PATTERN = re.compile(r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/-]*)?$")

    def __init__(self, example: str = "https://aid.example.org/"):
        self.example = example

    def parse(self, raw: str) -> str:
        value = raw.strip()
        if not self._PATTERN.match(value):
            raise FieldError("invalid-url", t("«{raw}» is not a web address", raw=raw),
                             t("write the address the site is published at, beginning with https://, e.g. "
                               "{example}", example=self.example))
        return value.rstrip("/") + "/"

    def describe(self) -> str:
        return "web address: https://host/path/"


class Id:
    kind = "id"
    _PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

    def __init__(self, example: str = "oxygen-concentrators"):
        self.example = example

    def parse(self, raw: str) -> str:
        value = raw.strip()
        if not self._PATTERN.match(value):
            raise FieldError("invalid-id", t("«{raw}» is not a valid id", raw=raw),
                             t("use lowercase English letters, digits and hyphens, e.g. {example}",
                               example=self.example))
        return value

    def describe(self) -> str:
        return "id: lowercase ASCII letters, digits and hyphens"


class Count:
    kind = "count"

    def __init__(self, example: str = "1000"):
        self.example = example

    def parse(self, raw: str) -> int:
        value = parse_integer(raw)
        if value is None:
            raise FieldError("invalid-number", t("«{raw}» is not a whole number", raw=raw),
                             t("write digits only (Persian or Latin), e.g. {example}", example=self.example))
        if value >= 10**15:  # 16 digits or more
            raise FieldError("invalid-number", t("{value} is too large to be a count", value=str(value)),
                             t("check the cell: a count has at most 15 digits"))
        if value < 0:
            raise FieldError("negative-count",
                             t("{value} is negative; a count cannot be below zero", value=str(value)),
                             t("write the number delivered or counted, 0 or more; correct an earlier "
                               "figure by editing it, not with a negative row"))
        return value

    def describe(self) -> str:
        return "whole number ≥ 0 (Persian or Latin digits, thousands separators allowed)"


class Date:
    kind = "date"
    example = "1400-05-27"

    def parse(self, raw: str) -> JDate:
        try:
            return parse_jalali(raw)
        except DateError as exc:
            raise FieldError(exc.code, exc.message, exc.fix) from None

    def describe(self) -> str:
        return "Jalali date YYYY-MM-DD"


class Month:
    kind = "month"
    example = "1400-06"

    def parse(self, raw: str) -> JMonth:
        try:
            return parse_jalali_month(raw)
        except DateError as exc:
            raise FieldError(exc.code, exc.message, exc.fix) from None

    def describe(self) -> str:
        return "Jalali month YYYY-MM"


class Pseudonym:
    """A household's key in a register: a code that stands for the household and says nothing about it."""

    kind = "pseudonym"
    example = "hh-7f3a9c2e"
    _PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$")

    def parse(self, raw: str) -> str:
        value = raw.strip()
        if not self._PATTERN.match(value):
            raise FieldError("invalid-id", t("«{raw}» is not a household key", raw=raw),
                             t("use the pseudonymous key of the register: 6 to 64 Latin letters, digits, - or _, "
                               "e.g. {example}", example=self.example))
        if not re.search(r"[A-Za-z]", value):
            raise FieldError("personal-data",
                             t("a household key made of digits only could be a national ID or a phone number"),
                             t("use the pseudonymous key (a keyed hash), e.g. {example}, never an identity number",
                               example=self.example))
        return value

    def describe(self) -> str:
        return "pseudonymous household key: 6–64 Latin letters, digits, - or _, with at least one letter"


class Digest:
    """A file's SHA-256, in 64 hexadecimal digits: the fingerprint of the file a row was imported from. Not a
    text for the personal-data scan (its digits are a hash, not a number about anyone)."""

    kind = "sha256"
    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    _PATTERN = re.compile(r"^[0-9a-f]{64}$")

    def parse(self, raw: str) -> str:
        value = raw.strip().lower()
        if not self._PATTERN.match(value):
            raise FieldError("invalid-id", t("«{raw}» is not a SHA-256 (64 hexadecimal digits)", raw=raw),
                             t("leave it as `portal import` wrote it, e.g. {example}", example=self.example))
        return value

    def describe(self) -> str:
        return "SHA-256: 64 hexadecimal digits"


class Choice:
    kind = "choice"

    def __init__(self, choices: dict[str, str]):
        self.choices = choices  # value -> Persian label shown to the public
        self.example = next(iter(choices))

    def parse(self, raw: str) -> str:
        value = raw.strip()
        if value not in self.choices:
            raise FieldError("invalid-choice", t("«{raw}» is not one of the allowed values", raw=raw),
                             t("use one of: {choices}", choices=", ".join(self.choices)))
        return value

    def describe(self) -> str:
        return "one of: " + ", ".join(f"`{k}`" for k in self.choices)


class Flag:
    kind = "flag"
    example = "yes"
    _TRUE = frozenset({"yes", "true", "بله", "بلی", "آری"})
    _FALSE = frozenset({"no", "false", "خیر", "نه"})

    def parse(self, raw: str) -> bool:
        value = fold_text(raw).lower()
        if value in self._TRUE:
            return True
        if value in self._FALSE:
            return False
        raise FieldError("invalid-choice", t("«{raw}» is not yes or no", raw=raw), t("write yes or no"))

    def describe(self) -> str:
        return "`yes` or `no` (`true`/`false` and `بله`/`خیر` also work)"


class Ref(Line):
    """A reference to something defined elsewhere; resolved by the cross-file rules in validate/run.py."""

    kind = "ref"

    def __init__(self, target: str, example: str):
        super().__init__(example)
        self.target = target  # what it refers to, in words, for the documentation

    def describe(self) -> str:
        return f"reference: {self.target}"
