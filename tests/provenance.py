"""Passages the repository shares with the publishers' documents of `../shared` (the guard of
`tests/test_provenance.py`; `python -m tests.provenance` lists every passage with its documents).

The documents under `../shared/corpus` and `../shared/seeds` are other publishers' files: the repository may
hold their standard vocabulary (the official templates' table, row and column names, which every publisher
prints) but never a sentence or a row of figures of theirs. The measure:

- Both sides are compared as tieout reads them (PDF and Word rendered by `read_path`), normalised so that a
  copy cannot hide behind layout: NFKC forms; no whitespace, table pipes, rules (`---`), quotes or `\\n`
  escapes of source code; no thousands separators. Each number is closed in `‹…›`, so that a common run
  never starts or ends inside a figure (`…支出5` of `5.00` is no part of `…支出526.72`).
- Windows of 16 characters are compared. A window is the vocabulary of many when it occurs in the documents
  of two publishers or more (a publisher is a file name without its year: `heilongjiang_2021` and
  `heilongjiang_2022` are one): template wording and standard names are such, a publisher's own sentence or
  row of figures is not. Overlapping windows found in one publisher's documents only make a passage, cut
  back to whole figures at both ends.
- A passage carrying specific figures (one of three significant digits or more, or two of two or more:
  `4,318.07`, `2,964家`, `23名 … 48名`; not years, dates, round figures like `10.00`, classification codes
  like `2080501`, identifiers like `TO101`) is a copy from 16 characters on: a row or a clause with the same
  figures. A passage of words only is one from 24 characters on (a clause; standard names are shorter, or
  shared by several publishers).
- Figures are compared by themselves too, as the sequence of a text's figures (years, dates, codes and
  identifiers left out): a run of consecutive figures of three significant digits or more each, found in
  the same order in one publisher's documents, is a copy when their significant digits add up to 10 or more
  (`812.37 | 604.19`, `318 … 207.46 … 65.14`), whatever words stand between them.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIEOUT_SHARED", ROOT.parent / "shared"))
WINDOW = 16  # characters of a window, and the shortest passage with specific figures
WORDS = 24  # the shortest passage of words only
FIGURE_DIGITS = 10  # significant digits of a run of figures that makes a copy
PUBLISHERS = 2  # a window found in this many publishers' documents is common vocabulary
CACHE = Path(tempfile.gettempdir()) / "tieout-provenance"  # renderings of PDF and Word, by content hash
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
RENDERED = (".pdf", ".docx")
OPEN, CLOSE = "‹", "›"

_SEPARATOR = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_RULE = re.compile(r"[-=_—─:]{3,}")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DROP = re.compile(r"\s+|[|\"'`]|\\[nt]")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")  # HTML markup (`<td rowspan="2">`) is layout, as `|` is
_MARKED = re.compile(OPEN + r"([\d.]+)" + CLOSE)
_GROUP = re.compile("((?:" + OPEN + r"[\d.]+" + CLOSE + ")+)(.?)")  # adjacent numbers, and what follows
_YEAR = re.compile(r"(?:19|20)\d\d")
_CODE = re.compile(r"[235]\d\d(?:\d\d){0,2}")
# what may follow a figure (units, counters); after a classification code comes its item's name
_UNIT_AFTER = set("万亿元千百个人家名次项户件所台辆座公平米吨倍天笔份张册床处条批类种间套只头股岁周小分秒")
_DATE_AFTER = set("年月日号")


def normalise(text: str) -> str:
    """The text as the measure compares it (see the module's docstring)."""
    t = unicodedata.normalize("NFKC", text)
    t = _SEPARATOR.sub("", t)
    t = _RULE.sub(" ", t)
    t = _TAG.sub(" ", t)
    t = _NUMBER.sub(lambda m: OPEN + m.group() + CLOSE, t)
    return _DROP.sub("", t)


def publisher(path: Path) -> str:
    """The publisher of a document: its file name without the year and what follows it."""
    return re.split(r"[-_](?:19|20)\d\d(?=[-_.]|$)", path.stem)[0]


def _windows(s: str) -> set[str]:
    """Every window of a normalised text (number marks count as characters here; passages are measured
    without them)."""
    return {s[i : i + WINDOW] for i in range(len(s) - WINDOW + 1)}


def figures(s: str) -> list[tuple[int, str]]:
    """(position, number) of each figure of a normalised text: years, dates (`12月31日`), classification codes
    before their item's name (`2080501行政单位离退休`, also split over columns: `201 | 06 | 02 | 一般行政管理事务`)
    and identifiers (`TO101`) are no figures."""
    out = []
    for group in _GROUP.finditer(s):
        numbers = list(_MARKED.finditer(group.group(1)))
        after = group.group(2)
        code = "".join(m.group(1) for m in numbers)
        if _CODE.fullmatch(code) and "\u4e00" <= after <= "\u9fff" and after not in _UNIT_AFTER:
            continue
        before = s[group.start() - 1] if group.start() else ""
        for k, m in enumerate(numbers):
            number = m.group(1)
            follows = after if k == len(numbers) - 1 else OPEN
            if follows in _DATE_AFTER or _YEAR.fullmatch(number):
                continue
            if (k == 0 and before.isascii() and (before.isalpha() or before == "_")) or (
                follows.isascii() and follows.isalpha()
            ):
                continue
            out.append((group.start() + m.start(), number))
    return out


def significant(number: str) -> int:
    """Significant digits of a figure as written (`10.00` has one, `0.45` two, `2,780` three)."""
    return len(number.replace(".", "").lstrip("0").rstrip("0"))


def specific(passage: str) -> bool:
    """Whether a passage carries specific figures: one of three significant digits, or two of two."""
    sig = [significant(n) for _, n in figures(passage)]
    return any(n >= 3 for n in sig) or sum(n >= 2 for n in sig) >= 2


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    """A passage cut back to whole figures: it may not begin or end inside a number (a number mark missing at
    one end means the figure goes on in the other text)."""
    if s[a] == CLOSE:
        a += 1
    elif s[a].isdigit() or s[a] == ".":
        while a < b and s[a] != CLOSE:
            a += 1
        a += 1
    if b > a and s[b - 1] == OPEN:
        b -= 1
    elif b > a and (s[b - 1].isdigit() or s[b - 1] == "."):
        while b > a and s[b - 1] != OPEN:
            b -= 1
        b -= 1
    return a, max(a, b)


def _length(passage: str) -> int:
    return sum(c != OPEN and c != CLOSE for c in passage)


def is_copy(passage: str) -> bool:
    """Whether a common passage is long enough to be a copy: 16 characters with specific figures, else 24."""
    return _length(passage) >= (WINDOW if specific(passage) else WORDS)


def _pairs(s: str) -> dict[tuple[str, str], int]:
    """Pairs of consecutive figures of three significant digits or more, with the position of the first."""
    figs = figures(s)
    return {(x, y): p for (p, x), (_, y) in zip(figs, figs[1:]) if significant(x) >= 3 and significant(y) >= 3}


@dataclass(frozen=True)
class Passage:
    file: str
    line: int
    text: str  # normalised, number marks removed
    documents: tuple[str, ...]


class Index:
    """The windows and figure pairs of the repository's files, with the publishers (and documents) whose
    documents hold each."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = {name: normalise(text) for name, text in files.items()}
        self.lines = {name: _line_ends(text) for name, text in files.items()}
        self.windows: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        for s in self.files.values():
            self.windows |= _windows(s)
            self.pairs |= set(_pairs(s))
        self.owners: dict[object, set[str]] = defaultdict(set)
        self.documents: dict[object, set[str]] = defaultdict(set)

    def add_document(self, name: str, owner: str, text: str) -> None:
        s = normalise(text)
        found: set[object] = set()
        found |= _windows(s) & self.windows
        found |= set(_pairs(s)) & self.pairs
        for key in found:
            self.owners[key].add(owner)
            self.documents[key].add(name)

    def passages(self) -> list[Passage]:
        own = {k for k, o in self.owners.items() if len(o) < PUBLISHERS}  # not common vocabulary
        out: list[Passage] = []
        for name, s in self.files.items():
            for a0, b0, keys in self._runs(s, own):
                a, b = _trim(s, a0, b0)
                if is_copy(s[a:b]):
                    out.append(self._passage(name, a, s[a:b], keys))
            for a, text, keys in self._figure_runs(s, own):
                out.append(self._passage(name, a, text, keys))
        return out

    def _passage(self, name: str, at: int, text: str, keys: list[object]) -> Passage:
        docs = sorted(set().union(*(self.documents[k] for k in keys)))
        line = sum(1 for end in self.lines[name] if end <= at) + 1
        return Passage(name, line, text.replace(OPEN, "").replace(CLOSE, ""), tuple(docs))

    @staticmethod
    def _runs(s: str, own: set[object]) -> list[tuple[int, int, list[object]]]:
        runs: list[tuple[int, int, list[object]]] = []
        for a in range(len(s) - WINDOW + 1):
            w = s[a : a + WINDOW]
            if w not in own:
                continue
            if runs and a < runs[-1][1]:
                runs[-1] = (runs[-1][0], a + WINDOW, runs[-1][2] + [w])
            else:
                runs.append((a, a + WINDOW, [w]))
        return runs

    @staticmethod
    def _figure_runs(s: str, own: set[object]) -> list[tuple[int, str, list[object]]]:
        figs = figures(s)
        out = []
        k = 0
        while k < len(figs) - 1:
            j = k
            while j < len(figs) - 1 and (figs[j][1], figs[j + 1][1]) in own:
                j += 1
            if j > k:
                run = [n for _, n in figs[k : j + 1]]
                if sum(significant(n) for n in run) >= FIGURE_DIGITS:
                    keys: list[object] = [(figs[i][1], figs[i + 1][1]) for i in range(k, j)]
                    out.append((figs[k][0], " … ".join(run), keys))
            k = j + 1
        return out


def _line_ends(raw: str) -> list[int]:
    """Where each line of a file ends in its normalised text (normalising line by line is normalising the
    whole: no rule of `normalise` reaches over a line break)."""
    ends, at = [], 0
    for line in raw.splitlines():
        at += len(normalise(line))
        ends.append(at)
    return ends


# the repository and the documents ----------------------------------------------------------------------------
def tracked_files(root: Path = ROOT) -> list[Path]:
    """The repository's files: tracked and new ones not ignored (git), else every file outside caches."""
    try:
        proc = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
        )
        names = [n for n in proc.stdout.decode("utf-8").split("\0") if n]
        return [root / n for n in names if (root / n).is_file()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", ".venv-ci", "build", "dist", ".mypy_cache", ".pytest_cache", "__pycache__"}
        return [p for p in root.rglob("*") if p.is_file() and not skip & set(p.relative_to(root).parts)]


def read_text(path: Path) -> str | None:
    """The text of a file as tieout reads it (PDF and Word rendered), None for other binary files."""
    if path.suffix.lower() in RENDERED:
        return _rendered(path)
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        return None
    return data.decode("utf-8", errors="replace")


def _rendered(path: Path) -> str:
    data = path.read_bytes()
    cached = CACHE / f"{hashlib.sha256(data).hexdigest()[:24]}.txt"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    from tieout.linter.text.reading import read_path

    text = read_path(str(path), max_bytes=1 << 31).text
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, cached)
    return text


