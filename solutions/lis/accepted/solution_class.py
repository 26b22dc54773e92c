# Accepted: LeetCode style (a Solution class). Binary search over the indices of the pile
# tops with a key (Python 3.10+), and the answer as a tuple: a tuple of values is accepted too.
from bisect import bisect_left
from typing import List


class Solution:
    def lis(self, nums: List[int]) -> List[int]:
        tops: List[int] = []  # indices into nums
        prev = {}
        for i, x in enumerate(nums):
            k = bisect_left(tops, x, key=nums.__getitem__)
            prev[i] = tops[k - 1] if k else None
            if k < len(tops):
                tops[k] = i
            else:
                tops.append(i)
        result = []
        i = tops[-1] if tops else None
        while i is not None:
            result.append(nums[i])
            i = prev[i]
        return tuple(reversed(result))
