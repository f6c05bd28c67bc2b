"""`downloads/all.zip`: every table of the publication in one file (each CSV and JSON download, the data
package that describes them, and the licence), for whoever wants all of it at once.

Its members are byte for byte the files published beside it (the audit holds them to that, so reading
those files is reading the zip). The same data give the same bytes: members in name order, each dated
with the publication's date (the latest date any figure refers to), the same compression and the same
file attributes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from generator.model.dataset import Site
from generator.render.open_data import Citation

BUNDLE = "all.zip"
LICENCE = "LICENCE.txt"
# not tables: the cells the next publication is checked against (machine state), and the zip itself
_LEFT_OUT = ("cells.json", BUNDLE)


def licence_text(site: Site, cite: Citation) -> str:
    """The licence of an edition's downloads (`cite.ed`), as a file of its own (and in the zip)."""
    named = f" ({cite.licence_id})" if cite.licence_id else ""
    if cite.ed.fa:
        return (f"{site.organisation_fa}\n\nمجوز داده‌ها{named}: {' '.join(cite.licence.split())}\n\n"
                "هر جدول در پایان پروندهٔ CSV خود و در پروندهٔ JSON خود می‌گوید چگونه به آن استناد شود.\n")
    return (f"{site.organisation_en}\n\nLicence of the data{named}: {' '.join(cite.licence.split())}\n\n"
            "Each table says how to cite it at the end of its CSV file and in its JSON file.\n")


def bundle(files: dict[str, str | bytes], day: dt.date | None) -> bytes:
    """The zip of `files` (downloads/ by name): every CSV and JSON but the cells, and the licence."""
    day = day or dt.date(2021, 1, 1)
    when = (day.year, day.month, day.day, 12, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in sorted(files):
            if name in _LEFT_OUT or "/" in name or not name.endswith((".csv", ".json", ".txt")):
                continue
            data = files[name]
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, wherever it is built
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data, compresslevel=9)
    return out.getvalue()
