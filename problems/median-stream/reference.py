"""Reference solution: two heaps, a max-heap of the lower half and a min-heap of the upper half.

`low` holds the smaller half negated (heapq is a min-heap), `high` the larger half. Every value
of `low` is at most every value of `high`, and `low` holds as many values as `high` or one
more, so the median is `low`'s top, or the mean of both tops. A new value passes through the
half that must not grow, which hands its smallest (or largest) value to the other half.
"""

import heapq


class MedianStream:
    def __init__(self) -> None:
        self.low: list[int] = []
        self.high: list[int] = []

    def add(self, x: int) -> None:
        if len(self.low) == len(self.high):
            heapq.heappush(self.low, -heapq.heappushpop(self.high, x))
        else:
            heapq.heappush(self.high, -heapq.heappushpop(self.low, -x))

    def median(self) -> float | None:
        if not self.low:
            return None
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (self.high[0] - self.low[0]) / 2
