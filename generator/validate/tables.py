"""Rules on CSV files checked as columns: a national file has millions of rows, so each distinct value is
looked at once and only the rows that repeat or fail are walked one by one (part of the validate stage;
validate/run.py runs them).

- deliveries: one figure per week, place and programme; a province-wide figure or county figures, not
  both; every week dated by a meeting; no deliveries for a programme counted from meetings; a warning on
  the row with which a programme passes its pledge;
- registers: one row per household, programme and month.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from generator.lang.messages import t
from generator.model.problems import WARNING, Problem
from generator.model.reuse import reused
from generator.schema.fields import Columns, Rec, object_array
from generator.validate.places import PlaceIndex

if TYPE_CHECKING:
    from generator.validate.validated import Parsed, Validated


DELIVERY_COLUMNS = ("week", "province", "county", "programme", "quantity", "synthetic", "note_fa")


def delivery_frame(files: list[Parsed], places: PlaceIndex) -> pd.DataFrame:
    """Every delivery row whose required fields could be read, one column per field: the place resolved
    (province ISO code and county id; missing when unknown, county "" for a province-wide figure), the
    names as typed (for messages), the file (its index in `files`) and line. Texts are ordered categoricals:
    each distinct value once, and one small integer per row."""
    texts: dict[str, list[tuple[np.ndarray, np.ndarray]]] = defaultdict(list)  # column -> (values, codes)
    numbers: dict[str, list[np.ndarray]] = defaultdict(list)
    for index, parsed in enumerate(files):
        c: Columns = parsed.value
        keep = c.complete
        combos, rows = c.distinct("province", "county")
        codes = [places.province(p) if p else None for p, _ in combos]
        counties = [places.county(code, county) if code and county else "" for code, (_, county)
                    in zip(codes, combos, strict=True)]
        texts["province"].append((object_array(codes), rows[keep]))
        texts["county"].append((object_array(counties), rows[keep]))
        texts["week"].append((object_array([d.iso if d else None for d in c.values["week_ending"]]),
                              c.codes["week_ending"][keep]))
        for name, column in (("programme", "programme"), ("note_fa", "note_fa"),
                             ("province_as_typed", "province"), ("county_as_typed", "county")):
            texts[name].append((c.values[column], c.codes[column][keep]))
        numbers["quantity"].append(c.column("quantity")[keep].astype(np.int64))
        numbers["synthetic"].append(c.column("synthetic")[keep].astype(bool))
        numbers["file"].append(np.full(int(keep.sum()), index, dtype=np.int32))
        numbers["line"].append(c.lines[keep])
    names = (*DELIVERY_COLUMNS, "province_as_typed", "county_as_typed", "file", "line")
    if not files:
        return pd.DataFrame({name: [] for name in names})
    columns = {name: _categorical(parts) for name, parts in texts.items()}
    columns |= {name: np.concatenate(parts) for name, parts in numbers.items()}
    return pd.DataFrame({name: columns[name] for name in names})


REGISTER_COLUMNS = ("household", "province", "county", "programme", "month", "head_gender", "head_age_band",
                    "household_size", "amount_rials", "synthetic")


def register_frame(files: list[Parsed], places: PlaceIndex) -> pd.DataFrame:
    """Every register row whose fields could all be read and whose place is known, one column per field:
    province as ISO code, county as id ("" when not given), month as «1400-06». Texts are ordered
    categoricals, as in delivery_frame."""
    texts: dict[str, list[tuple[np.ndarray, np.ndarray]]] = defaultdict(list)
    numbers: dict[str, list[np.ndarray]] = defaultdict(list)
    for parsed in files:
        c: Columns = parsed.value
        combos, rows = c.distinct("province", "county")
        codes = [places.province(p) if p else None for p, _ in combos]
        counties = [places.county(code, county) if code and county else "" for code, (_, county)
                    in zip(codes, combos, strict=True)]
        placed = np.array([code is not None and county is not None for code, county in zip(codes, counties,
                                                                                            strict=True)])
        keep = c.complete & placed[rows] if len(combos) else c.complete
        texts["province"].append((object_array(codes), rows[keep]))
        texts["county"].append((object_array(counties), rows[keep]))
        texts["month"].append((object_array([m.iso if m else None for m in c.values["month"]]),
                               c.codes["month"][keep]))
        for name in ("household", "programme", "head_gender", "head_age_band"):
            texts[name].append((c.values[name], c.codes[name][keep]))
        for name in ("household_size", "amount_rials"):
            numbers[name].append(c.column(name)[keep].astype(np.int64))
        numbers["synthetic"].append(c.column("synthetic")[keep].astype(bool))
    if not files:
        return pd.DataFrame({name: [] for name in REGISTER_COLUMNS})
    columns = {name: _categorical(parts) for name, parts in texts.items()}
    columns |= {name: np.concatenate(parts) for name, parts in numbers.items()}
    return pd.DataFrame({name: columns[name] for name in REGISTER_COLUMNS})


def _categorical(parts: list[tuple[np.ndarray, np.ndarray]]) -> pd.Categorical:
    """One ordered categorical from each file's (value of each code, code of each row); None is missing."""
    pieces = []
    for values, codes in parts:
        recoded, uniques = pd.factorize(values, use_na_sentinel=True)
        # a file whose every value is missing gives no categories: keep them texts all the same
        categories = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
        pieces.append(pd.Categorical.from_codes(recoded[codes], categories=categories))
    return union_categoricals(pieces, sort_categories=True).as_ordered()


