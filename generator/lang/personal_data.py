"""Personal data in free text: find it before anything is published (../shared/PRIVACY.md, "Text").

Minutes name officials by role, but a typed note may carry a private person's national ID, phone number,
postal code, bank card or account, or e-mail address. `find` returns every such match in a text: kind,
position and a masked form for messages (the full number is never printed: CI logs may be public).

Numbers are matched on digits, whatever digits and separators staff typed: Persian (۰-۹) and Arabic-Indic
(٠-٩) digits count as digits; spaces, dashes, zero-width non-joiners, direction marks, brackets, dots and
slashes between digits join them into a run of digit groups. Thousands separators (٬ and ,) do not:
«۳٬۰۰۰٬۰۰۰٬۰۰۰» is an amount. Every stretch of consecutive groups in a run is tried, so a phone number
written next to a date or another number is still found. A shape that is certain (a mobile or landline
prefix, a national ID's check digit, a card's Luhn digit, a sheba's mod-97) is always reported; a bare
ten-digit number only when it is written as one block or as a postal code or ID (5-5, 3-6-1), and not
when it is an amount (followed by ریال, تومان, …) or grouped in thousands. Dates (1400-05-27) never join
a match. Runs are found with look-arounds on digits, since `\\b` does not fall between a Persian letter
and a digit.

Staff keep private text in the minutes inside `((خصوصی …))` (or `((private …))`): `strip_private`
replaces each such span with «…» before the text is read any further, so it is never scanned, stored in
the dataset or published.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.lang.persian import ascii_digits

# what may stand between two digits of one number: spaces, dashes, ZWNJ/ZWJ, direction marks and isolates
_JOINERS = (" \t\u00a0\u2009\u202f\\-\u2010\u2011\u2012\u2013\u2212"
            "\u200b\u200c\u200d\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e")
# a run: digit groups joined by those, or by brackets, dots and slashes ((021) 8888-1234, 0912.345.6789);
# every stretch of consecutive groups in a run is tried, so a number written next to another is found
# a dot followed by a space ends a sentence, not a group: «… ۲۷ مرداد ۱۴۰۰. ۱۴۰۰-۰۵-۲۷» is two numbers
# (the search index writes a heading's text right after the paragraph before it, in one line)
_SEPARATORS = _JOINERS + "()./"
_RUN = re.compile(rf"(?<![0-9])[0-9](?:(?:[{_JOINERS}()/]|\.(?!\s))*[0-9])*(?![0-9])")
_GROUP = re.compile(r"[0-9]+")
_MONEY = re.compile(r"[\s\u200c]*(?:ریال|تومان|دلار|یورو|rial|toman)", re.IGNORECASE)
_SHEBA = re.compile(rf"(?<![A-Za-z])IR[{_JOINERS}]*((?:[0-9][{_JOINERS}]*){{23}}[0-9])(?![0-9])", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
IRANIAN_CARD_PREFIXES = ("603799", "589210", "610433", "627353", "589463", "603770", "639217", "627648",
                         "627961", "603769", "628023", "627412", "622106", "502229", "627488", "621986",
                         "639346", "502806", "627381", "505785", "636214", "505416", "636949", "585983",
                         "502938", "504706", "606373", "627760", "628157", "639607", "639347", "505801")

BARE_TEN_DIGITS = "a ten-digit number (a national ID or a postal code)"  # a shape, not a certainty

# ((خصوصی …)): no colon and no leading bracket, so that it needs no quoting in a YAML plain scalar
PRIVATE = re.compile(r"\(\(\s*(?:خصوصی|private)\b\s*:?(.*?)\)\)", re.DOTALL | re.IGNORECASE)
_PRIVATE_OPEN = re.compile(r"\(\(\s*(?:خصوصی|private)\b", re.IGNORECASE)
PRIVATE_PLACEHOLDER = "…"


@dataclass(frozen=True)
class Finding:
    kind: str  # in words, for the message
    masked: str  # the first two and last two digits (or the e-mail's domain), the rest hidden
    start: int  # position in the text searched
    end: int


def national_id_ok(digits: str) -> bool:
    """The check digit of an Iranian national ID (code melli)."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    s = sum(int(digits[i]) * (10 - i) for i in range(9)) % 11
    check = s if s < 2 else 11 - s
    return int(digits[9]) == check


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def sheba_ok(digits: str) -> bool:
    """ISO 7064 mod-97 of an IBAN `IR` + 24 digits: the country code and check digits move to the end."""
    rearranged = digits[2:] + "1827" + digits[:2]  # I = 18, R = 27
    return int(rearranged) % 97 == 1


def _mask(digits: str) -> str:
    return digits[:2] + "•" * (len(digits) - 4) + digits[-2:]


