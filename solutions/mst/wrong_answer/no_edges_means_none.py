# Bug: returns None as soon as there are no edges, but a single node needs none: n = 1 with
# no edges is spanned by the empty tree, of weight 0.
def mst_weight(n, edges):
    if not edges:
        return None
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    total, taken = 0, 0
    for u, v, w in sorted(edges, key=lambda e: e[2]):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            total += w
            taken += 1
    return total if taken == n - 1 else None
