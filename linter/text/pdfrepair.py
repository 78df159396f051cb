"""Reading a damaged PDF: a file cut short before its page tree, cross-reference table and trailer.

Writers that put the page tree and catalogue last leave, when the upload or download is cut, a file whose
pages, fonts and content streams are all there but that no reader opens ("Unexpected EOF", "Data format
error"). The pages can still be found: every `/Type/Page` object is intact, so a page tree listing them in
file order (the order writers emit them), a catalogue and a trailer are appended, and the file read again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from tieout.linter.text.limits import InflateError
from tieout.linter.text.pdfpages import PageData

OBJECT = re.compile(rb"(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\b")
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
PARENT = re.compile(rb"/Parent\s+(\d+)\s+(\d+)\s+R")


def read_pages(data: bytes, pages: Callable[[bytes], Iterable[PageData]]) -> list[PageData]:
    """All pages of the file; when it cannot be opened, of the file with its page tree rebuilt."""
    try:
        return list(pages(data))
    except InflateError:  # past a limit: no repair makes it smaller
        raise
    except Exception:
        repaired = rebuild(data)
        if repaired is None:
            raise
        return list(pages(repaired))


def _page_objects(data: bytes) -> tuple[list[tuple[int, int]], tuple[int, int] | None, int]:
    """(number, generation) of each page object in file order, the parent they name, the highest number."""
    starts = [(m.start(), int(m.group(1)), int(m.group(2))) for m in OBJECT.finditer(data)]
    found: list[tuple[int, int]] = []
    parents: dict[tuple[int, int], int] = {}
    for k, (pos, num, gen) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(data)
        body = data[pos:end]
        head = body.split(b"stream", 1)[0]  # a page is a dictionary, never inside a stream
        if PAGE.search(head):
            found.append((num, gen))
            for p in PARENT.finditer(head):
                key = (int(p.group(1)), int(p.group(2)))
                parents[key] = parents.get(key, 0) + 1
    top = max((n for _, n, _ in starts), default=0)
    parent = max(parents, key=lambda k: parents[k]) if parents else None
    return found, parent, top


def rebuild(data: bytes) -> bytes | None:
    """The file with a page tree, catalogue and trailer appended, or None when it holds no pages at all."""
    found, parent, top = _page_objects(data)
    if not found:
        return None
    tree = parent if parent is not None and parent not in found else (top + 1, 0)
    catalog = (max(top, tree[0]) + 1, 0)
    kids = " ".join(f"{n} {g} R" for n, g in found)
    tail = (
        # close a stream or object the cut left open, so that the objects appended parse on their own
        "\nendstream\nendobj\n"
        f"{tree[0]} {tree[1]} obj\n<</Type/Pages/Kids[{kids}]/Count {len(found)}>>\nendobj\n"
        f"{catalog[0]} 0 obj\n<</Type/Catalog/Pages {tree[0]} {tree[1]} R>>\nendobj\n"
        f"trailer\n<</Root {catalog[0]} 0 R/Size {catalog[0] + 1}>>\n%%EOF\n"
    )
    return data + tail.encode("ascii")
