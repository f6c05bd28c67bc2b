"""The `portal` command as staff and CI run it: real processes, real exit codes."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import ROOT, make_project, run_cli, run_portal


def test_help_and_version() -> None:
    result = run_cli("--help", cwd=ROOT)
    assert result.returncode == 0
    for command in ("validate", "build", "serve", "synthesize", "schema"):
        assert command in result.stdout
    portal = Path(sys.executable).with_name("portal")
    if portal.exists():  # the installed entry point, as the README uses it
        assert subprocess.run([str(portal), "--version"], capture_output=True, text=True).stdout.startswith("portal ")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, want: str, timeout: float = 30, absent: str | None = None) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if want in last and (absent is None or absent not in last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {want!r}" + (f" without {absent!r}" if absent else ""))


def test_serve_regenerates_when_data_change(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        url = f"http://127.0.0.1:{port}/programmes/oxygen/"
        first = _get(url, "دستگاه اکسیژن‌ساز")
        # the charts are in the preview's pages (from the chart cache, inline), no placeholder is left
        assert 'class="portal-chart"' in first and 'role="img"><svg aria-hidden="true"' in first
        assert "portal-chart:" not in first
        programmes = root / "data/programmes.yaml"
        programmes.write_text(programmes.read_text(encoding="utf-8").replace(
            "name_fa: دستگاه اکسیژن‌ساز", "name_fa: دستگاه اکسیژن‌ساز بازبینی‌شده"), encoding="utf-8")
        _get(url, "دستگاه اکسیژن‌ساز بازبینی‌شده")
        # broken data: the preview keeps serving the last good pages, with the problems at the top
        shutil.copy(ROOT / "tests/data/broken/unknown-province/data/deliveries/weekly.csv",
                    root / "data/deliveries/weekly.csv")
        page = _get(url, "portal-preview-problems")
        assert "دستگاه اکسیژن‌ساز بازبینی‌شده" in page
        banner = page[page.index('class="portal-preview-problems"'):]
        assert "data/<wbr>deliveries/<wbr>weekly.csv:2: province:" in banner[:4000]
        assert "«&lt;" not in banner and "<script" not in banner[:4000]  # every text escaped
        # the preview renders only pages whose Markdown changed: the banner is on the others too (about.md
        # is written by hand, never regenerated)
        _get(f"http://127.0.0.1:{port}/about/", "portal-preview-problems")
        # fixed: the banner goes
        shutil.copy(ROOT / "tests/data/minimal/deliveries/weekly.csv", root / "data/deliveries/weekly.csv")
        _get(url, "دستگاه اکسیژن‌ساز بازبینی‌شده", absent="portal-preview-problems")
        _get(f"http://127.0.0.1:{port}/about/", "</html>", absent="portal-preview-problems")
        # a meeting's file saved: its page shows the new text, and the pages it does not change stay
        meeting = root / "data/meetings/1400-05-27.yaml"
        meeting.write_text(meeting.read_text(encoding="utf-8").replace("summary_fa: خلاصه", "summary_fa: خلاصهٔ تازه"),
                           encoding="utf-8")
        _get(f"http://127.0.0.1:{port}/meetings/1400-05-27/", "خلاصهٔ تازه")
        assert "دستگاه اکسیژن‌ساز بازبینی‌شده" in _get(url, "دستگاه اکسیژن‌ساز")
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert "regenerated" in out
    assert "data/deliveries/weekly.csv:2: province:" in out
    assert "'dirty' build" not in out  # MkDocs' warning at each of the preview's builds is not shown
    # the first build renders every page; a saved meeting, only the pages it changes; the banner, every page
    builds = [(int(n), int(total)) for n, total in re.findall(r"the preview rendered (\d+) of (\d+) pages again", out)]
    assert builds and builds[0][0] == builds[0][1] > 20, out
    assert any(0 < n <= 5 for n, _ in builds), builds


def test_serve_keeps_serving_broken_data_and_pages_that_mkdocs_would_refuse(tmp_path: Path) -> None:
    """The preview starts while the data are broken and a page links to nothing (what `portal build`
    refuses, strictly): it serves the pages, with the problems in Persian when asked, and MkDocs' warning
    is printed, not swallowed."""
    root = make_project(tmp_path / "p")
    about = root / "content/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[پیوند شکسته](nowhere.md)\n", encoding="utf-8")
    assert run_portal(root, "build")[0] == 1  # the strict build refuses the page
    shutil.copy(ROOT / "tests/data/broken/unknown-province/data/deliveries/weekly.csv",
                root / "data/deliveries/weekly.csv")
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PORTAL_LANG": "fa"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        page = _get(f"http://127.0.0.1:{port}/about/", "portal-preview-problems")
        banner = page[page.index('class="portal-preview-problems"'):][:4000]
        assert 'dir="rtl" lang="fa"' in page[page.index("portal-preview-problems") - 40:][:400]
        assert "«کرمون» نام هیچ\u200cیک از ۳۱ استان نیست" in banner
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert "mkdocs: WARNING" in out and "nowhere.md" in out


