"""`portal import FILE`: a province's filled-in workbook (staff/workbook.py), or the CSV file it sent, into
data/deliveries/, through every rule `portal validate` runs.

1. The data as they are must be valid (a problem of theirs would be blamed on the workbook).
2. The file is read (staff/sheets.py): a problem of the form itself is reported at its sheet and cell.
3. Each row is matched to the figure the data already hold for its week, province and programme: the same
   figure is left as it is (importing a workbook twice changes nothing); a different one is a revision,
   refused unless `--revise` comes with a reason, which becomes an entry of data/revisions.yaml; the others
   are new.
4. The new data are made in a temporary copy of data/: new rows in data/deliveries/<week>.csv (one file per
   week, sorted by province and programme, each row with the file it came from and its SHA-256 in the
   `source` column), a revised figure changed on its own line where it is, the reason appended to
   data/revisions.yaml. Then every rule of `portal validate` runs on that copy, the notes' personal-data
   scan and small-count rules among them; each problem of an imported row is reported at its cell.
5. Only when nothing is wrong are the changed files written into data/, each whole or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.lang import personal_data
from generator.lang.jalali import DateError, JDate, parse_jalali
from generator.lang.messages import render, t
from generator.lang.persian import match_key, parse_integer
from generator.load.files import load
from generator.model.errors import PortalError
from generator.model.problems import errors_in
from generator.render.write import write_if_changed
from generator.schema.files import SCHEMAS
from generator.staff import sheet_read, sheets
from generator.staff.scaffold import yaml_text
from generator.staff.sheets import Place, SheetProblem, SheetRow
from generator.validate.normalise import normalise
from generator.validate.run import validate

COLUMNS = tuple(f.name for f in SCHEMAS["deliveries"].shape.item.fields)  # an imported file's header
REVISIONS = "revisions.yaml"


class ImportProblems(PortalError):
    """The file cannot be imported: every problem, each at its place; data/ was left as it was."""

    def __init__(self, source: str, problems: list[SheetProblem]):
        unique = list({(p.place, str(p.message), str(p.fix)): p for p in problems}.values())
        problems = sorted(unique, key=lambda p: p.place.order())
        super().__init__(t("{n} problem(s) in {file}; data/ was left as it was", n=len(problems), file=source))
        self.source, self.problems = source, problems

    def lines(self, lang: str) -> list[str]:
        """Each problem on a line: its place, what is wrong and what to do."""
        joint = "؛ " if lang == "fa" else "; "
        return [f"{render(p.place.said(), lang)}: {render(p.message, lang)}{joint}{render(p.fix, lang)}"
                for p in self.problems]


@dataclass
class Imported:
    source: str
    written: list[str] = field(default_factory=list)  # files under the project, as written
    added: int = 0
    unchanged: int = 0
    revised: int = 0
    notes: int = 0  # notes changed beside a figure that stayed the same
    silent: list[str] = field(default_factory=list)  # provinces whose rows were all left empty
    warnings: list[str] = field(default_factory=list)  # what `portal validate` warns of, as lines


@dataclass
class _Row:
    """An imported row as it will be written: the CSV values, and where it came from."""

    sheet: SheetRow
    values: dict[str, str]
    key: tuple[str, str, str, str] | None  # (week, ISO code, county, programme id) when every name is known


def import_file(root: Path, data: Path, path: Path, reason: str | None = None, today: JDate | None = None,
                lang: str = "en") -> Imported:
    """Import `path` into `data` (data/ of the project at `root`). `reason`: given with --revise, allows
    figures already in the data to change, and is written to data/revisions.yaml as why. `today`: the
    revisions' date (default: today's Jalali date)."""
    if not data.resolve().is_relative_to(root.resolve()):
        raise PortalError(t("portal import writes into the project's own data folder; {data} is outside {root}",
                            data=str(data), root=str(root)))
    data, root = data.resolve(), root.resolve()
    raw = load(data, root)
    current = validate(raw)
    if errors_in(current.problems):
        raise PortalError(t("data/ has {n} error(s) already; run `portal validate`, fix them, then import",
                            n=len(errors_in(current.problems))))
    ds = normalise(current)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    named = [SheetProblem(Place(path.name), t("the file's name holds what looks like {kind} ({masked}); the name is "
                                              "kept beside every figure imported from it", kind=t(f.kind),
                                              masked=f.masked),
                          t("rename the file (the province and the week are enough), then import it"))
             for f in personal_data.find(path.name)]
    if named:
        raise ImportProblems(path.name, named)
    sheet = sheet_read.read(path)
    problems = sheet.problems or _for_its_week(sheet, current.places)
    if problems:
        raise ImportProblems(path.name, problems)
    rows = [_resolve(r, current.places, ds, path.name, digest) for r in sheet.rows]
    result = Imported(path.name, silent=sorted({r.values.get("province", "") for r in sheet.blank}
                                               - {r.sheet.values["province"] for r in rows}))
    existing = _existing(current)
    new, changed, problems = [], [], []
    for row in rows:
        held = existing.get(row.key) if row.key else None
        if held is None:
            new.append(row)
        elif held.quantity == row.values["quantity"]:
            if row.values["note_fa"] != held.note and not held.counties:  # a note written, changed or cleared
                changed.append((row, held))
                result.notes += 1
            else:
                result.unchanged += 1
        elif held.counties:
            problems.append(SheetProblem(
                row.sheet.places["quantity"],
                t("the data give {programme} in {province} for the week ending {week} county by county ({n} counties, "
                  "{old} in all, from {where}); the file gives the province {new}",
                  programme=row.sheet.values["programme"], province=row.sheet.values["province"],
                  week=row.values["week_ending"], n=held.counties, old=int(held.quantity),
                  where=f"{held.path}:{held.line}", new=_number(row.values["quantity"])),
                t("a figure for the whole province beside its counties' would count them twice: revise the counties' "
                  "rows by hand, or leave the cell as the data have it")))
        elif reason is None:
            problems.append(SheetProblem(
                row.sheet.places["quantity"],
                t("{programme} in {province} for the week ending {week} is {old} in the data ({where}); the file "
                  "says {new}", programme=row.sheet.values["programme"], province=row.sheet.values["province"],
                  week=row.values["week_ending"], old=int(held.quantity), where=f"{held.path}:{held.line}",
                  new=_number(row.values["quantity"])),
                t("if the figure was revised, import again with --revise --reason \"why it changed\"; otherwise "
                  "correct the cell")))
        else:
            changed.append((row, held))
            result.revised += 1
    if problems:
        raise ImportProblems(path.name, problems)
    if not new and not changed:
        return result
    with tempfile.TemporaryDirectory(prefix="portal-import-") as tmp:
        copy = Path(tmp) / data.relative_to(root)  # the same paths as the project's, for every message
        shutil.copytree(data, copy)
        written, lines_of = _apply(copy, root=Path(tmp), new=new, changed=changed)
        reason_lines: set[tuple[str, int]] = set()
        if result.revised:
            rel, reason_lines = _revisions(copy, Path(tmp), [(row, held) for row, held in changed
                                                             if held.quantity != row.values["quantity"]],
                                           reason or "", today or JDate.from_gregorian(dt.date.today()))
            written.append(rel)
        checked = validate(load(copy, Path(tmp)))
        found = [SheetProblem(Place("--reason"), p.message, p.fix) if (p.path, p.line) in reason_lines
                 else _placed(p, lines_of, path.name) for p in errors_in(checked.problems)]
        if found:
            raise ImportProblems(path.name, found)
        result.warnings = [f"{p.where()} {p.explain(lang)}" for p in checked.problems if p.severity != "error"
                           and (p.path, p.line) in lines_of]
        for rel in sorted(set(written)):
            write_if_changed(root / rel, (Path(tmp) / rel).read_bytes())
        result.written = sorted(set(written))
        result.added = len(new)
    return result


def _for_its_week(sheet: sheets.Sheet, places) -> list[SheetProblem]:
    """Each row's week is a date (it names the week's file), and the workbook's own week and province when it
    says which (portal workbook's properties): a row for another week or province is refused at its cell."""
    problems = []
    for row in sheet.rows:
        week = row.values["week_ending"]
        try:
            day = parse_jalali(week)
        except DateError as exc:
            problems.append(SheetProblem(row.places["week_ending"], exc.message, exc.fix))
            continue
        if day.iso != week:
            row.values["week_ending"] = day.iso
        if sheet.week and day.iso != sheet.week:
            problems.append(SheetProblem(row.places["week_ending"],
                                         t("the row is for the week ending {week}, in a workbook for the week "
                                           "ending {sent}", week=day.iso, sent=sheet.week),
                                         t("give each week its own workbook (portal workbook --date)")))
        code = places.province(row.values["province"])
        if sheet.province and code != sheet.province:
            problems.append(SheetProblem(row.places["province"],
                                         t("the row is for «{province}», in the workbook of {sent}",
                                           province=row.values["province"],
                                           sent=places.names_fa.get(sheet.province, sheet.province)),
                                         t("a province reports its own figures: send the other province its own "
                                           "workbook")))
    return problems


def _number(text: str) -> int | str:
    """A quantity as a number (written in the message's digits), or as typed."""
    return int(text) if text.isdigit() else text


def _resolve(r: SheetRow, places, ds, source: str, digest: str) -> _Row:
    """The row in the data's own terms: the province by its reference name, the programme by its id, digits
    made ASCII; as typed where a name is not known (validation says so, at its cell). A name that came
    through a Windows-1256 file with letters lost is matched as that file would have kept each name."""
    typed_province, typed_programme = r.values["province"], r.values["programme"]
    code = places.province(typed_province)
    if code is None and "?" in typed_province:
        code = {sheets.lossy_key(p.name_fa): p.iso_code for p in ds.provinces}.get(sheets.lossy_key(typed_province))
    names = [(p.id, name) for p in ds.programmes for name in (p.id, p.name_fa, p.short_name_fa, p.name_en)]
    programme = {match_key(name): pid for pid, name in names}.get(match_key(typed_programme))
    if programme is None and "?" in typed_programme:
        programme = {sheets.lossy_key(name): pid for pid, name in names}.get(sheets.lossy_key(typed_programme))
    names = {p.iso_code: p.name_fa for p in ds.provinces}
    values = {"week_ending": r.values["week_ending"], "province": names.get(code, r.values["province"]),
              "county": "", "programme": programme or r.values["programme"], "quantity": r.values["quantity"],
              "synthetic": "no", "note_fa": r.values.get("note_fa", ""), "source": source,
              "source_sha256": digest}
    key = (values["week_ending"], code, "", programme) if code and programme else None
    return _Row(r, values, key)


@dataclass(frozen=True)
class _Held:
    quantity: str
    note: str
    path: str
    line: int
    counties: int = 0  # a province's figure the data hold county by county (their sum), from this many


def _existing(current) -> dict[tuple, _Held]:
    """Every province's figure the data hold for a week and programme: (week, ISO code, "", programme) ->
    what and where; the sum of its counties' where the data hold it county by county."""
    frame = current.deliveries
    paths = [p.file.path for p in current.files.get("deliveries", [])]
    held: dict[tuple, _Held] = {}
    if not len(frame):
        return held
    placed = frame[frame.province.notna()]
    county = placed.county.astype(object).fillna("")
    for row in placed[county == ""].itertuples():
        note = "" if row.note_fa is None or str(row.note_fa) == "nan" else str(row.note_fa)
        held.setdefault((str(row.week), str(row.province), "", str(row.programme)),
                        _Held(str(int(row.quantity)), note, paths[row.file], int(row.line)))
    by_county = placed[county != ""]
    if len(by_county):
        sums = by_county.groupby(["week", "province", "programme"], observed=True).agg(
            quantity=("quantity", "sum"), counties=("quantity", "size"), file=("file", "first"), line=("line", "min"))
        for (week, code, programme), r in sums.iterrows():
            held.setdefault((str(week), str(code), "", str(programme)),
                            _Held(str(int(r.quantity)), "", paths[int(r.file)], int(r.line), int(r.counties)))
    return held


def _csv_line(values: dict[str, str], header: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([values.get(h, "") for h in header])
    return out.getvalue()


def _apply(copy: Path, root: Path, new: list[_Row], changed: list[tuple[_Row, _Held]]
           ) -> tuple[list[str], dict[tuple[str, int], _Row]]:
    """Writes the rows into the copy of data/ at `copy`: a changed figure's old row taken out of its file,
    and every new or changed row into its week's file, which keeps the rows of earlier imports. Returns the
    files written (relative to `root`, the copy's project) and, for each line written, the row it holds."""
    written: list[str] = []
    lines_of: dict[tuple[str, int], _Row] = {}
    by_file: dict[str, list[int]] = {}
    for _, held in changed:
        by_file.setdefault(held.path, []).append(held.line)
    for rel, numbers in sorted(by_file.items()):  # each old row out of its file, whose other lines stay
        target = root / rel
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        records = _records(lines)
        header = records[0][2]
        dropped: set[int] = set()
        for n in numbers:
            found = next(((start, end, cells) for start, end, cells in records if start == n), None)
            held = next(h for _, h in changed if h.path == rel and h.line == n)
            values = dict(zip(header, found[2], strict=False)) if found else {}
            if found is None or parse_integer(values.get("quantity", "")) != int(held.quantity):
                raise PortalError(t("{path}:{line} is not the row of that figure any more; edit it by hand",
                                    path=rel, line=n))
            dropped |= set(range(found[0], found[1] + 1))
        target.write_text("".join(line for i, line in enumerate(lines, start=1) if i not in dropped), encoding="utf-8")
        written.append(rel)
    by_week: dict[str, list[_Row]] = {}
    for row in [*new, *(row for row, _ in changed)]:
        by_week.setdefault(row.values["week_ending"], []).append(row)
    for week, rows in sorted(by_week.items()):
        target = copy / "deliveries" / f"{week}.csv"
        rel = target.relative_to(root).as_posix()
        kept: list[dict[str, str]] = []
        if target.exists():  # an earlier import of the week: its rows stay (but those taken out just now)
            with target.open(encoding="utf-8", newline="") as f:
                kept = list(csv.DictReader(f))
        everything = [(dict(k), None) for k in kept] + [(r.values, r) for r in rows]
        everything.sort(key=lambda item: tuple(item[0].get(c) or "" for c in ("week_ending", "province", "programme")))
        text = _csv_line({h: h for h in COLUMNS}, COLUMNS)
        for n, (values, row) in enumerate(everything, start=2):
            text += _csv_line(values, COLUMNS)
            if row is not None:
                lines_of[(rel, n)] = row
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(rel)
    return written, lines_of


def _records(lines: list[str]) -> list[tuple[int, int, list[str]]]:
    """Each CSV record of `lines` with its first and last line (a quoted cell may hold a line break)."""
    out: list[tuple[int, int, list[str]]] = []
    reader = csv.reader(iter(lines))
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return out
        out.append((start, reader.line_num, cells))


def _revisions(copy: Path, root: Path, revised: list[tuple[_Row, _Held]], reason: str, today: JDate
               ) -> tuple[str, set[tuple[str, int]]]:
    """One entry of data/revisions.yaml per revised figure, dated `today`, with the staff's `reason`; returns the
    file (relative to `root`) and its lines written (a problem on one is the reason's)."""
    target = copy / REVISIONS
    text = target.read_text(encoding="utf-8") if target.exists() else \
        "# Why published figures were revised. Schema: docs/schema.md#revisions\n"
    if text and not text.endswith("\n"):
        text += "\n"
    taken = text.count(f"id: {today.iso}-r")
    rel = target.relative_to(root).as_posix()
    lines: set[tuple[str, int]] = set()
    for n, (row, _) in enumerate(revised, start=taken + 1):
        first = text.count("\n") + 1
        lines |= {(rel, first + i) for i in range(6)}
        text += (f"- id: {today.iso}-r{n}\n  date: {today.iso}\n  reason_fa: {yaml_text(reason)}\n"
                 f"  programme: {yaml_text(row.values['programme'])}\n"
                 f"  province: {yaml_text(row.values['province'])}\n"
                 f"  period: {yaml_text(row.values['week_ending'])}\n")
    target.write_text(text, encoding="utf-8")
    return rel, lines


def _placed(problem, lines_of: dict[tuple[str, int], _Row], source: str) -> SheetProblem:
    """A problem `portal validate` found in the copy, at the cell of the row it is on (the row's first cell
    when it names no column of the sheet), or at its own file and line when it is not on an imported row."""
    row = lines_of.get((problem.path, problem.line))
    if row is None:
        return SheetProblem(Place(problem.path, line=problem.line, column=problem.field), problem.message,
                            problem.fix)
    where = row.sheet.places.get(problem.field) or row.sheet.row
    return SheetProblem(where, problem.message, problem.fix)
