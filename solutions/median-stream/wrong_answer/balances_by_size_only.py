# Bug: keeps the two halves equal in size but never compares values: odd-numbered adds go to
# the lower heap and even-numbered to the upper, so a small value can sit in the upper half.
import heapq


class MedianStream:
    def __init__(self):
        self.low = []  # negated: a max-heap
        self.high = []

    def add(self, x):
        if len(self.low) == len(self.high):
            heapq.heappush(self.low, -x)
        else:
            heapq.heappush(self.high, x)

    def median(self):
        if not self.low:
            return None
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (self.high[0] - self.low[0]) / 2
