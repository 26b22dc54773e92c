# Bug: records every request, refused ones too, so a refused request keeps filling the
# window after the allowed ones have left it (limit 1: allow(0), allow(1), then allow(5) in
# a window of 5 is refused because of the refused request at 1).
from collections import deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.times = deque()

    def allow(self, t):
        while self.times and self.times[0] <= t - self.window:
            self.times.popleft()
        self.times.append(t)
        return len(self.times) <= self.limit
