# Bug: jumps the window start to just after the previous copy of the character even when
# that copy lies before the window, moving the start backwards: "abba" gives 3 ("bba"), not
# 2. Right whenever every repeat's previous copy is inside the window (every sample).
def longest_unique(s):
    last = {}
    start = 0
    best = 0
    for i, c in enumerate(s):
        if c in last:
            start = last[c] + 1
        last[c] = i
        best = max(best, i - start + 1)
    return best
