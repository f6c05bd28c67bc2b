"""Downloads are safe to open: the rule that keeps a formula typed into a text from running in a spreadsheet.

A CSV cell that starts with =, +, -, @, a tab or a line break is a formula to Excel and LibreOffice (OWASP,
"CSV injection"). The CSV downloads write such a text after a «'», which spreadsheets read as text. Here: the
rule itself, on any text (Hypothesis) and on numbers, and the audit that refuses a cell a spreadsheet would
run. The proof in a real spreadsheet program (LibreOffice Calc opening every CSV of a built site) is in
tests/site/test_spreadsheet_safety.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.model.figures import FORMULA_TRIGGERS, TEXT_MARK, as_read, spreadsheet_safe


@given(st.text())
def test_a_cell_reads_back_as_the_text_it_was_and_never_starts_as_a_formula(text: str) -> None:
    cell = spreadsheet_safe(text)
    assert as_read(cell) == text
    assert cell.startswith(TEXT_MARK) or not cell.lstrip(" ").startswith(FORMULA_TRIGGERS) or \
        re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cell)


def test_numbers_stay_numbers() -> None:
    assert [spreadsheet_safe(c) for c in ("12", "-3", "-1.5", "0", "×", "")] == ["12", "-3", "-1.5", "0", "×", ""]
    assert spreadsheet_safe("-") == "'-" and spreadsheet_safe("'x") == "''x" and spreadsheet_safe("=1") == "'=1"


def test_the_audit_refuses_a_csv_cell_a_spreadsheet_would_run(tmp_path: Path) -> None:
    from generator.audit.checks import _formulas

    assert _formulas("downloads/x.csv", "\ufeffa,b\r\n'=1+1,2\r\n-3,4\r\n# مجوز\r\n") == []
    found = _formulas("downloads/x.csv", '\ufeffa,b\r\n1,2\r\n"=HYPERLINK(""http://e.example"")",3\r\n')
    assert [f.format() for f in found] == ["downloads/x.csv: line 3: a cell a spreadsheet would read as a formula "
                                           "(it starts with «'='»)"]


