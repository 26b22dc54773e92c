# Accepted: for every prefix of every word, the sorted list of (-weight, word) of all words
# with that prefix. top() slices it: O(|prefix| + k). insert() moves the word in the lists
# of its 11 prefixes with bisect; the shifting is a fast memmove, so it stays quick.
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
            if old is not None:
                del keys[bisect_left(keys, (-old, word))]
            insort(keys, (-weight, word))

    def top(self, prefix, k):
        return [word for _, word in self.by_prefix.get(prefix, [])[:k]]
