"""The example site, file for file and byte for byte, as tests/data/example-site.sha256 records it: a change
that is not meant to change what the public gets (a refactoring, a new test, a dependency's lock) cannot do so
unnoticed. `make golden` rewrites the record when a change is meant to (the commit says why)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from helpers import ROOT

RECORD = ROOT / "tests" / "data" / "example-site.sha256"


def hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def recorded() -> dict[str, str]:
    lines = [line for line in RECORD.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {path: digest for digest, path in (line.split("  ", 1) for line in lines)}


def test_the_example_site_is_byte_for_byte_what_is_recorded(example_site: Path) -> None:
    now = hashes(example_site / "site")
    if os.environ.get("PORTAL_WRITE_GOLDEN"):  # make golden
        head = [line for line in RECORD.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        RECORD.write_text("\n".join([*head, *(f"{d}  {p}" for p, d in now.items())]) + "\n", encoding="utf-8")
    before = recorded()
    assert len(before) > 400
    missing, added = sorted(set(before) - set(now)), sorted(set(now) - set(before))
    changed = sorted(p for p in set(now) & set(before) if now[p] != before[p])
    assert (missing, added, changed) == ([], [], []), (
        f"the example site changed: {len(missing)} file(s) gone {missing[:5]}, {len(added)} new {added[:5]}, "
        f"{len(changed)} changed {changed[:5]}; if that is meant, `make golden` and say why in the commit")
