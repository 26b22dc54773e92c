"""Reference solution: union by size with path halving, and a running count of sets."""


class DSU:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n
        self.sets = n

    def _find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving: x now skips its old parent
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        a, b = self._find(a), self._find(b)
        if a == b:
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a  # the smaller set hangs under the larger one's root
        self.size[a] += self.size[b]
        self.sets -= 1
        return True

    def connected(self, a: int, b: int) -> bool:
        return self._find(a) == self._find(b)

    def components(self) -> int:
        return self.sets
