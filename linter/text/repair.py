"""Repairs of extracted text before anything is parsed, each keeping for every kept character its original index.

A repair returns the repaired text and, for each of its characters, the index of the character it came from
in the text it was given; `repair` chains them, so the normaliser maps every position back to the file.

- NUL bytes: some extraction tools leave a few in otherwise good text; they carry nothing and are dropped.
- Private-use glyphs as decimal points: a PDF font may map its decimal point to a private-use code point
  (`3692`, U+1001B0, `6`); a private-use character that, wherever it occurs, follows a digit is such a point.
- Letter-spaced lines: text extracted from a PDF set with letter spacing puts spaces between all characters
  (`关  于  岳  阳  市`). In a line where most characters stand alone between spaces, the spaces that are
  only letter spacing are removed; a gap between two figures of several digits stays (they stay two figures).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Sequence

Repaired = tuple[str, Sequence[int]]

PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
SPACE_RUN = re.compile(r" +")
# a line is letter-spaced when at least this share of its characters stand alone between spaces
LETTER_SPACED_SHARE = 0.6
LETTER_SPACED_MIN = 8  # … and it has at least this many such characters


def repair(text: str) -> Repaired:
    """All repairs in turn, with the map from the repaired text to `text`."""
    origin: Sequence[int] | None = None
    for step in (drop_nul, private_use_points, collapse_letter_spacing):
        new, back = step(text)
        if back is not None:
            origin = back if origin is None else array("q", (origin[i] for i in back))
            text = new
    # nothing repaired: the identity (a range, not a list of a 50 MB text's every offset)
    return text, origin if origin is not None else range(len(text))


def drop_nul(text: str) -> tuple[str, Sequence[int] | None]:
    if "\x00" not in text:
        return text, None
    keep = array("q", (i for i, ch in enumerate(text) if ch != "\x00"))
    return "".join(text[i] for i in keep), keep


def private_use_points(text: str) -> tuple[str, Sequence[int] | None]:
    """Private-use characters that always follow a digit become `.` (one character for one: no map needed)."""
    if not PRIVATE_USE.search(text):
        return text, None
    after_digit: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    for m in PRIVATE_USE.finditer(text):
        k = m.start()
        (after_digit if k and text[k - 1].isdigit() else elsewhere)[m.group()] += 1
    points = {ch for ch, n in after_digit.items() if n >= 2 and not elsewhere[ch]}
    if not points:
        return text, None
    return text.translate({ord(ch): "." for ch in points}), range(len(text))


def _letter_spaced(line: str) -> bool:
    tokens = line.split()
    singles = sum(1 for t in tokens if len(t) == 1)
    return singles >= LETTER_SPACED_MIN and singles >= LETTER_SPACED_SHARE * len(tokens)


def collapse_letter_spacing(text: str) -> tuple[str, Sequence[int] | None]:
    lines = text.split("\n")
    spaced = [_letter_spaced(ln) for ln in lines]
    if not any(spaced):
        return text, None
    out: list[str] = []
    origin = array("q")
    base = 0
    for ln, letter_spaced in zip(lines, spaced):
        if letter_spaced:
            kept = _collapse_line(ln)
            out.append("".join(ln[i] for i in kept))
            origin.extend(base + i for i in kept)
        else:  # the line as it is
            out.append(ln)
            origin.extend(range(base, base + len(ln)))
        origin.append(base + len(ln))  # the newline
        base += len(ln) + 1
    origin.pop()  # no newline after the last line
    return "\n".join(out), origin


def _collapse_line(line: str) -> list[int]:
    """Indices of the characters kept: a space run goes when it is no wider than the line's letter spacing,
    unless digits of two figures (each longer than one character) stand on both sides of it."""
    runs = [m.end() - m.start() for m in SPACE_RUN.finditer(line.strip())]
    spacing = Counter(runs).most_common(1)[0][0] if runs else 1
    drop: set[int] = set()
    for m in SPACE_RUN.finditer(line):
        a, b = m.span()
        if a == 0 or b == len(line) or b - a > spacing:
            continue
        if _two_figures(line, a, b):
            continue
        drop.update(range(a, b))
    return [i for i in range(len(line)) if i not in drop]


def _two_figures(line: str, a: int, b: int) -> bool:
    """Is the space run [a, b) between two numbers of several characters (`12  34`, not `2  0`)?"""
    left = re.search(r"[\d.,%]+$", line[:a])
    right = re.match(r"[\d.,]+", line[b:])
    return bool(left and right and (len(left.group()) > 1 or len(right.group()) > 1))
