# Right answers, O(n) memory: keeps every allowed time forever and counts the window with a
# binary search; 10^6 allowed requests do not fit in the memory limit.
from bisect import bisect_right


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.times = []

    def allow(self, t):
        inside = len(self.times) - bisect_right(self.times, t - self.window)
        if inside < self.limit:
            self.times.append(t)
            return True
        return False
