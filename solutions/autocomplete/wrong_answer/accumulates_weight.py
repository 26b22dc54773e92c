# Bug: inserting a word again adds the new weight to the old one (as in a search log that
# counts queries) instead of replacing it; wrong once a word comes back with a weight that
# does not only add up to the same order.
from bisect import bisect_left, insort


class Autocomplete:
    def __init__(self):
        self.weights = {}
        self.by_prefix = {}

    def insert(self, word, weight):
        old = self.weights.get(word)
        new = weight if old is None else old + weight
        self.weights[word] = new
        for end in range(len(word) + 1):
            keys = self.by_prefix.setdefault(word[:end], [])
            if old is not None:
                del keys[bisect_left(keys, (-old, word))]
            insort(keys, (-new, word))

    def top(self, prefix, k):
        return [word for _, word in self.by_prefix.get(prefix, [])[:k]]
