# Bug: once the heap is full, every new value replaces the smallest kept one, even a value
# smaller than all of them (heapreplace where heappushpop, or a comparison, was meant).
# Passes every sample: in each, no value arrives below the kept ones once k are kept.
import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = []

    def add(self, x):
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, x)
        else:
            heapq.heapreplace(self.heap, x)

    def top(self):
        return sorted(self.heap, reverse=True)
