# Right answers, O(n^2): prefix sums, then for each one list.count over the later ones
# (C speed, but still n^2 / 2 comparisons).
from itertools import accumulate


def count_subarrays(nums, k):
    prefixes = [0, *accumulate(nums)]
    return sum(prefixes[i + 1 :].count(p + k) for i, p in enumerate(prefixes))
