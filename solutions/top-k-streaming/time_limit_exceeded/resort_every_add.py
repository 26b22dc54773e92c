# Right answers, wrong complexity: re-sorts the kept k + 1 values on every add, O(k log k) each.
class TopK:
    def __init__(self, k):
        self.k = k
        self.kept = []

    def add(self, x):
        self.kept.append(x)
        self.kept = sorted(self.kept, reverse=True)[: self.k]

    def top(self):
        return list(self.kept)
