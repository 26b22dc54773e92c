"""Reference solution: prefix sums and a count of how often each one has occurred.

A subarray `nums[i:j]` sums to `prefix[j] - prefix[i]`, where `prefix[j]` is the sum of the
first j values. So the subarrays ending at position j - 1 that sum to k are as many as the
earlier prefixes equal to `prefix[j] - k`. The empty prefix (sum 0) is counted before the
first value; each prefix is counted only after it has been looked up, so no subarray is
empty. O(n) time, O(n) extra space.
"""


def count_subarrays(nums: list[int], k: int) -> int:
    earlier = {0: 1}
    prefix = count = 0
    for value in nums:
        prefix += value
        count += earlier.get(prefix - k, 0)
        earlier[prefix] = earlier.get(prefix, 0) + 1
    return count
