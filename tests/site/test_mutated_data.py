"""Whatever staff do to a data file, the tools only ever succeed or list problems: never a traceback, never a
half-written site (a property test with Hypothesis).

Each example takes the example data and breaks one to three files the way hands and tools break them:
a line deleted, duplicated, swapped with another or cut short; a CSV cell emptied, changed, moved or a
comma added; a YAML key renamed, its value replaced or its indentation changed; a code, id or date
changed into another (a province code, a programme id, a meeting's date); two cells of a row or two keys
swapped; a file cut at any byte. Then:

- `portal validate` exits 0, or exits 1 having printed nothing but problems (`path:line: field: …`) and
  the summary line: no `error:` line (what an unexpected exception would print) and no traceback;
- `portal build`, on a smaller sample that builds for real, does the same, and when it refuses the data the
  site built before is still there byte for byte.

The examples are the same on every run (`derandomize`), so CI is repeatable; `PORTAL_MUTATIONS=5000` runs
more of them to look for new cases.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import make_project, run_portal

EXAMPLES = int(os.environ.get("PORTAL_MUTATIONS", "300"))
BUILDS = int(os.environ.get("PORTAL_MUTATED_BUILDS", "12"))
RANDOM = os.environ.get("PORTAL_MUTATIONS_RANDOM")  # set: new examples each run, to look for new cases


def _examples(n: int):
    """Hypothesis settings for n examples: the same ones on every run unless RANDOM is set."""
    return settings(max_examples=n, deadline=None, derandomize=RANDOM is None, database=None,
                    suppress_health_check=list(HealthCheck))
PROBLEM = re.compile(r"^\S+?(:\d+)?: (\S+: )?.*\[[a-z0-9-]+\]; fix: .+$|^\S+: … and \d+ more of the same \[")
SUMMARY = re.compile(r"^\d+ error\(s\) found; nothing was built\. Fix them and run the command again\.$")

# what a value may become: another code, id, date or number, nothing, or something that is not one
REPLACEMENTS = st.sampled_from([
    "", " ", "IR-99", "IR-00", "IR-1", "ir-05", "XX-01", "oxygen-concentrators", "family-support", "no-such-id",
    "1400-05-27", "1400-13-01", "1500-01-01", "1399-12-30", "1400-07-28", "2021-08-18", "27/05/1400", "0", "-1",
    "3", "۷", "1e9", "99999999999999999999", "yes", "no", "maybe", "null", "~", "[]", "{}", "[a, b", "'", '"',
    "&anchor", "*anchor", "!!python/object:os.system", "!custom x", "- item", "key: value", "\t", "a,b", '"a""b"',
    '[""]', '["", گیلان]', '""', "''", '{a: 1}',
    "((خصوصی ۳ خانواده))", "((خصوصی", "۳ خانواده", "09121234567", "=HYPERLINK(\"http://e.example\")",
    "<script>alert(1)</script>", "گیلان", "کرمون", "Kerman", "\u200c", "ي ك", "🙂",
])


def _files(data: Path) -> list[Path]:
    return sorted(p for p in data.rglob("*") if p.is_file() and p.suffix in (".yaml", ".csv", ".json"))


def _weighted(paths: list[str]) -> list[str]:
    """The files to break, the reference files and the boundaries among them as often as the others."""
    return paths + [p for p in paths if p.startswith("reference/")] * 2


@st.composite
def _mutation(draw, paths: list[str]):
    """(file, what to do to it) for one to three files."""
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["delete-line", "duplicate-line", "swap-lines", "truncate", "replace-token",
                                     "replace-value", "cell", "swap-cells", "indent", "insert-line", "rename-key",
                                     "swap-keys", "json"]))
        edits.append((path, kind, draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6)),
                      draw(REPLACEMENTS)))
    return edits


_TOKEN = re.compile(r"IR-\d\d|\d{4}-\d\d-\d\d|[a-z]+(?:-[a-z0-9]+)+|[۰-۹0-9]+|[^\s,:]+")


def _apply(data: Path, edits: list[tuple]) -> None:
    for rel, kind, a, b, value in edits:
        path = data / rel
        raw = path.read_bytes()
        if kind == "truncate":
            path.write_bytes(raw[: a % (len(raw) + 1)])
            continue
        if kind == "json":
            if rel.endswith(".json"):
                _edit_json(path, a, b, value)
            continue
        text = raw.decode("utf-8", "surrogateescape")  # a file cut inside a character stays cut
        lines = text.split("\n")
        i, j = a % len(lines), b % len(lines)
        if kind == "delete-line":
            del lines[i]
        elif kind == "duplicate-line":
            lines.insert(i, lines[i])
        elif kind == "swap-lines":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert-line":
            lines.insert(i, value)
        elif kind == "indent":
            lines[i] = ("  " + lines[i]) if b % 2 else lines[i].lstrip()
        elif kind == "replace-token":
            tokens = list(_TOKEN.finditer(lines[i]))
            if tokens:
                m = tokens[b % len(tokens)]
                lines[i] = lines[i][: m.start()] + value + lines[i][m.end():]
        elif kind == "replace-value":
            if ":" in lines[i] and rel.endswith(".yaml"):
                key, _ = lines[i].split(":", 1)
                lines[i] = f"{key}: {value}"
            else:
                lines[i] = value
        elif kind == "rename-key" and ":" in lines[i]:
            key, rest = lines[i].split(":", 1)
            lines[i] = f"{key}{value or 'x'}:{rest}"
        elif kind == "swap-cells" and "," in lines[i]:
            cells = lines[i].split(",")
            x, y = a % len(cells), b % len(cells)
            cells[x], cells[y] = cells[y], cells[x]
            lines[i] = ",".join(cells)
        elif kind == "swap-keys" and ":" in lines[i] and ":" in lines[j]:
            (ki, vi), (kj, vj) = lines[i].split(":", 1), lines[j].split(":", 1)
            indent_i, indent_j = ki[: len(ki) - len(ki.lstrip())], kj[: len(kj) - len(kj.lstrip())]
            lines[i], lines[j] = f"{indent_i}{kj.strip()}:{vi}", f"{indent_j}{ki.strip()}:{vj}"
        elif kind == "cell" and "," in lines[i]:
            cells = lines[i].split(",")
            k = b % len(cells)
            if b % 3 == 0:
                cells.insert(k, value)  # one cell too many
            elif b % 3 == 1:
                cells[k] = value
            else:
                del cells[k]
            lines[i] = ",".join(cells)
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))


def _edit_json(path: Path, a: int, b: int, value: str) -> None:
    """One place of a JSON file (the boundaries) changed in its structure: a key deleted, a value of another
    type, an id changed, a list emptied; the file stays JSON."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return
    places: list[tuple[object, object]] = []

    def walk(node, depth: int) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for i, (key, child) in enumerate(items):
            if isinstance(node, list) and i > 3:
                break  # a few items of each list: the arcs are thousands of points
            places.append((node, key))
            if depth < 6:
                walk(child, depth + 1)

    walk(doc, 0)
    if not places:
        return
    node, key = places[a % len(places)]
    change = b % 5
    if change == 0 and isinstance(node, dict):
        del node[key]
    elif change == 1:
        node[key] = value
    elif change == 2:
        node[key] = [] if not isinstance(node[key], list) else {}
    elif change == 3:
        node[key] = [[1]] if not isinstance(node[key], int) else -10**6
    else:
        node[key] = None
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def _only_problems(code: int, out: str, err: str) -> None:
    assert "Traceback" not in out + err
    assert code in (0, 1), (code, out, err)
    if code == 1:
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines and SUMMARY.match(lines[-1]), err[-3000:]
        strays = [line for line in lines[:-1] if not PROBLEM.match(line)]
        assert strays == [], err[-3000:]


