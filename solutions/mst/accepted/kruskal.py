# Kruskal: sort the edges by weight, take each one that joins two components (union-find
# with union by rank and path compression), stop once n - 1 edges are taken.
def mst_weight(n, edges):
    parent = list(range(n))
    rank = [0] * n

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    total, taken = 0, 0
    for u, v, w in sorted(edges, key=lambda e: e[2]):
        if taken == n - 1:
            break
        ru, rv = find(u), find(v)
        if ru == rv:
            continue
        if rank[ru] < rank[rv]:
            ru, rv = rv, ru
        parent[rv] = ru
        if rank[ru] == rank[rv]:
            rank[ru] += 1
        total += w
        taken += 1
    return total if taken == n - 1 else None
