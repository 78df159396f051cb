"""Page progress for a long PDF checked on a terminal: `report.pdf: page 37/212 (reading)` on stderr.

A batch shows a file counter instead (progress.py); a single PDF of a few hundred pages takes seconds, and
a silent terminal then looks hung. The readers report pages through linter/text/progress.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

MIN_PAGES = 20  # shorter files are read before a counter would help
STAGES = {"read": "reading", "layout": "laying out"}


@dataclass(slots=True)
class PageProgress:
    """The page counter of a long PDF or Word file, shown on a terminal's stderr."""

    stream: TextIO
    name: str
    shown: bool = False

    @classmethod
    def on(cls, stream: TextIO, path: str, wanted: bool) -> PageProgress | None:
        """A listener for the pages of `path`, when wanted and the stream is a terminal."""
        return cls(stream, Path(path).name) if wanted and stream.isatty() else None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total < MIN_PAGES:
            return
        self.stream.write(f"\r{self.name}: page {done}/{total} ({STAGES.get(stage, stage)})\033[K")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False
