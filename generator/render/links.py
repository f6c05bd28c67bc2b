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
def md_text(text: str, persian: bool = True) -> str:
    """Text from data, made inert for Markdown and HTML, on one line (tables need it); in Persian digits
    unless `persian` is False (the English edition writes digits as typed)."""
    text = html.escape(" ".join(text.split()), quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return persian_digits(text) if persian else text


@functools.lru_cache(maxsize=1 << 14)  # a national build links the same few hundred pages thousands of times
def _relative(target: str, from_dir: str) -> str:
    return posixpath.relpath(target, from_dir)


def served_dir(page_path: str) -> str:
    """Where a page is served below the site's root (use_directory_urls): «provinces/gilan.md» at
    «provinces/gilan/», «provinces/index.md» at «provinces/», the home page at «»."""
    name = posixpath.basename(page_path)
    folder = posixpath.dirname(page_path) if name == "index.md" else page_path.removesuffix(".md")
    return folder + "/" if folder else ""


class Links:
    """Relative Markdown links from one page to others; MkDocs checks every one in a strict build."""

    def __init__(self, from_path: str, names: dict[str, str], persian: bool = True):
        self.persian = persian  # the page's edition writes Persian digits
        self.from_dir = posixpath.dirname(from_path)
        self.names = names  # target path -> link text
        self.served_dir = served_dir(from_path)

    def served(self, target: str) -> Markup:
        """A link in raw HTML (which MkDocs neither checks nor rewrites) to a file of the built site
        (`target`, below its root: «downloads/charts/x.svg»), relative to where the page is served."""
        return Markup(html.escape(_relative(target, self.served_dir or "."), quote=True))

    def href(self, target: str) -> Markup:
        return Markup(_relative(target, self.from_dir or "."))

    def to(self, target: str, text: str | None = None) -> Markup:
        label = md_text(text if text is not None else self.names[target], self.persian)
        return Markup(f"[{label}]({self.href(target)})")
