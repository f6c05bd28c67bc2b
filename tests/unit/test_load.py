"""Stage 1, load: values keep their file and line; unreadable input becomes a Problem, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.csv_read import load_csv
from generator.load.files import load, load_yaml


def _rows(table) -> list[tuple]:
    """A Table's rows as (line, cells...) tuples."""
    columns = [table.cells[name] for name in table.columns]
    return [(int(line), *(str(c[i]) for c in columns)) for i, line in enumerate(table.lines)]


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_yaml_scalars_stay_text_and_keep_their_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "m.yaml", "date: 1400-05-27\nsynthetic: no\nlist:\n  - a: 1\n  - a: 2\n")
    node, problems = load_yaml(path, "m.yaml")
    assert problems == []
    assert node.value["date"].value == "1400-05-27"  # not a Gregorian datetime.date
    assert node.value["synthetic"].value == "no"  # not False
    items = node.value["list"].value
    assert [i.value["a"].line for i in items] == [4, 5]


def test_yaml_nulls_are_empty(tmp_path: Path) -> None:
    node, _ = load_yaml(_write(tmp_path, "a.yaml", "a: ~\nb: null\nc: 'null'\n"), "a.yaml")
    assert [node.value[k].value for k in "abc"] == ["", "", "null"]


def test_yaml_duplicate_key_is_reported_with_both_lines(tmp_path: Path) -> None:
    _, problems = load_yaml(_write(tmp_path, "a.yaml", "a: 1\nb: 2\na: 3\n"), "a.yaml")
    assert [(p.line, p.field, p.code) for p in problems] == [(3, "a", "duplicate-key")]
    assert "first on line 1" in problems[0].message


def test_yaml_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    levels = zip("abcdefgh", "bcdefghi", strict=True)
    bomb = "a: &a ['x','x','x','x','x','x','x','x','x']\n" + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in levels)
    node, problems = load_yaml(_write(tmp_path, "bomb.yaml", bomb), "bomb.yaml")
    assert node is None
    assert [(p.line, p.code) for p in problems] == [(2, "yaml-alias")]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    _, problems = load_yaml(_write(tmp_path, "a.yaml", "a: 1\nb: [1, 2\nc: 3\n"), "a.yaml")
    assert problems[0].code == "yaml-syntax" and problems[0].line >= 2


def test_empty_files_are_reported(tmp_path: Path) -> None:
    _, p1 = load_yaml(_write(tmp_path, "a.yaml", "# nothing\n"), "a.yaml")
    _, p2 = load_csv(_write(tmp_path, "a.csv", ""), "a.csv")
    assert [p.code for p in p1 + p2] == ["file-empty", "file-empty"]


def test_csv_with_bom_crlf_and_trailing_empty_columns(tmp_path: Path) -> None:
    content = "\ufeffa,b,,\r\n1,2,,\r\n\r\n3,4\r\n".encode("utf-8")
    node, problems = load_csv(_write(tmp_path, "a.csv", content), "a.csv")
    assert problems == []
    assert node.columns == ["a", "b"]
    assert _rows(node) == [(2, "1", "2"), (4, "3", "4")]


def test_csv_quoted_multiline_cell_keeps_the_row_start_line(tmp_path: Path) -> None:
    node, _ = load_csv(_write(tmp_path, "a.csv", 'a,b\n1,"x\ny"\n2,z\n'), "a.csv")
    assert _rows(node) == [(2, "1", "x\ny"), (4, "2", "z")]


def test_csv_ragged_row_and_repeated_header(tmp_path: Path) -> None:
    _, problems = load_csv(_write(tmp_path, "a.csv", "a,a\n1,2,3\n"), "a.csv")
    assert [(p.line, p.code) for p in problems] == [(1, "csv-header"), (2, "csv-row-length")]


def test_windows_1256_file_is_refused_at_the_first_bad_line(tmp_path: Path) -> None:
    content = "a,b\n1,2\n3,گيلان\n".encode("cp1256")
    node, problems = load_csv(_write(tmp_path, "a.csv", content), "a.csv")
    assert node is None
    assert [(p.line, p.code) for p in problems] == [(3, "file-unreadable")]


def test_load_reports_missing_required_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    raw = load(tmp_path / "data", tmp_path)
    missing = sorted(p.path for p in raw.problems)
    assert "data/site.yaml" in missing and "data/reference/provinces.csv" in missing
    assert "data/meetings/*.yaml" not in missing  # a folder of files may be empty


PLAIN = "a,b,c\n1,گیلان,x\n\n2,کرمان,\n,,\n3,گیلان,y\n"


