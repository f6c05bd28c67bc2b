"""Disclosure control proven on the built example site: what the public gets, not what the code meant.

The example data have many small weekly figures, so the site has suppressed cells. The audit passes on it;
the same site with protection taken off (only primary suppression, or a suppressed figure written back)
fails the audit, naming the file and the cell; and a build carries the previous publication's suppressions
forward.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.aggregate.totals import aggregate
from generator.audit.checks import CELLS, Rules, audit
from generator.model.publication import SYMBOL, Publication
from generator.pipeline import Project, check
from generator.protect.disclosure import SMALL, check_publication, primary, protect
from generator.protect.suppress import all_cells
from helpers import ROOT, make_project, run_portal

K = 10


@pytest.fixture
def built(example_site: Path) -> Path:
    return example_site  # read only: the tests that change it work on a copy


def _cells(site: Path) -> Publication:
    return Publication.from_json((site / CELLS).read_text(encoding="utf-8"))


def test_the_example_site_passes_and_hides_its_small_figures(built: Path) -> None:
    site = built / "site"
    pub = _cells(site)
    suppressed = pub.suppressed_keys()
    assert len(suppressed) > 50 and len(pub.keys) > 500
    assert check_publication(pub, K, 10) == []
    assert audit(site, [], Rules(K, 10)) == []
    # every small figure of the data is hidden on the site
    ds = check(Project.at(built)).dataset
    cells = all_cells(ds, aggregate(ds))
    small = {cells.keys[i] for i, v in enumerate(cells.values) if cells.kinds[i] == "count" and 0 < v < K}
    assert small and small <= suppressed


def test_pages_and_downloads_show_the_symbol_exactly_where_the_cells_are_suppressed(built: Path) -> None:
    site = built / "site"
    pub = _cells(site)
    ds = check(Project.at(built)).dataset
    checked = 0
    for p in ds.provinces:
        path = site / "downloads" / f"province-{p.slug}-over-time.json"
        if not path.exists():
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        period = doc["columns"][0]["key"]
        html = (site / "provinces" / p.slug / "index.html").read_text(encoding="utf-8")
        csv_text = path.with_suffix(".csv").read_text(encoding="utf-8-sig")
        for row in doc["rows"]:
            for column in doc["columns"][1:]:
                if "joins" in column:  # a Gregorian date beside the week: not a figure
                    continue
                value = row[column["key"]]
                if value is None:
                    continue
                published = pub.value(("deliveries", column["key"], p.iso_code, row[period]))
                assert (value == SYMBOL) == (str(published) == SYMBOL), (path.name, row, column["key"])
                if value != SYMBOL:
                    assert value == published
                checked += 1
        assert (SYMBOL in html) == (SYMBOL in csv_text)
    assert checked > 300


def test_the_site_with_protection_off_fails_the_audit(built: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    ds = check(Project.at(built)).dataset
    cells = all_cells(ds, aggregate(ds))
    only_primary = primary(cells, K)
    bare = Publication(tuple(cells.keys), tuple(None if i in only_primary else v for i, v in enumerate(cells.values)),
                       tuple(cells.kinds), tuple(cells.relations), tuple(cells.attribute), links=tuple(cells.links))
    (site / CELLS).write_text(bare.to_json(), encoding="utf-8")
    findings = [f.format() for f in audit(site, [], Rules(K, 10))]
    assert findings and all(f.startswith(f"{CELLS}: ") for f in findings)
    assert any(f.startswith(f"{CELLS}: suppressed cell deliveries/") and "is exactly" in f for f in findings)
    # an amount of rials beside a hidden month of households gives the month away (a fixed payment)
    month = bare.index[("households", "family-support", "month", "1400-06")]
    values = list(bare.values)
    values[month] = None
    (site / CELLS).write_text(Publication(bare.keys, tuple(values), bare.kinds, bare.relations, bare.attribute,
                                          links=bare.links).to_json(), encoding="utf-8")
    assert (f"{CELLS}: cell rials/family-support/country is published while households/family-support/month/"
            "1400-06, which it reveals, is hidden") in [f.format() for f in audit(site, [], Rules(K, 10))]

    # no suppression at all: a small figure written back into a download
    (site / CELLS).write_text(Publication(bare.keys, tuple(cells.values), bare.kinds, bare.relations,
                                          bare.attribute).to_json(), encoding="utf-8")
    download = next(p for p in sorted((site / "downloads").glob("province-*-over-time.json"))
                    if SYMBOL in p.read_text(encoding="utf-8"))
    doc = json.loads(download.read_text(encoding="utf-8"))
    row = next(r for r in doc["rows"] if SYMBOL in r.values())
    column = next(k for k, v in row.items() if v == SYMBOL)
    row[column] = 3
    download.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    found = [f.format() for f in audit(site, [], Rules(K, 10))]
    assert any(f.startswith(f"downloads/{download.name}: row ") and "a count of 3, below 10" in f for f in found)
    assert any("publishes a count of" in f and f.startswith(CELLS) for f in found)


def test_a_build_carries_the_previous_publications_suppressions_forward(built: Path, tmp_path: Path) -> None:
    """Last week's site (still online) hid a figure that this week's data would show (its value was small
    then): this week's build hides it again, with what protected it, and the two together pass."""
    root = tmp_path / "p"
    shutil.copytree(built, root)
    cells = all_cells(*_dataset_and_aggregates(root))
    current = _cells(root / "site")
    key = next(k for k, v in zip(current.keys, current.values, strict=True) if v is not None and v > 100
               and k[2] not in ("country", "to-date") and k[3] != "all")
    cells.reasons[cells.index[key]] = SMALL
    previous = protect(cells, K, 10)
    assert key in previous.suppressed_keys()
    (root / "site" / CELLS).write_text(previous.to_json(), encoding="utf-8")
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    now = _cells(root / "site")
    assert str(now.value(key)) == SYMBOL
    assert previous.suppressed_keys() <= now.suppressed_keys()
    assert check_publication(now, K, 10, previous) == []


