"""A chart's marks merged into one path per look (charts/svg_marks.py): the same picture in fewer bytes."""

from __future__ import annotations

import io
import re

import pytest
import vl_convert as vlc
from PIL import Image, ImageChops

from generator.charts.svg import standalone
from generator.charts.svg_marks import _moved, merge_marks

CIRCLE = "M3.1,0A3.1,3.1,0,1,1,-3.1,0A3.1,3.1,0,1,1,3.1,0"


def test_points_lose_their_offsets_and_descriptions_and_become_one_path_per_colour() -> None:
    marks = "".join(f'<path aria-label="{i}" transform="translate({10 * i},{5 + i})" d="{CIRCLE}" fill="{c}"/>'
                    for i, c in enumerate(["#111111", "#222222", "#111111", "#222222"]))
    out = merge_marks(f"<g>{marks}</g>")
    paths = re.findall(r"<path[^>]*>", out)
    assert len(paths) == 2 and "aria-label" not in out and "translate" not in out
    first = re.search(r' d="([^"]*)" fill="#111111"', out).group(1)
    # each point's absolute coordinates moved by its offset; radii, angle and flags left alone
    assert first == "M3.1,5A3.1,3.1,0,1,1,-3.1,5A3.1,3.1,0,1,1,3.1,5M23.1,7A3.1,3.1,0,1,1,16.9,7A3.1,3.1,0,1,1,23.1,7"


def test_bars_with_relative_steps_are_joined_as_they_are() -> None:
    bars = '<path d="M4.4,240h8.9v-10.9h-8.9Z" fill="#08306b"/><path d="M13.4,240h8.9v-20h-8.9Z" fill="#08306b"/>'
    assert merge_marks(bars) == '<path d="M4.4,240h8.9v-10.9h-8.9ZM13.4,240h8.9v-20h-8.9Z" fill="#08306b"/>'


@pytest.mark.parametrize(("d", "dx", "dy", "want"), [
    ("m1,2 3,4", 10, 20, "M11,22l3,4"),  # a first relative move is absolute; its further pairs are lines
    ("M0,0L5,5H9V1Z", 1, 2, "M1,2L6,7H10V3Z"),
    ("M0,0C1,1,2,2,3,3S4,4,5,5Q6,6,7,7T8,8", 1, 1, "M1,1C2,2,3,3,4,4S5,5,6,6Q7,7,8,8T9,9"),
    ("M0,0l1.25,-.5", 0, 0, "M0,0l1.2,-0.5"),
    ("M1e1,0h1", 0, 0, "M10,0h1"),
    ("", 5, 5, ""),
])
def test_outlines_are_moved_command_by_command(d: str, dx: float, dy: float, want: str) -> None:
    assert _moved(d, dx, dy) == want


@pytest.mark.parametrize("d", ["L1,1", "M1,1L2", "M1,1X3,3", "M1,1A1,1,0,1,1", "M1,1Z3"])
def test_an_outline_it_cannot_read_is_left_whole_where_it_was(d: str) -> None:
    assert _moved(d, 1, 1) is None
    marks = (f'<path d="M0,0h1v1h-1Z" fill="red"/><path transform="translate(3,4)" d="{d}" fill="red"/>'
             f'<path d="M5,5h1v1h-1Z" fill="red"/>')
    out = merge_marks(marks)
    assert out == (f'<path d="M0,0h1v1h-1Z" fill="red"/><path transform="translate(3,4)" d="{d}" fill="red"/>'
                   f'<path d="M5,5h1v1h-1Z" fill="red"/>')


def test_marks_with_another_transform_or_between_other_elements_stay_in_their_place() -> None:
    svg = ('<path d="M0,0h1v1h-1Z" fill="red"/><text>x</text><path d="M2,0h1v1h-1Z" fill="red"/>'
           '<path transform="rotate(45)" d="M0,0h1" fill="red"/>')
    assert merge_marks(svg) == svg


def _picture(svg: str) -> Image.Image:
    image = Image.open(io.BytesIO(vlc.svg_to_png(svg))).convert("RGBA")
    white = Image.new("RGBA", image.size, "white")
    white.alpha_composite(image)
    return white.convert("RGB")


@pytest.mark.parametrize("mark", ["bar", "point", "line", "area"])
def test_a_drawing_with_its_marks_merged_is_the_same_picture_in_fewer_bytes(mark: str) -> None:
    values = [{"week": w, "series": s, "n": (w * 7 + i * 13) % 40} for w in range(30) for i, s in enumerate("abc")]
    spec = {"data": {"values": values}, "width": 400, "height": 200,
            "mark": {"type": mark, "opacity": 0.7} if mark == "point" else mark,
            "encoding": {"x": {"field": "week", "type": "ordinal" if mark == "bar" else "quantitative"},
                         "y": {"field": "n", "type": "quantitative"},
                         "color": {"field": "series", "type": "nominal"},
                         "description": {"field": "n", "type": "quantitative"}}}
    raw = vlc.vegalite_to_svg(spec)
    drawn, width, height = standalone(raw)
    if mark in ("bar", "point"):  # one mark per value: one path per colour instead
        assert drawn.count("<path") < raw.count("<path") / 3 and len(drawn) < len(raw) / 2
    assert "aria-label" not in drawn and (width, height) != (0, 0)
    before, after = _picture(raw), _picture(drawn)
    r, g, b = ImageChops.difference(before, after).split()
    differ = ImageChops.lighter(ImageChops.lighter(r, g), b).point(lambda v: 255 if v > 60 else 0).histogram()[255]
    # the same picture but for the edges the rounding to a tenth of a pixel moves (a misplaced point would
    # change more than its whole area: two points in a hundred)
    assert before.size == after.size and differ <= before.size[0] * before.size[1] * 0.01, differ
