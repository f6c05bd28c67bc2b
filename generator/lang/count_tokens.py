"""A text as the counts scanner reads it (people_counts.py): tokens (numbers, words, ids, marks), each with
its place in the text, and the numbers they write, in digits or in words («بیست و سه», «۳۰ هزار»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.lang.count_words import (
    COUNTER_TA,
    DEATH,
    JOINABLE,
    MULTIPLIERS,
    THINGS,
    UNITS_EN,
    UNITS_FA,
    is_people,
    stem_in,
)
from generator.lang.persian import ZWNJ

# ---- tokens -------------------------------------------------------------------------------------------

DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, tanwin, shadda, sukun, tatweel
LETTER = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654A-Za-z"
INSIDE = LETTER + "\u064b-\u065f\u0670\u0640'" + ZWNJ
TOKEN = re.compile(
    r"(?P<code>[0-9]+(?:[-/][0-9A-Za-z]+)+|[A-Za-z]+[0-9]+[A-Za-z0-9]*|[0-9]+[A-Za-z]{2,}[0-9A-Za-z]*)"
    r"|(?P<num>[0-9]+(?:[,\u066c\u060c][0-9]{3})*(?:[.\u066b][0-9]+)?)"
    rf"|(?P<word>[{LETTER}](?:[{INSIDE}]*[{LETTER}\u064b-\u065f\u0670])?)"
    r"|(?P<stop>[.!?؟؛;\n])"
    r"|(?P<pct>[%٪])"
    r"|(?P<mark>[،,:()«»\"\[\]{}\-–—/])"
)


RANGE = re.compile(r"^([0-9]{1,3})[-–]([0-9]{1,3})$")


@dataclass(frozen=True)
class Token:
    kind: str  # code, num, word, stop, pct, mark
    text: str  # as found (after folding)
    start: int
    end: int


def tokenise(text: str) -> list[Token]:
    """The text's tokens; a word's text without short vowels or tatweel, for the lexicon. A number word
    written onto the word it counts («پنج‌خانوار», «هفت‌نفر», «پنجخانواده») is two tokens."""
    tokens = []
    for m in TOKEN.finditer(text):
        kind, raw = m.lastgroup or "", m.group(0)
        if kind == "code" and (r := RANGE.match(raw)):  # «۳-۴ نفر», «2-3 families»: a range, not an id
            tokens += [Token("num", r.group(1), m.start(), m.start() + r.end(1)),
                       Token("mark", "-", m.start() + r.end(1), m.start() + r.start(2)),
                       Token("num", r.group(2), m.start() + r.start(2), m.end())]
            continue
        if kind != "word":
            tokens.append(Token(kind, raw, m.start(), m.end()))
            continue
        word = DIACRITICS.sub("", raw)
        split = joined_number(word) if len(word) > 3 else None
        if split and raw.startswith(split[0]):  # the number word as written, its next word after it
            cut = m.start() + len(split[0])
            rest = raw[len(split[0]):]
            tokens += [Token("word", split[0], m.start(), cut),
                       Token("word", DIACRITICS.sub("", rest.lstrip(ZWNJ)),
                             cut + len(rest) - len(rest.lstrip(ZWNJ)), m.end())]
        else:
            tokens.append(Token(kind, word, m.start(), m.end()))
    return tokens


def joined_number(word: str) -> tuple[str] | None:
    """(«پنج»,) for «پنج‌خانوار» or «پنجخانواده»: a number word joined to a word that counts people or things."""
    for number in JOINABLE:
        if word.startswith(number) and len(word) > len(number) + 1:
            rest = word[len(number):].lstrip(ZWNJ)
            if is_people(rest) or stem_in(rest, THINGS):
                return (number,)
    return None


# ---- numbers ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    value: float
    first: int  # index of its first token
    last: int  # index of its last token
    words: bool  # written in words (not digits)


def digits_value(text: str) -> float | None:
    t = re.sub("[,\u066c\u060c]", "", text).replace("\u066b", ".")
    try:
        return float(t)
    except ValueError:
        return None


def unit_word(word: str) -> int | None:
    w = word.lower()
    if w in UNITS_FA:
        return UNITS_FA[w]
    for ending in ("شان", "شون", "ش", "مان", "مون", "تان"):  # «یکیشان», «دوتاشون»: one of them, two of them
        base = w[: -len(ending)].rstrip(ZWNJ) if w.endswith(ending) else ""
        if base in ("یکی", "دوتا", "سه‌تا", "سهتا", "چهارتا", "هردو", "دو", "سه"):
            return UNITS_FA.get(base.replace("تا", "").rstrip(ZWNJ).replace("هر", ""), 1)
    if w in UNITS_EN:
        return UNITS_EN[w]
    if w.endswith(COUNTER_TA) and w[:-2] in UNITS_FA and len(w) > 2:  # دوتا، سه‌تا
        return UNITS_FA[w[:-2].rstrip(ZWNJ)]
    if w.endswith(ZWNJ + COUNTER_TA) and w[:-3] in UNITS_FA:
        return UNITS_FA[w[:-3]]
    return None


def numbers_in(tokens: list[Token]) -> list[Number]:
    """Each number phrase: digits or words, with multipliers and «و» («بیست و سه», «سه هزار و پانصد»)."""
    found: list[Number] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        value = digits_value(tok.text) if tok.kind == "num" else (
            unit_word(tok.text) if tok.kind == "word" else None)
        if value is None:
            i += 1
            continue
        words = tok.kind == "word"
        first, j, total, part = i, i, 0.0, float(value)
        while True:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt and nxt.kind == "word" and nxt.text.lower() in MULTIPLIERS:
                part *= MULTIPLIERS[nxt.text.lower()]
                total += part
                part = 0.0
                j += 1
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                joined = total
            else:
                joined = None
            # «و» continues the number after a multiplier, or after tens or hundreds («بیست و سه»)
            after = tokens[j + 2] if j + 2 < len(tokens) else None
            if nxt and nxt.text in ("و", "and") and after is not None:
                more = digits_value(after.text) if after.kind == "num" else (
                    unit_word(after.text) if after.kind == "word" else None)
                base = total + part
                if more is not None and (joined is not None or (base >= 20 and base % 10 == 0
                                                                 and more < (100 if base % 100 == 0 else 10))):
                    total, part = total + part, float(more)
                    j += 2
                    continue
            break
        found.append(Number(total + part, first, j, words))
        i = j + 1
    return found


def word_at(tokens: list[Token], i: int) -> str | None:
    return tokens[i].text if 0 <= i < len(tokens) and tokens[i].kind == "word" else None


DEATH_EN = frozenset(("died", "die", "dies", "dead", "fell", "passed", "infected", "hospitalised", "hospitalized",
                       "killed", "lost", "succumbed", "sick", "ill", "symptomatic", "tested"))


def dies(tokens: list[Token], i: int) -> bool:
    """Whether the words at `i` say that who was counted died or fell ill («فوت کردند», «مبتلا شدند»,
    «died», «fell ill»): whoever they were, they are people."""
    nxt = word_at(tokens, i)
    if not nxt:
        return False
    if nxt.lower() in DEATH_EN:
        return True
    return nxt in DEATH or nxt.startswith(("فوت", "جان" + ZWNJ + "باخت", "جانباخت", "درگذشت"))
