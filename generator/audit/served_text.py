"""What a reader reads in each file the site serves, as a list of texts (the audit checks them, audit/checks.py).

- HTML, SVG and the feed: the text between tags and the values of attributes, not SVG geometry or
  machine values (`_GEOMETRY`); a feed entry's id (a hash) is left out.
- PDF (the weekly bulletin): its text in reading order, line by line (pdftotext).
- CSV: every cell that is not a plain number; JSON: every string; XLSX: every cell of every sheet that is
  not a plain number.
- Pagefind's search index (gzip-compressed, its signature first): a fragment (a page's text) as JSON,
  the index and meta files as CBOR, of which only the text strings are read: the numbers between them
  (positions, counts) would read as digits. A file not in that form raises UnreadableIndex. Its entry
  file (`pagefind-entry.json`) names the index by a hash (`fa_` and ten hex digits, which may all be
  decimal: a "ten-digit number"); that value is left out, the rest of the file is read.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import zipfile
import zlib
from pathlib import Path

from generator.model.paths import INDEX_SUFFIXES
from generator.render.open_data import xlsx_sheets

# SVG and HTML attributes that hold geometry or machine values, not text a reader sees
_GEOMETRY = {"d", "points", "transform", "viewbox", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx",
             "cy", "r", "rx", "ry", "dx", "dy", "style", "class", "id", "stroke-dasharray",
             "clip-path", "fill", "stroke", "font-size", "font-family", "font-weight", "opacity",
             "stroke-width", "stroke-miterlimit", "stroke-opacity", "fill-opacity", "text-anchor",
             "pointer-events", "integrity", "data-md-component", "srcset", "sizes", "rel", "type"}
# links (tel:, mailto:), meta contents and image sources are read: they are published too
NUMBER = re.compile(r"^\s*-?[\d.,]+\s*$")

_TEXT_NODE = re.compile(r">([^<]+)<")
# a file inside a stylesheet (a chart's font, charts/font_subset.py): base64 bytes, which no reader reads,
# and whose digits may run ten long; the rest of the style's text is still read
_DATA_URL = re.compile(r"url\(\s*['\"]?data:[^)'\"]*['\"]?\s*\)")
_ATTRIBUTE = re.compile(r"""\s([A-Za-z_:][-A-Za-z0-9_:.]*)=(?:"([^"]*)"|'([^']*)')""")


