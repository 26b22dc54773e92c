"""Reference solution: expand around each of the 2n - 1 centres, O(n^2) time, O(1) space.

Centre `c` is the letter `c // 2` when `c` is even (odd-length palindromes) and the gap after
it when `c` is odd (even-length ones). From each centre, grow while the two ends match; the
first palindrome of a new greatest length is kept. A string of one repeated letter is the
worst case: every centre grows until it reaches an end of the string.
"""


def longest_palindrome(s: str) -> str:
    n = len(s)
    best = ""
    for centre in range(2 * n - 1):
        left, right = centre // 2, (centre + 1) // 2
        while left >= 0 and right < n and s[left] == s[right]:
            left -= 1
            right += 1
        palindrome = s[left + 1 : right]
        if len(palindrome) > len(best):
            best = palindrome
    return best
