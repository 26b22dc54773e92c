# Bug: one loop `for i in range(len(s) - 1)` for the odd centre i and the even centre
# (i, i + 1), so the last letter is never a centre: a one-letter string gives "".
def longest_palindrome(s):
    def expand(left, right):
        while left >= 0 and right < len(s) and s[left] == s[right]:
            left -= 1
            right += 1
        return s[left + 1 : right]

    best = ""
    for i in range(len(s) - 1):
        for candidate in (expand(i, i), expand(i, i + 1)):
            if len(candidate) > len(best):
                best = candidate
    return best
