"""The weekly round in spreadsheets: `portal workbook` writes the week's workbook, a province fills it in (as
openpyxl or LibreOffice saves it, or as the CSV file it sends instead), `portal import` checks it with every
rule of `portal validate` and only then writes its figures into data/deliveries/; every mistake of a
corpus of spreadsheet mistakes is named at its sheet and cell with data/ left as it was; importing twice
changes nothing; a changed figure needs --revise and a reason; the built site shows what was imported."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml

from helpers import make_project, run_portal

WEEK = "1400-08-05"  # a meeting added to the example data: no delivery is given for it yet
SHEET, GUIDE = "تحویل", "راهنما"
SOFFICE = shutil.which("soffice")


def _with_new_meeting(root: Path) -> Path:
    meetings = root / "data" / "meetings"
    last = sorted(meetings.glob("*.yaml"))[-1]
    text = last.read_text(encoding="utf-8").replace(last.stem, WEEK)
    number = next(line for line in text.splitlines() if line.startswith("number:"))
    text = text.replace(number, f"number: {int(number.split(':')[1]) + 1}")
    (meetings / f"{WEEK}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _with_new_meeting(make_project(tmp_path_factory.mktemp("import") / "project", data="example"))
    code, out, err = run_portal(root, "validate")
    assert code == 0, out + err
    code, out, err = run_portal(root, "workbook", "--date", WEEK, "--out", str(root / "workbooks"))
    assert code == 0, err
    code, out, err = run_portal(root, "workbook", "--date", WEEK, "--province", "کرمانشاه",
                                "--out", str(root / "workbooks"))
    assert code == 0, err
    return root


@pytest.fixture
def project(base: Path, tmp_path: Path) -> Path:
    """A copy of the project, for a test that imports into it."""
    shutil.copytree(base, tmp_path / "p", ignore=shutil.ignore_patterns("site", ".cache"))
    return tmp_path / "p"


def _national(root: Path) -> Path:
    return root / "workbooks" / f"{SHEET}-{WEEK}.xlsx"


def _one(root: Path) -> Path:
    return root / "workbooks" / f"{SHEET}-{WEEK}-کرمانشاه.xlsx"


def _data_digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted((root / "data").rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


QUANTITIES = (1234, 1500, 4321)  # the province's three programmes, large enough to be published


def _filled(source: Path, dest: Path, quantities=QUANTITIES, note: str = "") -> Path:
    """The workbook as a province fills it in, saved by openpyxl: a quantity per row (and a note on the first)."""
    book = openpyxl.load_workbook(source)
    ws = book[SHEET]
    for i, q in enumerate(quantities, start=2):
        ws.cell(i, 4).value = q
    if note:
        ws.cell(2, 5).value = note
    book.save(dest)
    return dest


def _imported_rows(root: Path) -> list[dict[str, str]]:
    with (root / "data" / "deliveries" / f"{WEEK}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# -------------------------------------------------------------------------------------------- the workbook

def test_the_workbook_is_right_to_left_locked_and_checks_its_own_cells(base: Path) -> None:
    book = openpyxl.load_workbook(_national(base))
    assert book.sheetnames == [GUIDE, SHEET]
    guide, ws = book[GUIDE], book[SHEET]
    assert ws.sheet_view.rightToLeft and guide.sheet_view.rightToLeft
    assert [c.value for c in ws[1]] == ["هفته (تاریخ جلسه)", "استان", "برنامه", "تعداد", "یادداشت"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    provinces = {r[1] for r in rows}
    programmes = {r[2] for r in rows}
    assert len(provinces) == 31 and len(rows) == 31 * len(programmes) and {r[0] for r in rows} == {WEEK}
    assert all(r[3] is None and r[4] is None for r in rows)
    # the headers, the week and the programme locked; the province, the quantity and the note open
    assert ws.protection.sheet
    assert ws["A1"].protection.locked and ws["A2"].protection.locked and ws["C2"].protection.locked
    assert not ws["B2"].protection.locked and not ws["D2"].protection.locked and not ws["E2"].protection.locked
    kinds = {(v.type, str(v.sqref)) for v in ws.data_validations.dataValidation}
    assert ("list", f"B2:B{len(rows) + 1}") in kinds and ("whole", f"D2:D{len(rows) + 1}") in kinds
    (source,) = [v.formula1 for v in ws.data_validations.dataValidation if v.type == "list"]
    sheet_name, cells = source.lstrip("=").split("!")
    assert sheet_name.strip("'") == GUIDE
    listed = [c.value for (c,) in book[GUIDE][cells.replace("$", "")]]
    assert len(set(listed)) == 31 and provinces == set(listed)
    text = "\n".join(str(c.value) for c in guide["A"] if c.value)
    assert "چه منتشر می‌شود" in text and "۰" in text and "portal import" in text
    one = openpyxl.load_workbook(_one(base))[SHEET]
    assert {r[1] for r in one.iter_rows(min_row=2, values_only=True)} == {"کرمانشاه"}
    # the same data and week, the same bytes
    code, _, err = run_portal(base, "workbook", "--date", WEEK, "--out", str(base / "again"))
    assert code == 0, err
    assert (base / "again" / _national(base).name).read_bytes() == _national(base).read_bytes()


# ------------------------------------------------------------------------------------------------ imports

def test_a_filled_workbook_is_imported_once_with_its_source_and_the_site_shows_it(project: Path) -> None:
    filled = _filled(_one(project), project / "کرمانشاه.xlsx", note="تحویل در دو نوبت")
    code, out, err = run_portal(project, "import", str(filled))
    assert code == 0, out + err
    rows = _imported_rows(project)
    digest = hashlib.sha256(filled.read_bytes()).hexdigest()
    assert sorted(int(r["quantity"]) for r in rows) == sorted(QUANTITIES)
    assert {r["province"] for r in rows} == {"کرمانشاه"} and {r["week_ending"] for r in rows} == {WEEK}
    assert {(r["source"], r["source_sha256"]) for r in rows} == {("کرمانشاه.xlsx", digest)}
    assert {r["synthetic"] for r in rows} == {"no"} and "تحویل در دو نوبت" in {r["note_fa"] for r in rows}
    assert rows == sorted(rows, key=lambda r: (r["week_ending"], r["province"], r["programme"]))
    # twice: nothing changes
    before = _data_digest(project)
    code, out, err = run_portal(project, "import", str(filled))
    assert code == 0 and "nothing to change" in out, out + err
    assert _data_digest(project) == before
    # the built site shows the figures
    code, out, err = run_portal(project, "build")
    assert code == 0, out + err
    found = _week_in_downloads(project / "site" / "downloads", WEEK)
    assert any(str(q) in line for q in QUANTITIES for line in found), found[:5]


def _week_in_downloads(downloads: Path, week: str) -> list[str]:
    """The lines of the figures' CSV downloads that hold `week` (as the Jalali date or its Gregorian day)."""
    from generator.lang.jalali import parse_jalali

    gregorian = parse_jalali(week).to_gregorian().isoformat()
    return [line for path in downloads.glob("*.csv") for line in path.read_text(encoding="utf-8").splitlines()
            if week in line or gregorian in line]


