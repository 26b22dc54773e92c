# LeetCode style: bucket the values by count, then walk the buckets from the top: O(n).
from collections import Counter
from typing import List


class Solution:
    def top_k_frequent(self, nums: List[int], k: int) -> List[int]:
        buckets = [[] for _ in range(len(nums) + 1)]
        for value, count in Counter(nums).items():
            buckets[count].append(value)
        answer = []
        for count in range(len(nums), 0, -1):
            for value in buckets[count]:
                if len(answer) == k:
                    return answer
                answer.append(value)
        return answer
