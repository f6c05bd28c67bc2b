"""The MkDocs hook of `portal serve` only (serve.py passes it; mkdocs.yml does not name it): each preview
page gets its charts from the cache (a built site gets them from charts/inline.py), and starts with the
data's problems while there are any (preview/banner.py); each build holds content/ against the
regeneration (preview/turns.py) and says how many pages it rendered again; its templates are compiled once
(preview/compiled.py)."""

from __future__ import annotations

import contextlib
import re

from generator.lang.messages import render, t
from generator.preview import banner as preview
from generator.preview.compiled import Compiled
from generator.preview.turns import BUILT, CONTENT

_BODY = re.compile(r"<body[^>]*>")


_pages = {"rendered": 0, "total": 0, "held": False}


def on_pre_build(config) -> None:
    CONTENT.acquire()
    _pages.update(rendered=0, held=True)


def on_serve(server, config, builder):
    # MkDocs waits for a tenth of a second without a change in content/ before it builds; the generator
    # writes its pages in one burst, under the lock that each build takes first (preview/turns.py), so no
    # build can start halfway through it, and a fiftieth is enough
    server.build_delay = 0.02
    return server


def on_env(env, config, files):
    env.bytecode_cache = Compiled()  # the theme's templates compiled once, not at every build
    return env


def on_files(files, config):
    _pages["total"] = len(files.documentation_pages())
    return files


def _release() -> None:
    if _pages["held"]:  # this build's own hold, never the regeneration's
        _pages["held"] = False
        CONTENT.release()


def on_post_build(config) -> None:
    BUILT.set()  # before content/ is given back: a regeneration waiting for this build sees this one
    _release()
    with contextlib.suppress(OSError):  # no terminal to print to: the build is no less done
        print(render(t("the preview rendered {n} of {total} pages again", n=_pages["rendered"],
                       total=_pages["total"]), preview.language()), flush=True)


def on_build_error(error) -> None:
    BUILT.set()
    _release()


def on_post_page(output: str, page, config) -> str:
    _pages["rendered"] += 1
    output = preview.with_charts(output)
    text = preview.banner()
    if not text:
        return output
    found = _BODY.search(output)
    return output[:found.end()] + text + output[found.end():] if found else text + output
