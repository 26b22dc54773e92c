# Bug: counts every prefix sum first, then pairs each prefix with any prefix smaller by k,
# earlier or later, so every subarray summing to -k counts too: [-1] with k = 1 gives 1,
# not 0 (and with k = 0 each prefix pairs with itself). Right whenever prefix sums only
# grow and k > 0 (positive values, as in every sample).
from collections import Counter
from itertools import accumulate


def count_subarrays(nums, k):
    if not nums:
        return 0
    prefixes = [0, *accumulate(nums)]
    counts = Counter(prefixes)
    return sum(counts[p - k] for p in prefixes)
