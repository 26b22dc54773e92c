# Bug: remembers which prefix sums occurred (seen[prefix] = 1), not how often, so a sum
# reached twice pairs only once: [1, -1, 1] with k = 1 gives 2, not 3. Right whenever no
# prefix sum repeats, as with positive values only (every sample).
def count_subarrays(nums, k):
    seen = {0: 1}
    prefix = 0
    count = 0
    for value in nums:
        prefix += value
        count += seen.get(prefix - k, 0)
        seen[prefix] = 1
    return count
