# Accepted: a deque of the allowed times still in the window; O(1) amortised per call.
from collections import deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.times = deque()

    def allow(self, t):
        cutoff = t - self.window
        times = self.times
        while times and times[0] <= cutoff:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(t)
        return True
