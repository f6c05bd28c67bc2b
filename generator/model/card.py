"""A page's link preview: what a messaging app or a social site shows when the page's address is shared (its
Open Graph and Twitter card tags, and the 1200×630 image drawn from it, charts/card.py). The pages stage
writes it from the page's own headline figures (pages/cards.py), as the page prints them."""

from __future__ import annotations

from dataclasses import dataclass

from generator.lang.persian import format_percent


@dataclass(frozen=True)
class CardLine:
    label: str  # what is counted: «حمایت یک‌ساله از خانواده‌ها»
    value: str  # the figure, in Persian digits, as the page prints it: «۱۷٬۸۵۰ از ۳۰٬۰۰۰ خانوار»
    share: float | None = None  # a share of a pledge (0–1): drawn as a bar, said after the value


@dataclass(frozen=True)
class Card:
    title: str
    lines: tuple[CardLine, ...]  # the page's headline figures, at most MOST_LINES
    as_of: str = ""  # when the figures date from, in words («۵ آبان ۱۴۰۰»); "" for a page without a date
    summary: str = ""  # for a page without figures: a sentence that says what it holds
    day: str = ""  # `as_of` as a Gregorian date (ISO 8601), for the preview's article:modified_time
    lang: str = "fa"  # the edition's: "fa" (drawn right to left) or "en" (left to right, Latin digits)

    def description(self) -> str:
        """The preview's text: each figure with what it counts and its share, then its date.
        «حمایت از خانواده‌ها: ۱۷٬۸۵۰ از ۳۰٬۰۰۰ خانوار، ۵۹٫۵٪؛ ارقام تا ۵ آبان ۱۴۰۰»;
        «Family support: 17,850 of 30,000 families, 59.5%; figures to 27 October 2021 (5 Aban 1400)»"""
        if self.lang == "en":
            said = "; ".join(f"{line.label}: {line.value}" + (f", {100 * line.share:.1f}%" if line.share is not None
                                                               else "") for line in self.lines)
            text = said or self.summary
            return f"{text}; figures to {self.as_of}" if said and self.as_of else text
        said = "؛ ".join(f"{line.label}: {line.value}"
                         + (f"، {format_percent(100 * line.share)}" if line.share is not None else "")
                         for line in self.lines)
        text = said or self.summary
        return f"{text}؛ ارقام تا {self.as_of}" if said and self.as_of else text


MOST_LINES = 3
