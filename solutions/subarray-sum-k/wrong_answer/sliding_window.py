# Bug: a sliding window that shrinks from the left while the sum exceeds k, which is right
# only when no value is negative (and then still misses windows with zeros at the edges):
# [1, -1, 1] with k = 1 gives 2, not 3. Right on every sample (positive values only).
def count_subarrays(nums, k):
    count = 0
    total = 0
    left = 0
    for right, value in enumerate(nums):
        total += value
        while total > k and left <= right:
            total -= nums[left]
            left += 1
        if total == k and left <= right:
            count += 1
    return count
