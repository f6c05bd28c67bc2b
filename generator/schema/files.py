"""The schema of every kind of file in data/: declared once, used to validate, to parse and to document.

Written in the schema language of fields.py. `docs/schema.md` is generated from these declarations
(`portal schema --write`), and a test keeps the two the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model.publication import DEFAULT_K, DEFAULT_P
from generator.schema.fields import Field, ListOf, Mapping
from generator.schema.value_types import (
    Choice,
    Count,
    Date,
    Digest,
    FileName,
    Flag,
    Id,
    Line,
    Month,
    Pseudonym,
    Ref,
    Text,
    Url,
)

# ---- the files -----------------------------------------------------------------------------------------

UNITS = {"family": "خانوار", "device": "دستگاه", "package": "بسته", "centre": "مرکز", "person": "نفر",
         "meeting": "جلسه"}
CENTRE_TYPES = {"vaccination": "مرکز تزریق واکسن", "field-hospital": "بیمارستان صحرایی",
                "oxygen-depot": "انبار اکسیژن‌ساز", "distribution-point": "محل توزیع بستهٔ معیشتی"}
CENTRE_STATUS = {"planned": "در دست احداث", "open": "فعال", "closed": "بسته‌شده"}
FOLLOW_UP_STATUS = {"in-progress": "در حال اجرا", "delivered": "انجام‌شده", "cancelled": "لغوشده"}
QUALIFIERS = {"exact": "", "below": "کمتر از", "above": "بیش از", "about": "حدود", "up_to": "تا"}
ATTENDANCE = {"in-person": "حضوری", "video": "ویدئوکنفرانس"}
RETENTION_THEN = {"month": "the last publication of each month", "season": "the last publication of each season "
                  "(three Jalali months)", "year": "the last publication of each Jalali year",
                  "all": "every publication"}
DELIVERED_FROM = {"deliveries": "deliveries", "meetings": "meetings"}
# units of an indicator that count people: a figure in them is protected like any other count of people
PEOPLE_UNITS = frozenset({"person", "family"})
GENDERS = {"female": "زن", "male": "مرد"}
AGE_BANDS = {"under-30": "زیر ۳۰ سال", "30-44": "۳۰ تا ۴۴ سال", "45-59": "۴۵ تا ۵۹ سال", "60-plus": "۶۰ سال و بیشتر"}
# Register columns that would identify a person: a register holding one is refused whole (PRIVACY.md)
IDENTIFYING_COLUMNS = ("name", "first_name", "last_name", "surname", "family_name", "father_name", "full_name",
                       "national_id", "national_code", "code_melli", "melli", "id_number", "birth_certificate",
                       "passport", "phone", "mobile", "tel", "telephone", "email", "address", "postal_code",
                       "zip", "birth_date", "date_of_birth", "dob", "sheba", "iban", "card", "card_number",
                       "account", "account_number", "patient_id", "file_number", "نام", "نام_خانوادگی", "کد_ملی",
                       "تلفن", "موبایل", "نشانی", "آدرس", "کد_پستی", "تاریخ_تولد")

def english(fa: str, example: str = "", many: bool = False, line: bool = False) -> Field:
    """The English edition's twin of the Persian text field `fa` («summary_fa» → «summary_en»): optional;
    without it, the English pages show the Persian text as it is, marked as Persian (never machine-translated)."""
    shape = Line(example) if line else Text(example)
    return Field(fa.removesuffix("_fa") + "_en", ListOf(shape) if many else shape,
                 f"{fa} in English, for the English edition", required=False, default=list if many else "")


SOURCE = Mapping((
    Field("id", Id("seed-report"), "short id that meetings use to cite this source"),
    Field("title_fa", Line(), "title of the source, in Persian"),
    english("title_fa", "Weekly meeting of the headquarters", line=True),
    Field("publisher_fa", Line(), "who published it"),
    english("publisher_fa", "news agency", line=True),
    Field("file", Line("seed/000_c097cf08b46bc84a.txt"), "where the text is kept", required=False,
          default=""),
    Field("note_fa", Text(), "what the source is and what it does not say", required=False, default=""),
    english("note_fa", "A news report of one meeting"),
))

RETENTION = Mapping((
    Field("every_week_for_days", Count("91"),
          "keep every publication whose meeting is at most this many days before the newest one"),
    Field("then", Choice(RETENTION_THEN),
          "older publications: `month` keeps the last one of each Jalali month, `season` of each season (three "
          "months), `year` of each year, `all` keeps every one"),
))

PUBLISH = Mapping((
    Field("budget_mb", Count("1000"),
          "the most the publish branch may take as a host serves it (every version, latest/ and the root), in "
          "MB: `portal publish` refuses a publication that would cross it and names the versions to thin "
          "(GitHub Pages allows 1 GB)", required=False, default=1000),
))

YEARS = Mapping((
    Field("first", Count("1398"), "the first Jalali year a date of the data may be in"),
    Field("last", Count("1430"), "the last Jalali year a date of the data may be in"),
))

SITE = Mapping((
    Field("organisation_fa", Line(), "the organisation that publishes the portal, in Persian"),
    Field("organisation_en", Line("Imam Reza Health Headquarters"), "the same in English"),
    Field("site_url", Url(), "the address the site is published at (its versions below it: …/latest/, "
          "…/1400-08-05/); with it, the sitemap, the canonical links, the feed and the link previews use "
          "absolute addresses, and the version selector keeps a reader on the same page. The setting "
          "PORTAL_SITE_URL (environment), when set, is used instead (CI)", required=False, default=""),
    Field("description_fa", Text(), "one paragraph for the home page: what the portal publishes"),
    english("description_fa", "What the headquarters pledged and delivered"),
    Field("licence_fa", Text(), "the licence of the published data, in Persian"),
    english("licence_fa", "Creative Commons Attribution 4.0"),
    Field("licence_id", Line("CC-BY-4.0"), "the licence's Open Definition / SPDX id, for the data package "
          "(downloads/datapackage.json)", required=False, default=""),
    Field("hxl", Flag(), "`yes` to add a row of HXL hashtags (#adm1+name, #date, #reached, …) under the header "
          "of every CSV download", required=False, default=False),
    Field("sources", ListOf(SOURCE), "documents the data are taken from"),
    Field("synthetic_seed", Count("1400"), "seed of the script that makes the synthetic example data"),
    Field("disclosure_threshold", Count(str(DEFAULT_K)),
          "smallest count of households (or recipients) that may be published, k: a count of 1 to k−1 is "
          "suppressed; see docs/privacy.md"),
    Field("dominance_percent", Count(str(DEFAULT_P)),
          "p of the p% rule on amounts: an amount is suppressed when, without its two largest contributions, "
          "it is less than p% of the largest; kept here, never printed on the site", required=False,
          default=DEFAULT_P),
    Field("years", YEARS, "the Jalali years the site covers: a date of the data outside them is refused as a "
          "typing slip (default 1398 to 1430)", required=False),
    Field("retention", RETENTION,
          "which old publications stay online on the publish branch (README: Publishing after a meeting); "
          "without it every one stays. A removed one stays listed in the archive page of every later publication",
          required=False),
    Field("publish", PUBLISH, "how large the publish branch may grow (README: Publishing after a meeting)",
          required=False),
))

PROGRAMME = Mapping((
    Field("id", Id(), "permanent id, used in URLs and in deliveries"),
    Field("name_fa", Line(), "full name in Persian"),
    Field("short_name_fa", Line(), "short name for tables and headings"),
    Field("name_en", Line("Oxygen concentrators"), "name in English"),
    Field("unit", Choice(UNITS), "what one delivered item is"),
    Field("pledged", Count("1000"), "quantity pledged; leave empty for an open-ended commitment",
          required=False),
    Field("pledge_fa", Text("مرحلهٔ اول"), "the pledge in words (phase, period, partners)",
          required=False, default=""),
    Field("pledged_at", Ref("meeting id (its Jalali date)", "1400-05-27"),
          "id (date) of the meeting that made the pledge"),
    Field("delivered_from", Choice(DELIVERED_FROM),
          "`deliveries`: delivered quantities come from data/deliveries; `meetings`: count of meetings held",
          required=False, default="deliveries"),
    Field("description_fa", Text(), "a paragraph for the programme page"),
    # the English edition's texts: where one is missing, the English pages show the Persian as it is, marked so
    Field("short_name_en", Line("Oxygen concentrators"), "short name in English, for the English edition's tables, "
          "charts and headings (without it, name_en)", required=False, default=""),
    Field("pledge_en", Text("phase one"), "pledge_fa in English", required=False, default=""),
    Field("description_en", Text(), "description_fa in English", required=False, default=""),
))

INDICATOR = Mapping((
    Field("id", Id("people-vaccinated"), "permanent id, used in meeting reports"),
    Field("name_fa", Line(), "name in Persian"),
    Field("name_en", Line("People vaccinated"), "name in English"),
    Field("unit", Choice(UNITS), "what is counted"),
    Field("definition_fa", Text(), "what exactly is counted, for the methodology page"),
    english("definition_fa", "People given a first dose"),
))

FIGURE = Mapping((
    Field("indicator", Ref("indicator id", "people-vaccinated"), "id from data/indicators.yaml"),
    Field("value", Count("750000"), "the figure as reported"),
    Field("qualifier", Choice(QUALIFIERS), "how the figure was stated: `below` for «زیر ۵۰»",
          required=False, default="exact"),
    Field("period_fa", Line("سال گذشته"), "the period the figure covers, when not the meeting's week",
          required=False, default=""),
    english("period_fa", "last year", line=True),
    Field("note_fa", Text(), "conditions or caveats stated with the figure", required=False, default=""),
    english("note_fa", "first dose only"),
))

ATTENDEE = Mapping((
    Field("role_fa", Line("رئیس سازمان بسیج مستضعفین"), "role, never a personal name"),
    english("role_fa", "Head of the Basij Organisation", line=True),
    Field("attendance", Choice(ATTENDANCE), "how they attended", required=False, default="in-person"),
))

REPORT = Mapping((
    Field("province", Ref("province name or ISO code", "گیلان"),
          "province reported on (Persian or English name, or ISO code)"),
    Field("reporter_role_fa", Line("فرمانده سپاه قدس گیلان"), "role of who reported, never a name"),
    english("reporter_role_fa", "Commander of the Quds Corps, Gilan", line=True),
    Field("summary_fa", Text(), "one or two sentences summarising the report", required=False, default=""),
    english("summary_fa", "Ten vaccination centres are open"),
    Field("figures", ListOf(FIGURE), "figures reported", required=False, default=list),
    Field("issues_fa", ListOf(Text()), "problems the province raised", required=False, default=list),
    english("issues_fa", "Hospital beds are full", many=True),
    Field("actions_fa", ListOf(Text()), "what the province has done or plans", required=False, default=list),
    english("actions_fa", "A field hospital is planned", many=True),
    Field("requests_fa", ListOf(Text()), "what the province asked for", required=False, default=list),
    english("requests_fa", "More oxygen concentrators", many=True),
))

DECISION = Mapping((
    Field("id", Id("1400-05-27-d1"), "permanent id: the meeting's date, -d and a number (1400-05-27-d1)"),
    Field("text_fa", Text(), "the decision as the minutes state it"),
    english("text_fa", "1,000 oxygen concentrators are allocated"),
    Field("programme", Ref("programme id", "oxygen-concentrators"), "programme it concerns, if any",
          required=False, default=""),
    Field("quantity", Count("1000"), "quantity decided, if any", required=False),
    Field("owner_role_fa", Line("سازمان بسیج مستضعفین"), "who carries it out, by role"),
    english("owner_role_fa", "The Basij Organisation", line=True),
    Field("due", Date(), "due date, if one was set", required=False),
    Field("provinces", ListOf(Ref("province name or ISO code", "کرمان")),
          "provinces concerned; empty for the whole country", required=False, default=list),
))

FOLLOW_UP = Mapping((
    Field("decision", Ref("decision id", "1400-05-27-d2"), "id of the decision of an earlier meeting"),
    Field("status", Choice(FOLLOW_UP_STATUS),
          "`in-progress` when work has started, `delivered` or `cancelled` to close the decision (once); "
          "leave it out when the status did not change", required=False, default=""),
    Field("quantity", Count("1500"), "the revised quantity, when the meeting changed it", required=False),
    Field("due", Date(), "the revised due date, when the meeting changed it", required=False),
    Field("reason_fa", Text(), "why the quantity or the due date changed, or why the decision was cancelled "
          "(required then)", required=False, default=""),
    english("reason_fa", "the province asked for more"),
    Field("note_fa", Text(), "what the meeting said about it", required=False, default=""),
    english("note_fa", "Half have been handed over"),
))

MEETING = Mapping((
    Field("date", Date(), "date of the meeting; the file is named after it"),
    Field("number", Count("1"), "sequence number of the meeting in this register (1, 2, 3, ...)"),
    Field("title_fa", Line(), "title of the meeting"),
    english("title_fa", "Weekly meeting of the headquarters", line=True),
    Field("synthetic", Flag(), "`yes` if the meeting is made up for the example site"),
    Field("source", Ref("source id", "seed-report"), "id of the source document, from data/site.yaml",
          required=False, default=""),
    Field("date_estimated", Flag(), "`yes` when the source gives no exact date", required=False,
          default=False),
    Field("date_note_fa", Text(), "how the date was established, when estimated", required=False, default=""),
    english("date_note_fa", "The report gives no exact date"),
    Field("summary_fa", Text(), "a short summary of the meeting"),
    english("summary_fa", "The meeting approved three programmes"),
    Field("attendees", ListOf(ATTENDEE), "who attended, by role"),
    Field("national_figures", ListOf(FIGURE), "figures stated for the whole country", required=False,
          default=list),
    Field("decisions", ListOf(DECISION), "decisions made", required=False, default=list),
    Field("follow_ups", ListOf(FOLLOW_UP), "decisions of earlier meetings followed up in this one",
          required=False, default=list),
    Field("reports", ListOf(REPORT), "provincial reports", required=False, default=list),
))

DELIVERY = Mapping((
    Field("week_ending", Date(), "date of the meeting that reported the week's figure (a file in data/meetings/)"),
    Field("province", Ref("province name or ISO code", "گیلان"), "province (Persian or English name, or ISO code)"),
    Field("county", Ref("county name in that province", "رشت"), "county, if the figure is for one county",
          required=False, default=""),
    Field("programme", Ref("programme id", "oxygen-concentrators"), "programme id"),
    Field("quantity", Count("25"), "quantity delivered in that week"),
    Field("synthetic", Flag(), "`yes` if the figure is made up for the example site"),
    Field("note_fa", Text(), "a note on the figure", required=False, default=""),
    Field("source", FileName("کرمان.xlsx"), "the workbook or file the row was imported from (`portal import` "
          "writes it); never published", required=False, default=""),
    Field("source_sha256", Digest(), "that file's SHA-256, to tell which version of it the row came from",
          required=False, default=""),
))

CENTRE = Mapping((
    Field("id", Id("gil-vac-01"), "permanent id"),
    Field("type", Choice(CENTRE_TYPES), "kind of centre"),
    Field("province", Ref("province name or ISO code", "گیلان"), "province"),
    Field("county", Ref("county name in that province", "رشت"), "county, when known", required=False, default=""),
    Field("name_fa", Line("مرکز تزریق واکسن شمارهٔ ۱"), "public name of the centre"),
    Field("status", Choice(CENTRE_STATUS), "planned, open or closed"),
    Field("opened", Date(), "date it opened, when known", required=False),
    Field("capacity", Count("200"), "doses, beds or packages a day, when known", required=False),
    Field("reported_at", Ref("meeting id (its Jalali date)", "1400-05-27"),
          "id (date) of the meeting that reported it, if any", required=False, default=""),
    Field("synthetic", Flag(), "`yes` if the centre is made up for the example site"),
    Field("note_fa", Text(), "a note", required=False, default=""),
))

REGISTER = Mapping((
    Field("household", Pseudonym(), "the household's pseudonymous key (the same household has the same key in "
          "every row and file; never a name or an identity number)"),
    Field("province", Ref("province name or ISO code", "گیلان"), "province of the household"),
    Field("county", Ref("county name in that province", "رشت"), "county, when known", required=False, default=""),
    Field("programme", Ref("programme id", "family-support"), "the programme that supported the household"),
    Field("month", Month(), "the Jalali month of the support"),
    Field("head_gender", Choice(GENDERS), "gender of the head of household"),
    Field("head_age_band", Choice(AGE_BANDS), "age band of the head of household"),
    Field("household_size", Count("4"), "people in the household"),
    Field("amount_rials", Count("50000000"), "amount paid in the month, in rials (0 for support in kind)"),
    Field("synthetic", Flag(), "`yes` if the row is made up for the example site"),
))

PROVINCE = Mapping((
    Field("iso_code", Line("IR-01"), "ISO 3166-2:IR code, 2020 scheme (IR-00 … IR-30)"),
    Field("name_fa", Line("گیلان"), "name in Persian"),
    Field("name_en", Line("Gilan"), "name in English"),
    Field("population_2016", Count("2530696"), "population at the 2016 (1395) census"),
    Field("source", Line("SCI Census 1395 (2016)"), "source of the population figure"),
))

PROVINCE_ALIAS = Mapping((
    Field("alias", Line("Esfahan"), "another spelling of a province name that staff may type"),
    Field("iso_code", Line("IR-10"), "the province it means"),
))

COUNTY = Mapping((
    Field("id", Id("ir-01-rasht"), "permanent id: the province code and the county name"),
    Field("province", Line("IR-01"), "ISO code of the province it belongs to"),
    Field("name_fa", Line("رشت"), "name in Persian"),
    Field("name_en", Line("Rasht"), "name in English"),
))


REVISION = Mapping((
    Field("id", Id("1400-06-05-r1"), "permanent id: the date, -r and a number (1400-06-05-r1)"),
    Field("date", Date(), "the Jalali date the figures were revised"),
    Field("reason_fa", Text("گزارش دیرهنگام استان تهران"),
          "why published figures changed, in Persian: shown beside them on the «what changed» page"),
    english("reason_fa", "Tehran province reported late"),
    Field("programme", Ref("programme id", "oxygen-concentrators"), "the programme whose figures changed",
          required=False, default=""),
    Field("province", Ref("province name or ISO code", "تهران"), "the province whose figures changed",
          required=False, default=""),
    Field("period", Line("1400-05-20"), "the week (a meeting's date) or the month (1400-05) of the revised "
          "figures", required=False, default=""),
    Field("correction", Flag(), "`yes` to publish it at once, as a correction of the latest publication, "
          "without waiting for the next meeting", required=False, default=False),
))


@dataclass(frozen=True)
class FileSchema:
    kind: str
    pattern: str  # under data/
    shape: Any  # Mapping for a YAML mapping file; ListOf(Mapping) for a YAML list or a CSV
    doc: str
    csv: bool = False
    examples: list[str] = field(default_factory=list)


FILES: tuple[FileSchema, ...] = (
    FileSchema("site", "site.yaml", SITE, "Site settings: organisation, licence, sources, disclosure."),
    FileSchema("programmes", "programmes.yaml", ListOf(PROGRAMME),
               "Aid programmes and what was pledged for each: a YAML list, one entry per programme."),
    FileSchema("indicators", "indicators.yaml", ListOf(INDICATOR),
               "Kinds of figure that meetings report (people vaccinated, centres set up, ...)."),
    FileSchema("meetings", "meetings/<jalali-date>.yaml", MEETING,
               "One file per weekly meeting, named after its Jalali date, e.g. meetings/1400-05-27.yaml."),
    FileSchema("revisions", "revisions.yaml", ListOf(REVISION),
               "Why published figures were revised, and corrections (optional): one entry per revision; the "
               "«what changed» page gives each reason beside the figures it explains, and an entry with "
               "`correction: yes` is published at once as a correction (README: Publishing after a meeting)."),
    FileSchema("deliveries", "deliveries/*.csv", ListOf(DELIVERY),
               "Delivered quantities per week, province (and county) and programme; one row per figure.",
               csv=True),
    FileSchema("centres", "centres/*.csv", ListOf(CENTRE),
               "Vaccination centres, field hospitals, oxygen depots and distribution points.", csv=True),
    FileSchema("registers", "registers/*.csv", ListOf(REGISTER),
               "Household registers: one pseudonymised row per household, programme and month. Microdata: keep "
               "real registers out of any public repository (docs/privacy.md). Only protected tables of distinct "
               "households are published (the households page, the county tables of province pages).",
               csv=True),
    FileSchema("provinces", "reference/provinces.csv", ListOf(PROVINCE),
               "The 31 provinces: ISO codes, names and 2016 census population (reference data; do not edit).",
               csv=True),
    FileSchema("province_aliases", "reference/province_aliases.csv", ListOf(PROVINCE_ALIAS),
               "Other spellings of province names that are accepted and mapped to a province.", csv=True),
    FileSchema("counties", "reference/counties.csv", ListOf(COUNTY),
               "Counties (shahrestan) that data may name, each in its province.", csv=True),
)
SCHEMAS = {f.kind: f for f in FILES}
# reference data, not staff's texts: checked as such (codes, provinces, boundaries), not read for counts
REFERENCE_KINDS = frozenset({"provinces", "province_aliases", "counties"})
