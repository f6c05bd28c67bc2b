"""The font each chart file carries (charts/font_subset.py): a text in basic Latin alone carries basic Latin
whole (one subset a weight for every English drawing), Persian text its own glyphs; each subset keeps the
features text is shaped with by default (Persian letters' joining forms) and no alternates; subsets made
ahead (on the chart workers) are found, not made again."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from generator.charts import font_subset as fs

PERSIAN_SVG = ('<svg xmlns="http://www.w3.org/2000/svg"><text font-weight="bold">برنامهٔ ۳</text>'
               '<text>مهر ۱۴۰۰</text></svg>')
ENGLISH_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>Oxygen concentrators, Aug 2021</text></svg>'


def _fonts(svg: str, cache: Path) -> list[TTFont]:
    faces = fs.font_faces(svg, cache)
    return [TTFont(io.BytesIO(base64.b64decode(data))) for data in re.findall(r"base64,([A-Za-z0-9+/=]+)", faces)]


def test_latin_text_carries_basic_latin_whole_and_persian_its_own_glyphs(tmp_path: Path) -> None:
    assert fs.to_subset("Aug 2021") == fs.LATIN and fs.to_subset(" 2,1.%") == fs.LATIN
    assert fs.to_subset("Tehran (تهران)") == "Tehran (تهران)"  # a Persian name in English text: its own
    (latin,) = _fonts(ENGLISH_SVG, tmp_path)
    assert set(map(ord, fs.LATIN)) - {0xA0} <= set(latin.getBestCmap())
    assert len(_fonts('<svg><text>12</text></svg>', tmp_path)[0].getBestCmap()) == len(latin.getBestCmap())
    regular, bold = _fonts(PERSIAN_SVG, tmp_path)  # by weight: 400, 700
    assert set(regular.getBestCmap()) == set(map(ord, "مهر ۱۴۰۰"))
    assert set(bold.getBestCmap()) == set(map(ord, "برنامهٔ ۳"))


def test_each_subset_keeps_the_default_shaping_and_no_alternates(tmp_path: Path) -> None:
    regular, _ = _fonts(PERSIAN_SVG, tmp_path)
    features = {r.FeatureTag for r in regular["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina"} <= features  # Persian letters join
    assert features <= set(subset.Options().layout_features)  # nothing only a style sheet could turn on
    # the joined forms themselves are in it: more glyphs than characters
    assert len(regular.getGlyphOrder()) > len(regular.getBestCmap()) + 2


def test_subsets_made_ahead_are_found_not_made_again(tmp_path: Path) -> None:
    wanted = fs.needed([PERSIAN_SVG, ENGLISH_SVG, ENGLISH_SVG], tmp_path)
    assert len(wanted) == 3 and ("400", fs.LATIN, tmp_path) in wanted
    for item in sorted(wanted):
        fs.warm_subset(*item)
    assert fs.needed([PERSIAN_SVG, ENGLISH_SVG], tmp_path) == set()
    assert len(list((tmp_path / "fonts").glob("*.woff2"))) == 3 and not list((tmp_path / "fonts").glob("*.tmp"))
