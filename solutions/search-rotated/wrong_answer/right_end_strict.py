# Bug: checks value < target < nums[hi] for the sorted right half, so a target equal to its
# last value is sent left and missed ([5, 1, 2, 3, 4] with target 4 gives -1).
def search_rotated(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        value = nums[mid]
        if value == target:
            return mid
        if nums[lo] <= value:
            if nums[lo] <= target < value:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if value < target < nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
