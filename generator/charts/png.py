"""SVG → PNG without a browser (resvg, inside vl-convert, with the Vazirmatn fonts the charts use), in a
palette of COLOURS (Pillow: a third of resvg's bytes; text on a flat background loses nothing seen), cached
by a hash of the SVG and of what else shapes the pixels (vl-convert's version, the fonts): an image whose
SVG has not changed is never drawn again. The same SVG gives the same PNG bytes."""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass, field
from pathlib import Path

from generator.charts import workers as vl

COLOURS = 64


def small(data: bytes) -> bytes:
    """The PNG on white, in a palette of COLOURS, compressed as far as zlib goes: pixels only (no text,
    date or profile chunk), the same bytes for the same pixels."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        flat = Image.new("RGB", image.size, "#ffffff")
        flat.paste(image, mask=image.getchannel("A") if image.mode == "RGBA" else None)
    fewer = flat.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    fewer.save(out, "PNG", optimize=True)
    return out.getvalue()


@dataclass
class PngRenderer:
    cache_dir: Path | None  # None: no cache (every image is drawn)
    drawn: int = 0
    reused: int = 0
    _salt: str = field(default="", repr=False)
    _started: bool = field(default=False, repr=False)

    def key(self, svg: str, scale: float) -> str:
        if not self._salt:
            self._salt = "|".join((importlib.metadata.version("vl-convert-python"),
                                   importlib.metadata.version("pillow"), str(COLOURS), vl.fonts_digest()))
        return hashlib.sha256(f"{self._salt}|{scale:g}|{svg}".encode()).hexdigest()

    def png(self, svg: str, scale: float = 1.0) -> bytes:
        """The PNG of `svg`, `scale` times its size: from the cache, or drawn (and kept) now."""
        key = self.key(svg, scale)
        cached = self.cache_dir / f"{key}.png" if self.cache_dir else None
        if cached and cached.is_file():
            self.reused += 1
            return cached.read_bytes()
        import vl_convert

        if not self._started:
            vl.start_worker()  # the fonts
            self._started = True
        data = small(bytes(vl_convert.svg_to_png(svg, scale=scale)))
        self.drawn += 1
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        return data
