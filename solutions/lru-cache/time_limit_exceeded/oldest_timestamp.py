# Right answers, wrong complexity: each key keeps the time of its last use, and an eviction
# scans every key for the oldest one: O(capacity) per eviction.
import itertools


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.values = {}
        self.used = {}
        self.clock = itertools.count()

    def get(self, key):
        if key not in self.values:
            return None
        self.used[key] = next(self.clock)
        return self.values[key]

    def put(self, key, value):
        if key not in self.values and len(self.values) == self.capacity:
            oldest = min(self.used, key=self.used.__getitem__)
            del self.values[oldest], self.used[oldest]
        self.values[key] = value
        self.used[key] = next(self.clock)
