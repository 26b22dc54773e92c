# Bug: files each word under its proper prefixes only (range(len(word)) is one short), so a
# word never completes itself: top("car", 1) misses "car" when "car" is a word.
from bisect import bisect_left, insort


class Autocomplete:
    def __init__(self):
        self.weights = {}
        self.by_prefix = {}

    def insert(self, word, weight):
        old = self.weights.get(word)
        self.weights[word] = weight
        for end in range(len(word)):
            keys = self.by_prefix.setdefault(word[:end], [])
            if old is not None:
                del keys[bisect_left(keys, (-old, word))]
            insort(keys, (-weight, word))

    def top(self, prefix, k):
        return [word for _, word in self.by_prefix.get(prefix, [])[:k]]
