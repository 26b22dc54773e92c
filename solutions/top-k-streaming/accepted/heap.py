# A min-heap of size k: O(log k) per add, O(k) memory.
import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = []

    def add(self, x):
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, x)
        elif x > self.heap[0]:
            heapq.heappushpop(self.heap, x)

    def top(self):
        return sorted(self.heap, reverse=True)
