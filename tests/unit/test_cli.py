"""The `portal` command as staff and CI run it: real processes, real exit codes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from helpers import ROOT, make_project, run_cli


def test_validate_example_data_exits_0_with_a_summary() -> None:
    result = run_cli("validate", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    meetings = len(list((ROOT / "data/meetings").glob("*.yaml")))
    rows = sum(len(p.read_text(encoding="utf-8").strip().splitlines()) - 1
               for p in (ROOT / "data/deliveries").glob("*.csv"))
    assert re.fullmatch(rf"ok: \d+ programmes, {meetings} meetings, {rows} delivery rows, \d+ centres, "
                        r"31 provinces; 0 warning\(s\)", result.stdout.strip().splitlines()[-1]), result.stdout


def test_validate_prints_every_problem_at_once_and_exits_1(tmp_path: Path) -> None:
    header = "week_ending,province,county,programme,quantity,synthetic,note_fa\n"
    root = make_project(tmp_path / "p", overlay={"deliveries/weekly.csv": header
                        + "1400-12-30,کرمون,,oxygen,-1,yes,\n1400-06-03,گیلان,,oxgen,5,maybe,\n"})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    where = [line.split(" ", 2)[:2] for line in lines[:-1]]
    assert where == [
        ["data/deliveries/weekly.csv:2:", "province:"],
        ["data/deliveries/weekly.csv:2:", "quantity:"],
        ["data/deliveries/weekly.csv:2:", "week_ending:"],
        ["data/deliveries/weekly.csv:3:", "programme:"],
        ["data/deliveries/weekly.csv:3:", "synthetic:"],
    ]
    assert all("; fix: " in line for line in lines[:-1])
    assert lines[-1] == "5 error(s) found; nothing was built. Fix them and run the command again."


def test_schema_doc_is_current() -> None:
    result = run_cli("schema", "--check", cwd=ROOT)
    assert result.returncode == 0, result.stderr + "\nrun `make schema` and commit docs/schema.md"


def test_the_preview_regenerates_on_a_change_once_and_never_on_a_read(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from watchdog.events import (
        FileClosedEvent,
        FileClosedNoWriteEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileOpenedEvent,
    )

    import generator.preview.serve as serve_module
    from generator.load.files import FileMemo

    runs: list[float] = []
    monkeypatch.setattr(serve_module, "regenerate", lambda project, lang, memo: runs.append(time.monotonic()))
    handler = serve_module._OnChange(project=None, lang="fa", memo=FileMemo(), delay=0.2)  # type: ignore[arg-type]
    weekly = str(tmp_path / "data/deliveries/weekly.csv")
    for event in (FileOpenedEvent(weekly), FileClosedNoWriteEvent(weekly)):  # what the generator's reading makes
        handler.on_any_event(event)
    time.sleep(0.8)
    assert runs == []
    # a save in several events (sed -i: a temporary file written, then moved over the file) is one regeneration
    for event in (FileModifiedEvent(weekly + ".tmp"), FileClosedEvent(weekly + ".tmp"),
                  FileMovedEvent(weekly + ".tmp", weekly), FileModifiedEvent(weekly)):
        handler.on_any_event(event)
    time.sleep(1.0)
    assert len(runs) == 1


def _error_classes() -> list[type]:
    """Every exception class the portal defines (its modules imported), so a new one is checked too."""
    import importlib
    import pkgutil

    import generator

    found = []
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        if info.name == "generator.__main__":  # runs the CLI when imported
            continue
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, BaseException)
                  and v.__module__ == info.name]
    return found


def test_every_error_for_the_user_is_a_portal_error_and_nothing_else_is_caught_as_one() -> None:
    """One error boundary: the errors raised for the user to fix derive from PortalError; the others are
    internal signals, each caught where it is raised (a value that does not parse, a YAML construct found)."""
    from generator.model.errors import PortalError

    internal = {"FieldError", "DateError", "UnreadableIndex", "_AliasFound", "_TagFound"}
    classes = _error_classes()
    assert {c.__name__ for c in classes} >= {"DataProblems", "PublishError", "AuditFailed", "SiteBuildError"}
    wrong = [c.__qualname__ for c in classes if not issubclass(c, PortalError) and c.__name__ not in internal]
    assert wrong == [], f"derive these from PortalError, or name them internal here: {wrong}"


@pytest.mark.parametrize("raised, code, said", [
    ("PortalError('the data folder is empty; add a meeting')", 1, "error: the data folder is empty; add a meeting"),
    ("OSError(28, 'No space left on device')", 1, "error: [Errno 28] No space left on device"),
    ("KeyError('week')", 2, "portal stopped on an error of its own, not of your data (KeyError: 'week')"),
    ("ZeroDivisionError('division by zero')", 2, "(ZeroDivisionError: division by zero). Nothing was published"),
])
def test_the_cli_says_a_users_error_in_one_line_and_a_bug_as_one_to_report(
        raised: str, code: int, said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        tmp_path: Path) -> None:
    from generator import cli, pipeline
    from generator.model.errors import PortalError

    def fails(project):
        raise eval(raised, {"PortalError": PortalError})

    monkeypatch.setattr(pipeline, "check", fails)
    assert cli.main(["--root", str(tmp_path), "--lang", "en", "validate"]) == code
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    if code == 2:
        assert "--debug" in err
        with pytest.raises(Exception, match=raised.split("'")[1]):  # the traceback, for the report
            cli.main(["--root", str(tmp_path), "--lang", "en", "--debug", "validate"])
