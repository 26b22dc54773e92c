# LeetCode style: Tarjan's offline algorithm. An iterative post-order DFS; when a node is
# finished its set joins its parent's, and a query whose other node is already finished
# is answered by that node's set's ancestor. O((n + q) α(n)).
from typing import List, Tuple


class Solution:
    def lca(self, parent: List[int], queries: List[Tuple[int, int]]) -> List[int]:
        n = len(parent)
        children = [[] for _ in range(n)]
        root = parent.index(-1)
        for v, p in enumerate(parent):
            if p != -1:
                children[p].append(v)
        asked = [[] for _ in range(n)]
        for i, (u, v) in enumerate(queries):
            asked[u].append((v, i))
            asked[v].append((u, i))
        dsu = list(range(n))

        def find(x):
            while dsu[x] != x:
                dsu[x] = dsu[dsu[x]]
                x = dsu[x]
            return x

        done = [False] * n
        answer = [0] * len(queries)
        stack = [(root, False)]
        while stack:
            v, finished = stack.pop()
            if not finished:
                stack.append((v, True))
                for c in children[v]:
                    stack.append((c, False))
                continue
            done[v] = True
            for other, i in asked[v]:
                if done[other]:
                    answer[i] = find(other)
            if parent[v] != -1:
                dsu[v] = parent[v]
        return answer
