# Bug: a full heap admits x only if it beats heap[-1], the last slot, instead of heap[0],
# the smallest kept value; a value between the two is wrongly dropped.
import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = []

    def add(self, x):
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, x)
        elif x > self.heap[-1]:
            heapq.heapreplace(self.heap, x)

    def top(self):
        return sorted(self.heap, reverse=True)
