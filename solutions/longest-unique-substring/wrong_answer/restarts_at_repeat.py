# Bug: on a repeat, restarts the window at the repeated character itself, dropping the
# characters between the two copies: "dvdf" gives 2 ("df"), not 3 ("vdf"). Right whenever
# the repeat is the window's first character (every sample).
def longest_unique(s):
    seen = set()
    start = 0
    best = 0
    for i, c in enumerate(s):
        if c in seen:
            seen = set()
            start = i
        seen.add(c)
        best = max(best, i - start + 1)
    return best
