# Accepted: LeetCode style. Builds all prefix sums first, then walks them from the right,
# counting for each prefix the later ones equal to it plus k. O(n).
from collections import defaultdict
from itertools import accumulate
from typing import List


class Solution:
    def count_subarrays(self, nums: List[int], k: int) -> int:
        prefixes = [0, *accumulate(nums)]
        later = defaultdict(int)
        result = 0
        for p in reversed(prefixes):
            result += later[p + k]
            later[p] += 1
        return result
