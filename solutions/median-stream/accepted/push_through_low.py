# Two heaps, LeetCode style: every value goes through the lower half into the upper half,
# and back if the upper half grew larger. O(log n) per add.
import heapq


class MedianStream:
    def __init__(self):
        self.low = []  # the lower half, negated: a max-heap
        self.high = []  # the upper half: a min-heap

    def add(self, x):
        heapq.heappush(self.high, -heapq.heappushpop(self.low, -x))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self):
        if not self.low:
            return None
        if len(self.low) > len(self.high):
            return -self.low[0]
        return (self.high[0] - self.low[0]) / 2
