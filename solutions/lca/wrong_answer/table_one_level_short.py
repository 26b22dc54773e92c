# Bug: sizes the jump table with int(math.log2(n)) levels, one short whenever n is not a
# power of two: a depth difference of 2^LOG or more (a long path) cannot be climbed.
import math
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
    log = max(1, int(math.log2(n)))
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
