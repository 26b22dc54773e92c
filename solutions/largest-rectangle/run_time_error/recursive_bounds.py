# Runtime error: the nearest lower bar on each side by memoised recursion along the chains of
# nearest lower bars (O(n) overall, and right), but the chain to the right of the first of
# 10^5 increasing bars is 10^5 calls deep: RecursionError.
from functools import cache


def largest_rectangle(heights):
    n = len(heights)

    @cache
    def right(i):  # the first bar after i that is lower than bar i (n: none)
        j = i + 1
        while j < n and heights[j] >= heights[i]:
            j = right(j)
        return j

    @cache
    def left(i):  # the last bar before i that is lower than bar i (-1: none)
        j = i - 1
        while j >= 0 and heights[j] >= heights[i]:
            j = left(j)
        return j

    return max((heights[i] * (right(i) - left(i) - 1) for i in range(n)), default=0)
