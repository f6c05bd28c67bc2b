"""SVG → PNG without a browser (resvg, inside vl-convert, with the Vazirmatn fonts the charts use), in a
palette of COLOURS (Pillow's fast octree: a fifth of resvg's bytes; text on a flat background loses nothing
seen), cached by a hash of the SVG and of what else shapes the pixels (vl-convert's and Pillow's versions,
the fonts): an image whose SVG has not changed is never drawn again. The same SVG gives the same PNG bytes.
Many new images are drawn on the chart workers' cores (`pngs`, with ChartRenderer.map)."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.charts import workers as vl

COLOURS = 64
PALETTE_VERSION = "octree-6"  # how the palette is made and the file compressed: part of the cache key


def small(data: bytes) -> bytes:
    """The PNG on white, in a palette of COLOURS: pixels only (no text, date or profile chunk), the same
    bytes for the same pixels. A few milliseconds for a card (the median cut and zlib's best took ten
    times as long, for a tenth fewer bytes)."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        flat = Image.new("RGB", image.size, "#ffffff")
        flat.paste(image, mask=image.getchannel("A") if image.mode == "RGBA" else None)
    fewer = flat.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    fewer.save(out, "PNG", compress_level=6)
    return out.getvalue()


@functools.cache
def _fonts() -> None:
    vl.start_worker()  # registers the fonts, once a process


def draw(svg: str, scale: float) -> bytes:
    """One image, in this process or a chart worker (whose vl-convert has the fonts already)."""
    import vl_convert

    _fonts()
    return small(bytes(vl_convert.svg_to_png(svg, scale=scale)))


@dataclass
class PngRenderer:
    cache_dir: Path | None  # None: no cache (every image is drawn)
    drawn: int = 0
    reused: int = 0
    _salt: str = field(default="", repr=False)

    def key(self, svg: str, scale: float) -> str:
        if not self._salt:
            self._salt = "|".join((importlib.metadata.version("vl-convert-python"),
                                   importlib.metadata.version("pillow"), str(COLOURS), PALETTE_VERSION,
                                   vl.fonts_digest()))
        return hashlib.sha256(f"{self._salt}|{scale:g}|{svg}".encode()).hexdigest()

    def _cached(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.png" if self.cache_dir else None

    def _keep(self, key: str, data: bytes) -> bytes:
        self.drawn += 1
        cached = self._cached(key)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        return data

    def png(self, svg: str, scale: float = 1.0) -> bytes:
        """The PNG of `svg`, `scale` times its size: from the cache, or drawn (and kept) now."""
        return self.pngs([svg], scale)[0]

    def pngs(self, svgs: list[str], scale: float = 1.0,
             mapper: Callable[[Callable, list], list] | None = None) -> list[bytes]:
        """The PNG of each SVG: those not in the cache drawn by `mapper` (ChartRenderer.map: on the chart
        workers when they are running), or here."""
        keys = [self.key(svg, scale) for svg in svgs]
        out: dict[str, bytes] = {}
        missing: dict[str, str] = {}
        for key, svg in zip(keys, svgs, strict=True):
            cached = self._cached(key)
            if key in out or key in missing:
                continue
            if cached and cached.is_file():
                self.reused += 1
                out[key] = cached.read_bytes()
            else:
                missing[key] = svg
        if missing:
            todo = list(missing.items())
            drawn = (mapper or _here)(draw, [(svg, scale) for _, svg in todo])
            out.update((key, self._keep(key, data)) for (key, _), data in zip(todo, drawn, strict=True))
        return [out[key] for key in keys]


def _here(fn: Callable, items: list) -> list:
    return [fn(*item) for item in items]
