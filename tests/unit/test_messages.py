"""Messages for staff in Persian or English: every message has its Persian, the language is chosen by
--lang, PORTAL_LANG or the locale, and a problem reads the same place (file, line, field) in both."""

from __future__ import annotations

import ast
import os
import pickle
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.lang import personal_data
from generator.lang.messages import Text, language, t, words_in
from generator.lang.messages_fa import FA
from generator.model.problems import DataProblems
from generator.preview import banner as preview
from generator.schema.files import PEOPLE_UNITS
from helpers import ROOT, broken_project, make_project, run_portal

BROKEN = ROOT / "tests" / "data" / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
_PERSIAN = re.compile(r"[\u0600-\u06ff]")
LRM = "\u200e"  # the Persian messages hold each Latin run between two (messages.ltr_runs)


def _plain(text: str) -> str:
    return text.replace(LRM, "")


def _templates() -> set[str]:
    """Every template given to t() in generator/ as a constant, and those made at run time."""
    found: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # a template of values only («{path}: {what}») has nothing of its own to translate
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args \
                    and isinstance(node.args[0], ast.Constant) and words_in(node.args[0].value):
                found.add(node.args[0].value)
    leap = "{month} {year} has {length} days, so day {day} does not exist"
    kinds = {"a national ID", "a mobile phone number", "a landline phone number", "a bank card number",
             "a bank account number (sheba)", "an IR + 24-digit number (a sheba?)", personal_data.BARE_TEN_DIGITS,
             "an e-mail address", "meeting"}
    return found | {leap, leap + " (it is not a leap year)"} | kinds | set(PEOPLE_UNITS)


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_its_persian_with_no_value_it_does_not_have() -> None:
    templates = _templates()
    assert len(templates) > 140
    missing = sorted(templates - set(FA))
    assert missing == [], "add these to generator/lang/messages_fa.py:\n" + "\n".join(missing)
    for english, persian in FA.items():
        assert _names(persian) <= _names(english), english
        assert _PERSIAN.search(persian), english
    assert sorted(set(FA) - templates) == [], "no longer used: remove them from messages_fa.py"


def test_a_message_is_its_english_and_writes_its_values_in_persian() -> None:
    message = t("the row has {cells} cells but the header has {columns}", cells=5, columns=4)
    assert message == "the row has 5 cells but the header has 4" and isinstance(message, str)
    assert message.fa() == "این سطر ۵ خانه دارد ولی سطر عنوان ۴ ستون دارد"
    nested = t("no {what} has the id «{value}»", what=t("programme"), value="oxygen-2")
    assert nested.fa() == "برنامه با شناسهٔ \u200e«oxygen-2»\u200e تعریف نشده است"  # as typed, read left to right
    again = pickle.loads(pickle.dumps(nested))
    assert again == nested and again.fa() == nested.fa()


@pytest.mark.parametrize(("chosen", "env", "expected"), [
    ("fa", {"PORTAL_LANG": "en", "LANG": "en_US.UTF-8"}, "fa"),
    ("en", {"PORTAL_LANG": "fa"}, "en"),
    (None, {"PORTAL_LANG": "fa", "LANG": "en_US.UTF-8"}, "fa"),
    (None, {"PORTAL_LANG": "en", "LANG": "fa_IR.UTF-8"}, "en"),
    (None, {"LANG": "fa_IR.UTF-8"}, "fa"),
    (None, {"LC_ALL": "C.UTF-8", "LANG": "fa_IR.UTF-8"}, "en"),  # LC_ALL first, as every program reads it
    (None, {"LC_MESSAGES": "fa_IR", "LANG": "en_GB.UTF-8"}, "fa"),
    (None, {}, "en"),
])
def test_the_language_is_the_option_then_the_setting_then_the_locale(chosen, env, expected) -> None:
    assert language(chosen, env) == expected


def _all_persian(text) -> bool:
    return isinstance(text, Text) and text.template in FA and all(
        _all_persian(v) for v in text.params.values() if isinstance(v, Text))


@pytest.mark.parametrize("case", CASES)
def test_every_problem_of_the_bad_input_corpus_reads_in_persian(tmp_path: Path, case: str) -> None:
    root = broken_project(tmp_path, case)
    try:
        problems = pipeline.check(pipeline.Project.at(root)).warnings
    except DataProblems as exc:
        problems = exc.problems
    assert problems
    for problem in problems:
        assert _all_persian(problem.message) and _all_persian(problem.fix), problem.format()
        fa, en = _plain(problem.format("fa")), problem.format("en")
        assert fa.startswith(problem.where()) and en.startswith(problem.where())  # the same place in both
        said = problem.explain("fa")
        assert f" [{problem.code}]؛ رفع: " in said and _PERSIAN.search(said.split(f" [{problem.code}]")[0])
        # what staff typed, quoted in the English, is quoted as typed in the Persian too
        for name in re.findall(r"«\{(\w+)\}»", problem.message.template):
            assert f"«{problem.message.params[name]}»" in fa


