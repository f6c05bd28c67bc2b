"""The bad-input corpus, beyond the broken fixtures (tests/data/broken/, one per validation error): what
staff really send, each answered with a clear message or accepted and normalised, never a traceback; and
markup typed into every text field, which never executes or renders as markup in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from helpers import MINIMAL, make_project, run_portal

WEEKLY = "data/deliveries/weekly.csv"
HEADER = "week_ending,province,county,programme,quantity,synthetic,note_fa\n"


def _check(root: Path):
    return pipeline.check(pipeline.Project.at(root)).dataset


@pytest.mark.parametrize(("name", "rows", "expected"), [
    ("a byte order mark and Windows line endings",
     "\ufeff" + HEADER.replace("\n", "\r\n") + "1400-06-03,گیلان,,oxygen,12,yes,\r\n", [("IR-01", 12)]),
    ("Persian, Latin and Arabic-Indic digits in one number", HEADER + "1400-06-03,گیلان,,oxygen,۱2٣,yes,\n",
     [("IR-01", 123)]),
    ("thousands separators, Persian and Latin", HEADER + "1400-06-03,گیلان,,oxygen,\"1,020\",yes,\n"
     "1400-06-10,گیلان,,oxygen,۱٬۰۰۰,yes,\n", [("IR-01", 1020), ("IR-01", 1000)]),
    ("a province spelled four ways", HEADER + "1400-06-03,گيلان,,oxygen,1,yes,\n1400-06-10,استان گیلان,,oxygen,1,"
     "yes,\n1400-06-17,Gilan,,oxygen,1,yes,\n1400-06-24,IR-01,,oxygen,1,yes,\n", [("IR-01", 1)] * 4),
    ("trailing empty columns, as spreadsheets write them", HEADER.rstrip("\n") + ",,\n"
     "1400-06-03,کرمان,,oxygen,5,yes,,,\n", [("IR-08", 5)]),
    ("a Persian date in Persian digits", HEADER + "۱۴۰۰-۰۶-۰۳,کرمان,,oxygen,5,yes,\n", [("IR-08", 5)]),
])
def test_what_staff_send_is_accepted_and_normalised(tmp_path: Path, name: str, rows: str, expected) -> None:
    weeks = {"1400-06-17", "1400-06-24"}
    meetings = {f"meetings/{w}.yaml": f"date: {w}\nnumber: {n}\ntitle_fa: جلسه\nsynthetic: yes\nsummary_fa: خلاصه\n"
                                      "attendees:\n  - role_fa: رئیس\n" for n, w in enumerate(sorted(weeks), 4)}
    root = make_project(tmp_path / "p", overlay={"deliveries/weekly.csv": rows.encode("utf-8"), **meetings})
    ds = _check(root)
    got = sorted(zip(ds.deliveries.province.astype(str), ds.deliveries.quantity.astype(int), strict=True))
    assert got == sorted(expected), name


def test_a_file_just_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from generator.load.raw import MAX_FILE_BYTES

    root = make_project(tmp_path / "p")
    with (root / WEEKLY).open("r+b") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: one byte over the limit on paper, nothing on disk
    code, _, err = run_portal(root, "validate")
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0] == (f"{WEEKLY}: the file is too large (65 MB; at most 64 MB per file); it was not "
                                   "read [file-unreadable]; fix: split it into several files, e.g. one per Jalali "
                                   "year (deliveries/1400.csv, deliveries/1401.csv)")
    assert len(err.splitlines()) == 2, err  # that one problem, and the summary
    # at the limit, the file is read (and its NUL bytes are what is wrong with it)
    with (root / WEEKLY).open("r+b") as f:
        f.truncate(MAX_FILE_BYTES)
    code, _, err = run_portal(root, "validate")
    assert code == 1 and "too large" not in err and "Traceback" not in err, err[:2000]


def test_a_file_of_many_bad_rows_prints_twenty_of_each_problem_then_how_many_more(tmp_path: Path) -> None:
    rows = "week_ending,province,county,programme,quantity,synthetic,note_fa\n" + "".join(
        f"1400-06-03,کرمون,,oxygen,{n},yes,\n" for n in range(5000))
    root = make_project(tmp_path / "p", overlay={"deliveries/weekly.csv": rows})
    code, _, err = run_portal(root, "validate")
    lines = err.splitlines()
    assert code == 1 and "Traceback" not in err
    unknown = [line for line in lines if "[unknown-province]" in line]
    assert len(unknown) == 21, err[:3000]
    assert unknown[-1] == (f"{WEEKLY}: … and 4980 more of the same [unknown-province] in this file (the first 20 are "
                           "shown)")
    assert len(lines) < 60


@pytest.mark.parametrize(("year", "window"), [("1501", None), ("1040", None), ("1397", None),
                                              ("1431", None), ("1399", (1400, 1410))])
def test_a_year_outside_the_sites_window_is_one_message_with_the_window(tmp_path: Path, year: str, window) -> None:
    site = (MINIMAL / "site.yaml").read_text(encoding="utf-8")
    if window:
        site += f"years:\n  first: {window[0]}\n  last: {window[1]}\n"
    first, last = window or (1398, 1430)
    number = 4 if year > "1400" else 0  # in date order with the other meetings
    meeting = (f"date: {year}-06-17\nnumber: {number}\ntitle_fa: جلسه\nsynthetic: yes\nsummary_fa: خلاصه\n"
               "attendees:\n  - role_fa: رئیس\n")
    root = make_project(tmp_path / "p", overlay={f"meetings/{year}-06-17.yaml": meeting, "site.yaml": site})
    code, _, err = run_portal(root, "validate")
    lines = [line for line in err.splitlines() if "[" in line]
    assert code == 1 and len(lines) == 1, err
    assert f"the year {year} is outside the years this site covers ({first}–{last}) [date-out-of-range]" in lines[0]
