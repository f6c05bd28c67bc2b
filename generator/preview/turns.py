"""Who may touch content/ during the live preview: one at a time.

The preview's MkDocs renders again only the pages whose Markdown is newer than their HTML (a dirty build),
and it decides that twice for each page: when it reads the Markdown and when it writes the HTML. A page the
generator rewrote between the two would be left stale for good (its HTML newer than the text it shows) or
fail to render; a download replaced while MkDocs copies it could stay old. So the regeneration (serve.py)
holds `CONTENT` while it writes the pages, while it writes the downloads, and while it touches every page
for the problems banner, and the preview's MkDocs holds it for each build (hook.py, from
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
    """The regeneration's turns with content/: `with Regeneration() as turn:` holds nothing yet (MkDocs may
    build while the data are read and the pages rendered); `turn.again()` takes CONTENT before a write (the
    pages; the downloads, all at once; every page touched when the problems banner changes);
    `turn.pages_written(changed)` gives it up once the pages are in content/ and, when any changed, waits
    (at most WAIT seconds) for the build that shows them, before the downloads are made: the two run in one
    process and would share its interpreter. The block's end gives it up."""

    def __init__(self, mkdocs_running: bool = True) -> None:
        self._held = False
        self._waits = mkdocs_running  # the first regeneration comes before the preview's MkDocs starts

    def __enter__(self) -> Regeneration:
        return self

    def again(self) -> None:
        if not self._held:
            CONTENT.acquire()
            self._held = True

    def pages_written(self, changed: bool = False) -> None:
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
