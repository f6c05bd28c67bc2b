"""Province and county names as staff type them → the reference record they mean.

Accepted for a province: its Persian or English name, its ISO code (2020 scheme), any alias listed in
data/reference/province_aliases.csv; with or without a leading «استان», Arabic or Persian ی/ک, with or
without spaces and zero-width non-joiners. Old ISO codes (before 2020) are not accepted because they
collide with the new ones (IR-01 was East Azerbaijan, now it is Gilan).
"""

from __future__ import annotations

import difflib
import re

from generator.lang.persian import fold_text, match_key

_PREFIX = re.compile(r"^\s*(استان|province\s+of)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*province\s*$", re.IGNORECASE)
_ISO = re.compile(r"^IR-(\d{2})$", re.IGNORECASE)


class PlaceIndex:
    def __init__(self, provinces: list[dict], aliases: list[dict], counties: list[dict]):
        """Rows as parsed from the reference files (dicts with the schema's field names)."""
        self._by_key: dict[str, str] = {}
        self._seen: dict[str, str | None] = {}
        self._seen_counties: dict[tuple[str, str], str | None] = {}
        self.names_fa: dict[str, str] = {}
        for p in provinces:
            code = p["iso_code"].upper()
            self.names_fa[code] = p["name_fa"]
            for name in (p["name_fa"], p["name_en"], code):
                self._by_key[self._key(name)] = code
        for a in aliases:
            self._by_key.setdefault(self._key(a["alias"]), a["iso_code"].upper())
        self._counties: dict[tuple[str, str], str] = {}
        self._county_anywhere: dict[str, list[str]] = {}
        for c in counties:
            for name in (c["name_fa"], c["name_en"], c["id"]):
                self._counties[(c["province"].upper(), match_key(name))] = c["id"]
                self._county_anywhere.setdefault(match_key(name), []).append(c["province"].upper())

    @staticmethod
    def _key(name: str) -> str:
        text = fold_text(name)
        m = _ISO.match(text.strip())
        if m:
            return f"iso:{m.group(1)}"
        text = _SUFFIX.sub("", _PREFIX.sub("", text))
        return match_key(text)

    def province(self, name: str) -> str | None:
        """The ISO code of the province `name` means, or None (remembered: rows repeat the same names)."""
        if name not in self._seen:
            self._seen[name] = self._by_key.get(self._key(name))
        return self._seen[name]

    def suggest_province(self, name: str) -> str:
        names = list(self.names_fa.values())
        close = difflib.get_close_matches(fold_text(_PREFIX.sub("", name)), names, n=1, cutoff=0.5)
        return close[0] if close else (names[0] if names else "گیلان")

    def county(self, province: str, name: str) -> str | None:
        """The id of county `name` in province `province` (ISO code), or None."""
        key = (province, name)
        if key not in self._seen_counties:
            self._seen_counties[key] = self._counties.get((province, match_key(name)))
        return self._seen_counties[key]

    def county_provinces(self, name: str) -> list[str]:
        """ISO codes of the provinces that have a county called `name` (to say where it really is)."""
        return sorted(set(self._county_anywhere.get(match_key(name), [])))
