"""The rows of a filled-in workbook (XLSX, through openpyxl) or of the CSV file a province sent instead, as
texts, each with its place as staff see it («کرمان.xlsx، برگهٔ تحویل، خانهٔ D7»; «کرمان.csv، سطر ۷، ستون
تعداد»); and every problem of the form itself, each at its place: a missing, renamed or extra sheet or
column, merged cells, hidden rows or columns, a formula or an error where a value belongs, a decimal
quantity, an empty quantity on a row that is otherwise filled in, a province given twice for a programme,
a file that is not a workbook, nothing filled in at all.

CSV files come as spreadsheet programs save them: `;`, `,` or tab between the cells, UTF-8 (with or without
its byte-order mark), UTF-16 or Windows-1256, Persian or Arabic digits, thousands separators, dates day
first. Nothing here knows the data: the rules of `portal validate` read what this returns
(staff/importing.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.lang.jalali import JDate
from generator.lang.messages import Text, t
from generator.lang.persian import ascii_digits, match_key, parse_integer
from generator.staff.workbook import COLUMNS, GUIDE, NOTE_LENGTH, PROVINCE_PROPERTY, SHEET, WEEK_PROPERTY

REQUIRED = ("week_ending", "province", "programme", "quantity")


@dataclass(frozen=True)
class Place:
    """Where a value is, as staff see it: a workbook's sheet and cell, or a CSV file's line and column."""

    file: str
    sheet: str = ""
    cell: str = ""  # «D7»
    line: int = 0  # a CSV file's line
    column: str = ""  # a CSV file's column, by its header

    def order(self) -> tuple:
        """Places in reading order: by file, sheet, row and column (a cell's «D12» by 12 then D)."""
        row = int("".join(ch for ch in self.cell if ch.isdigit()) or 0)
        column = "".join(ch for ch in self.cell if ch.isalpha())
        return self.file, self.sheet, row or self.line, len(column), column, self.column

    def said(self) -> Text:
        if self.sheet and self.cell:
            return t("{file}, sheet {sheet}, cell {cell}", file=self.file, sheet=self.sheet, cell=self.cell)
        if self.sheet:
            return t("{file}, sheet {sheet}", file=self.file, sheet=self.sheet)
        if self.line and self.column:
            return t("{file}, line {line}, column {column}", file=self.file, line=self.line, column=self.column)
        if self.line:
            return t("{file}, line {line}", file=self.file, line=self.line)
        return t("{file}", file=self.file)


@dataclass(frozen=True)
class SheetProblem:
    place: Place
    message: Text
    fix: Text


@dataclass
class SheetRow:
    """One filled-in row: each field's text as typed (digits made ASCII in the numbers and dates), and the
    place of each field's cell; `row` is the place of the row as a whole (its first cell)."""

    values: dict[str, str]
    places: dict[str, Place]
    row: Place


@dataclass
class Sheet:
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)
    kind: str = "xlsx"  # or "csv"
    blank: list[SheetRow] = field(default_factory=list)  # rows as they were sent: no quantity, no note
    # what the workbook says it is for (portal workbook writes them in its properties): its week, and its
    # province's ISO code when it is one province's; "" when not known (a CSV file, another workbook)
    week: str = ""
    province: str = ""


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


def lossy_key(text: str) -> str:
    """A name as any Windows-1256 file keeps it, to match a name that came through one: each letter that code
    page lacks (ی, the hamza of ۀ…) is written «?» by some spreadsheet programs, and ی as the Arabic ي by
    others; both become one mark here, on either side, before matching as typed names are (match_key)."""
    marked = str(text).replace("ی", "?").replace("ي", "?")
    kept = marked.encode("cp1256", errors="replace").decode("cp1256")
    return match_key(kept).replace("?", "¤")


_HEADERS = {**{match_key(fa): f for f, fa in COLUMNS}, **{match_key(f): f for f, _ in COLUMNS}}
_LOSSY_HEADERS = {lossy_key(fa): f for f, fa in COLUMNS}


def _field_of(header: str) -> str | None:
    found = _HEADERS.get(match_key(str(header)))
    return found if found is not None or "?" not in str(header) else _LOSSY_HEADERS.get(lossy_key(header))


