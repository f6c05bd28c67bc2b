"""The personal-data scanner: what it finds however it is typed, what it leaves alone, private spans."""

from __future__ import annotations

import pytest

from generator.lang.personal_data import find, luhn_ok, national_id_ok, private_spans, sheba_ok, strip_private


def _kinds(text: str) -> list[str]:
    return [f.kind for f in find(text)]


def test_national_id_check_digit() -> None:
    assert national_id_ok("0012345679") and not national_id_ok("0012345678")
    assert not national_id_ok("1111111111")  # all digits alike is not issued


@pytest.mark.parametrize("text, kind", [
    ("کد ملی ۰۰۱۲۳۴۵۶۷۹ است", "a national ID"),
    ("کد ملی ٠٠١٢٣٤٥٦٧٩", "a national ID"),  # Arabic-Indic digits
    ("کد ملی ۰۰۱-۲۳۴۵۶۷-۹", "a national ID"),  # written with dashes
    ("کد ملی ۰۰۱۲\u200c۳۴۵۶۷۹", "a national ID"),  # split by a zero-width non-joiner
    ("کدپستی ۱۳۴۵۶-۷۸۹۱۲", "a ten-digit number (a national ID or a postal code)"),
    ("تماس: ۰۹۱۲۳۴۵۶۷۸۹", "a mobile phone number"),
    ("تماس: ۰۹۱۲ ۳۴۵ ۶۷۸۹", "a mobile phone number"),
    ("تماس: +98 912 345 6789", "a mobile phone number"),
    ("تماس: 0098-912-345-6789", "a mobile phone number"),
    ("تلفن ۰۲۱-۸۸۷۷۶۶۵۵", "a landline phone number"),
    ("کارت ۶۰۳۷ ۹۹۷۱ ۲۳۴۵ ۶۷۸۰", "a bank card number"),
    ("کارت 4111-1111-1111-1111", "a bank card number"),  # Luhn
    ("نشانی ali.rezaei@example.ir", "an e-mail address"),
    ("تلفن (۰۲۱) ۸۸۸۸۱۲۳۴", "a landline phone number"),  # brackets round the area code
    ("تماس 0912.345.6789", "a mobile phone number"),
    ("تماس 0912/345/6789", "a mobile phone number"),
    ("کارت ۶۰۳۷۹۹۷۱۲۳۴۵۶۷۸۰۱۲۳", "a bank card number"),  # 19 digits, an Iranian prefix
    ("شبا بدون IR: ۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۱", "a bank account number (sheba)"),
])

def test_personal_data_is_found_however_it_is_typed(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]
    assert "۰۹۱۲۳۴۵۶۷۸۹" not in find(text)[0].masked  # the message never repeats the number


def test_numbers_written_next_to_other_numbers_are_found() -> None:
    """A review found these published: other digits beside a number made one long run that matched nothing."""
    assert _kinds("۰۹۱۲۳۴۵۶۷۸۹ - ۰۹۳۵۱۱۱۲۲۳۳؛ کد ملی ۰۰۱۲۳۴۵۶۷۹ ۱۴۰۰-۰۵-۲۷") == [
        "a mobile phone number", "a mobile phone number", "a national ID"]
    assert _kinds("جلسهٔ ۱۴۰۰-۰۵-۲۷ تماس ۰۹۱۲۳۴۵۶۷۸۹") == ["a mobile phone number"]


def test_sheba_with_its_mod_97_check() -> None:
    digits = "IR062960000000100324200001"[2:]
    assert sheba_ok(digits) and luhn_ok("4111111111111111")
    assert _kinds("شبا: IR06 2960 0000 0010 0324 2000 01") == ["a bank account number (sheba)"]
    assert _kinds("شبا: ir۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۲") == ["an IR + 24-digit number (a sheba?)"]


@pytest.mark.parametrize("text", [
    "۳٬۰۰۰٬۰۰۰٬۰۰۰ ریال",  # an amount: thousands separators split it
    "۱۴۰۰-۰۵-۲۷",  # a date
    "۳۰۰۰۰ خانوار و ۱۰۰۰ دستگاه",
    "جلسهٔ ۲۷ مرداد ۱۴۰۰ ساعت ۱۰",
    "۱۲۳۴۵۶۷۸۹",  # nine digits
    "۱۲٫۵ درصد",
    "شمارهٔ ۱۲۳۴۵۶۷۸۹۰۱۲",  # twelve digits, no known shape
    "از ۱۴۰۰-۰۵-۲۰ - ۱۴۰۰-۰۵-۲۷",  # two dates
    "۱ ۰۰۰ ۰۰۰ ۰۰۰ ریال",  # an amount grouped with spaces
    "۵۰۰۰۰۰۰۰۰۰ ریال",  # an amount without separators
    "سال ۱۴۰۰ ۱۲۳۴۵۶ دوز",  # two numbers side by side
    "در ۱۴۰۰/۰۵/۲۷ ساعت ۱۰",
    "تصمیم در جلسهٔ ۲۷ مرداد ۱۴۰۰. ۱۴۰۰-۰۵-۲۷-d۲",  # a sentence's end, then a heading (the search index)
])
def test_ordinary_numbers_are_left_alone(text: str) -> None:
    assert find(text) == []


def test_private_spans_are_removed_and_listed() -> None:
    text = "پرونده ((خصوصی کد ملی ۰۰۱۲۳۴۵۶۷۹)) بررسی شد و ((private: tel 09123456789))."
    assert strip_private(text) == "پرونده … بررسی شد و …."
    assert private_spans(text) == ["کد ملی ۰۰۱۲۳۴۵۶۷۹", "tel 09123456789"]
    assert find(strip_private(text)) == []
    with pytest.raises(ValueError):
        strip_private("پرونده ((خصوصی بدون پایان")


