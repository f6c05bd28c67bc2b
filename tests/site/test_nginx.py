"""deploy/nginx.conf as a host serves the publish branch: Debian's nginx, started on 127.0.0.1 by this test
and stopped after it, over the branch of two real publications (`portal publish` into a git repository).
Every link of both versions is followed and answers; each kind of file comes with its type; a version is
cached as immutable, `latest/`, `versions.json` and the root for minutes; text is compressed; a missing
address gets its version's own page-not-found; only embed pages may be framed by another site."""

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

from helpers import MEETING, ROOT, branch_tree, git, git_project, run_portal

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
    root = git_project(tmp_path_factory.mktemp("branch") / "p")
    code, out, err = run_portal(root, "publish")
    assert code == 0, out + err
    (root / "data/meetings/1400-06-17.yaml").write_text(MEETING.format(date="1400-06-17", number=4), encoding="utf-8")
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", "meeting 1400-06-17")
    code, out, err = run_portal(root, "publish")
    assert code == 0, out + err
    tree = branch_tree(root, root.parent / "srv")
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


def test_every_link_of_both_versions_answers_with_its_type(host) -> None:
    base, tree = host
    versions = sorted(p.name for p in tree.iterdir() if p.is_dir() and re.match(r"\d{4}-", p.name))
    assert versions == ["1400-06-10", "1400-06-17"]
    seen: dict[str, int] = {}
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
            for link in _LINK.findall(body.decode("utf-8")):
                target = urljoin(url, html.unescape(link))
                if target.startswith(base) and "/assets/javascripts/" not in target:
                    todo.append(target)
    kinds = {Path(urlsplit(u).path).suffix for u in seen}
    assert len(seen) > 200 and {".csv", ".json", ".xlsx", ".png", ".svg", ".pdf"} <= kinds, kinds


def test_versions_are_immutable_latest_and_the_root_are_short_lived(host) -> None:
    base, _ = host
    for path in ("1400-06-10/", "1400-06-10/downloads/all.zip", "1400-06-17/assets/stylesheets/portal.css"):
        _, headers, _ = _get(base + path)
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ("", "latest/", "versions.json", "latest/feed.xml"):
        status, headers, _ = _get(base + path)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=300, must-revalidate", path
    _, headers, _ = _get(base + "1400-06-10/provinces/gilan/")
    assert headers["X-Frame-Options"] == "SAMEORIGIN" and headers["X-Content-Type-Options"] == "nosniff"
    embeds = sorted(p.name for p in (host[1] / "1400-06-17" / "embed").glob("*.html"))
    assert embeds
    status, headers, _ = _get(f"{base}1400-06-17/embed/{embeds[0]}")
    assert status == 200 and "X-Frame-Options" not in headers  # another site's iframe may show it


def test_text_is_compressed_and_a_missing_address_gets_its_versions_404(host) -> None:
    base, tree = host
    status, headers, body = _get(base + "1400-06-17/", gzip_ok=True)
    assert headers.get("Content-Encoding") == "gzip" and b"<html" in gzip.decompress(body)
    for version in ("1400-06-10", "1400-06-17", "latest"):
        status, _, body = _get(f"{base}{version}/no/such/page/")
        assert status == 404 and body == (tree / version / "404.html").read_bytes(), version
