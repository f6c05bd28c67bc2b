"""Stage 5, render: safe by default, Persian digits, no blank figure, no stale page."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from generator import pipeline
from generator.lang.jalali import JDate
from generator.pages import plan as pages_module
from generator.render.filters import TEMPLATES, _finalize, environment
from generator.render.links import Links, md_text
from generator.render.write import MARKER, PageInTheWay, write
from helpers import MINIMAL, make_project

INJECTIONS = ["<script>alert(1)</script>", "**bold** _x_", "[link](http://evil.example)", "![img](x.png)",
              "| a | b |", "# heading", "<img src=x onerror=alert(1)>", "{: .class }", "`code`"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_md_text_makes_data_inert(text: str) -> None:
    out = md_text(text)
    assert "<" not in out and "](" not in out.replace("\\](", "")
    for ch in "*_[]|#`{}":
        assert out.count(ch) == out.count("\\" + ch), (text, out)


def test_finalize_formats_numbers_and_dates_and_refuses_blanks() -> None:
    assert _finalize(750000) == "۷۵۰٬۰۰۰"
    assert _finalize(JDate(1400, 5, 27)) == "۲۷ مرداد ۱۴۰۰"
    assert _finalize("10 مرکز") == "۱۰ مرکز"
    assert _finalize(Markup("<b>x</b>")) == "<b>x</b>"
    with pytest.raises(ValueError):
        _finalize(None)
    with pytest.raises(TypeError):
        _finalize(True)


def test_templates_refuse_undefined_names() -> None:
    env = environment()
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_links_are_relative_markdown_links() -> None:
    ln = Links("provinces/gilan.md", {"meetings/1400-05-27.md": "جلسهٔ ۲۷ مرداد"})
    assert ln.to("meetings/1400-05-27.md") == "[جلسهٔ ۲۷ مرداد](../meetings/1400-05-27.md)"
    assert ln.href("index.md") == "../index.md"


def test_injected_text_in_data_stays_text_on_the_page(tmp_path: Path) -> None:
    meeting = (MINIMAL / "meetings/1400-06-03.yaml").read_text(encoding="utf-8")
    evil = "<script>alert(1)</script> **x** [l](http://e.example)"
    root = make_project(tmp_path / "p", overlay={
        "meetings/1400-06-03.yaml": meeting.replace("summary_fa: خلاصه", f"summary_fa: '{evil}'")})
    pipeline.generate(pipeline.Project.at(root))
    page = (root / "content/meetings/1400-06-03.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(۱)&lt;/script&gt; \\*\\*x\\*\\* \\[l\\](http://e.example)" in page
    assert "<script>" not in page


def test_write_replaces_changed_pages_and_removes_stale_ones(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "about.md").write_text("# hand-written\n", encoding="utf-8")
    page = f"---\n{MARKER}\n---\n# A\n"
    first = write(content, {"a.md": page, "sub/b.md": page})
    assert first.written == ["a.md", "sub/b.md"] and first.removed == []
    again = write(content, {"a.md": page, "sub/b.md": page})
    assert again.written == [] and again.unchanged == ["a.md", "sub/b.md"]
    third = write(content, {"a.md": page.replace("# A", "# A2")})
    assert third.written == ["a.md"] and third.removed == ["sub/b.md"]
    assert not (content / "sub").exists()  # an emptied folder goes too
    assert (content / "about.md").read_text(encoding="utf-8") == "# hand-written\n"


def test_write_never_overwrites_a_hand_written_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "index.md").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(PageInTheWay, match="hand-written page is in the way"):
        write(content, {"index.md": f"---\n{MARKER}\n---\n# generated\n"})
    assert (content / "index.md").read_text(encoding="utf-8") == "# mine\n"


def test_generate_plans_every_page(tmp_path: Path) -> None:
    minimal = make_project(tmp_path / "project", english=True)
    result = pipeline.generate(pipeline.Project.at(minimal))
    pages = sorted(p.relative_to(minimal / "content").as_posix() for p in (minimal / "content").rglob("*.md"))
    assert len([p for p in pages if p.startswith("provinces/") and p != "provinces/index.md"]) == 31
    assert {"index.md", "programmes/oxygen.md", "programmes/meetings.md", "meetings/1400-05-27.md",
            "meetings/1400-06-03.md", "centres/index.md", "methodology.md", "about.md"} <= set(pages)
    persian = [p for p in pages if not p.startswith("en/")]
    assert result.pages == len(pages) - 2  # both editions' pages but the hand-written about.md of each
    # the English edition has the same generated pages, at the same paths below en/
    english = sorted(p.removeprefix("en/") for p in pages if p.startswith("en/"))
    assert english == persian  # its about.md hand-written too
    tehran = (minimal / "content/provinces/tehran.md").read_text(encoding="utf-8")
    assert "هنوز داده‌ای نیست" in tehran


def test_every_page_context_field_is_used_by_its_template() -> None:
    """pages/plan.py documents each template's context; a field no template reads is a documentation lie."""
    contexts = {"home.md.j2": pages_module.HomeContext, "programmes.md.j2": pages_module.ProgrammesContext,
                "programme.md.j2": pages_module.ProgrammeContext, "provinces.md.j2": pages_module.ProvincesContext,
                "province.md.j2": pages_module.ProvinceContext, "centres.md.j2": pages_module.CentresContext,
                "province-centres.md.j2": pages_module.ProvinceCentresContext,
                "meetings.md.j2": pages_module.MeetingsContext, "meeting.md.j2": pages_module.MeetingContext,
                "methodology.md.j2": pages_module.MethodologyContext,
                "households.md.j2": pages_module.HouseholdsContext, "decisions.md.j2": pages_module.DecisionsContext,
                "changes.md.j2": pages_module.ChangesContext, "archive.md.j2": pages_module.ArchiveContext,
                "open-data.md.j2": pages_module.OpenDataContext, "search.md.j2": pages_module.SearchContext}
    assert set(contexts) == {p.name for p in TEMPLATES.glob("*.md.j2") if not p.name.startswith("_")}
    for template, context in contexts.items():
        source = (TEMPLATES / template).read_text(encoding="utf-8")
        for f in dataclasses.fields(context):
            assert re.search(rf"\bpage\.{f.name}\b", source), f"{template} never uses page.{f.name}"


