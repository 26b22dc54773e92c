# Right answers, O(n · L) for windows of length L: each character is searched for in the
# current window with str.find. The scan runs at C speed, but a window of 10^5 distinct
# characters still makes it quadratic.
def longest_unique(s):
    start = 0
    best = 0
    for i, c in enumerate(s):
        j = s.find(c, start, i)
        if j != -1:
            start = j + 1
        best = max(best, i - start + 1)
    return best
