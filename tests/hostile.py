"""Hostile files of issue 15, made at test time (tests/test_hostile.py, and the measurements of the issue's
closing note): Word and PDF files that inflate far past their size on disk, a PDF page of a thousand lines,
Word XML with external entities or nested entity expansion. Nothing here is a publisher's document."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

REPORT = "全年培训 500 人次，其中线上 300 人次、线下 260 人次。\n"  # a TO102 (300 + 260 > 500): read and checked


def docx(path: Path, body_xml: str = "", prolog: str = "") -> Path:
    """A minimal Word file whose body is `body_xml` (paragraphs), with `prolog` before the document element."""
    paragraphs = body_xml or f"<w:p><w:r><w:t>{REPORT.strip()}</w:t></w:r></w:p>"
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{paragraphs}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", document)
    return path


def docx_bomb(path: Path, inflated: int) -> Path:
    """A Word file whose document XML inflates to about `inflated` bytes (one paragraph of spaces)."""
    pad = " " * inflated
    return docx(path, f"<w:p><w:r><w:t>{REPORT.strip()}</w:t></w:r></w:p><w:p><w:r><w:t>{pad}</w:t></w:r></w:p>")


def docx_xxe(path: Path, secret: Path) -> Path:
    """A Word file whose text is an external entity naming a local file."""
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    return docx(path, "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog)


def docx_laughs(path: Path, levels: int = 10) -> Path:
    """A Word file of nested entities ("billion laughs": 10 ** levels copies of one word once expanded)."""
    defs = ['<!ENTITY l0 "收入合计 1 万元。">']
    defs += [f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, levels)]
    prolog = f"<!DOCTYPE w:document [{''.join(defs)}]>"
    return docx(path, f"<w:p><w:r><w:t>&l{levels - 1};</w:t></w:r></w:p>", prolog)


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (1 0 obj … n 0 obj), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream is a Flate stream of `inflated` zero bytes (about 1/1000 on disk)."""
    z = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    parts = [z.compress(chunk) for _ in range(inflated >> 20)]
    parts.append(z.compress(b"\0" * (inflated & ((1 << 20) - 1))))
    parts.append(z.flush())
    data = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    path.write_bytes(_pdf(objects))
    return path


def pdf_many_lines(path: Path, lines: int = 1000) -> Path:
    """One PDF page with `lines` lines of figures in tiny type (the issue's 20 KB page of 1,000 lines)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    step = (height - 20) / lines
    c.setFont("Helvetica", max(step * 0.9, 0.5))
    for k in range(lines):
        c.drawString(20, height - 10 - k * step, f"{k + 1}. {k * 7 % 1000}.{k % 100:02d} = {k * 3} + {k * 4}")
    c.showPage()
    c.save()
    return path
