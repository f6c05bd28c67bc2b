"""Messages for staff in Persian or English: every message has its Persian, the language is chosen by
--lang, PORTAL_LANG or the locale, and a problem reads the same place (file, line, field) in both."""

from __future__ import annotations

from generator.lang.messages import t


def test_a_date_in_a_persian_message_reads_left_to_right_in_chromium(browser) -> None:
    """After a Persian letter, Latin digits are "Arabic numbers" to the bidi algorithm: 1400-12-29 would
    show as 29-12-1400, the very day-first form the portal refuses. Each Latin run is held left to right."""
    message = t("check the day; the last day of that month is {last}", last="1400-12-29").fa()
    page = browser.new_page()
    try:
        page.set_content(f'<p id="m" dir="rtl" lang="fa" style="font-size:20px">{message}</p>')
        xs = page.evaluate("""() => { const t = document.getElementById('m').firstChild;
            const s = t.data.indexOf('1400'); const r = document.createRange();
            return [s, s + 5, s + 8].map(o => { r.setStart(t, o); r.setEnd(t, o + 1);
                                                return r.getBoundingClientRect().x; }); }""")
    finally:
        page.close()
    assert xs[0] < xs[1] < xs[2]  # 1400, then 12, then 29, from left to right


