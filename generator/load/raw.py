"""The data as read from the files, before any meaning is given to it (load/files.py reads YAML into `Node`s,
csv_read.py reads CSV into `Table`s), and the reading of a file's bytes and text, with the problems that
stop a file being read at all: too large, not UTF-8 (UTF-16 and Windows-1256 named as such).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from generator.lang.messages import t
from generator.model.problems import Problem


@dataclass(slots=True)
class Node:
    """A value read from a file: text, a mapping of Nodes or a list of Nodes, and the line it starts on."""

    value: str | dict[str, Node] | list[Node]
    line: int
    # written as a quoted empty value ("" or ''): a blank left to fill in (the new-meeting scaffold writes
    # them), never an answer; a field that does not apply is left out instead
    unfilled: bool = False

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
    # the province boundaries (data/reference/provinces.topo.json) as read; None when missing or unreadable
    boundaries: dict | None = None

    def of_kind(self, kind: str) -> list[RawFile]:
        return [f for f in self.files if f.kind == kind and f.root is not None]


# one data file: a national year of deliveries (430 counties, 52 weeks, 12 programmes) is about 20 MB; a file
# larger than this is refused before a byte of it is read
MAX_FILE_BYTES = 64 << 20


def read_bytes(path: Path, rel: str, problems: list[Problem]) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(rel, 0, "", "file-unreadable",
                                    t("the file is too large ({size} MB; at most {limit} MB per file); it was "
                                      "not read", size=-(-size // 2**20), limit=MAX_FILE_BYTES >> 20),
                                    t("split it into several files, e.g. one per Jalali year "
                                      "(deliveries/1400.csv, deliveries/1401.csv)")))
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 0, "", "file-unreadable", t("cannot read the file ({reason})",
                                                                   reason=exc.strerror),
                                t("check that the file exists and is readable")))
        return None


NOT_UTF8 = "not UTF-8"


def encoding_of(data: bytes) -> str:
    """What a file that is not UTF-8 most likely is, for the message."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data[:200].count(b"\x00") > 20:
        return t("UTF-16 (Excel's «Unicode Text»)")
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return NOT_UTF8
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return t("Windows-1256 (Arabic Windows, older Excel)")
    return NOT_UTF8


def decode(data: bytes, rel: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        kind = encoding_of(data)
        found = t("the file is not UTF-8 text") if kind == NOT_UTF8 else t(
            "the file is not UTF-8 text: it looks like {kind}", kind=kind)
        problems.append(Problem(rel, 1 if kind.startswith("UTF-16") else line, "", "file-unreadable", found,
                                t("save it as UTF-8 (in Excel: Save As → «CSV UTF-8 (Comma delimited)»; in an "
                                  "editor: encoding UTF-8)")))
        return None


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    data = read_bytes(path, rel, problems)
    text = None if data is None else decode(data, rel, problems)
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")
