"""The Jinja environment the pages are written with, safe by default: every value a template prints goes
through its edition's `finalize` (Persian: numbers in Persian digits, dates in the Jalali calendar; English:
lang/edition.py), which escapes text so that
data can never become Markdown or HTML, and refuses None (a blank figure is a wrong figure; `StrictUndefined`
does the same for missing names). Values meant as markup (links, formatted figures) are `Markup` and pass
unchanged. The filters the templates use are here too.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.aggregate.tracker import STATUSES
from generator.lang.edition import FA, Edition
from generator.lang.jalali import JDate, JMonth, parse_jalali, parse_jalali_month
from generator.lang.vocabulary_en import (
    ATTENDANCE_EN,
    CENTRE_STATUS_EN,
    CENTRE_TYPES_EN,
    QUALIFIERS_EN,
    STATUSES_EN,
    UNITS_EN,
    unit_en,
)
from generator.model.figures import DATE, DECIMAL, INT, MONTH, PERCENT, Figure
from generator.model.publication import SUPPRESSED, SYMBOL, is_suppressed
from generator.pages.figures import short
from generator.render.links import Links, md_text
from generator.render.write import MARKER
from generator.schema.files import ATTENDANCE, CENTRE_STATUS, CENTRE_TYPES, QUALIFIERS, UNITS

TEMPLATES = Path(__file__).parent / "templates"
BADGE = ' <span class="portal-synthetic" title="ساختگی">ساختگی</span>'
_PERSIAN = re.compile("[\u0600-\u06ff]")  # a letter of the Persian (Arabic) script
BADGE_EN = ' <span class="portal-synthetic" title="synthetic">synthetic</span>'


class _Writer:
    """How one edition (lang/edition.py) prints values: its digits, number separators, dates and words."""

    def __init__(self, ed: Edition):
        self.ed = ed
        self.persian = ed.fa
        self.badge = BADGE if ed.fa else BADGE_EN

    def finalize(self, value: Any) -> Markup:
        kind = type(value)  # the common cases first: a national build prints about 100,000 values
        if kind is str:
            return Markup(md_text(value, self.persian))
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
            return Markup(self.ed.number(value))
        if isinstance(value, float):
            return Markup(self.ed.number(value, 1))
        if isinstance(value, JDate):
            return Markup(self.ed.date(value))
        if isinstance(value, JMonth):
            return Markup(self.ed.month(value))
        if isinstance(value, str):
            return Markup(md_text(value, self.persian))
        raise TypeError(f"a template printed a {type(value).__name__}; format it explicitly")

    def percent(self, value: Any) -> Markup:
        if value is SUPPRESSED:
            return Markup(SYMBOL)
        return Markup("—") if value is None else Markup(self.ed.percent(100 * value))

    def cell(self, value: Any, kind: str) -> Markup:
        """A figure's table cell: «—» for a missing value, numbers as the column's kind says."""
        if value is None:
            return Markup("—")
        if value is SUPPRESSED:
            return Markup(SYMBOL)
        if kind == PERCENT:
            return Markup(self.ed.percent(value))
        if kind == DECIMAL:
            return Markup(self.ed.number(value, 1))
        if kind == INT:
            return Markup(self.ed.number(value))
        if kind in (DATE, MONTH):
            return Markup(self.ed.period(value))
        return self.finalize(value)

    def table_rows(self, f: Figure, ln: Links, all_synthetic: bool) -> Markup:
        """A figure's table body as Markdown rows, one per line (Python rather than a template loop: a year of
        months times a dozen programmes on 31 pages is most of the template work)."""
        lines = []
        for i, row in enumerate(f.rows):
            cells = []
            for j, c in enumerate(f.columns):
                if j == 0 and f.row_links and f.row_links[i]:
                    text = ln.to(f.row_links[i], row[c.key])
                else:
                    text = self.cell(row[c.key], c.kind)
                if j == 0 and f.row_is_synthetic(i) and not all_synthetic:
                    text += Markup(self.badge)
                cells.append(f" {text} |")
            lines.append("|" + "".join(cells) + "\n")
        return Markup("".join(lines))

    def attr(self, value: str) -> Markup:
        """Text for an HTML attribute inside raw HTML (Markdown does not unescape there)."""
        return Markup(html.escape(self.ed.digits(" ".join(value.split())), quote=True))

    def period(self, iso: str) -> Markup:
        """A week («1400-08-05») or a month («1400-08») of the data, in words («۵ آبان ۱۴۰۰», «آبان ۱۴۰۰»)."""
        return Markup(self.ed.period(parse_jalali(iso) if len(iso) > 7 else parse_jalali_month(iso)))

    def in_words(self, value: str) -> Markup:
        """A row's label as a reader reads it: a week or month in words (`period`); any other label as it is."""
        try:
            return self.period(value)
        except ValueError:
            return self.finalize(value)

    def html_words(self, value: str) -> Markup:
        """Text inside a raw HTML block, which Markdown leaves as it is: HTML-escaped (not Markdown-escaped:
        a backslash would show), on one line, in the edition's digits; a week or month in words (`period`)."""
        try:
            return self.period(value)
        except ValueError:
            return self.attr(str(value))  # escaped as an attribute's text is

    def html_cell(self, value: Any) -> Markup:
        """A published value (`published`) inside a raw HTML block."""
        if isinstance(value, str):
            return self.html_words(value)
        return self.published(value)

    def published(self, value: Any) -> Markup:
        """A value as a download published it (changes.py): a number, the suppression symbol, a text, or None."""
        if value is None:
            return Markup("—")
        if isinstance(value, bool):
            return Markup(self.ed.pick("بله" if value else "خیر", "yes" if value else "no"))
        if isinstance(value, int):
            return Markup(self.ed.number(value))
        if isinstance(value, float):
            return Markup(self.ed.number(value, 1))
        return self.finalize(str(value))

    def ref(self, value: str) -> Markup:
        """An identifier such as a decision's `1400-05-27-d1`, in the edition's digits, kept left to right."""
        return Markup(f'<bdi class="portal-ref" dir="ltr">{html.escape(self.ed.digits(value))}</bdi>')

    def toc_label(self, value: Any) -> Markup:
        """Text as a table of contents' label (`data-toc-label` in a heading's attribute list). Markdown reads
        the heading line, the list included, before the list becomes an attribute: the text is made inert for
        Markdown as well as for HTML (a `[x](javascript:…)` typed in the data must stay text), and loses the
        braces that would end the list."""
        if isinstance(value, int) and not isinstance(value, bool):
            value = self.ed.number(value)  # as the heading writes it: «۳۰٬۰۰۰»
        text = str(value).replace("{", "").replace("}", "")
        return Markup(md_text(text, self.persian).replace('"', "&quot;"))

    def paragraphs(self, text: str) -> Markup:
        return Markup("\n\n".join(md_text(p, self.persian) for p in text.split("\n\n") if p))

    def staff_text(self, record: Any, field: str, block: bool = False) -> Markup:
        """A text staff wrote (`field` of `record`, without its suffix): the edition's own, or on the English
        page the Persian as it is, marked as Persian and laid out right to left (never machine-translated)."""
        text, persian = self.ed.fallback(record, field)
        if not persian:
            return self.paragraphs(text) if block else self.finalize(text)
        return _in_persian(text, "div" if block else "span")


    def staff_name(self, record: Any, field: str = "name") -> Markup:
        """A name staff gave (a centre's): the edition's own, or on the English page the Persian name as it is,
        right to left and said to be Persian, without a note on every row of a long list (a name is not
        translated: the page's heading says the names are as the data give them)."""
        text, persian = self.ed.fallback(record, field)
        if not persian:
            return self.finalize(text)
        return Markup(f'<span lang="fa" dir="rtl">{md_text(text, True)}</span>')

    def staff_texts(self, record: Any, field: str) -> list[Markup]:
        """A list of texts staff wrote (a report's `issues`, say), each as `staff_text` writes one."""
        own = getattr(record, f"{field}_{self.ed.code}", ()) or ()
        if own or self.ed.fa:
            return [self.finalize(text) for text in own]
        return [_in_persian(text) for text in getattr(record, f"{field}_fa", ())]


