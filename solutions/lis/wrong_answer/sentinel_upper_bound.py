# Wrong answer: rebuilds the answer backwards from each position's run length, starting with
# 10**9 as "larger than every value" instead of infinity. A value of exactly 10**9 (allowed)
# can then never end the answer: [10**9] gives [].
from bisect import bisect_left


def lis(nums):
    tails, length = [], []
    for x in nums:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
        length.append(k + 1)
    need, upper, out = len(tails), 10**9, []
    for i in range(len(nums) - 1, -1, -1):
        if need and length[i] == need and nums[i] < upper:
            out.append(nums[i])
            upper = nums[i]
            need -= 1
    return out[::-1]
