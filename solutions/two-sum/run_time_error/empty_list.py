# Crash: reads nums[0] to initialise, so an empty list raises IndexError.
def two_sum(nums, target):
    seen = {nums[0]: 0}
    for j in range(1, len(nums)):
        if target - nums[j] in seen:
            return seen[target - nums[j]], j
        seen.setdefault(nums[j], j)
    return None
