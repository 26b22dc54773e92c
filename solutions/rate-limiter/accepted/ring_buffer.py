# Accepted: a ring of the last `limit` allowed times. A request is allowed when fewer than
# `limit` were ever allowed, or the oldest of the last `limit` has left the window. O(1).
class RateLimiter:
    def __init__(self, limit: int, window: float) -> None:
        self.window = window
        self.ring: list[float] = []
        self.oldest = 0
        self.limit = limit

    def allow(self, t: float) -> bool:
        if len(self.ring) < self.limit:
            self.ring.append(t)
            return True
        if t - self.ring[self.oldest] >= self.window:
            self.ring[self.oldest] = t
            self.oldest = (self.oldest + 1) % self.limit
            return True
        return False
