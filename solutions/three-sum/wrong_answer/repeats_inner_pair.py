# Bug: skips repeated first values, but after a match moves both pointers by one without
# skipping repeats of the second and third values, so [-2, 0, 0, 2, 2] lists (-2, 0, 2)
# twice. Right whenever no match has a repeated neighbour (every sample).
def three_sum(nums):
    nums = sorted(nums)
    n = len(nums)
    result = []
    for i in range(n - 2):
        if i > 0 and nums[i] == nums[i - 1]:
            continue
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = nums[i] + nums[lo] + nums[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.append((nums[i], nums[lo], nums[hi]))
                lo += 1
                hi -= 1
    return result
