# Runtime error: sizes the adjacency list from the largest node id in the edges ("n is
# redundant"), so a graph without edges crashes: max() of an empty sequence (ValueError).
import heapq


def shortest_paths(n, edges, source):
    top = max(max(u, v) for u, v, _ in edges)
    graph = [[] for _ in range(top + 1)]
    for u, v, w in edges:
        graph[u].append((v, w))
    dist = [None] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u] or u > top:
            continue
        for v, w in graph[u]:
            if dist[v] is None or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