def test_a_changed_figure_needs_revise_and_a_reason(project: Path) -> None:
    first = _filled(_one(project), project / "first.xlsx")
    assert run_portal(project, "import", str(first))[0] == 0
    changed = _filled(_one(project), project / "changed.xlsx", quantities=(1234, 1600, 4321))
    before = _data_digest(project)
    code, out, err = run_portal(project, "import", str(changed))
    assert code == 1 and "sheet تحویل, cell D3" in err and "--revise" in err, out + err
    assert _data_digest(project) == before
    code, out, err = run_portal(project, "import", str(changed), "--revise")
    assert code == 1 and "--reason" in err and _data_digest(project) == before
    code, out, err = run_portal(project, "import", str(changed), "--revise", "--reason", "گزارش تکمیلی استان")
    assert code == 0, out + err
    assert sorted(int(r["quantity"]) for r in _imported_rows(project)) == [1234, 1600, 4321]
    revisions = (project / "data" / "revisions.yaml").read_text(encoding="utf-8")
    assert "گزارش تکمیلی استان" in revisions and f'period: "{WEEK}"' in revisions
    assert run_portal(project, "validate")[0] == 0
    again = _data_digest(project)
    code, out, _ = run_portal(project, "import", str(changed))  # the revised workbook again: nothing to change
    assert code == 0 and "nothing to change" in out and _data_digest(project) == again


