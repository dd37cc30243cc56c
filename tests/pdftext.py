"""Reading rendered PDFs the way a reader checks them: contents entries against real pages."""

import io
import re

from pypdf import PdfReader

TOC_LINE = re.compile(r"^(BAB \d+|\d+\.\d+)\s+(.+?)\s*\.{3,}\s*(\d+)$")


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def printed_page_number(page_text: str) -> str:
    """The number in the footer: the last line of the page."""
    return page_text.strip().splitlines()[-1].strip()


def toc_entries(pdf: bytes) -> list[tuple[str, str, int]]:
    """(number, title, page) of every line in the table of contents (Daftar Isi)."""
    entries = []
    for text in pages_text(pdf):
        if "DAFTAR ISI" not in text:
            continue
        for line in text.splitlines():
            match = TOC_LINE.match(line.strip())
            if match:
                entries.append((match.group(1), match.group(2), int(match.group(3))))
    return entries


def page_where(pdf: bytes, heading: str) -> str:
    """The printed page number of the page on which a heading line starts (outside the contents)."""
    for text in pages_text(pdf):
        if "DAFTAR ISI" in text:
            continue
        lines = [line.strip() for line in text.splitlines()]
        if any(line == heading or line.startswith(heading + " ") for line in lines):
            return printed_page_number(text)
    raise AssertionError(f"heading {heading!r} is on no page")
