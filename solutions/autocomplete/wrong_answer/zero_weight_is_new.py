# Bug: tests `if old:` to see whether the word was stored before, so a word whose weight was
# 0 counts as new when it comes back: its old entry stays and the word is listed twice.
from bisect import bisect_left, insort


class Autocomplete:
    def __init__(self):
        self.weights = {}
        self.by_prefix = {}

    def insert(self, word, weight):
        old = self.weights.get(word)
        self.weights[word] = weight
        for end in range(len(word) + 1):
            keys = self.by_prefix.setdefault(word[:end], [])
            if old:
                del keys[bisect_left(keys, (-old, word))]
            insort(keys, (-weight, word))

    def top(self, prefix, k):
        return [word for _, word in self.by_prefix.get(prefix, [])[:k]]
