"""Persian text and numbers: how staff may type them, and how the public sees them.

Reading (used by the validate and normalise stages): fold Arabic ي/ك/ى/ة-style letters to their Persian
forms, read numbers written in Persian (۰-۹), Arabic-Indic (٠-٩) or Latin digits with or without thousands
separators. Writing (used by the render stage): Persian digits, the Persian thousands separator (٬, U+066C)
and decimal separator (٫, U+066B).
"""

from __future__ import annotations

import functools
import re
import unicodedata

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
THOUSANDS = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR, the Persian convention
DECIMAL = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR
ZWNJ = "\u200c"

_TO_ASCII_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN_DIGITS = str.maketrans("0123456789" + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_ARABIC_LETTERS = str.maketrans({
    "\u064a": "\u06cc",  # ي ARABIC YEH -> ی FARSI YEH
    "\u0649": "\u06cc",  # ى ALEF MAKSURA -> ی
    "\u0643": "\u06a9",  # ك ARABIC KAF -> ک KEHEH
})
# Direction marks and other invisible format characters that staff paste in by accident; ZWNJ is kept
# inside words (it is part of Persian spelling) but collapsed when repeated.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold_text(text: str) -> str:
    """Canonical Persian text: NFC, Persian letters, no stray invisible marks, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_ARABIC_LETTERS)
    text = _INVISIBLE.sub("", text)
    text = re.sub(ZWNJ + "{2,}", ZWNJ, text)
    text = re.sub(f" ?{ZWNJ} ?", ZWNJ, text)  # a ZWNJ next to a space is a typing slip
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def match_key(text: str) -> str:
    """A key for matching names typed in different ways: folded, no spaces or ZWNJ, lower case."""
    folded = fold_text(text).translate(_TO_ASCII_DIGITS).lower()
    return re.sub(f"[\\s{ZWNJ}\\-_.'’]", "", folded)


def ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII_DIGITS)


def persian_letters(text: str) -> str:
    """Arabic ي/ى/ك as Persian ی/ک (only that: no normalisation, cheap on a whole page)."""
    return text.translate(_ARABIC_LETTERS)


_GROUPED = re.compile(r"^[+-]?\d{1,3}([,\u066c\u060c ']\d{3})+$")
_PLAIN = re.compile(r"^[+-]?\d+$")


def parse_integer(text: str) -> int | None:
    """An integer written with any digits, optionally grouped in thousands; None if it is not one."""
    t = _INVISIBLE.sub("", ascii_digits(text.strip())).replace(ZWNJ, "")
    t = t.replace("\u2212", "-")  # MINUS SIGN
    if _PLAIN.match(t):
        return int(t)
    if _GROUPED.match(t):
        return int(re.sub(r"[,\u066c\u060c ']", "", t))
    return None


def persian_digits(text: str) -> str:
    return text.translate(_TO_PERSIAN_DIGITS)


@functools.lru_cache(maxsize=1 << 16, typed=True)  # tables repeat their figures; typed: True is not 1
def format_number(value: int | float, decimals: int = 0) -> str:
    """۷۵۰٬۰۰۰ — Persian digits, Persian thousands and decimal separators."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number to show")
    text = f"{value:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", DECIMAL).replace("\x00", THOUSANDS)
    return persian_digits(text)


def format_percent(value: float) -> str:
    """۴۵٫۳٪ — one decimal, Persian percent sign."""
    return format_number(value, 1) + "٪"


# The Persian alphabet, in its order (آ and ا as one letter, as dictionaries sort them); a letter outside it
# sorts after, by its code point. Arabic ي ى ك and ة are read as ی ک ه first.
_ALPHABET = "اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_ORDER = {c: i for i, c in enumerate(_ALPHABET)} | {"آ": 0, "أ": 0, "إ": 0, "ء": 0, "ئ": len(_ALPHABET) - 1,
                                                    "ؤ": _ALPHABET.index("و"), "ة": _ALPHABET.index("ه")}


def sort_key(text: str) -> tuple[int, ...]:
    """A key that orders Persian names as a Persian reader expects (گیلان before لرستان, پ after ب,
    چ after ج, ژ after ز, گ after ک): by letter, spaces and the zero-width non-joiner ignored."""
    folded = persian_letters(text)
    return tuple(_ORDER.get(c, 100 + ord(c)) for c in folded if c not in " \u200c\u200d")

