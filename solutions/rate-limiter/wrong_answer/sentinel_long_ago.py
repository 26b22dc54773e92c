# Bug: fills the ring of the last `limit` allowed times with -10^9 ("before any request",
# since t >= -10^9), but a window longer than t + 10^9 still reaches back past -10^9: the
# first requests are refused (limit 1, window 2·10^9: allow(0) returns False).
class RateLimiter:
    def __init__(self, limit, window):
        self.window = window
        self.ring = [-(10**9)] * limit
        self.oldest = 0

    def allow(self, t):
        if t - self.ring[self.oldest] < self.window:
            return False
        self.ring[self.oldest] = t
        self.oldest = (self.oldest + 1) % len(self.ring)
        return True
