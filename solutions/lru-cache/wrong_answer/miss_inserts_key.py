# Bug: get() pops the key and puts it back as the newest even on a miss, storing None for it:
# the phantom key takes a place in the cache and later puts evict a real key too early.
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.entries = OrderedDict()

    def get(self, key):
        value = self.entries.pop(key, None)
        self.entries[key] = value
        return value

    def put(self, key, value):
        self.entries[key] = value
        self.entries.move_to_end(key)
        if len(self.entries) > self.capacity:
            self.entries.popitem(last=False)
