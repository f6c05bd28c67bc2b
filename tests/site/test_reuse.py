"""The live preview keeps what its stages made of the large tables (model/reuse.py, through load's FileMemo):
after every kind of edit, what it checks, sums and protects with the memo is what a fresh run gives, and
an edit that leaves the large tables alone reuses their work."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from generator import pipeline
from generator.load.files import FileMemo
from generator.model.problems import DataProblems
from generator.model.reuse import Reuse, reused


def _same(a, b, where: str = "") -> None:
    """Asserts that a and b are equal all the way down (frames by value, their types too)."""
    if isinstance(a, pd.DataFrame):
        assert isinstance(b, pd.DataFrame) and list(a.columns) == list(b.columns), where
        assert all(a[c].dtype == b[c].dtype for c in a.columns) and a.equals(b), where
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, (list, tuple)):
        assert type(a) is type(b) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k!r}]")
    else:
        assert a == b, where


def _outcome(project: pipeline.Project, memo: FileMemo | None):
    """What the stages up to protection give: (checked, aggregates, publication), or the problems."""
    try:
        return pipeline.summarise(project, previous=None, memo=memo)
    except DataProblems as exc:
        return [p.format() for p in exc.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _edits(data: Path) -> list[tuple[str, object]]:
    """(what, how): edits of every kind, applied one after another."""
    meetings = sorted((data / "meetings").glob("*.yaml"))
    deliveries = data / "deliveries" / "synthetic.csv"
    registers = data / "registers" / "synthetic.csv"
    first_delivery = deliveries.read_text(encoding="utf-8").splitlines()[1]
    first_register = registers.read_text(encoding="utf-8").splitlines()[1]
    later = meetings[-1].with_name("1400-08-05.yaml")

    def new_meeting() -> None:
        text = meetings[-1].read_text(encoding="utf-8").replace(meetings[-1].stem, later.stem)
        later.write_text(text, encoding="utf-8")

    def duplicate_delivery() -> None:
        with deliveries.open("a", encoding="utf-8") as f:
            f.write(first_delivery + "\n")

    def mend() -> None:
        text = deliveries.read_text(encoding="utf-8")
        deliveries.write_text(text.removesuffix(first_delivery + "\n"), encoding="utf-8")

    return [
        ("a meeting's summary", lambda: _edit(meetings[-1], "summary_fa:", "summary_fa: ویرایش تازه —")),
        ("a delivery's quantity", lambda: _edit(deliveries, first_delivery,
                                                first_delivery.replace(",26,", ",27,"))),
        ("a new meeting", new_meeting),
        ("a programme's pledge", lambda: _edit(data / "programmes.yaml", "pledged: 30000", "pledged: 300")),
        ("a register's amount", lambda: _edit(registers, first_register,
                                              first_register.replace(",20000000,", ",21000000,"))),
        ("a province's alias", lambda: (data / "reference" / "province_aliases.csv").open("a", encoding="utf-8")
         .write("IR-01,مرکزی تازه\n")),
        ("a delivery given twice (an error)", duplicate_delivery),
        ("the error mended", mend),
        ("the new meeting removed", lambda: later.unlink()),
        ("a register file removed", lambda: registers.unlink()),
    ]


def test_every_edit_gives_with_the_memo_what_a_fresh_run_gives(tmp_path: Path) -> None:
    from helpers import make_project

    root = make_project(tmp_path / "p", data="example")
    aliases = root / "data" / "reference" / "province_aliases.csv"
    assert aliases.read_text(encoding="utf-8").endswith("\n")
    project = pipeline.Project.at(root)
    memo = FileMemo()
    _same(_outcome(project, memo), _outcome(project, None), "first")
    for what, edit in _edits(root / "data"):
        edit()
        with_memo, fresh = _outcome(project, memo), _outcome(project, None)
        _same(with_memo, fresh, what)
    assert memo.derived.reused > 0 and memo.derived.computed > 0


def test_a_meeting_edit_reuses_the_large_tables_work(tmp_path: Path) -> None:
    from helpers import make_project

    root = make_project(tmp_path / "p", data="example")
    project = pipeline.Project.at(root)
    memo = FileMemo()
    first, _, _ = pipeline.summarise(project, previous=None, memo=memo)
    kept = {name: value for name, (_, _, value) in memo.derived.kept.items()}
    large = {"delivery frame", "deliveries checked", "register frame", "registers checked", "deliveries sorted",
             "delivery weeks", "deliveries summed", "province tables", "households", "protected cells"}
    assert large <= set(kept)
    _edit(sorted((root / "data" / "meetings").glob("*.yaml"))[-1], "summary_fa:", "summary_fa: ویرایش —")
    again, _, _ = pipeline.summarise(project, previous=None, memo=memo)
    assert all(memo.derived.kept[name][2] is kept[name] for name in large)
    assert again.dataset.deliveries is first.dataset.deliveries
    assert again.dataset.meetings != first.dataset.meetings  # the meeting itself is read again
    # a delivery edited: its table is read again, and what is made from it is made again
    deliveries = root / "data" / "deliveries" / "synthetic.csv"
    line = deliveries.read_text(encoding="utf-8").splitlines()[1]
    _edit(deliveries, line, line.replace(",26,", ",27,"))
    third, _, _ = pipeline.summarise(project, previous=None, memo=memo)
    assert third.dataset.deliveries is not first.dataset.deliveries
    assert int(third.dataset.deliveries.quantity.sum()) == int(first.dataset.deliveries.quantity.sum()) + 1
    remade = {"delivery frame", "deliveries checked", "deliveries sorted", "deliveries summed", "province tables"}
    assert all(memo.derived.kept[name][2] is not kept[name] for name in remade)
    assert all(memo.derived.kept[name][2] is kept[name] for name in ("register frame", "households"))

def test_reuse_compares_objects_by_identity_and_values_by_equality() -> None:
    reuse = Reuse()
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    table, other = pd.DataFrame({"a": [1]}), pd.DataFrame({"a": [1]})  # equal, not the same
    first = reuse.get("x", compute, same=(table,), equal=(frozenset({"1400-05-27"}), 3))
    assert reuse.get("x", compute, same=(table,), equal=(frozenset({"1400-05-27"}), 3)) is first
    assert reuse.get("x", compute, same=(other,), equal=(frozenset({"1400-05-27"}), 3)) == [2]
    assert reuse.get("x", compute, same=(other,), equal=(frozenset({"1400-06-03"}), 3)) == [3]
    assert reuse.get("x", compute, same=(other, table), equal=(frozenset({"1400-06-03"}), 3)) == [4]
    assert reuse.get("y", compute, same=(other, table), equal=(frozenset({"1400-06-03"}), 3)) == [5]
    assert (reuse.reused, reuse.computed) == (1, 5)
    assert reused(None, "x", compute) == [6]  # nothing to reuse from: computed each time
    assert reused(None, "x", compute) == [7]
