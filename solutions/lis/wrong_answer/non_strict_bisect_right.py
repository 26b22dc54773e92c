# Wrong answer: bisect_right instead of bisect_left, so an equal value extends a run instead
# of replacing it: this finds a longest non-decreasing subsequence. With repeated values
# ([2, 2]) the answer holds both copies and is not strictly increasing.
from bisect import bisect_right


def lis(nums):
    tails, ends, parent = [], [], [None] * len(nums)
    for i, x in enumerate(nums):
        k = bisect_right(tails, x)
        parent[i] = ends[k - 1] if k else None
        if k == len(tails):
            tails.append(x)
            ends.append(i)
        else:
            tails[k] = x
            ends[k] = i
    out = []
    i = ends[-1] if ends else None
    while i is not None:
        out.append(nums[i])
        i = parent[i]
    return out[::-1]
