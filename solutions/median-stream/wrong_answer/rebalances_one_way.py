# Bug: moves a value from the lower half to the upper one when the lower grows too big, but
# never back, so after rising values the upper half is the larger and median() reads the
# wrong top.
import heapq


class MedianStream:
    def __init__(self):
        self.low = []  # negated: a max-heap
        self.high = []

    def add(self, x):
        if self.low and x > -self.low[0]:
            heapq.heappush(self.high, x)
        else:
            heapq.heappush(self.low, -x)
        if len(self.low) > len(self.high) + 1:
            heapq.heappush(self.high, -heapq.heappop(self.low))

    def median(self):
        if not self.low:
            return None
        if len(self.low) == len(self.high):
            return (self.high[0] - self.low[0]) / 2
        return float(-self.low[0])
