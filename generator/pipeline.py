"""The stages wired in order. This is the one numbering of the stages (the README's "How it works" follows
it); each is a folder of generator/:

  1. load       data/*.yaml, *.csv and the boundaries, read into nodes that remember their line
  2. validate   every field and every rule; then normalise: the typed Dataset
  3. aggregate  totals, series, households, the decisions tracked
  4. protect    disclosure control: suppression until the LP attack pins no hidden cell
  5. pages      every page and its figures (tables and chart specs); history: what changed, the archive
  6. render     Markdown into content/ and the downloads; the charts drawn meanwhile (charts/)
  7. site       the strict MkDocs build, the charts put in its pages, the search index
  8. audit      the built site read as the public would; it replaces site/ only if nothing is found

Publishing (publish/), the preview (preview/) and the staff's tools (staff/) use this module; the CLI calls
these functions and nothing else. Each stage takes data and returns data; this module only calls them in
turn, stops with `DataProblems` when validation found an error, and owns the build's processes.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.aggregate.totals import Aggregates, aggregate
from generator.aggregate.tracker import Tracked, track
from generator.audit.checks import AuditFinding, Rules, audit
from generator.audit.gate import Gate
from generator.charts.draw import ChartRenderer
from generator.charts.png import PngRenderer
from generator.charts.poster import Poster
from generator.history.archive import Entry
from generator.history.changes import Before, compare
from generator.lang.edition import EN, FA, Edition
from generator.lang.jalali import JDate
from generator.lang.messages import t
from generator.load.files import FileMemo, load
from generator.model.dataset import Dataset
from generator.model.errors import PortalError
from generator.model.page import Page
from generator.model.paths import CELLS, SHARED_VINTAGES
from generator.model.problems import DataProblems, Problem, errors_in
from generator.model.publication import DEFAULT_P, Publication
from generator.pages import cards
from generator.pages import plan as pages
from generator.pages.changes_en import in_english
from generator.protect.suppress import protected
from generator.render import api, write
from generator.render.bulletin import Bulletin, bulletin, bulletin_name
from generator.render.download_files import download_files
from generator.render.embed import EMBED
from generator.render.feed import FEED, atom
from generator.render.markdown import CARDS, Rendered, render
from generator.render.markdown import embeds as figure_embeds
from generator.render.write import DOWNLOADS, WriteResult
from generator.schema.value_types import FieldError, Url
from generator.site.build import Posters, build_site
from generator.site.bulletin import Printer
from generator.validate.normalise import normalise
from generator.validate.run import validate


@dataclass(frozen=True)
class Project:
    """Where things are. Everything defaults to the standard layout under the project root."""

    root: Path
    data: Path
    content: Path
    site: Path
    mkdocs_yml: Path
    cache: Path  # rendered charts, reused while their spec is unchanged (safe to delete)

    @classmethod
    def at(cls, root: Path, data: Path | None = None, content: Path | None = None,
           site: Path | None = None) -> Project:
        root = root.resolve()
        return cls(root=root, data=(data or root / "data").resolve(),
                   content=(content or root / "content").resolve(), site=(site or root / "site").resolve(),
                   mkdocs_yml=root / "mkdocs.yml", cache=root / ".cache")

    @property
    def english(self) -> bool:
        """Whether the site has its English edition: the project has its MkDocs configuration (mkdocs.en.yml,
        beside mkdocs.yml). Without it, only the Persian edition is generated and built."""
        return self.mkdocs_yml.with_name("mkdocs.en.yml").is_file()


@dataclass(frozen=True)
class Checked:
    dataset: Dataset
    warnings: list[Problem]
    private_texts: list[str]  # what staff marked private: the audit checks it is nowhere on the site
    register_keys: list[str]  # the registers' household keys: the audit checks none is on the site


def check(project: Project, memo: FileMemo | None = None) -> Checked:
    """Load, validate and normalise the data; raise DataProblems listing every problem if any is an error.
    `memo`: what an earlier check read, kept by a long-running caller (the live preview): only the files
    changed since are read again, and only the large tables read again are validated again as columns."""
    raw = load(project.data, project.root, memo)
    validated = validate(raw, memo.derived if memo is not None else None)
    if errors_in(validated.problems):
        raise DataProblems(validated.problems)
    return Checked(normalise(validated), sorted(validated.problems), validated.private_texts,
                   validated.register_keys)


def previous_publication(project: Project) -> Publication | None:
    """The publication still online: the cells of the site in site/ (the one this build replaces)."""
    path = project.site / CELLS
    return Publication.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None


def rules(checked: Checked, previous: Publication | None) -> Rules:
    site = checked.dataset.site
    return Rules(site.disclosure_threshold, site.dominance_percent, previous, frozenset(checked.register_keys))


ONLINE = object()  # `previous`: the publication in site/ (publish.py passes the one on the publish branch)


def summarise(project: Project, previous: Publication | object | None = ONLINE, checked: Checked | None = None,
              memo: FileMemo | None = None) -> tuple[Checked, Aggregates, Publication]:
    """The checked data, and the aggregates as published: disclosure control applied, with the
    suppressions of the previous publication (by default the one still online in site/) carried forward.
    `checked`: the project's data checked already (publish.py checks them before it builds); `memo`: see
    `check` (what its stages made is reused too: the aggregates' sums)."""
    checked = checked or check(project, memo)
    if previous is ONLINE:
        previous = previous_publication(project)
    reuse = memo.derived if memo is not None else None
    result = protected(checked.dataset, aggregate(checked.dataset, reuse), previous, reuse)
    return dataclasses.replace(checked, dataset=result.dataset), result.aggregates, result.publication


@dataclass(frozen=True)
class Generated:
    checked: Checked
    latest: JDate | None  # the latest date any figure refers to: the site's build date
    pages: int
    written: list[str]
    removed: list[str]
    figures: int
    charts_rendered: int
    charts_reused: int
    site_url: str = ""  # the address this build is published at ("" when not known: links stay relative)
    images_drawn: int = 0  # images (PNG: link previews, charts to take away) drawn in this build; the others
    images_reused: int = 0  # came from the cache
    posters: tuple[Poster, ...] = ()  # each chart as an image, made once its chart is drawn (the site stage)
    bulletins: tuple[Bulletin, ...] = ()  # each edition's weekly bulletin, printed in the site stage
    brand: str = ""  # the site's name, drawn on the images


@dataclass(frozen=True)
class Writes:
    """Told of the writes into content/ (the live preview, whose MkDocs builds while the generator goes on):
    `begin()` before the pages are written and again before the downloads are, `pages_written(changed)`
    in between, with whether anything MkDocs shows changed."""

    begin: Callable[[], None]
    pages_written: Callable[[bool], None]


SITE_URL_SETTING = "PORTAL_SITE_URL"


def site_address(dataset: Dataset, path: str = "") -> str:
    """Where the site built from `dataset` is published: the setting PORTAL_SITE_URL (environment: CI) or
    data/site.yaml's `site_url`, with `path` below it (a published version's folder, «1400-08-05/»); "" when
    neither is set. Raises PortalError for a setting that is not a web address."""
    setting = os.environ.get(SITE_URL_SETTING, "").strip()
    if setting:
        try:
            base = Url().parse(setting)
        except FieldError as exc:
            raise PortalError(t("{name}: {message}; {fix}", name=SITE_URL_SETTING, message=exc.message,
                                fix=exc.fix)) from None
    else:
        base = dataset.site.site_url
    return base + path if base else ""


def plan(project: Project, dataset: Dataset, agg: Aggregates, tracked: tuple[Tracked, ...],
         before: Before | None = None, log: tuple[Entry, ...] = (), ed: Edition = FA,
         persian: list[Page] | None = None) -> list[Page]:
    """Every page of the site in the edition `ed` with its figures (the province map draws the dataset's
    boundaries), the page of what changed since the publication `before`, and the archive of every
    publication in `log` (this one last; empty for a build that is not published). `persian`: the Persian
    edition's pages, for the English edition: its page of changes tells the changes found on the Persian
    figures (one set of cells), in English words (pages/changes_en.py)."""
    planned = pages.plan(dataset, agg, tracked, dataset.boundaries, ed)
    figures = [f for page in planned for f in page.figures]
    if persian is None:
        changes = compare(before, figures)
    else:
        changes = in_english(next(p.context.changes for p in persian if p.path == pages.CHANGES),
                             [f for page in persian for f in page.figures], figures)
    planned += [pages.changes_page(changes, dataset, agg, tracked, log, ed), pages.archive_page(dataset, log, ed)]
    planned += [pages.open_data_page(dataset, planned, ed), pages.search_page(dataset, ed)]
    return [dataclasses.replace(page, card=cards.card(page, dataset, agg, ed)) for page in planned]


def write_content(project: Project, dataset: Dataset, agg: Aggregates, tracked: tuple[Tracked, ...],
                  publication: Publication, planned: list[Page], charts: ChartRenderer, log: tuple[Entry, ...] = (),
                  charts_first: bool = False, site_url: str = "", images: PngRenderer | None = None,
                  before: Before | None = None, shared_up: str = "", writes: Writes | None = None,
                  english: list[Page] | None = None) -> tuple[Rendered, WriteResult]:
    """Render the planned pages, their charts and downloads, and write them into content/, with every
    protected cell of the publication in downloads/cells.json and the log of publications in
    downloads/publications.json, and each figure's vintages after `before` (history/vintages.py).
    `charts_first`: draw every chart into the cache (and stop the workers)
    before any page is written, for a reader of content/ that fills the placeholders from the cache as
    soon as a page changes (the live preview); otherwise the workers go on drawing. `images`: draws the
    pages' preview images (by default through the cache in .cache/images/). `shared_up`: where the shared
    folder is seen from the site's root (charts/inline.py), for the links to the vintages' closed seasons.
    `writes`: told before content/ is written (the pages, then the downloads) and once the pages are
    written (the live preview, whose MkDocs builds between the two)."""
    images = images or PngRenderer(project.cache / "images")
    common = {"ds": dataset, "agg": agg, "site": dataset.site, "programme_path": pages.programme_path,
              "province_path": pages.province_path, "meeting_path": pages.meeting_path,
              "province_paths": {p.iso_code: pages.province_path(p) for p in dataset.provinces},
              # each decision by its id: a page that names another decision names it by what it decides
              "decisions": {t.id: t for t in tracked},
              # the weekly bulletin's PDF (and PNG) under each edition's downloads/, printed in the site stage
              "bulletin": f"{DOWNLOADS}/{bulletin_name(dataset)}",
              "english": bool(english)}  # whether the English edition is built beside this one
    rendered = render(planned, common, charts, images, brand=planned[0].title if planned else "",
                      site_url=site_url)
    # the English edition (`english`: its pages) under content/en/, page for page
    rendered_en = render(english, common, charts, images, brand=english[0].title, site_url=site_url,
                         ed=EN) if english else None
    if charts_first:
        charts.close()
    if writes is not None:
        writes.begin()
    result = write.write(project.content, rendered.pages | (
        {f"{EN.prefix}{path}": text for path, text in rendered_en.pages.items()} if rendered_en else {}))
    feed = write.write_feed(project.content / FEED, atom(dataset, log, site_url, common["bulletin"] + ".pdf"))
    if english:
        english_url = site_url + EN.prefix if site_url else ""
        feed |= write.write_feed(project.content / EN.folder / FEED,
                                 atom(dataset, log, english_url, common["bulletin"] + ".pdf", EN))
    cards = write.write_downloads(project.content, rendered.cards, CARDS)
    if rendered_en:  # the English edition's cards, in English, in en/cards/
        english_cards = write.write_downloads(project.content / EN.folder, rendered_en.cards, CARDS)
        cards = WriteResult(cards.written + english_cards.written, cards.unchanged + english_cards.unchanged,
                            cards.removed + english_cards.removed)
    if writes is not None:
        writes.pages_written(feed or any(r.written or r.removed for r in [result, cards]))
    embeds = figure_embeds(planned, rendered, brand=planned[0].title if planned else "", site_url=site_url)
    embeds_en = figure_embeds(english, rendered_en, english[0].title, site_url + EN.prefix if site_url else "",
                              EN) if rendered_en else {}
    # the downloads after the pages: the live preview shows each page as soon as it is written
    files = download_files(dataset, agg, tracked, publication, planned, english, log, before, shared_up)
    if writes is not None:  # every download made: written in one short burst
        writes.begin()
    write.write_downloads(project.content, files.downloads)
    write.write_downloads(project.content, files.shared, SHARED_VINTAGES)
    write.write_downloads(project.content, files.api, api.API)
    write.write_downloads(project.content, embeds, EMBED)
    if english:
        write.write_downloads(project.content / EN.folder, files.english)
        write.write_downloads(project.content / EN.folder, embeds_en, EMBED)
    if rendered_en:  # the charts to take away of both editions, made in the site stage
        rendered = dataclasses.replace(rendered, posters=rendered.posters + rendered_en.posters)
    return rendered, result


def generate(project: Project, warm: bool = True, previous: Publication | object | None = ONLINE,
             before: Before | None = None, log: tuple[Entry, ...] = (),
             charts: ChartRenderer | None = None, checked: Checked | None = None,
             url_path: str | None = None, memo: FileMemo | None = None, writes: Writes | None = None,
             english: bool | None = None) -> Generated:
    """Validate the data, then render every page and figure into content/ (changed files only, stale ones
    removed), each chart as a placeholder (render/markdown.py). Charts come from the cache in .cache/charts/ when
    their spec has not changed; the others are drawn into it. `charts`: the caller's renderer, whose workers
    go on drawing after this returns (a full build: MkDocs builds meanwhile, and site_build puts them in
    the pages); without it, this owns one, and every chart is in the cache when this returns (the live
    preview). `warm`: start the chart workers while the data are read (a full build); the live preview,
    whose edits change a few charts at a time, does not. `url_path`: the build's path below the site's
    address (site_address), for absolute links; None: no address (the live preview). `memo`: see `check`;
    `writes`: see `write_content`. `english`: whether to write the English edition too (by default, when the
    project has one: Project.english)."""
    english = project.english if english is None else english
    if charts is None:
        with ChartRenderer(project.cache / "charts") as own:
            return _generate(project, warm, previous, before, log, own, checked, True, url_path, memo, writes,
                             english)
    return _generate(project, warm, previous, before, log, charts, checked, False, url_path, memo, writes, english)


def _generate(project: Project, warm: bool, previous: Publication | object | None, before: Before | None,
              log: tuple[Entry, ...], charts: ChartRenderer, checked: Checked | None, charts_first: bool,
              url_path: str | None, memo: FileMemo | None = None, writes: Writes | None = None,
              english: bool = False) -> Generated:
    if warm:
        charts.warm()
    checked, agg, publication = summarise(project, previous, checked, memo)
    site_url = site_address(checked.dataset, url_path) if url_path is not None else ""
    tracked = track(checked.dataset, agg)  # once: the pages, the changes page and the API all show it
    planned = plan(project, checked.dataset, agg, tracked, before, log)
    english_pages = plan(project, checked.dataset, agg, tracked, before, log, EN, planned) \
        if english else None
    # the preview's MkDocs rebuilds as soon as a page is written: its charts must be in the cache first
    images = PngRenderer(project.cache / "images")
    brand = planned[0].title if planned else ""  # the home page's title: the site's name
    rendered, result = write_content(project, checked.dataset, agg, tracked, publication, planned, charts, log,
                                     charts_first=charts_first, site_url=site_url, images=images, before=before,
                                     shared_up="../" if url_path else "", writes=writes, english=english_pages)
    bulletins = (bulletin(planned, checked.dataset, agg, site_url, brand),)
    if english_pages:  # the English edition's, printed beside the Persian one
        bulletins += (bulletin(english_pages, checked.dataset, agg, site_url + EN.prefix if site_url else "",
                               english_pages[0].title, EN),)
    # the pages of both editions (the English edition's below en/, when it is written)
    return Generated(checked, agg.latest_week, len(result.written) + len(result.unchanged), result.written,
                     result.removed,
                     sum(len(p.figures) for p in planned), charts.rendered, charts.reused, site_url,
                     images.drawn, images.reused, posters=rendered.posters, brand=brand,
                     bulletins=bulletins)


def build(project: Project, previous: Publication | object | None = ONLINE, extra: dict | None = None,
          before: Before | None = None, log: tuple[Entry, ...] = (), checked: Checked | None = None,
          url_path: str = "") -> Generated:
    """Generate content/, then the strict MkDocs build (the charts drawn meanwhile, then put in its pages),
    then the audit of what it built; site/ is replaced only if all succeed. `previous`: the publication this
    one follows (by default the one in site/); `extra`: settings for the theme, `before`: the previous
    version's figures for the page of what changed, `log`: every publication up to this one, for the
    archive page, `checked`: the data checked already, and `url_path`: a version's folder below the site's
    address (all from publish.py). This owns the build's processes: the chart workers, the audit beside
    MkDocs and Chromium printing the bulletin, each stopped when its block ends, however it ends."""
    if previous is ONLINE:
        previous = previous_publication(project)
    images = PngRenderer(project.cache / "images")
    with ChartRenderer(project.cache / "charts") as charts:
        generated = generate(project, previous=previous, before=before, log=log, charts=charts, checked=checked,
                             url_path=url_path)
        day = generated.latest.to_gregorian() if generated.latest else None
        with Gate(generated.checked.private_texts, rules(generated.checked, previous)) as gate, \
                Printer(generated.bulletins, day) as printer:
            build_site(project.mkdocs_yml, project.content, project.site, generated.latest, gate=gate,
                       extra=extra, charts=charts, site_url=generated.site_url,
                       posters=Posters(generated.posters, images, generated.brand,
                                       urlsplit(generated.site_url).netloc), printer=printer,
                       shared_up="../" if url_path else "")
    return dataclasses.replace(generated, charts_rendered=charts.rendered, charts_reused=charts.reused,
                               images_drawn=generated.images_drawn + images.drawn,
                               images_reused=generated.images_reused + images.reused)


def audit_site(project: Project, previous: Path | None = None) -> list[AuditFinding]:
    """The audit of the site already built in site/, against the private texts of the data as it is now
    (read whether or not the data would validate: the site is what is audited) and, when given, the cells
    of the publication before it (`previous`: a cells.json, or a site folder holding one)."""
    validated = validate(load(project.data, project.root))
    k, p = validated.threshold, validated.setting("dominance_percent", DEFAULT_P)
    if previous is not None and previous.is_dir():
        previous = previous / CELLS
    before = Publication.from_json(previous.read_text(encoding="utf-8")) if previous else None
    return audit(project.site, validated.private_texts, Rules(k, p, before, frozenset(validated.register_keys)))
