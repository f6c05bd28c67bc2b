"""A chart's marks made one shape per colour: the hundreds of bars, points and provinces vl-convert writes
as one `<path>` each (each with its own description and, for points, its own `translate()`) merged into a
single path for each look (the same fill, stroke and opacity) among neighbouring marks.

For a chart shown as an image (charts/inline.py) and for the poster (charts/poster.py): an image is one
picture to assistive technology, named by its `alt`, so the marks' descriptions say nothing to anyone
there (the figure's table beside it has the numbers), and one path per colour draws the same picture in a
third of the bytes. What differs, too little to see at a mark's size: marks of one colour that overlap,
with an opacity below 1, are drawn once where they overlap, not twice; and where marks of two colours
overlap (the points of two lines in the same week), the colour that comes later in the key is on top of
the other all along, not only within each week.
"""

from __future__ import annotations

import re

# one mark: an optional description, an optional offset, its outline, then its look (fill, stroke, ...)
_MARK = re.compile(r'<path(?: aria-label="[^"]*")?(?: transform="translate\(([-0-9.]+),([-0-9.]+)\)")?'
                   r' d="([^"]*)"((?: (?!transform=|d=|aria-label=)[a-z-]+="[^"]*")*)/>')
_RUN = re.compile(r"(?:" + _MARK.pattern + r")+")
_TOKEN = re.compile(r"([MmLlHhVvCcSsQqTtAaZz])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)")
# which of a command's numbers are x and which y (absolute commands); the rest (radii, angle, flags) stay
_AXES = {"M": "xy", "L": "xy", "T": "xy", "H": "x", "V": "y", "C": "xyxyxy", "S": "xyxy", "Q": "xyxy",
         "A": "rrrrrxy", "Z": ""}


def merge_marks(svg: str) -> str:
    """The SVG with each run of neighbouring marks that look alike drawn as one path, without the marks'
    descriptions; a mark whose outline this cannot read is left as it is."""
    return _RUN.sub(_merge_run, svg)


def _merge_run(run: re.Match) -> str:
    out: list[str] = []
    looks: dict[str, list[str]] = {}  # look → outlines, in the order each look first appears

    def flush() -> None:
        out.extend(f'<path d="{"".join(outline)}"{look}/>' for look, outline in looks.items())
        looks.clear()

    for m in _MARK.finditer(run.group(0)):
        dx, dy, d, attrs = float(m.group(1) or 0), float(m.group(2) or 0), m.group(3), m.group(4)
        moved = _moved(d, dx, dy)
        if moved is None:  # an outline this does not read: kept whole, with its offset, where it was
            flush()
            offset = f' transform="translate({m.group(1)},{m.group(2)})"' if m.group(1) else ""
            out.append(f'<path{offset} d="{d}"{attrs}/>')
        elif moved:  # (an empty outline draws nothing)
            looks.setdefault(attrs, []).append(moved)
    flush()
    return "".join(out)


def _number(v: float) -> str:
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _moved(d: str, dx: float, dy: float) -> str | None:
    """The outline `d` shifted by (dx, dy), starting with an absolute move (so that it can follow another
    outline in the same path), or None when it has anything this does not read."""
    tokens = [(c, n) for c, n in _TOKEN.findall(d)]
    if "".join(c or n for c, n in tokens).replace("-", "").replace(".", "") != re.sub(r"[\s,.-]", "", d):
        return None  # something the tokens left out (an unknown command, a malformed number)
    parts: list[str] = []
    command, numbers, first = "", [], True

    def emit() -> bool:
        nonlocal first
        if not command:
            return not numbers
        upper = command.upper()
        if upper not in _AXES:
            return False
        absolute = command.isupper()
        if first and command == "m":  # a path's first move is absolute even when written relative
            if len(numbers) < 2:
                return False
            parts.append(f"M{_number(numbers[0] + dx)},{_number(numbers[1] + dy)}")
            rest = numbers[2:]
            if rest:
                parts.append("l" + ",".join(_number(v) for v in rest))
            first = False
            return len(rest) % 2 == 0
        if first and upper != "M":
            return False
        first = False
        axes = _AXES[upper]
        if not axes:
            parts.append(command)
            return not numbers
        if len(numbers) % len(axes):
            return False
        if absolute:
            shifted = [v + (dx if axes[i % len(axes)] == "x" else dy if axes[i % len(axes)] == "y" else 0)
                       for i, v in enumerate(numbers)]
        else:
            shifted = numbers
        parts.append(command + ",".join(_number(v) for v in shifted))
        return True

    for c, n in tokens:
        if c:
            if not emit():
                return None
            command, numbers = c, []
        else:
            numbers.append(float(n))
    if not emit():
        return None
    return "".join(parts)
