# Wrong answer: tests "no distance yet" with `not dist[v]`, but a distance of 0 is falsy too.
# An edge into the source (or into a node reached at cost 0) then overwrites its 0 with a
# larger distance. Right on every graph without such an edge (both samples included).
import heapq


def shortest_paths(n, edges, source):
    graph = [[] for _ in range(n)]
    for u, v, w in edges:
        graph[u].append((v, w))
    dist = [None] * n
    dist[source] = 0
    done = [False] * n
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        for v, w in graph[u]:
            if not dist[v] or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
