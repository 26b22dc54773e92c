# Euler tour + sparse table: the answer is the shallowest node visited between the first
# visits of u and v. O(n log n) to build, O(1) per query.
def lca(parent, queries):
    n = len(parent)
    children = [[] for _ in range(n)]
    root = parent.index(-1)
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    depth = [0] * n
    first = [0] * n
    tour = []
    stack = [(root, 0)]
    while stack:
        v, i = stack.pop()
        if i == 0:
            first[v] = len(tour)
        tour.append(v)
        if i < len(children[v]):
            stack.append((v, i + 1))
            c = children[v][i]
            depth[c] = depth[v] + 1
            stack.append((c, 0))
    table = [tour]
    width = 1
    while 2 * width <= len(tour):
        prev = table[-1]
        table.append(
            [a if depth[a] <= depth[b] else b for a, b in zip(prev, prev[width:])]
        )
        width *= 2
    out = []
    for u, v in queries:
        lo, hi = first[u], first[v]
        if lo > hi:
            lo, hi = hi, lo
        k = (hi - lo + 1).bit_length() - 1
        row = table[k]
        a, b = row[lo], row[hi - (1 << k) + 1]
        out.append(a if depth[a] <= depth[b] else b)
    return out
