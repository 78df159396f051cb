"""Offset maps (each character's index in the text it came from) built from slices of arrays, not item by item.

A map is an `array("q")` of machine integers. Filling one from a `range` or a generator costs a Python int per
item (~70 ns, the main cost of normalising a text report); copying a slice of an existing array is a memory
copy (~1 ns). Most of a map is runs of consecutive offsets, so it is built from slices of a shared identity
array (item i is i), or of the map it is composed with.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

# the identity kept between documents: at most this many items (32 MB), longer texts build their own
IDENTITY_LIMIT = 1 << 22
_identity = array("q")


def identity(n: int) -> array[int]:
    """An array whose item i is i for every i < n (it may be longer). Shared: slice it, never change it."""
    if n <= len(_identity):
        return _identity
    if n > IDENTITY_LIMIT:
        return array("q", range(n))
    # grown by doubling, so a run of growing documents fills it once
    _identity.extend(range(len(_identity), min(IDENTITY_LIMIT, max(n, 2 * len(_identity)))))
    return _identity


def as_array(offsets: Sequence[int], n: int) -> array[int]:
    """`offsets` (a map of a text of n characters) as an array to slice: the identity is not copied."""
    if isinstance(offsets, range) and offsets.start == 0 and offsets.step == 1 and len(offsets) >= n:
        return identity(n)
    return offsets if isinstance(offsets, array) else array("q", offsets)
