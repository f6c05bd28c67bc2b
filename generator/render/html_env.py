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

from generator.lang.persian import persian_digits
from generator.model.figures import TEXT
from generator.render.filters import TEMPLATES, _cell, _percent, _published


def _text(value: Any, kind: str = TEXT) -> Markup | str:
    if kind == TEXT and isinstance(value, str):
        return persian_digits(" ".join(value.split()))  # escaped by the environment
    return _cell(value, kind)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(cell=_text, fa=_text, percent=_percent,
                       # a value as a download published it (a revised figure's, before and after)
                       published=lambda v: _text(v) if isinstance(v, str) else _published(v))
    return env
