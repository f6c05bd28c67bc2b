"""The words that say what a number counts (people_counts.py reads texts with them): the words that count
people, the things a number may count instead, the number words, and how a word is matched with its endings
(«خانواده‌ها», «بیماران», «نفرشون»). Persian as staff write it, colloquial forms included, and English.
"""

from __future__ import annotations

import functools

from generator.lang.persian import ZWNJ

# ---- the lexicon ----------------------------------------------------------------------------------------

# words that name people counted one by one (families and households are counted as one each)
PEOPLE_FA = (
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
PEOPLE_EN = (
    "family", "families", "household", "households", "person", "persons", "people", "individual",
    "individuals", "patient", "patients", "child", "children", "kid", "kids", "infant", "infants", "baby",
    "babies", "death", "deaths", "dead", "deceased", "victim", "victims", "orphan", "orphans", "widow",
    "widows", "resident", "residents", "woman", "women", "man", "men", "member", "members", "head", "heads",
    "beneficiary", "beneficiaries", "recipient", "recipients", "survivor", "survivors", "casualty",
    "casualties", "fatality", "fatalities", "case", "cases", "student", "students", "elderly", "girl",
    "girls", "boy", "boys", "mother", "mothers", "father", "fathers", "son", "sons", "daughter", "daughters",
)
# «تن» is people, or tons when a material follows («۳ تن اکسیژن»)
MATERIALS = ("اکسیژن", "آرد", "برنج", "گندم", "شکر", "قند", "روغن", "گوشت", "مرغ", "حبوبات", "کالا", "بار",
              "مواد", "اقلام", "دارو", "تجهیزات", "کمک", "محموله", "ماسک", "غذا", "آب", "سوخت", "گازوئیل",
              "بنزین", "سیمان", "آهن", "زباله", "پسماند", "یخ", "میوه", "سبزی", "لبنیات", "پنیر", "خرما",
              "کود", "علوفه", "مایع", "ضدعفونی‌کننده", "الکل", "بسته", "جنس", "اجناس")
# «مورد» is a case of illness or death when one of these follows («۴ مورد فوت»)
CASES = ("فوت", "ابتلا", "ابتلای", "مرگ", "بستری", "فوتی", "مثبت", "جان‌باختگی", "جانباختگی", "مبتلا",
          "کرونا", "کووید", "درگذشت", "بیماری", "عفونت", "مرگ‌ومیر", "ابتلاء")
# verbs that say the counted ones died or fell ill: what is counted is then people, whoever they were
DEATH_VERBS = ("فوت", "جان", "درگذشت", "درگذشتند", "مبتلا", "بستری", "شهید", "کشته", "مردند", "مرد", "علامت‌دار",
                "علامتدار")
# words after which a number is only a label («هفتهٔ ۳», «شمارهٔ ۲», «فاز ۲»)
THINGS_FA = (
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
THINGS_EN = (
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
FUNCTION_FA = frozenset((
    "و", "یا", "به", "از", "در", "با", "برای", "است", "هست", "بود", "شد", "شده", "شدند", "رسید",
    "رسیده", "رسیدند", "هستند", "بودند", "می‌رسد", "میرسد", "نیز", "هم", "را", "که", "تا", "الی", "اند",
    "‌اند", "است.", "بوده", "باشد", "گردید", "گردیدند", "کرد", "کردند", "کرده", "کردند.", "دارد", "دارند",
    "بر", "روی", "زیر", "بیش", "کمتر", "حدود", "تقریبا", "تقریباً", "فقط", "تنها", "جمعا", "جمعاً", "مجموعا",
    "مجموعاً", "نفری", "بوده‌اند", "شده‌اند", "رسیده‌است", "رسیده‌اند", "است،", "اما", "ولی", "لیکن",
))
FUNCTION_EN = frozenset(("and", "or", "to", "of", "in", "at", "on", "is", "are", "was", "were", "with", "for",
                          "by", "from", "reached", "rose", "fell", "stood", "now", "still", "only", "about",
                          "around", "under", "below", "over", "above", "than", "less", "more", "nearly"))
# a noun that with one of these verbs says something was reported: «۳ گزارش شد» counts what came before
LIGHT_NOUNS = ("گزارش", "اعلام", "ثبت", "برآورد", "تایید", "تأیید", "شناسایی", "ذکر", "عنوان", "اعلان", "تغییر",
               "افزایش", "کاهش", "اصلاح", "بازنگری")
AUX = ("شد", "شده", "شدند", "گردید", "گردیده", "کرد", "کردند", "کرده", "است", "شده‌است", "شده‌اند", "یافت",
        "یافته", "داد", "دادند", "پیدا")

UNITS_FA = {"صفر": 0, "یک": 1, "یه": 1, "یکی": 1, "دو": 2, "سه": 3, "چهار": 4, "چار": 4, "پنج": 5,
             "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12,
             "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16, "شونزده": 16, "هفده": 17,
             "هیفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40,
             "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100,
             "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700,
             "هشتصد": 800, "نهصد": 900}
UNITS_EN = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
             "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
             "hundred": 100, "single": 1, "couple": 2, "pair": 2, "dozen": 12, "both": 2}
# number words that staff write onto the next word, longest first («هفت‌نفر», «یکسال»)
JOINABLE = tuple(sorted((w for w in UNITS_FA if UNITS_FA[w] < 100 and w not in ("یکی", "سی", "ده")),
                         key=len, reverse=True))
MULTIPLIERS = {"هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9, "thousand": 1000, "million": 10**6,
                "billion": 10**9}
# «۲ تا» and «دوتا»: «تا» as a counter of anything (and «تا» between two numbers is a range)
COUNTER_TA = "تا"


# endings of a plural, an ezafe, an indefinite or a copula: «خانواده‌ها», «خانوادهٔ», «خانواده‌ای», «بیماران»,
# «کودکانی», «درگذشتگان» (← درگذشته), «نفرند»
ENDINGS = ("هاشون", "اشون", "شون", "مون", "هایشان", "هایش", "انشان", "انش", "یشان", "یش", "شان", "مان", "تان",
            "ش", "هایی", "های", "ها", "ا",
            "انی", "یان", "گان", "ان", "اتی", "ات", "ای", "یی", "ی", "ین", "ء", "اند", "ند", "ست", "s", "es")


@functools.lru_cache(maxsize=1 << 14)
def stem_in(word: str, lexicon: frozenset) -> bool:
    """Whether `word` is one of `lexicon`, as written or with one of the endings above."""
    w = word.lower().rstrip("\u0654")
    if w in lexicon or w.replace(ZWNJ, "") in lexicon:
        return True
    for ending in ENDINGS:
        if len(w) > len(ending) + 1 and w.endswith(ending):
            base = w[: -len(ending)].rstrip(ZWNJ)
            if base in lexicon or base.replace(ZWNJ, "") in lexicon or (ending == "گان" and base + "ه" in lexicon):
                return True
    return False


PEOPLE = frozenset(PEOPLE_FA + PEOPLE_EN)
THINGS = frozenset(THINGS_FA + THINGS_EN)
MATERIAL = frozenset(MATERIALS)
CASE = frozenset(CASES)
DEATH = frozenset(DEATH_VERBS)
LIGHT = frozenset(LIGHT_NOUNS)


def is_people(word: str) -> bool:
    # «نفره» (a five-person household) is a size, not a count; «تنها» is «only»
    if word in ("نفره", "عضوی", "عضوه", "تنها", "تنهایی", "تنی", "فردا", "فردای"):
        return False  # sizes («۵ نفره», «۵ عضوی»), «only», «tomorrow»
    if stem_in(word, PEOPLE):
        return True
    head = word.split(ZWNJ, 1)[0]  # «بچه‌یتیم»: a compound whose first word counts people
    return head != word and len(head) > 2 and head in PEOPLE


def is_thing(word: str) -> bool:
    if word in ("تنها", "تنهایی", "فردا"):
        return False  # «only», «alone», «tomorrow»: not «تن» (tons), not a thing
    return stem_in(word, THINGS) or word.lower() in THINGS