def test_plain_csv_is_read_by_the_fast_path_and_matches_the_careful_one(tmp_path: Path) -> None:
    from generator.load.csv_read import _plain_table, _table

    fast = _plain_table(PLAIN.encode())
    careful = _table(PLAIN, "a.csv", [])
    assert fast is not None  # no quotes, every row as wide as the header
    expected = [(2, "1", "گیلان", "x"), (4, "2", "کرمان", ""), (6, "3", "گیلان", "y")]
    assert _rows(fast) == _rows(careful) == expected  # the blank line and the row of empty cells skipped
    assert list(fast.cells["b"].categories) == ["کرمان", "گیلان"]  # each distinct text once


def test_files_the_fast_path_refuses_go_the_careful_way(tmp_path: Path) -> None:
    from generator.load.csv_read import _plain_table

    assert _plain_table(b'a,b\n1,"x,y"\n') is None  # quotes
    assert _plain_table(b"a,b\n1,2,3\n") is None  # ragged row
    assert _plain_table(b"a,a\n1,2\n") is None  # repeated column
    _, problems = load_csv(_write(tmp_path, "r.csv", "a,b\n1,2\n1,2,3\n4\n"), "r.csv")
    assert [(p.line, p.code) for p in problems] == [(3, "csv-row-length"), (4, "csv-row-length")]


def test_crlf_plain_csv_keeps_lines(tmp_path: Path) -> None:
    node, problems = load_csv(_write(tmp_path, "a.csv", "\ufeffa,b\r\n1,2\r\n\r\n3,4\r\n".encode()), "a.csv")
    assert problems == [] and _rows(node) == [(2, "1", "2"), (4, "3", "4")]


def test_libyaml_and_pure_python_parsers_read_the_same(tmp_path: Path, monkeypatch) -> None:
    import generator.load.files as load_module

    bomb = _write(tmp_path, "a.yaml", "a: ~\nb: '1400-05-27'\nd: &x 1\ne: *x\n")
    plain = _write(tmp_path, "b.yaml", "a: ~\nb: '1400-05-27'\nc: [1, ۲]\n")

    def read() -> list:
        (node, problems), (bomb_node, bomb_problems) = load_yaml(plain, "b.yaml"), load_yaml(bomb, "a.yaml")
        return [node, problems, bomb_node, [(p.line, p.code) for p in bomb_problems]]

    assert load_module._CLoader is not None  # PyYAML's wheels bring libyaml
    fast = read()
    monkeypatch.setattr(load_module, "_CLoader", None)
    assert read() == fast
    assert fast[0].value["a"].value == "" and fast[0].value["c"].value[1].value == "۲"
    assert fast[2:] == [None, [(4, "yaml-alias")]]


def test_a_csv_is_parsed_column_by_column_with_each_problem_on_its_rows(tmp_path: Path) -> None:
    from generator.schema.fields import parse_table
    from generator.schema.files import DELIVERY

    text = ("week_ending,province,county,programme,quantity,synthetic\n"
            "1400-05-27,گیلان,,oxygen,۱۲,no\n"
            "1400-05-27,Gilan,,oxygen,twelve,no\n"
            "1400-13-01,گیلان,,oxygen,3,no\n"
            "1400-05-27,گیلان,,,4,no\n"
            "1400-05-27,گیلان,,oxygen,twelve,no\n")
    table, problems = load_csv(_write(tmp_path, "d.csv", text), "d.csv")
    assert problems == []
    columns = parse_table(table, DELIVERY, "d.csv", problems)
    found = sorted((p.line, p.field, p.code) for p in problems)
    assert found == [(3, "quantity", "invalid-number"), (4, "week_ending", "impossible-date"),
                     (5, "programme", "missing-field"), (6, "quantity", "invalid-number")]
    assert list(columns.complete) == [True, False, False, False, False]
    assert list(columns.column("quantity")) == [12, None, 3, 4, None]  # «۱۲» read once, as 12
    assert list(columns.column("county")) == ["", "", "", "", ""]  # an optional empty cell: its default
    rec = next(columns.records())
    assert rec["province"] == "گیلان" and rec.line == 2 and rec.line_of("quantity") == 2


def test_an_unclosed_quote_in_a_large_csv_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)  # as a library may set it for the whole process (frictionless does)
    rows = "".join(f"{i},متن {i}\n" for i in range(20_000))
    content = "a,b\n1,\"باز\n" + rows  # the quote opens a cell that never closes
    _, problems = load_csv(_write(tmp_path, "q.csv", content), "q.csv")
    assert [(p.line > 1, p.code) for p in problems][-1] == (True, "csv-row-length")
    assert "never closed" in problems[-1].message