def test_a_figure_the_data_hold_already_is_revised_where_it_was(project: Path) -> None:
    """A province-wide figure of the example data (synthetic.csv), revised from a workbook: its row leaves
    that file and comes back in the week's own, with its source."""
    code, _, err = run_portal(project, "workbook", "--date", "1400-07-28", "--province", "کرمانشاه",
                              "--out", str(project / "workbooks"))
    assert code == 0, err
    synthetic = project / "data" / "deliveries" / "synthetic.csv"
    held = {line.split(",")[3]: int(line.split(",")[4]) for line in synthetic.read_text(encoding="utf-8").splitlines()
            if line.startswith("1400-07-28,کرمانشاه,,")}
    book = project / "workbooks" / f"{SHEET}-1400-07-28-کرمانشاه.xlsx"
    order = [r[2] for r in openpyxl.load_workbook(book)[SHEET].iter_rows(min_row=2, values_only=True)]
    from generator.pipeline import Project, check

    ids = {p.name_fa: p.id for p in check(Project.at(project)).dataset.programmes}
    same = [held[ids[name]] for name in order]
    filled = _filled(book, project / "same.xlsx", quantities=same)
    code, out, err = run_portal(project, "import", str(filled))
    assert code == 0 and "nothing to change" in out, out + err
    revised = _filled(book, project / "revised.xlsx", quantities=[same[0] + 5, *same[1:]])
    code, out, err = run_portal(project, "import", str(revised), "--revise", "--reason", "اصلاح گزارش")
    assert code == 0, out + err
    lines = synthetic.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith(f"1400-07-28,کرمانشاه,,{ids[order[0]]},") for line in lines)
    week = (project / "data" / "deliveries" / "1400-07-28.csv").read_text(encoding="utf-8")
    digest = hashlib.sha256(revised.read_bytes()).hexdigest()
    assert f"1400-07-28,کرمانشاه,,{ids[order[0]]},{same[0] + 5},no,,revised.xlsx,{digest}" in week
    assert run_portal(project, "validate")[0] == 0


# ------------------------------------------------------------------------------------------- CSV files

def _csv_bytes(rows: list[list[str]], sep: str, encoding: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


def _sheet_rows(book: Path, quantities=QUANTITIES) -> list[list[str]]:
    ws = openpyxl.load_workbook(book)[SHEET]
    rows = [[str(c.value) for c in ws[1]]]
    for (week, province, programme, _, _), q in zip(ws.iter_rows(min_row=2, values_only=True), quantities,
                                                    strict=True):
        rows.append([week, province, programme, str(q), ""])
    return rows


@pytest.mark.parametrize("variant", ["semicolon-windows-1256-day-first", "tab-utf-16-persian-digits",
                                     "comma-utf-8-bom-thousands", "english-headers-utf-8"])
def test_the_csv_files_staff_receive_are_imported_as_the_workbook_is(project: Path, variant: str) -> None:
    rows = _sheet_rows(_one(project))
    persian = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    if variant.startswith("semicolon"):  # Excel's "CSV" on a Persian Windows: Arabic ي for ی, «?» for the rest
        y, m, d = WEEK.split("-")
        rows = [rows[0]] + [[f"{d}/{m}/{y}", r[1], r[2], r[3], r[4]] for r in rows[1:]]
        data = _csv_bytes([[c.replace("ی", "ي") for c in r] for r in rows], ";", "cp1256")
    elif variant.startswith("tab"):  # Excel's "Unicode text", digits typed on a Persian keyboard
        rows = [rows[0]] + [[r[0].translate(persian), *r[1:3], r[3].translate(persian), r[4]] for r in rows[1:]]
        data = _csv_bytes(rows, "\t", "utf-16")
    elif variant.startswith("comma"):
        rows = [rows[0]] + [[*r[:3], f"{int(r[3]):,}", r[4]] for r in rows[1:]]
        data = b"\xef\xbb\xbf" + _csv_bytes(rows, ",", "utf-8")
    else:
        rows = [["week_ending", "province", "programme", "quantity", "note_fa"], *rows[1:]]
        data = _csv_bytes(rows, ",", "utf-8")
    path = project / f"کرمانشاه-{variant}.csv"
    path.write_bytes(data)
    code, out, err = run_portal(project, "import", str(path))
    assert code == 0, out + err
    assert sorted(int(r["quantity"]) for r in _imported_rows(project)) == sorted(QUANTITIES)
    assert {r["week_ending"] for r in _imported_rows(project)} == {WEEK}


# ----------------------------------------------------------------------------------------- LibreOffice

def _has_uno() -> bool:
    return subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True).returncode == 0


