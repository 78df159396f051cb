"""Which files a `tieout check` run reads: folders walked for reports, less the excluded ones.

Exclusion follows ruff's `exclude`: glob patterns, where a pattern without a slash (`README*`, `drafts`)
matches any file or folder of that name at any depth, and a pattern with a slash (`archive/2019/*.txt`)
matches paths relative to the folder of the configuration file (the working folder when there is none);
a matched folder is not entered. Patterns are matched without regard to case, as the extensions are
(`BAD.TXT` is a report): archives made on Windows mix cases freely. `exclude` replaces the defaults below,
`extend-exclude` adds to them. Files named on the command line are checked even when a pattern matches
them, unless `force-exclude` is set (the pre-commit hook sets it, since pre-commit names every file).

The defaults keep out what is not a report although it has a report's extension: hidden and tool folders,
and the files every repository has (README, CHANGELOG, LICENSE, requirements.txt …). Deciding by name, not
by content, is predictable: a README with figures in it would otherwise be checked in one commit and
skipped in the next, and `--show-files` shows exactly what a run reads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from tieout.linter.patterns import regex  # (the exclusions, compiled at every start: read from the cache)
from tieout.linter.run.config import Config
from tieout.linter.text.reading import REPORT_SUFFIXES

DEFAULT_EXCLUDE = (
    # hidden folders and files (.git, .venv, .tox …) and the folders tools fill
    ".*",
    "node_modules",
    "__pycache__",
    "site-packages",
    "venv",
    # the files of any repository that are not reports
    "README*",
    "CHANGELOG*",
    "CHANGES*",
    "HISTORY*",
    "NEWS*",
    "LICENSE*",
    "LICENCE*",
    "COPYING*",
    "NOTICE*",
    "AUTHORS*",
    "CONTRIBUTING*",
    "CODE_OF_CONDUCT*",
    "SECURITY*",
    "requirements*.txt",
    "constraints*.txt",
    "CMakeLists.txt",
    "robots.txt",
)


def _glob_regex(pattern: str) -> str:
    """A glob as a regular expression: `*` and `?` stay within a path component, `**` crosses them."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        c = pattern[i]
        close = pattern.find("]", i + 2) if c == "[" else -1
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif close > 0:
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


@dataclass(slots=True)
class Excluder:
    """The exclusion patterns of one configuration, compiled."""

    base: Path  # relative patterns are relative to this folder
    names: list[re.Pattern[str]] = field(default_factory=list)  # patterns without a slash
    paths: list[re.Pattern[str]] = field(default_factory=list)  # patterns with one

    @classmethod
    def of(cls, config: Config) -> Excluder:
        base = Path(config.source).resolve().parent if config.source else Path.cwd().resolve()
        patterns = [*(DEFAULT_EXCLUDE if config.exclude is None else config.exclude), *config.extend_exclude]
        ex = cls(base)
        for p in patterns:
            p = p.strip().replace("\\", "/")
            if not p:
                continue
            if "/" in p.rstrip("/"):
                ex.paths.append(regex(_glob_regex(p.lstrip("/").removeprefix("./").rstrip("/")), re.I))
            else:
                ex.names.append(regex(_glob_regex(p.rstrip("/")), re.I))
        return ex

    def name_excluded(self, name: str) -> bool:
        return any(p.fullmatch(name) for p in self.names)

    def path_excluded(self, path: Path) -> bool:
        """Whether `path` (a file or folder) or one of its folders below the base matches a relative pattern."""
        if not self.paths:
            return False
        try:
            rel = path.resolve().relative_to(self.base).as_posix()
        except ValueError:  # outside the project: only name patterns apply
            return False
        parts = rel.split("/")
        prefixes = ["/".join(parts[: k + 1]) for k in range(len(parts))]
        return any(p.fullmatch(prefix) for p in self.paths for prefix in prefixes)

    def excluded(self, path: Path, below: Path | None = None) -> bool:
        """Whether a file is excluded: its name or one of its folders' names (those below `below`, when
        given: the folder a walk started from is the user's choice), or its path."""
        try:
            parts = path.relative_to(below).parts if below is not None else path.parts
        except ValueError:
            parts = path.parts
        if any(self.name_excluded(part) for part in parts if part not in (".", "..", "/")):
            return True
        return self.path_excluded(path)


@dataclass(slots=True)
class Found:
    """The files to check, one error line per argument that yields none, and what exclusion left out."""

    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # reports left out
    pruned: list[str] = field(default_factory=list)  # folders not entered


def is_report(name: str) -> bool:
    return name.lower().endswith(REPORT_SUFFIXES)


def walk(root: Path, ex: Excluder, found: Found) -> int:
    """Add the reports under `root` (sorted, excluded folders not entered); the number added.

    Nothing is skipped silently: a folder that cannot be read and a symbolic link that leads nowhere are
    lines in `found.errors`. Symbolic links to folders are followed, each folder walked once, so a link that
    loops back (or a second link to a folder already walked) is reported instead of walked again."""
    files: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                if folder != root and folder.is_symlink():
                    found.errors.append(f"{folder}: symbolic link to a folder already walked (a loop?), skipped")
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.errors.append(f"{folder}: cannot read this folder ({exc.strerror}), its reports are not checked")
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows a symbolic link
                is_file = not is_dir and entry.is_file()
            except OSError as exc:
                found.errors.append(f"{path}: cannot follow ({exc.strerror}), skipped")
                continue
            if is_dir:
                if ex.excluded(path, root):
                    found.pruned.append(str(path))
                else:
                    stack.append(path)
            elif not is_report(entry.name):
                continue
            elif not is_file:
                if entry.is_symlink():
                    found.errors.append(f"{path}: symbolic link that leads nowhere or loops, skipped")
            elif ex.excluded(path, root):
                found.excluded.append(str(path))
            else:
                files.append(str(path))
    files.sort()
    found.files.extend(files)
    return len(files)


def find(paths: list[str], config_of: dict[str, Config]) -> Found:
    """The files of `paths` under the configuration that applies to each argument (`config_of[arg]`)."""
    found = Found()
    for arg in paths:
        p = Path(arg)
        config = config_of[arg]
        ex = Excluder.of(config)
        if arg != "-" and p.is_dir():
            before, pruned = len(found.excluded), len(found.pruned)
            if not walk(p, ex, found):
                if len(found.excluded) > before:
                    found.errors.append(f"{arg}: every report in it is excluded (see --show-settings)")
                else:
                    skipped = [Path(d).name for d in found.pruned[pruned:] if not Path(d).name.startswith(".")]
                    note = f"; excluded folders not entered: {', '.join(skipped[:3])}" if skipped else ""
                    found.errors.append(f"{arg}: directory holds no reports ({', '.join(REPORT_SUFFIXES)}){note}")
        elif arg != "-" and config.force_exclude and ex.excluded(p):
            found.excluded.append(arg)
        else:
            found.files.append(arg)
    return found
