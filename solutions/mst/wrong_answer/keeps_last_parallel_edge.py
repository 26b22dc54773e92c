# Bug: collapses parallel edges into a dict keyed by the node pair, but keeps the weight of
# the last copy listed instead of the cheapest one.
def mst_weight(n, edges):
    weight = {}
    for u, v, w in edges:
        weight[min(u, v), max(u, v)] = w
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    total, taken = 0, 0
    for (u, v), w in sorted(weight.items(), key=lambda item: item[1]):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            total += w
            taken += 1
    return total if taken == n - 1 else None
