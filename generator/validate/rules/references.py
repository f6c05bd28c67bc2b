"""Rules on the reference data (data/reference/: provinces, their aliases, counties, boundaries), part of the
validate stage: rarely edited, but every place in the data is resolved through them, so an edit that breaks
them is named like any other problem, never left to fail later.

- every province code is an ISO 3166-2:IR code (IR- and two digits) and is given once, with a name of its own;
- every county and every alias belongs to a province of the reference;
- the boundaries (provinces.topo.json) have exactly one geometry per province, with the province's code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.lang.messages import t
from generator.load.files import BOUNDARIES
from generator.model.problems import Problem

if TYPE_CHECKING:
    from generator.validate.validated import Validated

ISO_CODE = re.compile(r"^IR-[0-9]{2}$")


def province_codes(v: Validated) -> set[str]:
    """The codes of the reference's provinces, as written well (upper case)."""
    return {str(rec["iso_code"]).upper() for _, rec in v.records("provinces")
            if rec.get("iso_code") and ISO_CODE.match(str(rec["iso_code"]).upper())}


def reference_files(v: Validated) -> Iterator[Problem]:
    codes = province_codes(v)
    names: dict[tuple[str, str], tuple[str, int]] = {}
    renamed = v.renamed
    old_of = {new: old for old, new in renamed.items()}
    for path, rec in v.records("provinces"):
        code = rec.get("iso_code")
        if code and not ISO_CODE.match(str(code).upper()):
            old = old_of.get(str(code).upper())
            yield Problem(path, rec.line, "iso_code", "invalid-code",
                          t("«{code}» is not an ISO 3166-2:IR province code", code=code),
                          t("write it back as {old}, the code its boundary and counties use", old=old) if old else
                          t("write the code as IR- and two digits, as in the 2020 scheme (IR-00 … IR-30), e.g. "
                            "IR-01 for Gilan"))
        for key in ("name_fa", "name_en"):
            name = rec.get(key)
            if not name:
                continue
            if (key, name) in names:
                where, line = names[(key, name)]
                yield Problem(path, rec.line, key, "duplicate-id",
                              t("province name «{name}» is already used at {place}", name=name,
                                place=f"{where}:{line}"),
                              t("give each province its own name"))
            else:
                names[(key, name)] = (path, rec.line)
    users: dict[str, int] = {}
    for kind, key in (("counties", "province"), ("province_aliases", "iso_code")):
        for path, rec in v.records(kind):
            code = rec.get(key)
            if code and str(code).upper() in renamed:
                users[str(code).upper()] = users.get(str(code).upper(), 0) + 1
            elif code and str(code).upper() not in codes:
                yield Problem(path, rec.line, key, "unknown-province",
                              t("«{code}» is not the code of a province in data/reference/provinces.csv", code=code),
                              t("use the code of one of its provinces, e.g. {example}",
                                example=min(codes) if codes else "IR-01"))
    for path, rec in v.records("provinces"):
        code = str(rec.get("iso_code") or "").upper()
        old = old_of.get(code)
        if old and ISO_CODE.match(code):
            yield Problem(path, rec.line, "iso_code", "province-code-changed",
                          t("province «{name}» is {code} here, but {old} in its boundary and in {n} row(s) of the "
                            "counties and aliases", name=rec.get("name_fa"), code=code, old=old,
                            n=users.get(old, 0)),
                          t("give it one code everywhere: its ISO 3166-2:IR code of the 2020 scheme (restore the "
                            "reference files from git)"))
    yield from _boundaries(v, codes, renamed)


def renamed_codes(provinces: list[dict], boundaries: dict | None) -> dict[str, str]:
    """{old code: new code} for each province whose code changed in provinces.csv alone: it has no boundary
    of its code, and a boundary of its name has a code that no province has. Its counties and aliases,
    under the old code, are still its own (one problem is reported, not one per row that names them)."""
    if boundaries is None:
        return {}
    codes = {str(p.get("iso_code") or "").upper() for p in provinces}
    geometries = boundaries["objects"]["provinces"]["geometries"]
    ids = {g["id"] for g in geometries}
    by_name = {name: g["id"] for g in geometries if g["id"] not in codes
               and isinstance(name := (g.get("properties") or {}).get("name_fa"), str)}
    found = {}
    for p in provinces:
        code = str(p.get("iso_code") or "").upper()
        if code not in ids and p.get("name_fa") in by_name:  # a code well formed or not («IR-99», «IR-1»)
            found[by_name[p["name_fa"]]] = code
    return found


def _boundaries(v: Validated, codes: set[str], renamed: dict[str, str]) -> Iterator[Problem]:
    if v.boundaries is None or not codes:
        return  # unreadable or missing: already reported by the load stage
    rel = next((f.file.path for f in v.files.get("provinces", [])), "data/reference/provinces.csv")
    where = rel.rsplit("/", 1)[0] + "/" + BOUNDARIES.rsplit("/", 1)[1]
    geometries = [g for g in v.boundaries["objects"]["provinces"]["geometries"] if g["id"] not in renamed]
    seen: set[str] = set()
    for i, g in enumerate(geometries):
        code = g["id"]
        field = f"objects.provinces.geometries[{i}].id"
        if code in seen:
            yield Problem(where, 0, field, "boundary-mismatch", t("two boundaries have the code «{code}»", code=code),
                          t("restore the file from git: it is reference data, not edited by hand"))
        elif code not in codes:
            yield Problem(where, 0, field, "boundary-mismatch",
                          t("the boundary «{code}» is of no province in data/reference/provinces.csv", code=code),
                          t("give the province its code again in provinces.csv, or restore both files from git"))
        seen.add(code)
    for path, rec in v.records("provinces"):
        code = str(rec.get("iso_code") or "").upper()
        if code in codes and code not in seen and code not in renamed.values():
            yield Problem(path, rec.line, "iso_code", "boundary-mismatch",
                          t("province «{code}» has no boundary in {file}", code=code, file=where),
                          t("give the province its code again (the boundaries use the 2020 codes IR-00 … IR-30), "
                            "or restore both files from git"))
