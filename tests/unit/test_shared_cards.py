"""A version's link-preview cards into the shared folder (site/shared_cards.py): stored by their bytes,
each page pointing to its card's new address, relative or absolute, and nothing moved for a site on its
own."""

from __future__ import annotations

from pathlib import Path

from generator.site.shared_cards import share_cards


def _page(url: str) -> str:
    return (f'<html><head><meta property="og:image" content="{url}">\n'
            f'<meta name="twitter:image" content="{url}"></head><body><p>cards/index.png</p></body></html>')


def _site(tmp_path: Path, host: str = "") -> Path:
    site = tmp_path / "site"
    for rel, data in {"index": b"home", "meetings/1400-06-03": b"meeting", "meetings/1400-06-10": b"meeting"}.items():
        png = site / "cards" / f"{rel}.png"
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(b"png " + data)
        png.with_suffix(".svg").write_bytes(b"<svg>" + data + b"</svg>")
    (site / "index.html").write_text(_page(f"{host}cards/index.png"), encoding="utf-8")
    meeting = site / "meetings" / "1400-06-03" / "index.html"
    meeting.parent.mkdir(parents=True)
    meeting.write_text(_page(f"{host}../../cards/meetings/1400-06-03.png" if not host
                             else f"{host}cards/meetings/1400-06-03.png"), encoding="utf-8")
    return site


def test_a_version_s_cards_go_to_the_shared_folder_by_their_bytes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    moved = share_cards(site, "../")
    assert len(moved) == 6 and moved["cards/index.svg"] == moved["cards/index.png"].replace(".png", ".svg")
    assert not (site / "cards").exists()
    shared = sorted(p.name for p in (site / "_shared" / "cards").iterdir())
    # two cards of the same bytes are one file; each PNG has its SVG under the same name (the audit's twin)
    assert len(shared) == 4 and {n.rsplit(".", 1)[0] for n in shared} == {shared[0][:-4], shared[2][:-4]}
    home = (site / "index.html").read_text(encoding="utf-8")
    name = next(n for n in shared if n.endswith(".png") and (site / "_shared/cards" / n).read_bytes() == b"png home")
    assert home.count(f'content="../_shared/cards/{name}"') == 2
    assert "<p>cards/index.png</p>" in home  # the page's text is not touched, only the two addresses
    meeting = (site / "meetings/1400-06-03/index.html").read_text(encoding="utf-8")
    assert meeting.count('content="../../../_shared/cards/') == 2
    # on the branch the shared folder is one up from the version: here, where the site's own _shared/ is
    url = meeting.split('content="')[1].split('"')[0]
    assert url.startswith("../../../_shared/cards/")
    assert (site / url.removeprefix("../../../")).read_bytes() == b"png meeting"


def test_an_absolute_address_stays_absolute_without_dots(tmp_path: Path) -> None:
    site = _site(tmp_path, "https://aid.example.org/1400-06-10/")
    share_cards(site, "../")
    home = (site / "index.html").read_text(encoding="utf-8")
    url = home.split('content="')[1].split('"')[0]
    assert url.startswith("https://aid.example.org/_shared/cards/") and url.endswith(".png") and ".." not in url


def test_a_site_on_its_own_keeps_its_cards(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = (site / "index.html").read_text(encoding="utf-8")
    assert share_cards(site, "") == {}
    assert (site / "cards/index.png").is_file() and (site / "index.html").read_text(encoding="utf-8") == before
