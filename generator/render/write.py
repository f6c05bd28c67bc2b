"""The generated files written into content/: only files whose bytes changed are replaced (atomically), and
generated pages the data no longer produces are deleted, so no stale page survives. Generated pages start
with front matter holding `generated_by: portal`; hand-written pages (without the marker) are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.lang.messages import t
from generator.model.errors import PortalError

MARKER = "generated_by: portal"


class PageInTheWay(PortalError):
    """A hand-written page is where a generated one goes."""
DOWNLOADS = "downloads"


@dataclass(frozen=True)
class WriteResult:
    written: list[str]
    unchanged: list[str]
    removed: list[str]


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---\n") and MARKER in head.split("\n---", 1)[0]


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write atomically, and only if the bytes differ (so unchanged files keep their dates)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")  # hidden: MkDocs, building meanwhile in the preview, leaves it out
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def write_feed(path: Path, text: str) -> bool:
    """The Atom feed (feed.py), beside the pages: MkDocs copies it as it is."""
    return write_if_changed(path, text)


def write_downloads(content_dir: Path, files: dict[str, str | bytes], folder_name: str = DOWNLOADS) -> WriteResult:
    """content/downloads/ (and content/api/) belong to the generator: write changed files (paths relative to
    the folder), delete every other file there."""
    folder = content_dir / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    written, unchanged, removed = [], [], []
    for name, text in sorted(files.items()):
        (written if write_if_changed(folder / name, text) else unchanged).append(name)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.relative_to(folder).as_posix() not in files:
            path.unlink()
            removed.append(path.relative_to(folder).as_posix())
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    return WriteResult(written, unchanged, removed)


def write(content_dir: Path, pages: dict[str, str]) -> WriteResult:
    written, unchanged, removed = [], [], []
    for rel, text in sorted(pages.items()):
        if not text.startswith("---\n" + MARKER):
            raise ValueError(f"{rel}: a generated page must start with the front matter marker")
        path = content_dir / rel
        if path.exists() and not is_generated(path):
            raise PageInTheWay(t("{path}: a hand-written page is in the way of a generated one; rename or "
                                    "remove it", path=str(path)))
        (written if write_if_changed(path, text) else unchanged).append(rel)
    for path in sorted(content_dir.rglob("*.md")):
        rel = path.relative_to(content_dir).as_posix()
        if rel not in pages and is_generated(path):
            path.unlink()
            removed.append(rel)
    for folder in sorted((p for p in content_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return WriteResult(written, unchanged, removed)
