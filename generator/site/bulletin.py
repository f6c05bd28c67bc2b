"""The weekly bulletin printed (render/bulletin.py writes it as HTML): a PDF by headless Chromium (Debian's,
as the browser tests use; it lays out Persian right to left and embeds the Vazirmatn fonts as TrueType
subsets), and a PNG of its first page (Chromium's screenshot of the same layout at A4's size, in 64 colours:
charts/png.py). Chromium prints once the chart workers have stopped, while Pagefind indexes the built site
(`Printer`: it owns the processes and their folder; the two never hold their memory at the same time), one
bulletin per edition, one after the other, and the files are put into each edition's downloads/ then.

The same data print the same bytes: the PDF's two dates (when it was printed) are set to the day its figures
date from (SOURCE_DATE_EPOCH, as MkDocs' sitemap is), and nothing else in it changes between two prints."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from generator.charts.png import small
from generator.charts.workers import FONTS
from generator.lang.messages import t
from generator.model.errors import PortalError
from generator.render.bulletin import FONTS as FONT_FILES
from generator.render.bulletin import Bulletin
from generator.render.open_data import DOWNLOADS

CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
A4 = (794, 1123)  # CSS px at 96 per inch
SCALE = 1.5  # the PNG: 1191 × 1684 px, sharp on a phone
SECONDS = 120
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
          "--hide-scrollbars", "--mute-audio"]
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")


class BulletinError(PortalError):
    """The bulletin could not be printed (no Chromium, or it failed); site/ is left as it was."""


def stamp(pdf: bytes, when: dt.datetime) -> bytes:
    """The PDF with its two dates set to `when`, each in the bytes it took (its cross-reference table, which
    counts bytes, still holds)."""
    date = when.strftime("D:%Y%m%d%H%M%S+00'00'").encode()

    def same_length(m: re.Match) -> bytes:
        found = m.group(0)
        head = found[:found.index(b"(") + 1]
        room = len(found) - len(head) - 1
        return head + date.ljust(room)[:room] + b")"

    return _DATE.sub(same_length, pdf)


def _chromium() -> None:
    if not CHROMIUM.is_file():
        raise BulletinError(t("the weekly bulletin is printed by Debian's chromium, which is not at {path}: "
                              "install it (make chromium)", path=str(CHROMIUM)))


class Printer:
    """Prints the bulletins of a build (one per edition) beside it, one after the other: `start` it once the
    chart workers have stopped, `finish` it into the built site.
    Used as a context manager by its owner, which stops Chromium however the block ends."""

    def __init__(self, bulletins: tuple[Bulletin, ...], day: dt.date | None):
        self.bulletins = bulletins
        self.when = dt.datetime.combine(day or dt.date(2021, 1, 1), dt.time(12))
        self._folder: Path | None = None
        self._thread: threading.Thread | None = None
        self._running: subprocess.Popen | None = None
        self._error: str = ""
        self._stopped = False

    def __enter__(self) -> Printer:
        _chromium()  # missing, it is said before the build begins, not after MkDocs and the charts
        return self

    def __exit__(self, *exc) -> None:
        self._stopped = True
        if self._running is not None and self._running.poll() is None:
            self._running.kill()
        if self._thread is not None:
            self._thread.join()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    def start(self) -> None:
        _chromium()
        self._folder = Path(tempfile.mkdtemp(prefix="portal-bulletin-"))
        for name in FONT_FILES:
            shutil.copy(FONTS / name, self._folder / name)
        pages = []
        for i, bulletin in enumerate(self.bulletins):
            pages.append(self._folder / f"bulletin-{i}.html")
            pages[-1].write_text(bulletin.html, encoding="utf-8")
        self._thread = threading.Thread(target=self._print_all, args=(pages,), daemon=True)
        self._thread.start()

    def _print_all(self, pages: list[Path]) -> None:
        for page in pages:
            self._print(page)

    def _run(self, *args: str) -> None:
        if self._stopped:
            return
        self._running = subprocess.Popen([str(CHROMIUM), *_FLAGS, f"--user-data-dir={self._folder / 'profile'}",
                                          *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, err = self._running.communicate(timeout=SECONDS)
        except subprocess.TimeoutExpired:
            self._running.kill()
            self._running.communicate()
            self._error = self._error or t("chromium did not finish printing the bulletin in {n} s", n=SECONDS)
            return
        if self._running.returncode != 0 and not self._error:
            last = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            self._error = t("chromium failed printing the bulletin: {detail}", detail=last[0][:300])

    def _print(self, page: Path) -> None:
        url = page.as_uri()
        # untagged: Chromium names a tagged PDF's structure by DOM node ids, which change from one print to
        # the next (the same data would not print the same bytes); the site's pages hold the same text, tagged
        self._run("--no-pdf-header-footer", "--disable-pdf-tagging", f"--print-to-pdf={page.with_suffix('.pdf')}",
                  url)
        self._run(f"--window-size={A4[0]},{A4[1]}", f"--force-device-scale-factor={SCALE}",
                  f"--screenshot={page.with_suffix('.png')}", url)

    def finish(self, site: Path) -> list[str]:
        """Wait for Chromium, then put each bulletin's PDF (its dates set) and PNG into its edition's
        downloads/ below `site`; returns their paths below it. Raises BulletinError if any is missing."""
        if self._thread is None:
            self.start()
        self._thread.join()
        written = []
        for i, bulletin in enumerate(self.bulletins):
            pdf, png = self._folder / f"bulletin-{i}.pdf", self._folder / f"bulletin-{i}.png"
            if self._error or not pdf.is_file() or not png.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
                raise BulletinError(self._error or t("chromium wrote no bulletin"))
            downloads = site / bulletin.folder / DOWNLOADS
            downloads.mkdir(parents=True, exist_ok=True)
            (downloads / f"{bulletin.name}.pdf").write_bytes(stamp(pdf.read_bytes(), self.when))
            (downloads / f"{bulletin.name}.png").write_bytes(small(png.read_bytes()))
            written += [f"{bulletin.folder}{DOWNLOADS}/{bulletin.name}.{kind}" for kind in ("pdf", "png")]
        return written