def test_a_delivery_above_the_pledge_is_flagged_on_the_programme_page(tmp_path: Path) -> None:
    header = "week_ending,province,county,programme,quantity,synthetic,note_fa\n"
    row = "1400-06-03,گیلان,,oxygen,120,no,\n"
    root = make_project(tmp_path / "p", overlay={"deliveries/weekly.csv": header + row})
    result = pipeline.generate(pipeline.Project.at(root))
    assert [w.code for w in result.checked.warnings] == ["over-pledge"]
    page = (root / "content/programmes/oxygen.md").read_text(encoding="utf-8")
    assert "بیش از وعده" in page and "۱۲۰٫۰٪" in page
    normal = (tmp_path / "q")
    pipeline.generate(pipeline.Project.at(make_project(normal)))
    assert "بیش از وعده" not in (normal / "content/programmes/oxygen.md").read_text(encoding="utf-8")


def test_a_row_label_that_is_a_date_is_written_in_words() -> None:
    env = environment()
    in_words = env.filters["in_words"]
    assert in_words("1400-08-05") == "۵ آبان ۱۴۰۰" and in_words("1400-08") == "آبان ۱۴۰۰"
    assert in_words("گیلان") == "گیلان" and in_words("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"  # text stays text
    assert in_words("1400-13-01") == "۱۴۰۰-۱۳-۰۱"  # not a date: as it is, in Persian digits


def test_a_decision_is_headed_by_what_it_decides(minimal: Path) -> None:
    """Programme, quantity and places; the id only as a small label and the anchor; the table of contents'
    label the same words, as plain text."""
    pipeline.generate(pipeline.Project.at(minimal))
    text = next((minimal / "content" / "meetings").glob("*.md")).read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("### ") and "portal-decision-id" in line]
    assert headings
    for line in headings:
        words, label = re.fullmatch(r'### (.+?) <small class="portal-decision-id">.+?</small> '
                                    r'\{ #[\w-]+ data-toc-label="([^"{}]+)" \}', line).groups()
        assert ("d" not in words and "،" in words) or ":" in words, line
        assert label.replace("٬", "") == re.sub(r"\\(.)", r"\1", words).replace("٬", ""), (words, label)


