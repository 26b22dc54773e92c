# LeetCode style: Prim's algorithm with a binary heap and lazy deletion, O(m log m).
import heapq
from typing import List, Optional, Tuple


class Solution:
    def mst_weight(self, n: int, edges: List[Tuple[int, int, int]]) -> Optional[int]:
        graph = [[] for _ in range(n)]
        for u, v, w in edges:
            if u != v:
                graph[u].append((w, v))
                graph[v].append((w, u))
        seen = [False] * n
        heap = [(0, 0)]
        total = 0
        count = 0
        while heap and count < n:
            w, u = heapq.heappop(heap)
            if seen[u]:
                continue
            seen[u] = True
            total += w
            count += 1
            for edge in graph[u]:
                if not seen[edge[1]]:
                    heapq.heappush(heap, edge)
        return total if count == n else None
