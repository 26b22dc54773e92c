# Bug: LeetCode's habit of -1 for a miss: get() looks the key up with a default of -1 and
# answers None when it sees -1, so a stored -1 reads as a miss (and is not refreshed).
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.entries = OrderedDict()

    def get(self, key):
        value = self.entries.get(key, -1)
        if value == -1:
            return None
        self.entries.move_to_end(key)
        return value

    def put(self, key, value):
        self.entries[key] = value
        self.entries.move_to_end(key)
        if len(self.entries) > self.capacity:
            self.entries.popitem(last=False)
