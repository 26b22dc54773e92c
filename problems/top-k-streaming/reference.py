"""Reference solution: a min-heap of the k largest values seen so far."""

import heapq


class TopK:
    def __init__(self, k: int) -> None:
        self.k = k
        self.heap: list[int] = []

    def add(self, x: int) -> None:
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, x)
        elif x > self.heap[0]:
            heapq.heapreplace(self.heap, x)

    def top(self) -> list[int]:
        return sorted(self.heap, reverse=True)
