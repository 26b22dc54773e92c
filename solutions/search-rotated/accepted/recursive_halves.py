# Accepted: recursion on index ranges. A range whose first value is below its last is
# sorted and is searched with bisect; otherwise it is split in two and, since one half is
# sorted, only one of the two recursive calls ever goes deeper. O(log^2 n) reads.
from bisect import bisect_left


def search_rotated(nums, target):
    def search(lo, hi):  # the range [lo, hi)
        if hi - lo <= 0:
            return -1
        if nums[lo] <= nums[hi - 1]:
            i = bisect_left(nums, target, lo, hi)
            return i if i < hi and nums[i] == target else -1
        mid = (lo + hi) // 2
        found = search(lo, mid)
        return found if found >= 0 else search(mid, hi)

    return search(0, len(nums))
