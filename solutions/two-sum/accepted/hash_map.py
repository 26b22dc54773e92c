# One pass with a hash map: O(n).
def two_sum(nums, target):
    seen = {}
    for j, value in enumerate(nums):
        if target - value in seen:
            return seen[target - value], j
        seen[value] = j
    return None