def documents(shared: Path = SHARED) -> list[Path]:
    """Every publisher's document of `shared` (corpus and seeds; not the annotations)."""
    out = []
    for folder in ("corpus", "seeds"):
        base = shared / folder
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and "truth" not in p.relative_to(base).parts:
                    out.append(p)
    return out


def _texts(paths: Iterable[Path]) -> dict[Path, str]:
    """Texts of documents, renderings not yet cached made on every core."""
    paths = list(paths)
    todo = [p for p in paths if p.suffix.lower() in RENDERED]
    if len(todo) > 2:
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(_rendered, todo))  # fills the cache
    return {p: read_text(p) or "" for p in paths}


def scan(root: Path = ROOT, shared: Path = SHARED) -> list[Passage]:
    """Every passage of the repository's files that is a copy from a publisher's document."""
    files = {}
    for p in tracked_files(root):
        text = read_text(p)
        if text is not None:
            files[str(p.relative_to(root))] = text
    index = Index(files)
    for path, text in _texts(documents(shared)).items():
        index.add_document(str(path.relative_to(shared)), publisher(path), text)
    return index.passages()


def main() -> int:
    if not documents():
        print(f"{SHARED}: no documents to compare with", file=sys.stderr)
        return 2
    found = scan()
    for p in found:
        print(f"{p.file}:{p.line}: {len(p.text)} characters of {', '.join(p.documents)}: {p.text[:100]}")
    print(f"{len(found)} passage(s) shared with a publisher's document")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
