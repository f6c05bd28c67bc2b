"""Stage 1, load: read every YAML file into a tree of `Node`s that remember their line, every CSV file
into a columnar `Table` that remembers each row's line.

Nothing is interpreted here: every scalar stays the text the file holds (YAML's implicit typing is off, so
`1400-05-27` is not turned into a Gregorian date and `no` is not turned into False). The schema decides
what each value means, in the validate stage. Problems that stop a file being read at all (bad encoding,
broken YAML, aliases, duplicate keys, ragged CSV rows) are returned as `Problem`s with their line.
"""

from __future__ import annotations

import codecs
import csv
import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from pandas.api.types import union_categoricals

from .problems import Problem

# The kinds of data file, where they live under data/, and whether there is one file or a folder of them.
# The schema of each kind is in schema.py under the same name.
FILE_KINDS: dict[str, str] = {
    "site": "site.yaml",
    "programmes": "programmes.yaml",
    "indicators": "indicators.yaml",
    "meetings": "meetings/*.yaml",
    "revisions": "revisions.yaml",
    "deliveries": "deliveries/*.csv",
    "centres": "centres/*.csv",
    "registers": "registers/*.csv",
    "provinces": "reference/provinces.csv",
    "province_aliases": "reference/province_aliases.csv",
    "counties": "reference/counties.csv",
}
CHUNK_ROWS = 250_000  # rows of a CSV file read at a time
REQUIRED_KINDS = ("site", "programmes", "indicators", "provinces", "counties", "province_aliases")


@dataclass(slots=True)
class Node:
    """A value read from a file: text, a mapping of Nodes or a list of Nodes, and the line it starts on."""

    value: str | dict[str, Node] | list[Node]
    line: int

    @property
    def is_empty(self) -> bool:
        return isinstance(self.value, str) and self.value.strip() == ""


@dataclass(slots=True)
class Table:
    """A CSV file, column by column: each column a pandas Categorical (each distinct text once, and one
    small integer per row), and the line each row starts on. A million rows of repeated names, dates and
    ids take a few bytes a cell, and every later check reads each distinct text once."""

    columns: list[str]  # the header, in file order
    cells: dict[str, pd.Categorical]
    lines: np.ndarray  # int64: the line each row starts on

    def __len__(self) -> int:
        return len(self.lines)


@dataclass
class RawFile:
    kind: str
    path: str  # relative to the project root, forward slashes
    root: Node | Table | None  # a Table for a CSV file; None when the file could not be read


