"""Reference solution: patience sorting with links back, O(n log n).

`tails[k]` is the smallest last value of an increasing subsequence of length k + 1 seen so
far; `tails` is strictly increasing, so a binary search finds where each value goes.
`links[k]` is that subsequence itself, as a linked list from its last value back to its
first: `(value, the link of the subsequence it extends)`. Links are never changed, only
replaced, so the last entry of `links` is one longest increasing subsequence at the end.
"""

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any


def lis(nums: list[int]) -> list[int]:
    tails: list[int] = []
    links: list[tuple[int, Any]] = []
    for value in nums:
        k = bisect_left(tails, value)  # an equal value replaces, never extends
        link = (value, links[k - 1] if k else None)
        if k == len(tails):
            tails.append(value)
            links.append(link)
        else:
            tails[k] = value
            links[k] = link
    return list(_values(links[-1]))[::-1] if links else []


def _values(link: tuple[int, Any] | None) -> Iterator[int]:
    """The values of a linked subsequence, from its last to its first."""
    while link is not None:
        value, link = link
        yield value