def test_two_publications_that_together_reveal_a_cell_fail_the_audit(built: Path, tmp_path: Path) -> None:
    """Last week's site showed a figure that this week's hides as a partner: with both online, the small
    figure it protects is exposed. `portal audit --previous` finds it; the site alone passes."""
    root = tmp_path / "p"
    shutil.copytree(built, root)
    pub = _cells(root / "site")
    truth = all_cells(*_dataset_and_aggregates(root))
    secondary = [i for i, v in enumerate(pub.values)
                 if v is None and not 0 < truth.values[truth.index[pub.keys[i]]] < K]
    assert secondary
    values = list(pub.values)
    for i in secondary:
        values[i] = truth.values[truth.index[pub.keys[i]]]
    previous = tmp_path / "previous-cells.json"
    previous.write_text(Publication(pub.keys, tuple(values), pub.kinds, pub.relations, pub.attribute).to_json(),
                        encoding="utf-8")
    assert run_portal(root, "audit")[0] == 0
    code, _, err = run_portal(root, "audit", "--previous", str(previous))
    assert code == 1
    assert f"{CELLS}: suppressed cell deliveries/" in err and "this site must not be published" in err


def _dataset_and_aggregates(root: Path):
    ds = check(Project.at(root)).dataset
    return ds, aggregate(ds)


def test_a_household_key_of_the_registers_anywhere_on_the_site_fails_the_audit(built: Path, tmp_path: Path) -> None:
    checked = check(Project.at(built))
    keys = frozenset(checked.register_keys)
    assert len(keys) >= 100  # the example register is read, and the built site passed with its keys
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    assert audit(site, [], Rules(K, 10, None, keys)) == []
    page = site / "about" / "index.html"
    key = sorted(keys)[0]
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", f"<p>پرونده {key}</p></article>", 1),
                    encoding="utf-8")
    found = [f.format() for f in audit(site, [], Rules(K, 10, None, keys))]
    assert found == ["about/index.html: a household key of the registers is published (not repeated here)"]
    assert key not in found[0]


def test_a_small_figure_about_people_in_the_minutes_is_hidden_on_every_page(tmp_path: Path) -> None:
    """A province reports 3 deaths in a meeting: the meeting page and the province page show ×, the
    figure is a cell of cells.json, and the vaccination centres (not people) stay as they are."""
    source = (ROOT / "data" / "meetings" / "1400-05-27.yaml").read_text(encoding="utf-8")
    patched = source.replace('''      - indicator: vaccination-centres
        value: 8''', '''      - indicator: vaccination-centres
        value: 8
      - indicator: deaths
        value: 3''', 1)
    assert patched != source
    root = make_project(tmp_path / "p", data="example", overlay={"meetings/1400-05-27.yaml": patched})
    code, out, err = run_portal(root, "build")
    assert code == 0, out + err
    site = root / "site"
    key = next(k for k in _cells(site).keys if k[0] == "minutes" and k[3] == "deaths" and k[2] != "country")
    assert str(_cells(site).value(key)) == SYMBOL
    meeting = (site / "meetings" / "1400-05-27" / "index.html").read_text(encoding="utf-8")
    kerman = (site / "provinces" / "kerman" / "index.html").read_text(encoding="utf-8")
    for page in (meeting, kerman):
        assert "× نفر" in page and "۳ نفر" not in page
        assert "۸ مرکز" in page
    # the same number written in the report's text would publish it: validation refuses it, with the line
    told = patched.replace("سپاه کرمان ۸ مرکز اختصاصی واکسن دایر کرده است.",
                           "سپاه کرمان ۸ مرکز اختصاصی واکسن دایر کرده است و ۳ نفر درگذشته‌اند.", 1)
    assert told != patched
    (root / "data" / "meetings" / "1400-05-27.yaml").write_text(told, encoding="utf-8")
    code, _, err = run_portal(root, "validate")
    line = told.splitlines().index(next(t for t in told.splitlines() if "۳ نفر درگذشته" in t)) + 1
    assert code == 1 and f"data/meetings/1400-05-27.yaml:{line}: reports[" in err
    assert "[small-count-in-text]" in err and "«۳ نفر»" in err
