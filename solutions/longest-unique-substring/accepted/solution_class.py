# Accepted: LeetCode style, a window kept as a set; the left edge drops characters one by
# one until the new one is no longer inside. Each character enters and leaves once: O(n).
class Solution:
    def longest_unique(self, s: str) -> int:
        window = set()
        left = 0
        best = 0
        for right, c in enumerate(s):
            while c in window:
                window.remove(s[left])
                left += 1
            window.add(c)
            best = max(best, right - left + 1)
        return best
