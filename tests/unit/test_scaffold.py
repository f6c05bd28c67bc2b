"""`portal new-meeting`: the next meeting's file, scaffolded from the data, refused until it is filled in."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import make_project, run_portal


def test_the_next_meeting_is_scaffolded_and_refused_until_filled_in(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", data="example")
    code, out, err = run_portal(root, "new-meeting")
    assert code == 0, err
    path = root / "data/meetings/1400-08-05.yaml"  # a week after the latest meeting, 1400-07-28
    assert path.is_file() and "1400-08-05.yaml" in out
    text = path.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    assert doc["date"] == "1400-08-05" and doc["number"] == 11 and doc["synthetic"] == "no"
    assert [a["role_fa"] for a in doc["attendees"]][:1] == ["رئیس سازمان بسیج مستضعفین"]  # last time's roles
    followed = [f["decision"] for f in doc["follow_ups"]]
    assert "1400-07-28-d1" in followed and "1400-05-27-d2" in followed  # open decisions
    assert "1400-06-03-d1" not in followed  # closed as delivered by an earlier follow-up
    assert [r["province"] for r in doc["reports"]] == ["گیلان"]  # who reported last time
    assert doc["reports"][0]["figures"][0] == {"indicator": "people-vaccinated", "value": ""}
    assert "# 1400-07-28-d1: در هر شهرستان" in text  # each decision's text beside it, in a comment
    assert text.count("\n# ") >= 10  # Persian comments on the fields
    # the empty texts and values stop it, each named by its line
    code, _, err = run_portal(root, "validate")
    assert code == 1
    lines = text.splitlines()
    summary = next(i for i, line in enumerate(lines, 1) if line.startswith("summary_fa:"))
    value = next(i for i, line in enumerate(lines, 1) if line.strip() == 'value: ""')
    assert f"data/meetings/1400-08-05.yaml:{summary}: summary_fa:" in err
    assert f"data/meetings/1400-08-05.yaml:{value}: reports[0].figures[0].value:" in err
    # every "" is an error until filled: each one is named by its line, whatever the field
    blanks = [line for line in text.splitlines() if line.rstrip().endswith('""') and not line.lstrip().startswith("#")]
    assert len(blanks) == len([line for line in err.splitlines() if "[unfilled-field]" in line]) >= 8, err
    half = text.replace('summary_fa: ""', "summary_fa: پیشرفت برنامه‌ها بررسی شد.").replace('value: ""',
                                                                                          "value: ۱٬۴۰۰٬۰۰۰")
    path.write_text(half, encoding="utf-8")
    code, _, err = run_portal(root, "validate")
    notes = [i for i, line in enumerate(half.splitlines(), 1) if line.strip() == 'note_fa: ""']
    assert code == 1 and len(notes) == 6
    for i, line in enumerate(notes):
        assert f"data/meetings/1400-08-05.yaml:{line}: follow_ups[{i}].note_fa: " in err, err
    # a follow-up whose note is deleted says nothing: it is refused, not shown as discussed
    silent = half.replace('  note_fa: ""\n', "", 1).replace('note_fa: ""', "note_fa: بررسی شد.")
    path.write_text(silent, encoding="utf-8")
    code, _, err = run_portal(root, "validate")
    assert code == 1 and "[empty-follow-up]" in err and "follow_ups[0]:" in err and err.count("error(s)") == 1, err
    # filled in, it is a meeting like any other
    path.write_text(half.replace('note_fa: ""', "note_fa: بررسی شد."), encoding="utf-8")
    code, out, err = run_portal(root, "validate")
    assert code == 0, err
    assert "11 meetings" in out


def test_new_meeting_refuses_to_overwrite_or_go_back_in_time(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", data="example")
    assert run_portal(root, "new-meeting", "--date", "1400-08-12")[0] == 0
    code, _, err = run_portal(root, "new-meeting", "--date", "1400-08-12")
    assert code == 1 and "exists already" in err
    # the one started and not filled in comes first: new-meeting names what is missing in it
    code, _, err = run_portal(root, "new-meeting")
    assert code == 1 and "1400-08-12.yaml:15: summary_fa:" in err
    started = root / "data/meetings/1400-08-12.yaml"
    started.write_text(started.read_text(encoding="utf-8").replace('summary_fa: ""', "summary_fa: بررسی شد.")
                       .replace('value: ""', "value: 5").replace('note_fa: ""', "note_fa: بررسی شد."),
                       encoding="utf-8")
    code, _, err = run_portal(root, "new-meeting", "--date", "1400-07-01")
    assert code == 1 and "the latest meeting is 1400-08-12" in err and "comes after it" in err
    code, _, err = run_portal(root, "new-meeting", "--date", "1400-12-30")  # 1400 is a common year
    assert code == 1 and "--date 1400-12-30" in err and "Traceback" not in err
    assert sorted(p.name for p in (root / "data/meetings").glob("1400-08-*.yaml")) == ["1400-08-12.yaml"]