@pytest.mark.skipif(SOFFICE is None or not _has_uno(),
                    reason="LibreOffice and its Python bridge (Debian's libreoffice-calc-nogui and python3-uno: "
                           "make libreoffice)")
def test_a_workbook_typed_in_libreoffice_and_saved_as_xlsx_and_windows_1256_csv_is_imported(project: Path,
                                                                                             tmp_path: Path) -> None:
    """LibreOffice Calc opens the workbook, the quantities and a note are typed into its cells (UNO), and it
    saves the workbook as XLSX and as CSV (`;`, Windows-1256); both import to the same rows."""
    note = "ارسال در دو نوبت"  # letters Windows-1256 holds
    typed = [f"D{i}={q}" for i, q in enumerate(QUANTITIES, start=2)] + [f"E3={note}"]
    out = tmp_path / "saved"
    subprocess.run(["/usr/bin/python3", str(Path(__file__).parent.parent / "libreoffice_fill.py"), str(_one(project)),
                    str(out), SHEET, *typed], check=True, capture_output=True, timeout=300)
    saved = {path.suffix: path for path in out.iterdir()}
    assert set(saved) == {".xlsx", ".csv"}, sorted(out.iterdir())
    text = saved[".csv"].read_bytes()
    assert b";" in text and "کرمانشاه".encode("cp1256") in text and note.encode("cp1256") in text
    with pytest.raises(UnicodeDecodeError):
        text.decode("utf-8")  # Windows-1256, not UTF-8
    imported = {}
    for suffix, path in saved.items():
        fresh = tmp_path / f"project{suffix}"
        shutil.copytree(project, fresh)
        code, out_text, err = run_portal(fresh, "import", str(path))
        assert code == 0, (suffix, out_text + err)
        imported[suffix] = sorted((r["programme"], r["quantity"], r["note_fa"]) for r in _imported_rows(fresh))
    assert imported[".xlsx"] == imported[".csv"]
    assert sorted(int(q) for _, q, _ in imported[".xlsx"]) == sorted(QUANTITIES)
    assert note in {n for _, _, n in imported[".csv"]}
    # a note with a letter Windows-1256 lacks (ی) comes back with «?» in it: refused at its cell
    lossy = tmp_path / "lossy"
    subprocess.run(["/usr/bin/python3", str(Path(__file__).parent.parent / "libreoffice_fill.py"), str(_one(project)),
                    str(lossy), SHEET, *typed[:3], "E3=تحویل در دو نوبت"], check=True, capture_output=True, timeout=300)
    (csv_file,) = lossy.glob("*.csv")
    before = _data_digest(project)
    code, out_text, err = run_portal(project, "import", str(csv_file))
    assert code == 1 and "line 3, column ?ادداشت" in err and "Windows-1256" in err, out_text + err
    assert _data_digest(project) == before


# ------------------------------------------------------------------------------------ the mistakes corpus

def _edit_sheet(edit: Callable) -> Callable[[Path, Path], Path]:
    """A mistake made in the spreadsheet: `edit(book, ws)` on a filled-in workbook, saved by openpyxl."""
    def make(source: Path, dest: Path) -> Path:
        _filled(source, dest)
        book = openpyxl.load_workbook(dest)
        edit(book, book[SHEET])
        book.save(dest)
        return dest
    return make


def _set(cell: str, value) -> Callable:
    def edit(book, ws) -> None:
        ws[cell] = value
    return edit


def _raw(data: bytes, suffix: str = ".xlsx") -> Callable[[Path, Path], Path]:
    def make(source: Path, dest: Path) -> Path:
        dest = dest.with_suffix(suffix)
        dest.write_bytes(data)
        return dest
    return make


def _csv_mistake(edit: Callable[[list[list[str]]], None]) -> Callable[[Path, Path], Path]:
    def make(source: Path, dest: Path) -> Path:
        rows = _sheet_rows(source)
        edit(rows)
        dest = dest.with_suffix(".csv")
        dest.write_bytes(_csv_bytes(rows, ";", "cp1256"))
        return dest
    return make


