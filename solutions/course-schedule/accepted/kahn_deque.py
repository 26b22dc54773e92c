# Accepted: LeetCode style. Kahn's algorithm with a FIFO queue (courses are taken in waves),
# graphs as a dict of lists; a cycle leaves some course waiting.
from collections import defaultdict, deque
from typing import List, Optional, Tuple


class Solution:
    def course_order(self, n: int, prerequisites: List[Tuple[int, int]]) -> Optional[List[int]]:
        graph = defaultdict(list)
        indegree = [0] * n
        for course, prereq in prerequisites:
            graph[prereq].append(course)
            indegree[course] += 1
        queue = deque(i for i in range(n) if indegree[i] == 0)
        order = []
        while queue:
            node = queue.popleft()
            order.append(node)
            for nxt in graph[node]:
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    queue.append(nxt)
        if len(order) != n:
            return None
        return order
