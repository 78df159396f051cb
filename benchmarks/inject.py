"""Error injection: one mistake at a time in a real report, and whether tieout reports it.

For every figure that takes part in a relation tieout verified (a `checked` entry that passed), the
report is copied with one mistake in that figure:
  digit   one digit changed (+3 mod 10), the last digit spared so it is no rounding matter
  swap    two adjacent different digits swapped
  unit    万元 ↔ 亿元 (or 元 ↔ 万元)
  word    the direction word of a change flipped (增加↔减少, 提高↔降低 …)
  restate one mention of a figure stated twice changed
A mutation counts as detected when a new finding of severity warning or error touches the changed
line (or names it among its related places).

Run: python benchmarks/inject.py [REPORT …]   (default: ../shared/seeds/*.txt, read in place)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from tieout.linter.run.config import Config
from tieout.linter.run.engine import FileResult, lint_source
from tieout.linter.text.reading import Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"  # other publishers' reports: read in place, never copied here
FLIP = {
    "增加": "减少",
    "减少": "增加",
    "提高": "降低",
    "降低": "提高",
    "增长": "下降",
    "下降": "增长",
    "上升": "下降",
    "扩展": "缩减",
}
UNIT_SWAP = {"万元": "亿元", "亿元": "万元"}


def lint(path: str, text: str) -> FileResult:
    return lint_source(Source(path, text, "utf-8"), Config())


def flags(r: FileResult) -> set[tuple[str, int, int]]:
    return {(d.code, d.line, d.column) for d in r.diagnostics if d.severity in ("error", "warning")}


def detected(base: FileResult, mutated: FileResult, line: int) -> bool:
    before = flags(base)
    for d in mutated.diagnostics:
        if d.severity not in ("error", "warning") or (d.code, d.line, d.column) in before:
            continue
        if d.line == line or any(r.line == line for r in d.related):
            return True
    return False


def mutations(text: str, base: FileResult):
    """(kind, line, mutated text) for each figure of a passing relation."""
    lines = text.split("\n")
    seen: set[tuple[int, int]] = set()
    positions = []
    for c in base.checked:
        for p in [c, *c.related]:
            if c.status == "pass" and p.line == p.end_line and (p.line, p.column) not in seen:
                seen.add((p.line, p.column))
                positions.append((p.line, p.column, p.end_column))
    for line, col, end in positions:
        src = lines[line - 1]
        figure = src[col - 1 : end - 1]
        digits = [i for i, ch in enumerate(figure) if ch.isdigit()]
        number_end = max(digits) + 1 if digits else 0

        def put(new_figure: str, ln: int = line, c0: int = col, c1: int = end) -> str:
            s = lines[ln - 1]
            return "\n".join(lines[: ln - 1] + [s[: c0 - 1] + new_figure + s[c1 - 1 :]] + lines[ln:])

        inner = [i for i in digits if i < number_end - 1]
        if inner:
            i = inner[len(inner) // 2]
            yield "digit", line, put(figure[:i] + str((int(figure[i]) + 3) % 10) + figure[i + 1 :])
        pairs = [i for i in digits if i + 1 in digits and figure[i] != figure[i + 1]]
        if pairs:
            i = pairs[0]
            yield "swap", line, put(figure[:i] + figure[i + 1] + figure[i] + figure[i + 2 :])
        for old, new in UNIT_SWAP.items():
            if figure.endswith(old):
                yield "unit", line, put(figure[: -len(old)] + new)
                break
        # the direction word right before the figure
        before = src[max(0, col - 7) : col - 1]
        for word, other in FLIP.items():
            k = before.rfind(word)
            if k >= 0:
                start = max(0, col - 7) + k
                s = src[:start] + other + src[start + len(word) :]
                yield "word", line, "\n".join(lines[: line - 1] + [s] + lines[line:])
                break
    for c in base.checked:
        if c.kind == "cross_ref" and c.status == "pass" and c.line == c.end_line:
            figure = lines[c.line - 1][c.column - 1 : c.end_column - 1]
            m = re.search(r"\d(?=\D*$)", figure)
            if m:
                i = m.start() - 1 if m.start() > 0 and figure[m.start() - 1].isdigit() else m.start()
                new = figure[:i] + str((int(figure[i]) + 3) % 10) + figure[i + 1 :]
                s = lines[c.line - 1]
                s = s[: c.column - 1] + new + s[c.end_column - 1 :]
                yield "restate", c.line, "\n".join(lines[: c.line - 1] + [s] + lines[c.line :])


def collateral(base: FileResult, mutated: FileResult, line: int) -> int:
    """New warnings/errors that neither stand on nor name the changed line."""
    before = flags(base)
    return sum(
        1
        for d in mutated.diagnostics
        if d.severity in ("error", "warning")
        and (d.code, d.line, d.column) not in before
        and d.line != line
        and all(r.line != line for r in d.related)
    )


def run(paths: list[Path]) -> Counter:
    tally: Counter = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        base = lint(str(path), text)
        for kind, line, mutated in mutations(text, base):
            result = lint(str(path), mutated)
            tally[kind, "total"] += 1
            tally[kind, "found"] += detected(base, result, line)
            tally["collateral"] += collateral(base, result, line)
    return tally


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"{SEEDS}: no seed reports (../shared is absent); name the reports to inject errors into")
    tally = run(paths)
    kinds = sorted({k[0] for k in tally if isinstance(k, tuple)})
    for k in kinds:
        print(f"{k:8} {tally[k, 'found']:4}/{tally[k, 'total']:<4} detected")
    found = sum(tally[k, "found"] for k in kinds)
    total = sum(tally[k, "total"] for k in kinds)
    print(
        f"all      {found:4}/{total:<4} ({found / total:.0%}); findings away from the changed line: {tally['collateral']}"
    )


if __name__ == "__main__":
    main()
