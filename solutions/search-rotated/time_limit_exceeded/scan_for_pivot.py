# Right answers, O(n) reads: walks to the pivot (the first descent) one item at a time,
# then binary-searches the right run. Fast only when the pivot is near the start.
from bisect import bisect_left


def search_rotated(nums, target):
    n = len(nums)
    pivot = 0
    for i in range(1, n):
        if nums[i] < nums[i - 1]:
            pivot = i
            break
    for start, end in ((0, pivot), (pivot, n)):
        i = bisect_left(nums, target, start, end)
        if i < end and nums[i] == target:
            return i
    return -1
