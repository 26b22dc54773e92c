# Bug: a fixed-window counter (buckets [k·window, (k+1)·window)) instead of a sliding window,
# so a burst at the end of one bucket and another at the start of the next both pass.
import math


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.bucket = None
        self.count = 0

    def allow(self, t):
        bucket = math.floor(t / self.window)
        if bucket != self.bucket:
            self.bucket = bucket
            self.count = 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False
