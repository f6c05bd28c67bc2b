"""What the browser tests share: every kind of page the site has, Debian's Chromium and how it is started,
a local HTTP server for a built site, and what they check on any page (axe-core's violations, and the links
and controls the keyboard does not reach)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

from helpers import ROOT

# every kind of page the site has, for the browser tests
PAGE_TYPES = {  # page type -> (path, figures it must have)
    "home": ("", 1),
    "programmes index": ("programmes/", 0),
    "programme": ("programmes/oxygen-concentrators/", 3),
    "programme counted from meetings": ("programmes/weekly-meetings/", 1),
    "provinces index": ("provinces/", 0),
    "province with data": ("provinces/gilan/", 3),
    "households": ("households/", 3),
    "centres": ("centres/", 1),
    "meetings index": ("meetings/", 0),
    "meeting": ("meetings/1400-05-27/", 0),
    "decisions": ("decisions/", 0),
    "methodology": ("methodology/", 0),
    "about": ("about/", 0),
}
# pages with no figure that the tests above do not open without JavaScript, for the others
MORE_PAGE_TYPES = {
    "what changed": "changes/", "publications": "archive/", "open data": "open-data/", "search": "search/",
    "search results": "search/?q=گیلان", "page not found": "404.html",
}
ALL_PAGE_TYPES = {name: path for name, (path, _) in PAGE_TYPES.items()} | MORE_PAGE_TYPES

# The browser tests (test_browser.py, test_search.py, test_accessibility.py): Debian's Chromium, driven by
# Playwright, serving a built site over HTTP on this machine. Chromium is started so that it reaches for no
# other host itself.
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """An HTTP server for `directory` on a free port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


AXE = ROOT / "node_modules/axe-core/axe.min.js"  # pinned in package.json; `make test` runs `npm ci`


def axe(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each."""
    assert AXE.is_file(), "axe-core is missing: `npm ci` (make test runs it)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']}; first at {v['nodes'][0]['target']}: "
            f"{v['nodes'][0]['failureSummary'].splitlines()[-1].strip()}" for v in result["violations"]]


def _focusable(page) -> list[str]:
    """Every element a keyboard user should reach that is shown, each named by a stable key."""
    return page.evaluate("""() => [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      // Material's "back to top" shows only while the reader scrolls up (the Home key does its job)
      .filter(e => !e.classList.contains('md-top'))
      .map(e => window.__key(e))""")


KEY = """window.__key = e => {
  const path = []; for (let n = e; n && n !== document.body; n = n.parentElement) {
    path.unshift(n.tagName + ':' + [...n.parentElement.children].indexOf(n)); }
  return path.join('/'); }"""


def keyboard_misses(page) -> tuple[set[str], set[str]]:
    """(what the keyboard should reach, what Tab never reached) on the page as it is now."""
    page.evaluate(KEY)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    wanted = set(_focusable(page))
    reached: list[str] = []
    for _ in range(len(wanted) + 5):
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement === document.body ? '' : window.__key(document.activeElement)")
        if key in reached:
            break
        reached.append(key)
    return wanted, wanted - set(reached)
