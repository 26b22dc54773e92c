# Right answers, O(n^3): every triple of positions is tried, and a set of sorted tuples
# removes repeats.
from itertools import combinations


def three_sum(nums):
    found = set()
    for triple in combinations(nums, 3):
        if sum(triple) == 0:
            found.add(tuple(sorted(triple)))
    return list(found)