def _markup_texts(raw: str) -> list[str]:
    """The text nodes and the attribute values (not geometry, not bare numbers) of HTML, SVG or XML.
    (Regular expressions rather than html.parser: five times faster on a site of years of meetings.)"""
    if "data:" in raw:
        raw = _DATA_URL.sub("url()", raw)
    texts = [t for t in _TEXT_NODE.findall(raw) if t.strip()]
    for name, double, single in _ATTRIBUTE.findall(raw):
        value = double or single
        # an attribute that is only a number is a machine value (<progress max="…">), not text
        if value and name.lower() not in _GEOMETRY and not NUMBER.match(value):
            texts.append(value)
    return [html.unescape(t) if "&" in t else t for t in texts]


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (_json_strings(k) + _json_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


_PAGEFIND = b"pagefind_dcd"  # the first bytes of every decompressed Pagefind file


class UnreadableIndex(ValueError):
    """A search index file not in Pagefind's form (gzip-compressed, its signature first, then JSON or
    CBOR): its text cannot be checked, so the audit refuses it rather than pass it unread."""


def read_text(path: Path) -> str:
    """A served file as text: a search index file decompressed first (its bytes kept: `surrogateescape`)."""
    if path.suffix in INDEX_SUFFIXES:
        try:
            data = gzip.decompress(path.read_bytes())
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableIndex("not gzip-compressed") from exc
        if not data.startswith(_PAGEFIND):
            raise UnreadableIndex("no Pagefind signature")
        data = data.removeprefix(_PAGEFIND)
        return data.decode("utf-8", errors="replace" if path.suffix == ".pf_fragment" else "surrogateescape")
    if path.suffix == ".pdf":
        return pdf_text(path)
    return path.read_text(encoding="utf-8-sig", errors="replace")


def cbor_texts(data: bytes) -> list[str]:
    """Every text string in a CBOR document (RFC 8949; cbor2's C decoder), the form of Pagefind's index
    files: the words and titles, not the numbers between them (positions and counts, whose bytes would
    read as digits). Raises ValueError if it is not CBOR.

    The decoded value (lists of a few strings among hundreds of thousands of numbers) is written out by
    json's C encoder and its strings are taken from that: twice as fast as visiting each item in Python.
    A value JSON cannot hold (a byte string as a map's key, say) is visited item by item instead."""
    import cbor2

    try:
        value = cbor2.loads(data)
    except (cbor2.CBORDecodeError, EOFError, TypeError, OverflowError, RecursionError) as exc:
        raise ValueError(f"not CBOR ({exc})") from exc
    try:
        text = json.dumps(value, ensure_ascii=False, check_circular=False, default=_json_default)
    except (TypeError, ValueError, RecursionError):
        return _walk_texts(value)
    # a map's number keys come out as strings too: they are read as text, which can only add findings
    return json.loads("[" + ",".join(_JSON_STRING.findall(text)) + "]")


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _json_default(item):
    import cbor2

    if isinstance(item, cbor2.CBORTag):
        return item.value
    if isinstance(item, (set, frozenset, tuple)):
        return list(item)
    if isinstance(item, (bytes, bytearray, memoryview)):
        return None  # bytes are not text
    raise TypeError(type(item).__name__)  # anything else: visit the value item by item


def _walk_texts(value) -> list[str]:
    import cbor2

    texts: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            stack.extend(item.items())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(reversed(list(item)))
        elif isinstance(item, cbor2.CBORTag):
            stack.append(item.value)
    return texts


_EMBEDDING = re.compile("[\u202a-\u202e\u2066-\u2069]")


def pdf_text(path: Path) -> str:
    """A PDF's text in reading order (poppler's pdftotext, which puts right-to-left runs in logical order;
    its direction marks are left out, «هٔ» put back in its order). Raises UnreadableIndex when it cannot be
    read: what is unread is refused."""
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        raise UnreadableIndex("pdftotext, of Debian's poppler-utils, is not installed (make poppler)")
    done = subprocess.run([tool, "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True, timeout=120)
    if done.returncode != 0:
        raise UnreadableIndex(f"pdftotext: {done.stderr.decode('utf-8', 'replace').strip()[:200]}")
    # the hamza over a final «ه» (هٔ) comes out before it: put back as typed, so private text matches
    return _EMBEDDING.sub("", done.stdout.decode("utf-8", "replace")).replace("\u0654\u0647", "\u0647\u0654")


def texts_of(path: Path, raw: str | None = None) -> list[str]:
    """What a reader reads in one served file (`raw`: its text, when already read)."""
    if path.suffix == ".pdf":
        return (raw if raw is not None else pdf_text(path)).splitlines()
    if raw is None and path.suffix != ".xlsx":
        raw = read_text(path)
    if path.suffix == ".pf_fragment":  # a page's text, as JSON
        try:
            return _json_strings(json.loads(raw))
        except json.JSONDecodeError as exc:
            raise UnreadableIndex("not JSON") from exc
    if path.suffix in INDEX_SUFFIXES:  # words and titles in a binary (CBOR) structure
        try:
            return cbor_texts(raw.encode("utf-8", errors="surrogateescape"))
        except (ValueError, IndexError) as exc:
            raise UnreadableIndex("not CBOR") from exc
    if path.suffix in (".html", ".svg", ".xml"):
        if path.suffix == ".xml":
            raw = _FEED_ID.sub("<id></id>", raw)  # a hash (feed.py), whose hex digits may run ten long
        return _markup_texts(raw)
    if path.suffix == ".csv":
        return [cell for row in csv.reader(io.StringIO(raw)) for cell in row if cell and not NUMBER.match(cell)]
    if path.suffix == ".xlsx":
        try:
            return xlsx_texts(xlsx_sheets(path.read_bytes()))
        except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile):
            return []
    if path.suffix == ".json":
        try:
            texts = _json_strings(json.loads(raw))
        except json.JSONDecodeError:
            return [raw]
        if path.name == "pagefind-entry.json":
            texts = [t for t in texts if not _PAGEFIND_HASH.match(t)]
        return texts
    return [raw]


_PAGEFIND_HASH = re.compile(r"^[a-z]{2,3}(?:-[a-z]+)?_[0-9a-f]{10}$")  # an index's name, in Pagefind's entry file
_FEED_ID = re.compile(r"<id>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}</id>")


def xlsx_texts(sheets: list[list[list[str]]]) -> list[str]:
    return [cell for sheet in sheets for row in sheet for cell in row if cell and not NUMBER.match(cell)]
