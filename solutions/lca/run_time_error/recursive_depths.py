# Runtime error: computes depths with a recursive DFS, which on a path of 10^5 nodes
# recurses 10^5 deep: RecursionError. Binary lifting, right otherwise.
def lca(parent, queries):
    n = len(parent)
    children = [[] for _ in range(n)]
    root = parent.index(-1)
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    depth = [0] * n

    def dfs(v, d):
        depth[v] = d
        for c in children[v]:
            dfs(c, d + 1)

    dfs(root, 0)
    log = max(1, n.bit_length())
    up = [[root if p < 0 else p for p in parent]]
    for k in range(1, log):
        up.append([up[k - 1][up[k - 1][v]] for v in range(n)])
    out = []
    for u, v in queries:
        if depth[u] < depth[v]:
            u, v = v, u
        for k in range(log - 1, -1, -1):
            if depth[u] - (1 << k) >= depth[v]:
                u = up[k][u]
        if u != v:
            for k in range(log - 1, -1, -1):
                if up[k][u] != up[k][v]:
                    u, v = up[k][u], up[k][v]
            u = up[0][u]
        out.append(u)
    return out
