# Right answers, O(limit) per call: rebuilds the list of times still in the window on every
# request instead of dropping the expired ones from the front.
class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.times = []

    def allow(self, t):
        self.times = [s for s in self.times if s > t - self.window]
        if len(self.times) < self.limit:
            self.times.append(t)
            return True
        return False
