"""The theme's files the site overrides stay what the project says they are: a copy of Material's own but for
the blocks marked "portal" (site_overrides/partials/header.html and its search button)."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"


def test_the_header_partial_is_materials_own_but_for_the_search_link() -> None:
    """site_overrides/partials/header.html is a copy: an upgrade of Material that changes it is noticed."""
    ours = (ROOT / "site_overrides/partials/header.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials/header.html").read_text(encoding="utf-8")
    start = ours.index("    {#- portal:")
    end = ours.index("    {% if config.repo_url %}")
    body = ours[ours.index("-#}\n") + 4:]  # without the note at the top
    body = body.replace(ours[start:end], "")
    search_block = theirs[theirs.index('    {% if "material/search" in config.plugins %}'):
                          theirs.index("    {% if config.repo_url %}")]
    assert body == theirs.replace(search_block, "")
