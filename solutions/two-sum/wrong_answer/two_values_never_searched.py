# Bug: an early exit meant for "fewer than two values" with the wrong bound, so a list of
# exactly two values is never searched. Passes every sample (each has three values or more).
def two_sum(nums, target):
    if len(nums) <= 2:
        return None
    seen = {}
    for index, value in enumerate(nums):
        if target - value in seen:
            return (seen[target - value], index)
        seen[value] = index
    return None
