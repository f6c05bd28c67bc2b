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
    "a province's centres": ("centres/gilan/", 0),
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
      // inside a closed <details>, only its summary is shown (Chromium still gives the rest boxes)
      .filter(e => { const d = e.closest('details:not([open])');
                     return !d || (e.closest('summary') && e.closest('summary').parentElement === d); })
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


# What a reader sees of a page's charts and tables (test_phone_reading.py): the smallest text of the charts
# shown (CSS px on the screen: the SVG's font size times its scale), every chart text that reaches beyond
# its SVG's box (cut off), and every table whose first three columns are not all on the screen (off the
# window, or scrolled out of the table's own scroll box). Charts hidden by the page (the wide drawing on a
# phone) are not counted. A chart is an <img> of its SVG file (charts/inline.py): the file is read and laid
# out, unseen, at the width the image is shown, to measure its text; an image not loaded counts as cut.
_READING = """async () => {
  const out = {charts: 0, smallest: null, cut: [], tables: 0, hidden_columns: [], column: 0};
  const content = document.querySelector('.md-content__inner');
  out.column = content ? Math.round(content.getBoundingClientRect().width) : 0;
  for (const img of document.querySelectorAll('.portal-chart img')) {
    if (!img.getClientRects().length) continue;
    out.charts++;
    if (!img.complete) { img.scrollIntoView(); await img.decode().catch(() => null); }  // loaded lazily
    if (!img.naturalWidth) { out.cut.push('not loaded: ' + img.src); continue; }
    const holder = document.createElement('div');
    holder.dir = 'ltr';  // as the image's own document lays it out (the page is right to left)
    holder.style.cssText = 'position: absolute; left: 0; top: 0; visibility: hidden; width: '
      + img.getBoundingClientRect().width + 'px';
    holder.innerHTML = await (await fetch(img.src)).text();
    document.body.appendChild(holder);
    const svg = holder.querySelector('svg');
    svg.style.width = '100%';
    svg.style.height = 'auto';
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      const m = text.getScreenCTM();
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      if (out.smallest === null || px < out.smallest) out.smallest = Math.round(px * 10) / 10;
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        out.cut.push(text.textContent);
    }
    holder.remove();
  }
  for (const table of document.querySelectorAll('.md-typeset table')) {
    if (!table.getClientRects().length) continue;
    out.tables++;
    const scroller = table.closest('.md-typeset__scrollwrap');
    const frame = scroller ? scroller.getBoundingClientRect() : {left: 0, right: innerWidth};
    for (const row of [table.rows[0], table.rows[1]].filter(Boolean)) {
      const cells = [...row.cells].slice(0, 3).map(c => c.getBoundingClientRect());
      const left = Math.min(...cells.map(c => c.left)), right = Math.max(...cells.map(c => c.right));
      if (left < Math.max(0, frame.left) - 1 || right > Math.min(innerWidth, frame.right) + 1)
        out.hidden_columns.push(row.textContent.trim().slice(0, 60));
    }
  }
  return out;
}"""


def loaded(image) -> bool:
    """Whether the chart's <img> (a locator) shows its drawing, decoded. It loads lazily, when scrolled to;
    scrolling does not reach into a cross-origin frame out of view (Chromium does not render it, so the
    image never settles), so the image is asked for now instead."""
    return image.evaluate("i => { i.loading = 'eager'; return i.decode().then(() => i.naturalWidth > 0, "
                          "() => false); }")


def reading(page) -> dict:
    """What a reader sees of the page's charts and tables, as it is now (see _READING)."""
    return page.evaluate(_READING)
