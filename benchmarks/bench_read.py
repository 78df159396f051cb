"""Reading speed of Word and PDF reports: the text of our own sample reports (fixtures/examples and
fixtures/genres) laid out as a .docx (repeated) and as a multi-page PDF (reportlab, CID
font), then rendered by tieout's readers. Run: python benchmarks/bench_read.py

With `--corpus DIR`, every PDF under DIR is rendered instead (read in place), and the pages per second over
all of them are printed, in wall-clock and in CPU seconds (the CPU figure holds on a shared machine too)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tieout.linter.text.render import render_docx, render_pdf

ROOT = Path(__file__).resolve().parent.parent


def sample_lines() -> list[str]:
    out = []
    fixtures = ROOT / "fixtures"
    for p in sorted(fixtures.glob("examples/*.txt")) + sorted(fixtures.glob("genres/*.txt")):
        out += [line.strip() for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
    return out


def make_docx(path: Path, copies: int) -> None:
    import docx

    document = docx.Document()
    lines = sample_lines()
    for _ in range(copies):
        for line in lines:
            document.add_paragraph(line)
        table = document.add_table(rows=4, cols=4)
        for r, row in enumerate(
            [
                ["项目", "预算数", "执行数", "执行率"],
                ["基本支出", "600", "540", "90%"],
                ["项目支出", "400", "380", "95%"],
                ["合计", "1,000", "920", "92%"],
            ]
        ):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(path)


def make_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    lines = sample_lines()
    k = 0
    for page in range(pages):
        c.setFont("STSong-Light", 10.5)
        y = A4[1] - 60
        while y > 60:
            c.drawString(50, y, lines[k % len(lines)][:44])
            k += 1
            y -= 16
        c.drawCentredString(A4[0] / 2, 25, f"- {page + 1} -")
        c.showPage()
    c.save()


def corpus(folder: Path) -> None:
    pages = 0
    wall = cpu = 0.0
    slowest = (0.0, "")
    for pdf in sorted(folder.rglob("*.pdf")):
        t, c = time.perf_counter(), time.process_time()
        rendering = render_pdf(str(pdf))
        dt, dc = time.perf_counter() - t, time.process_time() - c
        n = rendering.pages
        pages, wall, cpu = pages + n, wall + dt, cpu + dc
        slowest = max(slowest, (dt, pdf.name))
        print(f"{pdf.relative_to(folder)}: {n} pages in {dt:.2f} s ({dc:.2f} s CPU)")
    print(
        f"{pages} pages in {wall:.1f} s ({cpu:.1f} s CPU): {pages / wall:.1f} pages/s ({pages / cpu:.1f} per CPU second)"
    )
    print(f"slowest: {slowest[1]} {slowest[0]:.2f} s")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        corpus(Path(sys.argv[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        d, p = Path(tmp) / "r.docx", Path(tmp) / "r.pdf"
        make_docx(d, 20)
        make_pdf(p, 30)
        t = time.perf_counter()
        render_docx(str(d))
        dt = time.perf_counter() - t
        size = d.stat().st_size / 1048576
        print(f"docx: {size:.2f} MB file in {dt:.2f} s: {size / dt:.2f} MB/s")
        t = time.perf_counter()
        render_pdf(str(p))
        dt = time.perf_counter() - t
        print(f"pdf: 30 pages in {dt:.2f} s: {30 / dt:.1f} pages/s")


if __name__ == "__main__":
    main()
