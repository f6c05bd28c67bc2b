"""`portal workbook`: the week's workbook for the provincial units to fill in (XLSX), the form that
`portal import` (staff/importing.py) reads back.

Two sheets, right to left, with Persian headers: «راهنما» (how to fill it in, what is published, and the
list of the 31 provinces the province cell chooses from) and «تحویل» (one row per province and programme
for the week: the week and the programme filled in and locked, the province chosen from the list, the
quantity a whole number of 0 or more, checked by the spreadsheet program itself, and a note). The headers
and the filled-in cells are locked (the sheet is protected with no password: the lock keeps a slip from
changing them, not a person). The same data and week give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from generator.lang.jalali import JDate
from generator.lang.persian import persian_digits
from generator.model.dataset import Dataset, Programme, Province
from generator.staff.scaffold import WEEK

GUIDE, SHEET = "راهنما", "تحویل"  # the workbook's sheets: the guide, and the deliveries
# the deliveries sheet's columns, in order: (the field in data/deliveries/*.csv, its header in the sheet)
COLUMNS: tuple[tuple[str, str], ...] = (("week_ending", "هفته (تاریخ جلسه)"), ("province", "استان"),
                                        ("programme", "برنامه"), ("quantity", "تعداد"), ("note_fa", "یادداشت"))
FILLED = ("week_ending", "programme")  # filled in and locked
TYPED = ("province", "quantity", "note_fa")  # the cells a province fills in
NOTE_LENGTH = 500  # characters at most in a note
# what the workbook is for, in its properties: `portal import` checks that every row is for that week (and
# for that province, in one province's workbook)
WEEK_PROPERTY, PROVINCE_PROPERTY = "portal-week", "portal-province"
GUIDE_WIDTH = 80  # the guide's column, in characters


@dataclass(frozen=True)
class Workbook:
    name: str  # the file's name: «تحویل-1400-08-05.xlsx», or with the province's name for one province
    data: bytes
    rows: int


def column_letter(field: str) -> str:
    """The letter of a field's column on the deliveries sheet: «D» for the quantity."""
    return xl_col_to_name([f for f, _ in COLUMNS].index(field))


def programmes_for(ds: Dataset, week: JDate) -> list[Programme]:
    """The programmes whose deliveries the provinces report: counted from deliveries, pledged by then."""
    return [p for p in ds.programmes if p.delivered_from == "deliveries" and p.pledged_at <= week.iso]


def file_name(week: JDate, province: Province | None) -> str:
    return f"{SHEET}-{week.iso}" + (f"-{province.name_fa}" if province else "") + ".xlsx"


def workbook(ds: Dataset, week: JDate, province: Province | None = None) -> Workbook:
    """The week's workbook: every province (or `province` alone) × every programme it reports."""
    provinces = [province] if province else list(ds.provinces)
    programmes = programmes_for(ds, week)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False,
                                     "strings_to_formulas": False})
    book.set_properties({"title": f"{ds.site.organisation_fa}: {SHEET} {week.iso}",
                         "company": ds.site.organisation_fa,
                         "created": dt.datetime.combine(week.to_gregorian(), dt.time(12))})
    rtl = {"reading_order": 2}  # each cell's text right to left, whatever it starts with (a digit, a Latin name)
    book.set_custom_property(WEEK_PROPERTY, week.iso)
    if province:
        book.set_custom_property(PROVINCE_PROPERTY, province.iso_code)
    header = book.add_format({**rtl, "bold": True, "bg_color": "#e8eef5", "border": 1, "locked": True,
                              "text_wrap": True, "valign": "top"})
    fixed = book.add_format({**rtl, "locked": True, "bg_color": "#f4f4f4", "border": 1})
    open_cell = book.add_format({**rtl, "locked": False, "border": 1})
    number = book.add_format({"locked": False, "border": 1, "num_format": "0"})
    wrap = book.add_format({**rtl, "text_wrap": True, "valign": "top"})
    title = book.add_format({**rtl, "bold": True, "font_size": 14})
    first = _guide(book.add_worksheet(GUIDE), ds, week, province, len(programmes), title, wrap, header)
    sheet = book.add_worksheet(SHEET)
    sheet.right_to_left()
    for j, (_, name) in enumerate(COLUMNS):
        sheet.write_string(0, j, name, header)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 22)
    sheet.set_column(2, 2, 64)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 40)
    rows = [(p, g) for p in provinces for g in programmes]
    for i, (p, g) in enumerate(rows, start=1):
        sheet.write_string(i, 0, week.iso, fixed)
        sheet.write_string(i, 1, p.name_fa, fixed if province else open_cell)  # one province's: locked
        sheet.write_string(i, 2, g.name_fa, fixed)
        sheet.write_blank(i, 3, None, number)
        sheet.write_blank(i, 4, None, open_cell)
    last = max(len(rows), 1)
    # the guide's list of the provinces, in its column A, from its 1-based row `first`
    provinces_list = f"={GUIDE}!$A${first}:$A${first + len(ds.provinces) - 1}"
    if province is None:
        _province_list(sheet, last, provinces_list)
    sheet.data_validation(1, 3, last, 3, {
        "validate": "integer", "criteria": ">=", "value": 0,
        "input_title": "تعداد", "input_message": "عددی درست از ۰ به بالا (اگر چیزی تحویل نشد: ۰)",
        "error_title": "تعداد نامعتبر", "error_message": "تعداد باید عددی درست و ۰ یا بیشتر باشد."})
    sheet.data_validation(1, 4, last, 4, {
        "validate": "length", "criteria": "<=", "value": NOTE_LENGTH,
        "error_title": "یادداشت بلند", "error_message": f"یادداشت حداکثر {NOTE_LENGTH} نویسه است."})
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()  # printed: A4 across, as wide as one page, the headers on every page
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
                       "format_rows": True})
    book.worksheets()[0].activate()
    book.close()
    return Workbook(file_name(week, province), out.getvalue(), len(rows))


