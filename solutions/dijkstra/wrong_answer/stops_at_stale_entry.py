# Wrong answer: stops the whole search (`break`) at the first stale heap entry, where it
# should skip it (`continue`). Nodes still waiting in the heap are never expanded, so their
# successors keep too large a distance, or stay unreachable.
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
            break  # bug: should be `continue`
        done[u] = True
        for v, w in graph[u]:
            if dist[v] is None or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
