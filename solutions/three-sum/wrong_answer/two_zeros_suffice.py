# Bug: checks that a value used twice appears twice, but asks for only two zeros (not
# three) before reporting (0, 0, 0), so [0, 0] gets (0, 0, 0). Right whenever nums does not
# hold exactly two zeros (every sample holds at most one).
from collections import Counter


def three_sum(nums):
    counts = Counter(nums)
    values = sorted(counts)
    triplets = []
    for i, a in enumerate(values):
        for b in values[i:]:
            c = -a - b
            if c < b or c not in counts:
                continue
            if a == b or b == c:
                if counts[b] >= 2:
                    triplets.append((a, b, c))
            else:
                triplets.append((a, b, c))
    return triplets
