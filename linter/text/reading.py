"""Reading report files: bytes to text, with the encodings Chinese government files come in.

Every failure is an `InputError` carrying one line for stderr; the CLI turns it into exit code 2 for
that file and goes on with the others.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")
DEFAULT_MAX_BYTES = 32 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a report; the message is one line for stderr."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str  # the text's encoding, or "docx" / "pdf" for a rendering of such a file
    rendering: Any = None  # documents.Rendering for .docx / .pdf: locators of the rendered lines


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    # NUL bytes never occur in UTF-8 or GB18030 text; many mark a binary file (or UTF-16 without BOM), while a
    # few in otherwise good text are debris of an extraction tool: they stay in the text (so that positions
    # stay those of the file) and the normaliser drops them.
    if _too_many_nuls(data):
        raise InputError(f"{path}: binary file, not a text report (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: cannot decode as UTF-8 or GB18030 (byte {exc.start})") from None
    if _looks_like_garbage(text):
        raise InputError(f"{path}: not a text report (decodes as neither UTF-8 nor readable GB18030)")
    return text, "gb18030"


MAX_NUL_SHARE = 1 / 1000  # NUL bytes tolerated per byte of text …
MAX_NUL_FEW = 16  # … or this many in a short file


def _too_many_nuls(data: bytes) -> bool:
    nuls = data.count(b"\x00")
    return nuls > max(MAX_NUL_FEW, len(data) * MAX_NUL_SHARE)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid {encoding} at byte {exc.start}") from None


def _looks_like_garbage(text: str) -> bool:
    """GB18030 decodes almost any byte string; control characters betray a binary file."""
    if not text:
        return False
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return bad > len(sample) // 100


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if path == "-":
        data = sys.stdin.buffer.read()
        text, enc = decode(data, "<stdin>")
        return Source("-", text, enc)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or directory")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size / 1048576:.1f} MB is larger than the limit of {max_bytes / 1048576:.0f} MB "
            "(raise it with --max-file-size)"
        )
    suffix = p.suffix.lower()
    if suffix in (".docx", ".pdf"):
        return _render(path, suffix)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text, enc = decode(data, path)
    return Source(path, text, enc)


def _render(path: str, suffix: str) -> Source:
    from tieout.linter.text import render as documents

    try:
        rendering = documents.render_docx(path) if suffix == ".docx" else documents.render_pdf(path)
    except documents.NoTextLayer as exc:
        raise InputError(str(exc)) from None
    except ImportError as exc:
        raise InputError(f"{path}: reading {suffix} files needs {exc.name}: pip install tieout") from None
    except Exception as exc:  # a damaged or mislabelled file: one line, the other files go on
        raise InputError(f"{path}: cannot read as {suffix[1:]} ({type(exc).__name__}: {str(exc)[:120]})") from None
    return Source(path, rendering.text, suffix[1:], rendering)


def expand_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to check (directories walked for reports, sorted) and one error line per unusable argument."""
    files: list[str] = []
    errors: list[str] = []
    for arg in paths:
        p = Path(arg)
        if arg != "-" and p.is_dir():
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                errors.append(f"{arg}: directory holds no reports ({', '.join(REPORT_SUFFIXES)})")
            files.extend(found)
        else:
            files.append(arg)
    return files, errors
