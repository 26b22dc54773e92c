"""Reference solution: a deque of the allowed requests still inside the window.

Times never decrease, so the allowed requests leave the window in the order they came:
drop them from the left, then compare what is left with the limit. Each time enters and
leaves the deque at most once (O(1) amortised per call), and the deque never holds more
than `limit` times.
"""

from collections import deque


class RateLimiter:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self.allowed: deque[float] = deque()

    def allow(self, t: float) -> bool:
        while self.allowed and self.allowed[0] <= t - self.window:
            self.allowed.popleft()
        if len(self.allowed) < self.limit:
            self.allowed.append(t)
            return True
        return False
