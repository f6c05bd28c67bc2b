"""What a first visit to each page type costs: the bytes a reader's browser fetches, compressed as a web
server sends them, the font excluded.

    .venv/bin/python -m benchmarks.page_weight SITE_DIR [--limit-kb 100]

The built site is served on 127.0.0.1 (a plain HTTP server in this process); headless Chromium (Debian's,
driven by Playwright) opens the largest page of each page type, once in a phone's window and once in a
desktop's, with an empty cache, and records every response the page asked for. Each response counts at
its gzip size (level 6, as nginx's `gzip_comp_level` in deploy/nginx.conf) when it is text (HTML, CSS,
JavaScript, SVG, JSON, XML), and at its own size otherwise (PNG, PDF); fonts (`.woff2`, `.woff`, `.ttf`) are
left out, as the issue asks. A page type is a folder of the site with its pages one level below it
(`provinces/<slug>/`) or a page of its own (`decisions/`); the largest HTML file of each stands for it.
Lazy images count only if the browser fetched them for that window, which is what "a first visit" is.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
WINDOWS = {"phone": (390, 844), "desktop": (1366, 900)}
FONTS = (".woff2", ".woff", ".ttf", ".otf")
TEXT = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".md")
# folders that are not pages a reader visits: shared files, downloads, the API, the search's own files
NOT_PAGES = ("_shared", "assets", "downloads", "api", "pagefind", "cards")


@dataclass(frozen=True)
class Weight:
    page: str  # the page's path in the site
    kind: str  # its page type
    window: str
    bytes: int  # compressed, font excluded
    requests: int
    largest: tuple[tuple[str, int], ...]  # the heaviest responses, path and compressed bytes


def page_types(site: Path) -> dict[str, Path]:
    """Each page type's largest page: {type: its index.html}."""
    kinds: dict[str, Path] = {}
    for html in site.rglob("index.html"):
        rel = html.relative_to(site).parts[:-1]
        if rel and rel[0] in NOT_PAGES:
            continue
        kind = "home" if not rel else (rel[0] if len(rel) == 1 else f"{rel[0]}/*")
        if kind not in kinds or html.stat().st_size > kinds[kind].stat().st_size:
            kinds[kind] = html
    return dict(sorted(kinds.items()))


def compressed(path: Path) -> int:
    """What a server sends for `path`: text gzipped; Pagefind's index files are gzip already, sent as they are."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b" or path.suffix.lower() not in TEXT:
        return len(data)
    return len(gzip.compress(data, 6, mtime=0))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def weigh(site: Path, pages: dict[str, Path] | None = None) -> list[Weight]:
    """Every page type's first visit in each window (WINDOWS)."""
    from playwright.sync_api import sync_playwright

    pages = pages if pages is not None else page_types(site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights: list[Weight] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM)
            try:
                for kind, html in pages.items():
                    rel = html.parent.relative_to(site).as_posix()
                    url = base + ("" if rel == "." else rel + "/")
                    for window, (width, height) in WINDOWS.items():
                        weights.append(_visit(browser, site, url, base, kind, window, width, height))
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return weights


def _visit(browser, site: Path, url: str, base: str, kind: str, window: str, width: int, height: int) -> Weight:
    context = browser.new_context(viewport={"width": width, "height": height})
    fetched: list[str] = []
    try:
        page = context.new_page()
        page.on("response", lambda r: fetched.append(r.url))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # lazy images the first layout asked for
    finally:
        context.close()
    sizes: dict[str, int] = {}
    for address in fetched:
        if not address.startswith(base):
            raise SystemExit(f"{url} asked another host for {address}")
        rel = unquote(urlsplit(address).path).lstrip("/")
        path = site / rel
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix.lower() in FONTS:
            continue
        sizes[rel or "index.html"] = compressed(path)
    heaviest = tuple(sorted(sizes.items(), key=lambda kv: -kv[1])[:4])
    return Weight(url[len(base):] or "/", kind, window, sum(sizes.values()), len(sizes), heaviest)


def worst(weights: list[Weight]) -> list[Weight]:
    """Each page type's heavier window."""
    kinds: dict[str, Weight] = {}
    for w in weights:
        if w.kind not in kinds or w.bytes > kinds[w.kind].bytes:
            kinds[w.kind] = w
    return list(kinds.values())


def report(weights: list[Weight], limit_kb: float) -> bool:
    """Print each page type's heavier window; True when every one is within `limit_kb`."""
    heaviest = worst(weights)
    print(f"{'page type':<16}{'page':<34}{'window':<9}{'KB':>7}{'files':>7}  heaviest")
    for w in heaviest:
        top = ", ".join(f"{Path(p).name} {b / 1024:.0f}" for p, b in w.largest[:3])
        print(f"{w.kind:<16}{w.page[:33]:<34}{w.window:<9}{w.bytes / 1024:>7.1f}{w.requests:>7}  {top}")
    return all(w.bytes <= limit_kb * 1024 for w in heaviest)


def main() -> int:
    parser = argparse.ArgumentParser(description="A first visit's compressed bytes per page type, font excluded.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--limit-kb", type=float, default=100)
    args = parser.parse_args()
    passed = report(weigh(args.site.resolve()), args.limit_kb)
    print(f"{'PASS' if passed else 'FAIL':<5} every page type under {args.limit_kb:g} KB compressed on a first visit")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
