# Right answers, wrong complexity: links one root under the other without comparing sizes
# and never compresses paths, so adversarial unions build a chain n - 1 deep and each find
# on it walks O(n) nodes: O(n) per call, 4 · 10^9 steps on a stress chain.
class DSU:
    def __init__(self, n):
        self.parent = list(range(n))
        self.count = n

    def find(self, x):
        while self.parent[x] != x:
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb
        self.count -= 1
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def components(self):
        return self.count
