"""The Persian of the commands' own reports and errors (build, audit and its findings, publish, squash, the
preview), keyed by the English template as messages_fa.py is; messages_fa.FA holds both."""

COMMANDS: dict[str, str] = {
    "«{name}» in the zip is not the file of that name beside it: its text cannot be checked":
        "«{name}» در پروندهٔ zip همان پروندهٔ هم‌نام کنار آن نیست: متن آن بررسی‌شدنی نیست",
    "cannot be read as a zip ({detail})": "به‌صورت zip خواندنی نیست ({detail})",
    "an image with no SVG or PDF of the same name beside it: what it shows cannot be checked":
        "تصویری که SVG یا PDF هم‌نامی کنارش نیست: آنچه نشان می‌دهد بازرسی‌پذیر نیست",
    "cannot be read as a PNG ({detail})": "به‌صورت PNG خواندنی نیست ({detail})",
    "a PDF whose text cannot be read ({detail}): it cannot be checked":
        "PDFی که متنش خواندنی نیست ({detail}): بازرسی‌پذیر نیست",
    "the weekly bulletin is printed by Debian's chromium, which is not at {path}: install it (make chromium)":
        "بولتن هفتگی را chromium دبیان چاپ می‌کند که در {path} نیست: نصبش کنید (make chromium)",
    "chromium did not finish printing the bulletin in {n} s": "chromium چاپ بولتن را در {n} ثانیه تمام نکرد",
    "chromium failed printing the bulletin: {detail}": "chromium در چاپ بولتن شکست خورد: {detail}",
    "chromium wrote no bulletin": "chromium بولتنی ننوشت",
    "an image that carries more than pixels ({chunks}): metadata is not published":
        "تصویری که جز پیکسل چیزی دارد ({chunks}): فراداده منتشر نمی‌شود",
    "published at {url}: the sitemap, canonical links and feed use this address":
        "نشانی انتشار {url} است: نقشهٔ سایت، پیوندهای canonical و خوراک از این نشانی استفاده می‌کنند",
    "note: the site's address is not set (site_url in data/site.yaml, or PORTAL_SITE_URL): the sitemap lists no "
    "page, pages have no canonical link, the feed's links are relative, switching version leads to that "
    "version's home page, and link previews name their image by a relative address, which most messaging apps "
    "do not follow":
        "یادداشت: نشانی سایت تعیین نشده است (site_url در data/site.yaml یا PORTAL_SITE_URL): نقشهٔ سایت هیچ "
        "صفحه‌ای ندارد، صفحه‌ها پیوند canonical ندارند، پیوندهای خوراک نسبی‌اند، رفتن به نسخهٔ دیگر به صفحهٔ "
        "نخست آن نسخه می‌رسد و پیش‌نمایش پیوندها تصویر خود را با نشانی نسبی می‌دهند که بیشتر پیام‌رسان‌ها "
        "دنبال نمی‌کنند",
    "generated {pages} pages in {content}/ ({written} written, {removed} stale removed)":
        "{pages} صفحه در {content}/ ساخته شد ({written} نوشته‌شده، {removed} کهنه پاک‌شده)",
    "images (link previews, charts to download): {drawn} drawn, {reused} reused from the cache":
        "تصویرها (پیش‌نمایش پیوندها، نمودارهای دریافتنی): {drawn} کشیده‌شده، {reused} از حافظهٔ نهان",
    "figures: {figures}; charts: {rendered} rendered, {reused} reused from the cache":
        "جدول‌ها: {figures}؛ نمودارها: {rendered} کشیده‌شده، {reused} از حافظهٔ نهان",
    "built {site}/ with mkdocs --strict and audited it in {seconds} s":
        "{site}/ با mkdocs --strict ساخته و در {seconds} ثانیه بازرسی شد",
    "{site}/ does not exist; run `portal build` first": "{site}/ وجود ندارد؛ نخست `portal build` را اجرا کنید",
    "{n} problem(s): this site must not be published": "{n} مشکل: این سایت نباید منتشر شود",
    "audit: {n} files of {site}/ checked, nothing found": "بازرسی: {n} پروندهٔ {site}/ بررسی شد و چیزی یافت نشد",
    "backfilled {version} «{title}» in {seconds} s": "{version} «{title}» در {seconds} ثانیه از نو منتشر شد",
    "nothing to backfill: every meeting is on the branch {branch} already":
        "چیزی برای انتشار از نو نیست: هر جلسه از پیش روی شاخهٔ {branch} است",
    "; pushed to {remote}": "؛ به {remote} فرستاده شد",
    "backfilled {n} version(s) on the branch {branch}; latest is {latest}{pushed}; {seconds} s":
        "{n} نسخه روی شاخهٔ {branch} از نو منتشر شد؛ تازه‌ترین {latest} است{pushed}؛ {seconds} ثانیه",
    "nothing to publish: {reason}": "چیزی برای انتشار نیست: {reason}",
    "pushed {branch} to {remote}": "شاخهٔ {branch} به {remote} فرستاده شد",
    " after {previous}": " پس از {previous}",
    " (the first)": " (نخستین)",
    ", correcting {version}": "، در اصلاح {version}",
    "; took {versions} off the branch (retention policy; still in the archive page)":
        "؛ {versions} از شاخه برداشته شد (سیاست نگه‌داری؛ در صفحهٔ انتشارها می‌ماند)",
    "; not pushed (git push <remote> {branch})": "؛ فرستاده نشد (git push <remote> {branch})",
    "published {version} «{title}»{after}{corrects}{removed} on the branch {branch}, with `latest` moved to "
    "it{pushed}; {seconds} s":
        "{version} «{title}»{after}{corrects}{removed} روی شاخهٔ {branch} منتشر شد و `latest` به آن رفت{pushed}؛ "
        "{seconds} ثانیه",
    "; force-pushed to {remote}": "؛ به‌زور به {remote} فرستاده شد",
    "; not pushed (git push --force-with-lease origin {branch})":
        "؛ فرستاده نشد (git push --force-with-lease origin {branch})",
    "squashed {commits} commits of {branch} into one; every file kept ({entries} entries at its root); the "
    "repository's objects: {before} MiB → {after} MiB{pushed}":
        "{commits} کامیتِ {branch} در یک کامیت فشرده شد؛ همهٔ پرونده‌ها ماندند ({entries} مدخل در ریشه)؛ اشیای "
        "مخزن: {before} به {after} مبی‌بایت{pushed}",
    "wrote {path}": "{path} نوشته شد",
    "{path} is out of date; run `portal schema --write`": "{path} کهنه است؛ `portal schema --write` را اجرا کنید",
    "{path} is up to date": "{path} به‌روز است",
    "{path}: the file name is not a Jalali date ({problem}); name each meeting file after its date, e.g. "
    "1400-05-27.yaml":
        "{path}: نام پرونده تاریخ شمسی نیست ({problem})؛ هر پروندهٔ جلسه را به نام تاریخش بنامید، مثلاً "
        "1400-05-27.yaml",
    "there is no meeting in data/meetings/: a publication is named after one":
        "در data/meetings/ جلسه‌ای نیست: هر انتشار به نام یک جلسه است",
    "{root} is not a git repository: publications are kept on a branch of the project's repository (git init, "
    "then commit the data)":
        "{root} مخزن git نیست: انتشارها روی شاخه‌ای از مخزن پروژه نگه داشته می‌شوند (git init، سپس داده‌ها را "
        "کامیت کنید)",
    "version {version} is already on the branch {branch}; a published version never changes. Publish after the "
    "next meeting, or add a correction to data/revisions.yaml (correction: yes) to publish a corrected version now":
        "نسخهٔ {version} از پیش روی شاخهٔ {branch} است؛ نسخهٔ منتشرشده هرگز تغییر نمی‌کند. پس از جلسهٔ بعد منتشر "
        "کنید، یا برای انتشار نسخهٔ اصلاح‌شده در همین حال، اصلاحیه‌ای در data/revisions.yaml بیفزایید "
        "(correction: yes)",
    "{n} file(s) differ from the last commit ({files}): a publication records the commit it is built from. Commit "
    "them (or git stash), then publish":
        "{n} پرونده با آخرین کامیت فرق دارد ({files}): هر انتشار کامیتی را که از آن ساخته شده ثبت می‌کند. آن‌ها "
        "را کامیت کنید (یا git stash)، سپس منتشر کنید",
    "the latest meeting in data/meetings/ ({day}) is older than the latest publication ({version}): a meeting "
    "file is missing":
        "تازه‌ترین جلسه در data/meetings/ ({day}) از تازه‌ترین انتشار ({version}) قدیمی‌تر است: پرونده‌ای از "
        "جلسه‌ها کم است",
    "git {command} failed: {detail}": "فرمان git {command} ناکام ماند: {detail}",
    "git failed: {detail}": "git ناکام ماند: {detail}",
    "portal stopped on an error of its own, not of your data ({kind}: {detail}). Nothing was published. Please "
    "report it, with the output of the same command run with --debug":
        "portal با خطایی از خودش ایستاد، نه از داده‌های شما ({kind}: {detail}). چیزی منتشر نشد. لطفاً آن را گزارش "
        "کنید، همراه با خروجی همین فرمان با --debug",
    "{prog}: the command line is not right: {message}; see `portal --help`":
        "{prog}: فرمان درست نوشته نشده است: {message}؛ راهنما: `portal --help`",
    "the preview rendered {n} of {total} pages again": "پیش‌نمایش {n} صفحه از {total} صفحه را دوباره ساخت",
    "regenerated {pages} pages ({written} changed, {removed} removed)":
        "{pages} صفحه دوباره ساخته شد ({written} تغییرکرده، {removed} پاک‌شده)",
    "the preview could not record this change: {kind}: {detail}":
        "پیش‌نمایش نتوانست این تغییر را ثبت کند: {kind}: {detail}",
    "there is no branch {branch} to squash: publish first": "شاخهٔ {branch} برای فشرده‌سازی نیست: نخست منتشر کنید",
    "{remote} does not have the history that was squashed: someone published since, or publications made here "
    "were never pushed. Nothing was changed. Push or fetch {branch} so that both are the same, then squash "
    "again. ({detail})":
        "{remote} تاریخچه‌ای را که فشرده شد ندارد: کسی در این میان منتشر کرده، یا انتشارهای اینجا هرگز فرستاده "
        "نشده‌اند. چیزی تغییر نکرد. شاخهٔ {branch} را بفرستید یا بگیرید تا هر دو یکی شوند، سپس دوباره فشرده کنید. "
        "({detail})",
    "{detail}\nsite/ was left as it was": "{detail}\nsite/ همان‌طور که بود ماند",
    "mkdocs build --strict failed; site/ was left as it was:\n  {detail}":
        "mkdocs build --strict ناکام ماند؛ site/ همان‌طور که بود ماند:\n  {detail}",
    "a chart worker process stopped before it finished (out of memory, or killed); run the build again":
        "یکی از فرایندهای کشیدن نمودار پیش از پایان کار ایستاد (کمبود حافظه یا بسته‌شدن)؛ ساخت را دوباره اجرا کنید",
    "a chart worker process could not start (out of memory, or killed); run the build again":
        "یکی از فرایندهای کشیدن نمودار آغاز نشد (کمبود حافظه یا بسته‌شدن)؛ ساخت را دوباره اجرا کنید",
    "a page holds a chart that is neither drawn nor in the cache ({key}…): generate the pages again (portal "
    "build)":
        "صفحه‌ای نموداری دارد که نه کشیده شده و نه در حافظهٔ نهان است ({key}…): صفحه‌ها را دوباره بسازید "
        "(portal build)",
    "{page}: a chart placeholder that was not filled": "{page}: جای نموداری که پر نشد",
    "a chart could not be written: {problem}": "پروندهٔ یک نمودار نوشته نشد: {problem}",
    "Pagefind is not installed ({detail}); `make site` installs it":
        "Pagefind نصب نیست ({detail})؛ `make site` آن را نصب می‌کند",
    "Pagefind could not run ({detail}); reinstall with `make site`":
        "Pagefind اجرا نشد ({detail})؛ با `make site` دوباره نصب کنید",
    "Pagefind failed:\n{detail}": "Pagefind ناکام ماند:\n{detail}",
    "{path}: a hand-written page is in the way of a generated one; rename or remove it":
        "{path}: صفحه‌ای دست‌نوشته جای صفحه‌ای ساختنی را گرفته است؛ نامش را عوض کنید یا پاکش کنید",
    "\n  … and {n} more": "\n  … و {n} مورد دیگر",
    "the audit of the built site found {n} problem(s); site/ was left as it was:\n  {lines}{more}":
        "بازرسی سایت ساخته‌شده {n} مشکل یافت؛ site/ همان‌طور که بود ماند:\n  {lines}{more}",
    "a search index file that cannot be read ({detail}): its text cannot be checked; rebuild the site":
        "پرونده‌ای از نمایهٔ جست‌وجو خوانده نمی‌شود ({detail}): متنش را نمی‌توان بررسی کرد؛ سایت را دوباره بسازید",
    "{kind} ({masked}) is published": "{kind} ({masked}) منتشر می‌شود",
    "text marked private in the data is published (private span {n} of the data; the text is not repeated here)":
        "متنی که در داده‌ها خصوصی نشانه خورده منتشر می‌شود (بخش خصوصی شمارهٔ {n} داده‌ها؛ متن اینجا تکرار نمی‌شود)",
    "a household key of the registers is published (not repeated here)":
        "کلید خانواری از دفترها منتشر می‌شود (اینجا تکرار نمی‌شود)",
    "line {n}: a cell a spreadsheet would read as a formula (it starts with «{first}»)":
        "سطر {n}: خانه‌ای که صفحه‌گسترده آن را فرمول می‌خواند (با «{first}» آغاز می‌شود)",
    "an XLSX file without its CSV twin: its numbers cannot be checked":
        "پروندهٔ XLSX بی همتای CSV خود: رقم‌هایش را نمی‌توان بررسی کرد",
    "cannot be read as XLSX ({detail})": "به‌صورت XLSX خوانده نمی‌شود ({detail})",
    "{n} rows, where its CSV has {m}": "{n} سطر، در حالی که CSV آن {m} سطر دارد",
    "row {n} differs from line {n} of its CSV": "سطر {n} با سطر {n} از CSV آن فرق دارد",
    "is missing, while downloads hold counts of people: without it the hidden figures cannot be checked":
        "نیست، در حالی که بارگیری‌ها شمار افراد را دارند: بی آن رقم‌های پنهان را نمی‌توان بررسی کرد",
    "row {n}, column «{label}»: a count of {value}, below {k}": "سطر {n}، ستون «{label}»: شمار {value}، کمتر از {k}",
    "line {n}, column «{label}»: a count of {value}, below {k}": "سطر {n}، ستون «{label}»: شمار {value}، کمتر از {k}",
    "line {n}, column «{label}»: «{cell}» is neither a count nor the suppression symbol {symbol}":
        "سطر {n}، ستون «{label}»: «{cell}» نه شمار است و نه نشانهٔ پنهان‌سازی {symbol}",
    "cell {cell} publishes a count of {value}, below the threshold of {k}":
        "خانهٔ {cell} شمار {value} را منتشر می‌کند، کمتر از آستانهٔ {k}",
    "cell {cell}: every one of its {total} households is in one group of the breakdown, which is published":
        "خانهٔ {cell}: هر {total} خانوار آن در یک گروهِ تفکیکِ منتشرشده است",
    "cell {shown} is published while {hidden}, which it reveals, is hidden":
        "خانهٔ {shown} منتشر می‌شود در حالی که {hidden}، که آن را آشکار می‌کند، پنهان است",
    "is exactly {low}": "دقیقاً {low} است",
    "lies in [{low}, {high}]": "در بازهٔ [{low}، {high}] است",
    "suppressed cell {cell} {what}, from what is published (it needs an interval of at least {needed})":
        "خانهٔ پنهانِ {cell} از روی آنچه منتشر می‌شود {what} (بازه‌ای دست‌کم به پهنای {needed} لازم دارد)",
    "the vintages are not JSON: they cannot be checked against their table":
        "پروندهٔ همهٔ انتشارها JSON نیست: نمی‌توان آن را با جدولش سنجید",
    "the vintages of a table that is not published beside them ({name})":
        "همهٔ انتشارهای جدولی که کنارشان منتشر نشده است ({name})",
    "the vintages have no columns": "پروندهٔ همهٔ انتشارها ستونی ندارد",
    "row «{row}» of the table is not in its vintages": "ردیف «{row}» جدول در پروندهٔ همهٔ انتشارهایش نیست",
    "row «{row}», column {column}: the vintages say this publication published «{said}», the table shows «{shown}»":
        "ردیف «{row}»، ستون {column}: پروندهٔ همهٔ انتشارها می‌گوید این انتشار «{said}» منتشر کرده و جدول «{shown}» "
        "نشان می‌دهد",
    "row «{row}» is in the vintages with values, but not in the table this publication shows":
        "ردیف «{row}» با رقم در پروندهٔ همهٔ انتشارها هست، اما در جدولی که این انتشار نشان می‌دهد نیست",
    "even this version alone ({size} MB with latest/) is over it: raise publish.budget_mb":
        "همین نسخه به‌تنهایی ({size} مگابایت با latest/) از آن بیشتر است: publish.budget_mb را بالا ببرید",
    "taking off the {n} oldest version(s) ({versions}) would leave {size} MB":
        "برداشتن {n} نسخهٔ قدیمی‌تر ({versions}) {size} مگابایت باقی می‌گذارد",
    "; the retention policy «every_week_for_days: {days}, then: {then}» in data/site.yaml would keep it inside":
        "؛ سیاست نگه‌داری «every_week_for_days: {days}, then: {then}» در data/site.yaml آن را در بودجه نگه می‌دارد",
    "; or raise publish.budget_mb": "؛ یا publish.budget_mb را بالا ببرید",
    "the publish branch would take {size} MB in {files} files as a host serves it, over publish.budget_mb "
    "({budget} MB) in data/site.yaml; nothing was published: {advice}":
        "شاخهٔ انتشار آن‌گونه که میزبان سرو می‌کند {size} مگابایت در {files} فایل می‌شد، بیش از publish.budget_mb "
        "({budget} مگابایت) در data/site.yaml؛ چیزی منتشر نشد: {advice}",
    "the branch as a host serves it: {size} MB in {files} files, {share}% of publish.budget_mb ({budget} MB)":
        "شاخه آن‌گونه که میزبان سرو می‌کند: {size} مگابایت در {files} فایل، {share}٪ از publish.budget_mb "
        "({budget} مگابایت)",
    "deployed the branch {branch} to {to}: {written} file(s) written ({mb} MB), {removed} removed, {unchanged} "
    "unchanged; {seconds} s":
        "شاخهٔ {branch} در {to} گسترده شد: {written} فایل نوشته شد ({mb} مگابایت)، {removed} برداشته شد، {unchanged} "
        "بی‌تغییر؛ {seconds} ثانیه",
    "there is no branch {branch} to deploy: publish first": "شاخهٔ {branch} برای گستردن نیست: نخست منتشر کنید",
    "{target} holds the project itself: deploy into a web server's own folder":
        "{target} خود پروژه را در بر دارد: در پوشهٔ خودِ وب‌سرور بگسترید",
    "{path} on the branch {branch} is a symbolic link, which a web server's folder should not hold; publish with "
    "portal publish":
        "{path} در شاخهٔ {branch} پیوند نمادین است که پوشهٔ وب‌سرور نباید داشته باشد؛ با portal publish منتشر کنید",
    "the vintages list a season's file the branch does not hold ({name})":
        "پروندهٔ همهٔ انتشارها پرونده‌ای از یک فصل را نام می‌برد که در شاخه نیست ({name})",
    "the vintages list a season's file that is not published ({name})":
        "پروندهٔ همهٔ انتشارها پرونده‌ای از یک فصل را نام می‌برد که منتشر نشده است ({name})",
}
