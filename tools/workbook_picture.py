"""The pictures of the weekly workbook in the staff guide (docs/images/workbook-*.png), as LibreOffice prints
it: the example data's workbook for one province for the coming week, filled in as a province would, saved
as PDF by LibreOffice (headless, Debian's libreoffice-calc), each page rasterised by poppler's pdftoppm and
cropped to what is printed.

    .venv/bin/python tools/workbook_picture.py [--province کرمان] [--out docs/images]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.staff import scaffold, workbook  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--province", default="کرمان")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    ds = pipeline.check(pipeline.Project.at(ROOT)).dataset
    made = workbook.workbook(ds, scaffold.next_date(ds, None), scaffold.province_named(ds, args.province))
    with tempfile.TemporaryDirectory() as tmp:
        book_path = Path(tmp) / "filled.xlsx"
        book_path.write_bytes(made.data)
        book = openpyxl.load_workbook(book_path)
        ws = book[workbook.SHEET]
        for i, row in enumerate(ws.iter_rows(min_row=2), start=0):
            row[3].value = (96, 15, 6810, 40)[i % 4]
        ws.cell(3, 5).value = "تحویل در دو نوبت"
        book.save(book_path)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(book_path)], check=True, capture_output=True, timeout=180)
        subprocess.run(["pdftoppm", "-r", "120", "-png", str(Path(tmp) / "filled.pdf"), f"{tmp}/page"], check=True)
        pages = sorted(Path(tmp).glob("page-*.png"))
        args.out.mkdir(parents=True, exist_ok=True)
        for name, page in (("workbook-guide.png", pages[0]), ("workbook-sheet.png", pages[-1])):
            image = Image.open(page).convert("RGB")
            left, top, right, bottom = ImageOps.invert(image).getbbox()
            image = image.crop((max(left - 24, 0), max(top - 24, 0), min(right + 24, image.width),
                                min(bottom + 24, image.height)))
            image.quantize(32).save(args.out / name, optimize=True)
            print(f"wrote {(args.out / name).relative_to(ROOT)} ({image.width}×{image.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
