# LeetCode style: the cache is itself an OrderedDict, oldest key first. O(1) per call.
from collections import OrderedDict
from typing import Optional


class LRUCache(OrderedDict):
    def __init__(self, capacity: int):
        super().__init__()
        self.capacity = capacity

    def get(self, key: int) -> Optional[int]:
        if key not in self:
            return None
        self.move_to_end(key)
        return self[key]

    def put(self, key: int, value: int) -> None:
        if key in self:
            self.move_to_end(key)
        self[key] = value
        if len(self) > self.capacity:
            self.popitem(last=False)