def check_deliveries(v: Validated) -> list[Problem]:
    """The deliveries' rules (see the module's docstring): on the frame, the meetings' dates and the
    programmes' settings alone, so the problems found are reused while those three are as they were."""
    frame = v.deliveries
    if not len(frame):
        return []
    paths = tuple(p.file.path for p in v.files.get("deliveries", []))
    meetings = frozenset({rec["date"].iso for _, rec in v.records("meetings") if rec.get("date")} | v.meeting_names)
    programmes: dict[str, Rec] = {}
    for _, rec in v.records("programmes"):
        if rec.get("id"):
            programmes.setdefault(rec["id"], rec)  # a duplicate id is reported by _unique_ids
    settings = {pid: (p.get("delivered_from"), p.get("pledged")) for pid, p in programmes.items()}
    return list(reused(v.reuse, "deliveries checked",
                       lambda: list(_delivery_problems(frame, paths, meetings, settings)),
                       same=(frame,), equal=(paths, meetings, tuple(sorted(settings.items(), key=str)))))


def _delivery_problems(frame: pd.DataFrame, paths: tuple[str, ...], meetings: frozenset[str],
                       settings: dict[str, tuple]) -> Iterator[Problem]:
    """`settings`: each programme's (delivered_from, pledged)."""
    placed = frame[frame.province.notna()]

    # the same week, place and programme twice (rare: only those rows are walked, in file order)
    keys = ["week", "province", "county", "programme"]
    seen: dict[tuple, tuple[str, int]] = {}
    for row in placed[placed.duplicated(keys, keep=False)].itertuples():
        key = (row.week, row.province, row.county, row.programme)
        if key in seen:
            fpath, fline = seen[key]
            yield Problem(paths[row.file], row.line, "", "duplicate-row",
                          t("a figure for {programme} in {place} for the week ending {week} is already given at "
                            "{first}", programme=row.programme, place=row.province_as_typed
                            + (f" / {row.county_as_typed}" if row.county_as_typed else ""), week=row.week,
                            first=f"{fpath}:{fline}"),
                          t("keep one row per week, place and programme; add the quantities together"))
        seen[key] = (paths[row.file], row.line)

    # a province-wide figure and county figures for the same week and programme
    by_county = placed.county.notna() & (placed.county != "")
    groups = ["week", "province", "programme"]
    levels = by_county.groupby([placed[g] for g in groups]).agg(["any", "all"])
    mixed = levels[levels["any"] & ~levels["all"]].index
    if len(mixed):
        in_mixed = pd.MultiIndex.from_frame(placed[groups]).isin(mixed)
        first: dict[tuple, dict[str, tuple[str, int]]] = {}
        for row, county_level in zip(placed[in_mixed].itertuples(), by_county[in_mixed], strict=True):
            seen_levels = first.setdefault((row.week, row.province, row.programme), {})
            other = seen_levels.get("province" if county_level else "county")
            if other:
                yield Problem(paths[row.file], row.line, "county", "duplicate-row",
                              t("{province} has both a province-wide figure and county figures for {programme} "
                                "in the week ending {week} (see {other}); the total would count them twice",
                                province=row.province_as_typed, programme=row.programme, week=row.week,
                                other=f"{other[0]}:{other[1]}"),
                              t("give either one province-wide row (county empty) or one row per county"))
            seen_levels.setdefault("county" if county_level else "province", (paths[row.file], row.line))

    # weeks are dated by meetings; programmes counted from meetings take no deliveries
    for row in frame[~frame.week.isin(meetings)].itertuples():
        yield Problem(paths[row.file], row.line, "week_ending", "unknown-meeting",
                      t("no meeting was held on {week}; a week's figures are dated by the meeting that "
                        "reported them", week=row.week),
                      t("use the date of a meeting in data/meetings/, or add that meeting's file"))
    counted = [pid for pid, (source, _) in settings.items() if source == "meetings"]
    for row in frame[frame.programme.isin(counted)].itertuples():
        yield Problem(paths[row.file], row.line, "programme", "unknown-programme",
                      t("programme «{programme}» is counted from meetings, not from deliveries",
                        programme=row.programme),
                      t("remove this row; the portal counts the meetings held itself"))

    # the row with which a programme's running total first passes its pledge (a warning)
    pledged = {pid: limit for pid, (_, limit) in settings.items() if limit is not None}
    ordered = frame[frame.programme.isin(pledged)].sort_values(["week", "file", "line"], kind="stable")
    after = ordered.groupby("programme", sort=False).quantity.cumsum()
    before = after - ordered.quantity
    limit = ordered.programme.map(pledged).astype(np.int64)
    for row, total in zip(ordered[(before <= limit) & (limit < after)].itertuples(),
                          after[(before <= limit) & (limit < after)], strict=True):
        yield Problem(paths[row.file], row.line, "quantity", "over-pledge",
                      t("with this row, {programme} has delivered {total} in all, more than the {pledged} pledged",
                        programme=row.programme, total=f"{int(total):,}", pledged=f"{pledged[row.programme]:,}"),
                      t("check the quantity; if the pledge was raised, update «pledged» in data/programmes.yaml"),
                      severity=WARNING)


