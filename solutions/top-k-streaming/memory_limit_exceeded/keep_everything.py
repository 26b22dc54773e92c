# Right answers, wrong memory: keeps every value of the stream and sorts on demand.
class TopK:
    def __init__(self, k):
        self.k = k
        self.seen = []

    def add(self, x):
        self.seen.append(x)

    def top(self):
        return sorted(self.seen, reverse=True)[: self.k]
