"""`python -m generator.hygiene FILE...`: the file-level checks of the pre-commit hook (.pre-commit-config.yaml).

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


def problems(path: Path, fix: bool = False) -> list[str]:
    data = path.read_bytes()
    found: list[str] = []
    fixed = data
    if data.startswith(codecs.BOM_UTF8):
        found.append(f"{path}: starts with a byte order mark (BOM); save as «UTF-8», not «UTF-8 with BOM»")
        fixed = fixed[len(codecs.BOM_UTF8):]
    try:
        text = fixed.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = fixed[:exc.start].count(b"\n") + 1
        return [f"{path}:{line}: is not UTF-8 text (perhaps Windows-1256 or UTF-16); save it as «CSV UTF-8» "
                "in Excel, or as UTF-8 in your editor"]
    if "\r" in text:
        line = text[:text.index("\r")].count("\n") + 1
        found.append(f"{path}:{line}: Windows (CRLF) or old Mac (CR) line endings; use LF")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        found.append(f"{path}: no newline at the end of the file")
        text += "\n"
    if path.suffix in (".yaml", ".yml"):
        for n, line in enumerate(text.split("\n"), start=1):
            if line[: len(line) - len(line.lstrip(" \t"))].count("\t"):
                found.append(f"{path}:{n}: a tab in the indentation; YAML is indented with spaces only")
    if fix and text.encode("utf-8") != data and not any("tab in the indentation" in f for f in found):
        path.write_bytes(text.encode("utf-8"))
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    fix = "--fix" in args
    found = [p for name in args if name != "--fix" for p in problems(Path(name), fix)]
    for line in found:
        print(line)
    if found and fix:
        print("line endings, final newlines and byte order marks were fixed where found: add the files again "
              "(git add) and commit")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
