"""Household registers: pseudonymised rows are read and checked; a column that could identify a person is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate.run import _identifying
from helpers import make_project, run_portal

REGISTER = """household,province,county,programme,month,head_gender,head_age_band,household_size,amount_rials,synthetic
hh-7f3a9c2e,گیلان,رشت,oxygen,1400-06,female,30-44,4,0,yes
hh-7f3a9c2e,گیلان,رشت,oxygen,۱۴۰۰-۰۷,female,30-44,4,0,yes
hh-0b1c2d3e,استان کرمان,,oxygen,1400-06,male,60-plus,۲,0,yes
"""


def test_a_pseudonymised_register_validates(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", overlay={"registers/r.csv": REGISTER})
    code, out, err = run_portal(root, "validate")
    assert code == 0, out + err


@pytest.mark.parametrize("column", ["name", "National ID", "national-id", "code_melli", "mobile", "Postal Code",
                                    "head_national_id", "نام", "کد ملی", "تاریخ تولد", "address_line"])
def test_identifying_columns_are_recognised(column: str) -> None:
    assert _identifying(column)


@pytest.mark.parametrize("column", ["household", "household_size", "head_age_band", "amount_rials", "month"])
def test_register_columns_are_not_identifying(column: str) -> None:
    assert not _identifying(column)