@pytest.fixture(scope="module")
def example_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("mutated") / "base", data="example")


def test_validate_only_ever_succeeds_or_lists_problems(example_data: Path, tmp_path_factory) -> None:
    paths = _weighted([p.relative_to(example_data / "data").as_posix() for p in _files(example_data / "data")])
    work = tmp_path_factory.mktemp("validate") / "p"

    @_examples(EXAMPLES)
    @given(_mutation(paths))
    def check(edits) -> None:
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(example_data, work)
        _apply(work / "data", edits)
        _only_problems(*run_portal(work, "validate"))

    check()


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_only_ever_succeeds_or_lists_problems_and_keeps_the_site_it_had(example_site: Path,
                                                                              tmp_path_factory) -> None:
    data = example_site / "data"
    paths = _weighted([p.relative_to(data).as_posix() for p in _files(data)])
    base = tmp_path_factory.mktemp("built") / "p"
    shutil.copytree(example_site, base)  # a project with its site built, and its charts in the cache
    before = _tree(base / "site")
    work = base.parent / "work"
    outcomes = []

    @_examples(BUILDS)
    @given(_mutation(paths))
    @example([("site.yaml", "insert-line", 0, 0, "")])  # harmless: a blank first line; the build succeeds
    @example([("programmes.yaml", "truncate", 7, 0, "")])  # the file cut short; the build fails
    def check(edits) -> None:
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(base, work)
        _apply(work / "data", edits)
        code, out, err = run_portal(work, "build")
        _only_problems(code, out, err)
        outcomes.append(code)
        if code == 1:
            assert _tree(work / "site") == before  # nothing already built is lost

    check()
    assert 0 in outcomes and 1 in outcomes, outcomes  # both ways out were taken
