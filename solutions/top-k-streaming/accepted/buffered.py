# Buffer up to 2k values, then cut back to the k largest: amortised O(log k) per add.
class TopK:
    def __init__(self, k):
        self.k = k
        self.kept = []

    def add(self, x):
        self.kept.append(x)
        if len(self.kept) >= 2 * self.k + 64:
            self.kept.sort(reverse=True)
            del self.kept[self.k :]

    def top(self):
        self.kept.sort(reverse=True)
        del self.kept[self.k :]
        return list(self.kept)
