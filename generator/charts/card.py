"""A page's link preview as an image: 1200×630 (the size Open Graph and Twitter's large card ask for), drawn
as SVG here and turned into PNG without a browser (charts/png.py: resvg, inside vl-convert, with the
Vazirmatn fonts the charts use). Its text is laid out right to left as charts/svg_text.py says; a share of
a pledge is a bar that fills from the right. An English card (the English edition's) is laid out left to
right, its bar filling from the left.
"""

from __future__ import annotations

from generator.charts.svg_text import fitted, text, wrapped
from generator.model.card import Card

WIDTH, HEIGHT = 1200, 630
MARGIN = 70
INK, GREY, PRIMARY, TRACK = "#222222", "#555555", "#00695c", "#e3e3e3"


def card_svg(card: Card, brand: str, host: str) -> str:
    """The card: the site's name, the page's title, up to three headline figures (each with what it counts,
    and a bar for a share of a pledge), the figures' date and the site's address (`host`, may be "")."""
    rtl = card.lang != "en"  # an English card is laid out left to right, from the left margin
    right, room = (WIDTH - MARGIN if rtl else MARGIN), WIDTH - 2 * MARGIN
    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
             f'<rect width="{WIDTH}" height="14" fill="{PRIMARY}"/>',
             text(right, 84, *fitted(brand, 30, 22, room), GREY, rtl=rtl)]
    title, size = fitted(card.title, 60, 40, room)
    parts.append(text(right, 160, title, size, INK, bold=True, rtl=rtl))
    top, bottom = 200, 540
    if card.lines:
        step = min(150, (bottom - top) / len(card.lines))
        big = 52 if step >= 140 else 44 if step >= 110 else 38
        for i, line in enumerate(card.lines):
            y = top + i * step
            parts.append(text(right, y + 30, *fitted(line.label, 26, 20, room), GREY, rtl=rtl))
            parts.append(text(right, y + 30 + big + 4, *fitted(line.value, big, 28, room), PRIMARY, bold=True,
                              rtl=rtl))
            if line.share is not None:
                bar_y, filled = y + 30 + big + 18, room * max(0.0, min(line.share, 1.0))
                parts.append(f'<rect x="{MARGIN}" y="{bar_y:g}" width="{room}" height="12" fill="{TRACK}"/>')
                parts.append(f'<rect x="{right - filled if rtl else MARGIN:g}" y="{bar_y:g}" width="{filled:g}" '
                             f'height="12" fill="{PRIMARY}"/>')
    else:
        parts += [text(right, top + 50 + 52 * i, line, 32, INK, rtl=rtl)
                  for i, line in enumerate(wrapped(card.summary, 32, room, 4))]
    if card.as_of:  # the date beside the address: each has half the footer
        said = f"ارقام تا {card.as_of}" if rtl else f"Figures to {card.as_of}"
        parts.append(text(right, 596, *fitted(said, 28, 20, room / 2 - 20), GREY, rtl=rtl))
    if host:  # at the other end of the footer
        parts.append(text(MARGIN if rtl else WIDTH - MARGIN, 596, *fitted(host, 28, 20, room / 2), GREY, rtl=False,
                          end=not rtl))
    body = "\n".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}">\n{body}\n</svg>\n')
