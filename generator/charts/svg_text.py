"""Persian text in SVG that resvg (charts/png.py) and browsers both lay out right to left: each text starts
and ends with a right-to-left mark (U+200F), so that a line beginning with a number («۱۷٬۸۵۰ از ۳۰٬۰۰۰
خانوار») is still laid out right to left (resvg takes a text's direction from its first strong character, and
Persian digits have none) and a final «.» stays at its end (resvg puts a neutral after the last letter on
the right otherwise); it is anchored at its right edge. Text that would not fit is made smaller, then
shortened with «…», or wrapped (sizes estimated generously: charts/layout.text_px)."""

from __future__ import annotations

from html import escape

from generator.charts.layout import text_px
from generator.lang.persian import persian_digits

RLM = "\u200f"


def fitted(text: str, size: float, smallest: float, room: float) -> tuple[str, float]:
    """`text` at the largest size from `size` down to `smallest` at which it fits `room` px, shortened with
    «…» if it does not fit even then."""
    while size > smallest and text_px(text, size) > room:
        size -= 2
    if text_px(text, size) > room:
        while text and text_px(text + "…", size) > room:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text, size


def wrapped(text: str, size: float, room: float, most: int) -> list[str]:
    """`text` in at most `most` lines that each fit `room` px at `size` (the last ends with «…» if cut)."""
    lines = [""]
    for word in text.split():
        if lines[-1] and text_px(lines[-1] + " " + word, size) > room:
            if len(lines) == most:
                lines[-1] = fitted(lines[-1] + " " + word, size, size, room)[0]
                if not lines[-1].endswith("…"):
                    lines[-1] += " …"
                break
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return [fitted(line, size, size, room)[0] for line in lines if line]


def text(x: float, y: float, content: str, size: float, colour: str, bold: bool = False, rtl: bool = True,
         end: bool = False) -> str:
    """One line of text whose right edge is at `x` (`rtl`: in Persian digits), or whose left edge is (Latin
    text, as it is; `end`: its right edge, an address at the right end of an English card's footer)."""
    anchor = "end" if rtl or end else "start"
    weight = ' font-weight="700"' if bold else ""
    mark = RLM if rtl else ""
    content = persian_digits(content) if rtl else content  # as the pages write them; an address stays Latin
    return (f'<text x="{x:g}" y="{y:g}" font-family="Vazirmatn" font-size="{size:g}"{weight} fill="{colour}" '
            f'text-anchor="{anchor}">{mark}{escape(content, quote=False)}{mark}</text>')
