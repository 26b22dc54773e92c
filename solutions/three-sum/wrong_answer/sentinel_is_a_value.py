# Bug: skips repeated first values by comparing with a "previous value" sentinel of -10**5,
# meant to lie below every value but equal to the smallest one allowed, so a triplet whose
# smallest value is -10**5, such as [-100000, 50000, 50000], is never reported.
def three_sum(nums):
    nums = sorted(nums)
    n = len(nums)
    result = []
    previous = -100000
    for i in range(n - 2):
        if nums[i] == previous:
            continue
        previous = nums[i]
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = nums[i] + nums[lo] + nums[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.append((nums[i], nums[lo], nums[hi]))
                while lo < hi and nums[lo] == nums[lo + 1]:
                    lo += 1
                lo += 1
                hi -= 1
    return result
