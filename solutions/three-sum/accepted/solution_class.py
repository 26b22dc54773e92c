# Accepted: LeetCode style. For each first value, a hash set of the values seen after it
# finds the third; a set of sorted tuples removes repeats. Returns lists, in no order. O(n^2).
from typing import List


class Solution:
    def three_sum(self, nums: List[int]) -> List[List[int]]:
        nums = sorted(nums)
        found = set()
        for i, a in enumerate(nums):
            if i and a == nums[i - 1]:
                continue
            seen = set()
            for b in nums[i + 1 :]:
                c = -a - b
                if c in seen:
                    found.add((a, c, b))
                seen.add(b)
        return [[c, b, a] for a, b, c in found]
