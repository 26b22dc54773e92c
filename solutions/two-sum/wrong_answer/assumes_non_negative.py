# Bug: an "optimisation" that skips values larger than the target, which is only right when
# every value is non-negative. Passes every sample.
def two_sum(nums, target):
    seen = {}
    for j, value in enumerate(nums):
        if value > target:
            continue
        if target - value in seen:
            return seen[target - value], j
        seen[value] = j
    return None
