# Bug: counts runs of equal neighbours without sorting first, as if equal values were always
# grouped; a value whose copies are apart keeps only the length of its last run.
def top_k_frequent(nums, k):
    counts = {}
    run = 0
    for i, value in enumerate(nums):
        run = run + 1 if i and nums[i - 1] == value else 1
        counts[value] = run
    return sorted(counts, key=counts.get, reverse=True)[:k]
