"""The text layer of the report: pages whose extracted characters cannot be trusted."""

from __future__ import annotations

from collections.abc import Iterable

from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl


class UntrustedTextLayer(Rule):
    """Pages of a PDF whose text layer does not say what the page shows, so that nothing on them was checked.

    ## What it does
    The PDF reader judges the text layer of each page: units with no figure in front of them as often as
    units with one, and loose figures elsewhere (the figures extracted onto other lines than their labels,
    `数字与文字错位`); runs of doubled characters (a fake-bold font drawn twice, `重复字符`); or text in no
    script a report is written in (a font without a usable Unicode map, `文字编码无法识别`). One finding
    per document, at the first such page, names the pages and the reasons; every other finding on those
    pages is dropped, and nothing on them counts as checked, since a finding there would be about the
    extraction, not the report. Text, Markdown and Word files have no such pages. It needs a PDF, so it
    has no fixture cases; `tests/test_text_layers.py` tests it.

    ## Why is this bad?
    The figures on those pages were not checked: a clean result does not mean they are right. Checked
    anyway, they would give findings about figures the page does not show, or none where it is wrong.

    ## Example
    ```text
    一般公共预算收入 亿元，比上年增长 ，完成预算的 。
    政府性基金预算收入 亿元，下降 。
    412.6 5.4% 101.5% 45.8 12.3%
    ```
    The text layer of a PDF page whose figures were extracted away from their labels.

    ## Passes
    The same page with each figure after its label (`一般公共预算收入 412.6 亿元，比上年增长 5.4%，…`).

    ## How to fix
    Run OCR on those pages, or check them by hand; if the PDF was produced from a Word file, check that
    file instead.
    """

    code = "TO401"
    name = "untrusted-text-layer"
    severity = "warning"
    kind = "text_layer"
    fixture_cases = False  # needs a PDF: tests/test_text_layers.py

    def check(self) -> Iterable[Result]:
        spans = self.ctx.doc.untrusted
        if not spans:
            return
        reasons = sorted({r for u in spans for r in u.reason.split("/") if r})
        if not self.ctx.doc.text:
            return
        start = min(spans[0].start, len(self.ctx.doc.text) - 1)  # the first character of the first such page
        yield self.diag(
            (start, start + 1),
            f"第 {page_ranges([u.page for u in spans])} 页的文字层不可信（{'/'.join(reasons)}），这些页未检查",
        )


def page_ranges(pages: list[str]) -> str:
    """`3–7、12`: consecutive page numbers as ranges, in the order given."""
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
            run.clear()

    for p in pages:
        if not p.isdigit():
            flush()
            out.append(p)
        elif run and int(p) == run[-1] + 1:
            run.append(int(p))
        else:
            flush()
            run.append(int(p))
    flush()
    return "、".join(out)


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [UntrustedTextLayer]
