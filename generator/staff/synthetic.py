"""The synthetic part of the example data, made by a seeded script (`portal synthesize`).

The source report gives pledges, one meeting and two provincial reports; it gives no weekly deliveries, no
later meetings and no centres outside Gilan and Kerman. To show a site that changes over time, this
script makes them up, deterministically from the seed in data/site.yaml, and marks every row and file it
writes as synthetic. It writes only these files, and never touches hand-written ones:

- data/deliveries/synthetic.csv
- data/registers/synthetic.csv (a household register for the family-support programme)
- data/centres/synthetic.csv
- data/meetings/<date>.yaml for the weekly meetings after the reported one (each with `synthetic: yes`)
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import yaml

from generator.lang.jalali import JDate
from generator.lang.persian import format_number

MARKER = "# SYNTHETIC: made by `portal synthesize` (generator/staff/synthetic.py); do not edit by hand."
FIRST_MEETING = JDate(1400, 5, 27)  # the meeting of the source report
WEEKS = 9  # synthetic weekly meetings after it
# Share of each pledge delivered by the last synthetic week, and the provinces that never report.
REACHED = {"family-support": 0.62, "oxygen-concentrators": 0.81, "livelihood-packages": 0.38}
PROVINCES_WITHOUT_DATA = 7
COUNTY_LEVEL = ("IR-01", "IR-08")  # Gilan and Kerman report per county


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _seed(data_dir: Path) -> int:
    site = yaml.load((data_dir / "site.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return int(site["synthetic_seed"])


def _weights(rng: random.Random, provinces: list[dict]) -> dict[str, float]:
    w = {p["iso_code"]: int(p["population_2016"]) * rng.uniform(0.7, 1.3) for p in provinces}
    total = sum(w.values())
    return {k: v / total for k, v in w.items()}


def _split(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` by weights, rounding so that the parts add up exactly (largest remainder)."""
    raw = {k: total * w for k, w in weights.items()}
    parts = {k: int(v) for k, v in raw.items()}
    rest = total - sum(parts.values())
    for k in sorted(raw, key=lambda k: (raw[k] - parts[k], k), reverse=True)[:rest]:
        parts[k] += 1
    return parts


