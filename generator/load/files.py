"""Load: read every YAML file into a tree of `Node`s that remember their line, every CSV file
into a columnar `Table` that remembers each row's line.

Nothing is interpreted here: every scalar stays the text the file holds (YAML's implicit typing is off, so
`1400-05-27` is not turned into a Gregorian date and `no` is not turned into False). The schema decides
what each value means, in the validate stage. Problems that stop a file being read at all (bad encoding,
broken YAML, aliases, duplicate keys, ragged CSV rows) are returned as `Problem`s with their line.

This module reads YAML and decides which files there are; csv_read.py reads CSV; raw.py holds what both
return and the reading of a file's bytes and text.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.lang.messages import t
from generator.load.csv_read import load_csv
from generator.load.raw import Node, RawData, RawFile, Table, read_text
from generator.model.problems import Problem
from generator.model.reuse import Reuse

# The kinds of data file, where they live under data/, and whether there is one file or a folder of them.
# The schema of each kind is in schema/files.py under the same name.
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
REQUIRED_KINDS = ("site", "programmes", "indicators", "provinces", "counties", "province_aliases")


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
        return Node(text, line, unfilled=node.style in ("'", '"') and text.strip() == "")
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
                t("key «{key}» appears twice in this mapping (first on line {first})", key=key,
                  first=mapping[key].line),
                t("keep one of the two and delete the other")))
            continue
        child = _to_node(value_node, rel, problems, name)
        if isinstance(child.value, str):
            child.line = key_line  # a scalar is reported on its key's line
        mapping[key] = child
    return Node(mapping, line)


_CLoader = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it (its wheels are)


class _TagFound(Exception):
    def __init__(self, line: int, tag: str):
        self.line, self.tag = line, tag


_TAGGED = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree, refusing aliases and tags before anything is expanded or typed: one pass over the
    events, then the tree (libyaml's, when PyYAML has it: ten times faster than PyYAML's own parser, which
    matters with years of weekly meeting files)."""
    loader = _CLoader or _Loader
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise _AliasFound(event.start_mark.line + 1)
        if isinstance(event, _TAGGED) and event.tag is not None:
            raise _TagFound(event.start_mark.line + 1, event.tag.replace("tag:yaml.org,2002:", "!!"))
    return yaml.compose(text, Loader=loader)


def load_yaml(path: Path, rel: str) -> tuple[Node | None, list[Problem]]:
    problems: list[Problem] = []
    text = read_text(path, rel, problems)
    if text is None:
        return None, problems
    try:
        composed = _compose(text)
    except _AliasFound as exc:
        problems.append(Problem(rel, exc.line, "", "yaml-alias", t("YAML aliases (*name) are not allowed here"),
                                t("write the value out in full instead of referring to an anchor")))
        return None, problems
    except _TagFound as exc:
        problems.append(Problem(rel, exc.line, "", "yaml-tag",
                                t("a YAML tag («{tag}») is not allowed: a data file holds plain values", tag=exc.tag),
                                t("remove the tag and write the value as it is, e.g. «quantity: 200»")))
        return None, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        detail = exc.problem or "malformed YAML"
        hint = t("indent with spaces, never tabs") if "\t" in text else t("check indentation, colons and quotes")
        problems.append(Problem(rel, line, "", "yaml-syntax", t("the YAML cannot be read: {detail}", detail=detail),
                                hint))
        return None, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, 0, "", "yaml-syntax", t("the YAML cannot be read: {detail}", detail=exc),
                                t("check indentation, colons and quotes")))
        return None, problems
    if composed is None:
        problems.append(Problem(rel, 0, "", "file-empty", t("the file is empty"),
                                t("fill it in, or delete it if it is not needed")))
        return None, problems
    return _to_node(composed, rel, problems), problems


def _at(doc, *keys):
    """doc[k1][k2]… when each level is a mapping that has the key; None otherwise."""
    for key in keys:
        if not isinstance(doc, dict):
            return None
        doc = doc.get(key)
    return doc


PARALLEL_BYTES = 8 << 20  # files this large are read in a second process when there are two or more


@dataclass
class FileMemo:
    """What `load` read from each file, with the file's size, times and inode then: given to `load` again,
    a file whose stat is the same is not read again (the live preview, which loads after every save, reads
    only the file saved). Safe because no stage changes what was read: validation reads the Tables and
    Nodes and builds the Dataset anew. Owned by the process that keeps it (preview/serve.py)."""

    read: dict[str, tuple[tuple[int, ...], Node | Table | dict | None, list[Problem]]] = field(default_factory=dict)
    # what the later stages made of what was read (validation's frames, the sums): while `load` hands out the
    # same tables again, they are reused (model/reuse.py)
    derived: Reuse = field(default_factory=Reuse)

    @staticmethod
    def stamp(path: Path) -> tuple[int, ...] | None:
        try:
            st = path.stat()
        except OSError:
            return None  # read (and reported) as if new
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)

    def get(self, rel: str, stamp: tuple[int, ...] | None):
        """(what was read, its problems) if the file's `stamp` is the one it had then; None otherwise."""
        kept = self.read.get(rel)
        return kept[1:] if kept is not None and stamp is not None and kept[0] == stamp else None

    def keep(self, rel: str, stamp: tuple[int, ...] | None, node, problems: list[Problem]) -> None:
        """Keep what was read from a file whose stamp was `stamp` before it was read (a save while it was
        being read gives it another stamp, so it is read again next time)."""
        if stamp is not None:
            self.read[rel] = (stamp, node, list(problems))
        else:
            self.read.pop(rel, None)


