"""Site: the real `mkdocs build --strict` of content/ into site/, with its search index, never
half-done.

MkDocs builds into a fresh folder beside site/; only when the build succeeds does that folder replace
site/, so a failed build leaves the previous site as it was. SOURCE_DATE_EPOCH is set from the data (the
latest date any figure refers to), so the same data builds the same bytes (the sitemap's dates included).
"""

from __future__ import annotations

import calendar
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator.audit.gate import Gate
from generator.charts import inline as chart_inline
from generator.charts import poster
from generator.charts.draw import ChartRenderer
from generator.charts.png import PngRenderer
from generator.charts.workers import ChartError
from generator.lang.edition import EDITIONS as ALL_EDITIONS
from generator.lang.edition import EN
from generator.lang.jalali import JDate
from generator.lang.messages import said_text, t
from generator.model.errors import PortalError
from generator.site import search_index
from generator.site.bulletin import BulletinError, Printer
from generator.site.shared_cards import share_cards


class SiteBuildError(PortalError):
    """The MkDocs build failed; the message says why, site/ is unchanged."""


@contextmanager
def _source_date(day: JDate | None):
    old = os.environ.get("SOURCE_DATE_EPOCH")
    if day is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(day.to_gregorian().timetuple()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# Theme files MkDocs copies but no page of this site loads: source maps (fetched only by developer tools)
# and the lunr search worker and its language files (search is off; Material never requests them then).
# They would only add weight and strings naming other hosts to what is published.
UNUSED_THEME_FILES = ("**/*.map", "assets/javascripts/lunr", "assets/javascripts/workers")


def prune(site: Path) -> None:
    for pattern in UNUSED_THEME_FILES:
        for path in sorted(site.glob(pattern)):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


@contextmanager
def _staged(site: Path):
    """A new folder beside `site` to build into: it replaces `site` if the block succeeds, and is removed
    (`site` left as it was) if it fails."""
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


# `extra.editions`, set when both editions are built: each page then links to its twin (hreflang, and the
# header's language switch: site_overrides/main.html, partials/alternate.html). Not Material's own
# `extra.alternate`, whose links lead to each edition's home page and say so in hreflang links on every page
EDITIONS = [{"name": e.own_name, "lang": e.code} for e in ALL_EDITIONS]


def editions(mkdocs_yml: Path, content: Path, site: Path, site_url: str = "") -> list[tuple[Path, Path, Path, str]]:
    """The MkDocs builds of the site, each as (its configuration, its docs folder, where it is built, its
    address): the Persian edition's (mkdocs.yml, content/ without en/, at the site's root), then the English
    edition's (mkdocs.en.yml, content/en/, at en/), when the generator wrote one. The Persian one first:
    MkDocs empties the folder it builds into."""
    builds = [(mkdocs_yml, content, site, site_url)]
    english = mkdocs_yml.with_name("mkdocs.en.yml")
    if english.is_file() and (content / EN.folder / "index.md").is_file():
        builds.append((english, content / EN.folder, site / EN.folder, site_url + EN.prefix if site_url else ""))
    return builds


@dataclass(frozen=True)
class Posters:
    """The charts as images to take away (charts/poster.py), made once the charts are drawn: into
    downloads/charts/ of the built site, through `images` (and its cache)."""

    posters: tuple[poster.Poster, ...]
    images: PngRenderer
    brand: str
    host: str


def build_site(mkdocs_yml: Path, content: Path, site: Path, build_date: JDate | None,
               gate: Gate | None = None, extra: dict | None = None, charts: ChartRenderer | None = None,
               site_url: str = "", posters: Posters | None = None, printer: Printer | None = None,
               shared_up: str = "") -> None:
    """Run the strict MkDocs build, put the charts into its pages (charts/inline.py: `charts`, whose
    workers draw them while MkDocs builds, and are done with once they are in), index it for search
    (search_index.py), then the audit's `gate` on the result (it raises to refuse the site; it begins on
    content/ while MkDocs builds); replace `site` only if all succeeded. `charts` and `gate` belong to the
    caller, who stops them however this ends. `extra` is added to the configuration's `extra` (the
    theme's settings: a publication's version). `site_url`: the address the build is published at
    (MkDocs' own `site_url`: the sitemap's entries and each page's canonical link); "" leaves it unset.
    `posters`: the charts to write as images once they are drawn (with `charts`); `printer`: the weekly
    bulletin, printed by Chromium once the chart workers have stopped, while Pagefind indexes, into
    downloads/ (it belongs to the caller too);
    `shared_up`: where the pages find the shared folder from the site's root (charts/inline.py)."""
    with _staged(site) as staging:
        try:
            if gate is not None:
                gate.begin(content)
            builds = editions(mkdocs_yml, content, staging, site_url)
            both = {**(extra or {}), "editions": EDITIONS} if len(builds) > 1 else extra
            for config, docs, into, address in builds:
                _mkdocs(config, docs, into, build_date, both, address)
                prune(into)
            if charts is not None:
                chart_inline.inline_site(staging, charts, shared_up)
                if posters is not None:
                    poster.write(staging, list(posters.posters), charts, posters.images,
                                 posters.brand, posters.host)
                charts.close()  # every chart is in: the workers' memory is free for the rest
            # Chromium prints the bulletin once the chart workers are gone, while the cards move and Pagefind
            # indexes: the two largest helpers never hold their memory at the same time; the audit done
            # beside MkDocs is taken first, and its process stopped
            if gate is not None:
                gate.collect()
            if printer is not None:
                printer.start()
            moved = share_cards(staging, shared_up)  # a version's cards, stored once on the branch
            search_index.index(staging)  # the search index is part of what the audit reads
            if printer is not None:
                printer.finish(staging)
            if gate is not None:
                gate.check(staging, moved)
        except (search_index.SearchIndexError, ChartError, BulletinError) as exc:
            raise SiteBuildError(t("{detail}\nsite/ was left as it was", detail=said_text(exc))) from exc


def _mkdocs(mkdocs_yml: Path, content: Path, staging: Path, build_date: JDate | None, extra: dict | None,
            site_url: str = "") -> None:
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with _source_date(build_date):
            config = load_config(str(mkdocs_yml), strict=True, docs_dir=str(content), site_dir=str(staging))
            if extra:
                config["extra"] = {**config["extra"], **extra}
            if site_url:
                config["site_url"] = site_url
            mkdocs_build(config)
    except (Abort, MkDocsException, OSError) as exc:
        detail = "\n  ".join(collect.messages) or str(exc)
        raise SiteBuildError(t("mkdocs build --strict failed; site/ was left as it was:\n  {detail}",
                               detail=detail)) from exc
    finally:
        logger.removeHandler(collect)
