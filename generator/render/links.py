"""Relative Markdown links from one page to others (MkDocs checks every one in a strict build), and the
one function that makes text from data inert for Markdown and HTML."""

from __future__ import annotations

import functools
import html
import posixpath
import re

from markupsafe import Markup

from generator.lang.persian import persian_digits

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#~^$])")


@functools.lru_cache(maxsize=1 << 16)  # names, types and statuses repeat across thousands of rows
def md_text(text: str) -> str:
    """Text from data, made inert for Markdown and HTML, on one line (tables need it)."""
    text = html.escape(" ".join(text.split()), quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return persian_digits(text)


@functools.lru_cache(maxsize=1 << 14)  # a national build links the same few hundred pages thousands of times
def _relative(target: str, from_dir: str) -> str:
    return posixpath.relpath(target, from_dir)


class Links:
    """Relative Markdown links from one page to others; MkDocs checks every one in a strict build."""

    def __init__(self, from_path: str, names: dict[str, str]):
        self.from_dir = posixpath.dirname(from_path)
        self.names = names  # target path -> link text

    def href(self, target: str) -> Markup:
        return Markup(_relative(target, self.from_dir or "."))

    def to(self, target: str, text: str | None = None) -> Markup:
        label = md_text(text if text is not None else self.names[target])
        return Markup(f"[{label}]({self.href(target)})")
