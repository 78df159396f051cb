"""Reading report files: bytes to text, with the encodings Chinese government files come in.

Every failure is an `InputError` carrying one line for stderr; the CLI turns it into exit code 2 for
that file and goes on with the others.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")
DEFAULT_MAX_BYTES = 32 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a report; the message is one line for stderr."""


@dataclass(frozen=True)
class Source:
    """A file read as text: its path, the text, how it was decoded, and what reading noted."""

    path: str
    text: str
    encoding: str  # the text's encoding, or "docx" / "pdf" for a rendering of such a file
    rendering: Any = None  # documents.Rendering for .docx / .pdf: locators of the rendered lines
    notes: tuple[str, ...] = ()  # what reading let pass and the user should know (one line each, not errors)


def _notes(text: str, path: str) -> tuple[str, ...]:
    nuls = text.count("\x00")
    return (
        (f"{path}: {nuls} NUL byte{'s' if nuls != 1 else ''} ignored (debris of an extraction tool?)",) if nuls else ()
    )


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


def _too_large(path: str, size: float, max_bytes: int) -> InputError:
    return InputError(
        f"{path}: {size / 1048576:.1f} MB is larger than the limit of {max_bytes / 1048576:g} MB "
        "(raise it with --max-file-size)"
    )


def _read_at_most(stream: BinaryIO, path: str, max_bytes: int) -> bytes:
    """The stream's bytes, refused past `max_bytes` without reading more than one byte beyond (stdin and a
    file that grows are bounded as a file's size on disk is)."""
    chunks: list[bytes] = []
    n = 0
    while n <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - n))
        if not chunk:
            break
        chunks.append(chunk)
        n += len(chunk)
    if n > max_bytes:
        raise InputError(f"{path}: more than the limit of {max_bytes / 1048576:g} MB (raise it with --max-file-size)")
    return b"".join(chunks)


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if path == "-":
        try:
            data = _read_at_most(sys.stdin.buffer, "<stdin>", max_bytes)
        except (OSError, AttributeError, ValueError) as exc:  # stdin closed
            raise InputError(f"<stdin>: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
        text, enc = decode(data, "<stdin>")
        return Source("-", text, enc, notes=_notes(text, "<stdin>"))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:  # a symbolic link that loops, a path through a file, no permission
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO would block the run until a writer comes; a device may never end (/dev/zero)
        raise InputError(f"{path}: not a regular file (a FIFO, socket or device); pipe it to - instead")
    if st.st_size > max_bytes:
        raise _too_large(path, st.st_size, max_bytes)
    suffix = Path(path).suffix.lower()
    if suffix in (".docx", ".pdf"):
        return _render(path, suffix, max_bytes)
    try:
        with open(path, "rb") as fh:
            data = _read_at_most(fh, path, max_bytes)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text, enc = decode(data, path)
    return Source(path, text, enc, notes=_notes(text, path))


def _render(path: str, suffix: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    from tieout.linter.text import limits
    from tieout.linter.text import render as documents

    try:
        if suffix == ".docx":
            limits.check_docx(path, max_bytes)
            rendering = documents.render_docx(path)
        else:
            rendering = documents.render_pdf(path, max_bytes)
    except documents.NoTextLayer as exc:
        raise InputError(str(exc)) from None
    except limits.InflateError as exc:
        said = str(exc)
        raise InputError(said if said.startswith(path) else f"{path}: {said}") from None
    except ImportError as exc:
        raise InputError(f"{path}: reading {suffix} files needs {exc.name}: pip install tieout") from None
    except Exception as exc:  # a damaged or mislabelled file: one line, the other files go on
        raise InputError(f"{path}: cannot read as {suffix[1:]} ({type(exc).__name__}: {str(exc)[:120]})") from None
    return Source(path, rendering.text, suffix[1:], rendering)
