# Runtime error: reads nums[0] and nums[-1] before looking at the length, so an empty list
# raises IndexError. Right on every non-empty list.
from bisect import bisect_left


def search_rotated(nums, target):
    first, last = nums[0], nums[-1]
    n = len(nums)
    lo, hi = 0, n - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] > last:
            lo = mid + 1
        else:
            hi = mid
    start, end = (0, lo) if target >= first and lo > 0 else (lo, n)
    i = bisect_left(nums, target, start, end)
    return i if i < end and nums[i] == target else -1
