"""Hostile generated documents for issue 15: the generator of `benchmarks/fuzz.py` (100,000 documents) and of
the hypothesis test in tests/test_fuzz.py (a fixed, small budget in CI).

Each document draws from three sources of trouble:
- real-looking sentences (the repository's own genre samples and examples, fixtures/genres and
  fixtures/examples, written for the tests) with figures replaced at random by hostile ones: 29 to 60
  significant digits, zeros and negative zeros, tiny fractions, runs of 61+ digits, thousands separators;
- the random pieces of tests/test_robustness.py (labels, units, keywords, marks, tables, page numbers);
- structures that stress the parser: long `其中` chains (up to 5,000 links), long lists in one sentence (up
  to about 100 KB), deep brackets, one 280-KB-class run of `3.人员经费`, stray NUL bytes;
and the text goes through bytes in one of several encodings (UTF-8, UTF-8 with BOM, GB18030, UTF-16) and is
decoded as tieout decodes a file. The generator is deterministic for a given `random.Random`.
"""

from __future__ import annotations

import io
import random
import re
from functools import cache
from pathlib import Path

from tieout.linter.report import make
from tieout.linter.run.config import Config
from tieout.linter.run.engine import lint_source
from tieout.linter.run.plugins import plugins
from tieout.linter.text.reading import InputError, Source, decode

from .test_robustness import PIECES

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\d+(?:\.\d+)?")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "mixed")  # mixed: UTF-8 read as GB18030 in the tail
LIST_ITEM = "收入合计 1 万元，其中：甲 2 万元、乙 3 万元；"  # 28 characters: 3,600 of them are 100,000


@cache
def sentences() -> tuple[str, ...]:
    """The sentences with a digit of the repository's own sample documents (none is a publisher's text)."""
    out: list[str] = []
    for folder in ("genres", "genres_errors", "examples"):
        for path in sorted((ROOT / "fixtures" / folder).glob("*")):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                text = path.read_text(encoding="utf-8")
                out.extend(s for s in re.split(r"(?<=[。；\n])", text) if re.search(r"\d", s))
    return tuple(out)


def hostile_figure(rng: random.Random) -> str:
    k = rng.randrange(8)
    if k == 0:
        return "9" * rng.randint(29, 60)
    if k == 1:
        return rng.choice(["0", "-0", "0.00", "-0.0"])
    if k == 2:
        return "0." + "0" * rng.randint(20, 40) + "1"
    if k == 3:
        return "1" + "0" * rng.randint(28, 50)
    if k == 4:
        return f"{rng.randint(0, 10**35)}.{'9' * rng.randint(1, 30)}"
    if k == 5:
        return "7" * rng.randint(61, 90)  # longer than any figure: no figure at all
    if k == 6:
        return f"{rng.randint(1, 999)},{rng.randint(100, 999)},{rng.randint(100, 999)}.{rng.randint(0, 99)}"
    return f"{rng.randint(1, 9)}{'0' * rng.randint(25, 40)}.{rng.randint(0, 99):02d}"


def size(rng: random.Random, low: int, high: int) -> int:
    """A count between `low` and `high`, log-uniform, with the largest sizes drawn now and then in full: most
    documents stay small (a run of 100,000 documents is hours, not days) and every run has its giants."""
    if rng.random() < 0.01:
        return rng.randint(high // 2, high)
    return int(low * (high / low) ** (rng.random() * 0.5))


def stress(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return "其中1人次，" * size(rng, 30, 5000)
    if kind == 1:
        return LIST_ITEM * size(rng, 10, 3600) + "。"  # one sentence of up to 100,000 characters
    if kind == 2:
        return "（" * size(rng, 1, 300) + "收入 5 万元" + "）" * rng.randint(0, 300)
    if kind == 3:
        return "3.人员经费" * size(rng, 10, 5000)
    # a long chain of parts under one total, with hostile figures: the sums check sees them all
    parts = "、".join(f"项目{i} {hostile_figure(rng)} 万元" for i in range(size(rng, 2, 400)))
    return f"支出合计 {hostile_figure(rng)} 万元，其中：{parts}。"


def document(rng: random.Random) -> str:
    pool = sentences()
    parts: list[str] = []
    for _ in range(rng.randint(1, 25)):
        r = rng.random()
        if r < 0.6:
            s = rng.choice(pool)
            parts.append(NUMBER.sub(lambda m: hostile_figure(rng) if rng.random() < 0.3 else m.group(), s))
        elif r < 0.9:
            parts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))))
        elif r < 0.97:
            parts.append(stress(rng))
        else:
            parts.append("\x00" * rng.randint(1, 3))
    return "".join(parts)


def through_bytes(text: str, encoding: str) -> str | None:
    """The text as a file in `encoding` would hold it, decoded as tieout reads files (None: refused)."""
    try:
        if encoding == "mixed":  # strict decoding refuses a file of two encodings: the mojibake a tool made of one
            half = len(text) * 9 // 10
            text = text[:half] + text[half:].encode("utf-8").decode("gb18030", errors="replace")
            encoding = "utf-8"
        return decode(text.encode(encoding), "fuzz.txt")[0]
    except (UnicodeEncodeError, InputError):
        return None


def internal_errors(text: str) -> list[str]:
    """The internal errors (TO900) tieout gives on the text; an exception that escapes the check or the
    reporters (the human output shows source lines, JSON every field) counts as one."""
    try:
        result = lint_source(Source("fuzz.txt", text, "utf-8"), Config())
        for fmt in ("human", "json"):
            reporter = make(fmt, io.StringIO(), rules=plugins().rules)
            reporter.file(result, text)
            reporter.finish()
    except Exception as exc:  # lint_source promises to catch everything: one escaping is a failure
        return [f"escaped: {type(exc).__name__}: {exc}"]
    return [d.message for d in result.diagnostics if d.code == "TO900"]
