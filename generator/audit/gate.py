"""The audit as the build's gate (audit/checks.py checks; this decides when, and refuses): no site replaces site/
unless the audit of what it serves finds nothing.

Much of what the site serves is written by the generator into content/ and only copied by MkDocs: the
downloads (CSV, JSON, XLSX, cells.json), the API, the feed. Those files are audited while MkDocs builds,
in one more process on the core MkDocs leaves idle (MkDocs runs on one). After the build, the audit takes
that result only if every one of those files is in the built site with exactly the bytes audited (their
SHA-256), and then reads the rest (the pages, the search index); otherwise it reads everything again. So
what is proven is still what the public gets, whichever way the build went.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from generator.audit.checks import (
    CELLS,
    SERVED,
    THEME,
    AuditFailed,
    AuditFinding,
    Rules,
    audit,
    audit_files,
    check_cells,
    look_for,
)
from generator.charts.workers import stop_now


@dataclass(frozen=True)
class Ahead:
    """The audit of the files MkDocs copies, done before they were copied: each file's digest, and what
    was found in them (paths relative to the site: MkDocs keeps them)."""

    digests: dict[str, str]
    findings: list[AuditFinding]
    seconds: float = 0.0  # how long it took (the benchmark prints it)

    def holds_for(self, site: Path, moved: dict[str, str] | None = None) -> bool:
        """Every file audited ahead is in `site` with exactly the bytes audited (where the site stage moved
        it, `moved`: a version's cards, site/shared_cards.py), and so is the CSV twin that a JSON or XLSX
        download is checked against, wherever it is served (a twin that came from elsewhere than content/
        was not read beside its JSON)."""
        moved = moved or {}
        for rel, digest in self.digests.items():
            path = site / moved.get(rel, rel)
            if not path.is_file() or _digest(path) != digest:
                return False
            twin = Path(rel).with_suffix(".csv").as_posix()
            if Path(rel).suffix in (".json", ".xlsx") and twin not in self.digests and (site / twin).exists():
                return False
        return True


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copied_files(content: Path) -> list[Path]:
    """The files of content/ that the site serves as they are: not Markdown (MkDocs turns that into
    pages), not HTML (an embed page gets its chart after MkDocs: render/embed.py), not hidden (MkDocs leaves
    dot files out), of a kind the audit reads."""
    return sorted(p for p in content.rglob("*") if p.is_file() and p.suffix in SERVED and p.suffix != ".html"
                  and not any(part.startswith(".") for part in p.relative_to(content).parts)
                  and not p.relative_to(content).as_posix().startswith(THEME))


def audit_ahead(content: Path, private_texts: list[str], rules: Rules) -> Ahead:
    """In the process beside MkDocs: the copied files of content/ (one core: MkDocs has the other)."""
    started = time.perf_counter()
    paths = copied_files(content)
    digests = {p.relative_to(content).as_posix(): _digest(p) for p in paths}
    findings = audit_files(content, paths, look_for(private_texts, rules))
    if CELLS in digests:
        findings += check_cells(content, rules)
    return Ahead(digests, findings, time.perf_counter() - started)


AHEAD_TIMEOUT = 600.0  # seconds after MkDocs and the search index: a full audit then takes over


class Gate:
    """`begin(content)` before MkDocs builds; `check(staging)` after it (and the search index): raises
    AuditFailed listing every finding, unless the site is clean. Its owner uses it as a context manager,
    which stops the process beside MkDocs however the block ends (`end()`)."""

    def __init__(self, private_texts: list[str], rules: Rules, ahead: bool = True):
        self.private_texts = list(private_texts)
        self.rules = rules
        self.ahead = ahead
        self._pool: ProcessPoolExecutor | None = None
        self._future = None
        self.used_ahead: Ahead | None = None  # the audit done ahead, when its files were served as audited
        self._collected: Ahead | None = None  # the audit done ahead, once `collect` has taken it

    def begin(self, content: Path) -> None:
        self._collected = None
        if not self.ahead:
            return
        # a new interpreter (spawn), not a fork: the chart workers' threads are running in this process
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self._future = self._pool.submit(audit_ahead, content, self.private_texts, self.rules)

    def _ahead_result(self) -> Ahead | None:
        if self._future is None:
            return self._collected
        try:
            return self._future.result(timeout=AHEAD_TIMEOUT)
        except (BrokenProcessPool, Exception):
            # the process died (out of memory, killed), failed or hangs: everything is audited after
            return None

    def collect(self) -> None:
        """Take the audit done ahead (waiting for it if need be) and stop its process: its memory is free
        for what the site stage starts next (Chromium, Pagefind). `check` uses what was collected."""
        self._collected = self._ahead_result()
        self.end()

    def check(self, staging: Path, moved: dict[str, str] | None = None) -> None:
        """The audit of the built site in `staging`: the files audited ahead are not read again if they hold
        (`moved`: where the site stage moved some of them, relative to the site)."""
        ahead = self._ahead_result()
        self.end()  # before the audit's own workers are forked
        moved = moved or {}
        if ahead is not None and ahead.holds_for(staging, moved):
            self.used_ahead = ahead
            done = frozenset(moved.get(rel, rel) for rel in ahead.digests)
            early = [AuditFinding(moved.get(f.path, f.path), f.what) for f in ahead.findings]
            findings = early + audit(staging, self.private_texts, self.rules, done)
            order = {rel: i for i, rel in enumerate(sorted({f.path for f in findings}))}
            findings.sort(key=lambda f: order[f.path])  # sorted() is stable: in-file order is kept
        else:
            findings = audit(staging, self.private_texts, self.rules)
        if findings:
            raise AuditFailed(findings)

    def __enter__(self) -> Gate:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.end()

    def end(self) -> None:
        if self._pool is not None:
            stop_now(self._pool)  # its result is had already, or of no use (a failed build): no wait
            self._pool = None
            self._future = None
