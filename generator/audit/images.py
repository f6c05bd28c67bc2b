"""Images the site serves (PNG) hold no text the audit can read: each must be the drawing of a file beside
it whose text it reads (a chart's or a card's SVG, the bulletin's PDF: the same name, another suffix), and
may carry nothing but pixels (no text chunk, no Exif, no embedded profile a camera or editor wrote)."""

from __future__ import annotations

import struct
from pathlib import Path

from generator.lang.messages import t

TWINS = (".svg", ".pdf")  # what a PNG may be the drawing of
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PIXELS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"pHYs", b"bKGD", b"sBIT"}


def chunk_types(data: bytes) -> list[bytes]:
    """The chunk types of a PNG, in order; raises ValueError if it is not one."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("no PNG signature")
    types, at = [], len(_SIGNATURE)
    while at < len(data):
        if at + 8 > len(data):
            raise ValueError("a chunk cut short")
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        at += 12 + length
        if at > len(data):
            raise ValueError("a chunk cut short")
        types.append(kind)
        if kind == b"IEND":
            break
    if not types or types[0] != b"IHDR" or types[-1] != b"IEND":
        raise ValueError("not a whole PNG")
    return types


def png_findings(path: Path) -> list[str]:
    """What is wrong with a served PNG, in words ([] when it is a drawing of an audited twin, pixels only)."""
    if not any(path.with_suffix(s).is_file() for s in TWINS):
        return [t("an image with no SVG or PDF of the same name beside it: what it shows cannot be checked")]
    try:
        kinds = chunk_types(path.read_bytes())
    except (OSError, ValueError) as exc:
        return [t("cannot be read as a PNG ({detail})", detail=str(exc))]
    extra = sorted({k.decode("latin-1") for k in kinds} - {k.decode() for k in _PIXELS})
    if extra:
        return [t("an image that carries more than pixels ({chunks}): metadata is not published",
                  chunks=", ".join(extra))]
    return []
