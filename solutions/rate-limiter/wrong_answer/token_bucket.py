# Bug: a token bucket (capacity `limit`, refilled at limit/window per second) instead of a
# sliding window: it lends tokens back gradually, so limit 2, window 10 allows a third
# request at t = 5 after two at t = 0.
class RateLimiter:
    def __init__(self, limit, window):
        self.capacity = limit
        self.rate = limit / window
        self.tokens = float(limit)
        self.last = None

    def allow(self, t):
        if self.last is not None:
            self.tokens = min(self.capacity, self.tokens + (t - self.last) * self.rate)
        self.last = t
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
