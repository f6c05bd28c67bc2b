"""The rows of a filled-in workbook or of the CSV file a province sent instead (read by staff/sheet_read.py), as
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

import re
from dataclasses import dataclass, field

from generator.lang.messages import Text, t
from generator.lang.persian import ascii_digits, match_key, parse_integer
from generator.staff.workbook import COLUMNS, NOTE_LENGTH

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


def columns_of(names: list[str], place_of) -> tuple[dict[int, str], list[SheetProblem]]:
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


# ------------------------------------------------------------------------------------------- the rows

_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def typed_text(text: str, f: str) -> str:
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


def add_row(out: Sheet, values: dict[str, str], places: dict[str, Place], row: Place) -> None:
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


def check_rows(out: Sheet, name: str, where: Place) -> None:
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
