"""Every free-text field of a data folder, rewritten: what the tests that type something into every text staff
write use (a formula, markup, a newline). The fields are found by the schema (a field typed `Text`), so a
new text field is covered as soon as it is declared."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.load.files import FILE_KINDS
from generator.schema.fields import ListOf, Mapping
from generator.schema.files import REFERENCE_KINDS, SCHEMAS
from generator.schema.value_types import Line
from generator.validate.rules.texts import is_free_text

Rewrite = Callable[[str, str], str]  # (field path, text) -> new text


def rewrite_texts(data: Path, rewrite: Rewrite, one_line_too: bool = True) -> int:
    """Rewrite every free text of every data file under `data` (reference files excepted) in place; return
    how many texts were rewritten. `one_line_too=False` leaves the one-line fields (names, titles, roles)
    as they are. YAML files are written back without their comments."""
    wanted = is_free_text if one_line_too else (lambda shape: is_free_text(shape) and not isinstance(shape, Line))
    done = 0
    for kind, pattern in FILE_KINDS.items():
        if kind in REFERENCE_KINDS:
            continue
        schema = SCHEMAS[kind]
        for path in sorted(data.glob(pattern)):
            if schema.csv:
                done += _rewrite_csv(path, schema.shape.item, rewrite, wanted)
            else:
                tree = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
                n = [0]
                tree = _walk(tree, schema.shape, "", rewrite, n, wanted)
                path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=1000),
                                encoding="utf-8")
                done += n[0]
    return done


def _walk(value, shape, where: str, rewrite: Rewrite, n: list[int], wanted):
    if isinstance(shape, ListOf) and isinstance(value, list):
        return [_walk(v, shape.item, f"{where}[{i}]", rewrite, n, wanted) for i, v in enumerate(value)]
    if isinstance(shape, Mapping) and isinstance(value, dict):
        out = {}
        for key, v in value.items():
            f = shape.field(key)
            out[key] = _walk(v, f.type, f"{where}.{key}" if where else key, rewrite, n, wanted) if f else v
        return out
    if wanted(shape) and isinstance(value, str) and value.strip():
        n[0] += 1
        return rewrite(where, value)
    return value


def _rewrite_csv(path: Path, row: Mapping, rewrite: Rewrite, wanted) -> int:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    texts = [i for i, name in enumerate(header) if row.field(name) and wanted(row.field(name).type)]
    done = 0
    for cells in body:
        for i in texts:
            if i < len(cells) and cells[i].strip():
                cells[i] = rewrite(header[i], cells[i])
                done += 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *body])
    path.write_text(out.getvalue(), encoding="utf-8")
    return done
