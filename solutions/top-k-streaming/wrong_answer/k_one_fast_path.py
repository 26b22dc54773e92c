# Bug: a fast path for k = 1 keeps the largest value so far and reports it as a list of
# one, even before any value has arrived (top() then gives [None], not []). Passes every
# sample: none has k = 1.
import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = []
        self.best = None

    def add(self, x):
        if self.k == 1:
            if self.best is None or x > self.best:
                self.best = x
        elif len(self.heap) < self.k:
            heapq.heappush(self.heap, x)
        elif x > self.heap[0]:
            heapq.heapreplace(self.heap, x)

    def top(self):
        if self.k == 1:
            return [self.best]
        return sorted(self.heap, reverse=True)
