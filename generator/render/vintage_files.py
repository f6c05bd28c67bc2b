"""A figure's vintages (history/vintages.py) as files: the version's own rows as `downloads/<figure>-vintages`
CSV and JSON, and each closed season as a CSV and a JSON in the shared folder (`_shared/vintages/`), named
by their bytes (`<figure>-vintages-<season>-<letters>`), so that every later version shows the same files
and the publish branch stores them once (publish/shared.py). The own JSON lists the seasons' files
(`earlier`, oldest first, each by its address from the JSON's folder), and so does the own CSV, in a `#`
line at its end."""

from __future__ import annotations

from dataclasses import dataclass

from generator.charts.inline import content_name
from generator.history.vintages import EARLIER, History
from generator.model.figures import Figure
from generator.model.paths import SHARED_VINTAGES
from generator.render.open_data import Citation, comment, csv_text, joinable, json_text


@dataclass(frozen=True)
class VintageFiles:
    figure: Figure  # the own rows
    downloads: dict[str, str]  # the own CSV and JSON, by name under downloads/
    shared: dict[str, bytes]  # the seasons' files, by name under _shared/vintages/
    earlier: tuple[dict[str, str], ...]  # each season: {"season", "csv", "json"} (addresses from downloads/)


def vintage_files(history: History, cite: Citation, up: str) -> VintageFiles:
    """The files of a figure's vintages. `up`: where the shared folder is seen from the site's root (""
    for a site on its own, "../" for a version of the publish branch)."""
    shared: dict[str, bytes] = {}
    earlier = []
    for season in history.earlier:
        if season.figure is not None:
            fig = joinable(season.figure, cite)
            csv, doc = csv_text(fig, cite).encode("utf-8"), json_text(fig, cite).encode("utf-8")
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
        text += f"# فصل‌های پیشین: {comment(' '.join(e['csv'] for e in earlier))}\r\n"
    downloads = {f"{own.id}.csv": text, f"{own.id}.json": json_text(own, cite, {EARLIER: earlier})}
    return VintageFiles(history.own, downloads, shared, tuple(earlier))
