# Right answers, wrong complexity: nums.count(value) scans the whole list once per distinct
# value, O(n · d).
def top_k_frequent(nums, k):
    counts = {value: nums.count(value) for value in set(nums)}
    return sorted(counts, key=counts.get, reverse=True)[:k]
