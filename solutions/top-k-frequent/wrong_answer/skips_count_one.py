# Bug: the walk over the count buckets stops before count 1, so values that occur once are
# never chosen, even when k asks for them.
from collections import Counter


def top_k_frequent(nums, k):
    buckets = [[] for _ in range(len(nums) + 1)]
    for value, count in Counter(nums).items():
        buckets[count].append(value)
    answer = []
    for count in range(len(nums), 1, -1):
        answer.extend(buckets[count])
    return answer[:k]
