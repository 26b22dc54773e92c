# LeetCode style, returning a list in the other order: both are accepted.
from typing import List, Optional


class Solution:
    def two_sum(self, nums: List[int], target: int) -> Optional[List[int]]:
        index = {}
        for i, value in enumerate(nums):
            index.setdefault(value, i)
        for j in range(len(nums) - 1, -1, -1):
            i = index.get(target - nums[j])
            if i is not None and i != j:
                return [j, i]
        return None
