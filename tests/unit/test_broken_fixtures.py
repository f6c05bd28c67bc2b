"""Every validation error the validator knows, each from a deliberately broken fixture.

A fixture is a folder under tests/data/broken/: files under data/ that replace or add to the minimal
dataset (tests/data/minimal), an optional delete.txt listing data files to remove, and expected.txt:

    exit: 1
    data/deliveries/weekly.csv:2: province [unknown-province]

Each expected line names the path, line, field and problem code that `portal validate` must print; the
test also fails when validate prints a problem that is not expected, so fixtures stay exact.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model.problems import CODES
from helpers import ROOT, broken_project, make_project, run_portal

BROKEN = ROOT / "tests" / "data" / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
_LINE = re.compile(r"^(?P<where>\S+?:\d+): (?P<field>.*?) \[(?P<code>[a-z0-9-]+)\]$")
_PRINTED = re.compile(
    r"^(?P<where>\S+?:\d+|\S+?): (?:(?P<field>(?!warning:)[^ ]+): )?(?:warning: )?.*\[(?P<code>[a-z0-9-]+)\]; fix: .+$")


def _expected(case: str) -> tuple[int, set[tuple[str, str, str]]]:
    lines = (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    code = int(lines[0].removeprefix("exit: "))
    expected = set()
    for line in lines[1:]:
        m = _LINE.match(line)
        assert m, f"{case}/expected.txt: malformed line {line!r}"
        where = m["where"].removesuffix(":0")
        expected.add((where, m["field"].strip(), m["code"]))
    return code, expected


def _printed(text: str) -> set[tuple[str, str, str]]:
    found = set()
    for line in text.splitlines():
        m = _PRINTED.match(line)
        if m:
            found.add((m["where"], m["field"] or "", m["code"]))
    return found


@pytest.mark.parametrize("case", CASES)
def test_validate_reports_exactly_the_expected_problem(tmp_path: Path, case: str) -> None:
    root = broken_project(tmp_path, case)

    code, out, err = run_portal(root, "validate")
    want_code, want = _expected(case)
    assert code == want_code, f"exit {code}\n{out}{err}"
    assert _printed(out + err) == want, out + err


def test_every_error_code_has_a_broken_fixture() -> None:
    covered = {code for case in CASES for _, _, code in _expected(case)[1]}
    # invalid-text (control characters) and file-empty are covered in test_load.py.
    assert set(CODES) - covered <= {"invalid-text", "file-empty"}


def test_the_minimal_dataset_is_valid(tmp_path: Path) -> None:
    code, out, err = run_portal(make_project(tmp_path / "p"), "validate")
    assert code == 0, out + err
    assert out.startswith("ok: 2 programmes, 3 meetings, 3 delivery rows, 2 centres, 31 provinces")
