# Bug: the DP table is filled with i going up, so is_pal[i + 1][j - 1] is read before it is
# set: only palindromes of length 1 to 3 are ever found ("abcba" gives "bcb"). (It keeps
# just two rows, so memory is not the problem.)
def longest_palindrome(s):
    n = len(s)
    best = s[:1]
    inner = [False] * n  # row i + 1 of the table, believed to be ready
    for i in range(n):
        row = [False] * n
        for j in range(i, n):
            if s[i] == s[j] and (j - i < 3 or inner[j - 1]):
                row[j] = True
                if j - i + 1 > len(best):
                    best = s[i : j + 1]
        inner = [False] * n  # "the next row starts empty"
    return best
