"""Messages for staff in English or Persian: which one, and the Persian of each English text.

A message is written where it arises as `t("… {name} …", name=value)`: a `Text`, which is the English
string itself (so it sorts, compares and prints as before) and keeps its template and values, so that it
can also be written in Persian (`Text.fa()`, from the catalogue in messages_fa.py, keyed by the English
template, as gettext keys by its msgid). A value that is itself a Text is written in the same language;
a whole number is written in Persian digits; what staff typed (quoted in «…») is written as typed.

The language is, in order: `portal --lang`, the PORTAL_LANG setting (environment), the locale
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them: fa_IR.UTF-8 is Persian); English otherwise.
"""

from __future__ import annotations

import os
import re

from generator.lang.persian import persian_digits

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
        return ltr_runs(self._fa())

    def _fa(self) -> str:
        from generator.lang.messages_fa import FA

        template = FA.get(self.template)
        if template is None and not words_in(self.template):
            template = self.template  # «{path}: {what}»: nothing to translate but its values
        if template is None:
            return str(self)
        return template.format(**{k: _fa(v) for k, v in self.params.items()})

    def render(self, lang: str) -> str:
        return self.fa() if lang == "fa" else str(self)


# In a Persian line, digits after a Persian letter are "Arabic numbers" to the bidi algorithm, so a
# hyphenated date or id shows reversed (1400-05-27 as 27-05-1400, ۱۴۰۰-۰۵-۲۷-d۱ as d۱-۲۷-۰۵-۱۴۰۰) and a
# path's trailing slash jumps ahead. Each such run is held between two left-to-right marks (invisible).
# What staff typed, quoted in «…», is never changed: the marks go outside the quotes.
# A run is one word of Latin letters, digits and the marks of paths and ids (`data/site.yaml`, `1400-05-27`,
# `--force-with-lease`), or several such words with spaces, commas or colons between them (`git push origin
# publish`, `fatal: no remote`): held once as a whole, never word by word (a mark between two Latin words
# would break a copy, a paste and a search).
def _word(alnum: str) -> str:
    return rf"[-*&/.`'\"<]*[{alnum}](?:[{alnum}._/:@=+#~'`\"\-<>]*[{alnum}/`'\">])?"


_LATIN_WORD, _WORD = _word("0-9A-Za-z"), _word("0-9A-Za-z۰-۹")  # the second: an id in Persian digits too
_RUN = re.compile(rf"«[^»]*»|{_LATIN_WORD}(?:[ ,;:]+{_LATIN_WORD})*|{_WORD}")
_NEEDS_MARKS = re.compile(r"[A-Za-z]|[0-9۰-۹][-/:.][0-9۰-۹]|/$|^[-*&/.]")
LRM = "\u200e"


def ltr_runs(text: str) -> str:
    """`text` with each run that would read out of order in Persian (Latin words, paths, ids, dates with
    hyphens) held left to right between two marks; plain Persian numbers (۳۰٬۰۰۰) are left as they are."""
    def mark(m: re.Match) -> str:
        run = m.group(0)
        inner = run[1:-1] if run.startswith("«") else run
        return LRM + run + LRM if _NEEDS_MARKS.search(inner) else run

    return _RUN.sub(mark, text)


def _fa(value) -> str:
    if isinstance(value, Text):
        return value._fa()  # marked once, as a whole, by the message it is part of
    if isinstance(value, int) and not isinstance(value, bool):
        return persian_digits(str(value))
    if isinstance(value, float):
        return persian_digits(str(value)).replace(".", "\u066b")  # ٫, the Persian decimal separator
    return str(value)


def words_in(template: str) -> bool:
    """Whether a template has words of its own (not only values and marks: «{path}: {what}»)."""
    return bool(re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", template)))


def t(template: str, **params) -> Text:
    return Text(template, params)


def render(text: str, lang: str) -> str:
    """`text` in `lang`: a Text in either language; a plain string as it is."""
    return text.render(lang) if isinstance(text, Text) else text


def said(exc: BaseException, lang: str) -> str:
    """What an exception says, in `lang` when it was raised with a Text (ScaffoldError, say)."""
    return render(said_text(exc), lang)


def said_text(exc: BaseException) -> str:
    """What an exception says: its Text when it was raised with one (to go into another message), else its
    English."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return str(exc)


def language(chosen: str | None = None, environ: dict | None = None) -> str:
    """"fa" or "en": `chosen` (the --lang option), else PORTAL_LANG, else the locale, else English."""
    env = os.environ if environ is None else environ
    if chosen:
        return chosen if chosen in LANGUAGES else "en"
    setting = env.get("PORTAL_LANG", "").strip().lower()
    if setting:
        return "fa" if setting.startswith("fa") else "en"
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):  # gettext's order
        value = env.get(name, "")
        if value:  # the first one set decides, as for every program that reads the locale
            return "fa" if value.lower().startswith("fa") else "en"
    return "en"
