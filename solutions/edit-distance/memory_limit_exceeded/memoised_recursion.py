# Memory limit exceeded: top-down recursion with an unbounded cache. Right, but the cache
# keeps an entry for every (i, j) pair reached, up to a million of them (~150 MiB).
from functools import cache


def edit_distance(a, b):
    @cache
    def go(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return go(i - 1, j - 1)
        return 1 + min(go(i - 1, j - 1), go(i - 1, j), go(i, j - 1))

    return go(len(a), len(b))
