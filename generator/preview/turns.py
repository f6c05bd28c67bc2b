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
# set by each build of the preview's MkDocs when it ends (hook.py): the regeneration, which runs in the same
# process, waits for it before it makes the downloads, so that the two do not share one interpreter (the
# pages would show no sooner for being built beside the downloads)
BUILT = threading.Event()
WAIT = 10.0  # seconds at most: a build that never comes (nothing it watches changed) delays nothing more


class Regeneration:
    """The regeneration's turn: `with Regeneration() as turn:` holds CONTENT; `turn.pages_written()` gives
    it up once the pages are in content/ and waits for MkDocs to show them before the downloads are made
    (each download is written under a hidden name and replaced at once, so MkDocs copies it whole or not
    at all); `turn.again()` takes it back (to touch every page when the problems banner changes)."""

    def __init__(self, mkdocs_running: bool = True) -> None:
        self._held = False
        self._waits = mkdocs_running  # the first regeneration comes before the preview's MkDocs starts

    def __enter__(self) -> Regeneration:
        self.again()
        return self

    def again(self) -> None:
        if not self._held:
            CONTENT.acquire()
            self._held = True

    def pages_written(self, changed: bool = False) -> None:
        """Give content/ to MkDocs; `changed`: a page or other file MkDocs watches was written, so wait
        (at most WAIT seconds) for the build it makes before going on."""
        if self._held:
            BUILT.clear()
            self._held = False
            CONTENT.release()
            if changed and self._waits:
                BUILT.wait(WAIT)

    def __exit__(self, *exc) -> None:
        if self._held:
            self._held = False
            CONTENT.release()
