# Accepted, though it looks like a bug: drops at most one expired time per call. The deque
# never holds more than `limit` times, so whenever its oldest time has expired, dropping
# that one already leaves room: the request is allowed, as it should be (the window holds
# fewer than `limit`). Any other expired times go on later calls. O(1) per call.
from collections import deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.times = deque()

    def allow(self, t):
        if self.times and self.times[0] <= t - self.window:
            self.times.popleft()
        if len(self.times) < self.limit:
            self.times.append(t)
            return True
        return False
