# Bug: fills depth[v] = depth[parent[v]] + 1 in one pass over v = 0, 1, 2, ..., as if every
# parent were numbered below its children; a parent numbered above its child still has
# depth 0 when the child is reached, so depths (and answers) come out wrong.
def lca(parent, queries):
    n = len(parent)
    root = parent.index(-1)
    depth = [0] * n
    for v in range(n):
        if parent[v] != -1:
            depth[v] = depth[parent[v]] + 1
    log = max(1, n.bit_length())
    up = [[root if p < 0 else p for p in parent]]
    for k in range(1, log):
        up.append([up[k - 1][up[k - 1][v]] for v in range(n)])
    out = []
    for u, v in queries:
        if u == v:
            out.append(u)
            continue
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
