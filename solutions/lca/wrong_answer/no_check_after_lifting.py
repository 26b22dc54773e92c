# Bug: answers (u, u) at once, but after lifting the deeper node to the other's depth it
# never checks whether it has landed on the other node, so when one node is a proper
# ancestor of the other it returns that ancestor's parent instead (right only when the
# ancestor is the root, which its table maps to itself).
from collections import deque


def lca(parent, queries):
    n = len(parent)
    children = [[] for _ in range(n)]
    root = parent.index(-1)
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    depth = [0] * n
    todo = deque([root])
    while todo:
        v = todo.popleft()
        for c in children[v]:
            depth[c] = depth[v] + 1
            todo.append(c)
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
        for k in range(log - 1, -1, -1):
            if up[k][u] != up[k][v]:
                u, v = up[k][u], up[k][v]
        out.append(up[0][u])
    return out