@dataclass
class RawData:
    files: list[RawFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[RawFile]:
        return [f for f in self.files if f.kind == kind and f.root is not None]


class _Loader(yaml.SafeLoader):
    """Composes YAML into nodes; refuses aliases (a billion-laughs bomb is made of them)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasFound(event.start_mark.line + 1)
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    def __init__(self, line: int):
        self.line = line


_NULLS = {"~", "null", "Null", "NULL"}


def _to_node(node: yaml.Node, rel: str, problems: list[Problem], where: str = "") -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        text = node.value
        if not node.style and text in _NULLS:  # plain (PyYAML says None, libyaml "")
            text = ""
        return Node(text, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_to_node(v, rel, problems, f"{where}[{i}]") for i, v in enumerate(node.value)], line)
    mapping: dict[str, Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
        key_line = key_node.start_mark.line + 1
        name = f"{where}.{key}" if where else key
        if key in mapping:
            problems.append(Problem(
                rel, key_line, name, "duplicate-key",
                f"key «{key}» appears twice in this mapping (first on line {mapping[key].line})",
                "keep one of the two and delete the other"))
            continue
        child = _to_node(value_node, rel, problems, name)
        if isinstance(child.value, str):
            child.line = key_line  # a scalar is reported on its key's line
        mapping[key] = child
    return Node(mapping, line)


MAX_FILE_BYTES = 256 << 20  # one data file; a national year of deliveries is about 20 MB


def _read_bytes(path: Path, rel: str, problems: list[Problem]) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(rel, 0, "", "file-unreadable",
                                    f"the file is too large ({size >> 20} MB; at most {MAX_FILE_BYTES >> 20} MB "
                                    "per file)", "split it into several files, e.g. one per Jalali year "
                                    "(deliveries/1400.csv, deliveries/1401.csv)"))
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 0, "", "file-unreadable", f"cannot read the file ({exc.strerror})",
                                "check that the file exists and is readable"))
        return None


def _encoding_of(data: bytes) -> str:
    """What a file that is not UTF-8 most likely is, for the message."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data[:200].count(b"\x00") > 20:
        return "UTF-16 (Excel's «Unicode Text»)"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return "not UTF-8"
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return "Windows-1256 (Arabic Windows, older Excel)"
    return "not UTF-8"


def _decode(data: bytes, rel: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        kind = _encoding_of(data)
        found = "the file is not UTF-8 text" + ("" if kind == "not UTF-8" else f": it looks like {kind}")
        problems.append(Problem(rel, 1 if kind.startswith("UTF-16") else line, "", "file-unreadable", found,
                                "save it as UTF-8 (in Excel: Save As → «CSV UTF-8 (Comma delimited)»; in an "
                                "editor: encoding UTF-8)"))
        return None


def _read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    data = _read_bytes(path, rel, problems)
    text = None if data is None else _decode(data, rel, problems)
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


_CLoader = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it (its wheels are)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree, refusing aliases before anything is expanded. With libyaml: one pass over the
    events to find an alias, then libyaml composes (ten times faster than PyYAML's own parser, which
    matters with years of weekly meeting files)."""
    if _CLoader is None:
        return yaml.compose(text, Loader=_Loader)
    for event in yaml.parse(text, Loader=_CLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _AliasFound(event.start_mark.line + 1)
    return yaml.compose(text, Loader=_CLoader)


def load_yaml(path: Path, rel: str) -> tuple[Node | None, list[Problem]]:
    problems: list[Problem] = []
    text = _read_text(path, rel, problems)
    if text is None:
        return None, problems
    try:
        composed = _compose(text)
    except _AliasFound as exc:
        problems.append(Problem(rel, exc.line, "", "yaml-alias", "YAML aliases (*name) are not allowed here",
                                "write the value out in full instead of referring to an anchor"))
        return None, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        detail = exc.problem or "malformed YAML"
        hint = "indent with spaces, never tabs" if "\t" in text else "check indentation, colons and quotes"
        problems.append(Problem(rel, line, "", "yaml-syntax", f"the YAML cannot be read: {detail}", hint))
        return None, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, 0, "", "yaml-syntax", f"the YAML cannot be read: {exc}",
                                "check indentation, colons and quotes"))
        return None, problems
    if composed is None:
        problems.append(Problem(rel, 0, "", "file-empty", "the file is empty",
                                "fill it in, or delete it if it is not needed"))
        return None, problems
    return _to_node(composed, rel, problems), problems


def load_csv(path: Path, rel: str) -> tuple[Table | None, list[Problem]]:
    """A CSV file as a `Table`, column by column. The header is line 1; each row keeps its start line.

    Plain files (no quotes, every row as wide as the header: what the portal's own scripts and most
    exports write) are read by pandas' C parser; any other file by Python's csv module, which also names
    each faulty row. Both give the same table."""
    problems: list[Problem] = []
    data = _read_bytes(path, rel, problems)
    if data is None:
        return None, problems
    header = data.split(b"\n", 1)[0]
    if b";" in header and b"," not in header:
        problems.append(Problem(rel, 1, "", "csv-header", "the columns are separated by «;», not by commas (Excel "
                                "with a Persian or European regional setting writes such files)",
                                "save it again as «CSV UTF-8 (Comma delimited)», or set the list separator to "
                                "«,» in the regional settings; numbers keep no decimal comma: 12,5 → 12.5"))
        return None, problems
    try:
        table = _plain_table(data)  # decodes as it reads, strictly: a bad byte raises
    except UnicodeDecodeError:
        table = None
    if table is not None:
        return table, problems
    text = _decode(data, rel, problems)
    if text is None:
        return None, problems
    return _table(text.replace("\r\n", "\n").replace("\r", "\n"), rel, problems), problems


def _plain_table(data: bytes) -> Table | None:
    """The fast path, or None when the file needs the careful one (quotes, ragged rows, odd header)."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    if b'"' in body or not body.strip():
        return None
    if b"\r" in body:
        if body.count(b"\r") != body.count(b"\r\n"):
            return None
        body = body.replace(b"\r\n", b"\n")
    arr = np.frombuffer(body, dtype=np.uint8)
    breaks = np.flatnonzero(arr == 10)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(arr)]))
    header = body[: ends[0]].decode("utf-8").split(",")
    names = [h.strip() for h in header]
    if len(names) < 2 or "" in names or len(set(names)) != len(names):
        return None
    commas = np.flatnonzero(arr == 44)
    per_line = np.searchsorted(commas, ends) - np.searchsorted(commas, starts)
    filled = ends > starts
    filled[0] = False
    if np.any(per_line[filled] != len(names) - 1):
        return None  # a ragged row, or a line of spaces: the careful path names it
    lines = (np.flatnonzero(filled) + 1).astype(np.int64)
    if not len(lines):
        return Table(names, {n: pd.Categorical([]) for n in names}, lines)
    # in chunks: a chunk's texts become Python strings only until its columns are categorical (a register
    # of millions of rows would otherwise hold every cell as a string at once)
    chunks: dict[str, list[pd.Categorical]] = {n: [] for n in names}
    for frame in pd.read_csv(io.BytesIO(body), dtype=object, keep_default_na=False, na_filter=False,
                             engine="c", header=0, names=names, skip_blank_lines=True, chunksize=CHUNK_ROWS):
        for n in names:
            chunks[n].append(pd.Categorical(frame[n]))  # texts stay texts: "007" is not 7
    cells = {n: parts[0] if len(parts) == 1 else union_categoricals(parts) for n, parts in chunks.items()}
    return _drop_empty_rows(Table(names, cells, lines))


