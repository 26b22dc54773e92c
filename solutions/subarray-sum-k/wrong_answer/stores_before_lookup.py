# Bug: records the current prefix sum before looking up prefix - k, so with k = 0 every
# position also counts the empty subarray ending there: [5] with k = 0 gives 1, not 0.
# Right whenever k != 0 (every sample but the empty list).
def count_subarrays(nums, k):
    seen = {0: 1}
    prefix = 0
    count = 0
    for value in nums:
        prefix += value
        seen[prefix] = seen.get(prefix, 0) + 1
        count += seen.get(prefix - k, 0)
    return count
