"""Persian text and numbers: folding what staff type, formatting what the public reads."""

from __future__ import annotations

import pytest

from generator.lang.persian import fold_text, format_number, format_percent, match_key, parse_integer


def test_fold_text_uses_persian_letters_and_drops_invisible_marks() -> None:
    assert fold_text("گيلان  و  كرمان\u200f") == "گیلان و کرمان"
    assert fold_text("می \u200cشود") == "می\u200cشود"
    assert fold_text("a\u200c\u200cb") == "a\u200cb"


def test_match_key_ignores_spaces_zwnj_case_and_letter_forms() -> None:
    assert match_key("آذربایجان‌شرقی") == match_key("آذربايجان شرقي") == match_key("آذربایجان شرقی")
    assert match_key("Kohgiluyeh and Boyer-Ahmad") == match_key("kohgiluyeh and boyer ahmad")


@pytest.mark.parametrize("text, value", [
    ("750000", 750000), ("۷۵۰۰۰۰", 750000), ("٧٥٠٠٠٠", 750000), ("750,000", 750000), ("۷۵۰٬۰۰۰", 750000),
    (" 12 ", 12), ("-5", -5), ("۱۲\u200c۳", 123),
])
def test_parse_integer_reads_any_digits(text: str, value: int) -> None:
    assert parse_integer(text) == value


@pytest.mark.parametrize("text", ["", "ده", "1,0", "12.5", "1,00,000", "12a", "--3"])
def test_parse_integer_refuses_what_is_not_a_whole_number(text: str) -> None:
    assert parse_integer(text) is None


def test_format_number_uses_persian_digits_and_separators() -> None:
    assert format_number(750000) == "۷۵۰٬۰۰۰"
    assert format_number(3_000_000) == "۳٬۰۰۰٬۰۰۰"
    assert format_number(0) == "۰"
    assert format_number(59.46, 1) == "۵۹٫۵"
    assert format_percent(59.46) == "۵۹٫۵٪"
    with pytest.raises(TypeError):
        format_number(True)


def test_names_sort_as_a_persian_reader_expects() -> None:
    """The Persian alphabet's order, not the code points' (which put پ چ ژ گ after ی): the tracker's
    province filter lists the provinces so."""
    from generator.lang.persian import sort_key

    names = ["مرکزی", "گیلان", "مازندران", "يزد", "لرستان", "کرمان", "چهارمحال و بختیاری", "زنجان", "تهران",
             "پاکدشت", "بوشهر", "جهرم", "ژاندارمری", "سمنان", "آذربایجان شرقی", "اصفهان", "ایلام", "خراسان"]
    assert sorted(names, key=sort_key) == [
        "آذربایجان شرقی", "اصفهان", "ایلام", "بوشهر", "پاکدشت", "تهران", "جهرم", "چهارمحال و بختیاری",
        "خراسان", "زنجان", "ژاندارمری", "سمنان", "کرمان", "گیلان", "لرستان", "مازندران", "مرکزی", "يزد"]
    assert sort_key("کهگیلویه\u200cو بویراحمد") == sort_key("کهگیلویهو بویراحمد")  # ZWNJ and spaces ignored
    assert sort_key("كرمان") == sort_key("کرمان")  # Arabic kaf read as Persian