def test_markup_in_a_decisions_heading_stays_text_in_the_heading_and_in_the_table_of_contents(
        tmp_path: Path) -> None:
    """The heading's attribute list is read by Markdown with the rest of the line: a link typed into a name
    must not become one there, nor in the table of contents' label."""
    import markdown

    from helpers import MINIMAL

    payload = " [پیوند](javascript:alert(1)) <b>درشت</b> {: .x } \"نقل\""
    programmes = (MINIMAL / "programmes.yaml").read_text(encoding="utf-8")
    programmes = re.sub(r"(short_name_fa: )(.+)", lambda m: f"{m.group(1)}'{m.group(2)}{payload}'", programmes)
    root = make_project(tmp_path / "p", overlay={"programmes.yaml": programmes})
    pipeline.generate(pipeline.Project.at(root))
    lines = [line for path in sorted((root / "content" / "meetings").glob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("### ")
             and "portal-decision-id" in line and "javascript" in line]
    assert lines
    for line in lines:
        md = markdown.Markdown(extensions=["toc", "attr_list"])
        html = md.convert(line)
        assert "<a " not in html and "<b>" not in html, html
        name = md.toc_tokens[0]["name"]
        assert "[پیوند](javascript:alert(۱))" in name and "<b>" not in name, name


@pytest.mark.parametrize("text", [*INJECTIONS, "دلیل \\* با بک‌اسلش", "a &amp; b", "\"quoted\" 'x'"])
def test_text_in_a_raw_html_table_shows_as_typed_and_never_as_markup(text: str) -> None:
    """The changes table is raw HTML (each cell names its column, for a phone): Markdown leaves its text as
    it is, so the text is HTML-escaped there, not Markdown-escaped (a backslash would show)."""
    import html

    import markdown

    cell = environment().filters["html_words"](text)
    out = markdown.markdown(f'<div class="portal-stack">\n<table><tbody><tr><td data-label="دلیل">{cell}</td>'
                            "</tr></tbody></table>\n</div>\n", extensions=["md_in_html", "attr_list", "tables"])
    shown = re.search(r'<td data-label="دلیل">(.*?)</td>', out, re.S).group(1)
    assert "<" not in shown and html.unescape(shown) == " ".join(text.split()).translate(str.maketrans(
        "0123456789", "۰۱۲۳۴۵۶۷۸۹")), (text, out)


def test_each_province_lists_its_centres_on_a_page_of_its_own(tmp_path: Path) -> None:
    """A province's page counts its centres and links to their list; the list is the page
    centres/<province>.md, and the national page links each province's list, never repeating them all."""
    extra = "".join(f"gil-{i},field-hospital,گیلان,,بیمارستان {i},planned,,,1400-05-27,no,\n" for i in range(2, 5))
    centres = (MINIMAL / "centres").glob("*.csv")
    first = next(iter(sorted(centres)))
    root = make_project(tmp_path / "p", overlay={f"centres/{first.name}": first.read_text(encoding="utf-8") + extra})
    pipeline.generate(pipeline.Project.at(root))
    content = root / "content"
    gilan = (content / "centres/gilan.md").read_text(encoding="utf-8")
    for name in ("مرکز ۱", "بیمارستان ۲", "بیمارستان ۳", "بیمارستان ۴"):
        assert f"| {name}" in gilan
    assert "انبار بم" not in gilan
    assert "۴ مرکز: ۱ فعال و ۳ در دست احداث" in gilan
    assert "(../provinces/gilan.md)" in gilan
    province = (content / "provinces/gilan.md").read_text(encoding="utf-8")
    assert "| مرکز ۱" not in province and "۴ مرکز: ۳ بیمارستان صحرایی و ۱ مرکز تزریق واکسن" in province
    assert "(../centres/gilan.md)" in province
    national = (content / "centres/index.md").read_text(encoding="utf-8")
    assert "(gilan.md)" in national and "(kerman.md)" in national and "| مرکز ۱" not in national
    kerman = (content / "centres/kerman.md").read_text(encoding="utf-8")
    assert "۱ مرکز فعال." in kerman and "| انبار بم" in kerman
    # Kerman's one centre is synthetic: its count says so, labelled, on the province's page and the national one
    kerman_page = (content / "provinces/kerman.md").read_text(encoding="utf-8")
    assert re.search(r"۱ انبار اکسیژن‌ساز \(از آن‌ها ۱ ?<span class=\"portal-synthetic\"[^>]*>ساختگی</span>\)\.",
                     kerman_page), kerman_page
    assert re.search(r"\| کرمان \| ۱ ?<span class=\"portal-synthetic\"", national), national
    assert re.search(r"\| گیلان \| ۴ \|", national), national  # none of Gilan's is synthetic
    assert not (content / "centres/tehran.md").exists()  # a province without centres has no list
