"""The stages wired in order: load → validate → normalise → aggregate → render → mkdocs build.

Each stage is a module that takes data and returns data; this module only calls them in turn and stops
with `DataProblems` when validation found an error. The CLI calls these functions and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import pages, render
from .aggregate import Aggregates, aggregate
from .jalali import JDate
from .load import load
from .model import Dataset
from .normalise import normalise
from .problems import DataProblems, Problem, errors_in
from .site_build import build_site
from .validate import validate


@dataclass(frozen=True)
class Project:
    """Where things are. Everything defaults to the standard layout under the project root."""

    root: Path
    data: Path
    content: Path
    site: Path
    mkdocs_yml: Path

    @classmethod
    def at(cls, root: Path, data: Path | None = None, content: Path | None = None,
           site: Path | None = None) -> Project:
        root = root.resolve()
        return cls(root=root, data=(data or root / "data").resolve(),
                   content=(content or root / "content").resolve(), site=(site or root / "site").resolve(),
                   mkdocs_yml=root / "mkdocs.yml")


@dataclass(frozen=True)
class Checked:
    dataset: Dataset
    warnings: list[Problem]


def check(project: Project) -> Checked:
    """Load, validate and normalise the data; raise DataProblems listing every problem if any is an error."""
    raw = load(project.data, project.root)
    validated = validate(raw)
    if errors_in(validated.problems):
        raise DataProblems(validated.problems)
    return Checked(normalise(validated), sorted(validated.problems))


def summarise(project: Project) -> tuple[Checked, Aggregates]:
    checked = check(project)
    return checked, aggregate(checked.dataset)


@dataclass(frozen=True)
class Generated:
    checked: Checked
    latest: JDate | None  # the latest date any figure refers to: the site's build date
    pages: int
    written: list[str]
    removed: list[str]


def generate(project: Project) -> Generated:
    """Validate the data, then render every page into content/ (changed pages only, stale ones removed)."""
    checked, agg = summarise(project)
    planned = pages.plan(checked.dataset, agg)
    common = {"ds": checked.dataset, "agg": agg, "site": checked.dataset.site,
              "programme_path": pages.programme_path, "province_path": pages.province_path,
              "meeting_path": pages.meeting_path}
    texts = render.render(planned, common)
    result = render.write(project.content, texts)
    return Generated(checked, agg.latest_week, len(texts), result.written, result.removed)


def build(project: Project) -> Generated:
    """Generate content/, then the strict MkDocs build into site/ (replaced only if the build succeeds)."""
    generated = generate(project)
    build_site(project.mkdocs_yml, project.content, project.site, generated.latest)
    return generated