def _unquoted_csv(source: Path, dest: Path) -> Path:
    """A comma CSV typed by hand: «1,500» with no quotes, the note left empty."""
    rows = _sheet_rows(source)
    rows[2][3] = "1,500"
    dest = dest.with_suffix(".csv")
    dest.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return dest


def _merge(book, ws) -> None:
    ws.merge_cells("E2:E3")


def _hide_row(book, ws) -> None:
    ws.row_dimensions[3].hidden = True


def _hide_column(book, ws) -> None:
    ws.column_dimensions["E"].hidden = True


def _extra_sheet(book, ws) -> None:
    book.create_sheet("Sheet2")["A1"] = "یادداشت‌های من"


def _rename_sheet(book, ws) -> None:
    ws.title = "Deliveries"


def _empty_all(book, ws) -> None:
    for row in ws.iter_rows(min_row=2):
        row[3].value = None


def _duplicate_row(book, ws) -> None:
    ws.append([c.value for c in ws[2]])


def _extra_column(book, ws) -> None:
    ws["F1"] = "توضیح بیشتر"
    ws["F2"] = "متن"


def _drop_quantity_header(book, ws) -> None:
    ws["D1"] = "مقدار"


def _repeat_column(book, ws) -> None:
    ws["F1"] = "تعداد"


def _two(book, ws) -> None:
    ws["D3"] = None


def _note_only(book, ws) -> None:
    _empty_all(book, ws)
    ws["E2"] = "هنوز گزارشی نرسیده"


MISTAKES: dict[str, tuple[Callable[[Path, Path], Path], str, str]] = {
    # name: (how the file is made, the place the message names, a word of the message)
    "formula": (_edit_sheet(_set("D2", "=1000+234")), "sheet تحویل, cell D2", "formula"),
    "formula across cells": (_edit_sheet(_set("D3", "=D2*2")), "sheet تحویل, cell D3", "formula"),
    "decimal": (_edit_sheet(_set("D2", 12.5)), "sheet تحویل, cell D2", "whole number"),
    "negative": (_edit_sheet(_set("D2", -3)), "sheet تحویل, cell D2", "negative"),
    "words for a number": (_edit_sheet(_set("D2", "ده")), "sheet تحویل, cell D2", "number"),
    "an error value": (_edit_sheet(_set("D2", "#REF!")), "sheet تحویل, cell D2", "error"),
    "TRUE in a quantity": (_edit_sheet(_set("D2", True)), "sheet تحویل, cell D2", "TRUE"),
    "a date in a quantity": (_edit_sheet(_set("D2", datetime.date(2021, 10, 27))),
                             "sheet تحویل, cell D2", "date"),
    "half filled": (_edit_sheet(_two), "sheet تحویل, cell D3", "empty"),
    "a note and no quantity": (_edit_sheet(_note_only), "sheet تحویل, cell D2", "empty"),
    "nothing filled in": (_edit_sheet(_empty_all), "کرمانشاه", "no quantity"),
    "merged cells": (_edit_sheet(_merge), "sheet تحویل, cell E2", "merged"),
    "hidden row": (_edit_sheet(_hide_row), "sheet تحویل, cell A3", "hidden"),
    "hidden column": (_edit_sheet(_hide_column), "sheet تحویل, cell E1", "hidden"),
    "extra sheet": (_edit_sheet(_extra_sheet), "sheet Sheet2", "sheet"),
    "renamed sheet": (_edit_sheet(_rename_sheet), "Deliveries", "no sheet"),
    "extra column": (_edit_sheet(_extra_column), "sheet تحویل, cell F1", "not one of"),
    "renamed column": (_edit_sheet(_drop_quantity_header), "sheet تحویل, cell D1", "not one of"),
    "column twice": (_edit_sheet(_repeat_column), "sheet تحویل, cell F1", "twice"),
    "a value beside the columns": (_edit_sheet(_set("H4", 75)), "sheet تحویل, cell H4", "outside"),
    "a row given twice": (_edit_sheet(_duplicate_row), "sheet تحویل, cell D5", "second row"),
    "unknown province": (_edit_sheet(_set("B2", "استان ناموجود")), "sheet تحویل, cell B2", "province"),
    "unknown programme": (_edit_sheet(_set("C2", "برنامهٔ دیگر")), "sheet تحویل, cell C2", "programme"),
    "another week in the week's workbook": (_edit_sheet(_set("A2", "1400-07-28")), "sheet تحویل, cell A2",
                                            "week"),
    "another province in the province's workbook": (_edit_sheet(_set("B3", "کرمان")), "sheet تحویل, cell B3",
                                                    "its own"),
    "a Gregorian date for the week": (_edit_sheet(_set("A2", "27/10/2021")), "sheet تحویل, cell A2", "Gregorian"),
    "a path for the week": (_edit_sheet(_set("A2", "../../../escape")), "sheet تحویل, cell A2", "date"),
    "a note too long": (_edit_sheet(_set("E2", "یادداشت " * 80)), "sheet تحویل, cell E2", "characters"),
    "an impossible date": (_edit_sheet(_set("A2", "1400-07-31")), "sheet تحویل, cell A2", "31"),
    "a phone number in a note": (_edit_sheet(_set("E2", "هماهنگی با ۰۹۱۲۳۴۵۶۷۸۹")), "sheet تحویل, cell E2",
                                 "personal data"),
    "a small count in a note": (_edit_sheet(_set("E2", "تحویل به ۳ خانواده")), "sheet تحویل, cell E2",
                                "families"),
    "a national ID in a note": (_edit_sheet(_set("E2", "کد ملی 0012345679")), "sheet تحویل, cell E2",
                                "personal data"),
    "not a workbook": (_raw(b"this is not a spreadsheet"), "کرمانشاه", "not a workbook"),
    "an old .xls": (_raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, ".xls"), "کرمانشاه", ".xls"),
    "csv: a row with more cells": (_csv_mistake(lambda rows: rows[2].extend(["1", "2"])), "line 3", "cells"),
    "csv: a separator inside a number": (_unquoted_csv, "line 3", "cells"),
    "csv: a Gregorian day-first week": (_csv_mistake(lambda rows: rows[1].__setitem__(0, "27/10/2021")),
                                        "line 2, column هفته", "Gregorian"),
    "csv: unknown column": (_csv_mistake(lambda rows: rows[0].__setitem__(3, "qty")), "line 1, column qty",
                            "not one of"),
    "csv: a week with no meeting, day first": (_csv_mistake(lambda rows: rows[1].__setitem__(0, "12/08/1400")),
                                               "line 2, column هفته", "meeting"),
    "csv: decimal with a Persian separator": (_csv_mistake(lambda rows: rows[1].__setitem__(3, "۱۲٫۵")),
                                              "line 2, column تعداد", "number"),
}


