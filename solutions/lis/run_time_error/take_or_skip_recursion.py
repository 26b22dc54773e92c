# Runtime error: the "take or skip" recursion with a cache, best(i, prev) over position i and
# the last value taken. Right, but it recurses once per position before returning anything:
# 2·10^5 levels is past Python's recursion limit (RecursionError).
from functools import cache


def lis(nums):
    n = len(nums)

    @cache
    def best(i, prev):
        if i == n:
            return 0
        skip = best(i + 1, prev)
        if prev == -1 or nums[i] > nums[prev]:
            return max(skip, 1 + best(i + 1, i))
        return skip

    out, prev = [], -1
    for i in range(n):
        if (prev == -1 or nums[i] > nums[prev]) and best(i, prev) == 1 + best(i + 1, i):
            out.append(nums[i])
            prev = i
    return out
