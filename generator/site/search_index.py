"""Search: Pagefind's index of the built site, in the site (pagefind/), before the audit.

Pagefind indexes what each page marks with `data-pagefind-body` (site_overrides/main.html puts it around
the page's content, so the navigation, header and footer are not indexed) and skips what is marked
`data-pagefind-ignore` (the charts: their labels repeat the table beside them). A reader's browser then
loads only the few index chunks a query needs (about 100 KB), not the whole index at once.

Pagefind folds none of Persian's variant spellings: the site writes ی and ک and Persian digits
everywhere, and the search page (site_overrides/assets/javascripts/search.js) folds each query to those
same forms (Arabic ي/ك, Latin and Arabic-Indic digits) before it asks. Pagefind itself already ignores the
zero-width non-joiner and the hamza above. The index is deterministic: the same site gives the same bytes.
Each edition is indexed apart, by its pages' `lang` (Pagefind keeps one index per language, and the search
page of each edition loads its own): an English query finds English pages, a Persian one Persian pages.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator.lang.messages import t
from generator.model.errors import PortalError

BUNDLE = "pagefind"  # under the site: the search page loads pagefind/pagefind.js
# Pagefind writes its own ready-made interfaces too; the site has its own Persian search page, so these
# would only add weight to every version of the site
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# never indexed: the ¶ links beside headings (Material's permalinks)
EXCLUDE = ".headerlink"


class SearchIndexError(PortalError):
    """Pagefind could not index the site; the message says why."""


def executable() -> Path:
    try:
        from pagefind_bin import get_executable

        return get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchIndexError(t("Pagefind is not installed ({detail}); `make site` installs it",
                                 detail=str(exc))) from exc


def index(site: Path) -> int:
    """Index every page of `site` into site/pagefind/; return the number of pages indexed."""
    out = site / BUNDLE
    if out.exists():
        shutil.rmtree(out)
    try:
        done = subprocess.run([str(executable()), "--site", str(site), "--output-subdir", BUNDLE,
                               "--exclude-selectors", EXCLUDE],
                              capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(t("Pagefind could not run ({detail}); reinstall with `make site`",
                                 detail=str(exc))) from exc
    if done.returncode != 0:
        raise SearchIndexError(t("Pagefind failed:\n{detail}", detail=(done.stderr or done.stdout)[-2000:]))
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)
    return _pages(done.stdout)


def _pages(report: str) -> int:
    for line in report.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "Indexed" and words[2] == "pages":
            return int(words[1])
    return 0
