"""The pages' link-preview cards into the shared folder, for a version of the publish branch.

Every generated page has a card (cards/<page>.png, 1200×630, and the SVG it is drawn from, which the audit
reads: charts/card.py); a meeting page's card, and most others', are the same bytes from one week to the
next. In a version of the publish branch (`up` is "../") each card is moved into the shared folder under
a name made of its bytes (`_shared/cards/<letters>.png`, its SVG beside it under the same name), and each
page's `og:image` and `twitter:image` point there: the branch stores a card once for every version that
has it (publish/shared.py). An address that is absolute (with the site's address) stays absolute, without
a `..` in it, which messaging apps do not resolve. A site served on its own (`portal build`) keeps its
cards where they are.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from generator.charts.inline import content_name
from generator.lang.edition import EDITIONS
from generator.model.paths import SHARED
from generator.render.markdown import CARDS

SHARED_CARDS = f"{SHARED}/cards"
_IMAGE = re.compile(r'(<meta (?:property="og:image"|name="twitter:image") content=")([^"]*)(")')


EDITION_FOLDERS = tuple(ed.prefix for ed in EDITIONS)  # where each edition's pages and cards are: "", "en/"


def share_cards(site: Path, up: str) -> dict[str, str]:
    """Move each edition's cards (site/cards/, site/en/cards/) into site/_shared/cards/ by content and point
    the pages there; returns where each file went (`cards/<page>.png` → `_shared/cards/<name>.png`, and its
    SVG; `en/cards/…` likewise), relative to the site. Nothing is done for a site on its own (`up` "")."""
    if not up:
        return {}
    moved: dict[str, str] = {}
    for edition in EDITION_FOLDERS:
        moved |= _share(site, edition, up)
    return moved


def _share(site: Path, edition: str, up: str) -> dict[str, str]:
    """One edition's cards (`edition`: its folder, "" or "en/"), and its pages pointed to them."""
    folder = site / edition / CARDS
    if not folder.is_dir():
        return {}
    moved: dict[str, str] = {}  # [en/]cards/<page>.png → _shared/cards/<name>.png
    target = site / SHARED_CARDS
    target.mkdir(parents=True, exist_ok=True)
    for png in sorted(folder.rglob("*.png")):
        data = png.read_bytes()
        svg = png.with_suffix(".svg")
        twin = svg.read_bytes() if svg.is_file() else b""
        name = content_name(data + b"\n" + twin)
        (target / f"{name}.png").write_bytes(data)
        if twin:
            (target / f"{name}.svg").write_bytes(twin)
        moved[png.relative_to(site).as_posix()] = f"{SHARED_CARDS}/{name}.png"
    images = {old.removeprefix(edition): new for old, new in moved.items()}  # as the edition's pages name them
    moved.update({old.removesuffix(".png") + ".svg": new.removesuffix(".png") + ".svg"
                  for old, new in dict(moved).items()
                  if (site / new.removesuffix(".png")).with_suffix(".svg").is_file()})
    shutil.rmtree(folder)
    # the English edition's pages see the version's root one folder further up
    root_up = "../" * edition.count("/") + up
    pages = (site / edition).rglob("*.html")
    for page in sorted(pages):
        if not edition and any(page.relative_to(site).as_posix().startswith(e) for e in EDITION_FOLDERS if e):
            continue  # another edition's page
        text = page.read_text(encoding="utf-8")
        if f"{CARDS}/" not in text:
            continue
        swapped = _IMAGE.sub(lambda m: m.group(1) + _moved(m.group(2), images, root_up) + m.group(3), text)
        if swapped != text:
            page.write_text(swapped, encoding="utf-8")
    return moved


def _moved(url: str, moved: dict[str, str], up: str) -> str:
    """A card's address in a page, pointing to where the card is now (the same address if it is none).
    `up`: from the page's edition's root (where a card's address starts, relative or absolute) to where the
    shared folder is seen."""
    at = url.rfind(f"{CARDS}/")
    while at >= 0 and not (at == 0 or url[at - 1] == "/"):
        at = url.rfind(f"{CARDS}/", 0, at)
    new = moved.get(url[at:]) if at >= 0 else None
    if new is None:
        return url
    prefix = url[:at]
    parts = urlsplit(prefix)
    if parts.scheme:  # absolute: the edition's address, then up to the shared folder, written out
        path = posixpath.normpath(posixpath.join(parts.path or "/", up, new))
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return prefix + up + new
