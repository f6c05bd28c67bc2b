"""deploy/nginx.conf as a host serves the publish branch: Debian's nginx, started on 127.0.0.1 by this test
and stopped after it, over the branch of the example data backfilled (`portal publish --backfill` into a git
repository: one version per meeting). Every link of every version is followed and answers, and every figure
of every page is there without a script (its chart drawn, its table); each kind of file comes with its
type; a version is cached as immutable, `latest/`, `versions.json` and the root for minutes; text is
compressed; a missing address gets its version's own page-not-found; only embed pages may be framed by another site."""

from __future__ import annotations

import getpass
import gzip
import html
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from helpers import ROOT, git_project, run_portal

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TYPES = {".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".json": "application/json",
         ".csv": "text/csv", ".svg": "image/svg+xml", ".png": "image/png", ".pdf": "application/pdf",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xml": "text/xml",
         ".woff2": "font/woff2", ".wasm": "application/wasm", ".pf_fragment": "application/octet-stream",
         ".pf_index": "application/octet-stream", ".pf_meta": "application/octet-stream", ".zip": "application/zip"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory):
    assert Path(NGINX).is_file(), "Debian's nginx is needed: `make nginx` (or apt-get install nginx)"
    # the example data backfilled: one version per meeting, each from the data as they stood then
    # with both editions, as the project publishes them
    root = git_project(tmp_path_factory.mktemp("branch") / "p", data="example", english=True)
    code, out, err = run_portal(root, "publish", "--backfill")
    assert code == 0, out + err
    tree = root.parent / "srv"  # the server's folder, as `portal deploy` fills it
    code, out, err = run_portal(root, "deploy", "--to", str(tree))
    assert code == 0, out + err
    work = root.parent / "nginx"
    work.mkdir()
    port = _free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("root /srv/portal;", f"root {tree};")
    conf = conf.replace("pid /run/portal-nginx.pid;", f"pid {work}/nginx.pid;")
    # the tree is in this test's private temporary folder: the workers read it as the user running the test
    conf = conf.replace("user www-data;", f"user {getpass.getuser()};" if os.geteuid() == 0 else "")
    conf = conf.replace("error_log /var/log/nginx/portal-error.log warn;", f"error_log {work}/error.log warn;")
    temporary = "".join(f"\n    {kind}_temp_path {work}/{kind};"
                        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = conf.replace("http {", "http {" + temporary, 1)
    (work / "nginx.conf").write_text(conf, encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base, timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        yield base, tree
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "emerg" not in (work / "error.log").read_text(encoding="utf-8", errors="replace")


def _get(url: str, gzip_ok: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


_LINK = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')


_FIGURE = re.compile(r'<figure class="portal-figure"[^>]*id="([^"]+)".*?</figure>', re.S)
_CHART = re.compile(r'<div class="portal-chart[ "][^>]*>(.*?)</div>', re.S)


def _versions(tree: Path) -> list[str]:
    return sorted(p.name for p in tree.iterdir() if p.is_dir() and re.match(r"\d{4}-", p.name))


def _figures_without_javascript(url: str, page: str) -> int:
    """Every figure of a page as served, read without running a script: each chart drawn (an SVG with its
    marks), its table with rows; returns how many."""
    figures = 0
    for m in _FIGURE.finditer(page):
        block, fid = m.group(0), m.group(1)
        assert "<table" in block and "<tbody" in block and "<td" in block, (url, fid)
        for chart in _CHART.findall(block):
            assert "<svg" in chart and ("<path" in chart or "<rect" in chart), (url, fid)
        assert "portal-chart-placeholder" not in block and "<!--portal-chart:" not in block, (url, fid)
        figures += 1
    return figures


def test_every_link_of_every_version_answers_with_its_type_and_every_figure_shows_without_script(host) -> None:
    base, tree = host
    versions = _versions(tree)
    assert versions == [p.stem for p in sorted((ROOT / "data" / "meetings").glob("*.yaml"))]
    seen: dict[str, int] = {}
    figures = 0
    todo = [f"{base}{v}/" for v in versions] + [f"{base}latest/"]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        status, headers, body = _get(url)
        seen[url] = status
        assert status == 200, url
        path = urlsplit(url).path
        suffix = Path(path).suffix if not path.endswith("/") else ".html"
        if suffix in TYPES:
            assert headers["Content-Type"].split(";")[0] == TYPES[suffix], (url, headers["Content-Type"])
        if suffix == ".html":
            figures += _figures_without_javascript(url, body.decode("utf-8"))
            for link in _LINK.findall(body.decode("utf-8")):
                target = urljoin(url, html.unescape(link))
                if target.startswith(base) and "/assets/javascripts/" not in target:
                    todo.append(target)
    kinds = {Path(urlsplit(u).path).suffix for u in seen}
    assert len(seen) > 200 * len(versions) and {".csv", ".json", ".xlsx", ".png", ".svg", ".pdf"} <= kinds, kinds
    assert all(any(u.startswith(f"{base}{v}/") and u.endswith("-vintages.csv") for u in seen) for v in versions)
    assert figures > 40 * len(versions)


def test_versions_are_immutable_latest_and_the_root_are_short_lived(host) -> None:
    base, tree = host
    first, last = _versions(tree)[0], _versions(tree)[-1]
    for path in (f"{first}/", f"{first}/downloads/all.zip", f"{last}/assets/stylesheets/portal.css"):
        _, headers, _ = _get(base + path)
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ("", "latest/", "versions.json", "latest/feed.xml"):
        status, headers, _ = _get(base + path)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=300, must-revalidate", path
    _, headers, _ = _get(f"{base}{first}/provinces/gilan/")
    assert headers["X-Frame-Options"] == "SAMEORIGIN" and headers["X-Content-Type-Options"] == "nosniff"
    embeds = sorted(p.name for p in (tree / last / "embed").glob("*.html"))
    assert embeds
    status, headers, _ = _get(f"{base}{last}/embed/{embeds[0]}")
    assert status == 200 and "X-Frame-Options" not in headers  # another site's iframe may show it


def test_text_is_compressed_and_a_missing_address_gets_its_versions_404(host) -> None:
    base, tree = host
    first, last = _versions(tree)[0], _versions(tree)[-1]
    status, headers, body = _get(f"{base}{last}/", gzip_ok=True)
    assert headers.get("Content-Encoding") == "gzip" and b"<html" in gzip.decompress(body)
    for version in (first, last, "latest"):
        status, _, body = _get(f"{base}{version}/no/such/page/")
        assert status == 404 and body == (tree / version / "404.html").read_bytes(), version
    # portal deploy's list of what it wrote is in the folder, but not served
    assert (tree / ".portal-deployed.json").is_file() and _get(base + ".portal-deployed.json")[0] == 404
