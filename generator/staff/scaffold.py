"""`portal new-meeting`: the next meeting's file, ready to fill in, with a Persian comment on every field.

It starts from what the data already say: the date a week after the latest meeting (or `--date`), the
next number, the same title and attendees' roles, the decisions still open (each as a follow-up to keep
or delete, with its text in a comment), and the provinces that reported last time (each with the
indicators it reported, values left empty). Required texts are left empty, so `portal validate` fails,
naming each one, until staff have written them: an unfinished file cannot be published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.aggregate.totals import aggregate
from generator.aggregate.tracker import CLOSING, STATUSES, track
from generator.lang.jalali import DateError, JDate, parse_jalali
from generator.lang.messages import t
from generator.model.dataset import Dataset
from generator.model.errors import PortalError

WEEK = 7


class ScaffoldError(PortalError):
    """The file cannot be made: the message says why and what to do."""


@dataclass(frozen=True)
class Scaffold:
    path: Path
    text: str
    follow_ups: int  # open decisions listed
    reports: int  # provinces listed


def yaml_text(text: str) -> str:
    """A YAML scalar that reads back as this text, whatever it holds (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def parse_date(date: str) -> JDate:
    """--date as given, or a ScaffoldError saying what is wrong with it."""
    try:
        return parse_jalali(date)
    except DateError as exc:
        raise ScaffoldError(t("--date {date}: {problem}; {fix}", date=date, problem=exc.message,
                              fix=exc.fix)) from exc


def province_named(ds: Dataset, name: str):
    """The province `name` means (its Persian or English name, or ISO code), or a ScaffoldError listing them."""
    from generator.lang.persian import match_key

    for p in ds.provinces:
        if match_key(name) in (match_key(p.name_fa), match_key(p.name_en), match_key(p.iso_code)):
            return p
    raise ScaffoldError(t("--province {name}: no such province; give its Persian or English name or its ISO code "
                          "(e.g. {example})", name=name, example=ds.provinces[0].name_fa if ds.provinces else "گیلان"))


def next_date(ds: Dataset, date: str | None) -> JDate:
    latest = ds.meetings[-1] if ds.meetings else None
    if date is None:
        if latest is None:
            raise ScaffoldError(t("there is no meeting yet to count a week from: give the date, e.g. "
                                  "`portal new-meeting --date 1400-05-27`"))
        return latest.date.plus_days(WEEK)
    try:
        day = parse_jalali(date)
    except DateError as exc:
        raise ScaffoldError(t("--date {date}: {problem}; {fix}", date=date, problem=exc.message,
                              fix=exc.fix)) from exc
    if latest and day <= latest.date:
        raise ScaffoldError(t("--date {date}: the latest meeting is {latest}; a new meeting comes after it",
                              date=date, latest=latest.id))
    return day


def scaffold(ds: Dataset, meetings_dir: Path, date: str | None = None) -> Scaffold:
    day = next_date(ds, date)
    path = meetings_dir / f"{day.iso}.yaml"
    if path.exists():
        raise ScaffoldError(t("{path} exists already; edit it, or give another --date", path=path.as_posix()))
    latest = ds.meetings[-1] if ds.meetings else None
    open_ones = [row for row in track(ds, aggregate(ds)) if row.status not in CLOSING]
    indicators = {i.id: i for i in ds.indicators}
    provinces = {p.iso_code: p for p in ds.provinces}
    lines = [
        f"# جلسهٔ {day.fa()}: ساخته‌شده با `portal new-meeting` از داده‌های جلسهٔ قبل.",
        "# هر خانهٔ خالی (\"\") را پر کنید؛ تا پر نشده، `portal validate` آن را با شمارهٔ سطرش نشان می‌دهد و",
        "# چیزی منتشر نمی‌شود. هرگز نام، شمارهٔ ملی یا تلفن کسی را ننویسید: فقط سِمت‌ها.",
        "# متن خصوصی را، اگر ناچارید بنویسید، میان ((خصوصی ...)) بگذارید: هرگز به سایت نمی‌رسد.",
        "",
        "# تاریخ جلسه (خورشیدی، YYYY-MM-DD)؛ نام این پرونده همین تاریخ است.",
        f"date: '{day.iso}'",
        "# شمارهٔ جلسه: یکی بیشتر از جلسهٔ قبل.",
        f"number: {(latest.number + 1) if latest else 1}",
        "# عنوان جلسه.",
        f"title_fa: {yaml_text(latest.title_fa if latest else '')}",
        "# no برای جلسهٔ واقعی؛ yes فقط برای دادهٔ نمونهٔ ساختگی.",
        "synthetic: 'no'",
        "# خلاصهٔ کوتاه جلسه، در یکی دو جمله.",
        'summary_fa: ""',
        "# ویرایش انگلیسی سایت: هر متن می‌تواند همتای انگلیسی داشته باشد (summary_en، title_en، text_en، …؛",
        "# docs/schema.md). اختیاری است: بی آن، صفحهٔ انگلیسی متن فارسی را با نشان «به فارسی» می‌آورد.",
        "# summary_en: the same summary in English",
        "",
        "# حاضران، فقط با سِمت (نه نام). attendance: in-person (حضوری) یا video (ویدئوکنفرانس).",
        "# از جلسهٔ قبل رونوشت شده است: غایبان را پاک کنید و تازه‌واردان را بیفزایید.",
        "attendees:",
    ]
    for a in (latest.attendees if latest else ()):
        lines.append(f"- role_fa: {yaml_text(a.role_fa)}")
        if a.attendance != "in-person":
            lines.append(f"  attendance: {a.attendance}")
    if not latest or not latest.attendees:
        lines.append('- role_fa: ""')
    lines += [
        "",
        "# تصمیم‌های این جلسه. شناسهٔ هر تصمیم: تاریخ جلسه، -d و شماره (" + f"{day.iso}-d1" + ").",
        "# programme (شناسهٔ برنامه از data/programmes.yaml)، quantity (مقدار)، due (مهلت) و provinces",
        "# (استان‌ها؛ خالی یعنی کل کشور) اختیاری‌اند. اگر تصمیمی نبود، این بخش را همین‌طور خالی بگذارید.",
        "decisions: []",
        f"# - id: {day.iso}-d1",
        '#   text_fa: ""',
        "#   text_en: the decision in English (optional)",
        '#   owner_role_fa: ""',
        f"#   due: '{day.plus_days(30).iso}'",
        "#   provinces:",
        "#   - گیلان",
    ]
    lines += [
        "",
        "# پیگیری تصمیم‌های باز جلسه‌های پیش. فقط آن‌هایی را نگه دارید که در این جلسه درباره‌شان سخن رفت؛",
        "# بقیه را پاک کنید. status: in-progress (در حال اجرا)، delivered (انجام شد) یا cancelled (لغو شد)؛",
        "# اگر وضعیت تغییر نکرد، status را پاک کنید. تغییر quantity یا due یا لغو، reason_fa می‌خواهد.",
    ]
    if open_ones:
        lines.append("follow_ups:")
        for row in open_ones:
            lines.append(f"# {row.decision.id}: {' '.join(row.decision.text_fa.split())}")
            lines.append(f"- decision: {row.decision.id}")
            lines.append(f"  # وضعیت تا جلسهٔ قبل: {STATUSES[row.status]}. اگر تغییر کرد: "
                         "status: in-progress، delivered یا cancelled")
            lines.append('  note_fa: ""')
    else:
        lines.append("follow_ups: []  # هیچ تصمیم بازی نیست")
    reported = latest.reports if latest else ()
    lines += [
        "",
        "# گزارش‌های استانی. از جلسهٔ قبل، استان‌هایی که گزارش دادند با شاخص‌هایشان آمده‌اند: رقم‌ها را پر کنید؛",
        "# استانی را که این بار گزارش نداد پاک کنید. value: عدد (رقم فارسی یا لاتین)؛ qualifier برای «زیر ۵۰»",
        "# (below)، «حدود» (about)، «بیش از» (above)، «تا» (up_to).",
    ]
    if reported:
        lines.append("reports:")
        for r in reported:
            name = provinces[r.province].name_fa if r.province in provinces else r.province
            lines.append(f"- province: {yaml_text(name)}")
            lines.append(f"  reporter_role_fa: {yaml_text(r.reporter_role_fa)}")
            lines.append('  summary_fa: ""')
            if r.figures:
                lines.append("  figures:")
                for f in r.figures:
                    name = indicators[f.indicator].name_fa if f.indicator in indicators else ""
                    lines.append(f"  - indicator: {f.indicator}  # {name}".rstrip(" #"))
                    lines.append('    value: ""')
    else:
        lines.append("reports: []")
    return Scaffold(path, "\n".join(lines) + "\n", len(open_ones), len(reported))


def write(s: Scaffold) -> None:
    s.path.parent.mkdir(parents=True, exist_ok=True)
    with s.path.open("x", encoding="utf-8", newline="\n") as f:  # never over a file that appeared meanwhile
        f.write(s.text)