def _province_list(sheet, last: int, source: str) -> None:
    sheet.data_validation(1, 1, last, 1, {
        "validate": "list", "source": source,
        "input_title": "استان", "input_message": "یکی از ۳۱ استانِ فهرست",
        "error_title": "استان نامعتبر", "error_message": "استان را از فهرست برگزینید."})


def week_for(ds: Dataset) -> JDate:
    """The week a workbook is for, by default: the latest meeting's, while no figure is given for it yet (the
    workbook made after `portal new-meeting`); otherwise the meeting a week after it."""
    latest = ds.meetings[-1] if ds.meetings else None
    if latest is None:
        raise ValueError("no meeting")
    given = set(ds.deliveries.week.astype(str)) if len(ds.deliveries) else set()
    return latest.date if latest.id not in given else latest.date.plus_days(WEEK)


def _guide(sheet, ds: Dataset, week: JDate, province: Province | None, programmes: int, title, wrap, header) -> int:
    """The guide: how to fill the workbook in and what is published, each paragraph cut into lines of its
    own (a spreadsheet program does not grow a row to its wrapped text, and each draws Persian at its own
    width), then the provinces' list; returns the 1-based row of the list's first province."""
    sheet.right_to_left()
    sheet.set_column(0, 0, GUIDE_WIDTH)
    who = f"استان {province.name_fa}" if province else "همهٔ استان‌ها"
    quantity, note = column_letter("quantity"), column_letter("note_fa")
    lines = [
        f"{ds.site.organisation_fa}: تحویل‌های هفتهٔ منتهی به جلسهٔ {week.fa()} ({who})",
        "",
        "چگونه پر کنید",
        f"۱. در برگهٔ «{SHEET}» برای هر برنامه در هر استان یک سطر هست: هفته و برنامه از پیش نوشته شده‌اند و "
        "تغییر نمی‌کنند.",
        f"۲. در ستون «تعداد» (ستون {quantity}) تعداد تحویل‌شده در این هفته را بنویسید: عددی درست، ۰ یا بیشتر. اگر "
        "در این هفته چیزی تحویل نشد، ۰ بنویسید؛ خانهٔ خالی یعنی گزارش نشده و پذیرفته نمی‌شود.",
        "۳. خودِ عدد را بنویسید، نه فرمول؛ سطرها را پنهان یا خانه‌ها را ادغام نکنید؛ برگه یا ستونی نیفزایید و "
        "نام آن‌ها را تغییر ندهید.",
        f"۴. ستون «یادداشت» (ستون {note}) برای توضیح کوتاه است و ممکن است منتشر شود: هیچ نام، کد ملی، شمارهٔ "
        "تلفن یا نشانی کسی را ننویسید، و شمار کمتر از آستانهٔ انتشار از خانواده‌ها یا بیماران را ذکر نکنید.",
        "۵. پرونده را با همین قالب (xlsx) ذخیره و بازفرستید. پروندهٔ CSV هم پذیرفته می‌شود (جداکنندهٔ ; یا ، و "
        "کدگذاری UTF-8 یا Windows-1256).",
        "",
        "چه منتشر می‌شود",
        "تنها جمع‌ها و جدول‌های گروهی منتشر می‌شوند، پس از کنترل افشا: هر شمار کوچکی که کسی را شناسانا کند "
        "پنهان می‌شود. هیچ ردیفی از این برگه به همین شکل منتشر نمی‌شود.",
        "",
        f"این کاربرگ {persian_digits(str(programmes))} برنامه دارد. ستاد آن را با فرمان portal import وارد "
        "می‌کند و هر مشکل را با نام برگه و خانه (مثلاً «برگهٔ تحویل، خانهٔ D7») بازمی‌گوید.",
    ]
    row = 0
    for n, paragraph in enumerate(lines):
        for line in textwrap.wrap(paragraph, GUIDE_WIDTH - 10) or [""]:
            sheet.write_string(row, 0, line, title if n == 0 else wrap)
            row += 1
    row += 1
    sheet.write_string(row, 0, "فهرست استان‌ها (خانهٔ «استان» یکی از این‌ها را می‌پذیرد)", header)
    for i, p in enumerate(ds.provinces, start=row + 1):
        sheet.write_string(i, 0, p.name_fa, wrap)
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    return row + 2
