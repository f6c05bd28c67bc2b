"""The bad-input corpus, beyond the broken fixtures (tests/data/broken/, one per validation error): what
staff really send, each answered with a clear message or accepted and normalised, never a traceback; and
markup typed into every text field, which never executes or renders as markup in Chromium.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from browser_checks import ALL_PAGE_TYPES
from helpers import make_project, run_portal

PAYLOAD = ' <script>window.__pwned = true</script><b class="injected">درشت</b><img class="injected" src="x" ' \
          'onerror="window.__pwned = true">**ستاره** [پیوند](javascript:alert(document.domain)) {: .injected } ' \
          '<!-- نظر --> &amp; | ستون |'


def _inject(node):
    """Every text of a YAML document, with the payload added."""
    if isinstance(node, dict):
        return {k: (v + PAYLOAD if isinstance(v, str) and k.endswith("_fa") else _inject(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_inject(v) for v in node]
    return node


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("injected") / "p", data="example")
    for path in sorted((root / "data").rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(doc, (dict, list)):
            path.write_text(yaml.safe_dump(_inject(doc), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in sorted((root / "data").rglob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        text_columns = [i for i, name in enumerate(rows[0]) if name.endswith("_fa")] if rows else []
        if text_columns and "reference" not in path.parts:
            for row in rows[1:]:
                for i in text_columns:
                    row[i] += PAYLOAD
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    return root


def test_markup_typed_into_every_text_field_never_runs_or_renders(injected: Path, browser) -> None:
    from browser_checks import serving

    with serving(injected / "site") as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        shown = 0
        for name, path in ALL_PAGE_TYPES.items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__pwned") is None, name
            assert page.locator(".injected").count() == 0, name  # no element made from a text
            assert page.locator("a[href^='javascript:']").count() == 0, name
            text = page.locator("body").inner_text()
            shown += text.count("<script>")
        page.goto(base + "meetings/1400-05-27/")
        text = page.locator("article").inner_text()
        assert "<script>window.__pwned = true</script>" in text  # shown as the text staff typed
        assert "**ستاره**" in text and "<b class=" in text
        assert dialogs == [] and shown > 5
        page.close()


