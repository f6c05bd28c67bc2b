"""A figure's vintages (history/vintages.py) as files: the version's own rows as `downloads/<figure>-vintages`
CSV and JSON, and each closed season as a CSV and a JSON in the shared folder (`_shared/vintages/`), named
by their bytes (`<figure>-vintages-<season>-<letters>`), so that every later version shows the same files
and the publish branch stores them once (publish/shared.py). The own JSON lists the seasons' files
(`earlier`, oldest first, each by its address from the JSON's folder), and so does the own CSV, in a `#`
line at its end.

The English edition's are the same history in English (history/vintages_en.py) under `en/downloads/`, its
seasons' files beside the Persian ones in the shared folder. When both editions are built, each JSON
carries the other's words too (open_data.in_both), as the tables' JSON do."""

from __future__ import annotations

from dataclasses import dataclass

from generator.charts.inline import content_name
from generator.history.vintages import EARLIER, History
from generator.history.vintages_en import season_figure
from generator.model.figures import Figure
from generator.model.paths import SHARED_VINTAGES
from generator.render.open_data import Citation, comment, csv_text, in_both, joinable, json_text


@dataclass(frozen=True)
class VintageFiles:
    figure: Figure  # the own rows
    downloads: dict[str, str]  # the own CSV and JSON, by name under downloads/
    shared: dict[str, bytes]  # the seasons' files, by name under _shared/vintages/
    earlier: tuple[dict[str, str], ...]  # each season: {"season", "csv", "json"} (addresses from downloads/)


def vintage_files(history: History, cite: Citation, up: str, twin: tuple[History, Citation] | None = None
                  ) -> VintageFiles:
    """The files of a figure's vintages in the edition `cite.ed`. `up`: where the shared folder is seen from
    the edition's folder (for the Persian edition "" for a site on its own, "../" for a version of the
    publish branch; one more "../" for the English one). `twin`: the same history in the other edition, with
    its citation, whose words each JSON written here carries too."""
    shared: dict[str, bytes] = {}
    earlier = []
    twins = {s.season: s.figure if s.figure is not None else season_figure(s, twin[0].own)
             for s in twin[0].earlier} if twin else {}
    for season in history.earlier:
        if season.figure is not None:
            fig = joinable(season.figure, cite)
            other = twins.get(season.season)
            both = in_both(fig, joinable(other, twin[1]), cite.ed) if twin and other is not None else None
            csv, doc = csv_text(fig, cite).encode("utf-8"), json_text(fig, cite, both).encode("utf-8")
            stem = fig.id + "-" + content_name(csv + b"\n" + doc)
            files = {f"{stem}.csv": csv, f"{stem}.json": doc}
        else:
            files = dict(season.files)
        shared.update(files)
        names = {name.rsplit(".", 1)[-1]: name for name in files}
        earlier.append({"season": season.season,
                        **{kind: f"../{up}{SHARED_VINTAGES}/{names[kind]}" for kind in ("csv", "json")}})
    own = joinable(history.own, cite)
    text = csv_text(own, cite)
    if earlier:
        said = cite.ed.pick("فصل‌های پیشین", "Earlier seasons")
        text += f"# {said}: {comment(' '.join(e['csv'] for e in earlier), cite.ed)}\r\n"
    both = in_both(own, joinable(twin[0].own, twin[1]), cite.ed) if twin else {}
    downloads = {f"{own.id}.csv": text, f"{own.id}.json": json_text(own, cite, {**both, EARLIER: earlier})}
    return VintageFiles(history.own, downloads, shared, tuple(earlier))
