"""The data as they stood at an earlier meeting, as far as the data say (for the backfill): meetings,
pledges, revisions, deliveries, centres and register months after that day left out."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import yaml

from generator.lang.jalali import DateError, JDate, JMonth, parse_jalali, parse_jalali_month


def _jalali_or_none(text: str) -> JDate | None:
    try:
        return parse_jalali(text) if text.strip() else None
    except DateError:
        return None  # left for validation to report


def _month_or_none(text: str) -> JMonth | None:
    try:
        return parse_jalali_month(text) if text.strip() else None
    except DateError:
        return None


def _filter_csv(path: Path, keep) -> None:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        return
    header, body = rows[0], rows[1:]
    kept = [r for r in body if keep(dict(zip(header, r, strict=False)))]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *kept])


def _keep_dated(path: Path, field: str, day: JDate) -> None:
    """A YAML list without the entries whose `field` is a date after `day` (entries it cannot read stay,
    for validation to report)."""
    if not path.exists():
        return
    # every scalar as text (the portal's loader reads them so too): nothing turns into a date or a boolean
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []
    kept = [e for e in entries if not isinstance(e, dict)
            or (when := _jalali_or_none(str(e.get(field, "")))) is None or when <= day]
    path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")


def data_as_of(data: Path, day: JDate, out: Path) -> None:
    """A copy of `data` as it stood at the meeting of `day`, as far as the data say: the meetings up to that
    day, the programmes pledged by then, deliveries reported by then, centres reported or opened by then,
    and register months up to that day's month. Staff edits made later to earlier figures stay: the data
    keep no history of their own (the publish branch does, from the first real publication on)."""
    shutil.copytree(data, out)
    for meeting in (out / "meetings").glob("*.yaml"):
        if (when := _jalali_or_none(meeting.stem)) is not None and when > day:
            meeting.unlink()
    _keep_dated(out / "programmes.yaml", "pledged_at", day)
    _keep_dated(out / "revisions.yaml", "date", day)
    month = JMonth.of(day)

    def by_date(*columns: str):
        def keep(row: dict) -> bool:
            return all((when := _jalali_or_none(row.get(c) or "")) is None or when <= day for c in columns)
        return keep

    for path in sorted((out / "deliveries").glob("*.csv")):
        _filter_csv(path, by_date("week_ending"))
    for path in sorted((out / "centres").glob("*.csv")):
        _filter_csv(path, by_date("reported_at", "opened"))
    for path in sorted((out / "registers").glob("*.csv")):
        _filter_csv(path, lambda row: (m := _month_or_none(row.get("month") or "")) is None or m <= month)
