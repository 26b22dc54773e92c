# Accepted: LeetCode style (a Solution class). Binary search for the pivot (the smallest
# value) against the last value, then bisect in the sorted run that can hold the target.
from bisect import bisect_left
from typing import Sequence


class Solution:
    def search_rotated(self, nums: Sequence[int], target: int) -> int:
        n = len(nums)
        if n == 0:
            return -1
        last = nums[n - 1]
        lo, hi = 0, n - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] > last:
                lo = mid + 1
            else:
                hi = mid
        start, end = (lo, n) if target <= last else (0, lo)
        i = bisect_left(nums, target, start, end)
        return i if i < end and nums[i] == target else -1