def _kind(digits: str) -> tuple[str, bool] | None:
    """What a string of digits looks like, and whether its shape is certain (a prefix or a check digit
    that fits) rather than only its length."""
    n = len(digits)
    if n == 11 and digits.startswith("09"):
        return "a mobile phone number", True
    if (n == 12 and digits.startswith("989")) or (n == 14 and digits.startswith("00989")):
        return "a mobile phone number", True
    if n == 11 and digits[0] == "0" and digits[1] in "12345678":
        return "a landline phone number", True
    if n == 10:
        if national_id_ok(digits):
            return "a national ID", True
        return BARE_TEN_DIGITS, False
    if n in (16, 19) and (luhn_ok(digits) or digits.startswith(IRANIAN_CARD_PREFIXES)):
        return "a bank card number", True
    if n == 24 and sheba_ok(digits):
        return "a bank account number (sheba)", True
    return None


def _is_date(groups: list[str]) -> bool:
    return (len(groups) == 3 and len(groups[0]) == 4 and 1300 <= int(groups[0]) <= 1499
            and len(groups[1]) <= 2 and 1 <= int(groups[1]) <= 12 and len(groups[2]) <= 2)


def _is_amount(groups: list[str]) -> bool:
    """1 ۰۰۰ ۰۰۰ ۰۰۰: a number grouped in thousands."""
    return len(groups) > 1 and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _in_run(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Personal-data-shaped stretches of consecutive digit groups in one run: (start, end, kind)."""
    groups = [(m.start() + start, m.end() + start, m.group(0)) for m in _GROUP.finditer(text, start, end)]
    digits = [g[2] for g in groups]
    dates = {i for i in range(len(groups) - 2) if _is_date(digits[i:i + 3])}
    candidates = []
    for i in range(len(groups)):
        for j in range(i, len(groups)):
            joined = "".join(digits[i:j + 1])
            if len(joined) > 24:
                break
            if any(i <= d and d + 2 <= j for d in dates) and j - i > 2:
                continue  # a date with other numbers beside it
            shape = _kind(joined)
            if shape is None:
                continue
            kind, certain = shape
            if not certain:
                money = _MONEY.match(text, groups[j][1])
                plain = j == i or [len(g) for g in digits[i:j + 1]] in ([5, 5], [3, 6, 1])
                if money or not plain or _is_amount(digits[i:j + 1]):
                    continue
            candidates.append((not certain, -(j - i), groups[i][0], groups[j][1], kind, joined))
    taken: list[tuple[int, int, str]] = []
    for _, _, a, b, kind, joined in sorted(candidates):
        if all(b <= x or a >= y for x, y, _ in taken):
            taken.append((a, b, kind + "\x00" + joined))
    return taken


# nothing shorter than ten digits is looked for: a text without such a run (or an @) is passed at C speed
_WORTH_A_LOOK = re.compile(rf"[0-9۰-۹٠-٩](?:[{_SEPARATORS}]*[0-9۰-۹٠-٩]){{9}}|@")


def find(text: str) -> list[Finding]:
    """Every piece of personal data in `text` (after private spans are removed), in order."""
    if not _WORTH_A_LOOK.search(text):
        return []  # no run of ten digits and no @: most texts
    # short texts are remembered (the same names and notes recur across files); a whole page is not
    return list(_remembered(text) if len(text) < 2000 else _find(text))


@functools.lru_cache(maxsize=1 << 14)
def _remembered(text: str) -> tuple[Finding, ...]:
    return _find(text)


def _find(text: str) -> tuple[Finding, ...]:
    ascii_text = ascii_digits(text)
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for m in _SHEBA.finditer(ascii_text):
        digits = re.sub(r"[^0-9]", "", m.group(1))
        kind = "a bank account number (sheba)" if sheba_ok(digits) else "an IR + 24-digit number (a sheba?)"
        found.append(Finding(kind, "IR" + _mask(digits), m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _RUN.finditer(ascii_text):
        if m.end() - m.start() < 10:
            continue  # fewer than ten characters hold fewer than ten digits: no shape looked for is shorter
        if any(a <= m.start() < b for a, b in taken):
            continue
        for a, b, tagged in _in_run(ascii_text, m.start(), m.end()):
            kind, digits = tagged.split("\x00")
            found.append(Finding(kind, _mask(digits), a, b))
    for m in _EMAIL.finditer(ascii_text):
        found.append(Finding("an e-mail address", "•••@" + m.group(0).split("@", 1)[1], m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f.start))


def strip_private(text: str) -> str:
    """The text with each `((خصوصی …))` span replaced by «…». Raises ValueError on an unclosed span."""
    stripped = PRIVATE.sub(PRIVATE_PLACEHOLDER, text)
    if _PRIVATE_OPEN.search(stripped):
        raise ValueError("a private span «((خصوصی …» is not closed with «))»")
    return stripped


def private_spans(text: str) -> list[str]:
    """The texts kept private in `text` (what must never appear on the site)."""
    return [m.group(1).strip() for m in PRIVATE.finditer(text)]
