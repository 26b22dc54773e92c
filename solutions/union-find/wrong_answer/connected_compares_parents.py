# Bug: connected() compares the two nodes' parents instead of their roots. Union by size
# keeps trees shallow, but not one level deep: once two sets of two merge, a node two
# levels down has a parent that is not its root.
class DSU:
    def __init__(self, n):
        self.parent = list(range(n))
        self.size = [1] * n
        self.count = n

    def find(self, x):
        while self.parent[x] != x:
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
        self.count -= 1
        return True

    def connected(self, a, b):
        return self.parent[a] == self.parent[b]

    def components(self):
        return self.count
