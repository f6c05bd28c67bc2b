"""The synthetic example data: made by a seeded script, reproducible, and marked synthetic everywhere."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import yaml

from generator.staff import synthetic
from helpers import ROOT


def test_committed_synthetic_files_are_exactly_what_the_seed_makes() -> None:
    made = synthetic.make(ROOT / "data")
    for rel, text in made.items():
        committed = (ROOT / "data" / rel).read_text(encoding="utf-8")
        assert committed == text, f"data/{rel} differs from `portal synthesize`; rerun it and commit"


def test_every_synthetic_row_and_meeting_says_so() -> None:
    made = synthetic.make(ROOT / "data")
    for rel, text in made.items():
        if rel.endswith(".csv"):
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows and all(r["synthetic"] == "yes" for r in rows), rel
        else:
            assert text.startswith(synthetic.MARKER)
            meeting = yaml.safe_load(text)
            assert meeting["synthetic"] == "yes" and "ساختگی" in meeting["summary_fa"]


def test_enough_weeks_to_show_change_and_pledges_not_exceeded() -> None:
    made = synthetic.make(ROOT / "data")
    rows = list(csv.DictReader(io.StringIO(made["deliveries/synthetic.csv"])))
    assert len({r["week_ending"] for r in rows}) >= 8
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["programme"]] = totals.get(r["programme"], 0) + int(r["quantity"])
    assert totals["oxygen-concentrators"] <= 1000 and totals["family-support"] <= 30_000
    assert totals["livelihood-packages"] <= 3_000_000


def test_another_seed_makes_other_data_and_write_keeps_hand_written_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    site = data / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("synthetic_seed: 1400", "synthetic_seed: 99"),
                    encoding="utf-8")
    report_meeting = (data / "meetings/1400-05-27.yaml").read_bytes()
    (data / "meetings/1400-09-01.yaml").write_text(synthetic.MARKER + "\nsynthetic: 'yes'\n", encoding="utf-8")
    # staff copied a synthetic file for a real meeting and kept its first line: it must survive
    real = synthetic.MARKER + "\ndate: 1400-09-08\nsynthetic: no\n"
    (data / "meetings/1400-09-08.yaml").write_text(real, encoding="utf-8")
    written = synthetic.write(data)
    assert (data / "meetings/1400-09-08.yaml").read_text(encoding="utf-8") == real
    assert "meetings/1400-05-27.yaml" not in written
    assert (data / "meetings/1400-05-27.yaml").read_bytes() == report_meeting
    assert not (data / "meetings/1400-09-01.yaml").exists()  # a stale synthetic meeting is removed
    assert (data / "deliveries/synthetic.csv").read_text(encoding="utf-8") != \
        (ROOT / "data/deliveries/synthetic.csv").read_text(encoding="utf-8")
