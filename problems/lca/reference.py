"""Reference solution: binary lifting. Depths come from a breadth-first walk down from the
root (no recursion); up[k][v] is v's 2^k-th ancestor, or the root when there are fewer."""


def lca(parent: list[int], queries: list[tuple[int, int]]) -> list[int]:
    n = len(parent)
    children: list[list[int]] = [[] for _ in range(n)]
    root = parent.index(-1)
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    depth = [0] * n
    order = [root]
    for v in order:  # breadth-first: `order` grows while it is walked
        for child in children[v]:
            depth[child] = depth[v] + 1
            order.append(child)
    up = [[root if p < 0 else p for p in parent]]
    for _ in range(max(depth).bit_length() - 1):
        previous = up[-1]
        up.append([previous[a] for a in previous])
    answers = []
    for u, v in queries:
        if depth[u] < depth[v]:
            u, v = v, u
        climb = depth[u] - depth[v]
        for k in range(climb.bit_length()):
            if climb >> k & 1:
                u = up[k][u]
        if u != v:
            for jumps in reversed(up):
                if jumps[u] != jumps[v]:
                    u, v = jumps[u], jumps[v]
            u = up[0][u]
        answers.append(u)
    return answers
