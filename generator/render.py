"""Stage 5, render: page contexts → Markdown text (Jinja2) → files in content/.

Safe by default: every value a template prints goes through `_finalize`, which writes numbers in Persian
digits, dates in the Jalali calendar, escapes text so that data can never become Markdown or HTML, and
refuses None (a blank figure is a wrong figure; `StrictUndefined` does the same for missing names).
Values meant as markup (links, formatted figures) are `Markup` and pass unchanged.

Generated pages start with front matter holding `generated_by: portal`; `write` replaces only files whose
text changed and deletes generated pages that the data no longer produces, so no stale page survives.
Hand-written pages (without the marker) are never touched.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import open_data
from .chart_render import ChartRenderer
from .figures import DATE, DECIMAL, INT, MONTH, PERCENT, Figure
from .jalali import JDate, parse_jalali, parse_jalali_month
from .messages import t
from .open_data import Citation
from .persian import format_number, format_percent, persian_digits
from .publication import SUPPRESSED, SYMBOL, is_suppressed
from .schema import ATTENDANCE, CENTRE_STATUS, CENTRE_TYPES, QUALIFIERS, UNITS
from .tracker import STATUSES

MARKER = "generated_by: portal"
TEMPLATES = Path(__file__).parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#~^$])")


@functools.lru_cache(maxsize=1 << 16)  # names, types and statuses repeat across thousands of rows
def md_text(text: str) -> str:
    """Text from data, made inert for Markdown and HTML, on one line (tables need it)."""
    text = html.escape(" ".join(text.split()), quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return persian_digits(text)


def _finalize(value: Any) -> Markup:
    kind = type(value)  # the common cases first: a national build prints about 100,000 values
    if kind is str:
        return Markup(md_text(value))
    if kind is Markup:
        return value
    if isinstance(value, Markup):
        return value
    if value is SUPPRESSED:
        return Markup(SYMBOL)
    if isinstance(value, jinja2.Undefined):
        str(value)  # StrictUndefined raises UndefinedError, naming what is missing
    if value is None:
        raise ValueError("a template printed None: a figure or text is missing")
    if isinstance(value, bool):
        raise TypeError("a template printed a boolean; say what it means in words")
    if isinstance(value, int):
        return Markup(format_number(value))
    if isinstance(value, float):
        return Markup(format_number(value, 1))
    if isinstance(value, JDate):
        return Markup(value.fa())
    if isinstance(value, str):
        return Markup(md_text(value))
    raise TypeError(f"a template printed a {type(value).__name__}; format it explicitly")


def _percent(value: Any) -> Markup:
    if value is SUPPRESSED:
        return Markup(SYMBOL)
    return Markup("—") if value is None else Markup(format_percent(100 * value))


def _cell(value: Any, kind: str) -> Markup:
    """A figure's table cell: «—» for a missing value, numbers as the column's kind says."""
    if value is None:
        return Markup("—")
    if value is SUPPRESSED:
        return Markup(SYMBOL)
    if kind == PERCENT:
        return Markup(format_percent(value))
    if kind == DECIMAL:
        return Markup(format_number(value, 1))
    if kind == INT:
        return Markup(format_number(value))
    if kind in (DATE, MONTH):
        return Markup(value.fa())
    return _finalize(value)


BADGE = ' <span class="portal-synthetic" title="ساختگی">ساختگی</span>'


def _table_rows(f: Figure, ln: Links, all_synthetic: bool) -> Markup:
    """A figure's table body as Markdown rows, one per line (Python rather than a template loop: a year of
    months times a dozen programmes on 31 pages is most of the template work)."""
    lines = []
    for i, row in enumerate(f.rows):
        cells = []
        for j, c in enumerate(f.columns):
            if j == 0 and f.row_links and f.row_links[i]:
                text = ln.to(f.row_links[i], row[c.key])
            else:
                text = _cell(row[c.key], c.kind)
            if j == 0 and f.row_is_synthetic(i) and not all_synthetic:
                text += Markup(BADGE)
            cells.append(f" {text} |")
        lines.append("|" + "".join(cells) + "\n")
    return Markup("".join(lines))


def _attr(value: str) -> Markup:
    """Text for an HTML attribute inside raw HTML (Markdown does not unescape there)."""
    return Markup(html.escape(persian_digits(" ".join(value.split())), quote=True))


def _published(value: Any) -> Markup:
    """A value as a download published it (changes.py): a number, the suppression symbol, a text, or None."""
    if value is None:
        return Markup("—")
    if isinstance(value, bool):
        return Markup("بله" if value else "خیر")
    if isinstance(value, int):
        return Markup(format_number(value))
    if isinstance(value, float):
        return Markup(format_number(value, 1))
    return _finalize(str(value))


def _ref(value: str) -> Markup:
    """An identifier such as a decision's `1400-05-27-d1`, in Persian digits, kept left to right."""
    return Markup(f'<bdi class="portal-ref" dir="ltr">{html.escape(persian_digits(value))}</bdi>')


