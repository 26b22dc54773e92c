# Accepted: patience sorting that keeps, for each pile, the index of its top card, and a
# parent index per element (-1 for none); the answer is rebuilt backwards from the last pile.
import bisect


def lis(nums):
    tops = []  # tops[k]: the smallest last value of an increasing run of length k + 1
    top_index = []
    parent = [-1] * len(nums)
    for i, x in enumerate(nums):
        k = bisect.bisect_left(tops, x)
        if k > 0:
            parent[i] = top_index[k - 1]
        if k == len(tops):
            tops.append(x)
            top_index.append(i)
        else:
            tops[k] = x
            top_index[k] = i
    out = []
    i = top_index[-1] if top_index else -1
    while i != -1:
        out.append(nums[i])
        i = parent[i]
    out.reverse()
    return out
