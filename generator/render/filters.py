"""The Jinja environment the pages are written with, safe by default: every value a template prints goes
through `_finalize`, which writes numbers in Persian digits, dates in the Jalali calendar, escapes text so that
data can never become Markdown or HTML, and refuses None (a blank figure is a wrong figure; `StrictUndefined`
does the same for missing names). Values meant as markup (links, formatted figures) are `Markup` and pass
unchanged. The filters the templates use are here too.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.aggregate.tracker import STATUSES
from generator.lang.jalali import JDate, parse_jalali, parse_jalali_month
from generator.lang.persian import format_number, format_percent, persian_digits
from generator.model.figures import DATE, DECIMAL, INT, MONTH, PERCENT, Figure
from generator.model.publication import SUPPRESSED, SYMBOL, is_suppressed
from generator.render.links import Links, md_text
from generator.render.write import MARKER
from generator.schema.files import ATTENDANCE, CENTRE_STATUS, CENTRE_TYPES, QUALIFIERS, UNITS

TEMPLATES = Path(__file__).parent / "templates"
def _finalize(value: Any) -> Markup:
    kind = type(value)  # the common cases first: a national build prints about 100,000 values
    if kind is str:
        return Markup(md_text(value))
    if kind is Markup:
        return value
    if isinstance(value, Markup):
        return value
    if value is SUPPRESSED:
        return Markup(SYMBOL)
    if isinstance(value, jinja2.Undefined):
        str(value)  # StrictUndefined raises UndefinedError, naming what is missing
    if value is None:
        raise ValueError("a template printed None: a figure or text is missing")
    if isinstance(value, bool):
        raise TypeError("a template printed a boolean; say what it means in words")
    if isinstance(value, int):
        return Markup(format_number(value))
    if isinstance(value, float):
        return Markup(format_number(value, 1))
    if isinstance(value, JDate):
        return Markup(value.fa())
    if isinstance(value, str):
        return Markup(md_text(value))
    raise TypeError(f"a template printed a {type(value).__name__}; format it explicitly")


def _percent(value: Any) -> Markup:
    if value is SUPPRESSED:
        return Markup(SYMBOL)
    return Markup("—") if value is None else Markup(format_percent(100 * value))


def _cell(value: Any, kind: str) -> Markup:
    """A figure's table cell: «—» for a missing value, numbers as the column's kind says."""
    if value is None:
        return Markup("—")
    if value is SUPPRESSED:
        return Markup(SYMBOL)
    if kind == PERCENT:
        return Markup(format_percent(value))
    if kind == DECIMAL:
        return Markup(format_number(value, 1))
    if kind == INT:
        return Markup(format_number(value))
    if kind in (DATE, MONTH):
        return Markup(value.fa())
    return _finalize(value)


BADGE = ' <span class="portal-synthetic" title="ساختگی">ساختگی</span>'


def _table_rows(f: Figure, ln: Links, all_synthetic: bool) -> Markup:
    """A figure's table body as Markdown rows, one per line (Python rather than a template loop: a year of
    months times a dozen programmes on 31 pages is most of the template work)."""
    lines = []
    for i, row in enumerate(f.rows):
        cells = []
        for j, c in enumerate(f.columns):
            if j == 0 and f.row_links and f.row_links[i]:
                text = ln.to(f.row_links[i], row[c.key])
            else:
                text = _cell(row[c.key], c.kind)
            if j == 0 and f.row_is_synthetic(i) and not all_synthetic:
                text += Markup(BADGE)
            cells.append(f" {text} |")
        lines.append("|" + "".join(cells) + "\n")
    return Markup("".join(lines))


def _attr(value: str) -> Markup:
    """Text for an HTML attribute inside raw HTML (Markdown does not unescape there)."""
    return Markup(html.escape(persian_digits(" ".join(value.split())), quote=True))


def _period(iso: str) -> Markup:
    """A week («1400-08-05») or a month («1400-08») of the data, in words («۵ آبان ۱۴۰۰», «آبان ۱۴۰۰»)."""
    return Markup((parse_jalali(iso) if len(iso) > 7 else parse_jalali_month(iso)).fa())


def _in_words(value: str) -> Markup:
    """A row's label as a reader reads it: a week or month in words (`_period`); any other label as it is."""
    try:
        return _period(value)
    except ValueError:
        return _finalize(value)


