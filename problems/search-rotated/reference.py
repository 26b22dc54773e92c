"""Reference solution: one binary search, on a key under which the rotated list is sorted.

A sorted list rotated by k is two increasing runs: the values from `nums[0]` upwards, then
the values below `nums[0]`. Ranking a value by `(value < nums[0], value)` puts the whole
first run before the second and keeps each run in order, so the ranks increase along the
list and `bisect_left` finds the target's rank in O(log n) reads.
"""

from bisect import bisect_left
from collections.abc import Sequence


def search_rotated(nums: Sequence[int], target: int) -> int:
    if not nums:
        return -1
    first = nums[0]

    def rank(value: int) -> tuple[bool, int]:
        return (value < first, value)

    index = bisect_left(nums, rank(target), key=rank)
    return index if index < len(nums) and nums[index] == target else -1
