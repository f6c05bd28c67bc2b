"""The Persian of the validation rules across files (meetings and decisions, deliveries and registers,
personal data), keyed by the English template as messages_fa.py is; messages_fa.FA holds them all."""

RULES: dict[str, str] = {
    # --- meetings and decisions ------------------------------------------------------------------------
    "the file is named {stem} but the meeting is dated {date}":
        "نام پرونده {stem} است ولی تاریخ جلسه {date} است",
    "rename the file to {date}.yaml, or correct the date": "نام پرونده را {date}.yaml کنید، یا تاریخ را درست کنید",
    "decision id «{id}» does not start with the meeting's date": "شناسهٔ تصمیم «{id}» با تاریخ جلسه شروع نمی‌شود",
    "number this meeting's decisions {date}-d1, {date}-d2, …":
        "تصمیم‌های این جلسه را {date}-d1، {date}-d2، … شماره بزنید",
    "meeting {n1} is dated {d1}, after meeting {n0} ({p0}, {d0})":
        "جلسهٔ {n1} تاریخ {d1} دارد، پس از جلسهٔ {n0} ({p0}، {d0})",
    "number meetings in the order they were held: this one should be {next} or more, or check its date":
        "جلسه‌ها را به ترتیب برگزاری شماره بزنید: شمارهٔ این یکی باید {next} یا بیشتر باشد، یا تاریخش را بررسی کنید",
    "decision «{id}» is due {due}, before the meeting that makes it ({date})":
        "مهلت تصمیم «{id}» {due} است، پیش از جلسه‌ای که آن را می‌گیرد ({date})",
    "check the due date: a Jalali date after the meeting, e.g. {example}":
        "مهلت را بررسی کنید: تاریخی شمسی پس از جلسه، مثلاً {example}",
    "no earlier meeting made a decision «{id}»": "هیچ جلسهٔ پیشینی تصمیمی با شناسهٔ «{id}» نگرفته است",
    "use the id of a decision of an earlier meeting, e.g. {example}":
        "شناسهٔ تصمیمی از یک جلسهٔ پیشین را بنویسید، مثلاً {example}",
    "decision «{id}» is made in {made_in} ({when}), not before this meeting":
        "تصمیم «{id}» در {made_in} ({when}) گرفته شده است، نه پیش از این جلسه",
    "follow a decision up only in a later meeting; in its own meeting, write it in full under decisions":
        "پیگیری تصمیم فقط در جلسه‌های بعد است؛ در جلسهٔ خودش آن را کامل زیر decisions بنویسید",
    "the revised due date {due} of «{id}» is before this meeting ({date})":
        "مهلت تازهٔ {due} برای «{id}» پیش از این جلسه ({date}) است",
    "decision «{id}» was closed at {first}; a later meeting cannot change its {what}":
        "تصمیم «{id}» در {first} بسته شده است؛ جلسهٔ بعدی نمی‌تواند {what} آن را تغییر دهد",
    "keep only note_fa to report on a closed decision; a new commitment is a new decision of this meeting, "
    "with its own id":
        "برای گزارش دربارهٔ تصمیم بسته‌شده فقط note_fa بنویسید؛ تعهد تازه تصمیم تازهٔ این جلسه است، با شناسهٔ "
        "خودش",
    "decision «{id}» was already closed at {first}": "تصمیم «{id}» پیش‌تر در {first} بسته شده است",
    "close a decision once; to report on it again, leave out `status` and write note_fa":
        "هر تصمیم را یک بار ببندید؛ برای گزارش دوباره، status را ننویسید و note_fa بنویسید",
    "this follow-up of «{id}» cancels the decision but gives no reason":
        "این پیگیریِ «{id}» تصمیم را لغو می‌کند ولی دلیلی نمی‌آورد",
    "this follow-up of «{id}» changes its {what} but gives no reason":
        "این پیگیریِ «{id}» {what} آن را تغییر می‌دهد ولی دلیلی نمی‌آورد",
    "add reason_fa: the reason as the meeting stated it, e.g. «reason_fa: کمبود دستگاه در بازار»":
        "reason_fa را بیفزایید: دلیل، همان‌طور که جلسه گفت، مثلاً «reason_fa: کمبود دستگاه در بازار»",
    "a quantity of {quantity} {unit} is below {k}: published, it would point at these few households or people":
        "مقدار {quantity} {unit} کمتر از {k} است: اگر منتشر شود، همین چند خانوار یا نفر شناسایی‌پذیر می‌شوند",
    "decide for a larger area and give that quantity, or leave quantity out and keep the number in a private "
    "span: ((خصوصی …))":
        "تصمیم را برای محدوده‌ای بزرگ‌تر با مقدار آن بنویسید، یا quantity را ننویسید و عدد را در بخش خصوصی نگه "
        "دارید: ((خصوصی …))",
    "the text states «{words}»: a count of families or people below {k}, which the site hides («×»); this text "
    "is published":
        "متن «{words}» را می‌آورد: شمار خانوار یا نفری کمتر از {k}، که سایت پنهانش می‌کند («×»)؛ و این متن منتشر "
        "می‌شود",
    "take the number out (e.g. «چند خانواده»), give a total of {k} or more, or keep the words in a private span: "
    "((خصوصی …))":
        "عدد را بردارید (مثلاً «چند خانواده»)، جمعی از {k} یا بیشتر بیاورید، یا آن واژه‌ها را در بخش خصوصی "
        "بگذارید: ((خصوصی …))",
    "the English edition shows these texts in Persian, as there is no English for them yet: {parts}":
        "ویرایش انگلیسی این متن‌ها را به فارسی نشان می‌دهد، چون هنوز انگلیسی آن‌ها نیامده است: {parts}",
    "add their English twins (a programme's short_name_en and description_en, a decision's text_en, a meeting's "
    "summary_en: docs/schema.md), or leave them: the English pages show the Persian as it is, marked as Persian":
        "همتای انگلیسی آن‌ها را بنویسید (short_name_en و description_en برنامه، text_en تصمیم، summary_en جلسه: "
        "docs/schema.md)، یا بگذارید بماند: صفحه‌های انگلیسی متن فارسی را همان‌گونه، با نشان فارسی، می‌آورند",
    "{a} and {b}": "{a} و {b}",
    "{n} programme": "{n} برنامه",
    "{n} programmes": "{n} برنامه",
    "{n} decision": "{n} تصمیم",
    "{n} decisions": "{n} تصمیم",
    "{n} meeting summary": "{n} خلاصهٔ جلسه",
    "{n} meeting summaries": "{n} خلاصهٔ جلسه",
    "revision id «{id}» is not its date, -r and a number":
        "شناسهٔ اصلاحیهٔ «{id}» به شکل تاریخ، -r و یک شماره نیست",
    "number the revisions of that day {date}-r1, {date}-r2, …":
        "اصلاحیه‌های آن روز را {date}-r1، {date}-r2، … شماره بزنید",
    "period «{period}»: {problem}": "دورهٔ «{period}»: {problem}",
    "write the week as its meeting's date (1400-05-20) or the month (1400-05)":
        "هفته را با تاریخ جلسه‌اش (1400-05-20) یا ماه را (1400-05) بنویسید",
    "period «{period}» is not a week of the site: weeks are named by the meeting that reported them":
        "دورهٔ «{period}» هفته‌ای از سایت نیست: هر هفته به نام جلسه‌ای است که آن را گزارش کرد",
    "use a meeting's date, e.g. {close}, or the month ({month})":
        "تاریخ یک جلسه را بنویسید، مثلاً {close}، یا ماه را ({month})",
    "use a meeting's date, or the month ({month})": "تاریخ یک جلسه را بنویسید، یا ماه را ({month})",

    # --- deliveries and registers ----------------------------------------------------------------------
    "no meeting was held on {week}; a week's figures are dated by the meeting that reported them":
        "در {week} جلسه‌ای برگزار نشده است؛ رقم‌های هر هفته به تاریخ جلسه‌ای است که آن‌ها را گزارش کرده است",
    "use the date of a meeting in data/meetings/, or add that meeting's file":
        "تاریخ یکی از جلسه‌های data/meetings/ را بنویسید، یا پروندهٔ آن جلسه را بیفزایید",
    "programme «{programme}» is counted from meetings, not from deliveries":
        "برنامهٔ «{programme}» از روی جلسه‌ها شمرده می‌شود، نه از تحویل‌ها",
    "remove this row; the portal counts the meetings held itself": "این سطر را پاک کنید؛ درگاه جلسه‌ها را خودش می‌شمارد",
    "with this row, {programme} has delivered {total} in all, more than the {pledged} pledged":
        "با این سطر، جمع تحویل {programme} به {total} می‌رسد، بیش از وعدهٔ {pledged}",
    "check the quantity; if the pledge was raised, update «pledged» in data/programmes.yaml":
        "مقدار را بررسی کنید؛ اگر وعده بیشتر شده، «pledged» را در data/programmes.yaml به‌روز کنید",
    "a figure for {programme} in {place} for the week ending {week} is already given at {first}":
        "رقم {programme} در {place} برای هفتهٔ منتهی به {week} پیش‌تر در {first} آمده است",
    "keep one row per week, place and programme; add the quantities together":
        "برای هر هفته، محل و برنامه یک سطر نگه دارید؛ مقدارها را با هم جمع کنید",
    "{province} has both a province-wide figure and county figures for {programme} in the week ending {week} "
    "(see {other}); the total would count them twice":
        "{province} برای {programme} در هفتهٔ منتهی به {week} هم رقم کل استان دارد و هم رقم شهرستان‌ها (نگاه "
        "کنید به {other})؛ در جمع، دو بار شمرده می‌شوند",
    "give either one province-wide row (county empty) or one row per county":
        "یا یک سطر برای کل استان بنویسید (county خالی) یا برای هر شهرستان یک سطر",
    "household {household} already has a row for {programme} in {month} (at {first})":
        "خانوار {household} پیش‌تر برای {programme} در {month} سطری دارد (در {first})",
    "keep one row per household, programme and month; add the amounts together":
        "برای هر خانوار، برنامه و ماه یک سطر نگه دارید؛ مبلغ‌ها را با هم جمع کنید",

    # --- personal data ---------------------------------------------------------------------------------
    "the text holds what looks like {kind} ({masked}); personal data is never published":
        "در متن چیزی شبیه {kind} هست ({masked})؛ دادهٔ شخصی هرگز منتشر نمی‌شود",
    "delete it, or keep it in the text as a private span: ((خصوصی …)) (it never reaches the site)":
        "آن را پاک کنید، یا در متن در بخش خصوصی نگه دارید: ((خصوصی …)) (این بخش هرگز به سایت نمی‌رسد)",
    "«{name}» is a county of {province}, not a province": "«{name}» شهرستانی از {province} است، نه استان",
    "write the province, «{province}», and the county in its own column (county)":
        "نام استان، «{province}»، را بنویسید و شهرستان را در ستون خودش (‎county‎)",
}
