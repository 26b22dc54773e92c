# Accepted: LeetCode style, the usual expand helper called for odd and even centres; each
# call returns the palindrome it found as a slice.
class Solution:
    def longest_palindrome(self, s: str) -> str:
        best = ""
        for i in range(len(s)):
            for candidate in (self.expand(s, i, i), self.expand(s, i, i + 1)):
                if len(candidate) > len(best):
                    best = candidate
        return best

    def expand(self, s: str, left: int, right: int) -> str:
        while left >= 0 and right < len(s) and s[left] == s[right]:
            left -= 1
            right += 1
        return s[left + 1 : right]
