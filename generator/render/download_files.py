"""Every download of a build, by folder: the Persian edition's `downloads/` (each table's CSV, JSON and XLSX,
each figure's vintages, the protected cells, the log of publications, the data package, the licence and
`all.zip`), the static JSON API (`api/`, api.py) and, when the English edition is built, its own
`en/downloads/` (each table with English labels, each figure's vintages in English, an English data
package, licence and `all.zip`). Each table's JSON, each vintages JSON and each data package carry both
languages' words (open_data.in_both, data_package.py).

The vintages are read once, in Persian, from what each publication published; the English edition's are
the same history in the English table's words (history/vintages_en.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.aggregate.totals import Aggregates
from generator.aggregate.tracker import Tracked
from generator.history.archive import LOG, Entry
from generator.history.archive import dumps as archive_dumps
from generator.history.changes import Before
from generator.history.vintages import This, vintages, vintages_id
from generator.history.vintages_en import in_english
from generator.lang.edition import EN
from generator.lang.jalali import parse_jalali
from generator.model.dataset import Dataset
from generator.model.page import Page
from generator.model.paths import CELLS
from generator.model.publication import Publication
from generator.render import api, bundle, data_package, open_data
from generator.render.markdown import downloads as figure_downloads
from generator.render.vintage_files import vintage_files


@dataclass(frozen=True)
class DownloadFiles:
    downloads: dict[str, str | bytes]  # under downloads/
    shared: dict[str, bytes]  # the vintages' closed seasons, under the shared folder
    api: dict[str, str]  # under api/
    english: dict[str, str | bytes]  # under en/downloads/ (empty without the English edition)


def download_files(dataset: Dataset, agg: Aggregates, tracked: tuple[Tracked, ...], publication: Publication,
                   planned: list[Page], english: list[Page] | None, log: tuple[Entry, ...], before: Before | None,
                   shared_up: str) -> DownloadFiles:
    """The downloads of the pages `planned` (and of the English edition's, `english`), with each figure's
    vintages after the publication `before` (history/vintages.py; `shared_up`: where the shared folder is
    seen from the site's root), for the publication that is the last of `log` (none: a local build)."""
    cite = open_data.citation(dataset.site, dataset.provinces)
    cite_en = open_data.citation(dataset.site, dataset.provinces, EN)
    this = log[-1] if log else None
    version, title = (this.version, this.title) if this else (None, None)
    on_page = [(fig, api.page_url(page.path)) for page in planned for fig in page.figures]
    # the publication's day: its meeting's; a local build's, the latest meeting's
    day = parse_jalali(this.meeting) if this else (dataset.meetings[-1].date if dataset.meetings else None)
    tables_en = {fig.id: fig for page in english or () for fig in page.figures}
    made = [(fig, vintages(fig, before, This(version, day))) for fig, _ in on_page]
    made_en = {fig.id: in_english(history, fig, tables_en[fig.id]) for fig, history in made if fig.id in tables_en}
    histories = [vintage_files(history, cite, shared_up, (made_en[fig.id], cite_en) if fig.id in made_en else None)
                 for fig, history in made]
    histories_en = {fig.id: vintage_files(made_en[fig.id], cite_en, "../" + shared_up, (history, cite))
                    for fig, history in made if fig.id in made_en}
    twins_en = ({**tables_en, **{vintages_id(fid): h.figure for fid, h in histories_en.items()}}, cite_en
                ) if english else None
    files = {**figure_downloads(planned, cite, (english, cite_en) if english else None),
             Path(CELLS).name: publication.to_json(), Path(LOG).name: archive_dumps(log),
             **{name: text for h in histories for name, text in h.downloads.items()},
             data_package.PACKAGE: data_package.package(on_page, dataset, cite, version, title, histories, twins_en),
             bundle.LICENCE: bundle.licence_text(dataset.site, cite)}
    files[bundle.BUNDLE] = bundle.bundle(files, agg.latest_week.to_gregorian() if agg.latest_week else None)
    api_files = api.api_files(dataset, planned, tracked, cite, version, title,
                              {f.id: h.earlier for (f, _), h in zip(on_page, histories, strict=True)}, tables_en,
                              {fid: h.earlier for fid, h in histories_en.items()})
    english_files: dict[str, str | bytes] = {}
    if english:
        tables_fa = {fig.id: fig for fig, _ in on_page} | {h.figure.id: h.figure for h in histories}
        on_page_en = [(fig, EN.prefix + api.page_url(page.path)) for page in english for fig in page.figures]
        english_files = {
            **figure_downloads(english, cite_en, (planned, cite)),
            **{name: text for fig, _ in on_page_en if fig.id in histories_en
               for name, text in histories_en[fig.id].downloads.items()},
            data_package.PACKAGE: data_package.package(
                on_page_en, dataset, cite_en, version, title,
                [histories_en.get(fig.id) for fig, _ in on_page_en], (tables_fa, cite)),
            bundle.LICENCE: bundle.licence_text(dataset.site, cite_en)}
        english_files[bundle.BUNDLE] = bundle.bundle(english_files, agg.latest_week.to_gregorian()
                                                     if agg.latest_week else None)
    shared = {n: b for h in [*histories, *histories_en.values()] for n, b in h.shared.items()}
    return DownloadFiles(files, shared, api_files, english_files)
