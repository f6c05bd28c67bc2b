"""Province and county names as staff type them."""

from __future__ import annotations

import csv

import pytest

from generator.validate.places import PlaceIndex
from helpers import ROOT


def _rows(name: str) -> list[dict]:
    with (ROOT / "data" / "reference" / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def places() -> PlaceIndex:
    return PlaceIndex(_rows("provinces.csv"), _rows("province_aliases.csv"), _rows("counties.csv"))


@pytest.mark.parametrize("name", ["گیلان", "گيلان", "استان گیلان", "استان‌گیلان", "Gilan", "gilan province",
                                  "IR-01", "ir-01", "Guilan", " گیلان "])
def test_gilan_spelled_many_ways(places: PlaceIndex, name: str) -> None:
    assert places.province(name) == "IR-01"


@pytest.mark.parametrize("name, code", [
    ("آذربایجان‌شرقی", "IR-03"), ("آذربايجان شرقي", "IR-03"), ("East Azarbaijan", "IR-03"),
    ("کهگیلویه و بویراحمد", "IR-17"), ("Kohgiluyeh and Boyer Ahmad", "IR-17"), ("سیستان‌وبلوچستان", "IR-11"),
    ("Esfahan", "IR-10"), ("Tehran", "IR-23"), ("البرز", "IR-30"),
])
def test_variants(places: PlaceIndex, name: str, code: str) -> None:
    assert places.province(name) == code


@pytest.mark.parametrize("name", ["کرمون", "خراسان", "IR-31", "Persia", ""])
def test_unknown_or_ambiguous_names_are_not_guessed(places: PlaceIndex, name: str) -> None:
    assert places.province(name) is None


def test_suggestion_for_a_typo(places: PlaceIndex) -> None:
    assert places.suggest_province("کرمون") in ("کرمان", "کرمانشاه")


def test_counties_belong_to_their_province(places: PlaceIndex) -> None:
    assert places.county("IR-01", "رشت") == "ir-01-rasht"
    assert places.county("IR-01", "Rasht") == "ir-01-rasht"
    assert places.county("IR-08", "رشت") is None
    assert places.county_provinces("رشت") == ["IR-01"]


def test_reference_has_31_provinces_and_every_county_a_known_province() -> None:
    provinces = {r["iso_code"] for r in _rows("provinces.csv")}
    assert len(provinces) == 31
    assert sum(int(r["population_2016"]) for r in _rows("provinces.csv")) == 79_926_270
    assert {r["province"] for r in _rows("counties.csv")} <= provinces
    assert {r["iso_code"] for r in _rows("province_aliases.csv")} <= provinces
