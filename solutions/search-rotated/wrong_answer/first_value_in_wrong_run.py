# Bug: when the list is rotated, picks the run to search with target > nums[0], so a target
# equal to nums[0] is looked for among the values below it and missed ([3, 1, 2] with
# target 3 gives -1). Right on every list that is not rotated.
from bisect import bisect_left


def search_rotated(nums, target):
    n = len(nums)
    if n == 0:
        return -1
    if nums[0] < nums[n - 1]:  # not rotated: one sorted run
        start, end = 0, n
    else:
        lo, hi = 0, n - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] > nums[n - 1]:
                lo = mid + 1
            else:
                hi = mid
        start, end = (0, lo) if target > nums[0] else (lo, n)
    i = bisect_left(nums, target, start, end)
    return i if i < end and nums[i] == target else -1
