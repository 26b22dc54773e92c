# Accepted: counts each value once, then pairs of distinct values a <= b look up the third
# c = -a - b >= b in the counts, checking that enough copies exist. O(n + d^2), d distinct.
from collections import Counter


def three_sum(nums):
    counts = Counter(nums)
    values = sorted(counts)
    triplets = []
    for i, a in enumerate(values):
        for b in values[i:]:
            c = -a - b
            if c < b:
                break
            if c not in counts:
                continue
            if a == b == c:
                if counts[a] >= 3:
                    triplets.append((a, b, c))
            elif a == b:
                if counts[a] >= 2:
                    triplets.append((a, b, c))
            elif b == c:
                if counts[b] >= 2:
                    triplets.append((a, b, c))
            else:
                triplets.append((a, b, c))
    return triplets