def _toc_ref(value: str) -> Markup:
    """The same identifier as a table of contents' label (an attribute, plain text): held left to right by
    Unicode's isolates, since the label has no markup («۱۴۰۰-۰۸-۰۵-d۱», not «d۱-۱۴۰۰-۰۸-۰۵»)."""
    return Markup(html.escape("\u2066" + persian_digits(value) + "\u2069", quote=True))


def _css(value: str) -> Markup:
    """A machine value (colour, number list) for an attribute: escaped, digits left as they are."""
    return Markup(html.escape(str(value), quote=True))


def _yaml_string(value: str) -> Markup:
    return Markup(json.dumps(" ".join(value.split()), ensure_ascii=False))


def _front_title(value: str) -> Markup:
    """A page's title for its front matter. MkDocs' themes print `page.title` as HTML, unescaped (in
    <title>, the header, the footer's links), so it is written escaped here: a title from the data shows
    as the text staff typed, never as markup."""
    return _yaml_string(html.escape(str(value), quote=True))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, autoescape=True,
        finalize=_finalize, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        # compiled templates kept between builds, as Python keeps .pyc files (Jinja's own temporary
        # directory; an entry is used only while its template's source is unchanged): compiling them
        # costs a national build half a second
        bytecode_cache=jinja2.FileSystemBytecodeCache())
    env.filters.update(table_rows=_table_rows, percent=_percent, yaml_string=_yaml_string, front_title=_front_title,
                       cell=_cell, attr=_attr, css=_css, ref=_ref, toc_ref=_toc_ref, published=_published,
                       short_date=lambda d: Markup(d.fa_short()),
                       period=lambda iso: Markup((parse_jalali(iso) if len(iso) > 7 else parse_jalali_month(iso)).fa()),
                       paragraphs=lambda t: Markup("\n\n".join(md_text(p) for p in t.split("\n\n") if p)))
    env.tests["suppressed"] = is_suppressed
    env.globals.update(SYMBOL=SYMBOL, UNITS=UNITS, CENTRE_TYPES=CENTRE_TYPES, CENTRE_STATUS=CENTRE_STATUS,
                       QUALIFIERS=QUALIFIERS, ATTENDANCE=ATTENDANCE, STATUSES=STATUSES, MARKER=Markup(MARKER),
                       BADGE=Markup(BADGE),
                       # a function, not a macro: it is printed on every row of the centre lists, and a Jinja
                       # macro call costs fifty times more
                       badge=lambda flag: Markup(BADGE) if flag else Markup(""))
    return env


@functools.lru_cache(maxsize=1 << 14)  # a national build links the same few hundred pages thousands of times
def _relative(target: str, from_dir: str) -> str:
    return posixpath.relpath(target, from_dir)


class Links:
    """Relative Markdown links from one page to others; MkDocs checks every one in a strict build."""

    def __init__(self, from_path: str, names: dict[str, str]):
        self.from_dir = posixpath.dirname(from_path)
        self.names = names  # target path -> link text

    def href(self, target: str) -> Markup:
        return Markup(_relative(target, self.from_dir or "."))

    def to(self, target: str, text: str | None = None) -> Markup:
        label = md_text(text if text is not None else self.names[target])
        return Markup(f"[{label}]({self.href(target)})")


@dataclass(frozen=True)
class Page:
    path: str  # under content/, e.g. "provinces/gilan.md"
    template: str  # file name under generator/templates/
    title: str
    context: Any  # the page's context dataclass (see pages.py), available to the template as `page`

    @property
    def figures(self) -> list[Figure]:
        """Every figure of the context: its Figure fields, and those in tuples of figures or of sections."""
        return _figures_in(self.context)


