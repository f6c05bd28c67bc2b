"""The site's address (data/site.yaml's `site_url`, or PORTAL_SITE_URL for CI): with it, the sitemap lists
every page with an absolute address, every page has a canonical link and the feed's links are absolute;
without it, links stay relative and the build says what is missing. The version selector keeping a reader on
the same page is tested in Chromium, in tests/browser/test_published_accessibility.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import make_project, run_portal

ADDRESS = "https://aid.example.org/portal/"


def _pages(site: Path) -> list[str]:
    """Every page's address below the site's root («provinces/gilan/»), the page-not-found page excepted."""
    return sorted(p.parent.relative_to(site).as_posix().removeprefix(".") + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if "assets" not in p.parts and "pagefind" not in p.parts)


def test_with_an_address_the_sitemap_canonical_links_and_feed_are_absolute(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p")
    site_yaml = root / "data" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "site_url: https://wrong.example.org\n",
                         encoding="utf-8")
    monkeypatch.setenv("PORTAL_SITE_URL", ADDRESS.rstrip("/"))  # the setting wins over the data; a final «/» added
    code, out, err = run_portal(root, "build")
    assert code == 0 and f"published at {ADDRESS}" in out, out + err
    site = root / "site"
    listed = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    pages = _pages(site)
    assert len(pages) > 20 and sorted(listed) == sorted(ADDRESS + p.replace("/index.html", "") for p in pages)
    for page in pages:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{ADDRESS}{page}">' in html, page
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*)"', feed)
    assert links and all(link.startswith(ADDRESS) for link in links), links
    assert f'href="{ADDRESS}feed.xml"' in feed and f'href="{ADDRESS}meetings/' in feed


def test_without_an_address_links_stay_relative_and_the_build_says_so(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_SITE_URL", raising=False)
    root = make_project(tmp_path / "p")
    code, out, err = run_portal(root, "build")
    assert code == 0 and "the site's address is not set" in out, out + err
    site = root / "site"
    assert "<url>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in (site / "index.html").read_text(encoding="utf-8")
    assert 'href="./"' in (site / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["aid.example.org", "ftp://aid.example.org/", "https://", "https://a b.org/",
                                 "javascript:alert(1)", "https://aid.example.org/?q=1", "https://-x.org/"])
def test_an_address_that_is_not_one_is_refused_with_where_and_how_to_fix_it(tmp_path: Path, bad: str,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_SITE_URL", raising=False)
    root = make_project(tmp_path / "p")
    site_yaml = root / "data" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + f"site_url: '{bad}'\n", encoding="utf-8")
    code, out, err = run_portal(root, "validate")
    assert code == 1 and "data/site.yaml" in err and "site_url" in err and "is not a web address" in err, out + err
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(f"site_url: '{bad}'\n", ""), encoding="utf-8")
    monkeypatch.setenv("PORTAL_SITE_URL", bad)
    code, out, err = run_portal(root, "build")
    assert code == 1 and "PORTAL_SITE_URL" in err and "is not a web address" in err, out + err
    assert not (root / "site").exists()  # nothing published from a bad setting