def test_the_corpus_has_at_least_25_mistakes() -> None:
    assert len(MISTAKES) >= 25


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_every_spreadsheet_mistake_is_named_at_its_place_and_data_are_left_as_they_were(project: Path,
                                                                                         name: str) -> None:
    make, place, word = MISTAKES[name]
    path = make(_one(project), project / "کرمانشاه.xlsx")
    before = _data_digest(project)
    code, out, err = run_portal(project, "import", str(path))
    assert code == 1, out + err
    assert _data_digest(project) == before, "data/ changed"
    lines = err.strip().splitlines()
    assert lines[-1].endswith("data/ was left as it was") or "data/" in lines[-1], err
    named = [line for line in lines[:-1] if place in line]
    assert named, f"no message at «{place}»:\n{err}"
    assert any(word.lower() in line.lower() for line in named), f"«{word}» not said at «{place}»:\n{err}"
    assert len(lines) - 1 <= 3, f"one clear message, not {len(lines) - 1}:\n{err}"
    # in Persian too, at the same place
    code, _, err_fa = run_portal(project, "--lang", "fa", "import", str(path))
    assert code == 1 and "data/" in err_fa
    fa_place = place.replace("sheet ", "برگهٔ ").replace(", cell ", "، خانهٔ ").replace("line ", "سطر ") \
        .replace(", column ", "، ستون ")
    if "line " in place:  # a line's number in Persian digits; a cell's name (D7) as the spreadsheet writes it
        fa_place = fa_place.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    shown = err_fa.replace("\u200e", "").replace("\u200f", "")  # the marks that hold a Latin run left to right
    assert fa_place.split("، ")[-1] in shown, err_fa


