# Bug: starts from k zeros as sentinels instead of an empty heap, so all-negative streams and
# streams shorter than k come back padded with zeros.
import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = [0] * k
        self.seen = 0

    def add(self, x):
        self.seen += 1
        if x > self.heap[0]:
            heapq.heapreplace(self.heap, x)

    def top(self):
        kept = sorted(self.heap, reverse=True)
        return kept[: self.seen] if self.seen < self.k and all(v >= 0 for v in kept) else kept
