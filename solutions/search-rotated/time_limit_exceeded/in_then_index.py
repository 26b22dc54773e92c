# Right answers in O(n) reads: `target in nums` walks the sequence item by item like a for
# loop, and .index() walks it again.
def search_rotated(nums, target):
    return nums.index(target) if target in nums else -1