def _html_words(value: str) -> Markup:
    """Text inside a raw HTML block, which Markdown leaves as it is: HTML-escaped (not Markdown-escaped:
    a backslash would show), on one line, in Persian digits; a week or month in words (`_period`)."""
    try:
        return _period(value)
    except ValueError:
        return _attr(str(value))  # escaped as an attribute's text is


def _html_cell(value: Any) -> Markup:
    """A published value (`_published`) inside a raw HTML block."""
    if isinstance(value, str):
        return _html_words(value)
    return _published(value)


def _published(value: Any) -> Markup:
    """A value as a download published it (changes.py): a number, the suppression symbol, a text, or None."""
    if value is None:
        return Markup("—")
    if isinstance(value, bool):
        return Markup("بله" if value else "خیر")
    if isinstance(value, int):
        return Markup(format_number(value))
    if isinstance(value, float):
        return Markup(format_number(value, 1))
    return _finalize(str(value))


def _ref(value: str) -> Markup:
    """An identifier such as a decision's `1400-05-27-d1`, in Persian digits, kept left to right."""
    return Markup(f'<bdi class="portal-ref" dir="ltr">{html.escape(persian_digits(value))}</bdi>')


def _toc_label(value: Any) -> Markup:
    """Text as a table of contents' label (`data-toc-label` in a heading's attribute list). Markdown reads
    the heading line, the list included, before the list becomes an attribute: the text is made inert for
    Markdown as well as for HTML (a `[x](javascript:…)` typed in the data must stay text), and loses the
    braces that would end the list."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = format_number(value)  # as the heading writes it: «۳۰٬۰۰۰»
    text = str(value).replace("{", "").replace("}", "")
    return Markup(md_text(text).replace('"', "&quot;"))


def _css(value: str) -> Markup:
    """A machine value (colour, number list) for an attribute: escaped, digits left as they are."""
    return Markup(html.escape(str(value), quote=True))


def _yaml_string(value: str) -> Markup:
    return Markup(json.dumps(" ".join(value.split()), ensure_ascii=False))


def _front_title(value: str) -> Markup:
    """A page's title for its front matter. MkDocs' themes print `page.title` as HTML, unescaped (in
    <title>, the header, the footer's links), so it is written escaped here: a title from the data shows
    as the text staff typed, never as markup."""
    return _yaml_string(html.escape(str(value), quote=True))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, autoescape=True,
        finalize=_finalize, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        # compiled templates kept between builds, as Python keeps .pyc files (Jinja's own temporary
        # directory; an entry is used only while its template's source is unchanged): compiling them
        # costs a national build half a second
        bytecode_cache=jinja2.FileSystemBytecodeCache())
    env.filters.update(table_rows=_table_rows, percent=_percent, yaml_string=_yaml_string, front_title=_front_title,
                       cell=_cell, attr=_attr, css=_css, ref=_ref, toc_label=_toc_label, published=_published,
                       in_words=_in_words, html_words=_html_words, html_cell=_html_cell,
                       short_date=lambda d: Markup(d.fa_short()),
                       period=_period,
                       paragraphs=lambda t: Markup("\n\n".join(md_text(p) for p in t.split("\n\n") if p)))
    env.tests["suppressed"] = is_suppressed
    env.globals.update(SYMBOL=SYMBOL, UNITS=UNITS, CENTRE_TYPES=CENTRE_TYPES, CENTRE_STATUS=CENTRE_STATUS,
                       QUALIFIERS=QUALIFIERS, ATTENDANCE=ATTENDANCE, STATUSES=STATUSES, MARKER=Markup(MARKER),
                       BADGE=Markup(BADGE),
                       # a function, not a macro: it is printed on every row of the centre lists, and a Jinja
                       # macro call costs fifty times more
                       badge=lambda flag: Markup(BADGE) if flag else Markup(""))
    return env
