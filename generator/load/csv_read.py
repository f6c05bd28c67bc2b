"""CSV files into columnar `Table`s (raw.py), each row remembering its line; used by load/files.py.

Plain files (no quotes, every row as wide as the header: what the portal's own scripts and most exports
write) are read by pandas' C parser, in chunks; any other file by Python's csv module, which also names
each faulty row. Both give the same table. A file whose columns are separated by «;» (Excel with a Persian
or European regional setting) is named as such.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from generator.lang.messages import t
from generator.load.raw import Table, decode, read_bytes
from generator.model.problems import Problem

CHUNK_ROWS = 250_000  # rows of a CSV file read at a time
CELL_LIMIT = 131_072  # characters in one cell: the csv module's default


def load_csv(path: Path, rel: str) -> tuple[Table | None, list[Problem]]:
    """A CSV file as a `Table`, column by column. The header is line 1; each row keeps its start line.

    Plain files (no quotes, every row as wide as the header: what the portal's own scripts and most
    exports write) are read by pandas' C parser; any other file by Python's csv module, which also names
    each faulty row. Both give the same table."""
    problems: list[Problem] = []
    data = read_bytes(path, rel, problems)
    if data is None:
        return None, problems
    header = data.split(b"\n", 1)[0]
    if b";" in header and b"," not in header:
        problems.append(Problem(rel, 1, "", "csv-header", t("the columns are separated by «;», not by commas "
                                                           "(Excel with a Persian or European regional setting "
                                                           "writes such files)"),
                                t("save it again as «CSV UTF-8 (Comma delimited)», or set the list separator to "
                                  "«,» in the regional settings; numbers keep no decimal comma: 12,5 → 12.5")))
        return None, problems
    try:
        table = _plain_table(data)  # decodes as it reads, strictly: a bad byte raises
    except UnicodeDecodeError:
        table = None
    if table is not None:
        return table, problems
    text = decode(data, rel, problems)
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
    # the portal's own limit, whatever another library set (the csv module has one, for the process): a
    # cell longer than this is not one staff typed but a quote never closed, swallowing the rest of the file
    csv.field_size_limit(CELL_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(rel, 0, "", "file-empty", t("the file is empty"),
                                t("the first line must name the columns")))
        return None
    header = [h.strip() for h in header]
    while header and header[-1] == "":
        header.pop()  # trailing empty columns, as spreadsheets write them
    seen: set[str] = set()
    for name in header:
        if name in seen or name == "":
            problems.append(Problem(rel, 1, name, "csv-header",
                                    t("column «{name}» is empty or repeated in the header", name=name),
                                    t("give every column one unique name")))
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
                                    t("the row has {cells} cells but the header has {columns}", cells=len(cells),
                                      columns=len(header)),
                                    t("give every row one cell per column; quote cells that contain commas")))
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
                                t("the file cannot be read from here on ({detail}): a quote (\") opens a cell "
                                  "that is never closed", detail=exc),
                                t("close the quote, or remove it; quote a whole cell only when it contains a "
                                  "comma")))


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
