# Bug: decides connectivity by checking that every node touches some edge, instead of
# counting the tree's edges; two separate components, neither with an isolated node, get
# the weight of a spanning forest instead of None.
def mst_weight(n, edges):
    touched = set()
    for u, v, _ in edges:
        touched.add(u)
        touched.add(v)
    if n > 1 and len(touched) < n:
        return None
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    total = 0
    for u, v, w in sorted(edges, key=lambda e: e[2]):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            total += w
    return total
