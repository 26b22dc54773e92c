# Bug: refuses a complement equal to the value itself, so a pair of duplicates (3 + 3 = 6)
# is never found. Passes every sample.
def two_sum(nums, target):
    values = set(nums)
    for i, value in enumerate(nums):
        other = target - value
        if other in values and other != value:
            return i, nums.index(other)
    return None