def _table(text: str, rel: str, problems: list[Problem]) -> Table | None:
    """The careful path: Python's csv module, which follows quotes across lines and names ragged rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(rel, 0, "", "file-empty", "the file is empty",
                                "the first line must name the columns"))
        return None
    header = [h.strip() for h in header]
    while header and header[-1] == "":
        header.pop()  # trailing empty columns, as spreadsheets write them
    seen: set[str] = set()
    for name in header:
        if name in seen or name == "":
            problems.append(Problem(rel, 1, name, "csv-header",
                                    f"column «{name}» is empty or repeated in the header",
                                    "give every column one unique name"))
        seen.add(name)
    columns: list[list[str]] = [[] for _ in header]
    lines: list[int] = []
    start = reader.line_num + 1
    for cells in _rows(reader, rel, problems):
        line = start
        start = reader.line_num + 1
        while cells and cells[-1].strip() == "" and len(cells) > len(header):
            cells.pop()
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            problems.append(Problem(rel, line, "", "csv-row-length",
                                    f"the row has {len(cells)} cells but the header has {len(header)}",
                                    "give every row one cell per column; quote cells that contain commas"))
            continue
        lines.append(line)
        for column, cell in zip(columns, cells, strict=True):
            column.append(cell)
    # a repeated column name keeps its first column, as a mapping of the row would keep its last; either
    # way the header problem above stops the file
    cells_by_name: dict[str, pd.Categorical] = {}
    for name, column in zip(header, columns, strict=True):
        cells_by_name.setdefault(name, pd.Categorical(column))
    return Table(header, cells_by_name, np.asarray(lines, dtype=np.int64))


def _rows(reader, rel: str, problems: list[Problem]):
    """The reader's rows; a quote that is never closed makes the rest of the file one cell: say where."""
    try:
        yield from reader
    except csv.Error as exc:
        problems.append(Problem(rel, reader.line_num, "", "csv-row-length",
                                f"the file cannot be read from here on ({exc}): a quote (\") opens a cell "
                                "that is never closed", "close the quote, or remove it; quote a whole cell "
                                "only when it contains a comma"))


def _drop_empty_rows(table: Table) -> Table:
    """Rows whose every cell is blank (`,,,`) are blank lines, as the careful path treats them."""
    blank = np.ones(len(table), dtype=bool)
    for cat in table.cells.values():
        empty = np.array([c.strip() == "" for c in cat.categories], dtype=bool)
        blank &= empty[cat.codes] if len(empty) else True
    if not blank.any():
        return table
    keep = ~blank
    return Table(table.columns, {n: c[keep].remove_unused_categories() for n, c in table.cells.items()},
                 table.lines[keep])


PARALLEL_BYTES = 8 << 20  # files this large are read in a second process when there are two or more


def load(data_dir: Path, root_dir: Path) -> RawData:
    """Read every data file under `data_dir`. Paths in problems are relative to `root_dir`."""
    raw = RawData()
    todo: list[tuple[str, Path, str]] = []
    for kind, pattern in FILE_KINDS.items():
        paths = sorted(data_dir.glob(pattern))
        if not paths and kind in REQUIRED_KINDS:
            rel = _rel(data_dir / pattern, root_dir)
            raw.problems.append(Problem(rel, 0, "", "file-unreadable", "the file is missing",
                                        "restore it from git, or create it as docs/schema.md describes"))
        todo += [(kind, path, _rel(path, root_dir)) for path in paths]
    read = _read_large([(path, rel) for _, path, rel in todo if path.suffix == ".csv"])
    for kind, path, rel in todo:
        reader = load_csv if path.suffix == ".csv" else load_yaml
        node, problems = read.pop(rel) if rel in read else reader(path, rel)
        raw.files.append(RawFile(kind, rel, node))
        raw.problems.extend(problems)
    return raw


def _read_large(files: list[tuple[Path, str]]) -> dict[str, tuple[Table | None, list[Problem]]]:
    """The large CSV files (a national build's deliveries: six files of 20 MB), read on two cores: a
    worker reads every other one while this process reads the rest. The same tables as reading them here."""
    large = sorted(((p, r) for p, r in files if _size(p) >= PARALLEL_BYTES), key=lambda f: -_size(f[0]))
    if len(large) < 2 or _cpus() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    theirs, mine = large[0::2], large[1::2]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        future = pool.submit(_load_all, theirs)
        done = dict(_load_all(mine))
        done.update(future.result())
    return done


def _load_all(files: list[tuple[Path, str]]) -> list[tuple[str, tuple[Table | None, list[Problem]]]]:
    return [(rel, load_csv(path, rel)) for path, rel in files]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read in order, where the error is reported


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _rel(path: Path, root_dir: Path) -> str:
    try:
        return path.resolve().relative_to(root_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
