"""Reading a province's file (staff/sheets.py says what comes out): an XLSX workbook through openpyxl, cell by
cell, with what a spreadsheet program can put in a cell (a formula, an error, a date, TRUE) and in a sheet
(merged cells, hidden rows and columns, other sheets); or a CSV file in the separator and encoding its
program saved it in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from generator.lang.jalali import JDate
from generator.lang.messages import t
from generator.staff.sheets import (
    Place,
    Sheet,
    SheetProblem,
    add_row,
    check_rows,
    columns_of,
    typed_text,
)
from generator.staff.workbook import GUIDE, PROVINCE_PROPERTY, SHEET, WEEK_PROPERTY


def read(path: Path) -> Sheet:
    """The rows of `path` (.xlsx, or .csv / .txt), or the problems that stop it being read."""
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):
        return read_workbook(path.name, data)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return Sheet(problems=[SheetProblem(Place(path.name), t("the file is not a workbook (XLSX) that can be read"),
                                            t("open it in the spreadsheet program and save it again as .xlsx"))])
    if path.suffix.lower() == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return Sheet(problems=[SheetProblem(Place(path.name), t("an old Excel workbook (.xls) cannot be read"),
                                            t("open it in the spreadsheet program and save it as .xlsx"))])
    return read_csv(path.name, data)


# ---------------------------------------------------------------------------------------------- XLSX

def read_workbook(name: str, data: bytes) -> Sheet:
    import openpyxl
    from openpyxl.utils import get_column_letter

    out = Sheet(kind="xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        out.problems.append(SheetProblem(Place(name), t("the workbook cannot be read ({detail})", detail=str(exc)),
                                         t("open it in the spreadsheet program and save it again as .xlsx")))
        return out
    try:
        properties = {p.name: str(p.value) for p in book.custom_doc_props.props}
    except Exception:  # a workbook of another program's making: nothing said about it
        properties = {}
    out.week, out.province = properties.get(WEEK_PROPERTY, ""), properties.get(PROVINCE_PROPERTY, "")
    sheets = book.sheetnames
    if SHEET not in sheets:
        out.problems.append(SheetProblem(Place(name), t("the workbook has no sheet «{sheet}» (its sheets: {sheets})",
                                                        sheet=SHEET, sheets="، ".join(sheets)),
                                         t("give the deliveries' sheet its name back, «{sheet}»", sheet=SHEET)))
        return out
    for other in sheets:
        if other not in (SHEET, GUIDE):
            out.problems.append(SheetProblem(Place(name, other), t("the workbook has a sheet «{sheet}» of its own",
                                                                   sheet=other),
                                             t("move its rows into the sheet «{sheet}» and delete it: only that "
                                               "sheet is read", sheet=SHEET)))
    ws = book[SHEET]
    for merged in sorted(str(r) for r in ws.merged_cells.ranges):
        out.problems.append(SheetProblem(Place(name, SHEET, merged.split(":")[0]),
                                         t("cells {cells} are merged", cells=merged),
                                         t("unmerge them and write the value in each row's own cell")))
    for r, dim in sorted(ws.row_dimensions.items()):
        if dim.hidden and r <= ws.max_row:
            out.problems.append(SheetProblem(Place(name, SHEET, f"A{r}"), t("row {row} is hidden", row=r),
                                             t("unhide it (a hidden row is read but not seen); delete it if it "
                                               "is not to be imported")))
    for letter, dim in sorted(ws.column_dimensions.items()):
        if dim.hidden:
            out.problems.append(SheetProblem(Place(name, SHEET, f"{letter}1"),
                                             t("column {column} is hidden", column=letter),
                                             t("unhide it, or delete it if it holds nothing to import")))
    grid = list(ws.iter_rows())
    if not grid:
        out.problems.append(SheetProblem(Place(name, SHEET), t("the sheet is empty"),
                                         t("fill in the workbook sent for the week (portal workbook)")))
        return out
    fields, problems = columns_of([c.value if c.value is not None else "" for c in grid[0]],
                                lambda j: Place(name, SHEET, f"{get_column_letter(j + 1)}1" if j is not None
                                                else "1"))
    out.problems += problems
    if problems:
        return out
    for cells in grid[1:]:
        values: dict[str, str] = {}
        places: dict[str, Place] = {}
        bad = False
        for j, f in fields.items():
            cell = cells[j] if j < len(cells) else None
            where = Place(name, SHEET, f"{get_column_letter(j + 1)}{cells[0].row}")
            places[f] = where
            text, problem = _cell_text(cell, f, where)
            if problem:
                out.problems.append(problem)
                bad = True
            values[f] = text
        for j, cell in enumerate(cells):  # a value beside the columns: typed where nothing is read
            if j not in fields and cell.value not in (None, ""):
                out.problems.append(SheetProblem(Place(name, SHEET, cell.coordinate),
                                                 t("cell {cell} holds a value outside the workbook's columns",
                                                   cell=cell.coordinate),
                                                 t("move it into its column, or delete it")))
        if not bad:  # a cell's own problem is the row's one message
            add_row(out, values, places, Place(name, SHEET, f"A{cells[0].row}"))
    check_rows(out, name, Place(name, SHEET))
    return out


def _cell_text(cell, f: str, where: Place) -> tuple[str, SheetProblem | None]:
    """A cell's value as text for the field `f`, or a problem with it."""
    if cell is None or cell.value is None:
        return "", None
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        return "", SheetProblem(where, t("cell {cell} holds a formula ({formula})", cell=where.cell,
                                         formula=str(value)[:60]),
                                t("write the number itself: copy the cell and paste it as a value"))
    if cell.data_type == "e":
        return "", SheetProblem(where, t("cell {cell} holds an error ({error})", cell=where.cell, error=value),
                                t("write the value itself"))
    if isinstance(value, bool):
        return "", SheetProblem(where, t("cell {cell} holds TRUE or FALSE", cell=where.cell),
                                t("write the value itself"))
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        if f == "week_ending":  # a date the spreadsheet program read as one: the same day in Jalali
            return JDate.from_gregorian(day).iso, None
        return "", SheetProblem(where, t("cell {cell} holds a date", cell=where.cell), t("write the value itself"))
    if isinstance(value, float):
        if f == "quantity" and not value.is_integer():
            return "", SheetProblem(where, t("cell {cell}: {value} is not a whole number", cell=where.cell,
                                             value=f"{value:g}"),
                                    t("write the whole number delivered"))
        return str(int(value)) if value.is_integer() else f"{value:g}", None
    if isinstance(value, int):
        return str(value), None
    return typed_text(str(value), f), None


