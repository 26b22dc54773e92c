# Bug: measures a window only when a repeat closes it, and forgets the window still open at
# the end: "ab" gives 0, and "aab" gives 1, not 2. Right whenever a longest window is
# followed by a repeat (every sample).
def longest_unique(s):
    last = {}
    start = 0
    best = 0
    for i, c in enumerate(s):
        if c in last and last[c] >= start:
            best = max(best, i - start)
            start = last[c] + 1
        last[c] = i
    return best
