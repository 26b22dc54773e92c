# Wrong answer: drops pairs (a, a) as meaningless ("a course cannot require itself"), but
# such a course can never be taken: the answer must be None, not an order.
from collections import deque


def course_order(n, prerequisites):
    unlocks = [[] for _ in range(n)]
    indegree = [0] * n
    for course, first in prerequisites:
        if course == first:
            continue
        unlocks[first].append(course)
        indegree[course] += 1
    queue = deque(c for c in range(n) if indegree[c] == 0)
    order = []
    while queue:
        c = queue.popleft()
        order.append(c)
        for nxt in unlocks[c]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                queue.append(nxt)
    return order if len(order) == n else None
