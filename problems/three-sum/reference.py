"""Reference solution: sort, then for each first value two pointers over the rest.

The values are sorted once. Each distinct value in turn is the smallest of the triplet; two
pointers move inwards over the values after it, looking for pairs that sum to its negation.
A triplet is recorded only when its middle value is the first copy of that value after the
first one, so each set of values is reported once. O(n^2) time, O(n) extra space.
"""


def three_sum(nums: list[int]) -> list[tuple[int, int, int]]:
    values = sorted(nums)
    triplets = []
    for i, first in enumerate(values):
        if i and first == values[i - 1]:
            continue
        lo, hi = i + 1, len(values) - 1
        while lo < hi:
            total = first + values[lo] + values[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                if lo == i + 1 or values[lo] != values[lo - 1]:
                    triplets.append((first, values[lo], values[hi]))
                lo += 1
    return triplets
