"""The Jinja environment of the site's HTML files that are not Markdown pages (a chart's embed page, the
weekly bulletin): HTML, autoescaped (the pages' environment escapes for Markdown instead); `fa` writes a
text for the reader in Persian digits, `cell` a figure's value as its column's kind says, `published` a
value as a download published it. Machine values
(colours, sizes, addresses) are printed as they are."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup

from generator.lang.edition import FA, Edition
from generator.lang.persian import persian_digits
from generator.model.figures import TEXT
from generator.render.filters import TEMPLATES, _cell, _percent, _published, _Writer


def _text(value: Any, kind: str = TEXT) -> Markup | str:
    if kind == TEXT and isinstance(value, str):
        return persian_digits(" ".join(value.split()))  # escaped by the environment
    return _cell(value, kind)


def _plain(w: _Writer, value: Any, kind: str = TEXT) -> Markup | str:
    """A value in an English HTML file: a text on one line as typed (escaped by the environment), others as
    the English edition writes them."""
    if kind == TEXT and isinstance(value, str):
        return " ".join(value.split())
    return w.cell(value, kind)


def _in_persian(text: str) -> Markup:
    """A Persian text in an English HTML file: as it is, right to left, and said to be Persian."""
    return Markup('<span lang="fa" dir="rtl">{}</span> <span class="none">(in Persian)</span>').format(
        " ".join(text.split()))


def _said(ed: Edition, record: Any, field: str, limit: int = 0) -> Markup | str:
    """A text staff wrote, in the edition's language; in English, the Persian where staff gave no English
    (marked, never machine-translated); cut after `limit` characters at a word's end (0: whole)."""
    text, persian = ed.fallback(record, field)
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    if persian:
        return _in_persian(text)
    return persian_digits(text) if ed.fa else text


@functools.lru_cache(maxsize=2)
def environment(ed: Edition = FA) -> jinja2.Environment:
    """The environment of the edition `ed`: its templates (templates/, templates/en/), and its filters."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / ed.folder if ed.folder else TEMPLATES),
                             undefined=jinja2.StrictUndefined, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    if ed.fa:
        env.filters.update(cell=_text, fa=_text, percent=_percent,
                           # a value as a download published it (a revised figure's, before and after)
                           published=lambda v: _text(v) if isinstance(v, str) else _published(v))
    else:
        w = _Writer(ed)
        plain = functools.partial(_plain, w)
        env.filters.update(cell=plain, fa=plain, percent=w.percent,
                           published=lambda v: plain(v) if isinstance(v, str) else w.published(v))
    env.globals.update(ed=ed, said=functools.partial(_said, ed))
    return env
