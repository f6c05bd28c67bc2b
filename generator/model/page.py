"""A page of the site as the pages stage plans it: where it goes, its template, its title and its context."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any

from generator.model.card import Card
from generator.model.figures import Figure


@dataclass(frozen=True)
class Page:
    path: str  # under content/, e.g. "provinces/gilan.md"
    template: str  # file name under generator/render/templates/
    title: str
    context: Any  # the page's context dataclass (see pages/plan.py), available to the template as `page`
    card: Card | None = None  # its link preview (pages/cards.py), set once every page is planned

    @property
    def card_path(self) -> str:
        """Where its preview image goes, under content/cards/: «provinces/gilan.png»."""
        return self.path.removesuffix(".md") + ".png"

    @functools.cached_property
    def figures(self) -> list[Figure]:
        """Every figure of the context: its Figure fields, and those in tuples of figures or of sections.
        Found once per page (a page's context is frozen): every stage after planning asks for them."""
        return _figures_in(self.context)


def _figures_in(context: Any) -> list[Figure]:
    """The figures of a page context: its Figure fields, Figures in its tuples, and the Figure fields of
    sections (dataclasses holding figures, such as pages/plan.py's HouseholdSection) in its tuples."""
    found = []
    for field in dataclasses.fields(context):
        value = getattr(context, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Figure):
                found.append(item)
            elif dataclasses.is_dataclass(item) and not isinstance(item, type):
                found += [v for f in dataclasses.fields(item) if isinstance(v := getattr(item, f.name), Figure)]
    return found
