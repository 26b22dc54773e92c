# Right answers, wrong complexity: Prim's algorithm that finds the next node by scanning
# every node's best key, O(n^2): 10^10 steps for n = 10^5.
def mst_weight(n, edges):
    graph = [[] for _ in range(n)]
    for u, v, w in edges:
        graph[u].append((v, w))
        graph[v].append((u, w))
    best = [None] * n
    best[0] = 0
    done = [False] * n
    total = 0
    for _ in range(n):
        u = -1
        for x in range(n):
            if not done[x] and best[x] is not None and (u < 0 or best[x] < best[u]):
                u = x
        if u < 0:
            return None
        done[u] = True
        total += best[u]
        for v, w in graph[u]:
            if not done[v] and (best[v] is None or w < best[v]):
                best[v] = w
    return total
