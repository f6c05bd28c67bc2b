"""The audit of a built site: what the public would get, checked before it replaces site/.

Runs on every file the site serves that carries text of ours (HTML, CSV, JSON, SVG, XML, plain text;
the theme's own scripts, styles and fonts are not ours and are left out). It reads what a reader reads:
the text of HTML pages and the values of their attributes (not SVG geometry), every CSV cell that is not
a plain number, every JSON string. It finds:

- personal data (personal_data.find): national IDs, phone numbers, postal codes, bank cards, sheba
  numbers, e-mail addresses, in any digits, however split;
- any text that staff marked private in the data (`((خصوصی …))`), anywhere;
- any household key of the registers (a pseudonym, but still a register value), as a word anywhere.

- on the tables (PRIVACY.md, "Tables"): in every figure download, a count of people (a column marked
  `"protected": true` in its JSON, and the same column of its CSV) of 1 to k−1; in downloads/cells.json
  (every protected cell of the site and the relations between them), a published count of 1 to k−1, a
  breakdown where one group holds every household, and every suppressed cell the linear-programming attack
  pins down, using this publication and the previous one together (disclosure.check_publication).
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.audit.images import png_findings
from generator.audit.served_text import NUMBER, UnreadableIndex, read_text, texts_of, xlsx_texts
from generator.audit.vintages import vintage_findings
from generator.history.vintages import is_vintages
from generator.lang import personal_data
from generator.lang.edition import EN
from generator.lang.messages import t
from generator.lang.persian import ascii_digits, fold_text, persian_digits, persian_letters
from generator.model.errors import PortalError
from generator.model.figures import TEXT_MARK, read_csv_rows, spreadsheet_safe
from generator.model.paths import CELLS, INDEX_SUFFIXES, SHARED_VINTAGES
from generator.model.publication import DEFAULT_K, DEFAULT_P, SYMBOL, Publication
from generator.protect.disclosure import check_publication
from generator.render.open_data import same_cell, xlsx_sheets

TEXT_FILES = (".html", ".csv", ".json", ".svg", ".xml", ".txt")
# an XLSX download is read as its cells (open_data.xlsx_sheets); the search index's files (Pagefind's,
# gzip-compressed: the text of every page, and its words) as the text they hold
SERVED = (*TEXT_FILES, ".xlsx", ".zip", ".png", ".pdf", *INDEX_SUFFIXES)
_THEME = ("assets/javascripts", "assets/stylesheets", "assets/fonts", "assets/images")
THEME = _THEME + tuple(EN.prefix + folder for folder in _THEME)  # each edition's MkDocs build copies the theme
_WORD = re.compile(r"[\w-]+")
_PROTECTED = re.compile(r'"protected":\s*true')


@dataclass(frozen=True)
class Rules:
    """What the tables must respect: k, the p of the p% rule, and the publication still online."""

    k: int = DEFAULT_K
    p: int = DEFAULT_P
    previous: Publication | None = None
    register_keys: frozenset[str] = frozenset()  # household keys: none may be published


@dataclass(frozen=True)
class AuditFinding:
    path: str  # relative to the site folder
    what: str

    def format(self) -> str:
        return t("{path}: {what}", path=self.path, what=self.what)


class AuditFailed(PortalError):
    """The built site would publish something it must not; site/ is left as it was."""

    def __init__(self, findings: list[AuditFinding]):
        self.findings = findings
        shown = findings[:50]
        lines = t("\n  ".join(f"{{f{i}}}" for i in range(len(shown))), **{f"f{i}": f.format() for i, f in
                                                                         enumerate(shown)})
        more = t("\n  … and {n} more", n=len(findings) - 50) if len(findings) > 50 else ""
        super().__init__(t("the audit of the built site found {n} problem(s); site/ was left as it was:\n  "
                           "{lines}{more}", n=len(findings), lines=lines, more=more))


_LOOSE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\u064b-\u065f\u0670]+")


def _canonical(text: str) -> str:
    """Text compared loosely: Persian letters (ي→ی, ك→ک), Latin digits, no spaces, invisible or combining
    marks; the site writes digits in Persian and may break lines anywhere."""
    return _LOOSE.sub("", ascii_digits(persian_letters(text)))


def served_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in SERVED
                  and not p.relative_to(site).as_posix().startswith(THEME))


@dataclass(frozen=True)
class _Look:
    """What every file is checked for, prepared once."""

    secrets: tuple[str, ...]
    anchors: frozenset[str]
    register_keys: frozenset[str]
    k: int


def audit_files(site: Path, paths: list[Path], look: _Look) -> list[AuditFinding]:
    findings: list[AuditFinding] = []
    for path in paths:
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".zip":  # downloads/all.zip: its members are the files beside it, read as themselves
            findings += _zip_members(rel, path)
            continue
        if path.suffix == ".png":  # the drawing of an SVG or PDF beside it, which is read as itself
            findings += [AuditFinding(rel, what) for what in png_findings(path)]
            continue
        sheets: list | Exception | None = None
        if path.suffix == ".xlsx":
            try:
                sheets = xlsx_sheets(path.read_bytes())  # read once: for its texts and against its twin
            except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile) as exc:
                sheets = exc
            texts = [] if isinstance(sheets, Exception) else xlsx_texts(sheets)
            raw = "\n".join(texts)
        else:
            try:
                raw = read_text(path)
                texts = texts_of(path, raw)
            except UnreadableIndex as exc:
                findings.append(AuditFinding(rel, t("a PDF whose text cannot be read ({detail}): it cannot be "
                                                    "checked", detail=str(exc)) if path.suffix == ".pdf" else
                                             t("a search index file that cannot be read ({detail}): its text "
                                               "cannot be checked; rebuild the site", detail=str(exc))))
                continue
        # one pass per file: a line break joins no digits, so texts stay apart
        for found in personal_data.find("\n".join(texts)):
            if path.suffix == ".pf_index" and found.kind == personal_data.BARE_TEN_DIGITS:
                # the index keeps a number's digits without their separators («۱٬۰۰۰٬۰۰۰٬۰۰۰» is the word
                # 1000000000): a bare ten digits there is as likely an amount. The number as written is in
                # the page and in its search fragment, where this rule applies; a certain shape (an ID's
                # check digit, a phone prefix, a card's Luhn digit) is reported here too.
                continue
            findings.append(AuditFinding(rel, t("{kind} ({masked}) is published", kind=t(found.kind),
                                                masked=found.masked)))
        if look.secrets and any(a in raw for a in look.anchors):
            whole = _canonical(" ".join(texts))
            findings.extend(AuditFinding(rel, t("text marked private in the data is published (private span {n} of "
                                                "the data; the text is not repeated here)", n=i + 1))
                            for i, s in enumerate(look.secrets) if s in whole)
        if look.register_keys:
            words = set(_WORD.findall("\n".join(texts)))
            findings.extend(AuditFinding(rel, t("a household key of the registers is published (not repeated "
                                                "here)"))
                            for _ in sorted(words & look.register_keys)[:1])
        if path.suffix == ".csv":
            findings += _formulas(rel, raw)
        if path.suffix == ".json" and rel != CELLS:
            findings += _small_counts(rel, raw, path.with_suffix(".csv"), look.k)
        if path.suffix == ".json" and is_vintages(path.name):
            findings += [AuditFinding(rel, what) for what in vintage_findings(raw, path, site / SHARED_VINTAGES)]
        if path.suffix == ".xlsx":
            findings += _xlsx_twin(rel, path, sheets)
    return findings


def _formulas(rel: str, raw: str) -> list[AuditFinding]:
    """A CSV cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a line break
    and is not a number): the download would run it on the reader's computer."""
    for n, row in enumerate(csv.reader(io.StringIO(raw.lstrip("\ufeff"))), start=1):
        for cell in row:
            if not cell.startswith(TEXT_MARK) and spreadsheet_safe(cell) != cell:
                return [AuditFinding(rel, t("line {n}: a cell a spreadsheet would read as a formula (it starts "
                                            "with «{first}»)", n=n, first=repr(cell[:1])))]
    return []


