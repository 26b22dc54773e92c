# Bug: Prim's algorithm with "infinity" = 10**9, the largest weight allowed: an edge of
# weight exactly 10^9 never improves a key, so a node reachable only through one is taken
# for unreachable and the answer becomes None.
import heapq

INF = 10**9


def mst_weight(n, edges):
    graph = [[] for _ in range(n)]
    for u, v, w in edges:
        graph[u].append((v, w))
        graph[v].append((u, w))
    key = [INF] * n
    key[0] = 0
    done = [False] * n
    heap = [(0, 0)]
    total = 0
    while heap:
        k, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        total += k
        for v, w in graph[u]:
            if not done[v] and w < key[v]:
                key[v] = w
                heapq.heappush(heap, (w, v))
    return total if all(done) else None
