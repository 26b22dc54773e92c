"""Reference solution: Kruskal's algorithm over a union-find with path halving, which keeps
a find O(log n) amortised however the roots are linked: O(m log m) in all, for the sort."""


def mst_weight(n: int, edges: list[tuple[int, int, int]]) -> int | None:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving: x now skips its old parent
            x = parent[x]
        return x

    total = 0
    taken = 0
    for u, v, w in sorted(edges, key=lambda edge: edge[2]):
        ru, rv = find(u), find(v)
        if ru == rv:
            continue  # a self-loop, or an edge that would close a cycle
        parent[ru] = rv
        total += w
        taken += 1
    return total if taken == n - 1 else None
