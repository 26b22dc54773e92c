# Wrong answer: patience sorting with parent links, but the answer is rebuilt from the last
# value of nums instead of from the top of the last pile: wrong whenever the last value is in
# no longest subsequence ([1, 2, 0] gives [0]).
from bisect import bisect_left


def lis(nums):
    if not nums:
        return []
    tails, ends, parent = [], [], [None] * len(nums)
    for i, x in enumerate(nums):
        k = bisect_left(tails, x)
        parent[i] = ends[k - 1] if k else None
        if k == len(tails):
            tails.append(x)
            ends.append(i)
        else:
            tails[k] = x
            ends[k] = i
    out = []
    i = len(nums) - 1
    while i is not None:
        out.append(nums[i])
        i = parent[i]
    return out[::-1]
