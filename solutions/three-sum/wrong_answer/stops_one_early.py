# Bug: the first value's loop stops one position early (range(n - 3) instead of
# range(n - 2)), so a triplet made of the three largest values, such as [-1, 0, 1] on its
# own, is never tried. Right whenever every triplet has a larger value left over.
def three_sum(nums):
    nums = sorted(nums)
    n = len(nums)
    result = set()
    for i in range(n - 3):
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = nums[i] + nums[lo] + nums[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.add((nums[i], nums[lo], nums[hi]))
                lo += 1
    return sorted(result)
