# Accepted: LeetCode style, a min-heap of the end times of the rooms in use.
import heapq
from typing import List, Tuple


class Solution:
    def min_rooms(self, intervals: List[Tuple[int, int]]) -> int:
        ends: List[int] = []
        for start, end in sorted(intervals):
            if ends and ends[0] <= start:
                heapq.heapreplace(ends, end)
            else:
                heapq.heappush(ends, end)
        return len(ends)
