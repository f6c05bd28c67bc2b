"""The audit as the build's gate: the downloads are audited while MkDocs builds, and that result counts
only for files served with exactly the bytes audited."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from generator.audit.checks import AuditFinding, Rules, audit
from generator.audit.gate import AuditFailed, Gate, copied_files
from generator.pipeline import Project
from generator.site.build import SiteBuildError, build_site
from helpers import make_project, run_portal


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("gate") / "p")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    return root


def _gate_on(content: Path, site: Path) -> tuple[Gate, list[AuditFinding]]:
    """The gate begun on `content` and checking `site`: the gate, and what it refused the site for."""
    gate = Gate([], Rules())
    gate.begin(content)
    try:
        gate.check(site)
        return gate, []
    except AuditFailed as failed:
        return gate, failed.findings
    finally:
        gate.end()


def test_the_downloads_are_audited_ahead_and_the_result_used_when_served_as_audited(built: Path) -> None:
    copied = {p.relative_to(built / "content").as_posix() for p in copied_files(built / "content")}
    assert "downloads/cells.json" in copied and any(p.endswith(".xlsx") for p in copied)
    assert not any(p.endswith(".md") or p.startswith(".") for p in copied)
    gate, findings = _gate_on(built / "content", built / "site")
    assert findings == [] and gate.used_ahead is not None and set(gate.used_ahead.digests) == copied
    assert gate.used_ahead.findings == []


def test_the_audit_ahead_collected_before_the_check_is_used_and_its_process_stopped(built: Path) -> None:
    """build_site collects the audit done beside MkDocs before Chromium starts (Gate.collect): its process
    is gone then, and check() uses what was collected."""
    import multiprocessing

    gate = Gate([], Rules())
    gate.begin(built / "content")
    try:
        gate.collect()
        assert gate._pool is None and not [p for p in multiprocessing.active_children() if p.is_alive()]
        gate.check(built / "site")
    finally:
        gate.end()
    assert gate.used_ahead is not None and gate.used_ahead.findings == []


def test_a_finding_in_a_download_ahead_fails_the_gate_in_file_order(built: Path, tmp_path: Path) -> None:
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(built / "content", content)
    shutil.copytree(built / "site", site)
    for root in (content, site):  # as MkDocs would copy it
        (root / "downloads" / "extra.csv").write_text("نام,کارت\nالف,6037-9971-2345-6780\n", encoding="utf-8")
    page = site / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>۰۹۱۲۳۴۵۶۷۸۹</p></article>", 1),
                    encoding="utf-8")
    gate, findings = _gate_on(content, site)
    assert gate.used_ahead is not None
    assert [(f.path, f.what.split(" (")[0]) for f in findings] == [
        ("about/index.html", "a mobile phone number"), ("downloads/extra.csv", "a bank card number")]
    assert [f.format() for f in findings] == [f.format() for f in audit(site)]


def test_a_file_served_with_other_bytes_than_audited_ahead_is_audited_again(built: Path, tmp_path: Path) -> None:
    """Content clean when audited ahead, but the site serves other bytes under that name (a step between
    the generator and the site changed it): the ahead result is not used, and the finding is made."""
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(built / "content", content)
    shutil.copytree(built / "site", site)
    served = next(site.glob("downloads/*.csv"))
    served.write_text(served.read_text(encoding="utf-8") + "تماس با ۰۹۱۲۳۴۵۶۷۸۹\n", encoding="utf-8")
    gate, findings = _gate_on(content, site)
    assert gate.used_ahead is None
    rel = served.relative_to(site).as_posix()
    assert (rel, "a mobile phone number") in [(f.path, f.what.split(" (")[0]) for f in findings]


def _die(*_) -> None:
    os._exit(9)


def test_when_the_process_beside_mkdocs_dies_everything_is_audited_after(built: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.audit.gate as gate_module

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    (site / "downloads" / "extra.csv").write_text("نام,کارت\nالف,6037-9971-2345-6780\n", encoding="utf-8")
    monkeypatch.setattr(gate_module, "audit_ahead", _die)
    gate, findings = _gate_on(built / "content", site)
    assert gate.used_ahead is None
    assert [f.path for f in findings] == ["downloads/extra.csv"]


def _sleep_for_ever(*_) -> None:
    time.sleep(3600)


class _Watched(Gate):
    """A gate that keeps the process it starts beside MkDocs, to look at it afterwards."""

    def begin(self, content: Path) -> None:
        super().begin(content)
        self.processes = list(self._pool._processes.values())


def test_a_failing_mkdocs_build_stops_the_audit_beside_it(built: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.audit.gate as gate_module

    root = tmp_path / "p"
    shutil.copytree(built, root)
    (root / "content" / "about.md").write_text("[پیوند شکسته](nowhere.md)\n", encoding="utf-8")
    monkeypatch.setattr(gate_module, "audit_ahead", _sleep_for_ever)
    project = Project.at(root)
    gate = _Watched([], Rules())
    with pytest.raises(SiteBuildError, match=r"nowhere\.md"), gate:  # its owner's block, as in pipeline.build
        build_site(project.mkdocs_yml, project.content, project.site, None, gate=gate)
    assert len(gate.processes) == 1
    assert not gate.processes[0].is_alive()  # stopped, not left to audit (or sleep) for an hour
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_a_build_that_fails_leaves_no_process_of_its_own(built: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """pipeline.build owns the chart workers and the audit beside MkDocs: when MkDocs fails, both stop,
    however far they had got (the audit made to hang; every chart new, so the workers are busy)."""
    import multiprocessing

    import generator.audit.gate as gate_module
    from generator import pipeline

    root = tmp_path / "p"
    shutil.copytree(built, root)
    shutil.rmtree(root / ".cache", ignore_errors=True)  # every chart to draw: the workers have work
    (root / "content" / "about.md").write_text("[پیوند شکسته](nowhere.md)\n", encoding="utf-8")
    monkeypatch.setattr(gate_module, "audit_ahead", _sleep_for_ever)
    before = set(multiprocessing.active_children())
    with pytest.raises(SiteBuildError, match=r"nowhere\.md"):
        pipeline.build(Project.at(root))
    assert set(multiprocessing.active_children()) - before == set()
    assert (root / "site").is_dir() and not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_a_csv_twin_served_from_elsewhere_than_content_is_checked_against_its_json(tmp_path: Path) -> None:
    """A JSON download audited ahead is checked against its CSV twin; when the site serves a twin that
    content/ did not have (a theme's file, say), the ahead result does not hold and the twin is checked."""
    content, site = tmp_path / "content", tmp_path / "site"
    doc = ('{"columns": [{"key": "n", "label": "شمار", "protected": true}], "rows": [{"n": 12}]}\n')
    for root in (content, site):
        (root / "downloads").mkdir(parents=True)
        (root / "downloads" / "f.json").write_text(doc, encoding="utf-8")
    (site / "downloads" / "f.csv").write_text("شمار\n2\n", encoding="utf-8")  # not in content/
    gate = Gate([], Rules(k=5))
    gate.begin(content)
    try:
        with pytest.raises(AuditFailed) as failed:
            gate.check(site)
    finally:
        gate.end()
    assert gate.used_ahead is None
    assert [f.format() for f in failed.value.findings] == [f.format() for f in audit(site, rules=Rules(k=5))]
    assert any(f.path == "downloads/f.csv" and "a count of 2" in f.what for f in failed.value.findings)


def test_the_audit_ahead_holds_for_a_version_s_cards_moved_to_the_shared_folder(built: Path, tmp_path: Path) -> None:
    """A published version's cards move into _shared/cards/ after MkDocs (site/shared_cards.py): the audit
    done ahead still counts, read at their new place, and a finding in a card is named where it is now."""
    from generator.site.shared_cards import share_cards

    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(built / "content", content)
    shutil.copytree(built / "site", site)
    moved = share_cards(site, "../")
    assert moved and not (site / "cards").exists()
    gate = Gate([], Rules())
    gate.begin(content)
    try:
        gate.check(site, moved)
    finally:
        gate.end()
    assert gate.used_ahead is not None
    # a card whose text names a phone number, in content/ and (moved) in the site: found under its new name
    for root in (content, site / "_shared" / "cards"):
        svg = root / ("cards/index.svg" if root == content else Path(moved["cards/index.svg"]).name)
        svg.write_text(svg.read_text(encoding="utf-8").replace("</svg>", "<text>۰۹۱۲۳۴۵۶۷۸۹</text></svg>"),
                       encoding="utf-8")
    gate = Gate([], Rules())
    gate.begin(content)
    try:
        with pytest.raises(AuditFailed) as failed:
            gate.check(site, moved)
    finally:
        gate.end()
    assert gate.used_ahead is not None
    assert [f.path for f in failed.value.findings] == [moved["cards/index.svg"]]