def _xlsx_twin(rel: str, path: Path, sheets: list | Exception | None) -> list[AuditFinding]:
    """An XLSX download holds exactly the cells of its CSV twin (which the other checks read), or it is
    refused: the numbers people get in Excel are the ones audited."""
    twin = path.with_suffix(".csv")
    if not twin.is_file():
        return [AuditFinding(rel, t("an XLSX file without its CSV twin: its numbers cannot be checked"))]
    if isinstance(sheets, Exception) or not sheets:
        return [AuditFinding(rel, t("cannot be read as XLSX ({detail})", detail=type(sheets).__name__))]
    sheet = sheets[0]
    rows = read_csv_rows(twin.read_text(encoding="utf-8"))
    if len(sheet) != len(rows):
        return [AuditFinding(rel, t("{n} rows, where its CSV has {m}", n=len(sheet), m=len(rows)))]
    for n, (mine, theirs) in enumerate(zip(sheet, rows, strict=True), start=1):
        padded = mine + [""] * (len(theirs) - len(mine))
        if len(padded) != len(theirs) or not all(same_cell(c, x) for c, x in zip(theirs, padded, strict=True)):
            return [AuditFinding(rel, t("row {n} differs from line {n} of its CSV", n=n))]
    return []


def _zip_members(rel: str, path: Path) -> list[AuditFinding]:
    """A zip holds only files published beside it, byte for byte (the other checks read those), or it is
    refused: what people unzip is what was audited."""
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                name = info.filename
                twin = path.parent / name
                if "/" in name or "\\" in name or name.startswith(".") or not twin.is_file() \
                        or twin.read_bytes() != z.read(info):
                    return [AuditFinding(rel, t("«{name}» in the zip is not the file of that name beside it: its "
                                                "text cannot be checked", name=name))]
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        return [AuditFinding(rel, t("cannot be read as a zip ({detail})", detail=type(exc).__name__))]
    return []


