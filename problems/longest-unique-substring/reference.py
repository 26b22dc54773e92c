"""Reference solution: a sliding window and the last index at which each character was seen.

The window `s[start : i + 1]` holds no character twice. When `s[i]` was last seen inside
the window, the window restarts just after that earlier copy; a copy seen before `start`
is outside the window and moves nothing, so `start` never moves backwards. O(n) time,
O(min(n, alphabet)) extra space.
"""


def longest_unique(s: str) -> int:
    last_seen: dict[str, int] = {}
    start = best = 0
    for i, char in enumerate(s):
        if char in last_seen and last_seen[char] >= start:
            start = last_seen[char] + 1
        last_seen[char] = i
        best = max(best, i - start + 1)
    return best
