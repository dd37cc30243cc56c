"""Build an XLSX zip bomb (1.5 million rows in a few hundred KB) and time its refusal.

    .venv/bin/python bench/zipbomb.py [--rows 1500000] [--unguarded]

Prints the file's size, how long regency.imports.read_table takes to refuse it, and the
process's peak memory (RSS) before and after. ``--unguarded`` then hands the same file to
openpyxl without the checks, to show what the checks spare a web worker (minutes, and memory
that grows with the rows); it is stopped after 60 seconds.
"""

import argparse
import io
import os
import resource
import sys
import time
import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Kertas Kerja" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def zip_bomb(rows: int = 1_500_000) -> bytes:
    """A valid XLSX workbook with ``rows`` rows of one short text each, deflated hard."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>'
            )
            # rows without their optional r attribute repeat exactly, so they pack to nothing
            row = b'<row><c t="inlineStr"><is><t>Perizinan daring terpadu</t></is></c></row>'
            chunk = row * 10_000
            for _ in range(rows // 10_000):
                sheet.write(chunk)
            sheet.write(row * (rows % 10_000))
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import translation

    from regency import imports

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_500_000)
    parser.add_argument("--unguarded", action="store_true")
    args = parser.parse_args()

    bomb = zip_bomb(args.rows)
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        unpacked = sum(entry.file_size for entry in archive.infolist())
    print(
        f"bomb: {args.rows:,} rows, {len(bomb) / 1024:,.0f} KB packed, {unpacked / 2**20:,.0f} MB unpacked"
    )
    print(f"before: RSS {rss_mib():.0f} MiB, peak {peak_mib():.0f} MiB")
    translation.activate("id")
    started = time.perf_counter()
    try:
        imports.read_table(SimpleUploadedFile("bom.xlsx", bomb))
    except imports.RefusedFile as refused:
        elapsed = time.perf_counter() - started
        print(f"refused in {elapsed * 1000:.1f} ms: {refused.message}")
    else:
        print("NOT REFUSED")
    print(f"after:  RSS {rss_mib():.0f} MiB, peak {peak_mib():.0f} MiB")

    if args.unguarded:
        import signal

        from openpyxl import load_workbook

        signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError()))
        signal.alarm(60)
        started, rows = time.perf_counter(), []
        try:
            book = load_workbook(io.BytesIO(bomb), read_only=True, data_only=True)
            for values in book.worksheets[0].iter_rows(values_only=True):
                rows.append(values)  # what the imports did before: every row into a list
        except TimeoutError:
            print(f"unguarded: stopped after 60 s with {len(rows):,} rows read")
        else:
            print(f"unguarded: read {len(rows):,} rows in {time.perf_counter() - started:.1f} s")
        print(f"unguarded: RSS {rss_mib():.0f} MiB, peak {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()
