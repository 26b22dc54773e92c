# Sort, count the runs of equal values, then sort the (count, value) pairs: O(n log n).
def top_k_frequent(nums, k):
    ordered = sorted(nums)
    runs = []
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] != ordered[start]:
            runs.append((i - start, ordered[start]))
            start = i
    runs.sort(reverse=True)
    return [value for _, value in runs[:k]]