PARALLEL_FROM = 300  # files: below this, starting a second process costs more than it saves


def _scan(site: Path, paths: list[Path], look: _Look) -> list[AuditFinding]:
    """The files checked on every core (the audit runs alone, after MkDocs), findings in file order."""
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, 4)
    if workers < 2 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return audit_files(site, paths, look)
    by_size = sorted(paths, key=lambda p: -p.stat().st_size)
    shares = [by_size[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = list(pool.map(audit_files, [site] * workers, shares, [look] * workers))
    order = {p: i for i, p in enumerate(paths)}
    return sorted((f for part in parts for f in part), key=lambda f: order[site / f.path])


def look_for(private_texts: list[str], rules: Rules) -> _Look:
    """What every file is checked for, prepared once."""
    secrets = sorted({_canonical(t) for t in private_texts if len(_canonical(t)) >= 4})
    # a cheap first look for each secret: its longest word, as the site would write it
    anchors = {max(fold_text(t).split(), key=len) for t in private_texts if fold_text(t)}
    anchors = {form for a in anchors for form in (a, persian_digits(a), ascii_digits(a))}
    return _Look(tuple(secrets), frozenset(anchors), rules.register_keys, rules.k)


def audit(site: Path, private_texts: list[str] = (), rules: Rules = Rules(),
          done: frozenset[str] = frozenset()) -> list[AuditFinding]:
    """Every finding in the site at `site`, in file order. `done`: files (paths relative to the site, and
    CELLS for the tables' check) already audited with these very bytes (audit/gate.py), left out here."""
    paths = [p for p in served_files(site) if p.relative_to(site).as_posix() not in done]
    findings = _scan(site, paths, look_for(private_texts, rules))
    if CELLS not in done:
        findings += check_cells(site, rules)
    return findings


def check_cells(site: Path, rules: Rules) -> list[AuditFinding]:
    """The tables' check on downloads/cells.json: no published count of 1 to k−1, no suppressed cell the
    attack pins down, with the publication before it (disclosure.check_publication)."""
    cells = site / CELLS
    if cells.is_file():
        pub = Publication.from_json(cells.read_text(encoding="utf-8"))
        return [AuditFinding(CELLS, what) for what in check_publication(pub, rules.k, rules.p, rules.previous)]
    if any(_PROTECTED.search(p.read_text(encoding="utf-8")) for p in (site / "downloads").glob("*.json")):
        return [AuditFinding(CELLS, t("is missing, while downloads hold counts of people: without it the hidden "
                                      "figures cannot be checked"))]
    return []


def _small_counts(rel: str, raw: str, csv_path: Path, k: int) -> list[AuditFinding]:
    """Counts of people of 1 to k−1 in a figure's JSON download and in its CSV twin."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("columns"), list):
        return []
    protected = [(i, c["key"], c["label"]) for i, c in enumerate(doc["columns"]) if c.get("protected")]
    if not protected:
        return []
    found = []
    for n, row in enumerate(doc.get("rows", []), start=1):
        for _, key, label in protected:
            value = row.get(key)
            if isinstance(value, int) and 0 < value < k:
                found.append(AuditFinding(rel, t("row {n}, column «{label}»: a count of {value}, below {k}", n=n,
                                                 label=label, value=value, k=k)))
    if csv_path.is_file():
        rows = read_csv_rows(csv_path.read_text(encoding="utf-8"))
        name = csv_path.name
        for n, row in enumerate(rows[1:], start=2):
            for i, _, label in protected:
                cell = row[i] if i < len(row) else ""
                if cell.isdigit() and 0 < int(cell) < k:
                    found.append(AuditFinding(f"{Path(rel).parent.as_posix()}/{name}",
                                              t("line {n}, column «{label}»: a count of {value}, below {k}", n=n,
                                                label=label, value=int(cell), k=k)))
                elif cell not in ("", SYMBOL) and not NUMBER.match(cell):
                    found.append(AuditFinding(f"{Path(rel).parent.as_posix()}/{name}",
                                              t("line {n}, column «{label}»: «{cell}» is neither a count nor the "
                                                "suppression symbol {symbol}", n=n, label=label, cell=cell,
                                                symbol=SYMBOL)))
    return found
