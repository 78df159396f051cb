"""Bounds on what a Word or PDF file inflates to, checked before the file is opened.

The size limit on disk (--max-file-size) says little of a compressed format: a .docx of a few KB can hold
XML that inflates to gigabytes, a PDF a content stream that does. A Word file's members declare their sizes
(and `zipfile` reads no more than declared: a member that lies fails its CRC); a PDF's Flate streams are
inflated here once, each up to the limit, before PDFium or pdfminer sees them. Either way a file past the
limit is one line, `InflateError`, and the other files go on.

The limits follow --max-file-size: one member or stream at most `PART` of it, all of them together at most
`TOTAL` times it (the 38 PDFs and the Word file of the shared corpus inflate to at most 10 times their size
and 13 MB in all, no stream above 3 MB).
"""

from __future__ import annotations

import re
import zipfile
import zlib

PART = 0.5  # one inflated member or stream, as a share of --max-file-size
TOTAL = 4  # all of them, as a multiple of --max-file-size
MAX_PAGES = 5000  # more pages than any report has: a hostile page tree
CHUNK = 1 << 16
STREAM = re.compile(rb"stream\r?\n")


class InflateError(Exception):
    """The file inflates past its limit; the message is one line for stderr."""


def _mb(n: float) -> str:
    return f"{n / 1048576:.0f} MB"


def check_docx(path: str, max_bytes: int) -> None:
    """Refuse a Word file whose members, as declared, inflate past the limits."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: python-docx says why, as for any damaged file
    total = 0
    for info in infos:
        if info.file_size > max_bytes * PART:
            raise InflateError(
                f"{path}: {info.filename} inflates to {_mb(info.file_size)}, more than the limit of "
                f"{_mb(max_bytes * PART)} (half of --max-file-size)"
            )
        total += info.file_size
    if total > max_bytes * TOTAL:
        raise InflateError(f"{path}: inflates to {_mb(total)}, more than {TOTAL} × --max-file-size")


def _inflated(data: bytes, start: int, limit: int) -> int:
    """How many bytes the Flate stream at `start` inflates to, counted up to `limit` + 1 (0: not Flate)."""
    d = zlib.decompressobj()
    pos = start
    n = 0
    try:
        while n <= limit:
            buf = d.unconsumed_tail
            if not buf:
                buf = data[pos : pos + CHUNK]
                pos += CHUNK
                if not buf:
                    break
            n += len(d.decompress(buf, limit + 1 - n))
            if d.eof:
                break
    except zlib.error:  # not Flate data (an image, another filter) or damaged past this point
        pass
    return n


def check_pdf(path: str, data: bytes, max_bytes: int) -> None:
    """Refuse a PDF whose Flate streams inflate past the limits."""
    part = int(max_bytes * PART)
    room = int(max_bytes * TOTAL)
    for m in STREAM.finditer(data):
        n = _inflated(data, m.end(), min(part, room))
        if n > part:
            raise InflateError(
                f"{path}: a stream at byte {m.end()} inflates to more than {_mb(part)} (half of --max-file-size)"
            )
        room -= n
        if room < 0:
            raise InflateError(f"{path}: its streams inflate to more than {TOTAL} × --max-file-size")