def test_a_count_too_large_is_refused() -> None:
    from generator.schema.value_types import Count, FieldError

    with pytest.raises(FieldError) as exc:
        Count().parse("99999999999999999999")
    assert exc.value.code == "invalid-number"


def test_large_files_read_on_two_cores_give_the_same_data_and_problems(tmp_path: Path, monkeypatch) -> None:
    import generator.load.files as load_module

    data = tmp_path / "data"
    (data / "deliveries").mkdir(parents=True)
    (data / "deliveries/a.csv").write_text(PLAIN * 3, encoding="utf-8")
    (data / "deliveries/b.csv").write_text("a,b\n1,2\n3\n", encoding="utf-8")  # a ragged row: a problem
    (data / "deliveries/c.csv").write_text(PLAIN, encoding="utf-8")
    monkeypatch.setattr(load_module, "PARALLEL_BYTES", 1 << 40)
    alone = load(data, tmp_path)
    monkeypatch.setattr(load_module, "PARALLEL_BYTES", 1)
    assert len(load_module._read_large([(p, p.name) for p in sorted((data / "deliveries").glob("*.csv"))])) == 3
    shared = load(data, tmp_path)
    assert [f.path for f in shared.files] == [f.path for f in alone.files]
    assert [p.format() for p in shared.problems] == [p.format() for p in alone.problems]
    assert any("deliveries/b.csv:3" in p.format() for p in shared.problems)
    for mine, theirs in zip(shared.files, alone.files, strict=True):
        if mine.path.startswith("data/deliveries/") and mine.root is not None:
            assert mine.root.columns == theirs.root.columns and list(mine.root.lines) == list(theirs.root.lines)
            cells = {n: list(c) for n, c in mine.root.cells.items()}
            assert cells == {n: list(c) for n, c in theirs.root.cells.items()}


def _same(a, b) -> bool:
    """Two loads read the same: every file's kind, path and what was read, and the same problems."""
    from generator.load.raw import Table

    def value(node):
        if isinstance(node, Table):
            return (node.columns, {c: list(node.cells[c]) for c in node.columns}, list(node.lines))
        return repr(node)

    return ([(f.kind, f.path, value(f.root)) for f in a.files] == [(f.kind, f.path, value(f.root)) for f in b.files]
            and [p.format() for p in a.problems] == [p.format() for p in b.problems]
            and a.boundaries == b.boundaries)


def test_a_memo_reads_again_only_the_files_changed_since(tmp_path: Path) -> None:
    """The live preview loads after every save with a FileMemo: an unchanged file is what the last load
    read (the same object), a saved one is read again, a new one read, a deleted one forgotten; and every
    load equals a load without the memo."""
    from generator.load.files import FileMemo
    from helpers import make_project

    root = make_project(tmp_path / "p")
    data = root / "data"
    memo = FileMemo()
    first = load(data, root, memo)
    assert _same(first, load(data, root))
    by_path = {f.path: f.root for f in first.files}
    meeting = sorted((data / "meetings").glob("*.yaml"))[0]
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("summary_fa: خلاصه", "summary_fa: تازه"),
                       encoding="utf-8")
    extra = data / "centres" / "more.csv"
    extra.write_text("id,type,province,county,name_fa,status,opened,capacity,reported_at,synthetic,note_fa\n"
                     "gil-9,vaccination,گیلان,,مرکز ۹,open,,,1400-05-27,no,\n", encoding="utf-8")
    second = load(data, root, memo)
    assert _same(second, load(data, root))
    again = {f.path: f.root for f in second.files}
    rel = meeting.relative_to(root).as_posix()
    assert again[rel] is not by_path[rel] and "تازه" in repr(again[rel])
    unchanged = [p for p in by_path if p != rel]
    assert unchanged and all(again[p] is by_path[p] for p in unchanged)
    assert "data/centres/more.csv" in again
    # a file whose problems were found keeps them, read or remembered
    (data / "programmes.yaml").write_text("- id: [broken\n", encoding="utf-8")
    third = load(data, root, memo)
    assert _same(third, load(data, root)) and any("programmes.yaml" in p.format() for p in third.problems)
    assert _same(load(data, root, memo), third)
    extra.unlink()
    fourth = load(data, root, memo)
    assert "data/centres/more.csv" not in memo.read and _same(fourth, load(data, root))
