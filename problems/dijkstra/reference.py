"""Reference solution: Dijkstra with a binary heap and lazy deletion (weights are >= 0)."""

from heapq import heappop, heappush


def shortest_paths(n: int, edges: list[tuple[int, int, int]], source: int) -> list[int | None]:
    adjacency: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        adjacency[u].append((v, w))
    best: list[int | None] = [None] * n
    best[source] = 0
    done = [False] * n
    heap = [(0, source)]
    while heap:
        distance, u = heappop(heap)
        if done[u]:
            continue  # a stale entry: u was settled earlier at a smaller distance
        done[u] = True
        for v, w in adjacency[u]:
            candidate = distance + w
            known = best[v]
            if known is None or candidate < known:
                best[v] = candidate
                heappush(heap, (candidate, v))
    return best