def make(data_dir: Path) -> dict[str, str]:
    """Every synthetic file as {path relative to data_dir: text}. Pure: same data and seed, same text."""
    rng = random.Random(_seed(data_dir))
    provinces = _read_csv(data_dir / "reference/provinces.csv")
    counties = _read_csv(data_dir / "reference/counties.csv")
    programmes = yaml.load((data_dir / "programmes.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    pledged = {p["id"]: int(p["pledged"]) for p in programmes if p.get("pledged")}
    weeks = [FIRST_MEETING.plus_days(7 * (i + 1)) for i in range(WEEKS)]

    codes = [p["iso_code"] for p in provinces]
    fixed = {"IR-01", "IR-08", "IR-23"}  # Gilan, Kerman (the report) and Tehran always have data
    silent = set(rng.sample(sorted(set(codes) - fixed), PROVINCES_WITHOUT_DATA))
    active = [p for p in provinces if p["iso_code"] not in silent]
    by_province = {c: [k for k in counties if k["province"] == c] for c in codes}

    files = {"deliveries/synthetic.csv": _deliveries(rng, active, by_province, pledged, weeks),
             "centres/synthetic.csv": _centres(rng, active, by_province, weeks),
             "registers/synthetic.csv": _register(random.Random(_seed(data_dir) + 1), active, by_province, weeks)}
    for number, week in enumerate(weeks, start=2):
        files[f"meetings/{week.iso}.yaml"] = _meeting(rng, number, week, weeks)
    return files


def _deliveries(rng, active, by_province, pledged, weeks) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["week_ending", "province", "county", "programme", "quantity", "synthetic", "note_fa"])
    weights = _weights(rng, active)
    names_fa = {p["iso_code"]: p["name_fa"] for p in active}
    ramp = [min(1.0, 0.35 + 0.15 * i) for i in range(len(weeks))]  # slow start, then steady
    for pid, target in pledged.items():
        reached = round(target * REACHED[pid])
        weekly = _split(reached, {str(i): r * rng.uniform(0.85, 1.15) / sum(ramp) for i, r in enumerate(ramp)})
        for i, week in enumerate(weeks):
            pw = dict(weights)
            if pid == "oxygen-concentrators" and i >= 2:
                pw["IR-08"] *= 3  # Kerman asked for concentrators; they arrive from the third week
            total = sum(pw.values())
            parts = _split(weekly[str(i)], {k: v / total for k, v in pw.items()})
            for code in sorted(parts):
                if code in COUNTY_LEVEL:
                    cs = by_province[code]
                    county_parts = _split(parts[code], {c["name_fa"]: 1 / len(cs) for c in cs})
                    for c in cs:
                        w.writerow([week.iso, names_fa[code], c["name_fa"], pid, county_parts[c["name_fa"]], "yes", ""])
                else:
                    w.writerow([week.iso, names_fa[code], "", pid, parts[code], "yes", ""])
    return out.getvalue()


REGISTER_HOUSEHOLDS = 400
MONTHLY_SUPPORT_RIALS = 20_000_000


def _register(rng, active, by_province, weeks) -> str:
    """A household register for the family-support programme: pseudonymous keys, one row per household
    and month of support, head of household's gender and age band, household size, amount. Made up, and
    says so in every row; it has its own random stream, so it leaves the other files as they were."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["household", "province", "county", "programme", "month", "head_gender", "head_age_band",
                "household_size", "amount_rials", "synthetic"])
    weights = _weights(rng, active)
    codes = sorted(weights)
    months = sorted({(week.year, week.month) for week in weeks})
    names_fa = {p["iso_code"]: p["name_fa"] for p in active}
    rows = []
    for _ in range(REGISTER_HOUSEHOLDS):
        code = rng.choices(codes, weights=[weights[c] for c in codes])[0]
        county = rng.choice(by_province[code])["name_fa"] if by_province[code] and rng.random() < 0.7 else ""
        key = "hh-" + "".join(rng.choices("abcdefghjkmnpqrstuvwxyz", k=10))  # letters: never a number
        gender = rng.choices(["female", "male"], weights=[0.62, 0.38])[0]  # the head of household died
        age = rng.choices(["under-30", "30-44", "45-59", "60-plus"], weights=[0.2, 0.4, 0.25, 0.15])[0]
        size = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7])
        start = rng.randrange(len(months))
        for year, month in months[start:]:
            rows.append([key, names_fa[code], county, "family-support", f"{year:04d}-{month:02d}", gender, age, size,
                         MONTHLY_SUPPORT_RIALS, "yes"])
    for row in sorted(rows, key=lambda r: (r[4], r[0])):
        w.writerow(row)
    return out.getvalue()


def _centres(rng, active, by_province, weeks) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "type", "province", "county", "name_fa", "status", "opened", "capacity", "reported_at",
                "synthetic", "note_fa"])
    names = {"vaccination": "مرکز تزریق واکسن", "oxygen-depot": "انبار اکسیژن‌ساز",
             "distribution-point": "محل توزیع بستهٔ معیشتی", "field-hospital": "بیمارستان صحرایی"}
    counts = {"vaccination": (2, 7), "oxygen-depot": (0, 2), "distribution-point": (1, 3),
              "field-hospital": (0, 1)}
    capacity = {"vaccination": (150, 900), "oxygen-depot": (20, 120), "distribution-point": (300, 2500),
                "field-hospital": (40, 200)}
    for p in active:
        code = p["iso_code"]
        for kind, (lo, hi) in counts.items():
            if code in ("IR-01", "IR-08") and kind in ("vaccination", "field-hospital"):
                continue  # the report gives these for Gilan and Kerman (centres/from-report.csv)
            for n in range(1, rng.randint(lo, hi) + 1):
                county = rng.choice(by_province[code])
                opened = rng.choice([None, *weeks[:-1]])
                status = "planned" if kind == "field-hospital" and rng.random() < 0.5 else "open"
                w.writerow([f"{code.lower()}-{kind}-{n:02d}", kind, p["name_fa"], county["name_fa"],
                            f"{names[kind]} {county['name_fa']} {format_number(n)}", status,
                            opened.iso if opened and status == "open" else "",
                            rng.randint(*capacity[kind]) if status == "open" else "", "", "yes", ""])
    return out.getvalue()


def _meeting(rng, number: int, week: JDate, weeks: list[JDate]) -> str:
    vaccinated = 750_000 + sum(rng.randint(40_000, 90_000) for _ in range(number - 1))
    meeting = {
        "date": week.iso,
        "number": number,
        "title_fa": "جلسهٔ هفتگی قرارگاه",
        "title_en": "Weekly meeting of the headquarters",
        "synthetic": "yes",
        "summary_fa": ("این جلسه ساختگی است و برای نمایش تغییر ارقام در طول زمان ساخته شده است. "
                       "پیشرفت برنامه‌های حمایت از خانواده‌ها، اکسیژن‌ساز و بستهٔ معیشتی بررسی شد."),
        "summary_en": ("This meeting is synthetic, made to show figures changing over time. It reviewed the "
                       "progress of family support, oxygen concentrators and livelihood packages."),
        "attendees": [{"role_fa": "رئیس سازمان بسیج مستضعفین", "role_en": "Head of the Basij Organisation"},
                      {"role_fa": "مسئول بسیج جامعهٔ پزشکی", "role_en": "Head of the Medical Community Basij"},
                      {"role_fa": "فرماندهان سپاه‌های استانی", "role_en": "The provincial IRGC commanders",
                       "attendance": "video"}],
        "reports": [{
            "province": "گیلان",
            "reporter_role_fa": "فرمانده سپاه قدس گیلان",
            "reporter_role_en": "Commander of the Quds Corps, Gilan",
            "summary_fa": f"{format_number(vaccinated)} نفر در استان واکسن تزریق کرده‌اند (ساختگی).",
            "summary_en": f"{vaccinated:,} people in the province have been vaccinated (synthetic).",
            "figures": [{"indicator": "people-vaccinated", "value": vaccinated}],
        }],
    }
    if number == 4:
        meeting["reports"].append({
            "province": "کرمان",
            "reporter_role_fa": "فرمانده سپاه ثارالله استان کرمان",
            "reporter_role_en": "Commander of the Sarallah Corps, Kerman province",
            "summary_fa": "نخستین دستگاه‌های اکسیژن‌ساز به پایگاه‌های بسیج استان رسیده است (ساختگی).",
            "summary_en": "The first oxygen concentrators have reached the province's Basij bases (synthetic).",
            "actions_fa": ["دستگاه‌های اکسیژن‌ساز از طریق پایگاه‌های بسیج به بیماران سپرده می‌شود."],
            "actions_en": ["The oxygen concentrators are handed to patients through the Basij bases."],
        })
    decisions, follow_ups = _SYNTHETIC_DECISIONS.get(number, ([], []))
    iso = week.iso
    if decisions:
        meeting["decisions"] = [{"id": f"{iso}-d{i}", **d} for i, d in enumerate(decisions, 1)]
    if follow_ups:
        meeting["follow_ups"] = [{**f, "decision": f["decision"].format(**{f"m{n}": w.iso for n, w in
                                                                          enumerate(weeks, 2)})}
                                 for f in follow_ups]
    text = yaml.safe_dump(meeting, allow_unicode=True, sort_keys=False, width=100)
    return MARKER + "\n" + text


# Decisions and follow-ups of the synthetic meetings, by meeting number: one decision of each status by the
# latest meeting (a pledge, one in progress, one delivered, one overdue, one cancelled), a revised target and
# two decisions that share one programme's deliveries. "{m3}" is the date of synthetic meeting 3.
_SYNTHETIC_DECISIONS: dict[int, tuple[list[dict], list[dict]]] = {
    2: ([{"text_fa": "۵۰ دستگاه اکسیژن‌ساز به بیماران نیازمند استان گیلان سپرده می‌شود (ساختگی).",
          "text_en": "50 oxygen concentrators are handed to patients in need in Gilan province (synthetic).",
          "programme": "oxygen-concentrators", "quantity": 50, "owner_role_fa": "سپاه قدس گیلان",
          "owner_role_en": "The Quds Corps, Gilan", "provinces": ["گیلان"]}],
        [{"decision": "1400-05-27-d2", "status": "in-progress",
          "note_fa": "نخستین دستگاه‌ها به استان‌ها فرستاده شد (ساختگی).",
          "note_en": "The first devices were sent to the provinces (synthetic)."}]),
    3: ([{"text_fa": "بیمارستان صحرایی استان گیلان تا پایان شهریور دایر می‌شود (ساختگی).",
          "text_en": "Gilan province's field hospital opens by the end of Shahrivar (synthetic).",
          "owner_role_fa": "سپاه قدس گیلان", "owner_role_en": "The Quds Corps, Gilan", "due": "1400-06-31",
          "provinces": ["گیلان"]}], []),
    4: ([{"text_fa": "نمایشگاه دستاوردهای طرح در تهران برگزار می‌شود (ساختگی).",
          "text_en": "An exhibition of the plan's achievements is held in Tehran (synthetic).",
          "owner_role_fa": "سازمان بسیج مستضعفین", "owner_role_en": "The Basij Organisation",
          "provinces": ["تهران"]}], []),
    5: ([], [{"decision": "1400-05-27-d3", "quantity": 2500000,
              "reason_fa": "سهم نهادهای همکار کمتر از برآورد نخست شد (ساختگی).",
              "reason_en": "The partner bodies' share came in below the first estimate (synthetic).",
              "note_fa": "توزیع بسته‌ها ادامه دارد (ساختگی).",
              "note_en": "The packages are still being distributed (synthetic)."}]),
    6: ([], [{"decision": "{m2}-d1", "status": "delivered",
              "note_fa": "هر ۵۰ دستگاه به بیماران سپرده شد (ساختگی).",
              "note_en": "All 50 devices were handed to patients (synthetic)."}]),
    8: ([], [{"decision": "{m4}-d1", "status": "cancelled",
              "reason_fa": "با اوج‌گیری کرونا برگزاری نمایشگاه به صلاح نیست (ساختگی).",
              "reason_en": "With COVID-19 surging, holding an exhibition is not wise (synthetic)."}]),
    10: ([{"text_fa": "در هر شهرستان استان سیستان و بلوچستان یک مرکز تزریق واکسن دایر می‌شود (ساختگی).",
           "text_en": "A vaccination centre opens in every county of Sistan and Baluchestan province (synthetic).",
           "owner_role_fa": "سپاه سلمان سیستان و بلوچستان", "owner_role_en": "The Salman Corps, Sistan and Baluchestan",
           "due": "1400-09-30", "provinces": ["سیستان و بلوچستان"]}], []),
}


def _made_by_this_script(path: Path) -> bool:
    """A meeting file this script wrote: its marker line and `synthetic: yes`. A copy that staff turned
    into a real meeting (synthetic: no) is never deleted, even if it kept the marker line."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith(MARKER):
        return False
    try:
        meeting = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return False
    return isinstance(meeting, dict) and meeting.get("synthetic") == "yes"


def write(data_dir: Path) -> list[str]:
    """(Re)write the synthetic files; remove synthetic meeting files the script no longer makes."""
    files = make(data_dir)
    for old in sorted((data_dir / "meetings").glob("*.yaml")):
        if f"meetings/{old.name}" not in files and _made_by_this_script(old):
            old.unlink()
    for rel, text in files.items():
        path = data_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return sorted(files)

