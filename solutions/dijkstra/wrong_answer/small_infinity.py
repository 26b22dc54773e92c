# Wrong answer: uses INF = 10**9 as "infinity", a habit from C++ where weights are small.
# Here weights go up to 10**9, so a node at distance >= 10**9 is never relaxed and is
# reported unreachable (None). Right whenever all distances stay below 10**9.
import heapq

INF = 10**9


def shortest_paths(n, edges, source):
    graph = [[] for _ in range(n)]
    for u, v, w in edges:
        graph[u].append((v, w))
    dist = [INF] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            if d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return [None if d == INF else d for d in dist]
