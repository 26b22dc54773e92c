# Bug: keeps a set, so repeated values count once (duplicates must count with multiplicity).


class TopK:
    def __init__(self, k):
        self.k = k
        self.values = set()

    def add(self, x):
        self.values.add(x)
        if len(self.values) > self.k:
            self.values.remove(min(self.values))

    def top(self):
        return sorted(self.values, reverse=True)
