# Accepted: LeetCode style, with a visited set and a dict of best known distances.
from heapq import heappop, heappush


class Solution:
    def shortest_paths(self, n: int, edges: list, source: int) -> list:
        adj = {}
        for u, v, w in edges:
            adj.setdefault(u, []).append((v, w))
        best = {source: 0}
        visited = set()
        heap = [(0, source)]
        while heap:
            d, u = heappop(heap)
            if u in visited:
                continue
            visited.add(u)
            for v, w in adj.get(u, ()):
                if v not in visited and (v not in best or d + w < best[v]):
                    best[v] = d + w
                    heappush(heap, (d + w, v))
        return [best.get(v) for v in range(n)]
