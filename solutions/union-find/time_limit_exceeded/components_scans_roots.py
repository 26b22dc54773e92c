# Right answers, wrong complexity: a good union-find, but components() counts the roots by
# scanning all n nodes on every call: O(n) per call, 2 · 10^9 steps on the random mix.
class DSU:
    def __init__(self, n):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def components(self):
        return sum(1 for x, p in enumerate(self.parent) if x == p)
