"""The document model: original text, normalised text, and the map between them.

Every character of the normalised text remembers the index of the original character it came from, so
any span the parser finds maps back to the line and column the user sees in their file.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, count
from operator import add

from tieout.linter.patterns import regex

# a blank line of the file: spaces at most between two line breaks
BLANK_LINE = regex(r"\n[^\S\n]*\n")


def line_starts(text: str) -> list[int]:
    """The offset of each line's start: 0 and the offset after each newline (from the lines' lengths, at C
    speed: a match object per line cost more)."""
    lines = text.split("\n")
    return list(map(add, accumulate(map(len, lines[:-1]), initial=0), count()))


@dataclass(slots=True)
class Position:
    """A span of the original file: lines 1-based, columns 1-based in characters, end_column exclusive.
    (A plain dataclass: made for every finding and checked relation, and no pydantic at start-up.)"""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass
class Section:
    """A heading of the document: its title and level, where it starts, and the heading it stands under."""

    title: str
    level: float  # (a word-numbered heading, `项目1：…`, stands between two numbered levels)
    start: int  # offset in the normalised text
    line: int
    parent: Section | None = None
    _path: list[str] | None = field(default=None, repr=False)

    def path(self) -> list[str]:
        if self._path is not None:
            return self._path
        out: list[str] = []
        node: Section | None = self
        while node is not None:
            if node.title:  # an untitled section resumes its parent after an enumerated statement
                out.append(node.title)
            node = node.parent
        self._path = out[::-1]
        return self._path


@dataclass
class Sentence:
    """A sentence of the normalised text, its offsets [start, end), and the paragraph it is in."""

    start: int
    end: int
    paragraph: int


@dataclass
class Untrusted:
    """A span whose text layer cannot be trusted (a PDF page whose characters do not say what it shows):
    nothing inside it is checked, and the document reports it once."""

    start: int  # normalised offsets [start, end)
    end: int
    original_start: int  # offsets into the original text [original_start, original_end)
    original_end: int
    page: str  # the page's label (its printed number, else its physical one)
    reason: str


@dataclass
class Document:
    """A report as the pipeline reads it: the original text, the normalised one with each character's place in the
    original, its sections, sentences and lines."""

    path: str
    original: str
    text: str
    origin: Sequence[int]  # each character's offset in `original` (an array of machine integers)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # spans of the normalised text that are structure (heading and list numbers), never amounts
    markers: list[tuple[int, int]] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    untrusted: list[Untrusted] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts = line_starts(self.original)
        self._section_starts = [s.start for s in self.sections]
        # caches of sentence_text, filled on first use (declared, typed attributes rather than __dict__ entries)
        self._sentence_starts: list[int] | None = None
        self._sentence_texts: dict[int, str] = {}

    # positions ---------------------------------------------------------------------------------
    def normalised_at(self, original: int) -> int | None:
        """The index in the normalised text of the character at `original` in the file's text, where the
        normaliser kept that character (None: it dropped or replaced it)."""
        at = bisect_left(self.origin, original)
        return at if at < len(self.origin) and self.origin[at] == original else None

    def blank_line_between(self, begin: int, end: int) -> bool:
        """Does a blank line of the file stand between two offsets of the normalised text (which drops it)? It
        ends a block of lines: a list, a form's lines."""
        return BLANK_LINE.search(self.original, self.origin[begin], self.origin[end]) is not None

    def paragraph_of(self, si: int) -> range:
        """The sentences (their indices) of the paragraph sentence `si` is in: a paragraph's sentences stand
        together, so they are found from it, not by a pass over every sentence of the document."""
        sentences = self.sentences
        paragraph = sentences[si].paragraph
        first = last = si
        while first > 0 and sentences[first - 1].paragraph == paragraph:
            first -= 1
        while last + 1 < len(sentences) and sentences[last + 1].paragraph == paragraph:
            last += 1
        return range(first, last + 1)

    def line_col(self, index: int) -> tuple[int, int]:
        """1-based line and column of an index into the original text."""
        line = bisect_right(self.line_starts, index) - 1
        return line + 1, index - self.line_starts[line] + 1

    def position(self, start: int, end: int) -> Position:
        """Original-file position of the normalised span [start, end)."""
        if end <= start:
            end = start + 1
        first = self.origin[start]  # the span's first and last characters in the original
        last = self.origin[end - 1]
        starts = self.line_starts
        line = bisect_right(starts, first) - 1
        # made for every figure a finding or a checked relation names: a span within one line (nearly all)
        # is placed by one search of the line starts, not two
        after = starts[line + 1] if line + 1 < len(starts) else None
        if starts[line] <= last and (after is None or last < after):
            end_line = line
        else:
            end_line = bisect_right(starts, last) - 1
        return Position(
            line=line + 1,
            column=first - starts[line] + 1,
            end_line=end_line + 1,
            end_column=last - starts[end_line] + 2,
        )

    def untrusted_at(self, line: int, column: int) -> Untrusted | None:
        """The untrusted span holding the original-file position (1-based line and column), if any."""
        if not self.untrusted or not 1 <= line <= len(self.line_starts):
            return None
        index = self.line_starts[line - 1] + column - 1
        return next((u for u in self.untrusted if u.original_start <= index < u.original_end), None)

    # structure ---------------------------------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
        """The index of the last sentence opening at or before `offset` (-1 before the first)."""
        starts = self._sentence_starts
        if starts is None or len(starts) != len(self.sentences):  # sentences are set after construction
            starts = self._sentence_starts = [s.start for s in self.sentences]
        return bisect_right(starts, offset) - 1

    def sentence_text(self, offset: int) -> str:
        """The normalised sentence holding `offset` ("" between sentences)."""
        i = self.sentence_index(offset)
        if i >= 0 and offset < self.sentences[i].end:
            # one string per sentence, shared by all its findings (each keeps it as its baseline key): a long
            # sentence with many findings costs its length once, not once per finding
            texts = self._sentence_texts
            if i not in texts:
                texts[i] = self.text[self.sentences[i].start : self.sentences[i].end]
            return texts[i]
        return ""

    def section_index(self, offset: int) -> int:
        """The index in `sections` of the section holding `offset` (-1: before the first)."""
        return bisect_right(self._section_starts, offset) - 1

    def section_at(self, offset: int) -> Section | None:
        i = self.section_index(offset)
        return self.sections[i] if i >= 0 else None

    def section_span(self, offset: int) -> tuple[int, int]:
        """The start and end of the section holding `offset` (the text's start before the first, its end after the
        last)."""
        i = self.section_index(offset)
        start = self.sections[i].start if i >= 0 else 0
        return start, self.sections[i + 1].start if i + 1 < len(self.sections) else len(self.text)

    def sections_between(self, a: int, b: int) -> list[Section]:
        """The sections that open after offset `a`, up to offset `b` included."""
        starts = self._section_starts
        return self.sections[bisect_left(starts, a + 1) : bisect_left(starts, b + 1)]

    def section_path(self, offset: int) -> list[str]:
        sec = self.section_at(offset)
        return sec.path() if sec else []
