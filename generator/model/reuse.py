"""What a computation gave the last time its inputs were the same, for a caller that runs the stages again
and again over data that mostly stay as they were: the live preview regenerates after every save, and a
saved meeting file leaves the deliveries and the registers (a million rows each) as they were, so the work
on them (validating them as columns, sorting them, summing them) is done again only when they change.

Each kept result is named, and kept with its inputs in two kinds:

- `same`: objects compared by identity (`is`): the tables `load` read, which its FileMemo hands out again,
  the same object, while their file is unchanged; and what was made from them (a frame kept here);
- `equal`: values compared by `==` (the meetings' dates, the programmes' settings).

A result is handed out again only when every input is the same object or an equal value as last time; the
inputs are kept with it, so no object compared by identity can be freed and another take its place. A
result is shared by every caller: nobody changes one (frames are never changed in place; lists of problems
are copied by the caller). One result per name: the last. Owned by whoever owns the FileMemo that holds it
(preview/serve.py); a one-off build passes none, and computes everything once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Reuse:
    kept: dict[str, tuple[tuple, tuple, Any]] = field(default_factory=dict)
    reused: int = 0
    computed: int = 0

    def get(self, name: str, compute: Callable[[], T], same: tuple = (), equal: tuple = ()) -> T:
        """What `compute()` gives, or gave last time for the same `same` objects and equal `equal` values."""
        kept = self.kept.get(name)
        if (kept is not None and len(kept[0]) == len(same) and all(a is b for a, b in zip(kept[0], same, strict=True))
                and kept[1] == equal):
            self.reused += 1
            return kept[2]
        value = compute()
        self.computed += 1
        self.kept[name] = (same, equal, value)
        return value


def reused(reuse: Reuse | None, name: str, compute: Callable[[], T], same: tuple = (), equal: tuple = ()) -> T:
    """`reuse.get(…)`, or `compute()` when there is nothing to reuse from (a one-off build)."""
    return compute() if reuse is None else reuse.get(name, compute, same, equal)
