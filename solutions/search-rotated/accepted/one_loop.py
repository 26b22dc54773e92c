# Accepted: the classic single binary search. One half of [lo, hi] around mid is always
# sorted; look in it if the target lies within its ends, otherwise in the other half.
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
            if value < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
