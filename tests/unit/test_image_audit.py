"""The audit's rule for images (audit/images.py): a served PNG is the drawing of an SVG or PDF beside it
(which the audit reads), and carries pixels only; anything else is refused, naming the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from generator.audit.images import chunk_types, png_findings
from generator.charts.card import card_svg
from generator.charts.png import PngRenderer
from generator.model.card import Card, CardLine


def _png(**text: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        info.add_text(key, value)
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_a_drawing_of_its_svg_with_pixels_only_passes(tmp_path: Path) -> None:
    svg = card_svg(Card("استان تهران", (CardLine("بستهٔ معیشتی", "۲۶۸٬۹۳۴ بسته", 0.4),), "۲۸ مهر ۱۴۰۰"), "درگاه", "")
    (tmp_path / "c.svg").write_text(svg, encoding="utf-8")
    (tmp_path / "c.png").write_bytes(PngRenderer(None).png(svg))
    assert png_findings(tmp_path / "c.png") == []
    assert chunk_types((tmp_path / "c.png").read_bytes())[0] == b"IHDR"


@pytest.mark.parametrize("chunks", [{"Comment": "کد ملی ۰۰۱۲۳۴۵۶۷۸"}, {"Author": "x"}])
def test_an_image_with_text_chunks_is_refused(tmp_path: Path, chunks: dict[str, str]) -> None:
    (tmp_path / "c.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(_png(**chunks))
    (found,) = png_findings(tmp_path / "c.png")
    assert "more than pixels" in found and ("tEXt" in found or "iTXt" in found)


def test_an_image_without_a_twin_or_not_a_png_is_refused(tmp_path: Path) -> None:
    (tmp_path / "alone.png").write_bytes(_png())
    assert "no SVG or PDF" in png_findings(tmp_path / "alone.png")[0]
    (tmp_path / "fake.svg").write_text("<svg/>", encoding="utf-8")
    for bad in (b"GIF89a", _png()[:30], b"\x89PNG\r\n\x1a\n"):
        (tmp_path / "fake.png").write_bytes(bad)
        assert "cannot be read as a PNG" in png_findings(tmp_path / "fake.png")[0]


def test_the_same_svg_gives_the_same_png_and_the_cache_keeps_it(tmp_path: Path) -> None:
    svg = card_svg(Card("جلسات", (), summary="متنی برای آزمون " * 30), "درگاه", "aid.example.org")
    first = PngRenderer(tmp_path)
    a = first.png(svg)
    second = PngRenderer(tmp_path)
    assert second.png(svg) == a and (first.drawn, second.drawn, second.reused) == (1, 0, 1)
    assert PngRenderer(None).png(svg) == a
    with Image.open(io.BytesIO(a)) as image:
        assert image.size == (1200, 630) and image.mode == "P"


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "a & b ]]> <!--", "\u202eعکس", "x" * 400,
                                  "بیمارستان صحرایی " * 20])
def test_a_card_holds_any_text_escaped_and_within_its_width(text: str) -> None:
    import re
    from xml.etree import ElementTree

    from generator.charts.layout import text_px

    svg = card_svg(Card(text, (CardLine(text, text, 2.5),), text), text, text)
    root = ElementTree.fromstring(svg)  # well-formed: every text escaped
    ns = "{http://www.w3.org/2000/svg}"
    summary = ElementTree.fromstring(card_svg(Card(text, (), summary=text), text, ""))
    for node in [*root.iter(ns + "text"), *summary.iter(ns + "text")]:
        size = float(node.get("font-size"))
        assert text_px(node.text, size) <= 1060, node.text[:40]
    bars = [float(r.get("width")) for r in root.iter(ns + "rect") if r.get("height") == "12"]
    assert bars and max(bars) <= 1060  # a share over 100٪ fills its track, no more
    assert not re.search(r"<script", svg)
