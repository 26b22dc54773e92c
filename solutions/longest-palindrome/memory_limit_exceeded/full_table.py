# Memory limit exceeded: the textbook DP over an n × n table of booleans, is_pal[i][j] for
# s[i..j]. Right and O(n^2) time, but for n = 5000 the table is 25 · 10^6 list cells
# (200 MB), over the 64 MiB limit.
def longest_palindrome(s):
    n = len(s)
    is_pal = [[False] * n for _ in range(n)]
    start, length = 0, min(n, 1)
    for i in range(n - 1, -1, -1):
        for j in range(i, n):
            if s[i] == s[j] and (j - i < 3 or is_pal[i + 1][j - 1]):
                is_pal[i][j] = True
                if j - i + 1 > length:
                    start, length = i, j - i + 1
    return s[start : start + length]
