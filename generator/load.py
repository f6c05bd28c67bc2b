"""Stage 1, load: read every data file into a tree of `Node`s that remember their line.

Nothing is interpreted here: every scalar stays the text the file holds (YAML's implicit typing is off, so
`1400-05-27` is not turned into a Gregorian date and `no` is not turned into False). The schema decides
what each value means, in the validate stage. Problems that stop a file being read at all (bad encoding,
broken YAML, aliases, duplicate keys, ragged CSV rows) are returned as `Problem`s with their line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

# The kinds of data file, where they live under data/, and whether there is one file or a folder of them.
# The schema of each kind is in schema.py under the same name.
FILE_KINDS: dict[str, str] = {
    "site": "site.yaml",
    "programmes": "programmes.yaml",
    "indicators": "indicators.yaml",
    "meetings": "meetings/*.yaml",
    "deliveries": "deliveries/*.csv",
    "centres": "centres/*.csv",
    "provinces": "reference/provinces.csv",
    "province_aliases": "reference/province_aliases.csv",
    "counties": "reference/counties.csv",
}
REQUIRED_KINDS = ("site", "programmes", "indicators", "provinces", "counties", "province_aliases")


@dataclass(slots=True)
class Node:
    """A value read from a file: text, a mapping of Nodes or a list of Nodes, and the line it starts on."""

    value: str | dict[str, Node] | list[Node]
    line: int
    columns: list[str] | None = None  # a CSV file's header, on its root node

    @property
    def is_empty(self) -> bool:
        return isinstance(self.value, str) and self.value.strip() == ""


@dataclass
class RawFile:
    kind: str
    path: str  # relative to the project root, forward slashes
    root: Node | None  # None when the file could not be read


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
        if node.style is None and text in _NULLS:
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


def _read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 0, "", "file-unreadable", f"cannot read the file ({exc.strerror})",
                                "check that the file exists and is readable"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "", "file-unreadable", "the file is not UTF-8 text",
                                "save it as UTF-8 (in Excel: Save As → 'CSV UTF-8'; in an editor: "
                                "encoding UTF-8)"))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml(path: Path, rel: str) -> tuple[Node | None, list[Problem]]:
    problems: list[Problem] = []
    text = _read_text(path, rel, problems)
    if text is None:
        return None, problems
    try:
        composed = yaml.compose(text, Loader=_Loader)
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


def load_csv(path: Path, rel: str) -> tuple[Node | None, list[Problem]]:
    """A CSV file as a list of row mappings. The header is line 1; each row's Node carries its line."""
    problems: list[Problem] = []
    text = _read_text(path, rel, problems)
    if text is None:
        return None, problems
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(rel, 0, "", "file-empty", "the file is empty",
                                "the first line must name the columns"))
        return None, problems
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
    rows: list[Node] = []
    start = reader.line_num + 1
    for cells in reader:
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
        rows.append(Node({h: Node(c, line) for h, c in zip(header, cells, strict=True)}, line))
    return Node(rows, 1, columns=header), problems


def load(data_dir: Path, root_dir: Path) -> RawData:
    """Read every data file under `data_dir`. Paths in problems are relative to `root_dir`."""
    raw = RawData()
    for kind, pattern in FILE_KINDS.items():
        paths = sorted(data_dir.glob(pattern))
        if not paths and kind in REQUIRED_KINDS:
            rel = _rel(data_dir / pattern, root_dir)
            raw.problems.append(Problem(rel, 0, "", "file-unreadable", "the file is missing",
                                        "restore it from git, or create it as docs/schema.md describes"))
        for path in paths:
            rel = _rel(path, root_dir)
            reader = load_csv if path.suffix == ".csv" else load_yaml
            node, problems = reader(path, rel)
            raw.files.append(RawFile(kind, rel, node))
            raw.problems.extend(problems)
    return raw


def _rel(path: Path, root_dir: Path) -> str:
    try:
        return path.resolve().relative_to(root_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
