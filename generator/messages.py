"""Messages for staff in English or Persian: which one, and the Persian of each English text.

A message is written where it arises as `t("… {name} …", name=value)`: a `Text`, which is the English
string itself (so it sorts, compares and prints as before) and keeps its template and values, so that it
can also be written in Persian (`Text.fa()`, from the catalogue in messages_fa.py, keyed by the English
template, as gettext keys by its msgid). A value that is itself a Text is written in the same language;
a whole number is written in Persian digits; what staff typed (quoted in «…») is written as typed.

The language is, in order: `portal --lang`, the PORTAL_LANG setting (environment), the locale
(LC_ALL, LC_MESSAGES, LANG: fa_IR.UTF-8 is Persian); English otherwise.
"""

from __future__ import annotations

import os
import re

from .persian import persian_digits

LANGUAGES = ("fa", "en")


class Text(str):
    """An English message that can also be written in Persian."""

    template: str
    params: dict

    def __new__(cls, template: str, params: dict | None = None) -> Text:
        params = dict(params or {})
        obj = super().__new__(cls, template.format(**{k: str(v) for k, v in params.items()}))
        obj.template = template
        obj.params = params
        return obj

    def __getnewargs__(self) -> tuple:  # pickled as its template and values, not as its English
        return self.template, self.params

    def fa(self) -> str:
        """The Persian of this message; its English if the catalogue lacks it (a test checks it does not)."""
        from .messages_fa import FA

        template = FA.get(self.template)
        if template is None:
            return str(self)
        return ltr_runs(template.format(**{k: _fa(v) for k, v in self.params.items()}))

    def render(self, lang: str) -> str:
        return self.fa() if lang == "fa" else str(self)


# a run of Latin letters and digits with what joins them in paths, ids and dates (data/a.csv:2, 1400-05-27,
# 1400-06-03-d1, --date): in a Persian line its digits after a Persian letter are "Arabic numbers" to the
# bidi algorithm, so a hyphenated date would show reversed (27-05-1400) and a trailing slash jump ahead
_LATIN_RUN = re.compile(r"[-*&/.]*[0-9A-Za-z](?:[0-9A-Za-z._/:\-]*[0-9A-Za-z/])?")
LRM = "\u200e"


def ltr_runs(text: str) -> str:
    """`text` with each Latin run between two left-to-right marks (invisible), so that it reads left to
    right, whole, inside Persian, in a browser and in a terminal that applies bidi alike."""
    return _LATIN_RUN.sub(lambda m: LRM + m.group(0) + LRM, text.replace(LRM, ""))


def _fa(value) -> str:
    if isinstance(value, Text):
        return value.fa()
    if isinstance(value, int) and not isinstance(value, bool):
        return persian_digits(str(value))
    return str(value)


def t(template: str, **params) -> Text:
    return Text(template, params)


def render(text: str, lang: str) -> str:
    """`text` in `lang`: a Text in either language; a plain string as it is."""
    return text.render(lang) if isinstance(text, Text) else text


def language(chosen: str | None = None, environ: dict | None = None) -> str:
    """"fa" or "en": `chosen` (the --lang option), else PORTAL_LANG, else the locale, else English."""
    env = os.environ if environ is None else environ
    if chosen:
        return chosen if chosen in LANGUAGES else "en"
    setting = env.get("PORTAL_LANG", "").strip().lower()
    if setting:
        return "fa" if setting.startswith("fa") else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:  # the first one set decides, as for every program that reads the locale
            return "fa" if value.lower().startswith("fa") else "en"
    return "en"
