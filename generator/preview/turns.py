"""Who may touch content/ during the live preview: one at a time.

The preview's MkDocs renders again only the pages whose Markdown is newer than their HTML (a dirty build),
and it decides that twice for each page: when it reads the Markdown and when it writes the HTML. A page the
generator rewrote between the two would be left stale for good (its HTML newer than the text it shows) or
fail to render. So the regeneration (serve.py) holds `CONTENT` while it writes content/, and the preview's
MkDocs holds it for each build (hook.py, from `on_pre_build` to `on_post_build` or `on_build_error`).
"""

from __future__ import annotations

import threading

CONTENT = threading.Lock()
