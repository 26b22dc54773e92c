# Right answers, wrong complexity: Kruskal whose union-find links one root under the other
# without ranks and never compresses paths; on the stress paths the tree becomes a chain
# n - 1 deep and every edge that closes a cycle walks it: O(n) per edge.
def mst_weight(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    total, taken = 0, 0
    for u, v, w in sorted(edges, key=lambda e: e[2]):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            total += w
            taken += 1
            if taken == n - 1:
                break
    return total if taken == n - 1 else None
