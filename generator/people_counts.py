"""Counts of people written in a text: «۳ خانواده», «سه بیمار», «فوتی‌ها: ۴», «یکی از بیماران».

The site hides every count of families or people from 1 to k−1 («×»); a text that states one publishes it
all the same. `find(text, k)` returns each such count with the words that state it, so that validation can
refuse the text (text_rules.py). It reads Persian as staff write it, and English:

- numbers in any digits (Persian, Arabic-Indic, Latin), with thousands separators or a ZWNJ, or in words
  («یک» to «نوزده», tens, hundreds, «بیست و سه», «یه», «دوتا»), with a multiplier («۳۰ هزار», «۳ میلیون»:
  large, accepted);
- the count before the word that counts people («۳ خانواده», «دو نفر از بیماران», «سه تن», «یکی از
  فوتی‌ها», «۴ مورد فوت»), or after it, with nothing counted in between («تعداد بیماران بستری ۳ است»,
  «فوتی‌ها: ۴»);
- a number that counts something else stays accepted: centres, devices, packages, provinces, weeks, years,
  months and days of dates («۲۷ مرداد»), tons of a material («۳ تن اکسیژن»), shares («۵ درصد خانواده‌ها»),
  sizes («خانوارهای ۵ نفره»), rates («۱ نفر از هر ۱۰۰۰»), ids and dates («۱۴۰۰-۰۵-۲۷-d۱»).

What a scanner cannot know: a count hidden in a paraphrase («همهٔ اعضای آن خانواده», «هر دو فرزندش»
written as «فرزندانش»), or a count of people the lexicon does not name as people. Staff write the text
knowing the rule; the scanner catches what it can read, and the guide says the rest.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from .persian import ZWNJ, ascii_digits, persian_letters

# ---- the lexicon ----------------------------------------------------------------------------------------

# words that name people counted one by one (families and households are counted as one each)
_PEOPLE_FA = (
    "نفر", "نفرات", "خانوار", "خانواده", "خونواده", "سرپرست", "فرد", "افراد", "شخص", "اشخاص", "کس", "شهروند", "تن",
    "بیمار", "مریض", "مبتلا", "مبتلایان", "بستری", "مصدوم", "مصدومین", "زخمی", "معلول", "جانباز",
    "جان‌باز", "قربانی", "کشته", "شهید", "فوتی", "متوفی", "متوفیان", "درگذشته", "درگذشتگان", "جان‌باخته",
    "جانباخته", "جان‌باختگان", "جانباختگان", "فوت‌شده", "فوت‌شدگان", "فوتشده", "بازمانده", "بازماندگان",
    "یتیم", "ایتام", "بیوه", "بیوگان", "نیازمند", "مددجو", "آسیب‌دیده", "آسیب‌دیدگان", "آسیبدیده",
    "بی‌سرپرست", "بیسرپرست", "بدسرپرست", "کودک", "بچه", "طفل", "اطفال", "نوزاد", "شیرخوار", "نوجوان",
    "دانش‌آموز", "دانشآموز", "دانشجو", "سالمند", "زن", "مرد", "دختر", "پسر", "فرزند", "همسر", "مادر",
    "پدر", "برادر", "خواهر", "نوه", "عضو", "اعضا", "اعضاء", "خانم", "آقا", "زائر", "مهاجر", "پناهنده",
    "مراجعه‌کننده", "مریضا", "بچه‌ها", "مراجعان", "مراجعین", "واجد", "واجدان", "زوج", "کارگر", "فوت", "مرگ",
    "مرگ‌ومیر", "مرگومیر", "ابتلا", "ابتلاء", "موارد", "مراجعه‌کنندگان", "دریافت‌کننده", "دریافت‌کنندگان",
    "متقاضی", "متقاضیان", "ذی‌نفع", "ذینفع", "ذی‌نفعان", "ذینفعان", "بهره‌مند", "مستمری‌بگیر",
)
_PEOPLE_EN = (
    "family", "families", "household", "households", "person", "persons", "people", "individual",
    "individuals", "patient", "patients", "child", "children", "kid", "kids", "infant", "infants", "baby",
    "babies", "death", "deaths", "dead", "deceased", "victim", "victims", "orphan", "orphans", "widow",
    "widows", "resident", "residents", "woman", "women", "man", "men", "member", "members", "head", "heads",
    "beneficiary", "beneficiaries", "recipient", "recipients", "survivor", "survivors", "casualty",
    "casualties", "fatality", "fatalities", "case", "cases", "student", "students", "elderly", "girl",
    "girls", "boy", "boys", "mother", "mothers", "father", "fathers", "son", "sons", "daughter", "daughters",
)
# «تن» is people, or tons when a material follows («۳ تن اکسیژن»)
_MATERIALS = ("اکسیژن", "آرد", "برنج", "گندم", "شکر", "قند", "روغن", "گوشت", "مرغ", "حبوبات", "کالا", "بار",
              "مواد", "اقلام", "دارو", "تجهیزات", "کمک", "محموله", "ماسک", "غذا", "آب", "سوخت", "گازوئیل",
              "بنزین", "سیمان", "آهن", "زباله", "پسماند", "یخ", "میوه", "سبزی", "لبنیات", "پنیر", "خرما",
              "کود", "علوفه", "مایع", "ضدعفونی‌کننده", "الکل", "بسته", "جنس", "اجناس")
# «مورد» is a case of illness or death when one of these follows («۴ مورد فوت»)
_CASES = ("فوت", "ابتلا", "ابتلای", "مرگ", "بستری", "فوتی", "مثبت", "جان‌باختگی", "جانباختگی", "مبتلا",
          "کرونا", "کووید", "درگذشت", "بیماری", "عفونت", "مرگ‌ومیر", "ابتلاء")
# verbs that say the counted ones died or fell ill: what is counted is then people, whoever they were
_DEATH_VERBS = ("فوت", "جان", "درگذشت", "درگذشتند", "مبتلا", "بستری", "شهید", "کشته", "مردند", "مرد", "علامت‌دار",
                "علامتدار")
# words after which a number is only a label («هفتهٔ ۳», «شمارهٔ ۲», «فاز ۲»)
_THINGS_FA = (
    "مرکز", "مراکز", "دستگاه", "بسته", "کپسول", "تخت", "بیمارستان", "درمانگاه", "آمبولانس", "خودرو",
    "ماشین", "کامیون", "محموله", "کیلو", "کیلوگرم", "گرم", "لیتر", "متر", "کیلومتر", "عدد", "قلم", "ویال",
    "دوز", "نوبت", "مرحله", "فاز", "بار", "دفعه", "استان", "شهرستان", "شهر", "روستا", "منطقه", "بخش",
    "پایگاه", "ناحیه", "تیم", "گروه", "اکیپ", "واحد", "ریال", "تومان", "دلار", "یورو", "درصد", "برابر",
    "جلسه", "تصمیم", "مصوبه", "طرح", "برنامه", "پروژه", "سند", "نامه", "پرونده", "اقلام", "کارتن", "کیسه",
    "سبد", "وعده", "پرس", "دارو", "ماسک", "دستکش", "واکسن", "سرنگ", "تست", "آزمایش", "نمونه", "کیت",
    "ثانیه", "دقیقه", "ساعت", "روز", "شب", "هفته", "ماه", "سال", "قرن", "دهه", "شنبه", "یکشنبه", "دوشنبه",
    "سه‌شنبه", "سهشنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه", "فروردین", "اردیبهشت", "خرداد", "تیر",
    "مرداد", "امرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند", "محرم", "صفر", "ژانویه",
    "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
    "شماره", "ردیف", "بند", "ماده", "تبصره", "صفحه", "جدول", "نمودار", "سطح", "طبقه", "اتاق", "سالن",
    "بخش‌نامه", "پلاک", "کد", "نسخه", "ویرایش", "جلد", "فصل", "لیست", "فهرست", "اولویت", "رتبه", "درجه",
    "امتیاز", "نمره", "مقیاس", "شاخص", "رده", "دهک", "نقطه", "پست", "کارگاه", "کارخانه", "انبار", "پایانه",
    "فرودگاه", "ایستگاه", "مسجد",
    "حسینیه", "مدرسه", "دانشگاه", "اداره", "سازمان", "نهاد", "شرکت", "خیریه", "هیئت", "قرارگاه", "ستاد",
    "کمیته", "کارگروه", "شورا", "موکب", "چادر", "کانکس", "اقامتگاه", "آسایشگاه", "خانه", "ساختمان",
    "دستور", "مورد", "بسته‌ها", "میلیون", "میلیارد", "هزار", "صد", "برگ", "جعبه", "شیشه", "بطری", "قوطی",
    "پالت", "کانتینر", "تانکر", "سیلندر", "ژنراتور", "ونتیلاتور", "پمپ", "فیلتر", "اکسیژن‌ساز", "تن",
)
_THINGS_EN = (
    "centre", "centres", "center", "centers", "device", "devices", "package", "packages", "concentrator",
    "concentrators", "bed", "beds", "hospital", "hospitals", "clinic", "clinics", "province", "provinces",
    "county", "counties", "week", "weeks", "month", "months", "year", "years", "day", "days", "hour", "hours",
    "minute", "minutes", "percent", "%", "times", "meeting", "meetings", "decision", "decisions", "team",
    "teams", "site", "sites", "unit", "units", "dose", "doses", "ton", "tons", "tonnes", "kg", "litres",
    "vial", "vials", "truck", "trucks", "ambulance", "ambulances", "phase", "phases", "round", "rounds",
    "million", "billion", "thousand", "hundred", "rials", "rial", "tomans", "dollars", "kits", "tests", "pm", "am",
    "o'clock", "decile",
)
# words between which nothing is counted: they end a look for the counted word
_FUNCTION_FA = frozenset((
    "و", "یا", "به", "از", "در", "با", "برای", "است", "هست", "بود", "شد", "شده", "شدند", "رسید",
    "رسیده", "رسیدند", "هستند", "بودند", "می‌رسد", "میرسد", "نیز", "هم", "را", "که", "تا", "الی", "اند",
    "‌اند", "است.", "بوده", "باشد", "گردید", "گردیدند", "کرد", "کردند", "کرده", "کردند.", "دارد", "دارند",
    "بر", "روی", "زیر", "بیش", "کمتر", "حدود", "تقریبا", "تقریباً", "فقط", "تنها", "جمعا", "جمعاً", "مجموعا",
    "مجموعاً", "نفری", "بوده‌اند", "شده‌اند", "رسیده‌است", "رسیده‌اند", "است،", "اما", "ولی", "لیکن",
))
_FUNCTION_EN = frozenset(("and", "or", "to", "of", "in", "at", "on", "is", "are", "was", "were", "with", "for",
                          "by", "from", "reached", "rose", "fell", "stood", "now", "still", "only", "about",
                          "around", "under", "below", "over", "above", "than", "less", "more", "nearly"))
# a noun that with one of these verbs says something was reported: «۳ گزارش شد» counts what came before
_LIGHT_NOUNS = ("گزارش", "اعلام", "ثبت", "برآورد", "تایید", "تأیید", "شناسایی", "ذکر", "عنوان", "اعلان", "تغییر",
               "افزایش", "کاهش", "اصلاح", "بازنگری")
_AUX = ("شد", "شده", "شدند", "گردید", "گردیده", "کرد", "کردند", "کرده", "است", "شده‌است", "شده‌اند", "یافت",
        "یافته", "داد", "دادند", "پیدا")

_UNITS_FA = {"صفر": 0, "یک": 1, "یه": 1, "یکی": 1, "دو": 2, "سه": 3, "چهار": 4, "چار": 4, "پنج": 5,
             "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12,
             "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16, "شونزده": 16, "هفده": 17,
             "هیفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40,
             "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100,
             "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700,
             "هشتصد": 800, "نهصد": 900}
_UNITS_EN = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
             "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
             "hundred": 100, "single": 1, "couple": 2, "pair": 2, "dozen": 12, "both": 2}
# number words that staff write onto the next word, longest first («هفت‌نفر», «یکسال»)
_JOINABLE = tuple(sorted((w for w in _UNITS_FA if _UNITS_FA[w] < 100 and w not in ("یکی", "سی", "ده")),
                         key=len, reverse=True))
_MULTIPLIERS = {"هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9, "thousand": 1000, "million": 10**6,
                "billion": 10**9}
# «۲ تا» and «دوتا»: «تا» as a counter of anything (and «تا» between two numbers is a range)
_COUNTER_TA = "تا"

# ---- tokens -------------------------------------------------------------------------------------------

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, tanwin, shadda, sukun, tatweel
_LETTER = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654A-Za-z"
_INSIDE = _LETTER + "\u064b-\u065f\u0670\u0640'" + ZWNJ
_TOKEN = re.compile(
    r"(?P<code>[0-9]+(?:[-/][0-9A-Za-z]+)+|[A-Za-z]+[0-9]+[A-Za-z0-9]*|[0-9]+[A-Za-z]{2,}[0-9A-Za-z]*)"
    r"|(?P<num>[0-9]+(?:[,\u066c\u060c][0-9]{3})*(?:[.\u066b][0-9]+)?)"
    rf"|(?P<word>[{_LETTER}](?:[{_INSIDE}]*[{_LETTER}\u064b-\u065f\u0670])?)"
    r"|(?P<stop>[.!?؟؛;\n])"
    r"|(?P<pct>[%٪])"
    r"|(?P<mark>[،,:()«»\"\[\]{}\-–—/])"
)


_RANGE = re.compile(r"^([0-9]{1,3})[-–]([0-9]{1,3})$")


@dataclass(frozen=True)
class Token:
    kind: str  # code, num, word, stop, pct, mark
    text: str  # as found (after folding)
    start: int
    end: int


def _tokens(text: str) -> list[Token]:
    """The text's tokens; a word's text without short vowels or tatweel, for the lexicon. A number word
    written onto the word it counts («پنج‌خانوار», «هفت‌نفر», «پنجخانواده») is two tokens."""
    tokens = []
    for m in _TOKEN.finditer(text):
        kind, raw = m.lastgroup or "", m.group(0)
        if kind == "code" and (r := _RANGE.match(raw)):  # «۳-۴ نفر», «2-3 families»: a range, not an id
            tokens += [Token("num", r.group(1), m.start(), m.start() + r.end(1)),
                       Token("mark", "-", m.start() + r.end(1), m.start() + r.start(2)),
                       Token("num", r.group(2), m.start() + r.start(2), m.end())]
            continue
        if kind != "word":
            tokens.append(Token(kind, raw, m.start(), m.end()))
            continue
        word = _DIACRITICS.sub("", raw)
        split = _joined_number(word) if len(word) > 3 else None
        if split and raw.startswith(split[0]):  # the number word as written, its next word after it
            cut = m.start() + len(split[0])
            rest = raw[len(split[0]):]
            tokens += [Token("word", split[0], m.start(), cut),
                       Token("word", _DIACRITICS.sub("", rest.lstrip(ZWNJ)),
                             cut + len(rest) - len(rest.lstrip(ZWNJ)), m.end())]
        else:
            tokens.append(Token(kind, word, m.start(), m.end()))
    return tokens


def _joined_number(word: str) -> tuple[str] | None:
    """(«پنج»,) for «پنج‌خانوار» or «پنجخانواده»: a number word joined to a word that counts people or things."""
    for number in _JOINABLE:
        if word.startswith(number) and len(word) > len(number) + 1:
            rest = word[len(number):].lstrip(ZWNJ)
            if _is_people(rest) or _stem_in(rest, _THINGS):
                return (number,)
    return None


# endings of a plural, an ezafe, an indefinite or a copula: «خانواده‌ها», «خانوادهٔ», «خانواده‌ای», «بیماران»,
# «کودکانی», «درگذشتگان» (← درگذشته), «نفرند»
_ENDINGS = ("هاشون", "اشون", "شون", "مون", "هایشان", "هایش", "انشان", "انش", "یشان", "یش", "شان", "مان", "تان",
            "ش", "هایی", "های", "ها", "ا",
            "انی", "یان", "گان", "ان", "اتی", "ات", "ای", "یی", "ی", "ین", "ء", "اند", "ند", "ست", "s", "es")


@functools.lru_cache(maxsize=1 << 14)
def _stem_in(word: str, lexicon: frozenset) -> bool:
    """Whether `word` is one of `lexicon`, as written or with one of the endings above."""
    w = word.lower().rstrip("\u0654")
    if w in lexicon or w.replace(ZWNJ, "") in lexicon:
        return True
    for ending in _ENDINGS:
        if len(w) > len(ending) + 1 and w.endswith(ending):
            base = w[: -len(ending)].rstrip(ZWNJ)
            if base in lexicon or base.replace(ZWNJ, "") in lexicon or (ending == "گان" and base + "ه" in lexicon):
                return True
    return False


_PEOPLE = frozenset(_PEOPLE_FA + _PEOPLE_EN)
_THINGS = frozenset(_THINGS_FA + _THINGS_EN)
_MATERIAL = frozenset(_MATERIALS)
_CASE = frozenset(_CASES)
_DEATH = frozenset(_DEATH_VERBS)
_LIGHT = frozenset(_LIGHT_NOUNS)


def _is_people(word: str) -> bool:
    # «نفره» (a five-person household) is a size, not a count; «تنها» is «only»
    if word in ("نفره", "عضوی", "عضوه", "تنها", "تنهایی", "تنی", "فردا", "فردای"):
        return False  # sizes («۵ نفره», «۵ عضوی»), «only», «tomorrow»
    if _stem_in(word, _PEOPLE):
        return True
    head = word.split(ZWNJ, 1)[0]  # «بچه‌یتیم»: a compound whose first word counts people
    return head != word and len(head) > 2 and head in _PEOPLE


def _is_thing(word: str) -> bool:
    if word in ("تنها", "تنهایی", "فردا"):
        return False  # «only», «alone», «tomorrow»: not «تن» (tons), not a thing
    return _stem_in(word, _THINGS) or word.lower() in _THINGS


# ---- numbers ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    value: float
    first: int  # index of its first token
    last: int  # index of its last token
    words: bool  # written in words (not digits)


def _digits_value(text: str) -> float | None:
    t = re.sub("[,\u066c\u060c]", "", text).replace("\u066b", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _unit_word(word: str) -> int | None:
    w = word.lower()
    if w in _UNITS_FA:
        return _UNITS_FA[w]
    for ending in ("شان", "شون", "ش", "مان", "مون", "تان"):  # «یکیشان», «دوتاشون»: one of them, two of them
        base = w[: -len(ending)].rstrip(ZWNJ) if w.endswith(ending) else ""
        if base in ("یکی", "دوتا", "سه‌تا", "سهتا", "چهارتا", "هردو", "دو", "سه"):
            return _UNITS_FA.get(base.replace("تا", "").rstrip(ZWNJ).replace("هر", ""), 1)
    if w in _UNITS_EN:
        return _UNITS_EN[w]
    if w.endswith(_COUNTER_TA) and w[:-2] in _UNITS_FA and len(w) > 2:  # دوتا، سه‌تا
        return _UNITS_FA[w[:-2].rstrip(ZWNJ)]
    if w.endswith(ZWNJ + _COUNTER_TA) and w[:-3] in _UNITS_FA:
        return _UNITS_FA[w[:-3]]
    return None


def _numbers(tokens: list[Token]) -> list[Number]:
    """Each number phrase: digits or words, with multipliers and «و» («بیست و سه», «سه هزار و پانصد»)."""
    found: list[Number] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        value = _digits_value(tok.text) if tok.kind == "num" else (
            _unit_word(tok.text) if tok.kind == "word" else None)
        if value is None:
            i += 1
            continue
        words = tok.kind == "word"
        first, j, total, part = i, i, 0.0, float(value)
        while True:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt and nxt.kind == "word" and nxt.text.lower() in _MULTIPLIERS:
                part *= _MULTIPLIERS[nxt.text.lower()]
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
                more = _digits_value(after.text) if after.kind == "num" else (
                    _unit_word(after.text) if after.kind == "word" else None)
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
_WORTH_A_LOOK = re.compile("[0-9۰-۹٠-٩０-９]|" + "|".join(sorted(_UNITS_FA, key=len, reverse=True)) + "|"
                           + "|".join(rf"\b{w}\b" for w in _UNITS_EN), re.IGNORECASE)


def _word(tokens: list[Token], i: int) -> str | None:
    return tokens[i].text if 0 <= i < len(tokens) and tokens[i].kind == "word" else None


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
    if n.words and first not in _UNITS_FA and first.lower() not in _UNITS_EN and first.endswith(("شان", "شون", "ش")):
        return BARE, n.last  # «یکیشان»: one of them (what the sentence is about)
    if i >= len(tokens):
        return BARE, n.last
    tok = tokens[i]
    if tok.kind == "pct":
        return THING, i
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.text == "(" and after is not None and (after.kind == "num" or _unit_word(after.text) is not None) \
            and i + 2 < len(tokens) and tokens[i + 2].text == ")" and i + 3 < len(tokens):
        i += 3  # «۳ (سه) خانواده»: the number said again in words
        tok = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
    is_number = after is not None and (after.kind == "num" or (after.kind == "word"
                                                               and _unit_word(after.text) is not None))
    if tok.text in ("در", "per") and is_number:
        return THING, i  # «۳ در ۱۰۰ هزار نفر»: a rate
    if tok.text in _LINKS and is_number:
        if tok.text in _RATIO and _word(tokens, n.first - 1) not in ("از", "from"):
            return THING, i  # «۱ به ۴»: a ratio («از ۵ به ۶» is a change)
        if tok.text in ("،", ",") and _is_thing(_word(tokens, n.first - 1) or ""):
            return BARE, n.last  # «هفتهٔ ۵، ۱۴۰ خانوار»: a label, then another number
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
    if word in (_COUNTER_TA, "تای"):  # «۲ تا خانواده»; «۵ تا واجد شرایط بودند», «۳ تای آن‌ها»: of them
        if after is not None and after.text == "از":
            i, word = i + 1, "از"  # «سه تا از بیماران»
        elif after is None or after.kind != "word" or not (_is_people(after.text) or _is_thing(after.text)):
            return BARE, i
        else:
            i, word = i + 1, after.text
    if word == "نفری" and _word(tokens, i + 1) not in ("که", "از"):
        return THING, i  # «خانوارهای ۵ نفری»: a size; «۳ نفری که …» are three people
    if word == "تن":
        nxt = _word(tokens, i + 1)
        if nxt and (_stem_in(nxt, _MATERIAL) or _is_thing(nxt)):
            return THING, i
        return PEOPLE, i
    if word in ("مورد", "case", "cases"):
        nxt = _word(tokens, i + 1)
        if nxt and nxt.lower() == "of":
            what = _word(tokens, i + 2)
            return (PEOPLE if what and what.lower() in ("death", "deaths", "infection", "covid") else THING), i
        if nxt and _stem_in(nxt, _CASE):
            return PEOPLE, i + 1
        if word != "مورد":
            return PEOPLE, i
        # «۳ مورد» counts what the sentence is about («فوتی‌ها: ۳ مورد», «از خانواده‌ها فقط ۳ مورد …»)
        return BARE, i
    if word in ("از", "of"):  # «یکی از بیماران», «دو نفر از»: a part of people is people
        at = i + 1
        nxt = _word(tokens, at)
        determined = bool(nxt and nxt.lower() in ("the", "those", "these", "our", "their", "them"))
        if determined:
            at += 1
            nxt = _word(tokens, at)
        plural = bool(nxt) and (nxt.lower().endswith("s") or nxt.lower() in ("people", "children", "men", "women"))
        if word == "of" and not determined and nxt and nxt.lower() not in ("them", "us") and not plural:
            return BARE, n.last  # «two of the patients», «3 of them»; «Phase 2 of family support» is a label
        if nxt and nxt.lower() in ("them", "us"):
            return PEOPLE, at
        if nxt and _is_people(nxt):
            return PEOPLE, at
        if nxt and nxt in ("هر", "every", "each"):
            return THING, i  # a rate: «۱ از هر ۱۰۰۰»
        return BARE, n.last
    if _is_people(word):
        label = _word(tokens, n.first - 1)
        if label and _is_thing(label) and not _is_people(label) and word.endswith(("ان", "ها", "های", "هایی")):
            return THING, i  # «مرکز شمارهٔ ۳ بیماران کرونایی»: a count takes a singular noun; this labels
        return PEOPLE, i
    if _is_thing(word):
        return THING, i
    if english:  # adjectives come before the noun: «three bereaved families», «two more deaths»
        for j in range(i, min(i + 4, len(tokens))):
            w = _word(tokens, j)
            if w is not None and w.lower() in ("more", "further", "additional", "other", "new", "extra"):
                continue
            if w is None or w.lower() in _FUNCTION_EN:
                break
            if _is_people(w):
                return PEOPLE, j
            if _is_thing(w):
                return THING, j
        if word.lower() not in _FUNCTION_EN and _dies(tokens, i + 1):
            return PEOPLE, i  # «3 nurses fell ill», «2 doctors died»
        return (BARE, n.last) if word.lower() in _FUNCTION_EN else (THING, i)
    if word in _FUNCTION_FA or word.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
        return BARE, n.last
    if word in _LIGHT and _word(tokens, i + 1) in _AUX:
        return BARE, n.last
    # a noun the lexicon does not know: what it counts is that noun, unless a verb of death follows
    if _dies(tokens, i + 1):
        return PEOPLE, i
    return THING, i


_DEATH_EN = frozenset(("died", "die", "dies", "dead", "fell", "passed", "infected", "hospitalised", "hospitalized",
                       "killed", "lost", "succumbed", "sick", "ill", "symptomatic", "tested"))


def _dies(tokens: list[Token], i: int) -> bool:
    """Whether the words at `i` say that who was counted died or fell ill («فوت کردند», «مبتلا شدند»,
    «died», «fell ill»): whoever they were, they are people."""
    nxt = _word(tokens, i)
    if not nxt:
        return False
    if nxt.lower() in _DEATH_EN:
        return True
    return nxt in _DEATH or nxt.startswith(("فوت", "جان" + ZWNJ + "باخت", "جانباخت", "درگذشت"))


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
    before = _word(tokens, n.first - 1)
    if before and before.lower() in ("aged", "age", "ages", "under", "over") and english_age(tokens, n):
        return None  # «children under 5», «aged 7»: an age
    seen = 0
    for j in range(n.first - 1, -1, -1):
        tok = tokens[j]
        if tok.kind == "num" and j + 1 < len(tokens) and tokens[j + 1].text in _LINKS and (
                tokens[j + 1].text not in _RATIO or _word(tokens, j - 1) in ("از", "from")):
            continue  # «از ۱۲ به ۸», «۳ تا ۵»: the first of a change or a range («۱ به ۴» is a ratio)
        if tok.kind in ("stop", "num", "code", "pct"):
            break
        if tok.kind == "mark":
            continue
        if _unit_word(tok.text) is not None:
            return None
        if _is_people(tok.text):
            while j > 0 and tokens[j - 1].kind == "word" and _is_people(tokens[j - 1].text):
                j -= 1  # «بیماران بستری ۳»: the words from the first
            return j
        if _is_thing(tok.text):
            prev = tokens[j - 1] if j > 0 else None
            labelled = all(t.kind == "mark" and t.text != ":" for t in tokens[j + 1:n.first])
            if prev is not None and prev.kind == "word" and prev.text.lower() in _DEMONSTRATIVES:
                continue  # «در این روستا ۲ است»: a place, not a label
            if labelled:
                return None  # «بخش ۳», «شمارهٔ ۲»: the number labels it
            if prev is not None and prev.kind == "word" and _is_people(prev.text):
                return j - 1
            if prev is None or prev.kind != "word" or prev.text.lower() not in _PREPOSITIONS:
                break
        if tok.text not in _FUNCTION_FA and tok.text.lower() not in _FUNCTION_EN:
            seen += 1
        if seen > 6:
            break
    return _clause_head(tokens, n)


def english_age(tokens: list[Token], n: Number) -> bool:
    """«children under 5», «patients aged 7»: the number after these words is an age (English only: the
    Persian says «سال»)."""
    people = _word(tokens, n.first - 2) or ""
    return people.isascii() and (people.lower() in ("aged",) or _is_people(people) or
                                 (_word(tokens, n.first - 1) or "").lower() in ("aged", "age", "ages"))


def _labelled_or_sized(tokens: list[Token], n: Number) -> bool:
    """English puts a label's number after it («Centre 4», «Phase 2», «Week 3») and a size after «of»
    («households of 6 members», «a family of five»)."""
    before = _word(tokens, n.first - 1)
    if before is None or not before.isascii():
        return False
    if _is_thing(before) and not _is_people(before):
        return True
    return before.lower() == "of" and _is_people(_word(tokens, n.first - 2) or "")


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
        return j if _is_people(tok.text) else None
    return None


def _is_rate(tokens: list[Token], i: int) -> bool:
    """«در هر ۱۰۰۰ نفر», «به ازای هر ۵ خانواده»: a number after «هر» (every) in digits is a rate; «هر دو»
    (both) is a count."""
    before = _word(tokens, i - 1)
    return before in ("هر", "every", "each", "per") and tokens[i].kind == "num"


def _rate_follows(tokens: list[Token], j: int) -> bool:
    """«۱ نفر از هر ۱۰۰۰ نفر», «۳ نفر در هر ۱۰۰ هزار», «3 deaths per 100,000»: a rate, not a count."""
    w1, w2 = _word(tokens, j + 1), _word(tokens, j + 2)
    if w1 == "per":
        return True
    then = tokens[j + 3] if j + 3 < len(tokens) else None
    return (w1 in ("از", "در", "in", "out") and w2 in ("هر", "every", "each", "of") and then is not None
            and (then.kind == "num" or _unit_word(then.text) is not None or then.text in _MULTIPLIERS))


def _neither_nor(tokens: list[Token], i: int) -> bool:
    """«نه ... و نه ...», «نه تنها»: «نه» as «not», not nine."""
    if tokens[i].text != "نه":
        return False
    if _word(tokens, i + 1) in ("تنها", "فقط", "همه", "هیچ"):
        return True
    lo, hi = i, i
    while lo > 0 and tokens[lo - 1].kind != "stop":
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].kind != "stop":
        hi += 1
    return sum(tokens[j].text == "نه" for j in range(lo, hi + 1)) > 1


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


def _is_rule(tokens: list[Token], n: Number, at: int, english: bool) -> bool:
    """A number in a rule, not a count of who was served: per unit («هر تیم ۳ نفر است», «از هر خانوار یک
    نفر»), an attribute or threshold of who may be served («خانوارهای دارای سه فرزند», «۵ نفر و بیشتر»,
    «خانوارهای بالای ۵ نفر»), the second term of a ratio («نسبت ۱ به ۴»), or a count of staff and
    attendees («دو نفر از اعضای ستاد», «با حضور ۸ نفر»), unless they died or fell ill."""
    before, before2 = _word(tokens, n.first - 1), _word(tokens, n.first - 2)
    start = n.first
    while start > 0 and tokens[start - 1].kind != "stop" and tokens[start - 1].text not in ("،", ","):
        start -= 1
    clause = [t.text for t in tokens[start:n.first] if t.kind == "word"]
    if any(x in ("هر", "every", "each", "per") and _stem_in(y.lower(), _PER_UNIT)
           for x, y in itertools.pairwise(clause)):
        return True  # «هر تیم ۳ نفر است», «هر پزشک روزانه ۸ بیمار»
    after = [t.text.lower() for t in tokens[at + 1:at + 5] if t.kind == "word"]
    if after[:2] in (["از", "هر"], ["from", "each"], ["from", "every"]):
        return True  # «حداکثر ۲ نفر از هر خانواده»
    counted = (_word(tokens, at) or "").lower()
    if (before in _ATTRIBUTE or (before == "با" and before2 and _is_people(before2))) and (
            not counted or counted.rstrip("s") in _FAMILY_MEMBER or _stem_in(counted, _FAMILY_MEMBER)):
        return True  # «خانواده‌های دارای سه فرزند», «سرپرست خانوار با ۳ فرزند», «with 3 children»
    following = tuple(t.text.lower() for t in tokens[n.last + 1:at + 4] if t.kind == "word")
    if any(following[i:i + 2] == pair for pair in _AT_LEAST_OR_MORE for i in range(len(following))):
        return True  # «۵ نفر و بیشتر», «3 or more children»
    if before in ("بالای", "over", "above") or (before2, before) in (("بیش", "از"), ("more", "than")):
        ahead = _word(tokens, n.first - 3 if before2 in ("بیش", "more") else n.first - 2) or ""
        if _is_people(ahead) and ahead.endswith(("های", "ها", "s")):
            return True  # «خانوارهای بالای ۵ نفر»: a size
    if before in ("به", "in", "to") and n.first >= 2 and tokens[n.first - 2].kind in ("num",) and \
            _word(tokens, n.first - 3) not in ("از", "from"):
        return True  # «نسبت ۱ به ۴ خانواده», «one in three families»: a ratio
    if before in ("به", "in") and before2 is not None and _unit_word(before2) is not None:
        return True
    if before == "حضور" or (before, before2) == ("of", "attendance"):
        return True  # «با حضور ۸ نفر»: attendees
    rest = [t.text for t in tokens[at + 1:at + 6] if t.kind == "word"]
    if rest[:1] in (["از"], ["of"]):
        org = [w for w in rest[1:4] if w.lower() not in _MEMBERS]
        if org and (org[0].lower() in _STAFF or _stem_in(org[0].lower(), _STAFF)) and \
                not any(_dies(tokens, j) for j in range(at + 1, min(at + 8, len(tokens)))):
            return True  # «دو نفر از اعضای ستاد بازدید کردند»: staff, not who was served
    return False


def _span(tokens: list[Token], n: Number, what: str, at: int, k: int, english: bool) -> tuple[int, int, int] | None:
    """Where a count of people below k is written, (start, end, value), or None for any other number."""
    if not (1 <= n.value < k) or n.value != int(n.value):
        return None
    if _neither_nor(tokens, n.first) or _is_rate(tokens, n.first):
        return None
    if n.words and tokens[n.first].text.lower() in ("single", "couple", "pair") and not english:
        return None
    if _labelled_or_sized(tokens, n):
        return None
    if what == BARE:  # «دوتاشان فوت کردند», «یکیشان فوت کرد»: whoever died is people
        verb = next((j for j in range(n.last + 1, min(n.last + 4, len(tokens)))
                     if tokens[j].kind == "word" and _dies(tokens, j)), None)
        if verb is not None and all(t.kind == "word" for t in tokens[n.last + 1:verb]):
            what, at = PEOPLE, verb
    if what == BARE:
        back = _looks_back(tokens, n)
        if back is None or _is_rule(tokens, n, n.last, english):
            return None
        return min(tokens[back].start, tokens[n.first].start), max(tokens[back].end, tokens[n.last].end), int(n.value)
    if what == PEOPLE:
        if _rate_follows(tokens, at) or _is_rule(tokens, n, at, english):
            return None
        return tokens[n.first].start, tokens[at].end, int(n.value)
    return None


@functools.lru_cache(maxsize=1 << 14)
def find(text: str, k: int) -> tuple[Count, ...]:
    """Every count of people from 1 to k−1 that `text` states, in order."""
    if not _WORTH_A_LOOK.search(_DIACRITICS.sub("", text)):
        return ()  # no digit and no number word: most texts
    plain = ascii_digits(persian_letters(text)).translate(_FULL_WIDTH)  # character for character
    tokens = _tokens(plain)
    english = sum(1 for t in tokens if t.kind == "word" and t.text.isascii()) > len(tokens) / 2
    numbers = _numbers(tokens)
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