def check_registers(v: Validated) -> list[Problem]:
    """One row per household, programme and month, across every register file (checked as columns: a
    national register has millions of rows; only the repeated ones are walked); reused while the register
    files are as they were."""
    files = v.files.get("registers", [])
    return list(reused(v.reuse, "registers checked", lambda: list(_register_problems(files)),
                       same=tuple(p.file.root for p in files), equal=tuple(p.file.path for p in files)))


def _register_problems(files: list[Parsed]) -> Iterator[Problem]:
    parts = []
    for index, parsed in enumerate(files):
        c: Columns = parsed.value
        keep = c.complete
        parts.append(pd.DataFrame({"household": c.column("household")[keep], "programme": c.column("programme")[keep],
                                   "month": c.column("month", lambda m: m.iso if m else None)[keep],
                                   "file": np.full(int(keep.sum()), index), "line": c.lines[keep]}))
    if not parts:
        return
    frame = pd.concat(parts, ignore_index=True)
    keys = ["household", "programme", "month"]
    first: dict[tuple, str] = {}
    for row in frame[frame.duplicated(keys, keep=False)].itertuples():
        key = (row.household, row.programme, row.month)
        where = f"{files[row.file].file.path}:{row.line}"
        if key in first:
            yield Problem(files[row.file].file.path, row.line, "household", "duplicate-row",
                          t("household {household} already has a row for {programme} in {month} (at {first})",
                            household=row.household, programme=row.programme, month=row.month, first=first[key]),
                          t("keep one row per household, programme and month; add the amounts together"))
        else:
            first[key] = where
