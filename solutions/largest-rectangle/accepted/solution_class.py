# Accepted: LeetCode style (a Solution class). Nearest strictly lower bar on each side with
# two monotonic stacks, then the widest rectangle of every bar's height: O(n).
from typing import List


class Solution:
    def largest_rectangle(self, heights: List[int]) -> int:
        n = len(heights)
        left, right = [-1] * n, [n] * n
        stack = []
        for i in range(n):
            while stack and heights[stack[-1]] >= heights[i]:
                right[stack.pop()] = i
            left[i] = stack[-1] if stack else -1
            stack.append(i)
        return max((heights[i] * (right[i] - left[i] - 1) for i in range(n)), default=0)
