"""Screenshots of the built site in headless Chromium, and every request the pages make.

    .venv/bin/python tools/screenshots.py [PAGE ...]    (after `make site`; needs Debian's chromium)

Serves site/ on a free localhost port, opens each page at phone (390×844) and desktop (1280×800) size,
saves screenshots/<page>-<size>.png (search-<n>-<size>.png for a search), and
screenshots/fig-<figure id>-<size>.png for each chart on it, and prints any request to another host or
that failed.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# every page type of the example site (as tests/browser_checks.py lists them)
PAGES = ["", "programmes/", "programmes/oxygen-concentrators/", "programmes/weekly-meetings/", "provinces/",
         "provinces/gilan/", "households/", "centres/", "meetings/", "meetings/1400-05-27/", "decisions/",
         "changes/", "archive/", "open-data/", "methodology/", "about/", "search/", "404.html",
         # search results for queries typed with Arabic letters and with Latin digits
         "search/?q=اكسيژن", "search/?q=گيلان 1400", "search/?q=27 مرداد 1400",
         # a chart's embed page (as another site shows it in an iframe); the link previews and the bulletin's
         # first page are images already: cards/*.png, downloads/bulletin-*.png
         "embed/home-trends.html", "embed/province-gilan-over-time.html"]
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _record(page) -> tuple[list[str], list[str]]:
    """Lists that fill with every URL the page requests, and every request that failed."""
    seen: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    return seen, failed


def main(pages: list[str]) -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    server = serve(ROOT / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    problems = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, (w, h) in SIZES.items():
            context = browser.new_context(viewport={"width": w, "height": h}, locale="fa-IR")
            page = context.new_page()
            seen, failed = _record(page)
            for path in pages:
                page.goto(base + path, wait_until="networkidle")
                if "?q=" in path:
                    page.wait_for_function("document.querySelector('[data-portal-search-status]').textContent"
                                           ".match(/پیدا|found/)")
                page.evaluate("document.fonts.ready")
                slug = path.strip("/").replace("/", "_").removesuffix(".html") or "home"
                if "?q=" in path:
                    slug = f"search-{pages.index(path)}"
                page.screenshot(path=str(out / f"{slug}-{name}.png"), full_page=False)
                page.add_style_tag(content=".md-header { position: static !important; }")  # not over the charts
                for figure in page.locator("figure.portal-figure").all():
                    fid = figure.get_attribute("id")
                    chart = figure.locator(".portal-chart svg:visible")  # the drawing this width shows
                    if not chart.count():
                        continue  # a table without a chart (a province's counties)
                    box = chart.bounding_box()
                    key = figure.locator(".portal-key")
                    if key.count():
                        below = key.bounding_box()
                        box["height"] = below["y"] + below["height"] - box["y"]
                    page.screenshot(path=str(out / f"fig-{fid}-{name}.png"), full_page=True, clip=box)
                font = page.evaluate("getComputedStyle(document.body).fontFamily")
                loaded = page.evaluate("[...document.fonts].filter(f => f.status == 'loaded').map(f => f.family)")
                print(f"{name:8} /{path}: font {font!r}, loaded {loaded}")
            outside = sorted({u for u in seen if urlparse(u).hostname not in ("127.0.0.1",)})
            for u in outside + sorted(set(failed)):
                print(f"  PROBLEM request: {u}")
                problems += 1
            print(f"{name}: {len(seen)} requests, {len(outside)} to other hosts, {len(set(failed))} failed")
            context.close()
        browser.close()
    server.shutdown()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or PAGES))
