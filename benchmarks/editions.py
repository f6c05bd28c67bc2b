"""What the English edition costs: the national site built cold with the Persian edition only, then with both.

    .venv/bin/python -m benchmarks.editions [--scale 1] [--repeat 2] [--work DIR]

Makes the synthetic national data (benchmarks/national.py) once; then, `--repeat` times each, builds it from
nothing (no site/, no .cache/: every chart and image drawn) with `portal build` in a process of its own:
without mkdocs.en.yml (the Persian edition alone), and with it and the English edition's hand-written page
(both editions). Prints each build's wall time (the fastest run: other work on the machine only ever adds
time) and the peak memory of the build's whole process tree, their ratio, and PASS or FAIL for issue 26's
target: the two editions cost at most 1.8 times the Persian one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.memory import TreeMemory

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.8


def _build(root: Path) -> tuple[float, float]:
    """One cold build of the project at `root`: (seconds, peak MiB of its process tree)."""
    for folder in (root / "site", root / ".cache"):
        shutil.rmtree(folder, ignore_errors=True)
    with TreeMemory() as memory:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build"],
                              capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}{done.stderr}")
    return seconds, memory.peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="portal-editions-"))
    persian = work / "persian"
    subprocess.run([sys.executable, "-m", "benchmarks.national", str(persian), "--scale", str(args.scale)],
                   check=True, capture_output=True)
    both = work / "both"
    shutil.copytree(persian, both)
    shutil.copy(ROOT / "mkdocs.en.yml", both / "mkdocs.en.yml")
    (both / "content" / "en").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "content" / "en" / "about.md", both / "content" / "en" / "about.md")
    figures = {}
    for name, root in (("Persian only", persian), ("both editions", both)):
        runs = [_build(root) for _ in range(args.repeat)]
        figures[name] = (min(s for s, _ in runs), max(s for s, _ in runs), max(m for _, m in runs))
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        fastest, slowest, peak = figures[name]
        print(f"{name:14} cold build {fastest:6.1f} s (slowest {slowest:.1f} s)  peak {peak:6.0f} MiB  "
              f"{pages} HTML files", flush=True)
    ratio = figures["both editions"][0] / figures["Persian only"][0]
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"two editions / Persian only: {ratio:.2f}× (target ≤ {TARGET}×): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
