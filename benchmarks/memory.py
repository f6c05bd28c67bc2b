"""The memory a build holds at once: this process and every process it started (the chart workers, the
audit beside MkDocs, Chromium printing the bulletin, Pagefind), sampled together.

`ru_maxrss` gives each process's own peak, and the largest child's; adding peaks that never happened at the
same moment overstates, and counting one child's peak for each worker understates when another kind of
child is larger. A thread reads the proportional set size (Pss, /proc/PID/smaps_rollup) of every process of
the tree every `interval` seconds (the tree found from each thread's list of children, not a scan of /proc:
the sampling thread costs the build little) and keeps the largest sum, and what each kind of process held at that
moment. Pss counts a page shared by n processes as 1/n in each (Chromium's dozen processes share most of
theirs), so the sum is the memory the tree holds, not a multiple of it; a process's resident set (RSS)
counts every shared page in full: added up over Chromium's processes, about three times their Pss.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import defaultdict
from pathlib import Path

PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    """The processes `pid` started, from each of its threads' children list (Linux); no scan of /proc."""
    found: list[int] = []
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return found
    for task in tasks:
        with contextlib.suppress(OSError):  # a thread that has ended meanwhile
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _pss(pid: int) -> int:
    """The process's proportional set size: its own pages, and its share of each page it shares."""
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _kind(pid: int) -> str:
    try:
        words = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    text = b" ".join(words).decode(errors="replace")
    if pid == os.getpid():
        return "build"
    # the build's spawned Python processes: the chart workers, the audit beside MkDocs, multiprocessing's
    # resource tracker
    for needle, kind in (("chromium", "chromium"), ("pagefind", "pagefind"), ("multiprocessing", "spawned")):
        if needle in text:
            return kind
    return Path(words[0].decode(errors="replace")).name or "?"


class TreeMemory:
    """`with TreeMemory() as memory:` … `memory.peak` (bytes), `memory.at_peak` ({kind and how many: bytes})."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self.at_peak: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        tree, i = [os.getpid()], 0
        while i < len(tree):
            tree += _children(tree[i])
            i += 1
        sizes = {pid: _pss(pid) for pid in tree}
        total = sum(sizes.values())
        if total > self.peak:
            kinds: dict[str, int] = defaultdict(int)
            counts: dict[str, int] = defaultdict(int)
            for pid, size in sizes.items():
                kinds[_kind(pid)] += size
                counts[_kind(pid)] += 1
            self.peak = total
            self.at_peak = {(f"{kind} ×{counts[kind]}" if counts[kind] > 1 else kind): size
                            for kind, size in kinds.items()}

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> TreeMemory:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
