"""Fill in a workbook in LibreOffice Calc itself, as a person at a keyboard would: open it, type a value in
each given cell, save it as XLSX and as CSV (`;` between cells, '"' around texts, Windows-1256 (LibreOffice's
encoding 38), the given sheet alone: LibreOffice names that file «<stem>-<sheet>.csv»). Run by
Debian's own Python (/usr/bin/python3), which has LibreOffice's UNO bridge (Debian's python3-uno); the
tests call it (tests/site/test_import.py) and it imports nothing of the portal.

    /usr/bin/python3 tests/libreoffice_fill.py BOOK.xlsx OUT_DIR SHEET CELL=VALUE [CELL=VALUE …]

A VALUE of digits is typed as a number, anything else as text (a formula if it starts with «=»).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # Debian's python3-uno
from com.sun.star.beans import PropertyValue


def _props(**values) -> tuple:
    out = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


def main() -> int:
    book, out_dir, sheet_name, *typed = sys.argv[1:]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"portal-test-{os.getpid()}"
        office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                                   "--norestore", f"--accept=pipe,name={pipe};urp;"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            deadline = time.monotonic() + 60
            while True:
                try:
                    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.5)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(Path(book).resolve())), "_blank", 0,
                                               _props(Hidden=True))
            sheet = doc.Sheets.getByName(sheet_name)
            sheet.unprotect("")  # the week and programme stay as they are; the typed cells are open anyway
            for item in typed:
                name, value = item.split("=", 1)
                cell = sheet.getCellRangeByName(name)
                if value.lstrip("-").isdigit():
                    cell.setValue(int(value))
                elif value.startswith("="):
                    cell.setFormula(value)
                else:
                    cell.setString(value)
            sheet.protect("")
            stem = Path(book).stem
            number = list(doc.Sheets.ElementNames).index(sheet_name) + 1  # the CSV filter's 12th option: which sheet
            doc.storeToURL(uno.systemPathToFileUrl(str((out / f"{stem}.xlsx").resolve())),
                           _props(FilterName="Calc MS Excel 2007 XML"))
            doc.storeToURL(uno.systemPathToFileUrl(str((out / f"{stem}.csv").resolve())),
                           _props(FilterName="Text - txt - csv (StarCalc)",
                                  FilterOptions=f"59,34,38,1,,0,false,false,false,false,false,{number}"))
            doc.close(True)
        finally:
            office.terminate()
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