def load(data_dir: Path, root_dir: Path, memo: FileMemo | None = None) -> RawData:
    """Read every data file under `data_dir`. Paths in problems are relative to `root_dir`. `memo`: what an
    earlier load read, for the files unchanged since (and it keeps what this one reads)."""
    raw = RawData()
    todo: list[tuple[str, Path, str]] = []
    for kind, pattern in FILE_KINDS.items():
        paths = sorted(data_dir.glob(pattern))
        if not paths and kind in REQUIRED_KINDS:
            rel = _rel(data_dir / pattern, root_dir)
            raw.problems.append(Problem(rel, 0, "", "file-unreadable", t("the file is missing"),
                                        t("restore it from git, or create it as docs/schema.md describes")))
        todo += [(kind, path, _rel(path, root_dir)) for path in paths]
    # each file's stamp before it is read (the large ones are read together, ahead of the others)
    stamps = {rel: FileMemo.stamp(path) for _, path, rel in todo} if memo is not None else {}
    kept = {rel for rel in stamps if memo.get(rel, stamps[rel]) is not None}
    read = _read_large([(path, rel) for _, path, rel in todo if path.suffix == ".csv" and rel not in kept])
    for kind, path, rel in todo:
        reader = load_csv if path.suffix == ".csv" else load_yaml
        node, problems = _through(memo, rel, stamps.get(rel),
                                  lambda: read.pop(rel) if rel in read else reader(path, rel))  # noqa: B023
        raw.files.append(RawFile(kind, rel, node))
        raw.problems.extend(problems)
    path, rel = data_dir / BOUNDARIES, _rel(data_dir / BOUNDARIES, root_dir)
    raw.boundaries, problems = _through(memo, rel, FileMemo.stamp(path) if memo is not None else None,
                                        lambda: _boundaries(path, rel))
    raw.problems.extend(problems)
    if memo is not None:  # files gone since are forgotten
        for gone in set(memo.read) - {rel for _, _, rel in todo} - {rel}:
            del memo.read[gone]
    return raw


def _through(memo: FileMemo | None, rel: str, stamp: tuple[int, ...] | None, read):
    """What `read()` gives for the file `rel` ((what was read, its problems)), or what `memo` kept of it
    while its stamp is the same; `memo` keeps what is read now."""
    found = memo.get(rel, stamp) if memo is not None else None
    if found is None:
        found = read()
        if memo is not None:
            memo.keep(rel, stamp, *found)
    return found


BOUNDARIES = "reference/provinces.topo.json"  # the provinces' boundaries, for the map (TopoJSON)


def _boundaries(path: Path, rel: str) -> tuple[dict | None, list[Problem]]:
    problems: list[Problem] = []
    return load_boundaries(path, rel, problems), problems


def load_boundaries(path: Path, rel: str, problems: list[Problem]) -> dict | None:
    """The boundaries as TopoJSON: an object `provinces` whose geometries are ids (ISO codes) with arcs. What
    they say about the provinces is checked with the other reference files (validate/rules/references.py)."""
    if not path.is_file():
        problems.append(Problem(rel, 0, "", "file-unreadable", t("the file is missing"),
                                t("restore it from git (it is reference data, with its notice)")))
        return None
    text = read_text(path, rel, problems)
    if text is None:
        return None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(rel, exc.lineno, "", "file-unreadable",
                                t("the boundaries cannot be read as JSON: {detail}", detail=exc.msg),
                                t("restore the file from git: it is reference data, not edited by hand")))
        return None
    geometries = _at(doc, "objects", "provinces", "geometries")
    if (not isinstance(geometries, list) or not isinstance(_at(doc, "arcs"), list)
            or not all(isinstance(g, dict) and isinstance(g.get("id"), str)
                       and isinstance(g.get("properties", {}), dict) for g in geometries)):
        problems.append(Problem(rel, 0, "", "wrong-type",
                                t("the boundaries are not TopoJSON with an object «provinces» of geometries, each "
                                  "with its ISO code as id"),
                                t("restore the file from git: it is reference data, not edited by hand")))
        return None
    if not _points(doc["arcs"]) or not _transform_ok(doc.get("transform")):
        problems.append(Problem(rel, 0, "arcs", "wrong-type",
                                t("the boundaries' arcs or transform are not TopoJSON's (lists of points; a scale "
                                  "and a translation of two numbers each)"),
                                t("restore the file from git: it is reference data, not edited by hand")))
        return None
    for i, g in enumerate(geometries):
        if not _arcs_fit(g, len(doc["arcs"])):
            problems.append(Problem(rel, 0, f"objects.provinces.geometries[{i}]", "wrong-type",
                                    t("the boundary «{code}» is not a polygon of the file's arcs", code=g["id"]),
                                    t("restore the file from git: it is reference data, not edited by hand")))
            return None
    return doc


def _number(x) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _points(arcs: list) -> bool:
    return all(isinstance(a, list) and a and all(isinstance(p, list) and len(p) >= 2 and all(map(_number, p))
                                                 for p in a) for a in arcs)


def _transform_ok(transform) -> bool:
    if transform is None:
        return True
    return isinstance(transform, dict) and all(
        isinstance(transform.get(k), list) and len(transform[k]) == 2 and all(map(_number, transform[k]))
        for k in ("scale", "translate"))


def _arcs_fit(geometry: dict, arcs: int) -> bool:
    """A Polygon or MultiPolygon whose rings are lists of indices of existing arcs (~i for arc i reversed)."""
    if geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return False
    depth = 2 if geometry["type"] == "Polygon" else 3

    def fits(node, level: int) -> bool:
        if level == 0:
            return isinstance(node, int) and not isinstance(node, bool) and -arcs <= node < arcs
        return isinstance(node, list) and bool(node) and all(fits(n, level - 1) for n in node)

    return fits(geometry.get("arcs"), depth)


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
