# Right answers, wrong complexity: bisect.insort keeps one sorted list, but each insertion
# shifts every value after it: O(n) per add, O(n^2) for the stream.
from bisect import insort


class MedianStream:
    def __init__(self):
        self.values = []

    def add(self, x):
        insort(self.values, x)

    def median(self):
        values, n = self.values, len(self.values)
        if n == 0:
            return None
        if n % 2:
            return float(values[n // 2])
        return (values[n // 2 - 1] + values[n // 2]) / 2
