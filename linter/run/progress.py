"""`[n/N] checked` on stderr while a long batch runs on a terminal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

MIN_FILES = 20  # shorter batches finish before a counter would help


@dataclass(slots=True)
class Progress:
    """The file counter of a long batch, shown on a terminal's stderr."""

    stream: TextIO
    total: int
    enabled: bool
    n: int = 0

    @classmethod
    def on(cls, stream: TextIO, total: int, wanted: bool) -> Progress:
        """A counter that shows only on a terminal, for a batch long enough, unless --no-progress."""
        return cls(stream, total, wanted and total >= MIN_FILES and stream.isatty())

    def step(self) -> None:
        self.n += 1
        if self.enabled:
            self.stream.write(f"\r[{self.n}/{self.total}] checked")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 32 + "\r")
