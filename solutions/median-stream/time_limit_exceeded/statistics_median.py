# Right answers, wrong complexity: statistics.median sorts a copy of every value seen at each
# call, O(n log n) per median().
import statistics


class MedianStream:
    def __init__(self):
        self.values = []

    def add(self, x):
        self.values.append(x)

    def median(self):
        return statistics.median(self.values) if self.values else None
