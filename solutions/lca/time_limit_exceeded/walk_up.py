# Right answers, wrong complexity: lifts the deeper node one parent at a time, then both
# together until they meet: O(depth) per query, about 10^9 steps on the deep stress trees.
def lca(parent, queries):
    n = len(parent)
    children = [[] for _ in range(n)]
    root = parent.index(-1)
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    depth = [0] * n
    order = [root]
    for v in order:
        for c in children[v]:
            depth[c] = depth[v] + 1
            order.append(c)
    out = []
    for u, v in queries:
        while depth[u] > depth[v]:
            u = parent[u]
        while depth[v] > depth[u]:
            v = parent[v]
        while u != v:
            u, v = parent[u], parent[v]
        out.append(u)
    return out