def _in_persian(text: str, tag: str = "span") -> Markup:
    """A Persian text on an English page: as it is, right to left, and said to be Persian."""
    return Markup(f'<{tag} class="portal-in-fa" lang="fa" dir="rtl" markdown>{md_text(text, True)}</{tag}>'
                  ' <small class="portal-in-fa-note">(in Persian)</small>')


_FA = _Writer(FA)
# the Persian edition's, by their old names (html_env.py, tests)
_finalize, _percent, _cell, _published = _FA.finalize, _FA.percent, _FA.cell, _FA.published


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


VOCABULARY = {"fa": dict(UNITS=UNITS, CENTRE_TYPES=CENTRE_TYPES, CENTRE_STATUS=CENTRE_STATUS, QUALIFIERS=QUALIFIERS,
                         ATTENDANCE=ATTENDANCE, STATUSES=STATUSES),
              "en": dict(UNITS={k: many for k, (_, many) in UNITS_EN.items()}, CENTRE_TYPES=CENTRE_TYPES_EN,
                         CENTRE_STATUS=CENTRE_STATUS_EN, QUALIFIERS=QUALIFIERS_EN, ATTENDANCE=ATTENDANCE_EN,
                         STATUSES=STATUSES_EN)}


def environment(ed: Edition = FA) -> jinja2.Environment:
    """The pages' environment for the edition `ed`: its templates (templates/ for Persian, templates/en/
    for English) and its way of printing values (`_Writer`)."""
    w = _FA if ed is FA else _Writer(ed)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / ed.folder if ed.folder else TEMPLATES),
        undefined=jinja2.StrictUndefined, autoescape=True,
        finalize=w.finalize, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        # compiled templates kept between builds, as Python keeps .pyc files (Jinja's own temporary
        # directory; an entry is used only while its template's source is unchanged): compiling them
        # costs a national build half a second
        bytecode_cache=jinja2.FileSystemBytecodeCache())
    env.filters.update(table_rows=w.table_rows, percent=w.percent, yaml_string=_yaml_string, front_title=_front_title,
                       cell=w.cell, attr=w.attr, css=_css, ref=w.ref, toc_label=w.toc_label, published=w.published,
                       in_words=w.in_words, html_words=w.html_words, html_cell=w.html_cell,
                       short_date=lambda d: Markup(ed.short_date(d)), period=w.period, paragraphs=w.paragraphs,
                       number=lambda v, digits=0: Markup(ed.number(v, digits)))
    env.tests["suppressed"] = is_suppressed
    env.tests["persian"] = lambda text: bool(_PERSIAN.search(str(text)))  # to mark it so on an English page
    env.globals.update(SYMBOL=SYMBOL, MARKER=Markup(MARKER), BADGE=Markup(w.badge), ed=ed, **VOCABULARY[ed.code],
                       # a function, not a macro: it is printed on every row of the centre lists, and a Jinja
                       # macro call costs fifty times more
                       badge=lambda flag: Markup(w.badge) if flag else Markup(""),
                       # a text staff wrote, with the Persian shown as Persian where the English is missing
                       said=w.staff_text, name=ed.name, said_each=w.staff_texts, said_name=w.staff_name,
                       short=functools.partial(short, ed),
                       unit=lambda key, n=2: Markup(ed.pick(UNITS[key], unit_en(key, n))))
    return env