def test_the_notes_go_through_the_small_count_rules_before_anything_is_written(project: Path) -> None:
    """«۳ خانواده» (below the threshold) in a note is refused; the same note with a count above it is taken."""
    refused = _filled(_one(project), project / "a.xlsx", note="تحویل به ۳ خانواده")
    assert run_portal(project, "import", str(refused))[0] == 1
    threshold = yaml.safe_load((project / "data" / "site.yaml").read_text(encoding="utf-8"))["disclosure_threshold"]
    taken = _filled(_one(project), project / "b.xlsx", note=f"تحویل به {int(threshold) + 20} خانواده")
    code, out, err = run_portal(project, "import", str(taken))
    assert code == 0, out + err


def test_a_file_named_with_personal_data_is_refused_by_its_name(project: Path) -> None:
    filled = _filled(_one(project), project / "ارسالی ۰۹۱۲۳۴۵۶۷۸۹.xlsx")
    before = _data_digest(project)
    code, out, err = run_portal(project, "import", str(filled))
    assert code == 1 and "the file's name" in err and "rename the file" in err, out + err
    assert "cell" not in err.splitlines()[0] and _data_digest(project) == before


def test_a_reason_with_personal_data_is_refused_once_as_the_reason(project: Path) -> None:
    assert run_portal(project, "import", str(_filled(_one(project), project / "a.xlsx")))[0] == 0
    changed = _filled(_one(project), project / "b.xlsx", quantities=(1300, 1600, 4400))
    before = _data_digest(project)
    code, out, err = run_portal(project, "import", str(changed), "--revise", "--reason", "تماس با ۰۹۱۲۳۴۵۶۷۸۹")
    assert code == 1 and _data_digest(project) == before, out + err
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("--reason: ") and "phone" in lines[0], err


def test_a_note_on_two_lines_can_be_revised_and_a_cleared_note_is_cleared(project: Path) -> None:
    first = _filled(_one(project), project / "a.xlsx", note="خط یک\nخط دو")
    assert run_portal(project, "import", str(first))[0] == 0
    assert "خط یک\nخط دو" in {r["note_fa"] for r in _imported_rows(project)}
    revised = _filled(_one(project), project / "b.xlsx", quantities=(1240, *QUANTITIES[1:]), note="خط یک\nخط دو")
    code, out, err = run_portal(project, "import", str(revised), "--revise", "--reason", "اصلاح استان")
    assert code == 0, out + err
    assert sorted(int(r["quantity"]) for r in _imported_rows(project)) == sorted((1240, *QUANTITIES[1:]))
    cleared = _filled(_one(project), project / "c.xlsx", quantities=(1240, *QUANTITIES[1:]))
    code, out, err = run_portal(project, "import", str(cleared))
    assert code == 0 and "1 note(s) changed" in out, out + err
    assert {r["note_fa"] for r in _imported_rows(project)} == {""}
    assert run_portal(project, "validate")[0] == 0


def test_csv_files_with_a_blank_first_line_direction_marks_or_utf_16_without_its_mark(project: Path) -> None:
    rows = _sheet_rows(_one(project))
    variants = {
        "blank-first-line.csv": b"\r\n" + _csv_bytes(rows, ",", "utf-8"),
        "marks.csv": _csv_bytes([rows[0]] + [["\u200e1400/08/05\u200e", *r[1:]] for r in rows[1:]], ";", "utf-8"),
        "utf-16-no-mark.csv": _csv_bytes(rows, "\t", "utf-16-le"),
    }
    for name, data in variants.items():
        fresh = project.parent / f"p-{name}"
        shutil.copytree(project, fresh)
        (fresh / name).write_bytes(data)
        code, out, err = run_portal(fresh, "import", str(fresh / name))
        assert code == 0, (name, out + err)
        assert sorted(int(r["quantity"]) for r in _imported_rows(fresh)) == sorted(QUANTITIES), name


def test_a_one_province_workbook_locks_its_province_and_says_what_it_is_for(base: Path) -> None:
    book = openpyxl.load_workbook(_one(base))
    ws = book[SHEET]
    assert ws["B2"].protection.locked and not ws["D2"].protection.locked
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props == {"portal-week": WEEK, "portal-province": "IR-05"}
    national = openpyxl.load_workbook(_national(base))
    assert {p.name: p.value for p in national.custom_doc_props.props} == {"portal-week": WEEK}
