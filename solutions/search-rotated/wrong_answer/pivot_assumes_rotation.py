# Bug: finds the pivot as the first value below nums[0], which does not exist when the list
# is not rotated: the search then stops at n - 1 and the largest value is never searched
# (a sorted [1, 3, 5] with target 5 gives -1).
from bisect import bisect_left


def search_rotated(nums, target):
    n = len(nums)
    if n == 0:
        return -1
    lo, hi = 0, n - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] >= nums[0]:
            lo = mid + 1
        else:
            hi = mid
    pivot = lo
    start, end = (0, pivot) if target >= nums[0] else (pivot, n)
    i = bisect_left(nums, target, start, end)
    return i if i < end and nums[i] == target else -1
