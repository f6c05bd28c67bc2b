"""A seeded synthetic national dataset in the project's own formats, at any scale.

    python -m benchmarks.national OUT_DIR --scale 1 [--seed 7] [--extra-weeks 0]

At scale 1: 31 provinces, 430 counties, 12 programmes, 260 weekly meetings (five years), 5,000 centres,
deliveries per county × week × programme (430 × 260 × 12 ≈ 1.34 million rows), and a household register of
30,000 households (the family-support pledge), each supported for up to 12 months (about 340,000 rows). Geography and
programmes stay fixed; weeks, meetings, centres and households grow with the scale, so the data grow
linearly with it.
`--extra-weeks N` adds N more weeks to an existing set (the "one more weekly meeting" rebuild).
Everything is marked synthetic. OUT_DIR becomes a project root: data/, mkdocs.yml, site_overrides/, content/.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from pathlib import Path

import yaml

from generator.lang.jalali import JDate

ROOT = Path(__file__).resolve().parent.parent
COUNTIES = 430
PROGRAMMES = 12
WEEKS_AT_1 = 260
CENTRES_AT_1 = 5000
HOUSEHOLDS_AT_1 = 30_000
MONTHS_SUPPORTED = 12
FIRST = JDate(1400, 5, 27)
UNITS = ["family", "device", "package", "person"]
TYPES = ["vaccination", "field-hospital", "oxygen-depot", "distribution-point"]


def _provinces() -> list[dict[str, str]]:
    with (ROOT / "data/reference/provinces.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _counties(provinces: list[dict[str, str]]) -> list[dict[str, str]]:
    """430 counties shared out by population, at least 3 a province."""
    total = sum(int(p["population_2016"]) for p in provinces)
    shares = {p["iso_code"]: max(3, round(COUNTIES * int(p["population_2016"]) / total)) for p in provinces}
    while sum(shares.values()) > COUNTIES:
        biggest = max(shares, key=lambda k: (shares[k], k))
        shares[biggest] -= 1
    while sum(shares.values()) < COUNTIES:
        smallest = min(shares, key=lambda k: (shares[k], k))
        shares[smallest] += 1
    rows = []
    for p in provinces:
        code = p["iso_code"]
        for n in range(1, shares[code] + 1):
            rows.append({"id": f"{code.lower()}-c{n:03d}", "province": code,
                         "name_fa": f"شهرستان {n} {p['name_fa']}", "name_en": f"{p['name_en']} county {n}"})
    return rows


def _programmes(weeks: int) -> list[dict]:
    programmes = []
    for i in range(PROGRAMMES):
        programmes.append({
            "id": f"programme-{i + 1:02d}", "name_fa": f"برنامهٔ ساختگی شمارهٔ {i + 1}",
            "short_name_fa": f"برنامهٔ {i + 1}", "name_en": f"Synthetic programme {i + 1}",
            "unit": UNITS[i % len(UNITS)], "pledged": 10 ** 9, "pledged_at": FIRST.iso,
            "description_fa": "برنامهٔ ساختگی برای سنجش سرعت ساخت درگاه.",
        })
    return programmes


def write(out: Path, scale: float, seed: int = 7, extra_weeks: int = 0) -> dict[str, int]:
    """Write (or extend by `extra_weeks`) the dataset; return its sizes."""
    rng = random.Random(seed)
    weeks = max(2, round(WEEKS_AT_1 * scale))
    data = out / "data"
    fresh = extra_weeks == 0
    if fresh:
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(ROOT / "data/reference", data / "reference")
        shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
        shutil.copytree(ROOT / "site_overrides", out / "site_overrides")
        (out / "content").mkdir()
        shutil.copy(ROOT / "content/about.md", out / "content/about.md")
    provinces = _provinces()
    counties = _counties(provinces)
    if fresh:
        with (data / "reference/counties.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, ["id", "province", "name_fa", "name_en"], lineterminator="\n")
            w.writeheader()
            w.writerows(counties)
        site = yaml.safe_load((ROOT / "data/site.yaml").read_text(encoding="utf-8"))
        (data / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
        shutil.copy(ROOT / "data/indicators.yaml", data / "indicators.yaml")
        (data / "programmes.yaml").write_text(
            yaml.safe_dump(_programmes(weeks), allow_unicode=True, sort_keys=False), encoding="utf-8")
        _centres(rng, data, provinces, counties, round(CENTRES_AT_1 * scale), weeks)
        _register(random.Random(seed + 1), data, counties, round(HOUSEHOLDS_AT_1 * scale), weeks)
    first_week = weeks if not fresh else 0
    all_weeks = [FIRST.plus_days(7 * i) for i in range(weeks + extra_weeks)]
    new_weeks = all_weeks[first_week:] if not fresh else all_weeks
    (data / "meetings").mkdir(parents=True, exist_ok=True)
    (data / "deliveries").mkdir(parents=True, exist_ok=True)
    names = {p["iso_code"]: p["name_fa"] for p in provinces}
    for number, week in enumerate(new_weeks, start=first_week + 1):
        meeting = {"date": week.iso, "number": number, "title_fa": "جلسهٔ هفتگی (ساختگی)", "synthetic": "yes",
                   "summary_fa": "جلسهٔ ساختگی برای سنجش سرعت.", "attendees": [{"role_fa": "رئیس"}],
                   "reports": [{"province": names[p["iso_code"]], "reporter_role_fa": "فرمانده استان",
                                "figures": [{"indicator": "people-vaccinated",
                                             "value": rng.randint(1000, 900_000)}]}
                               for p in rng.sample(provinces, 3)]}
        (data / "meetings" / f"{week.iso}.yaml").write_text(
            yaml.safe_dump(meeting, allow_unicode=True, sort_keys=False), encoding="utf-8")
        # one file a year of weeks keeps files of a sensible size; a new week appends to the last one
        path = data / "deliveries" / f"{week.year}.csv"
        new_file = not path.exists()
        with path.open("a", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            if new_file:
                w.writerow(["week_ending", "province", "county", "programme", "quantity", "synthetic", "note_fa"])
            for c in counties:
                for i in range(PROGRAMMES):
                    w.writerow([week.iso, c["province"], c["name_fa"], f"programme-{i + 1:02d}",
                                rng.randint(0, 400), "yes", ""])
    return {"counties": len(counties), "programmes": PROGRAMMES, "meetings": len(all_weeks),
            "delivery_rows": len(all_weeks) * len(counties) * PROGRAMMES,
            "centres": round(CENTRES_AT_1 * scale),
            "register_rows": _lines(data / "registers" / "national.csv") - 1}


def _lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


def _key(n: int) -> str:
    """A pseudonymous household key of letters only (a key of digits is refused, like an ID number)."""
    letters = ""
    for _ in range(8):
        n, r = divmod(n, 26)
        letters += chr(ord("a") + r)
    return "hh-" + letters


def _register(rng, data: Path, counties, households: int, weeks: int) -> None:
    """Each household supported by programme-01 for MONTHS_SUPPORTED months from a month of the data."""
    months = sorted({FIRST.plus_days(7 * i).iso[:7] for i in range(weeks)})
    (data / "registers").mkdir(parents=True, exist_ok=True)
    with (data / "registers" / "national.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["household", "province", "county", "programme", "month", "head_gender", "head_age_band",
                    "household_size", "amount_rials", "synthetic"])
        for n in range(households):
            c = rng.choice(counties)
            gender = rng.choice(("female", "male"))
            band = rng.choice(("under-30", "30-44", "45-59", "60-plus"))
            size = rng.randint(1, 9)
            start = rng.randrange(len(months))
            for month in months[start:start + MONTHS_SUPPORTED]:
                w.writerow([_key(n), c["province"], c["name_fa"], "programme-01", month, gender, band, size,
                            20_000_000, "yes"])


def _centres(rng, data: Path, provinces, counties, n: int, weeks: int) -> None:
    (data / "centres").mkdir(parents=True, exist_ok=True)
    with (data / "centres" / "national.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "type", "province", "county", "name_fa", "status", "opened", "capacity", "reported_at",
                    "synthetic", "note_fa"])
        for i in range(n):
            c = rng.choice(counties)
            kind = TYPES[i % len(TYPES)]
            opened = FIRST.plus_days(7 * rng.randrange(weeks))
            w.writerow([f"centre-{i + 1:05d}", kind, c["province"], c["name_fa"], f"مرکز ساختگی {i + 1}", "open",
                        opened.iso, rng.randint(20, 900), "", "yes", ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--extra-weeks", type=int, default=0)
    args = parser.parse_args()
    print(write(args.out, args.scale, args.seed, args.extra_weeks))


if __name__ == "__main__":
    main()
