"""Reference solution: count with a hash map, then keep the k most frequent with a heap."""

import heapq
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)
    return heapq.nlargest(k, counts, key=counts.__getitem__)
