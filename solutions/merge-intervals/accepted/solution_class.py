# Accepted: LeetCode style, with a stack of merged intervals and tuples out.
from typing import List, Tuple


class Solution:
    def merge_intervals(self, intervals: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
        stack: List[Tuple[int, int]] = []
        for start, end in sorted(intervals):
            if stack and stack[-1][1] >= start:
                top_start, top_end = stack.pop()
                stack.append((top_start, max(top_end, end)))
            else:
                stack.append((start, end))
        return stack
