"""Counts of people written in a text: «۳ خانواده», «سه بیمار», «فوتی‌ها: ۴», «یکی از بیماران».

The site hides every count of families or people from 1 to k−1 («×»); a text that states one publishes it
all the same. `find(text, k)` returns each such count with the words that state it, so that validation can
refuse the text (validate/rules/texts.py). It reads Persian as staff write it, and English:

- numbers in any digits (Persian, Arabic-Indic, Latin), with thousands separators or a ZWNJ, or in words
  («یک» to «نوزده», tens, hundreds, «بیست و سه», «یه», «دوتا»), with a multiplier («۳۰ هزار», «۳ میلیون»:
  large, accepted);
- the count before the word that counts people («۳ خانواده», «دو نفر از بیماران», «سه تن», «یکی از
  فوتی‌ها», «۴ مورد فوت»), or after it, with nothing counted in between («تعداد بیماران بستری ۳ است»,
  «فوتی‌ها: ۴»);
- a number that counts something else stays accepted: centres, devices, packages, provinces, weeks, years,
  months and days of dates («۲۷ مرداد»), tons of a material («۳ تن اکسیژن»), shares («۵ درصد خانواده‌ها»),
  sizes («خانوارهای ۵ نفره»), rates and ratios («۱ نفر از هر ۱۰۰۰», «۱ به ۴»), labels («فاز ۲»), ids and
  dates («۱۴۰۰-۰۵-۲۷-d۱»);
- so does a number in a rule rather than a count of who was served: per unit («هر تیم ۳ نفر است»), who may
  be served («خانواده‌های دارای سه فرزند», «۵ نفر و بیشتر»), staff and attendees («دو نفر از اعضای ستاد»,
  «با حضور ۸ نفر»), unless the text says they died or fell ill.

The words are in count_words.py, the reading of tokens and numbers in count_tokens.py, the rules in
count_rules.py; this module decides what each number counts. What a scanner cannot know: a count said
without a number («تنها خانوادهٔ روستا», «همهٔ اعضای آن خانواده»), or people named by a word the lexicon
does not know. Staff write the text knowing the rule; the scanner catches what it can read, and the guide
says the rest.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.lang.count_rules import is_rule
from generator.lang.count_tokens import (
    DIACRITICS,
    Number,
    Token,
    dies,
    digits_value,
    numbers_in,
    tokenise,
    unit_word,
    word_at,
)
from generator.lang.count_words import (
    AUX,
    CASE,
    COUNTER_TA,
    FUNCTION_EN,
    FUNCTION_FA,
    LIGHT,
    MATERIAL,
    MULTIPLIERS,
    UNITS_EN,
    UNITS_FA,
    is_people,
    is_thing,
    stem_in,
)
from generator.lang.persian import ZWNJ, ascii_digits, persian_letters

# ---- what a number counts ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Count:
    """A count of people found in a text."""

    value: int
    words: str  # the words that state it, as written («۳ خانواده»)
    start: int
    end: int


PEOPLE, THING, BARE = "people", "thing", "bare"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_WORTH_A_LOOK = re.compile("[0-9۰-۹٠-٩０-９]|" + "|".join(sorted(UNITS_FA, key=len, reverse=True)) + "|"
                           + "|".join(rf"\b{w}\b" for w in UNITS_EN), re.IGNORECASE)


_LINKS = frozenset(("تا", "الی", "و", "یا", "به", "to", "or", "and", "-", "–", "/", "،", ","))
_RATIO = frozenset(("به", ":", "/"))
_DEMONSTRATIVES = frozenset(("این", "آن", "همین", "همان", "this", "that", "these", "those"))
# words that say «the number of»: «تعداد بیماران …», «شمار فوتی‌ها …», «the number of deaths …»
_QUANTIFIERS = frozenset(("تعداد", "شمار", "جمع", "مجموع", "آمار", "کل", "رقم", "the", "number", "of", "total",
                          "count"))
LINKED = "linked"


def _counted(tokens: list[Token], n: Number, english: bool) -> tuple[str, int]:
    """What the number counts (people, a thing, nothing: a bare number, or whatever the next number counts,
    in «۳ تا ۵ خانواده», «۳ و ۴ نفر»), and the index of the token that says so (of the next number's first
    token, when linked)."""
    i = n.last + 1
    first = tokens[n.first].text
    if n.words and first not in UNITS_FA and first.lower() not in UNITS_EN and first.endswith(("شان", "شون", "ش")):
        return BARE, n.last  # «یکیشان»: one of them (what the sentence is about)
    if i >= len(tokens):
        return BARE, n.last
    tok = tokens[i]
    if tok.kind == "pct":
        return THING, i
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.text == "(" and after is not None and (after.kind == "num" or unit_word(after.text) is not None) \
            and i + 2 < len(tokens) and tokens[i + 2].text == ")" and i + 3 < len(tokens):
        i += 3  # «۳ (سه) خانواده»: the number said again in words
        tok = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
    is_number = after is not None and (after.kind == "num" or (after.kind == "word"
                                                               and unit_word(after.text) is not None))
    if tok.text in ("در", "per") and is_number:
        return THING, i  # «۳ در ۱۰۰ هزار نفر»: a rate
    if tok.text in _LINKS and is_number:
        if tok.text in _RATIO and word_at(tokens, n.first - 1) not in ("از", "from"):
            return THING, i  # «۱ به ۴»: a ratio («از ۵ به ۶» is a change)
        if tok.text in ("،", ",") and (is_thing(word_at(tokens, n.first - 1) or "") or _large_after(tokens, i + 1)):
            # «هفتهٔ ۵، ۱۴۰ خانوار»: a label, then another number; «۳، ۷۵۰ هزار نفر»: not a list of counts
            return BARE, n.last
        return LINKED, i + 1
    if tok.text == ":" and is_number:
        return THING, i  # «۱:۴», «۱۰:۳۰»
    if tok.text in ("-", "–") and after is not None and after.kind == "word":
        i, tok = i + 1, after  # «۳-خانواده»: a hyphen typed for a space
        after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.kind in ("stop", "mark", "code", "num"):
        return BARE, n.last
    word = tok.text
    if word in ("تاست", "تایند", "تان"):  # «سه تاست»: three (of them) is
        return BARE, i
    if word in (COUNTER_TA, "تای"):  # «۲ تا خانواده»; «۵ تا واجد شرایط بودند», «۳ تای آن‌ها»: of them
        if after is not None and after.text == "از":
            i, word = i + 1, "از"  # «سه تا از بیماران»
        elif after is None or after.kind != "word" or not (is_people(after.text) or is_thing(after.text)):
            return BARE, i
        else:
            i, word = i + 1, after.text
    if word == "نفری" and word_at(tokens, i + 1) not in ("که", "از"):
        return THING, i  # «خانوارهای ۵ نفری»: a size; «۳ نفری که …» are three people
    if word == "تن":
        nxt = word_at(tokens, i + 1)
        if nxt and (stem_in(nxt, MATERIAL) or is_thing(nxt)):
            return THING, i
        return PEOPLE, i
    if word in ("مورد", "case", "cases"):
        nxt = word_at(tokens, i + 1)
        if nxt and nxt.lower() == "of":
            what = word_at(tokens, i + 2)
            return (PEOPLE if what and what.lower() in ("death", "deaths", "infection", "covid") else THING), i
        if nxt and stem_in(nxt, CASE):
            return PEOPLE, i + 1
        if word != "مورد":
            return PEOPLE, i
        # «۳ مورد» counts what the sentence is about («فوتی‌ها: ۳ مورد», «از خانواده‌ها فقط ۳ مورد …»)
        return BARE, i
    if word in ("از", "of"):  # «یکی از بیماران», «دو نفر از»: a part of people is people
        at = i + 1
        nxt = word_at(tokens, at)
        determined = bool(nxt and nxt.lower() in ("the", "those", "these", "our", "their", "them"))
        if determined:
            at += 1
            nxt = word_at(tokens, at)
        plural = bool(nxt) and (nxt.lower().endswith("s") or nxt.lower() in ("people", "children", "men", "women"))
        if word == "of" and not determined and nxt and nxt.lower() not in ("them", "us") and not plural:
            return BARE, n.last  # «two of the patients», «3 of them»; «Phase 2 of family support» is a label
        if nxt and nxt.lower() in ("them", "us"):
            return PEOPLE, at
        if nxt and is_people(nxt):
            return PEOPLE, at
        if nxt and nxt in ("هر", "every", "each"):
            return THING, i  # a rate: «۱ از هر ۱۰۰۰»
        return BARE, n.last
    if is_people(word):
        label = word_at(tokens, n.first - 1)
        if label and is_thing(label) and not is_people(label) and word.endswith(("ان", "ها", "های", "هایی")):
            return THING, i  # «مرکز شمارهٔ ۳ بیماران کرونایی»: a count takes a singular noun; this labels
        return PEOPLE, i
    if is_thing(word):
        return THING, i
    if english:  # adjectives come before the noun: «three bereaved families», «two more deaths»
        for j in range(i, min(i + 4, len(tokens))):
            w = word_at(tokens, j)
            if w is not None and w.lower() in ("more", "further", "additional", "other", "new", "extra"):
                continue
            if w is None or w.lower() in FUNCTION_EN:
                break
            if is_people(w):
                return PEOPLE, j
            if is_thing(w):
                return THING, j
        if word.lower() not in FUNCTION_EN and dies(tokens, i + 1):
            return PEOPLE, i  # «3 nurses fell ill», «2 doctors died»
        return (BARE, n.last) if word.lower() in FUNCTION_EN else (THING, i)
    if word in FUNCTION_FA or word.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
        return BARE, n.last
    if word in LIGHT and word_at(tokens, i + 1) in AUX:
        return BARE, n.last
    # a noun the lexicon does not know: what it counts is that noun, unless a verb of death follows
    if dies(tokens, i + 1):
        return PEOPLE, i
    return THING, i


def _large_after(tokens: list[Token], i: int) -> bool:
    """Whether the number written from token `i` on is one of a thousand or more (with a multiplier or not):
    a list of small counts («۲، ۳ و ۴ خانوار») holds no such number."""
    tok = tokens[i]
    nxt = word_at(tokens, i + 1)
    if nxt and nxt.lower() in MULTIPLIERS:
        return True
    value = digits_value(tok.text) if tok.kind == "num" else unit_word(tok.text) if tok.kind == "word" else None
    return value is not None and value >= 1000


_PREPOSITIONS = frozenset(("در", "به", "از", "با", "برای", "تا", "طی", "هر", "in", "at", "to", "from", "of",
                           "the", "for")) | _DEMONSTRATIVES


def _looks_back(tokens: list[Token], n: Number) -> int | None:
    """For a bare number: the word that counts people before it, with nothing counted between
    («تعداد بیماران بستری ۳ است», «فوتی‌ها: ۴», «جان‌باختگان شهرستان به ۶ رسید»), or the people the clause
    is about («تعداد خانوار مشمول طرح در این دهستان ۴ است», «بیماران منتظر تخت: ۳»); None when another
    number, a full stop or the thing the number labels comes first («بخش ۳», «شمارهٔ ۲»), or the clause is
    about a thing («مراکز فعال برای بیماران: ۸»). A thing inside a phrase of place or time («در
    بیمارستان», «این هفته») or after a word that counts people («جان‌باختگان شهرستان») only says which
    people."""
    before = word_at(tokens, n.first - 1)
    if before and before.lower() in ("aged", "age", "ages", "under", "over") and english_age(tokens, n):
        return None  # «children under 5», «aged 7»: an age
    seen = 0
    for j in range(n.first - 1, -1, -1):
        tok = tokens[j]
        if tok.kind == "num" and j + 1 < len(tokens) and tokens[j + 1].text in _LINKS and (
                tokens[j + 1].text not in _RATIO or word_at(tokens, j - 1) in ("از", "from")):
            continue  # «از ۱۲ به ۸», «۳ تا ۵»: the first of a change or a range («۱ به ۴» is a ratio)
        if tok.kind in ("stop", "num", "code", "pct"):
            break
        if tok.kind == "mark":
            continue
        if unit_word(tok.text) is not None:
            return None
        if is_people(tok.text):
            while j > 0 and tokens[j - 1].kind == "word" and is_people(tokens[j - 1].text):
                j -= 1  # «بیماران بستری ۳»: the words from the first
            return j
        if is_thing(tok.text):
            prev = tokens[j - 1] if j > 0 else None
            labelled = all(t.kind == "mark" and t.text != ":" for t in tokens[j + 1:n.first])
            if prev is not None and prev.kind == "word" and prev.text.lower() in _DEMONSTRATIVES:
                continue  # «در این روستا ۲ است»: a place, not a label
            if labelled:
                return None  # «بخش ۳», «شمارهٔ ۲»: the number labels it
            if prev is not None and prev.kind == "word" and is_people(prev.text):
                return j - 1
            if prev is None or prev.kind != "word" or prev.text.lower() not in _PREPOSITIONS:
                break
        if tok.text not in FUNCTION_FA and tok.text.lower() not in FUNCTION_EN:
            seen += 1
        if seen > 6:
            break
    return _clause_head(tokens, n)


def english_age(tokens: list[Token], n: Number) -> bool:
    """«children under 5», «patients aged 7»: the number after these words is an age (English only: the
    Persian says «سال»)."""
    people = word_at(tokens, n.first - 2) or ""
    return people.isascii() and (people.lower() in ("aged",) or is_people(people) or
                                 (word_at(tokens, n.first - 1) or "").lower() in ("aged", "age", "ages"))


def _labelled_or_sized(tokens: list[Token], n: Number) -> bool:
    """English puts a label's number after it («Centre 4», «Phase 2», «Week 3») and a size after «of»
    («households of 6 members», «a family of five»)."""
    before = word_at(tokens, n.first - 1)
    if before is None or not before.isascii():
        return False
    if is_thing(before) and not is_people(before):
        return True
    return before.lower() == "of" and is_people(word_at(tokens, n.first - 2) or "")


def _clause_head(tokens: list[Token], n: Number) -> int | None:
    """The people a clause is about, when its first noun counts people («تعداد بیماران … ۳ است»)."""
    start = n.first
    while start > 0 and tokens[start - 1].kind != "stop" and tokens[start - 1].text not in ("،", ","):
        start -= 1
    for j in range(start, n.first):
        tok = tokens[j]
        if tok.kind != "word":
            if tok.kind in ("num", "code", "pct"):
                return None
            continue
        if tok.text.lower() in _QUANTIFIERS:
            continue
        return j if is_people(tok.text) else None
    return None


def _is_rate(tokens: list[Token], i: int) -> bool:
    """«در هر ۱۰۰۰ نفر», «به ازای هر ۵ خانواده»: a number after «هر» (every) in digits is a rate; «هر دو»
    (both) is a count."""
    before = word_at(tokens, i - 1)
    return before in ("هر", "every", "each", "per") and tokens[i].kind == "num"


def _rate_follows(tokens: list[Token], j: int) -> bool:
    """«۱ نفر از هر ۱۰۰۰ نفر», «۳ نفر در هر ۱۰۰ هزار», «3 deaths per 100,000»: a rate, not a count."""
    w1, w2 = word_at(tokens, j + 1), word_at(tokens, j + 2)
    if w1 == "per":
        return True
    then = tokens[j + 3] if j + 3 < len(tokens) else None
    return (w1 in ("از", "در", "in", "out") and w2 in ("هر", "every", "each", "of") and then is not None
            and (then.kind == "num" or unit_word(then.text) is not None or then.text in MULTIPLIERS))


def _neither_nor(tokens: list[Token], i: int) -> bool:
    """«نه ... و نه ...», «نه تنها»: «نه» as «not», not nine."""
    if tokens[i].text != "نه":
        return False
    if word_at(tokens, i + 1) in ("تنها", "فقط", "همه", "هیچ"):
        return True
    lo, hi = i, i
    while lo > 0 and tokens[lo - 1].kind != "stop":
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].kind != "stop":
        hi += 1
    return sum(tokens[j].text == "نه" for j in range(lo, hi + 1)) > 1


def _span(tokens: list[Token], n: Number, what: str, at: int, k: int, english: bool) -> tuple[int, int, int] | None:
    """Where a count of people below k is written, (start, end, value), or None for any other number."""
    if not (1 <= n.value < k) or n.value != int(n.value):
        return None
    if _neither_nor(tokens, n.first) or _is_rate(tokens, n.first):
        return None
    if n.words and tokens[n.first].text.lower() in ("single", "couple", "pair") and not english:
        return None
    # a label's number («Week 3») is no count, unless people follow it at once: «last week 3 families were
    # helped» says 3 families (a reader cannot tell the two apart, and a leak is the worse mistake)
    if _labelled_or_sized(tokens, n) and not (what == PEOPLE and at == n.last + 1 and
                                               (word_at(tokens, n.first - 1) or "").lower() != "of"):
        return None
    if what == BARE:  # «دوتاشان فوت کردند», «یکیشان فوت کرد»: whoever died is people
        verb = next((j for j in range(n.last + 1, min(n.last + 4, len(tokens)))
                     if tokens[j].kind == "word" and dies(tokens, j)), None)
        if verb is not None and all(t.kind == "word" for t in tokens[n.last + 1:verb]):
            what, at = PEOPLE, verb
    if what == BARE:
        back = _looks_back(tokens, n)
        if back is None or is_rule(tokens, n, n.last, english):
            return None
        return min(tokens[back].start, tokens[n.first].start), max(tokens[back].end, tokens[n.last].end), int(n.value)
    if what == PEOPLE:
        if _rate_follows(tokens, at) or is_rule(tokens, n, at, english):
            return None
        return tokens[n.first].start, tokens[at].end, int(n.value)
    return None


@functools.lru_cache(maxsize=1 << 14)
def find(text: str, k: int) -> tuple[Count, ...]:
    """Every count of people from 1 to k−1 that `text` states, in order."""
    if not _WORTH_A_LOOK.search(DIACRITICS.sub("", text)):
        return ()  # no digit and no number word: most texts
    plain = ascii_digits(persian_letters(text)).translate(_FULL_WIDTH)  # character for character
    tokens = tokenise(plain)
    english = sum(1 for t in tokens if t.kind == "word" and t.text.isascii()) > len(tokens) / 2
    numbers = numbers_in(tokens)
    starting = {n.first: i for i, n in enumerate(numbers)}
    decided: list[tuple[str, int]] = [(BARE, 0)] * len(numbers)
    linked: dict[int, int] = {}  # a number -> the next one of its range or list
    for i in range(len(numbers) - 1, -1, -1):  # a range or list takes what its last number counts
        what, at = _counted(tokens, numbers[i], english)
        if what == LINKED:
            if at in starting:
                linked[i] = starting[at]
            what, at = decided[starting[at]] if at in starting else (BARE, numbers[i].last)
        decided[i] = (what, at)
    spans: list[tuple[int, int, int] | None] = []
    for n, (what, at) in zip(numbers, decided, strict=True):
        spans.append(_span(tokens, n, what, at, k, english))
    found: list[Count] = []
    i = 0
    while i < len(numbers):
        span = spans[i]
        j = i
        while j in linked and spans[linked[j]] is not None:  # «۴ الی ۶ خانواده»: one count of the range
            j = linked[j]
        if span is None and j != i:
            span = spans[j]
        if span is not None:
            start = min(span[0], spans[j][0]) if spans[j] else span[0]
            end = max(span[1], spans[j][1]) if spans[j] else span[1]
            found.append(Count(span[2], text[start:end], start, end))
        i = j + 1
    return tuple(found)