def _figures_in(context: Any) -> list[Figure]:
    """The figures of a page context: its Figure fields, Figures in its tuples, and the Figure fields of
    sections (dataclasses holding figures, such as pages.HouseholdSection) in its tuples."""
    found = []
    for field in dataclasses.fields(context):
        value = getattr(context, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Figure):
                found.append(item)
            elif dataclasses.is_dataclass(item) and not isinstance(item, type):
                found += [v for f in dataclasses.fields(item) if isinstance(v := getattr(item, f.name), Figure)]
    return found


DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]  # path under content/ -> Markdown
    downloads: dict[str, str | bytes]  # path under content/downloads/ -> CSV or JSON text, or XLSX bytes


def render(pages: list[Page], common: dict[str, Any], charts: ChartRenderer, cite: Citation) -> Rendered:
    """Every page's Markdown and every figure's downloads (open_data.py: CSV, JSON, XLSX, each naming its
    licence and citation `cite`). Raises on any template error: nothing is written then. A page holds a
    placeholder where each chart goes: the charts are drawn meanwhile (on every core when many are new,
    through the renderer's cache) and put in the built pages (chart_inline.py). The caller closes
    `charts` when done with them; on an error here they are stopped."""
    env = environment()
    charts.prepare([fig.chart for page in pages for fig in page.figures if fig.chart])
    try:
        names = {p.path: p.title for p in pages}
        out: dict[str, str] = {}
        downloads: dict[str, str | bytes] = {}
        for page in sorted(pages, key=lambda p: bool(p.figures)):
            svgs = {}
            for fig in page.figures:
                if f"{fig.id}.csv" in downloads:
                    raise ValueError(f"two figures have the id {fig.id}")
                if fig.chart:
                    svgs[fig.id] = Markup(charts.placeholder(fig.chart, fig.id))
                downloads.update(open_data.downloads(fig, cite))
            template = env.get_template(page.template)
            text = template.render(page=page.context, title=page.title, ln=Links(page.path, names), charts=svgs,
                                   downloads=DOWNLOADS, **common)
            out[page.path] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    except BaseException:
        charts.close(keep=False)
        raise
    return Rendered(out, downloads)


@dataclass(frozen=True)
class WriteResult:
    written: list[str]
    unchanged: list[str]
    removed: list[str]


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---\n") and MARKER in head.split("\n---", 1)[0]


def _write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write atomically, and only if the bytes differ (so unchanged files keep their dates)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def write_feed(path: Path, text: str) -> bool:
    """The Atom feed (feed.py), beside the pages: MkDocs copies it as it is."""
    return _write_if_changed(path, text)


def write_downloads(content_dir: Path, files: dict[str, str | bytes], folder_name: str = DOWNLOADS) -> WriteResult:
    """content/downloads/ (and content/api/) belong to the generator: write changed files (paths relative to
    the folder), delete every other file there."""
    folder = content_dir / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    written, unchanged, removed = [], [], []
    for name, text in sorted(files.items()):
        (written if _write_if_changed(folder / name, text) else unchanged).append(name)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.relative_to(folder).as_posix() not in files:
            path.unlink()
            removed.append(path.relative_to(folder).as_posix())
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    return WriteResult(written, unchanged, removed)


def write(content_dir: Path, pages: dict[str, str]) -> WriteResult:
    written, unchanged, removed = [], [], []
    for rel, text in sorted(pages.items()):
        if not text.startswith("---\n" + MARKER):
            raise ValueError(f"{rel}: a generated page must start with the front matter marker")
        path = content_dir / rel
        if path.exists() and not is_generated(path):
            raise FileExistsError(t("{path}: a hand-written page is in the way of a generated one; rename or "
                                    "remove it", path=str(path)))
        (written if _write_if_changed(path, text) else unchanged).append(rel)
    for path in sorted(content_dir.rglob("*.md")):
        rel = path.relative_to(content_dir).as_posix()
        if rel not in pages and is_generated(path):
            path.unlink()
            removed.append(rel)
    for folder in sorted((p for p in content_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return WriteResult(written, unchanged, removed)
