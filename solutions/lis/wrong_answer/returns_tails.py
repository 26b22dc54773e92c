# Wrong answer: returns the patience-sorting `tails` array. Its length is right, but a later
# smaller value overwrites an earlier tail, so the list need not be a subsequence of nums:
# [3, 4, 1] gives [1, 4], while 1 comes after 4.
from bisect import bisect_left


def lis(nums):
    tails = []
    for x in nums:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return tails
