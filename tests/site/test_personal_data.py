"""The personal-data scanner: what it finds however it is typed, what it leaves alone, private spans."""

from __future__ import annotations

from helpers import make_project, run_portal


def test_a_private_span_never_reaches_the_site(tmp_path) -> None:
    root = make_project(tmp_path / "p")
    original = (root / "data/meetings/1400-06-03.yaml").read_text(encoding="utf-8")
    secret = "خانوادهٔ آقای نمونه‌ای در کوچهٔ ساختگی"
    text = original.replace("summary_fa: ", f"summary_fa: پیگیری ((خصوصی {secret})) انجام شد. ", 1)
    assert text != original
    (root / "data/meetings/1400-06-03.yaml").write_text(text, encoding="utf-8")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    served = [p for p in (root / "site").rglob("*") if p.is_file() and p.suffix in (".html", ".csv", ".json", ".xml")]
    assert served and not any(secret in p.read_text(encoding="utf-8") for p in served)
    assert not any(secret in p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.md"))
    page = (root / "site/meetings/1400-06-03/index.html").read_text(encoding="utf-8")
    assert "پیگیری … انجام شد" in page
