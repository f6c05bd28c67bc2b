"""Every free-text field of a data folder, rewritten: what the tests that type something into every text staff
write use (a formula, markup, a newline). The fields are found by the schema (a field typed `Text`), so a
new text field is covered as soon as it is declared."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.fields import ListOf, Mapping
from generator.load import FILE_KINDS
from generator.schema import REFERENCE_KINDS, SCHEMAS
from generator.text_rules import is_free_text
from generator.value_types import Line

Rewrite = Callable[[str, str], str]  # (field path, text) -> new text


def multi_line_only(rewrite: Rewrite) -> Callable:
    """`rewrite` for the texts that may hold several lines; a one-line field (a name, title, role) as it is."""
    def only(where: str, text: str, shape=None) -> str:
        return text if isinstance(shape, Line) else rewrite(where, text)
    only.wants_shape = True
    return only


def rewrite_texts(data: Path, rewrite: Rewrite) -> int:
    """Rewrite every free text of every data file under `data` (reference files excepted) in place; return
    how many texts were rewritten. YAML files are written back without their comments."""
    done = 0
    for kind, pattern in FILE_KINDS.items():
        if kind in REFERENCE_KINDS:
            continue
        schema = SCHEMAS[kind]
        for path in sorted(data.glob(pattern)):
            if schema.csv:
                done += _rewrite_csv(path, schema.shape.item, rewrite)
            else:
                tree = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
                n = [0]
                tree = _walk(tree, schema.shape, "", rewrite, n)
                path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=1000),
                                encoding="utf-8")
                done += n[0]
    return done


def _walk(value, shape, where: str, rewrite: Rewrite, n: list[int]):
    if isinstance(shape, ListOf) and isinstance(value, list):
        return [_walk(v, shape.item, f"{where}[{i}]", rewrite, n) for i, v in enumerate(value)]
    if isinstance(shape, Mapping) and isinstance(value, dict):
        out = {}
        for key, v in value.items():
            f = shape.field(key)
            out[key] = _walk(v, f.type, f"{where}.{key}" if where else key, rewrite, n) if f else v
        return out
    if is_free_text(shape) and isinstance(value, str) and value.strip():
        n[0] += 1
        return _call(rewrite, where, value, shape)
    return value


def _call(rewrite, where: str, value: str, shape) -> str:
    return rewrite(where, value, shape) if getattr(rewrite, "wants_shape", False) else rewrite(where, value)


def _rewrite_csv(path: Path, row: Mapping, rewrite: Rewrite) -> int:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    texts = [i for i, name in enumerate(header) if row.field(name) and is_free_text(row.field(name).type)]
    done = 0
    for cells in body:
        for i in texts:
            if i < len(cells) and cells[i].strip():
                cells[i] = _call(rewrite, header[i], cells[i], row.field(header[i]).type)
                done += 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *body])
    path.write_text(out.getvalue(), encoding="utf-8")
    return done
