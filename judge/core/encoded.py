"""Encodings of big suite values, kept by the identity of the value.

Grading, `judge check` and the web app judge many submissions against one suite in one
process (`suite.load_suite` keeps it), so a stress case of 10^5 edges is the same object
for every submission: it is encoded to JSON once, not once per submission (a dijkstra case
takes about 0.15 s of the host's CPU to encode). The same holds for the size of an expected
answer, which the time allowance needs.

Only big encodings are kept (small ones cost less than the bookkeeping), the values
themselves are held too (an `id` is never reused while its entry lives), and the total is
bounded. A value must not be changed after it was encoded: suite values never are (the
reference gets deep copies, a submission runs in its sandbox).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

KEEP_FROM_BYTES = 64 * 1024
"""Encodings smaller than this are made again each time."""
KEEP_AT_MOST_BYTES = 64 * 1024 * 1024
"""The most a store keeps, the least recently used dropped first."""


class ByIdentity(Generic[T]):
    """A bounded store of results computed from values, keyed by the values' identity."""

    def __init__(self, size_of: Callable[[T], int]) -> None:
        self._size_of = size_of
        self._entries: OrderedDict[int, tuple[Any, T, int]] = OrderedDict()
        self._total = 0

    def get(self, value: Any, compute: Callable[[], T]) -> T:
        """`compute()`'s result for `value`, computed once while it is kept."""
        key = id(value)
        entry = self._entries.get(key)
        if entry is not None and entry[0] is value:
            self._entries.move_to_end(key)
            return entry[1]
        result = compute()
        size = self._size_of(result)
        if size >= KEEP_FROM_BYTES:
            self._entries[key] = (value, result, size)
            self._total += size
            while self._total > KEEP_AT_MOST_BYTES and self._entries:
                _, (_, _, dropped) = self._entries.popitem(last=False)
                self._total -= dropped
        return result
