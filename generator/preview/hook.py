"""The MkDocs hook of `portal serve` only (serve.py passes it; mkdocs.yml does not name it): each preview
page gets its charts from the cache (a built site gets them from charts/inline.py), and starts with the
data's problems while there are any (preview/banner.py)."""

from __future__ import annotations

import re

from generator.preview import banner as preview

_BODY = re.compile(r"<body[^>]*>")


def on_post_page(output: str, page, config) -> str:
    output = preview.with_charts(output)
    text = preview.banner()
    if not text:
        return output
    found = _BODY.search(output)
    return output[:found.end()] + text + output[found.end():] if found else text + output
