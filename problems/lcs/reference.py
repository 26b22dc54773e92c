"""Reference solution: a suffix-length table, then one forward walk that rebuilds an answer.

`table[i][j]` is the length of a longest common subsequence of `a[i:]` and `b[j:]`. Filling
it from the end lets the rebuild walk forwards from (0, 0), so no reversal is needed.
"""


def lcs(a: str, b: str) -> str:
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, letter = table[i], table[i + 1], a[i]
        for j in range(m - 1, -1, -1):
            if letter == b[j]:
                row[j] = below[j + 1] + 1
            else:
                down, right = below[j], row[j + 1]
                row[j] = down if down >= right else right
    letters = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            letters.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(letters)
