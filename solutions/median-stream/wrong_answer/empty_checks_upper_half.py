# Bug: tests the upper half for emptiness, but a single value sits in the lower half, so
# median() of a one-value stream says None.
import heapq


class MedianStream:
    def __init__(self):
        self.low = []  # negated: a max-heap
        self.high = []

    def add(self, x):
        heapq.heappush(self.high, -heapq.heappushpop(self.low, -x))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self):
        if not self.high:
            return None
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (self.high[0] - self.low[0]) / 2
