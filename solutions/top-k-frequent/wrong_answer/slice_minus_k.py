# Bug: takes the last k of the values sorted by count with [-k:], which for k = 0 is [0:], the
# whole list, instead of nothing.
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    return sorted(counts, key=counts.get)[-k:]
