# Time limit exceeded: the right recursion on the last letters, without memoisation: up to
# three calls per mismatch, exponential in the lengths.


def edit_distance(a, b):
    def go(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return go(i - 1, j - 1)
        return 1 + min(go(i - 1, j - 1), go(i - 1, j), go(i, j - 1))

    return go(len(a), len(b))