# ----------------------------------------------------------------------------------------------- CSV

_ENCODINGS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def _decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: by its byte-order mark; else UTF-8 (with a few bad bytes in it still UTF-8,
    reported: a lost letter would be a wrong name or note); else UTF-16 without a mark (Persian in UTF-16
    has no zero byte, but its every other byte is 0x06); else Windows-1256."""
    for encoding, mark in _ENCODINGS:
        if data.startswith(mark):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(data) % 2 == 0 and len(high) > 8 and sum(b in (0, 6) for b in high) > 0.9 * len(high):
            return data.decode(encoding, errors="replace"), "utf-16"
    loose = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for ch in loose if ord(ch) > 127)
    if multibyte and loose.count("\ufffd") <= 0.02 * multibyte:
        return loose, "utf-8 with bad bytes"
    return data.decode("cp1256", errors="replace"), "windows-1256"


_LOST = re.compile(r"[\u0600-\u06ff]\?|\?[\u0600-\u06ff]")  # «تحو?ل»: a letter Windows-1256 could not keep


def read_csv(name: str, data: bytes) -> Sheet:
    out = Sheet(kind="csv")
    text, encoding = _decode(data)
    if "\ufffd" in text:
        line = text[:text.index("\ufffd")].count("\n") + 1
        out.problems.append(SheetProblem(Place(name, line=line),
                                         t("the file's text is in an encoding that cannot be read"),
                                         t("save it as CSV UTF-8 (or as .xlsx)")))
        return out
    lines = text.splitlines()
    skipped = next((i for i, line in enumerate(lines) if line.strip()), len(lines))  # blank lines before the header
    text = "\n".join(lines[skipped:])
    lines = lines[skipped:]
    if not lines:
        out.problems.append(SheetProblem(Place(name), t("the file is empty"),
                                         t("fill in the workbook sent for the week (portal workbook)")))
        return out
    first = lines[0]
    delimiter = max((";", ",", "\t", "،"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    header = [h.strip() for h in rows[0]]
    fields, problems = columns_of(header, lambda j: Place(name, line=skipped + 1,
                                                        column=header[j] if j is not None else ""))
    out.problems += problems
    if problems:
        return out
    by_field = {f: header[j] for j, f in fields.items()}
    filled = [cells for cells in rows[1:] if any(c.strip() for c in cells)]
    # empty cells after the last column on every row are a program's trailing separators; on some rows only,
    # a separator typed inside a cell («3,000» unquoted) that moved the cells after it
    trailing = len({len(c) for c in filled}) == 1 and all(not x.strip() for c in filled for x in c[len(header):])
    for n, cells in enumerate(rows[1:], start=skipped + 2):
        if len(cells) > len(header) and not trailing:
            out.problems.append(SheetProblem(Place(name, line=n),
                                             t("the row has {cells} cells but the header has {columns}",
                                               cells=len(cells), columns=len(header)),
                                             t("a cell holds the separator «{sep}»: put the cell in double quotes, "
                                               "or save the file again from the spreadsheet program", sep=delimiter)))
            continue
        values = {f: typed_text(cells[j], f) if j < len(cells) else "" for j, f in fields.items()}
        places = {f: Place(name, line=n, column=by_field[f]) for f in fields.values()}
        if encoding == "windows-1256" and _LOST.search(values.get("note_fa", "")):
            out.problems.append(SheetProblem(places["note_fa"], t("the note lost letters that Windows-1256 cannot "
                                                                  "hold («{note}»)", note=values["note_fa"]),
                                             t("save the file as CSV UTF-8, or as .xlsx, and import it again")))
            continue
        add_row(out, values, places, Place(name, line=n))
    check_rows(out, name, Place(name))
    return out