def test_the_command_line_speaks_persian_by_option_and_by_setting(tmp_path: Path) -> None:
    root = broken_project(tmp_path, "unknown-province")
    code, out, err = run_portal(root, "--lang", "fa", "validate")
    assert code == 1
    assert ("data/deliveries/weekly.csv:2: province: «کرمون» نام هیچ\u200cیک از ۳۱ استان نیست "
            "[unknown-province]؛ رفع:") in err
    assert "خطا پیدا شد؛ چیزی ساخته نشد" in err
    env = {**os.environ, "PORTAL_LANG": "fa"}
    done = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=root, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 1 and "از ۳۱ استان نیست" in done.stderr
    english = subprocess.run([sys.executable, "-m", "generator", "--lang", "en", "validate"], cwd=root, env=env,
                             capture_output=True, text=True)
    assert "is not one of the 31 provinces" in english.stderr and not _PERSIAN.search(
        english.stderr.replace("«کرمون»", "").replace("«کرمان»", ""))
    good = make_project(tmp_path / "good")
    code, out, _ = run_portal(good, "--lang", "fa", "validate")
    assert code == 0 and out.startswith("درست است: ")
    code, _, err = run_portal(good, "--lang", "fa", "new-meeting", "--date", "1400-13-01")
    assert code == 1 and "خطا: --date 1400-13-01: ماه ۱۳ وجود ندارد" in _plain(err)


def test_the_preview_banner_is_persian_right_to_left_with_each_place_left_to_right(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    try:
        preview.report(content, [("data/a.csv:2: province:", "«<b>کرمون</b>» از ۳۱ استان نیست [unknown-province]")],
                       "۱ خطا در data/", "fa")
        banner = preview.banner()
        assert 'dir="rtl" lang="fa"' in banner
        assert re.search(r'<code dir="ltr"[^>]*>data/<wbr>a.csv:2: province:</code>', banner)
        assert '<bdi dir="ltr" style="white-space:nowrap">[unknown-province]</bdi>' in banner
        assert "list-style-type:persian" in banner
        assert "&lt;b&gt;کرمون&lt;/b&gt;" in banner and "<b>" not in banner
    finally:
        preview.report(content, [], "", "en")
    assert preview.banner() == ""


def test_the_commit_hooks_file_checks_speak_the_setting(tmp_path: Path) -> None:
    bad = tmp_path / "weekly.csv"
    bad.write_bytes(b"a,b\r\n1,2")
    env = {**os.environ, "PORTAL_LANG": "fa"}
    done = subprocess.run([sys.executable, "-m", "generator.staff.hygiene", "--fix", str(bad)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert f"{bad}:1: پایان سطرها ویندوزی (CRLF) یا مکِ قدیمی (CR) است؛ باید LF باشد" in _plain(done.stdout)
    assert "پرونده‌ها را دوباره اضافه کنید (git add)" in _plain(done.stdout)
    assert bad.read_bytes() == b"a,b\n1,2\n"


def test_the_messages_quoted_in_the_readme_and_the_staff_guide_are_what_validate_prints(tmp_path: Path) -> None:
    root = broken_project(tmp_path, "unknown-province")
    printed = {lang: run_portal(root, "--lang", lang, "validate")[2].splitlines()[0] for lang in ("en", "fa")}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs/staff-guide.md").read_text(encoding="utf-8")
    assert printed["en"] in readme.splitlines() or f"   {printed['en']}" in readme.splitlines()
    assert f"   {printed['fa']}" in readme.splitlines()
    assert f"   {printed['fa']}" in guide.splitlines()
    # the README's example of a small count in a text, and the guide's table row of it
    root = broken_project(tmp_path / "count", "small-count-in-text")
    printed = {lang: run_portal(root, "--lang", lang, "validate")[2].splitlines()[0] for lang in ("en", "fa")}
    assert printed["en"] in readme.splitlines()
    quoted = re.findall(r"^\| `([^`]+)` \|", guide, re.M)
    assert any(q in _plain(printed["fa"]) for q in quoted if "«۷ نفر»" in q), quoted


def test_runs_that_would_read_out_of_order_are_held_and_what_staff_typed_is_kept() -> None:
    from generator.lang.messages import ltr_runs

    assert ltr_runs("مهلت ۱۴۰۰-۰۵-۲۷-d۱ است") == f"مهلت {LRM}۱۴۰۰-۰۵-۲۷-d۱{LRM} است"  # a Persian-digit id
    assert ltr_runs("در data/؛ دیگر") == f"در {LRM}data/{LRM}؛ دیگر"  # a trailing slash stays at its end
    assert ltr_runs("۳۰٬۰۰۰ خانوار و ۲۷ مرداد") == "۳۰٬۰۰۰ خانوار و ۲۷ مرداد"  # plain Persian numbers as they are
    # a quoted value is never changed inside: the marks go outside the quotes, so a copy finds it in the file
    assert ltr_runs("شناسهٔ «oxygen-2» نیست") == f"شناسهٔ {LRM}«oxygen-2»{LRM} نیست"
    assert ltr_runs("«کرمون» نیست") == "«کرمون» نیست"


def test_a_command_line_that_is_not_right_is_refused_in_the_language_asked_for(capsys) -> None:
    from generator import cli

    for argv, persian in ((["--lang", "fa", "publsh"], True), (["--lang=fa", "validate", "--nope"], True),
                          (["publsh"], False)):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        err = capsys.readouterr().err.splitlines()[-1]
        assert exit_.value.code == 2
        assert bool(_PERSIAN.search(err)) == persian, err
        assert "portal --help" in err and "Traceback" not in err
