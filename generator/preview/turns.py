"""Who may touch content/ during the live preview: one at a time.

The preview's MkDocs renders again only the pages whose Markdown is newer than their HTML (a dirty build),
and it decides that twice for each page: when it reads the Markdown and when it writes the HTML. A page the
generator rewrote between the two would be left stale for good (its HTML newer than the text it shows) or
fail to render. So the regeneration (serve.py) holds `CONTENT` while it writes the pages (and while it
touches them all for the problems banner), and the preview's MkDocs holds it for each build (hook.py, from
`on_pre_build` to `on_post_build` or `on_build_error`).
"""

from __future__ import annotations

import threading

CONTENT = threading.Lock()


class Regeneration:
    """The regeneration's turn: `with Regeneration() as turn:` holds CONTENT; `turn.pages_written()` gives
    it up once the pages are in content/ (the downloads written after them are copied by MkDocs whole or
    not at all: each is replaced at once, under a hidden name until then), so that MkDocs shows the new
    pages meanwhile; `turn.again()` takes it back (to touch every page when the problems banner changes)."""

    def __init__(self) -> None:
        self._held = False

    def __enter__(self) -> Regeneration:
        self.again()
        return self

    def again(self) -> None:
        if not self._held:
            CONTENT.acquire()
            self._held = True

    def pages_written(self) -> None:
        if self._held:
            self._held = False
            CONTENT.release()

    def __exit__(self, *exc) -> None:
        self.pages_written()
