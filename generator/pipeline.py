"""The stages wired in order: load → validate → normalise → aggregate → render → mkdocs build → audit.

Each stage is a module that takes data and returns data; this module only calls them in turn and stops
with `DataProblems` when validation found an error. The CLI calls these functions and nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import pages, render
from .aggregate import Aggregates, aggregate
from .audit import AuditFinding, audit, refuse_if_unsafe
from .chart_render import ChartRenderer
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
    cache: Path  # rendered charts, reused while their spec is unchanged (safe to delete)

    @classmethod
    def at(cls, root: Path, data: Path | None = None, content: Path | None = None,
           site: Path | None = None) -> Project:
        root = root.resolve()
        return cls(root=root, data=(data or root / "data").resolve(),
                   content=(content or root / "content").resolve(), site=(site or root / "site").resolve(),
                   mkdocs_yml=root / "mkdocs.yml", cache=root / ".cache")


@dataclass(frozen=True)
class Checked:
    dataset: Dataset
    warnings: list[Problem]
    private_texts: list[str]  # what staff marked private: the audit checks it is nowhere on the site


def check(project: Project) -> Checked:
    """Load, validate and normalise the data; raise DataProblems listing every problem if any is an error."""
    raw = load(project.data, project.root)
    validated = validate(raw)
    if errors_in(validated.problems):
        raise DataProblems(validated.problems)
    return Checked(normalise(validated), sorted(validated.problems), validated.private_texts)


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
    figures: int
    charts_rendered: int
    charts_reused: int


def plan(project: Project, dataset: Dataset, agg: Aggregates) -> list[render.Page]:
    """Every page of the site with its figures (the province map needs the boundaries in data/reference)."""
    topology = json.loads((project.data / "reference" / "provinces.topo.json").read_text(encoding="utf-8"))
    return pages.plan(dataset, agg, topology)


def write_content(project: Project, dataset: Dataset, agg: Aggregates, planned: list[render.Page],
                  charts: ChartRenderer) -> tuple[render.Rendered, render.WriteResult]:
    """Render the planned pages, their charts and downloads, and write them into content/."""
    common = {"ds": dataset, "agg": agg, "site": dataset.site, "programme_path": pages.programme_path,
              "province_path": pages.province_path, "meeting_path": pages.meeting_path}
    rendered = render.render(planned, common, charts)
    result = render.write(project.content, rendered.pages)
    render.write_downloads(project.content, rendered.downloads)
    return rendered, result


def generate(project: Project) -> Generated:
    """Validate the data, then render every page and figure into content/ (changed files only, stale ones
    removed). Charts come from the cache in .cache/charts/ when their spec has not changed."""
    checked, agg = summarise(project)
    charts = ChartRenderer(project.cache / "charts")
    rendered, result = write_content(project, checked.dataset, agg, plan(project, checked.dataset, agg), charts)
    return Generated(checked, agg.latest_week, len(rendered.pages), result.written, result.removed,
                     len(rendered.downloads) // 2, charts.rendered, charts.reused)


def build(project: Project) -> Generated:
    """Generate content/, then the strict MkDocs build, then the audit of what it built; site/ is replaced
    only if both succeed."""
    generated = generate(project)

    build_site(project.mkdocs_yml, project.content, project.site, generated.latest,
               check=lambda staging: refuse_if_unsafe(staging, generated.checked.private_texts))
    return generated


def audit_site(project: Project) -> list[AuditFinding]:
    """The audit of the site already built in site/, against the private texts of the data as it is now
    (read whether or not the data would validate: the site is what is audited)."""
    return audit(project.site, validate(load(project.data, project.root)).private_texts)
