# Crash: keeps the last index of each character in a table of 128 slots, as in C, so any
# character beyond ASCII (ord(c) >= 128, e.g. "é" or an emoji) raises IndexError.
def longest_unique(s):
    last = [-1] * 128
    start = 0
    best = 0
    for i, c in enumerate(s):
        code = ord(c)
        if last[code] >= start:
            start = last[code] + 1
        last[code] = i
        best = max(best, i - start + 1)
    return best
