# Bug: counts the runs of the sorted list but never closes the last run, so the largest value
# is never counted (or chosen), even when it is the most frequent.
def top_k_frequent(nums, k):
    if not nums:
        return []
    ordered = sorted(nums)
    counts = {}
    run_value, run_length = ordered[0], 0
    for value in ordered:
        if value == run_value:
            run_length += 1
        else:
            counts[run_value] = run_length
            run_value, run_length = value, 1
    return sorted(counts, key=counts.get, reverse=True)[:k]
