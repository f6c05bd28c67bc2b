"""`python -m generator.staff.hygiene FILE...`: the file-level checks of the pre-commit hook (.pre-commit-config.yaml).

Each data file must be UTF-8 text with LF line endings and a final newline, and a YAML file must not be
indented with tabs. With `--fix`, line endings (CRLF or CR to LF), a missing final newline and a UTF-8
BOM are mended in place, as pre-commit's own hooks do: the commit stops, the files are fixed, and staff
add them again. A tab in YAML or a file that is not UTF-8 is only reported (its meaning is not clear).
Everything else (fields, values, personal data) is `portal validate`'s, the hook's other step.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from generator.lang.messages import language, render, t


def problems(path: Path, fix: bool = False) -> list[str]:
    """What is wrong with one file, each as `path:line: message` (a messages.Text: English, and Persian)."""
    data = path.read_bytes()
    found: list[str] = []
    fixed = data
    if data.startswith(codecs.BOM_UTF8):
        found.append(t("{path}: starts with a byte order mark (BOM); save as «UTF-8», not «UTF-8 with BOM»",
                       path=path))
        fixed = fixed[len(codecs.BOM_UTF8):]
    try:
        text = fixed.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = fixed[:exc.start].count(b"\n") + 1
        return [t("{place}: is not UTF-8 text (perhaps Windows-1256 or UTF-16); save it as «CSV UTF-8» in Excel, "
                  "or as UTF-8 in your editor", place=f"{path}:{line}")]
    if "\r" in text:
        line = text[:text.index("\r")].count("\n") + 1
        found.append(t("{place}: Windows (CRLF) or old Mac (CR) line endings; use LF", place=f"{path}:{line}"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        found.append(t("{path}: no newline at the end of the file", path=path))
        text += "\n"
    if path.suffix in (".yaml", ".yml"):
        for n, line in enumerate(text.split("\n"), start=1):
            if line[: len(line) - len(line.lstrip(" \t"))].count("\t"):
                found.append(t("{place}: a tab in the indentation; YAML is indented with spaces only",
                               place=f"{path}:{n}"))
    if fix and text.encode("utf-8") != data and not any("tab in the indentation" in f for f in found):
        path.write_bytes(text.encode("utf-8"))
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    fix = "--fix" in args
    found = [p for name in args if name != "--fix" for p in problems(Path(name), fix)]
    lang = language()
    for line in found:
        print(render(line, lang))
    if found and fix:
        print(render(t("line endings, final newlines and byte order marks were fixed where found: add the files "
                       "again (git add) and commit"), lang))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
