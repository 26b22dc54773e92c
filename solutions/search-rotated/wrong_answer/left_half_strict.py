# Bug: tests whether the left half is sorted with nums[lo] < nums[mid]. When lo == mid that
# is False, so a one-item left half is taken for the unsorted one and the search can go the
# wrong way ([3, 1] with target 1 gives -1).
def search_rotated(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        value = nums[mid]
        if value == target:
            return mid
        if nums[lo] < value:
            if nums[lo] <= target < value:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if value < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
