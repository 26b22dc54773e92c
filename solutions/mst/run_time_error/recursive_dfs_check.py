# Runtime error: checks connectivity first with a recursive depth-first search from node 0,
# which on a path of 10^5 nodes recurses 10^5 deep: RecursionError. Right otherwise.
import heapq


def mst_weight(n, edges):
    graph = [[] for _ in range(n)]
    for u, v, w in edges:
        graph[u].append((w, v))
        graph[v].append((w, u))
    seen = [False] * n

    def dfs(u):
        seen[u] = True
        for _, v in graph[u]:
            if not seen[v]:
                dfs(v)

    dfs(0)
    if not all(seen):
        return None
    done = [False] * n
    heap = [(0, 0)]
    total = 0
    while heap:
        w, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        total += w
        for edge in graph[u]:
            if not done[edge[1]]:
                heapq.heappush(heap, edge)
    return total
