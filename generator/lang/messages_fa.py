"""The Persian of every message for staff (messages.py), keyed by its English template.

Each `{name}` of the English is kept (a template may leave one out, never add one); what staff typed is
quoted in «…» as typed; file names, field names, ids and examples of values stay as they are written in
the files. tests/unit/test_messages.py checks that every template in generator/ is here, with the same names.
"""

from __future__ import annotations

from generator.lang.messages_fa_commands import COMMANDS
from generator.lang.messages_fa_rules import RULES
from generator.lang.messages_fa_sheets import SHEETS

FA: dict[str, str] = {
    # --- words used inside other messages --------------------------------------------------------------
    "a mapping": "یک نگاشت (فهرست «نام: مقدار»)",
    "a list": "یک فهرست",
    "a list of entries": "فهرستی از موارد",
    "a mapping of fields": "نگاشتی از فیلدها",
    "programme": "برنامه",
    "indicator": "شاخص",
    "centre": "مرکز",
    "county": "شهرستان",
    "province": "استان",
    "revision": "اصلاحیه",
    "source": "منبع",
    "decision": "تصمیم",
    "meeting": "جلسه",
    "status": "وضعیت (status)",
    "quantity": "مقدار (quantity)",
    "due date": "مهلت (due)",
    "person": "نفر",
    "family": "خانوار",
    "UTF-16 (Excel's «Unicode Text»)": "UTF-16 (گزینهٔ «Unicode Text» در اکسل)",
    "Windows-1256 (Arabic Windows, older Excel)": "Windows-1256 (ویندوز عربی، اکسل قدیمی)",
    # personal data, by kind (personal_data.py)
    "a national ID": "کد ملی",
    "a mobile phone number": "شمارهٔ تلفن همراه",
    "a landline phone number": "شمارهٔ تلفن ثابت",
    "a bank card number": "شمارهٔ کارت بانکی",
    "a bank account number (sheba)": "شمارهٔ حساب بانکی (شبا)",
    "an IR + 24-digit number (a sheba?)": "عددی با IR و ۲۴ رقم (شاید شبا)",
    "a ten-digit number (a national ID or a postal code)": "عددی ده‌رقمی (شاید کد ملی یا کد پستی)",
    "an e-mail address": "نشانی ایمیل",

    # --- files -----------------------------------------------------------------------------------------
    "the file is empty": "پرونده خالی است",
    "the first line must name the columns": "خط اول باید نام ستون‌ها را داشته باشد",
    "fill it in, or delete it if it is not needed": "آن را پر کنید، یا اگر لازم نیست پاکش کنید",
    "the file is missing": "پرونده وجود ندارد",
    "restore it from git, or create it as docs/schema.md describes":
        "آن را از git برگردانید، یا همان‌طور که docs/schema.md می‌گوید بسازید",
    "the file is not UTF-8 text": "متن پرونده UTF-8 نیست",
    "the file is not UTF-8 text: it looks like {kind}": "متن پرونده UTF-8 نیست: به نظر {kind} است",
    "save it as UTF-8 (in Excel: Save As → «CSV UTF-8 (Comma delimited)»; in an editor: encoding UTF-8)":
        "آن را با رمزگذاری UTF-8 ذخیره کنید (در اکسل: گزینهٔ Save As و سپس قالب «CSV UTF-8 (Comma delimited)»؛ "
        "در ویرایشگر: encoding UTF-8)",
    "the file is too large ({size} MB; at most {limit} MB per file); it was not read":
        "پرونده بیش از اندازه بزرگ است ({size} مگابایت؛ هر پرونده حداکثر {limit} مگابایت) و خوانده نشد",
    "split it into several files, e.g. one per Jalali year (deliveries/1400.csv, deliveries/1401.csv)":
        "آن را به چند پرونده تقسیم کنید، مثلاً یکی برای هر سال شمسی (deliveries/1400.csv، deliveries/1401.csv)",
    "cannot read the file ({reason})": "پرونده خوانده نمی‌شود ({reason})",
    "check that the file exists and is readable": "بررسی کنید که پرونده وجود دارد و خواندنی است",

    # --- YAML ------------------------------------------------------------------------------------------
    "the YAML cannot be read: {detail}": "YAML خوانده نمی‌شود: {detail}",
    "indent with spaces, never tabs": "تورفتگی را با فاصله (space) بدهید، هرگز با Tab",
    "check indentation, colons and quotes": "تورفتگی‌ها، دونقطه‌ها و گیومه‌ها را بررسی کنید",
    "key «{key}» appears twice in this mapping (first on line {first})":
        "کلید «{key}» در این بخش دو بار آمده است (بار اول در خط {first})",
    "keep one of the two and delete the other": "یکی را نگه دارید و دیگری را پاک کنید",
    "YAML aliases (*name) are not allowed here": "ارجاع YAML (*name) در این پرونده‌ها مجاز نیست",
    "write the value out in full instead of referring to an anchor":
        "به‌جای ارجاع به لنگر (&name)، مقدار را کامل بنویسید",
    "expected a single value, found {found}": "اینجا فقط یک مقدار ساده لازم است، اما {found} آمده است",
    "write one value, e.g. {example}": "یک مقدار بنویسید، مثلاً {example}",
    "expected a mapping of fields, found {found}": "اینجا نگاشتی از فیلدها لازم است، اما {found} آمده است",
    "write `field: value` lines, indented under this key":
        "سطرهایی به شکل `field: value` بنویسید، با تورفتگی زیر همین کلید",
    "expected a list, found {found}": "اینجا یک فهرست لازم است، اما {found} آمده است",
    "write one `- item` line per entry": "برای هر مورد یک سطر - item بنویسید",
    "«{name}» is not a field here": "«{name}» فیلد این بخش نیست",
    "use one of: {choices}": "یکی از این‌ها را به کار ببرید: {choices}",
    "«{name}» is required ({doc})": "«{name}» لازم است ولی نوشته نشده یا خالی است",
    "the field «{name}» ({doc})": "فیلد «{name}»",
    "this entry": "این مورد",
    "a YAML tag («{tag}») is not allowed: a data file holds plain values":
        "برچسب YAML («{tag}») پذیرفته نیست: پروندهٔ داده فقط مقدار ساده دارد",
    "remove the tag and write the value as it is, e.g. «quantity: 200»":
        "برچسب را بردارید و خود مقدار را بنویسید، مثلاً «quantity: 200»",
    "a line break in a field that is one line (a name, title or role)":
        "در فیلدی که یک‌سطری است (نام، عنوان یا سِمت) سطر شکسته شده است",
    "write it on one line (in YAML, without | or a quoted \\n)":
        "آن را در یک سطر بنویسید (در YAML بی | و بی \\n درون گیومه)",
    "{date}: the year {year} is outside the years this site covers ({first}–{last})":
        "{date}: سال {year} بیرون از سال‌هایی است که این درگاه در بر می‌گیرد ({first} تا {last})",
    "check the year (a Jalali year, e.g. 1400); if the site does cover it, widen `years` in data/site.yaml":
        "سال را بررسی کنید (سال شمسی، مثلاً 1400)؛ اگر درگاه واقعاً آن سال را در بر می‌گیرد، `years` را در "
        "data/site.yaml گسترده‌تر کنید",
    "the last year {last} is before the first year {first}": "سال پایانی {last} پیش از سال آغاز {first} است",
    "give the first and the last Jalali year the site covers, e.g. first: 1398, last: 1430":
        "نخستین و واپسین سال شمسی درگاه را بنویسید، مثلاً first: 1398، last: 1430",
    "«{code}» is not an ISO 3166-2:IR province code": "«{code}» کد استانِ ISO 3166-2:IR نیست",
    "write it back as {old}, the code its boundary and counties use":
        "آن را به {old} برگردانید، کدی که مرز و شهرستان‌هایش دارند",
    "write the code as IR- and two digits, as in the 2020 scheme (IR-00 … IR-30), e.g. IR-01 for Gilan":
        "کد را به شکل IR- و دو رقم بنویسید، مانند طرح ۲۰۲۰ (IR-00 تا IR-30)، مثلاً IR-01 برای گیلان",
    "province name «{name}» is already used at {place}": "نام استانِ «{name}» پیش‌تر در {place} آمده است",
    "give each province its own name": "هر استان را با نام خودش بنویسید",
    "«{code}» is not the code of a province in data/reference/provinces.csv":
        "«{code}» کد هیچ استانی در data/reference/provinces.csv نیست",
    "use the code of one of its provinces, e.g. {example}": "کد یکی از استان‌ها را بنویسید، مثلاً {example}",
    "two boundaries have the code «{code}»": "دو مرز کد «{code}» دارند",
    "the boundary «{code}» is not a polygon of the file's arcs": "مرزِ «{code}» چندضلعی‌ای از کمان‌های این پرونده نیست",
    "the boundaries' arcs or transform are not TopoJSON's (lists of points; a scale and a translation of two "
    "numbers each)":
        "کمان‌ها یا تبدیلِ مرزها به شکل TopoJSON نیستند (فهرست نقطه‌ها؛ مقیاس و جابه‌جایی، هر یک دو عدد)",
    "restore the file from git: it is reference data, not edited by hand":
        "پرونده را از git بازگردانید: دادهٔ مرجع است و دستی ویرایش نمی‌شود",
    "the boundary «{code}» is of no province in data/reference/provinces.csv":
        "مرزِ «{code}» از هیچ استانی در data/reference/provinces.csv نیست",
    "give the province its code again in provinces.csv, or restore both files from git":
        "کد استان را در provinces.csv برگردانید، یا هر دو پرونده را از git بازگردانید",
    "province «{code}» has no boundary in {file}": "استانِ «{code}» در {file} مرزی ندارد",
    "province «{name}» is {code} here, but {old} in its boundary and in {n} row(s) of the counties and aliases":
        "کد استانِ «{name}» اینجا {code} است، ولی در مرز آن و در {n} سطر از شهرستان‌ها و نام‌های دیگر {old}",
    "give it one code everywhere: its ISO 3166-2:IR code of the 2020 scheme (restore the reference files from "
    "git)":
        "همه‌جا یک کد بنویسید: کد ISO 3166-2:IR آن در طرح ۲۰۲۰ (پرونده‌های مرجع را از git بازگردانید)",
    "give the province its code again (the boundaries use the 2020 codes IR-00 … IR-30), or restore both files "
    "from git":
        "کد استان را برگردانید (مرزها کدهای طرح ۲۰۲۰، IR-00 تا IR-30، را دارند)، یا هر دو پرونده را از git "
        "بازگردانید",
    "restore it from git (it is reference data, with its notice)":
        "آن را از git بازگردانید (دادهٔ مرجع است، با یادداشت مجوزش)",
    "the boundaries cannot be read as JSON: {detail}": "مرزها را نمی‌توان به‌صورت JSON خواند: {detail}",
    "the boundaries are not TopoJSON with an object «provinces» of geometries, each with its ISO code as id":
        "مرزها TopoJSON با شیء «provinces» از هندسه‌هایی با کد ISO هر استان به‌عنوان شناسه نیستند",
    "… and {n} more of the same [{code}] in this file (the first {limit} are shown)":
        "… و {n} مورد دیگر از همین [{code}] در این پرونده ({limit} مورد نخست آمده است)",
    "{what} is left empty (\"\") to fill in": "{what} خالی (\"\") مانده تا پر شود",
    "write it in, e.g. {name}: {example}": "آن را بنویسید، مثلاً {name}: {example}",
    "write it in, or delete the line if it does not apply to this meeting":
        "آن را بنویسید، یا اگر به این جلسه مربوط نیست آن سطر را پاک کنید",
    "the follow-up of «{id}» says nothing: no status, quantity, due date, reason or note; published, it would "
    "show the decision as discussed at this meeting":
        "پیگیریِ «{id}» چیزی نمی‌گوید: نه وضعیت، نه مقدار، نه مهلت، نه دلیل و نه یادداشت؛ اگر منتشر شود، تصمیم را "
        "«بررسی‌شده در این جلسه» نشان می‌دهد",
    "write what the meeting said in note_fa (and status if it changed), or delete the follow-up if the decision "
    "was not discussed":
        "آنچه جلسه گفت را در note_fa بنویسید (و اگر وضعیت تغییر کرد، status را)، یا اگر دربارهٔ این تصمیم سخنی نرفت "
        "پیگیری را پاک کنید",
    "add it, e.g. {name}: {example}": "آن را بنویسید، مثلاً {name}: {example}",
    "fill in the {name} column, e.g. {example}": "ستون {name} را پر کنید، مثلاً {example}",

    # --- CSV -------------------------------------------------------------------------------------------
    "the columns are separated by «;», not by commas (Excel with a Persian or European regional setting "
    "writes such files)":
        "ستون‌ها با «;» از هم جدا شده‌اند، نه با ویرگول (اکسل با تنظیمات منطقه‌ای فارسی یا اروپایی چنین "
        "پرونده‌ای می‌نویسد)",
    "save it again as «CSV UTF-8 (Comma delimited)», or set the list separator to «,» in the regional "
    "settings; numbers keep no decimal comma: 12,5 → 12.5":
        "دوباره با قالب «CSV UTF-8 (Comma delimited)» ذخیره کنید، یا در تنظیمات منطقه‌ای جداکنندهٔ فهرست را «,» "
        "بگذارید؛ در عددها ممیز اعشار نقطه است: 12,5 ← 12.5",
    "column «{name}» is empty or repeated in the header": "ستون «{name}» در سطر عنوان خالی یا تکراری است",
    "give every column one unique name": "به هر ستون نامی یکتا بدهید",
    "the row has {cells} cells but the header has {columns}":
        "این سطر {cells} خانه دارد ولی سطر عنوان {columns} ستون دارد",
    "give every row one cell per column; quote cells that contain commas":
        "هر سطر باید برای هر ستون یک خانه داشته باشد؛ خانه‌ای را که ویرگول دارد در گیومه (\") بگذارید",
    "the file cannot be read from here on ({detail}): a quote (\") opens a cell that is never closed":
        "پرونده از اینجا به بعد خوانده نمی‌شود ({detail}): گیومه‌ای (\") خانه‌ای را باز کرده و هرگز بسته نشده است",
    "close the quote, or remove it; quote a whole cell only when it contains a comma":
        "گیومه را ببندید یا پاکش کنید؛ فقط وقتی خانه ویرگول دارد، کل آن را در گیومه بگذارید",
    "unknown column «{name}»": "ستون «{name}» ناشناخته است",
    "did you mean «{close}»? the columns are: {columns}": "منظورتان «{close}» بود؟ ستون‌های مجاز: {columns}",
    "the columns are: {columns}": "ستون‌های مجاز: {columns}",
    "required column «{name}» is missing": "ستون «{name}» لازم است ولی در پرونده نیست",
    "add a column named {name} to the header line": "ستونی به نام {name} به سطر عنوان بیفزایید",
    "column «{name}» could identify a person; a register holds pseudonymised rows only, and this file is not "
    "read at all":
        "ستون «{name}» ممکن است فردی را بشناساند؛ پرونده‌های خانوار فقط سطرهایی با شناسهٔ مستعار دارند، و این "
        "پرونده اصلاً خوانده نمی‌شود",
    "delete the column (and keep the file with it out of the repository); identify households by the "
    "pseudonymous key in «household»":
        "ستون را پاک کنید (و پرونده‌ای را که آن را دارد به مخزن نیاورید)؛ خانوارها را با شناسهٔ مستعار ستون "
        "«household» مشخص کنید",

    # --- values ----------------------------------------------------------------------------------------
    "the text contains control characters": "متن نویسه‌های کنترلی (نامرئی) دارد",
    "retype the text; copy-pasting from PDFs sometimes brings them in":
        "متن را دوباره تایپ کنید؛ کپی‌کردن از PDF گاهی این نویسه‌ها را با خود می‌آورد",
    "a private span «((خصوصی …» is not closed with «))»": "بخش خصوصی «((خصوصی …» با «))» بسته نشده است",
    "end the private span with ))": "بخش خصوصی را با )) ببندید",
    "«{raw}» is not a valid id": "«{raw}» شناسهٔ درستی نیست",
    "«{raw}» is not a web address": "«{raw}» نشانی وب نیست",
    "write the address the site is published at, beginning with https://, e.g. {example}":
        "نشانی‌ای را بنویسید که سایت در آن منتشر می‌شود، با https:// در آغاز، مانند {example}",
    "use lowercase English letters, digits and hyphens, e.g. {example}":
        "فقط حروف کوچک انگلیسی، رقم و خط تیره به کار ببرید، مثلاً {example}",
    "«{raw}» is not a whole number": "«{raw}» عدد صحیح نیست",
    "write digits only (Persian or Latin), e.g. {example}": "فقط رقم بنویسید (فارسی یا لاتین)، مثلاً {example}",
    "{value} is too large to be a count": "{value} برای یک شمارش بیش از اندازه بزرگ است",
    "check the cell: a count has at most 15 digits": "خانه را بررسی کنید: شمارش حداکثر ۱۵ رقم دارد",
    "{value} is negative; a count cannot be below zero": "{value} منفی است؛ شمارش کمتر از صفر نمی‌شود",
    "write the number delivered or counted, 0 or more; correct an earlier figure by editing it, not with a "
    "negative row":
        "شمار تحویل‌شده یا شمرده‌شده را بنویسید، صفر یا بیشتر؛ رقم قبلی را با ویرایش همان سطر اصلاح کنید، نه با "
        "سطری منفی",
    "«{raw}» is not a household key": "«{raw}» شناسهٔ خانوار نیست",
    "use the pseudonymous key of the register: 6 to 64 Latin letters, digits, - or _, e.g. {example}":
        "شناسهٔ مستعار دفتر را بنویسید: ۶ تا ۶۴ حرف لاتین، رقم، - یا _، مثلاً {example}",
    "a household key made of digits only could be a national ID or a phone number":
        "شناسهٔ خانواری که فقط رقم است ممکن است کد ملی یا شمارهٔ تلفن باشد",
    "use the pseudonymous key (a keyed hash), e.g. {example}, never an identity number":
        "شناسهٔ مستعار (درهم‌سازی کلیددار) را بنویسید، مثلاً {example}، هرگز شمارهٔ هویتی",
    "«{raw}» is not one of the allowed values": "«{raw}» از مقدارهای مجاز نیست",
    "«{raw}» is not yes or no": "«{raw}» هیچ‌یک از دو مقدار yes یا no نیست",
    "write yes or no": "yes یا no بنویسید (بله یا خیر هم پذیرفته است)",

    # --- dates -----------------------------------------------------------------------------------------
    "«{text}» looks like a Gregorian date (in Jalali that is {jalali})":
        "«{text}» تاریخ میلادی به نظر می‌رسد (به شمسی: {jalali})",
    "«{text}» looks like a Gregorian date": "«{text}» تاریخ میلادی به نظر می‌رسد",
    "write dates in the Jalali calendar, e.g. 1400-05-27": "تاریخ را شمسی بنویسید، مثلاً 1400-05-27",
    "month {month} does not exist (months are 1–12)": "ماه {month} وجود ندارد (ماه‌ها از ۱ تا ۱۲ هستند)",
    "check the month, e.g. 1400-05-27 is 27 Mordad 1400": "ماه را بررسی کنید، مثلاً 1400-05-27 یعنی ۲۷ مرداد ۱۴۰۰",
    "«{text}» is not a month written as YYYY-MM": "«{text}» ماهی به شکل YYYY-MM (سال-ماه) نیست",
    "write the Jalali month as year-month, e.g. 1400-06": "ماه شمسی را به شکل سال-ماه بنویسید، مثلاً 1400-06",
    "«{text}» is not a date written as YYYY-MM-DD": "«{text}» تاریخی به شکل YYYY-MM-DD (سال-ماه-روز) نیست",
    "write the Jalali date as year-month-day, e.g. 1400-05-27":
        "تاریخ شمسی را به شکل سال-ماه-روز بنویسید، مثلاً 1400-05-27",
    "{month} {year} has {length} days, so day {day} does not exist":
        "{month} {year} فقط {length} روز دارد، پس روز {day} وجود ندارد",
    "{month} {year} has {length} days, so day {day} does not exist (it is not a leap year)":
        "{month} {year} فقط {length} روز دارد، پس روز {day} وجود ندارد (این سال کبیسه نیست)",
    "check the day; the last day of that month is {last}": "روز را بررسی کنید؛ آخرین روز آن ماه {last} است",
    "«{text}» looks like a Gregorian date written day first (in Jalali that is {jalali})":
        "«{text}» تاریخ میلادی به نظر می‌رسد که روزش اول آمده است (به شمسی: {jalali})",
    "«{text}» looks like a Gregorian date, day and month in an order that cannot be told":
        "«{text}» تاریخ میلادی به نظر می‌رسد و معلوم نیست کدام عدد روز است و کدام ماه",
    "write dates in the Jalali calendar, year first: {jalali}": "تاریخ را شمسی و سال را اول بنویسید: {jalali}",
    "«{text}» is written day first": "در «{text}» روز اول آمده است",
    "write the year first, then the month and the day: {iso}": "اول سال، بعد ماه و روز را بنویسید: {iso}",

    # --- places and references -------------------------------------------------------------------------
    "«{name}» is not one of the 31 provinces": "«{name}» نام هیچ‌یک از ۳۱ استان نیست",
    "write the province's name as in data/reference/provinces.csv, e.g. «{example}»":
        "نام استان را همان‌طور که در data/reference/provinces.csv آمده بنویسید، مثلاً «{example}»",
    "county «{name}» is in {other}, not in {province}": "شهرستان «{name}» در {other} است، نه در {province}",
    "correct the province or the county": "استان یا شهرستان را درست کنید",
    "«{name}» is not a county of {province} in the county reference":
        "«{name}» در فهرست شهرستان‌ها، شهرستانی از {province} نیست",
    "check the spelling against data/reference/counties.csv, or add the county there; leave the cell empty "
    "for a province-wide figure":
        "املا را با data/reference/counties.csv بسنجید، یا شهرستان را آنجا بیفزایید؛ برای رقم کل استان خانه را "
        "خالی بگذارید",
    "no {what} has the id «{value}»": "{what} با شناسهٔ «{value}» تعریف نشده است",
    "use an id from {file}, e.g. {example}": "شناسه‌ای از {file} به کار ببرید، مثلاً {example}",
    "{what} id «{value}» is already used at {place}": "شناسهٔ «{value}» (برای {what}) پیش‌تر در {place} به کار رفته است",
    "give each one its own id": "به هر کدام شناسه‌ای جدا بدهید",

    # --- the command line (cli.py, scaffold.py) ----------------------------------------------------------
    "ok: {programmes} programmes, {meetings} meetings, {deliveries} delivery rows, {centres} centres, "
    "{provinces} provinces; {warnings} warning(s)":
        "درست است: {programmes} برنامه، {meetings} جلسه، {deliveries} سطر تحویل، {centres} مرکز، {provinces} استان؛ "
        "{warnings} هشدار",
    "{n} error(s) found; nothing was built. Fix them and run the command again.":
        "{n} خطا پیدا شد؛ چیزی ساخته نشد. آن‌ها را درست کنید و فرمان را دوباره اجرا کنید.",
    "error: {message}": "خطا: {message}",
    "wrote {path}: {follow_ups} open decision(s) to follow up, {reports} province report(s) from the last "
    "meeting; fill in every \"\" (portal validate names each one), then `portal serve` to preview":
        "{path} نوشته شد: {follow_ups} تصمیم باز برای پیگیری، {reports} گزارش استانی از جلسهٔ قبل؛ هر \"\" را پر "
        "کنید (portal validate یکایک را نام می‌برد)، سپس با portal serve پیش‌نمایش را ببینید",
    "{path} exists already; edit it, or give another --date":
        "{path} از پیش هست؛ همان را ویرایش کنید، یا تاریخ دیگری با --date بدهید",
    "there is no meeting yet to count a week from: give the date, e.g. `portal new-meeting --date 1400-05-27`":
        "هنوز جلسه‌ای نیست که یک هفته از آن شمرده شود: تاریخ را بدهید، مثلاً `portal new-meeting --date 1400-05-27`",
    "--date {date}: {problem}; {fix}": "--date {date}: {problem}؛ {fix}",
    "--date {date}: the latest meeting is {latest}; a new meeting comes after it":
        "--date {date}: آخرین جلسه {latest} است؛ جلسهٔ تازه پس از آن است",
    # --- the preview (serve.py) ------------------------------------------------------------------------
    "{n} error(s) in data/; the preview shows the last good pages. Fix them and save: the preview follows.":
        "{n} خطا در data/؛ پیش‌نمایش آخرین صفحه‌های درست را نشان می‌دهد. خطاها را درست و پرونده را ذخیره کنید: "
        "پیش‌نمایش به‌روز می‌شود.",
    "the pages could not be generated: {detail}": "صفحه‌ها ساخته نشد: {detail}",
    # --- the commit hooks' file checks (hygiene.py) ------------------------------------------------------
    "{path}: starts with a byte order mark (BOM); save as «UTF-8», not «UTF-8 with BOM»":
        "{path}: با نشانهٔ ترتیب بایت (BOM) آغاز می‌شود؛ با «UTF-8» ذخیره کنید، نه «UTF-8 with BOM»",
    "{place}: is not UTF-8 text (perhaps Windows-1256 or UTF-16); save it as «CSV UTF-8» in Excel, or as UTF-8 "
    "in your editor":
        "{place}: متن UTF-8 نیست (شاید Windows-1256 یا UTF-16)؛ در اکسل با «CSV UTF-8» و در ویرایشگر با UTF-8 "
        "ذخیره کنید",
    "{place}: Windows (CRLF) or old Mac (CR) line endings; use LF":
        "{place}: پایان سطرها ویندوزی (CRLF) یا مکِ قدیمی (CR) است؛ باید LF باشد",
    "{path}: no newline at the end of the file": "{path}: پایان پرونده سطر تازه (newline) ندارد",
    "{place}: a tab in the indentation; YAML is indented with spaces only":
        "{place}: تورفتگی با Tab است؛ تورفتگی YAML فقط با فاصله (space) است",
    "line endings, final newlines and byte order marks were fixed where found: add the files again (git add) "
    "and commit":
        "پایان سطرها، سطر تازهٔ پایانی و BOM هر جا بود درست شد: پرونده‌ها را دوباره اضافه کنید (git add) و "
        "commit کنید",
}

# kept apart, one catalogue in three files: the rules across files (meetings, decisions, deliveries, registers,
# personal data), and the commands' own reports and errors (build, audit, publish, squash)
FA.update(RULES)
FA.update(COMMANDS)
FA.update(SHEETS)
