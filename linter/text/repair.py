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

from array import array
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, compress

from tieout.linter.patterns import regex
from tieout.linter.text.offsets import identity

Repaired = tuple[str, Sequence[int]]

PRIVATE_USE = regex("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
SPACE_RUN = regex(r" +")
# a line is letter-spaced when at least this share of its characters stand alone between spaces
LETTER_SPACED_SHARE = 0.6
LETTER_SPACED_MIN = 8  # … and it has at least this many such characters


def repair(text: str) -> Repaired:
    """All repairs in turn, with the map from the repaired text to `text`."""
    origin: Sequence[int] | None = None
    for step in (drop_nul, private_use_points, collapse_letter_spacing):
        new, back = step(text)
        if back is not None:
            origin = back if origin is None else array("q", map(origin.__getitem__, back))
            text = new
    # nothing repaired: the identity (a range, not a list of a 50 MB text's every offset)
    return text, origin if origin is not None else range(len(text))


def drop_nul(text: str) -> tuple[str, Sequence[int] | None]:
    if "\x00" not in text:
        return text, None
    keep = array("q", compress(range(len(text)), map("\x00".__ne__, text)))
    return text.replace("\x00", ""), keep


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
    if len(line) < 2 * LETTER_SPACED_MIN - 1:  # too short to hold that many characters standing alone
        return False
    tokens = line.split()
    singles = list(map(len, tokens)).count(1)
    return singles >= LETTER_SPACED_MIN and singles >= LETTER_SPACED_SHARE * len(tokens)


def collapse_letter_spacing(text: str) -> tuple[str, Sequence[int] | None]:
    lines = text.split("\n")
    spaced = [k for k, ln in enumerate(lines) if _letter_spaced(ln)]
    if not spaced:
        return text, None
    # the text between letter-spaced lines is kept as it is: copied in slices, its map a slice of the identity
    ident = identity(len(text))
    lengths = list(accumulate(map(len, lines), initial=0))
    pieces: list[str] = []
    origin = array("q")
    last = 0  # the end of what is done
    for k in spaced:
        ln, start = lines[k], lengths[k] + k  # (k newlines before line k)
        pieces.append(text[last:start])
        origin += ident[last:start]
        keep = _kept(ln)
        pieces.append("".join(compress(ln, keep)))
        origin.extend(compress(range(start, start + len(ln)), keep))
        last = start + len(ln)
    pieces.append(text[last:])
    origin += ident[last : len(text)]
    return "".join(pieces), origin


def _kept(line: str) -> bytearray:
    """Which characters stay (1) and go (0): a space run goes when it is no wider than the line's letter spacing,
    unless digits of two figures (each longer than one character) stand on both sides of it."""
    runs = [m.end() - m.start() for m in SPACE_RUN.finditer(line.strip())]
    spacing = Counter(runs).most_common(1)[0][0] if runs else 1
    keep = bytearray(b"\x01") * len(line)
    for m in SPACE_RUN.finditer(line):
        a, b = m.span()
        if a == 0 or b == len(line) or b - a > spacing:
            continue
        if _two_figures(line, a, b):
            continue
        keep[a:b] = bytes(b - a)
    return keep


FIGURE_BEFORE = regex(r"[\d.,%]")
FIGURE_AFTER = regex(r"[\d.,]")


def _two_figures(line: str, a: int, b: int) -> bool:
    """Is the space run [a, b) between two numbers of several characters (`12  34`, not `2  0`)? (0 < a, b < the
    line's length.) Only the characters next to the run are looked at, not the whole line before it."""
    if not (FIGURE_BEFORE.match(line, a - 1) and FIGURE_AFTER.match(line, b)):
        return False
    return bool((a >= 2 and FIGURE_BEFORE.match(line, a - 2)) or FIGURE_AFTER.match(line, b + 1))
