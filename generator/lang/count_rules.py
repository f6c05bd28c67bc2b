"""Numbers in rules, not counts of who was served (people_counts.py asks before it refuses a text): per unit
(«هر تیم ۳ نفر است», «از هر خانوار یک نفر»), who may be served («خانواده‌های دارای سه فرزند», «۵ نفر و
بیشتر», «خانوارهای بالای ۵ نفر»), the second term of a ratio («نسبت ۱ به ۴»), and staff and attendees
(«دو نفر از اعضای ستاد», «با حضور ۸ نفر»), unless the text says they died or fell ill.
"""

from __future__ import annotations

import itertools

from generator.lang.count_tokens import Number, Token, dies, unit_word, word_at
from generator.lang.count_words import is_people, stem_in

_PER_UNIT = frozenset(("خانوار", "خانواده", "دستگاه", "پزشک", "پرستار", "تیم", "اتاق", "تخت", "آمبولانس", "خودرو",
                       "بسته", "کارشناس", "نیرو", "اکیپ", "household", "family", "device", "doctor", "team", "room",
                       "bed"))
_STAFF = frozenset(("ستاد", "کمیته", "قرارگاه", "سازمان", "تیم", "گروه", "هیئت", "هیات", "شورا", "اداره", "کارگروه",
                    "بسیج", "سپاه", "جلسه", "committee", "team", "staff", "headquarters", "board", "council"))
_MEMBERS = frozenset(("اعضای", "اعضا", "کارکنان", "نمایندگان", "members", "the"))
_ATTRIBUTE = frozenset(("دارای", "with", "having"))
_FAMILY_MEMBER = frozenset(("فرزند", "عضو", "بچه", "کودک", "نفر", "child", "children", "member", "members"))
_AT_LEAST_OR_MORE = (("و", "بیشتر"), ("یا", "بیشتر"), ("و", "بالاتر"), ("به", "بالا"), ("و", "بیش"), ("or", "more"),
                     ("and", "more"), ("and", "above"), ("or", "above"), ("or", "over"))


def is_rule(tokens: list[Token], n: Number, at: int, english: bool) -> bool:
    """A number in a rule, not a count of who was served: per unit («هر تیم ۳ نفر است», «از هر خانوار یک
    نفر»), an attribute or threshold of who may be served («خانوارهای دارای سه فرزند», «۵ نفر و بیشتر»,
    «خانوارهای بالای ۵ نفر»), the second term of a ratio («نسبت ۱ به ۴»), or a count of staff and
    attendees («دو نفر از اعضای ستاد», «با حضور ۸ نفر»), unless they died or fell ill."""
    before, before2 = word_at(tokens, n.first - 1), word_at(tokens, n.first - 2)
    start = n.first
    while start > 0 and tokens[start - 1].kind != "stop" and tokens[start - 1].text not in ("،", ","):
        start -= 1
    clause = [t.text for t in tokens[start:n.first] if t.kind == "word"]
    if any(x in ("هر", "every", "each", "per") and stem_in(y.lower(), _PER_UNIT)
           for x, y in itertools.pairwise(clause)):
        return True  # «هر تیم ۳ نفر است», «هر پزشک روزانه ۸ بیمار»
    after = [t.text.lower() for t in tokens[at + 1:at + 5] if t.kind == "word"]
    if after[:2] in (["از", "هر"], ["from", "each"], ["from", "every"]):
        return True  # «حداکثر ۲ نفر از هر خانواده»
    counted = (word_at(tokens, at) or "").lower()
    if (before in _ATTRIBUTE or (before == "با" and before2 and is_people(before2))) and (
            not counted or counted.rstrip("s") in _FAMILY_MEMBER or stem_in(counted, _FAMILY_MEMBER)):
        return True  # «خانواده‌های دارای سه فرزند», «سرپرست خانوار با ۳ فرزند», «with 3 children»
    following = tuple(t.text.lower() for t in tokens[n.last + 1:at + 4] if t.kind == "word")
    if any(following[i:i + 2] == pair for pair in _AT_LEAST_OR_MORE for i in range(len(following))):
        return True  # «۵ نفر و بیشتر», «3 or more children»
    if before in ("بالای", "over", "above") or (before2, before) in (("بیش", "از"), ("more", "than")):
        ahead = word_at(tokens, n.first - 3 if before2 in ("بیش", "more") else n.first - 2) or ""
        if is_people(ahead) and ahead.endswith(("های", "ها", "s")):
            return True  # «خانوارهای بالای ۵ نفر»: a size
    if before in ("به", "in", "to") and n.first >= 2 and tokens[n.first - 2].kind in ("num",) and \
            word_at(tokens, n.first - 3) not in ("از", "from"):
        return True  # «نسبت ۱ به ۴ خانواده», «one in three families»: a ratio
    if before in ("به", "in") and before2 is not None and unit_word(before2) is not None:
        return True
    if before == "حضور" or (before, before2) == ("of", "attendance"):
        return True  # «با حضور ۸ نفر»: attendees
    rest = [t.text for t in tokens[at + 1:at + 6] if t.kind == "word"]
    if rest[:1] in (["از"], ["of"]):
        org = [w for w in rest[1:4] if w.lower() not in _MEMBERS]
        if org and (org[0].lower() in _STAFF or stem_in(org[0].lower(), _STAFF)) and \
                not any(dies(tokens, j) for j in range(at + 1, min(at + 8, len(tokens)))):
            return True  # «دو نفر از اعضای ستاد بازدید کردند»: staff, not who was served
    return False