def _columns(names: list[str], place_of) -> tuple[dict[int, str], list[SheetProblem]]:
    """Which field each column holds, by its header (the workbook's Persian, or the data file's English);
    problems for an unknown, repeated or missing one. `place_of(index)`: the header cell's place."""
    fields: dict[int, str] = {}
    problems: list[SheetProblem] = []
    headers = "، ".join(fa for _, fa in COLUMNS)
    for j, name in enumerate(names):
        if not str(name).strip():
            continue
        f = _field_of(name)
        if f is None:
            problems.append(SheetProblem(place_of(j), t("column «{name}» is not one of the workbook's", name=name),
                                         t("delete the column, or give it back its header; the columns are: "
                                           "{headers}", headers=headers)))
        elif f in fields.values():
            problems.append(SheetProblem(place_of(j), t("column «{name}» comes twice", name=name),
                                         t("keep one column «{name}» and delete the other", name=name)))
        else:
            fields[j] = f
    for f, fa in COLUMNS:
        if f in REQUIRED and f not in fields.values():
            problems.append(SheetProblem(place_of(None), t("the column «{name}» is missing", name=fa),
                                         t("fill in the workbook sent for the week (portal workbook), whose "
                                           "columns are: {headers}", headers=headers)))
    return fields, problems


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
    fields, problems = _columns([c.value if c.value is not None else "" for c in grid[0]],
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
            _add_row(out, values, places, Place(name, SHEET, f"A{cells[0].row}"))
    _whole(out, name, Place(name, SHEET))
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
    return _typed_text(str(value), f), None


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
    fields, problems = _columns(header, lambda j: Place(name, line=skipped + 1,
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
        values = {f: _typed_text(cells[j], f) if j < len(cells) else "" for j, f in fields.items()}
        places = {f: Place(name, line=n, column=by_field[f]) for f in fields.values()}
        if encoding == "windows-1256" and _LOST.search(values.get("note_fa", "")):
            out.problems.append(SheetProblem(places["note_fa"], t("the note lost letters that Windows-1256 cannot "
                                                                  "hold («{note}»)", note=values["note_fa"]),
                                             t("save the file as CSV UTF-8, or as .xlsx, and import it again")))
            continue
        _add_row(out, values, places, Place(name, line=n))
    _whole(out, name, Place(name))
    return out


# ------------------------------------------------------------------------------------------- the rows

_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def _typed_text(text: str, f: str) -> str:
    """A text as typed, with what spreadsheet programs and keyboards vary made plain: Persian or Arabic digits
    and thousands separators in a quantity, a date written day first or with slashes."""
    text = text.strip()
    if f == "quantity":
        number = parse_integer(text)
        return str(number) if number is not None else ascii_digits(text)
    if f == "week_ending":
        plain = ascii_digits(re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]", "", text)).strip()
        m = _DAY_FIRST.match(plain)
        if m and 1300 <= int(m.group(3)) <= 1500:
            return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        m = _YEAR_FIRST.match(plain)
        if m:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        return plain
    return text


def _add_row(out: Sheet, values: dict[str, str], places: dict[str, Place], row: Place) -> None:
    if not any(values.get(f) for f in ("quantity", "note_fa")):
        if any(values.values()):
            out.blank.append(SheetRow(values, places, row))  # as it was sent: a figure not reported
        return
    if not values.get("quantity"):
        out.problems.append(SheetProblem(places["quantity"], t("the quantity is empty, but the row has a note"),
                                         t("write the quantity delivered (0 if nothing was)")))
        return
    if len(values.get("note_fa", "")) > NOTE_LENGTH:
        out.problems.append(SheetProblem(places["note_fa"], t("the note has {n} characters; at most {limit}",
                                                              n=len(values["note_fa"]), limit=NOTE_LENGTH),
                                         t("shorten it: a note is a line or two beside the figure")))
        return
    missing = [f for f in REQUIRED if not values.get(f)]
    for f in missing:
        header = dict(COLUMNS)[f]
        out.problems.append(SheetProblem(places[f], t("«{name}» is empty", name=header),
                                         t("fill it in as the workbook was sent (portal workbook)")))
    if not missing:
        out.rows.append(SheetRow(values, places, row))


def _whole(out: Sheet, name: str, where: Place) -> None:
    """Problems of the rows together: nothing filled in; a programme twice for a province and week;
    a workbook half filled in (some of its rows' quantities left empty)."""
    if not out.rows and not out.problems:
        out.problems.append(SheetProblem(where, t("no quantity is filled in"),
                                         t("write each programme's quantity for the week (0 if nothing was "
                                           "delivered), then save and import again")))
        return
    filled = {match_key(r.values["province"]) for r in out.rows}
    for row in out.blank:  # a province that filled in some of its rows and not the others
        if match_key(row.values.get("province", "")) in filled:
            out.problems.append(SheetProblem(row.places["quantity"],
                                             t("the quantity of «{programme}» is empty, while the other rows of "
                                               "{province} are filled in", programme=row.values.get("programme", ""),
                                               province=row.values.get("province", "")),
                                             t("write the quantity delivered, 0 if nothing was: an empty cell is a "
                                               "figure not reported")))
    seen: dict[tuple[str, str, str], SheetRow] = {}
    for row in out.rows:
        key = (row.values["week_ending"], match_key(row.values["province"]), match_key(row.values["programme"]))
        if key in seen:
            out.problems.append(SheetProblem(row.places["quantity"],
                                             t("{province} has a second row for «{programme}» this week (the first "
                                               "is at {first})", province=row.values["province"],
                                               programme=row.values["programme"],
                                               first=seen[key].places["quantity"].said()),
                                             t("keep one row per province and programme; add the quantities "
                                               "together")))
        else:
            seen[key] = row
