"""The Persian of the weekly workbook's messages (`portal workbook`, `portal import`: staff/workbook.py,
staff/sheets.py, staff/importing.py), keyed by the English template as messages_fa.py is; messages_fa.FA
holds them too."""

SHEETS: dict[str, str] = {
    # where a value is, as staff see it
    "{file}, sheet {sheet}, cell {cell}": "{file}، برگهٔ {sheet}، خانهٔ {cell}",
    "{file}, sheet {sheet}": "{file}، برگهٔ {sheet}",
    "{file}, line {line}, column {column}": "{file}، سطر {line}، ستون {column}",
    "{file}, line {line}": "{file}، سطر {line}",
    # the file
    "the file is not a workbook (XLSX) that can be read": "این پرونده کاربرگ خواندنی (XLSX) نیست",
    "open it in the spreadsheet program and save it again as .xlsx":
        "آن را در برنامهٔ صفحه‌گسترده باز کنید و دوباره با قالب ‎.xlsx‎ ذخیره کنید",
    "an old Excel workbook (.xls) cannot be read": "کاربرگ قدیمی اکسل (‎.xls‎) خواندنی نیست",
    "open it in the spreadsheet program and save it as .xlsx":
        "آن را در برنامهٔ صفحه‌گسترده باز کنید و با قالب ‎.xlsx‎ ذخیره کنید",
    "the workbook cannot be read ({detail})": "کاربرگ خواندنی نیست ({detail})",
    "the file's text is in an encoding that cannot be read": "متن پرونده کدگذاری‌ای دارد که خواندنی نیست",
    "save it as CSV UTF-8 (or as .xlsx)": "آن را با قالب CSV UTF-8 (یا ‎.xlsx‎) ذخیره کنید",
    "the file is empty": "پرونده خالی است",
    "the sheet is empty": "برگه خالی است",
    "fill in the workbook sent for the week (portal workbook)":
        "کاربرگی را که برای این هفته فرستاده شده پر کنید (portal workbook)",
    # sheets and columns
    "the workbook has no sheet «{sheet}» (its sheets: {sheets})":
        "کاربرگ برگه‌ای به نام «{sheet}» ندارد (برگه‌هایش: {sheets})",
    "give the deliveries' sheet its name back, «{sheet}»": "نام برگهٔ تحویل‌ها را به «{sheet}» برگردانید",
    "the workbook has a sheet «{sheet}» of its own": "کاربرگ برگهٔ افزوده‌ای به نام «{sheet}» دارد",
    "move its rows into the sheet «{sheet}» and delete it: only that sheet is read":
        "سطرهایش را به برگهٔ «{sheet}» ببرید و آن را حذف کنید: تنها همان برگه خوانده می‌شود",
    "column «{name}» is not one of the workbook's": "ستون «{name}» از ستون‌های کاربرگ نیست",
    "delete the column, or give it back its header; the columns are: {headers}":
        "ستون را حذف کنید یا عنوانش را برگردانید؛ ستون‌ها این‌هایند: {headers}",
    "column «{name}» comes twice": "ستون «{name}» دو بار آمده است",
    "keep one column «{name}» and delete the other": "یک ستون «{name}» نگه دارید و دیگری را حذف کنید",
    "the column «{name}» is missing": "ستون «{name}» نیست",
    "fill in the workbook sent for the week (portal workbook), whose columns are: {headers}":
        "کاربرگی را که برای این هفته فرستاده شده پر کنید (portal workbook)؛ ستون‌هایش این‌هایند: {headers}",
    "cells {cells} are merged": "خانه‌های {cells} ادغام شده‌اند",
    "unmerge them and write the value in each row's own cell":
        "ادغام را بردارید و مقدار را در خانهٔ خود هر سطر بنویسید",
    "row {row} is hidden": "سطر {row} پنهان است",
    "unhide it (a hidden row is read but not seen); delete it if it is not to be imported":
        "آن را آشکار کنید (سطر پنهان خوانده می‌شود ولی دیده نمی‌شود)؛ اگر نباید وارد شود، حذفش کنید",
    "column {column} is hidden": "ستون {column} پنهان است",
    "unhide it, or delete it if it holds nothing to import": "آن را آشکار کنید، یا اگر چیزی برای ورود ندارد حذفش کنید",
    # cells
    "cell {cell} holds a formula ({formula})": "خانهٔ {cell} فرمول دارد ({formula})",
    "write the number itself: copy the cell and paste it as a value":
        "خودِ عدد را بنویسید: خانه را رونوشت کنید و به‌صورت مقدار بچسبانید",
    "cell {cell} holds an error ({error})": "خانهٔ {cell} خطا دارد ({error})",
    "write the value itself": "خودِ مقدار را بنویسید",
    "cell {cell} holds TRUE or FALSE": "خانهٔ {cell} مقدار درست/نادرست (TRUE/FALSE) دارد",
    "cell {cell} holds a date": "خانهٔ {cell} تاریخ دارد",
    "cell {cell}: {value} is not a whole number": "خانهٔ {cell}: {value} عدد درست نیست",
    "write the whole number delivered": "شمار درستِ تحویل‌شده را بنویسید",
    "cell {cell} holds a value outside the workbook's columns": "خانهٔ {cell} مقداری بیرون از ستون‌های کاربرگ دارد",
    "move it into its column, or delete it": "آن را به ستون خودش ببرید یا حذفش کنید",
    "a cell holds the separator «{sep}»: put the cell in double quotes, or save the file again from the spreadsheet "
    "program":
        "یک خانه جداکنندهٔ «{sep}» را در خود دارد: آن خانه را در گیومهٔ دوتایی بگذارید، یا پرونده را دوباره از "
        "برنامهٔ صفحه‌گسترده ذخیره کنید",
    "the note lost letters that Windows-1256 cannot hold («{note}»)":
        "یادداشت حرف‌هایی را که Windows-1256 نمی‌تواند نگه دارد از دست داده است («{note}»)",
    "save the file as CSV UTF-8, or as .xlsx, and import it again":
        "پرونده را با قالب CSV UTF-8 یا ‎.xlsx‎ ذخیره کنید و دوباره وارد کنید",
    # rows
    "the quantity is empty, but the row has a note": "تعداد خالی است ولی سطر یادداشت دارد",
    "write the quantity delivered (0 if nothing was)": "تعداد تحویل‌شده را بنویسید (اگر چیزی تحویل نشد، ۰)",
    "«{name}» is empty": "«{name}» خالی است",
    "fill it in as the workbook was sent (portal workbook)":
        "آن را همان‌گونه که کاربرگ فرستاده شد پر کنید (portal workbook)",
    "the quantity of «{programme}» is empty, while the other rows of {province} are filled in":
        "تعداد «{programme}» خالی است، در حالی که سطرهای دیگر {province} پر شده‌اند",
    "write the quantity delivered, 0 if nothing was: an empty cell is a figure not reported":
        "تعداد تحویل‌شده را بنویسید، و اگر چیزی تحویل نشد ۰: خانهٔ خالی یعنی رقمی گزارش نشده است",
    "no quantity is filled in": "هیچ تعدادی پر نشده است",
    "write each programme's quantity for the week (0 if nothing was delivered), then save and import again":
        "تعداد هر برنامه را در این هفته بنویسید (اگر چیزی تحویل نشد، ۰)، سپس ذخیره کنید و دوباره وارد کنید",
    "{province} has a second row for «{programme}» this week (the first is at {first})":
        "{province} برای «{programme}» در این هفته سطر دومی دارد (سطر نخست در {first} است)",
    "keep one row per province and programme; add the quantities together":
        "برای هر استان و برنامه یک سطر نگه دارید؛ تعدادها را با هم جمع کنید",
    # the import
    "data/ has {n} error(s) already; run `portal validate`, fix them, then import":
        "داده‌ها (data/) از پیش {n} خطا دارند؛ portal validate را اجرا و خطاها را رفع کنید، سپس وارد کنید",
    "portal import writes into the project's own data folder; {data} is outside {root}":
        "portal import در پوشهٔ دادهٔ خودِ پروژه می‌نویسد؛ {data} بیرون از {root} است",
    "{programme} in {province} for the week ending {week} is {old} in the data ({where}); the file says {new}":
        "«{programme}» در {province} برای هفتهٔ منتهی به {week} در داده‌ها {old} است ({where})؛ پرونده {new} "
        "می‌گوید",
    "if the figure was revised, import again with --revise --reason \"why it changed\"; otherwise correct the cell":
        "اگر رقم بازنگری شده است، دوباره با ‎--revise --reason \"چرا تغییر کرد\"‎ وارد کنید؛ وگرنه خانه را درست کنید",
    "the data give {programme} in {province} for the week ending {week} county by county ({n} counties, {old} in "
    "all, from {where}); the file gives the province {new}":
        "داده‌ها «{programme}» را در {province} برای هفتهٔ منتهی به {week} شهرستان به شهرستان دارند ({n} شهرستان، "
        "در جمع {old}، از {where})؛ پرونده برای کل استان {new} می‌دهد",
    "a figure for the whole province beside its counties' would count them twice: revise the counties' rows by "
    "hand, or leave the cell as the data have it":
        "رقم کل استان در کنار رقم شهرستان‌ها آن‌ها را دو بار می‌شمارد: سطرهای شهرستان‌ها را دستی بازنگری کنید، یا "
        "خانه را همان‌گونه که در داده‌هاست بگذارید",
    "{path}:{line} is not the row of that figure any more; edit it by hand":
        "{path}:{line} دیگر سطر آن رقم نیست؛ آن را دستی ویرایش کنید",
    "{n} problem(s) in {file}; data/ was left as it was": "{n} مشکل در {file}؛ داده‌ها (data/) دست‌نخورده ماندند",
    "--revise needs --reason \"why the figures changed\" (it is written to data/revisions.yaml and published "
    "beside the figures)":
        "‎--revise‎ به ‎--reason \"چرا رقم‌ها تغییر کردند\"‎ نیاز دارد (در data/revisions.yaml نوشته و کنار رقم‌ها "
        "منتشر می‌شود)",
    "--reason goes with --revise": "‎--reason‎ همراه ‎--revise‎ می‌آید",
    "{path}: no such file": "{path}: چنین پرونده‌ای نیست",
    "{file}: nothing to change: its {n} figure(s) are in the data already":
        "{file}: چیزی برای تغییر نیست: {n} رقم آن از پیش در داده‌ها هست",
    "{file}: {added} figure(s) added, {revised} revised, {notes} note(s) changed, {unchanged} already in the data; "
    "wrote {paths}":
        "{file}: {added} رقم افزوده شد، {revised} رقم بازنگری شد، {notes} یادداشت تغییر کرد، {unchanged} رقم از پیش "
        "در داده‌ها بود؛ نوشته شد: {paths}",
    "no figure from {provinces}: their rows were left empty": "از {provinces} رقمی نیامد: سطرهایشان خالی ماند",
    "next: `portal serve` to preview, then commit data/ and publish":
        "گام بعد: portal serve برای پیش‌نمایش، سپس commit پوشهٔ data/ و انتشار",
    "«{raw}» is not a SHA-256 (64 hexadecimal digits)": "«{raw}» یک SHA-256 (۶۴ رقم مبنای شانزده) نیست",
    "leave it as `portal import` wrote it, e.g. {example}":
        "آن را همان‌گونه بگذارید که portal import نوشت، مثلاً {example}",
    "the file's name holds what looks like {kind} ({masked}); the name is kept beside every figure imported from "
    "it":
        "نام پرونده چیزی شبیه {kind} دارد ({masked})؛ این نام کنار هر رقمی که از آن وارد شود نگه داشته می‌شود",
    "rename the file (the province and the week are enough), then import it":
        "نام پرونده را عوض کنید (نام استان و هفته بس است)، سپس واردش کنید",
    "the row is for the week ending {week}, in a workbook for the week ending {sent}":
        "این سطر برای هفتهٔ منتهی به {week} است، در کاربرگی برای هفتهٔ منتهی به {sent}",
    "give each week its own workbook (portal workbook --date)":
        "هر هفته را در کاربرگ خودش بدهید (‎portal workbook --date‎)",
    "the row is for «{province}», in the workbook of {sent}": "این سطر برای «{province}» است، در کاربرگ {sent}",
    "a province reports its own figures: send the other province its own workbook":
        "هر استان ارقام خودش را گزارش می‌کند: کاربرگ آن استان دیگر را برایش بفرستید",
    # the workbook
    "there is no meeting yet to count a week from: give the date, e.g. `portal workbook --date 1400-05-27`":
        "هنوز جلسه‌ای نیست که هفته از آن شمرده شود: تاریخ را بدهید، مثلاً ‎portal workbook --date 1400-05-27‎",
    "note: there is no meeting file for {week} yet (data/meetings/{week}.yaml): the replies can be imported once "
    "it is there (portal new-meeting --date {week})":
        "یادداشت: هنوز پروندهٔ جلسهٔ {week} نیست (‎data/meetings/{week}.yaml‎): پاسخ‌ها را وقتی می‌توان وارد کرد که "
        "آن پرونده باشد (‎portal new-meeting --date {week}‎)",
    "the note has {n} characters; at most {limit}": "یادداشت {n} نویسه دارد؛ حداکثر {limit}",
    "shorten it: a note is a line or two beside the figure": "کوتاهش کنید: یادداشت یکی دو سطر کنار رقم است",
    "wrote {path}: {rows} row(s) to fill in for the week ending {week}":
        "{path} نوشته شد: {rows} سطر برای پر کردن، هفتهٔ منتهی به {week}",
    "send each province its workbook; import the filled-in replies with `portal import FILE`":
        "کاربرگ هر استان را برایش بفرستید؛ پاسخ‌های پرشده را با portal import FILE وارد کنید",
    "--province {name}: no such province; give its Persian or English name or its ISO code (e.g. {example})":
        "‎--province {name}‎: چنین استانی نیست؛ نام فارسی یا انگلیسی یا کد ISO آن را بدهید (مثلاً {example})",
}
