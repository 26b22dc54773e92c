# Two heaps: a value goes to the half it belongs to by comparison with the lower half's top,
# then one value moves across if the sizes drift apart. O(log n) per add.
import heapq


class MedianStream:
    def __init__(self):
        self.low = []  # the lower half, negated: a max-heap
        self.high = []  # the upper half: a min-heap

    def add(self, x):
        if self.low and x > -self.low[0]:
            heapq.heappush(self.high, x)
            if len(self.high) > len(self.low):
                heapq.heappush(self.low, -heapq.heappop(self.high))
        else:
            heapq.heappush(self.low, -x)
            if len(self.low) > len(self.high) + 1:
                heapq.heappush(self.high, -heapq.heappop(self.low))

    def median(self):
        if not self.low:
            return None
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (self.high[0] - self.low[0]) / 2
