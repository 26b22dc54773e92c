# Binary lifting: up[k][v] is v's 2^k-th ancestor; depths from an iterative DFS.
# O(n log n) to build, O(log n) per query.
def lca(parent, queries):
    n = len(parent)
    children = [[] for _ in range(n)]
    root = 0
    for v, p in enumerate(parent):
        if p == -1:
            root = v
        else:
            children[p].append(v)
    depth = [0] * n
    stack = [root]
    while stack:
        v = stack.pop()
        for c in children[v]:
            depth[c] = depth[v] + 1
            stack.append(c)
    log = max(1, n.bit_length())
    up = [[root if p == -1 else p for p in parent]]
    for k in range(1, log):
        prev = up[k - 1]
        up.append([prev[prev[v]] for v in range(n)])
    out = []
    for u, v in queries:
        if depth[u] < depth[v]:
            u, v = v, u
        diff = depth[u] - depth[v]
        k = 0
        while diff:
            if diff & 1:
                u = up[k][u]
            diff >>= 1
            k += 1
        if u == v:
            out.append(u)
            continue
        for k in range(log - 1, -1, -1):
            if up[k][u] != up[k][v]:
                u = up[k][u]
                v = up[k][v]
        out.append(up[0][u])
    return out
