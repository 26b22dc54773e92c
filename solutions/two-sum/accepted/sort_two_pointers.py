# Sort indices by value, then two pointers: O(n log n).
def two_sum(nums, target):
    order = sorted(range(len(nums)), key=nums.__getitem__)
    lo, hi = 0, len(order) - 1
    while lo < hi:
        total = nums[order[lo]] + nums[order[hi]]
        if total == target:
            return order[lo], order[hi]
        if total < target:
            lo += 1
        else:
            hi -= 1
    return None
