# Accepted: the classic sliding window; the start jumps past the previous copy of the
# character, never backwards (max). O(n).
def longest_unique(s):
    last = {}
    start = 0
    best = 0
    for i, c in enumerate(s):
        start = max(start, last.get(c, -1) + 1)
        last[c] = i
        best = max(best, i - start + 1)
    return best
