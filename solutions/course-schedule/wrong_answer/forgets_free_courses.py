# Wrong answer: builds the in-degrees from the pairs only, so a course that appears in no
# pair (no prerequisites and needed by nothing) is never put in the order.
from collections import defaultdict, deque


def course_order(n, prerequisites):
    indegree = defaultdict(int)
    graph = defaultdict(list)
    for course, first in prerequisites:
        graph[first].append(course)
        indegree[course] += 1
        indegree[first] += 0
    queue = deque(c for c in indegree if indegree[c] == 0)
    order = []
    while queue:
        c = queue.popleft()
        order.append(c)
        for nxt in graph[c]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                queue.append(nxt)
    return order if len(order) == len(indegree) else None
